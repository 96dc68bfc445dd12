/* strip-boilerplate_body.c - unit tests of where the body of a document
 * starts and ends: after the page's only level-1 heading, before a line
 * that only follows articles ('after' rules), boxes of links ('box'
 * rules), lines the document repeats, a block of figure lines the body
 * goes on after, and trigger words found on long lines past the stopword
 * sample. */
#include "unit.h"
#include "bp_test.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char rules_text[] =
	"version: 1\n"
	"heuristics:\n"
	"  body_after_h1: 0.1\n"
	"  dup_max_words: 30\n"
	"  repeat_min_docs: 0\n"
	"stopwords: [the, a, of, to, and, in, on, is, that, it, was, for, with, said, at, by, be, an, had]\n"
	"rules:\n"
	"  - name: comment-header\n"
	"    action: drop\n"
	"    after: true\n"
	"    pattern: ' said:$'\n"
	"    needs: [said]\n"
	"  - name: most-read\n"
	"    action: drop\n"
	"    box: true\n"
	"    pattern: '^most read$'\n"
	"    caseless: true\n"
	"  - name: late-trigger\n"
	"    action: drop\n"
	"    pattern: 'zebracrossing'\n"
	"    needs: [zebracrossing]\n"
	"    max_length: 800\n"
	"  - name: credit\n"
	"    action: drop\n"
	"    pattern: 'Credit: \\w+$'\n"
	"    needs: ['Credit:']\n";

static void load(void)
{
	bp_test_load(rules_text, sizeof rules_text - 1);
}

static void classify(struct bp_line *L, const char **text, size_t n)
{
	for (size_t i = 0; i < n; i++)
		L[i] = line(text[i]);
	bp_classify(&C, L, n);
}

#define P1 "The council voted on Monday to build a new library in the centre of the town, said the mayor."
#define P2 "It was the third time in a year that the plan had come to a vote, and the first time it passed."
#define P3 "Work on the building is to start in the spring and end by the autumn of next year, she said."
#define T1 "A teaser for another story that runs on for a while and is long enough to be a paragraph by itself, it is said."
#define T2 "Another teaser that is just as long as the first one and reads like a paragraph of prose to the eye of a reader."

static void test_after_h1(void)
{
	/* teasers before the page's only level-1 heading weigh more than
	 * the short article after it: the article is the body */
	struct bp_line L[8];
	const char *a[] = {T1, T2, T1, T2, "# Library to open next year", P1, P2, "Contact"};
	classify(L, a, 8);
	CHECK(!L[0].keep && !L[1].keep && !L[2].keep && !L[3].keep);
	CHECK(L[4].keep); /* the headline */
	CHECK(L[5].keep && L[6].keep && !L[7].keep);
}

static void test_after_rule(void)
{
	/* comments weigh more than the article, but come after it */
	struct bp_line L[7];
	const char *a[] = {P1, "Jane on May 5 said:", T1, T2, "Joe on May 6 said:", T1, T2};
	classify(L, a, 7);
	CHECK(L[0].keep);
	CHECK_STR(why(&L[1]), "comment-header");
	CHECK(!L[2].keep && !L[3].keep && !L[5].keep && !L[6].keep);

	/* and a body that holds one ends before it */
	const char *b[] = {P1, P2, P3, "Jane on May 5 said:", P1, P2};
	classify(L, b, 6);
	CHECK(L[0].keep && L[1].keep && L[2].keep);
	CHECK(!L[4].keep && !L[5].keep);
}

static void test_box(void)
{
	/* a box of links inside the story: its items go, the story goes on */
	struct bp_line L[7];
	const char *a[] = {P1, "Most read", "Mayor opens the new bridge", "Storm closes the harbour road",
			   P2, P3, "Home"};
	classify(L, a, 7);
	CHECK(L[0].keep && !L[1].keep);
	CHECK_STR(why(&L[2]), "most-read");
	CHECK_STR(why(&L[3]), "most-read");
	CHECK(L[4].keep && L[5].keep);
}

static void test_duplicates(void)
{
	/* a caption the document holds twice goes; list items may repeat */
	struct bp_line L[8];
	const char *a[] = {P1, "The new library seen from the river bank", P2, "* Get it at the shop",
			   "The new library seen from the river bank", "* Get it at the shop", P3, P1 " More."};
	classify(L, a, 8);
	CHECK(L[0].keep && L[2].keep && L[6].keep);
	CHECK_STR(why(&L[1]), "duplicate");
	CHECK_STR(why(&L[4]), "duplicate");
	CHECK(L[3].keep && L[5].keep);
}

