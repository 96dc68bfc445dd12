/* split-sentences_segment.c - unit tests of the sentence splitter engine
 * with the default rules: abbreviations inside and at the end of
 * sentences, quotations, ellipses, numbers and addresses, lists, line
 * breaks, odd spaces, and the promise that the text is never changed. */
#include "unit.h"
#include "ss_test.h"

static void abbreviations_inside(void)
{
	SAME("Mr. Smith and Mrs. Jones met Dr. Brown.");
	SAME("Col. Sanders, Gen. Patton and Lt. Dan served with Sen. Kaine and Rep. Pelosi.");
	SAME("Gov. Newsom spoke to Lt. Gov. Kounalakis on Monday.");
	SAME("St. Louis beat the Cardinals of St. Paul.");
	SAME("Martin Luther King Jr. Day is a holiday.");
	SAME("Apple Inc. Chief Executive Tim Cook spoke.");
	SAME("He joined Acme Corp. in 2010 and Smith & Co. in 2012.");
	SAME("Widgets Ltd. said profits rose.");
	SAME("He lives at No. 5 Main Street.");
	SAME("See p. 7 and pp. 10-12 of the report.");
	SAME("Smith et al. found that approx. 40 people came.");
	SAME("The vote is on Jan. 27 and the count on Feb. 10, officials said.");
	SAME("The meeting starts at 9 a.m. and ends at 5 p.m. on Friday.");
	SAME("J. R. R. Tolkien wrote it.");
	SAME("President George W. Bush spoke.");
	SAME("The U.N. said the U.S. would veto it.");
	SAME("The U.S. Government in Virginia and the U.N. Security Council met.");
	SAME("He worked for the U.S. for 20 years.");
	SAME("I visited the U.S.A. last year.");
	SAME("The e.g. and i.e. cases, cf. the notes, vs. the rest.");
	SAME("Gen. Mark Milley and ex-Gov. Jerry Brown met.");
	SAME("MR. SMITH AND DR. JONES ARRIVED.");
	SAME("Fig. 3 and Sec. 4 explain it.");
}

static void abbreviations_at_end(void)
{
	SPLIT("Troops were sent to the U.S. The next day they left.",
	      "Troops were sent to the U.S. | The next day they left.");
	SAME("The bill was sponsored by Cory Booker and Robert Menendez, D-N.J.");
	SPLIT("The deal was signed by Apple Inc. Shares rose 5 percent.",
	      "The deal was signed by Apple Inc. | Shares rose 5 percent.");
	SPLIT("I live in the E.U. How about you?", "I live in the E.U. | How about you?");
	SPLIT("He moved to Washington, D.C. He liked it.", "He moved to Washington, D.C. | He liked it.");
	SPLIT("Let's ask Jane and co. They should know.", "Let's ask Jane and co. | They should know.");
	SPLIT("They bought apples, pears, etc. But nobody ate them.",
	      "They bought apples, pears, etc. | But nobody ate them.");
	SPLIT("He lives on Main St. He said so.", "He lives on Main St. | He said so.");
	SPLIT("He left the bank at 6 P.M. Mr. Smith then went home.",
	      "He left the bank at 6 P.M. | Mr. Smith then went home.");
	SAME("At 5 a.m. Mr. Smith went to the bank.");
	SPLIT("We make a good team, you and I. Did you see Albert I. Jones?",
	      "We make a good team, you and I. | Did you see Albert I. Jones?");
	SPLIT("He won the No. 1 spot. No. He did not.", "He won the No. 1 spot. | No. | He did not.");
	SPLIT("The winner was the son of John Smith Sr. \"We won,\" he said.",
	      "The winner was the son of John Smith Sr. | \"We won,\" he said.");
	SPLIT("It was made in the U.S.\" He smiled.", "It was made in the U.S.\" | He smiled.");
}

