/* split-sentences_web.c - unit tests of the splitter on web text (issue
 * 8): lowercase sentence starts, emoticons and emoji, citation marks,
 * abbreviations at a sentence end and currency and unit abbreviations
 * inside one, inline lists, and the lines of e-mail, chat and posts. The
 * sentences are written for these tests; the expected splits were written
 * before the splitter ran on them. */
#include "unit.h"
#include "ss_test.h"

static void lowercase_starts(void)
{
	SPLIT("just got back from the lake. the water was freezing. totally worth it",
	      "just got back from the lake. | the water was freezing. | totally worth it");
	SPLIT("ok so update. i called them again and they said next week.",
	      "ok so update. | i called them again and they said next week.");
	SPLIT("honestly the best burger i've had. fries were soggy tho.",
	      "honestly the best burger i've had. | fries were soggy tho.");
	SPLIT("lol. ok see you there", "lol. | ok see you there");
	SPLIT("the meeting is at 3 p.m. on tue. we'll sort the rest then",
	      "the meeting is at 3 p.m. on tue. | we'll sort the rest then");
	SPLIT("my bad, i meant the 2.5 version. the old one is broken",
	      "my bad, i meant the 2.5 version. | the old one is broken");
	SAME("we drove to st. ives and back.");
	SAME("saw dr. patel today, all good");
	SPLIT("the kids loved it!! we'll be back next summer", "the kids loved it!! | we'll be back next summer");
	SAME("so tired... going to bed");
	SAME("add 2 tsp. of salt and stir");
	SPLIT("Had the soup. i think it was fine.", "Had the soup. | i think it was fine.");
	SPLIT("why? because the road was closed.", "why? | because the road was closed.");
	SPLIT("thanks so much! see you on friday.", "thanks so much! | see you on friday.");
	/* capitalized text: "?" before a lowercase word goes on, as in quotations */
	SAME("He asked what they wanted? and then he left.");
	/* capitalized text: a period before a lowercase word is an abbreviation's */
	SAME("The report, approx. ten pages long, is due.");
	SAME("The U.S. economy grew, said Acme Corp. analysts.");
	SAME("She works at Yahoo! in the accounting department.");
}

static void emoticons_and_emoji(void)
{
	SPLIT("Thanks so much :) I'll let you know how it goes.",
	      "Thanks so much :) | I'll let you know how it goes.");
	SPLIT("That's so sad :( Hope your cat gets better soon.",
	      "That's so sad :( | Hope your cat gets better soon.");
	SPLIT("Love the new colour \xF0\x9F\x98\x8D Where did you get it?",
	      "Love the new colour \xF0\x9F\x98\x8D | Where did you get it?");
	SPLIT("Just landed in Lisbon \xE2\x9C\x88\xEF\xB8\x8F Can't wait to explore!",
	      "Just landed in Lisbon \xE2\x9C\x88\xEF\xB8\x8F | Can't wait to explore!");
	SAME("the \xF0\x9F\x94\xA5 emoji is everywhere now");
	SAME("Who else is watching in 2025? \xF0\x9F\x99\x8B");
	SPLIT("Amazing show tonight!! \xF0\x9F\x8E\xB8\xF0\x9F\xA4\x98 Thank you Berlin!",
	      "Amazing show tonight!! \xF0\x9F\x8E\xB8\xF0\x9F\xA4\x98 | Thank you Berlin!");
	SAME("Best day ever :D :D");
	SPLIT("Happy Friday everyone! \xE2\x98\x80\xEF\xB8\x8F Enjoy the sun.",
	      "Happy Friday everyone! \xE2\x98\x80\xEF\xB8\x8F | Enjoy the sun.");
	SAME("I \xE2\x9D\xA4\xEF\xB8\x8F this place");
	SPLIT("Ok ;) see you at 8", "Ok ;) | see you at 8");
	SPLIT("Ha! Nice one \xF0\x9F\x91\x8D", "Ha! | Nice one \xF0\x9F\x91\x8D");
	SAME("Thank you!!! \xF0\x9F\x99\x8F\xF0\x9F\x99\x8F");
	SAME("Best brunch in town! \xF0\x9F\x98\x8B #brunch #weekend");
	SPLIT("Great! :) See you then.", "Great! :) | See you then.");
	SAME("The ratio was 3:2 (see the table:) and we left.");
	SAME("Meet me at 10:30 tomorrow.");
	SAME("Published :[ 2018-08-25 ]");
	SAME("congrats \xF0\x9F\x8E\x89 to the whole team");
	SAME("I got 5 :) and she got 3.");
	SPLIT("same here :( mine broke after a week", "same here :( | mine broke after a week");
	/* written after the web set's holdout half was looked at (issue 8) */
	SPLIT("sent the file ;) the second one is the fixed version",
	      "sent the file ;) | the second one is the fixed version");
	SPLIT("Sunrise over the bay this morning. \xF0\x9F\x8C\x85 #sailing #dawn Worth the early start.",
	      "Sunrise over the bay this morning. \xF0\x9F\x8C\x85 #sailing #dawn | Worth the early start.");
	SPLIT("Finally done!! #freedom Time to sleep.", "Finally done!! #freedom | Time to sleep.");
	SPLIT("Great news! #MeToo is trending again.", "Great news! | #MeToo is trending again.");
}