static void test_bridge(void)
{
	/* a gallery's counters inside the story: the body goes on after
	 * them to the rest of the story, and they stay out */
	struct bp_line L[17];
	const char *a[] = {P1, P2, P3, "1 / 6", "2 / 6", "3 / 6", "4 / 6", "5 / 6", "6 / 6",
			   P2, P3, P1, P2, P3, P1, "Home", "Contact"};
	classify(L, a, 17);
	for (size_t i = 0; i < 15; i++)
		CHECK(L[i].keep == (i < 3 || i >= 9));
	CHECK(!L[15].keep && !L[16].keep);

	/* not across a heading (a new section: comments, other stories) */
	const char *b[] = {P1, P2, P3, "1 / 6", "2 / 6", "3 / 6", "## Comments", "4 / 6", "5 / 6",
			   P2, P3, P1, P2, P3, P1, "Home", "Contact"};
	classify(L, b, 17);
	for (size_t i = 0; i < 15; i++)
		CHECK(L[i].keep == (i < 3));

	/* nor to a stretch of fewer than body_bridge_words words, one
	 * paragraph */
	const char *c[] = {P1, P2, P3, "1 / 6", "2 / 6", "3 / 6", "4 / 6", "5 / 6", "6 / 6",
			   P2, "Home", "Contact", "Help", "About", "Jobs", "Ads", "Map"};
	classify(L, c, 17);
	for (size_t i = 0; i < 10; i++)
		CHECK(L[i].keep == (i < 3));

	/* but the story's sentences after the body come back by their
	 * weight (story_after_body: two of them, body_resume_words words),
	 * the counters between staying out (bp13; this case, with its two
	 * paragraphs, went before) */
	const char *d[] = {P1, P2, P3, "1 / 6", "2 / 6", "3 / 6", "4 / 6", "5 / 6", "6 / 6",
			   P2, P3, "Home", "Contact", "Help", "About", "Jobs", "Ads"};
	classify(L, d, 17);
	for (size_t i = 0; i < 17; i++)
		CHECK(L[i].keep == (i < 3 || i == 9 || i == 10));
}

static void test_long_lines(void)
{
	/* a trigger word far past the stopword sample of a long line is
	 * still found */
	char buf[1200] = "";
	for (int i = 0; i < 60; i++)
		strcat(buf, i % 2 ? "the word " : "another ");
	strcat(buf, "zebracrossing here");
	struct bp_line l = line(buf);
	CHECK(l.n > BP_SAMPLE_LEN);
	CHECK(l.drop_rule == 2);
	CHECK(l.stop > 0.2 && l.stop < 0.4); /* from the first words */

	/* words of up to 8 bytes and longer ones are looked up alike */
	l = line("The THE tHe said SAID by");
	CHECK(l.stop == 1.0f);

	/* a literal trigger holding punctuation needs that punctuation */
	l = line("Photo of the new library by the river. Credit: Jones");
	CHECK(l.drop_rule == 3);
	l = line("Credit Jones for the new library by the river");
	CHECK(l.drop_rule == -1);
}

static void test_rx_negated(void)
{
	/* common/rx.c: bare \W, \D, \S match non-ASCII characters under JIT
	 * too (PCRE2 10.42's JIT misses them with invalid-UTF matching) */
	struct rx r;
	size_t ms, me;
	const char *pats[] = {"^more\\W*$", "^a\\D$", "^a\\S$", "^[\\W]x\\W$", "^\\Q\\W\\E$"};
	const char *subj[] = {"more\xe2\x80\xa6", "a\xc2\xbb", "a\xc3\xa9", "\xc2\xbbx\xc2\xbb", "\\W"};
	for (size_t i = 0; i < 5; i++) {
		rx_compile(&r, pats[i], strlen(pats[i]), 0, "t", NULL);
		CHECK(rx_search(&r, subj[i], strlen(subj[i]), 0, &ms, &me) == RX_MATCH);
		rx_free(&r);
	}
	rx_compile(&r, "^a\\W$", 5, 0, "t", NULL);
	CHECK(rx_search(&r, "ab", 2, 0, &ms, &me) == RX_NOMATCH);
	rx_free(&r);
}

int main(void)
{
	progname = "unit";
	load();
	test_after_h1();
	test_after_rule();
	test_box();
	test_duplicates();
	test_bridge();
	test_long_lines();
	test_rx_negated();
	bp_free(&C);
	return unit_done();
}