static void quotations(void)
{
	SPLIT("\"We have been in talks with civilian and military men,\" Guaido said. \"This is a "
	      "very delicate subject.\"",
	      "\"We have been in talks with civilian and military men,\" Guaido said. | \"This is a "
	      "very delicate subject.\"");
	SPLIT("He called them \"foreign representatives.\" Carlos Vecchio said more.",
	      "He called them \"foreign representatives.\" | Carlos Vecchio said more.");
	SPLIT("“This is a very delicate subject. We are meeting them but discreetly,” he said.",
	      "“This is a very delicate subject. | We are meeting them but discreetly,” he said.");
	SPLIT("She said, ‘It is over. We lost.’ Then she left.",
	      "She said, ‘It is over. | We lost.’ | Then she left.");
	SPLIT("She said, 'It is over. We lost.' Then she left.",
	      "She said, 'It is over. | We lost.' | Then she left.");
	SAME("She turned to him, \"This is great.\" she said.");
	SAME("She turned to him, 'This is great.' she said.");
	SPLIT("\"Why?\" he asked. ", "\"Why?\" he asked.");
	SAME("That is JFK Jr.'s book.");
	SPLIT("The players' union met. The owners' lawyers didn't.",
	      "The players' union met. | The owners' lawyers didn't.");
	SPLIT("It's the boys' turn. 'Tis the season.", "It's the boys' turn. | 'Tis the season.");
	SPLIT("“It was a mistake,” he said. “We’re sorry.”",
	      "“It was a mistake,” he said. | “We’re sorry.”");
	SPLIT("He said « C’est fini. » Puis il partit.", "He said « C’est fini. » | Puis il partit.");
}

static void punctuation(void)
{
	SPLIT("Hello!! Long time no see.", "Hello!! | Long time no see.");
	SPLIT("Hello?! Is that you?", "Hello?! | Is that you?");
	SPLIT("Really? Yes.", "Really? | Yes.");
	SAME("She works at Yahoo! in the accounting department.");
	SPLIT("I never meant that.... She left the store.", "I never meant that.... | She left the store.");
	SPLIT("He paused… Then he left.", "He paused… | Then he left.");
	SAME("I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I "
	     "didn’t mean it.");
	SAME("He waited and waited...");
	SPLIT("They said . . . . Next sentence.", "They said . . . . | Next sentence.");
	SPLIT("It was weakened. . . . The practice was not abandoned. . . .",
	      "It was weakened. | . . . The practice was not abandoned. . . .");
	SAME("\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).");
	SAME("It rose 3.5 percent to $100.00 in the 2.0 version at 10.30 today.");
	SPLIT("She has $100.00. It is in her bag.", "She has $100.00. | It is in her bag.");
	SPLIT("It grew 1,000. That is a lot.", "It grew 1,000. | That is a lot.");
	SAME("Version 3.14.1 of the app came out at 8.30 a.m. today.");
	SPLIT("Write to Ana.Ruiz@example.org. She answers within a day.",
	      "Write to Ana.Ruiz@example.org. | She answers within a day.");
	SPLIT("See https://www.example.com/a.b/Index.html. Please check it.",
	      "See https://www.example.com/a.b/Index.html. | Please check it.");
	SPLIT("Visit www.example.co.uk. It is new.", "Visit www.example.co.uk. | It is new.");
	SPLIT("Read it on example.com. Officials agreed.", "Read it on example.com. | Officials agreed.");
	SPLIT("See bbc.co.uk. Reporters went.", "See bbc.co.uk. | Reporters went.");
	SAME("Com. Smith and Comdr. Jones met.");
	SPLIT("Follow @ArmadaFANB for news. #Venezuela is trending.",
	      "Follow @ArmadaFANB for news. | #Venezuela is trending.");
	SPLIT("The vote ended.Then the crowd left.", "The vote ended. | Then the crowd left.");
	SPLIT("Hello world.Today is Tuesday.Mr. Smith went home.",
	      "Hello world. | Today is Tuesday. | Mr. Smith went home.");
	SAME("He used Node.js and ASP.NET on www.Example.Com pages.");
	SAME("He teaches science (He previously worked as an engineer.) at the University.");
	SPLIT("He left. (Nobody saw him.) Then it rained.", "He left. | (Nobody saw him.) | Then it rained.");
	SPLIT("The mayor resigned [see below]. The council met.",
	      "The mayor resigned [see below]. | The council met.");
	SAME("You can find it at N°. 1026.253.553 on the map.");
	SPLIT("这是第一句。这是第二句。", "这是第一句。 | 这是第二句。");
}