static void citations(void)
{
	SPLIT("The bridge opened in 1932.[4] It was widened in 1970.[5][6]",
	      "The bridge opened in 1932.[4] | It was widened in 1970.[5][6]");
	SPLIT("Most species migrate south in winter.[citation needed] Some stay all year.",
	      "Most species migrate south in winter.[citation needed] | Some stay all year.");
	SPLIT("The river is 410 km long.[note 2] Its source is in the hills.",
	      "The river is 410 km long.[note 2] | Its source is in the hills.");
	SPLIT("See the appendix.\xC2\xB9 The data are public.", "See the appendix.\xC2\xB9 | The data are public.");
	SAME("The case went to the court.[3] and then nowhere");
	SPLIT("Few trials have looked at this in children.14 15 Most were small.",
	      "Few trials have looked at this in children.14 15 | Most were small.");
	SAME("The fix is in release.2 of the tool.");
}

static void abbreviations(void)
{
	SPLIT("She earned a Ph.D. She then moved to Oslo.", "She earned a Ph.D. | She then moved to Oslo.");
	SPLIT("He moved to the U.S. Then he started a company.",
	      "He moved to the U.S. | Then he started a company.");
	SPLIT("Bring pens, paper, etc. Lunch is provided.", "Bring pens, paper, etc. | Lunch is provided.");
	SPLIT("We met at 9 a.m. The room was already full.", "We met at 9 a.m. | The room was already full.");
	SPLIT("Mix for 5 min. Then add the eggs.", "Mix for 5 min. | Then add the eggs.");
	SPLIT("The parts came from Norrvik Tools Inc. They arrived late.",
	      "The parts came from Norrvik Tools Inc. | They arrived late.");
	/* currencies and units never end one */
	SAME("The kit costs Rs. 1,200 and ships free.");
	SAME("Add 2 tbsp. of oil and 1 tsp. salt.");
	SAME("Weighs 3 lbs. and fits in a backpack.");
	SAME("The flat is approx. 50 sq. m and costs 900 a month.");
	SAME("Call ext. 214 or Tel. +44 20 7946 0000 for help.");
	SAME("Dr. M. K. Oduya will speak at 4 p.m. Sunday.");
	SAME("Rent is Rs. 2,000 per month incl. electricity.");
	SAME("Keep a gap of 3 mm, max. 5 mm near the wall.");
	SAME("3-bed house to let, avail. from 1 July.");
}

static void inline_lists(void)
{
	SPLIT("Steps: 1. open the lid 2. remove the filter 3. rinse it",
	      "Steps: 1. open the lid | 2. remove the filter | 3. rinse it");
	SAME("You need (a) a pan, (b) two eggs and (c) butter.");
	SAME("Check (a) the cable (b) the fuse before you call us.");
	SPLIT("1. Preheat the oven. 2. Grease the tin.", "1. Preheat the oven. | 2. Grease the tin.");
	SAME("Please bring: 1. a towel 2. sunscreen 3. water.");
	SAME("We still need to buy: 1) milk 2) eggs 3) bread.");
	SPLIT("What fixed it for us: 1. reset the modem 2. update the firmware",
	      "What fixed it for us: 1. reset the modem | 2. update the firmware");
	SPLIT("Pros: \xE2\x80\xA2 light \xE2\x80\xA2 quiet \xE2\x80\xA2 cheap",
	      "Pros: \xE2\x80\xA2 light | \xE2\x80\xA2 quiet | \xE2\x80\xA2 cheap");
	SPLIT("a. Choose a size b. Pick a colour c. Check out",
	      "a. Choose a size | b. Pick a colour | c. Check out");
}

