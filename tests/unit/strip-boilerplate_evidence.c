/* strip-boilerplate_evidence.c - unit tests of issue 8's engine pieces: the
 * shape of a sentence (bp_is_prose and the word classes), the shape a rule
 * takes (label, short, any), weak and strong hits and what makes a weak one
 * strong (words addressing the reader, a figure beside a caption), weak
 * hits inside and outside the body, a suspected end that good paragraphs
 * bring back, the first copy of a repeated sentence, a two-word headline
 * and its dek, and the classes of the 'words:' mapping. */
#include "unit.h"
#include "bp_test.h"
#include "msg.h"

#include <string.h>

static const char rules_text[] =
	"version: 1\n"
	"heuristics:\n"
	"  repeat_min_docs: 0\n"
	"stopwords: [the, a, of, to, and, in, on, is, that, it, was, for, with, said, at, by, be, he, she, his, her,"
	" up, our, you, your, this, had, has, who, its, will, were, we]\n"
	"words:\n"
	"  verbs: [is, was, were, has, had, will, said]\n"
	"  speech: [said, says]\n"
	"  address: [you, your, we, our, us]\n"
	"rules:\n"
	"  - name: copyright\n"
	"    action: drop\n"
	"    shape: any\n"
	"    note: true\n"
	"    pattern: '^\\W*copyright\\b'\n"
	"    caseless: true\n"
	"    needs: [copyright]\n"
	"  - name: byline\n"
	"    action: drop\n"
	"    pattern: '^by \\S+'\n"
	"    caseless: true\n"
	"    needs: [by]\n"
	"  - name: follow\n"
	"    action: drop\n"
	"    shape: short\n"
	"    pattern: '\\bsign up\\b'\n"
	"    caseless: true\n"
	"    needs: [sign]\n"
	"  - name: bio\n"
	"    action: drop\n"
	"    shape: any\n"
	"    after: true\n"
	"    pattern: '^\\w+ was a (?:\\w+ )*(?:reporter|columnist)\\b'\n"
	"    needs: [reporter, columnist]\n"
	"  - name: credit\n"
	"    action: drop\n"
	"    figure: true\n"
	"    pattern: '^[A-Z]\\w+ [A-Z]\\w+/[A-Z]\\w+$'\n"
	"  - name: scene\n"
	"    action: drop\n"
	"    shape: any\n"
	"    with_figure: true\n"
	"    pattern: '\\d{4}\\.$'\n";

#define P1 "The council voted on Monday to build a new library in the centre of the town, said the mayor."
#define P2 "It was the third time in a year that the plan had come to a vote, and the first time it passed."
#define P3 "Work on the building is to start in the spring and end by the autumn of next year, she said."
#define P4 "The library will hold about forty thousand books and a room for the town's local history society."

static void classify(struct bp_line *L, const char **text, size_t n)
{
	for (size_t i = 0; i < n; i++)
		L[i] = line(text[i]);
	bp_classify(&C, L, n);
}

static void test_prose(void)
{
	struct bp_line l = line("Copyright lawyers said on Tuesday that the lawsuit had merit.");
	CHECK(l.prose && l.verbs >= 1 && l.speech == 1);
	l = line("Copyright 2024 The Harbor Ledger. All rights reserved.");
	CHECK(!l.prose); /* capitals and numbers: a label */
	l = line("Updated on March 5, 2019 at 12:30 p.m.");
	CHECK(!l.prose);
	l = line("\u201cHelp.\u201d");
	CHECK(l.prose && l.quote == 2); /* a quoted statement of its own */
	l = line("READ MORE: The council votes on the library");
	CHECK(!l.prose && l.label == 1);
	l = line("Topics: the gas tax, the jail levy and the state's water plan for next year.");
	CHECK(l.label == 2); /* a sentence goes on after the colon */
	l = line("Sign up for our newsletter to get the news in your inbox.");
	CHECK(l.address >= 2);
	l = line("\u201cJoin us on the other days,\u201d said the man who runs it.");
	CHECK(l.address == 0); /* inside quotation marks it is someone else's */
	l = line("US officials said on Monday that the talks had ended.");
	CHECK(l.address == 0); /* "US" is the country */
}

static void test_shapes(void)
{
	/* a label rule does not take a sentence (explain notes the rule) */
	C.explain = 1;
	struct bp_line l = line("By Tuesday, the river had risen by three feet and the bridge was closed.");
	CHECK(l.drop_rule < 0 && l.void_rule == 1);
	l = line("By Jane Doe");
	CHECK(l.drop_rule == 1 && l.hit == BP_HIT_STRONG);
	C.explain = 0;
	/* a short rule does not take a long line; on a sentence its hit is weak */
	l = line("Residents can sign up for text alerts about the reopening on the county website.");
	CHECK(l.drop_rule == 2 && l.hit == BP_HIT_WEAK);
	l = line("Residents can sign up for text alerts about the reopening on the county website, which"
		 " the county says will be updated every day until the road opens again in the spring.");
	CHECK(l.drop_rule < 0);
	/* an any rule takes a sentence, weakly */
	l = line("Copyright lawyers said on Tuesday that the lawsuit had merit.");
	CHECK(l.drop_rule == 0 && l.hit == BP_HIT_WEAK);
	/* a heading hit is weak until the body is known */
	l = line("## Copyright");
	CHECK(l.drop_rule == 0 && l.hit == BP_HIT_WEAK);
}