static void spaces(void)
{
	/* no-break spaces and other spaces between sentences */
	SPLIT("It rained.\xc2\xa0The game was off.", "It rained. | The game was off.");
	SPLIT("It rained.\xe2\x80\xaf" "The game was off.", "It rained. | The game was off.");
	SPLIT("  It rained.   The game was off.  ", "It rained. | The game was off.");
	SPLIT("It rained.\tThe game was off.", "It rained. | The game was off.");
	SPLIT("", "");
	SPLIT("   ", "");
	SAME("A headline without a period");
	SAME("Friday, July 21, 2017");
}

static void lists(void)
{
	SPLIT("1.) The first item 2.) The second item", "1.) The first item | 2.) The second item");
	SPLIT("1) The first item. 2) The second item.", "1) The first item. | 2) The second item.");
	SPLIT("1. The first item 2. The second item", "1. The first item | 2. The second item");
	SPLIT("• 9. The first item • 10. The second item", "• 9. The first item | • 10. The second item");
	SPLIT("a. The first item b. The second item c. The third item",
	      "a. The first item | b. The second item | c. The third item");
	SPLIT("Steps:\n- open the box\n- take it out", "Steps: | - open the box | - take it out");
	SPLIT("features\ncontact manager\nevents, activities\n", "features | contact manager | events, activities");
	SAME("The council said the line\nwas broken by the PDF export.");
	SPLIT("First part\n\nSecond part", "First part | Second part");
	SPLIT("Playstation VR demo Image: Nick Moreau.", "Playstation VR demo | Image: Nick Moreau.");
	SAME("The source: a memo from the mayor.");
	SPLIT("Eddie Chu won in the constituency In the New Territories West, he won again.",
	      "Eddie Chu won in the constituency | In the New Territories West, he won again.");
	SAME("He sang Man In The Mirror on stage.");
	SAME("A. Smith beat B. Jones in the final.");
	/* title-case headlines: capitals say nothing there */
	SAME("Why the U.S. And China Can't Agree On Trade");
	SAME("Born In the USA Tops the Charts Again");
	SAME("He met John A. May and Sarah B. Will yesterday.");
}

static void rules_files(void)
{
	struct sent_rules mine = {0};
	sr_set_class(&mine, "Gov.", 4, SR_NEVER);
	sr_set_class(&mine, "Foo", 3, SR_MAYEND);
	sr_set_starter(&mine, "The", 3, 1);
	CHECK(sr_get(&mine, "Gov", 3) == SR_NEVER);
	CHECK((sr_get(&mine, "The", 3) & SR_STARTER) != 0);
	sent_split(&mine, "Ask Foo. The end. Ask Foo. Bar came.", 36, &L);
	CHECK(L.n == 3);
	sr_forget(&mine, "Foo", 3);
	CHECK(sr_get(&mine, "Foo", 3) == 0);
	sr_free(&mine);
}

/* Random paragraphs from pieces that exercise every branch, invalid and
 * cut UTF-8 included: spans stay in order and in bounds, nothing but
 * whitespace falls between them (split() checks), nothing crashes. */