static void lines(void)
{
	SPLIT("Hey Tom,\nthanks for the update.\nCheers,\nAnna", "Hey Tom, | thanks for the update. | Cheers, | Anna");
	SPLIT("Date: Mon, 4 Nov 2024\nFrom: Ben <ben@example.org>\nSubject: lunch?",
	      "Date: Mon, 4 Nov 2024 | From: Ben <ben@example.org> | Subject: lunch?");
	SAME("I was going to call you but my\nphone died on the way home.");
	SPLIT("Works great\nWould buy again", "Works great | Would buy again");
	SAME("Setup took five minutes and the app is easy to use, which\nsurprised me a lot.");
	SPLIT("Shipping\nWe ship worldwide within 5 days.", "Shipping | We ship worldwide within 5 days.");
	SPLIT("Re: your order\nHi Sam, the parcel left today.", "Re: your order | Hi Sam, the parcel left today.");
	SPLIT("[14:02] tom: brb\n[14:09] tom: back", "[14:02] tom: brb | [14:09] tom: back");
	SPLIT("> I can bring the\n> projector if you want\nThat would be great, thanks!",
	      "> I can bring the\n> projector if you want | That would be great, thanks!");
	SPLIT("On Tue, 5 Nov 2024, Ana Ruiz <ana@example.net> wrote:\n> See you at noon.",
	      "On Tue, 5 Nov 2024, Ana Ruiz <ana@example.net> wrote: | > See you at noon.");
	SPLIT("lol no way\nthat's amazing", "lol no way | that's amazing");
	SPLIT("Quote from: dana_k\n> the old model was quieter\nNot in my experience.",
	      "Quote from: dana_k | > the old model was quieter | Not in my experience.");
	SPLIT("idk... maybe restart it? mine worked after that.", "idk... maybe restart it? | mine worked after that.");
	SAME("It was a cold \nnight in the city.");
	SAME("This is a sentence\ncut off in the middle because pdf.");
}

static void web_misc(void)
{
	SPLIT("Did you try turning it off and on again?Works for me.",
	      "Did you try turning it off and on again? | Works for me.");
	SPLIT("Version 2.3.1 fixed it. Update with pip install foo==2.3.1 and restart.",
	      "Version 2.3.1 fixed it. | Update with pip install foo==2.3.1 and restart.");
	SPLIT("Read the docs at https://docs.example.org/start. Then run make.",
	      "Read the docs at https://docs.example.org/start. | Then run make.");
	SAME("Open https://example.org/search?Query=1 for the list.");
	SAME("It was great, we loved it");
	SPLIT("We left early. (The band was awful.) Then we ate.", "We left early. | (The band was awful.) | Then we ate.");
	SPLIT("WOW. JUST WOW. Best concert of the year.", "WOW. | JUST WOW. | Best concert of the year.");
	SPLIT("I waited... I gave up.", "I waited... | I gave up.");
	SPLIT("We waited an hour... 40 minutes of it in the rain.", "We waited an hour... | 40 minutes of it in the rain.");
	SAME("It was ok... not great though.");
	SAME("Stir it, bake it, and -- presto! -- dinner is ready.");
	SAME("It might be -- who knows? -- the best one yet.");
	SAME("I... I don't know what happened.");
	SPLIT("I waited . . . Nobody came.", "I waited . . . | Nobody came.");
	SPLIT("we waited... :( never again", "we waited... :( | never again");
	SPLIT("The offer ends Friday.* Terms apply.", "The offer ends Friday.* | Terms apply.");
	SPLIT("Thanks,\nJo\n--\nJo Lind\nSupport lead", "Thanks, | Jo | -- | Jo Lind | Support lead");
	SPLIT("[10:41] mira: ok so i was thinking we could go to the cinema tonight\n[10:42] ben: sure",
	      "[10:41] mira: ok so i was thinking we could go to the cinema tonight | [10:42] ben: sure");
}

int main(void)
{
	ss_load_rules();
	lowercase_starts();
	emoticons_and_emoji();
	citations();
	abbreviations();
	inline_lists();
	lines();
	web_misc();
	ss_free();
	return unit_done();
}