static void test_weak_in_body(void)
{
	struct bp_line L[8];
	/* a weak hit inside the body stays; the reproduction of issue 8: a
	 * bio-like sentence does not end the story */
	const char *a[] = {"Library to open next year", P1,
			   "Mara was a freelance reporter and columnist who covered the council for years.", P2, P3};
	classify(L, a, 5);
	for (int i = 0; i < 5; i++)
		CHECK(L[i].keep);
	/* ... and one after the story, of a note rule, goes */
	const char *b[] = {P1, P2, P3, "Copyright notices were printed on the back of every page of it."};
	classify(L, b, 4);
	CHECK(L[0].keep && L[1].keep && L[2].keep);
	CHECK_STR(why(&L[3]), "copyright");
	/* unless it reports what someone said */
	const char *c[] = {P1, P2, P3, "Copyright lawyers said on Tuesday that the lawsuit had merit."};
	classify(L, c, 4);
	CHECK(L[3].keep);
	/* a prompt that speaks to the reader is strong even on a sentence */
	const char *d[] = {P1, P2, "Sign up for our newsletter to get the news in your inbox.", P3, P4};
	classify(L, d, 5);
	CHECK(L[0].keep && L[1].keep && L[3].keep && L[4].keep);
	CHECK_STR(why(&L[2]), "follow");
}

static void test_suspected_end(void)
{
	struct bp_line L[8];
	/* a bio after the story, with nothing after it, ends it */
	const char *a[] = {P1, P2, P3, "Mara was a freelance reporter who covered the council for the paper.", "Home",
			   "Contact"};
	classify(L, a, 6);
	CHECK(L[0].keep && L[1].keep && L[2].keep);
	CHECK_STR(why(&L[3]), "bio");
	/* one good paragraph after it brings the body back */
	const char *b[] = {P1, P2, "Mara was a freelance reporter who covered the council for the paper.", P3, "Home"};
	classify(L, b, 5);
	CHECK(L[0].keep && L[1].keep && L[2].keep && L[3].keep && !L[4].keep);
}

static void test_figures(void)
{
	struct bp_line L[8];
	/* a sentence ending in a year is a caption between an image and a
	 * credit, and the story's own elsewhere */
	const char *a[] = {P1, "![](https://example.test/a.jpg)", "Workers march on Bridge Street in the autumn of 2024.",
			   "Hanna Roe/Oster", P2, "The plaque was unveiled on the mill gate in the autumn of 2024.", P3};
	classify(L, a, 7);
	CHECK_STR(why(&L[2]), "scene");
	CHECK_STR(why(&L[3]), "credit");
	CHECK(L[0].keep && L[4].keep && L[5].keep && L[6].keep);
}

static void test_duplicates_and_titles(void)
{
	struct bp_line L[8];
	/* of a sentence the page holds twice a few lines apart, the first
	 * copy stays */
	const char *a[] = {P1, P2, P2, P3, P4};
	classify(L, a, 5);
	CHECK(L[0].keep && L[1].keep && !L[2].keep && L[3].keep && L[4].keep);
	CHECK_STR(why(&L[2]), "duplicate");
	/* a two-word headline, and its dek */
	const char *b[] = {"Home", "Mayor resigns", "Otis Delacroix steps down after eleven years in the job", P1, P2};
	classify(L, b, 5);
	CHECK(!L[0].keep && L[1].keep && L[2].keep && L[3].keep && L[4].keep);
}

static void test_words(void)
{
	/* (an unknown class is a configuration error, exit 2: the golden
	 * test rules-bad-words) */
	static const char good[] = "version: 1\nwords:\n  verbs: [ist]\n  address-capitalized: [sie]\n";
	struct bp_config c2;
	bp_init(&c2);
	bp_load(rules_load_mem("(words)", good, sizeof good - 1), &c2);
	CHECK((wordset_cls(&c2.words, "ist", 3) & BP_VERB) != 0);
	CHECK((wordset_cls(&c2.words, "sie", 3) & BP_ADDRESS_CAP) != 0);
	bp_free(&c2);
}

int main(void)
{
	progname = "unit";
	bp_test_load(rules_text, sizeof rules_text - 1);
	test_prose();
	test_shapes();
	test_weak_in_body();
	test_suspected_end();
	test_figures();
	test_duplicates_and_titles();
	test_words();
	bp_free(&C);
	rules_free_all();
	return unit_done();
}