static void random_text(void)
{
	static const char *const pieces[] = {
		". ", ".", "? ", "!", "?!", "...", " . . . ", "\xe2\x80\xa6", "U.S.", " Mr. ", "No. ",
		"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x99", "(", ")", "[...]", "\n",
		"\n\n", " ", "  ", "\xc2\xa0", "\xe2\x80\xaf", "a", "The", "he", "1.", "2)", "10. ",
		"a. ", "b. ", "\xe2\x80\xa2", "\xe2\x81\x83", "\xff", "\xe2\x80", "\xc3", "Image:",
		" In the ", "\xe3\x80\x82", "\xc2\xbb", " \xc2\xbb", "x@y.z", "http://a.b/", "E.U.",
		"J.", "word", "Word", "- ", "\t", ":", "3.14", "$5.", "\xef\xbc\x81", "\xe2\x80\xbc",
	};
	size_t np = sizeof pieces / sizeof pieces[0];
	unsigned long long x = 88172645463325252ull;
	char text[600];
	int before = unit_fail;
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		int k = (int)(x % 40);
		for (int i = 0; i < k; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			const char *p = pieces[x % np];
			size_t l = strlen(p);
			if (n + l >= sizeof text)
				break;
			memcpy(text + n, p, l);
			n += l;
		}
		text[n] = '\0';
		split(text);
	}
	CHECK(unit_fail == before);
}

/* The news rules: usually-end words and their continuers, may-end words
 * that close a name before a clause, speech attribution after a quoted
 * question, a period after a bracket, temperature units, lines that stand
 * alone. */
static void news_rules(void)
{
	SPLIT("The meeting is at 10 a.m. Coffee will be served.",
	      "The meeting is at 10 a.m. | Coffee will be served.");
	SAME("Gov. Hochul signed it at 11:30 a.m. Thursday in Albany.");
	SAME("The launch is at 10:41 p.m. EDT from Cape Canaveral.");
	SAME("At 5 a.m. Mr. Smith went to the bank.");
	SPLIT("Batteries for GM, Ford, etc. Construction begins in 2025.",
	      "Batteries for GM, Ford, etc. | Construction begins in 2025.");
	SAME("Bring food, water, etc. to the shelter.");
	SPLIT("The package weighs 2.5 lbs. Shipping costs $8.", "The package weighs 2.5 lbs. | Shipping costs $8.");
	SPLIT("It was made by Sony Corp. Sony has sold 40 million units.",
	      "It was made by Sony Corp. | Sony has sold 40 million units.");
	SPLIT("Schools closed in Lancaster, Pa. Schools reopened Monday.",
	      "Schools closed in Lancaster, Pa. | Schools reopened Monday.");
	SPLIT("The contract went to Acme Corp. Rivals didn't bid.", "The contract went to Acme Corp. | Rivals didn't bid.");
	SAME("The game in St. Louis is on Sunday.");
	SAME("The St. Oswald was sunk in the Mediterranean.");
	SAME("Miss Georgiana St. Peter spent the holiday at home.");
	SPLIT("The station is on Market St. near 4th St. Parking is limited.",
	      "The station is on Market St. near 4th St. | Parking is limited.");
	SPLIT("The plant is in Flint, Mich. General Motors built it in 1947.",
	      "The plant is in Flint, Mich. | General Motors built it in 1947.");
	SPLIT("The shooting happened in Washington, D.C. Police said the gunman fled.",
	      "The shooting happened in Washington, D.C. | Police said the gunman fled.");
	SAME("The U.S. Army said two soldiers were hurt.");
	SAME("He met the U.S. Army chief.");
	SAME("Toyota Motor Sales Inc. USA said sales rose.");
	SAME("Martin Luther King Jr. Drive was closed for the parade.");
	SPLIT("The farm is near Reed City, Mich. I have a herd of hogs.",
	      "The farm is near Reed City, Mich. | I have a herd of hogs.");
	SAME("Apple Inc. Chief Executive Tim Cook said so.");
	SAME("He visited the U.S. Army base.");
	SPLIT("\"Did I think we'd win?\" Rodriguez said. \"Honestly, no.\"",
	      "\"Did I think we'd win?\" Rodriguez said. | \"Honestly, no.\"");
	SAME("\"Go!\" Sen. Ruiz said in a statement.");
	SPLIT("\"Why?\" Because we can.", "\"Why?\" | Because we can.");
	SPLIT("It went to Rep. Adam Schiff (D-Calif.). Schiff's office said nothing.",
	      "It went to Rep. Adam Schiff (D-Calif.). | Schiff's office said nothing.");
	SPLIT("It dropped to 12 degrees F. Schools opened late.", "It dropped to 12 degrees F. | Schools opened late.");
	SAME("It was 98.6 F. in the shade, wrote George F. Kennan.");
	SPLIT("Advertisement\nThe storm is expected to bring up to 8 inches of rain on Monday.",
	      "Advertisement | The storm is expected to bring up to 8 inches of rain on Monday.");
	SAME("The committee said on Tuesday that the\nSenate would vote on the bill next week, after\nLabor Day.");
}

/* The vector hot-byte masks agree with the byte loop, on random bytes
 * drawn mostly from the ones that matter. */
static void hot_bytes(void)
{
	static const char pool[] = ".?!:\n IOAFDioafdntcleuvsx a\xE2\xE3\xC2\x80\xFF";
	char buf[1 + 64 + 1];
	unsigned seed = 7;
	int bad = 0;
	for (int round = 0; round < 20000; round++) {
		for (size_t k = 0; k < sizeof buf; k++) {
			seed = seed * 1103515245u + 12345u;
			buf[k] = (seed >> 16) % 4 ? pool[(seed >> 8) % (sizeof pool - 1)] : (char)(seed >> 20);
		}
		bad += hot64(buf + 1) != hot64_ref(buf + 1);
	}
	CHECK(bad == 0);
}

/* The words a glued heading opens with (seg_lines.c) and the capitals
 * hotbytes.c marks agree: a capital after a space is hot exactly when it
 * and the next letter open one of them, and each of them cuts a heading
 * glued to the next sentence. */
static void heading_openers(void)
{
	int bad = 0;
	for (int cap = 'A'; cap <= 'Z'; cap++)
		for (int nx = 'a'; nx <= 'z'; nx++) {
			char buf[1 + 64 + 1];
			memset(buf, 'x', sizeof buf);
			buf[1 + 10] = ' ', buf[1 + 11] = (char)cap, buf[1 + 12] = (char)nx;
			int want = 0;
			for (const char *const *w = seg_heading_openers; *w; w++)
				want |= (*w)[0] == cap && (*w)[1] == nx;
			int hot = (int)(hot64(buf + 1) >> 11 & 1);
			if (hot != want || (int)(hot64_ref(buf + 1) >> 11 & 1) != want) {
				fprintf(stderr, "  hot bytes: '%c%c' is %s\n", cap, nx, hot ? "hot" : "not hot");
				bad++;
			}
		}
	CHECK(bad == 0);
	for (const char *const *w = seg_heading_openers; *w; w++) {
		char text[200], want[200];
		snprintf(text, sizeof text, "The council voted for the plan again %s the morning the hall was closed.", *w);
		snprintf(want, sizeof want, "The council voted for the plan again | %s the morning the hall was closed.", *w);
		SPLIT(text, want);
	}
}

/* Long paragraphs of one pattern repeated: each must take linear time
 * (these took seconds when every period rescanned the paragraph). */
static void long_inputs(void)
{
	static const char *const pats[] = {"Ab.", "1. ", "A. ", "Mr.Ab", "At A. ", NULL};
	struct buf b = {0};
	for (const char *const *p = pats; *p; p++) {
		buf_reset(&b);
		for (int k = 0; k < 40000; k++)
			buf_adds(&b, *p);
		sent_split(&R, b.p, b.len, &L);
		CHECK(L.n >= 1);
	}
	buf_free(&b);
}

int main(void)
{
	ss_load_rules();
	abbreviations_inside();
	abbreviations_at_end();
	quotations();
	punctuation();
	spaces();
	lists();
	rules_files();
	news_rules();
	hot_bytes();
	heading_openers();
	long_inputs();
	random_text();
	ss_free();
	return unit_done();
}
