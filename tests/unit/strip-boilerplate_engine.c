/* strip-boilerplate_engine.c - unit tests of the strip-boilerplate engine:
 * rules (trim, drop, trigger words, match limit),
 * line features, and the document classifier's use of context. */
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
	"  long_words: 25\n"
	"  good_words: 10\n"
	"  near_words: 5\n"
	"  repeat_min_docs: 3\n"
	"stopwords: [the, a, of, to, and, in, on, is, that, it, was, for, with, said, at, by, be]\n"
	"rules:\n"
	"  - name: dateline\n"
	"    action: trim\n"
	"    pattern: '^\\d{4}-\\d\\d-\\d\\d\\s*[-–]\\s*'\n"
	"  - name: promo\n"
	"    action: drop\n"
	"    pattern: '^(read more|watch):'\n"
	"    caseless: true\n"
	"    needs: [read, watch]\n"
	"  - name: gated\n"
	"    action: drop\n"
	"    pattern: 'zebra'\n"
	"    needs: [giraffe]\n"
	"  - name: slow\n"
	"    action: drop\n"
	"    pattern: '^(a|aa|a?)+$'\n"
	"  - name: symbol\n"
	"    action: drop\n"
	"    pattern: '^© '\n"
	"    needs: ['©']\n";

static void load(int keep_title)
{
	bp_test_load(rules_text, sizeof rules_text - 1);
	C.p.keep_title = keep_title;
}

#define P1 "The council voted on Monday to build a new library in the centre of the town, said the mayor."
#define P2 "It was the third time in a year that the plan had come to a vote, and the first time it passed."
#define P3 "Work on the building is to start in the spring and end by the autumn of next year, she said."

static void test_rules(void)
{
	struct bp_line l = line("2019-01-27 – The opposition is in talks.");
	CHECK(l.trim_rule == 0 && l.drop_rule == -1);
	CHECK(strncmp(l.s + l.a, "The opposition", 14) == 0 && l.b == l.n);

	l = line("READ MORE: Something else happened");
	CHECK(l.drop_rule == 1);
	l = line("  Watch: a video  ");
	CHECK(l.drop_rule == 1);
	/* a rule runs only where one of its trigger words is */
	l = line("a zebra crossing");
	CHECK(l.drop_rule == -1);
	l = line("a zebra and a giraffe");
	CHECK(l.drop_rule == 2);
	l = line("© 2020 Somebody");
	CHECK(l.drop_rule == 4);

	/* a pattern that hits the match limit is reported, not hung on */
	struct bp_line s;
	memset(&s, 0, sizeof s);
	s.s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
	s.n = strlen(s.s);
	CHECK(bp_prepare(&C, &s) == 3);
}

static void test_features(void)
{
	struct bp_line l = line(P1);
	CHECK(l.words == 19);
	CHECK(l.ends_punct == 1);
	CHECK(l.stop > 0.3 && l.stop < 0.6);
	CHECK(!l.heading && !l.bullet && !l.no_text);

	l = line("## A sub-heading");
	CHECK(l.heading == 2 && l.words == 2 && !l.ends_punct);
	l = line("* [Home](/) [News](/news) [Sport](/sport)");
	CHECK(l.bullet == 1 && l.links > 0.9);
	l = line("![](http://example.com/a.jpg)");
	CHECK(l.no_text && l.image);
	l = line("He said: \"We will win.\"");
	CHECK(l.ends_punct == 1); /* a closing quote after the period */
	l = line("市は十日、図書館の開館時間を延長すると発表した。");
	CHECK(l.stop < 0);        /* no stopword cue for this script */
	CHECK(l.words >= 10);     /* two characters count as a word */
	CHECK(l.ends_punct == 1);
	l = line("Invalid \xff\xfe bytes do not stop anything.");
	CHECK(l.words == 6 && l.ends_punct == 1);
}

static void classify(struct bp_line *L, const char **text, size_t n)
{
	for (size_t i = 0; i < n; i++)
		L[i] = line(text[i]);
	bp_classify(&C, L, n);
}

static void test_context(void)
{
	struct bp_line L[8];
	/* a short line between two article paragraphs is article */
	const char *a[] = {"Library to open next year", P1, "Is that enough?", P2, P3, "READ MORE: Other news",
			   "Share", "Report"};
	classify(L, a, 8);
	CHECK_STR(why(&L[0]), "");          /* the headline stays */
	CHECK(L[1].keep && L[2].keep && L[3].keep && L[4].keep);
	CHECK_STR(why(&L[5]), "promo");
	CHECK(!L[6].keep && !L[7].keep);    /* short lines in the tail go */

	bp_free(&C);
	load(0); /* the headline dropped on request */
	classify(L, a, 8);
	CHECK_STR(why(&L[0]), "title");
	CHECK(L[1].keep && L[2].keep);
	bp_free(&C);
	load(1);

	/* a short last paragraph that ends like a sentence stays */
	const char *b[] = {P1, P2, "\"That is a fact.\"", "Home"};
	classify(L, b, 4);
	CHECK(L[0].keep && L[1].keep && L[2].keep && !L[3].keep);

	/* a document with no paragraph long enough for a body keeps the
	 * lines that read as sentences */
	const char *e[] = {"Road closed on Monday.", "Share", "Police said so."};
	classify(L, e, 3);
	CHECK(L[0].keep && !L[1].keep && L[2].keep);

	/* navigation before and after the body goes */
	const char *c[] = {"Home", "News", "Sport", P1, P2, "Contact", "Jobs"};
	classify(L, c, 7);
	CHECK(!L[0].keep && !L[1].keep && !L[2].keep && L[3].keep && L[4].keep && !L[5].keep);

	/* text without the listed stopwords (another language) is judged
	 * without them, not dropped wholesale */
	const char *d[] = {"Kaupunki avaa uuden uimahallin syksyllä ja rakentaminen alkaa pian koko kaupungissa.",
			   "Uusi uimahalli valmistuu syyskuussa, ja siinä on kaksi allasta sekä kuntosali kaikille.",
			   "Rakentaminen maksoi noin kaksitoista miljoonaa euroa ja sen maksoi kaupunki itse."};
	classify(L, d, 3);
	CHECK(L[0].keep && L[1].keep && L[2].keep);
}

static void test_title_and_lists(void)
{
	struct bp_line L[10];
	/* capitalized stopwords inside a sentence: a title, not a paragraph */
	struct bp_line t = line("Harvick Fails To Rally Overmatched Ford In NASCAR Finale as the season ends at last");
	CHECK(t.cap_stops >= 2);
	t = line("The mayor said on Monday that the city would build a library in the town centre.");
	CHECK(t.cap_stops == 0);

	/* a list the body ends with goes on while its items keep their shape */
	const char *a[] = {P1, P2, P3, "June 9 - at the Coral Sky Amphitheatre in West Palm Beach",
			   "June 10 - at the Midflorida Amphitheatre in Tampa", "June 14 - Alpharetta, GA",
			   "June 17 - Nashville, TN", "June 19 - Charlotte, NC", "Home", "Contact"};
	classify(L, a, 10);
	CHECK(L[0].keep && L[1].keep && L[2].keep);
	CHECK(L[3].keep && L[4].keep);  /* near-good items carry the body on */
	CHECK(L[5].keep && L[6].keep && L[7].keep); /* short ones of the same shape follow */
	CHECK(!L[8].keep && !L[9].keep);
}

static void test_learn(void)
{
	struct bp_learn lr;
	memset(&lr, 0, sizeof lr);
	for (uint64_t d = 1; d <= 3; d++) {
		struct bp_line x = line("Harbour Times: your city, every day");
		bp_learn_add(&lr, &C.p, &x, d);
		bp_learn_add(&lr, &C.p, &x, d); /* twice in one document counts once */
		struct bp_line y = line(d == 1 ? "Only once" : "Twice seen");
		bp_learn_add(&lr, &C.p, &y, d);
	}
	struct out o;
	char path[] = "/tmp/bp-learn-XXXXXX";
	int fd = mkstemp(path);
	out_open_fd(&o, fd, path);
	CHECK(bp_learn_write(&lr, 2, &o) == 2);
	out_close(&o);
	FILE *f = fopen(path, "r");
	char buf[256] = "";
	size_t got = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	buf[got] = '\0';
	if (f)
		fclose(f);
	unlink(path);
	CHECK_STR(buf, "3\tHarbour Times: your city, every day\n2\tTwice seen\n");

	/* the frequent set matches lines however their case and digits differ */
	struct bp_line z = line("HARBOUR TIMES - your city, every day!");
	struct bp_line w = line("Harbour Times: your city, every day");
	CHECK(bp_line_hash(&z) == bp_line_hash(&w));
	bp_freq_add(&C, bp_line_hash(&w));
	CHECK(bp_freq_has(&C, bp_line_hash(&z)));

	/* by their key, a counter or a date repeats whatever its digits, a
	 * headline that differs from another in a figure only does not */
	struct bp_line c1 = line("Updated 5 minutes ago"), c2 = line("Updated 7 minutes ago");
	CHECK(bp_line_key(&C.p, &c1) == bp_line_key(&C.p, &c2));
	struct bp_line h1 = line("Council tax to rise 4.99pc as Fellbridge plugs gap");
	struct bp_line h2 = line("Council tax to rise 3.99pc as Fellbridge plugs gap");
	struct bp_line h3 = line("council tax to rise 4.99pc, as Fellbridge plugs gap");
	CHECK(bp_line_key(&C.p, &h1) != bp_line_key(&C.p, &h2));
	CHECK(bp_line_key(&C.p, &h1) == bp_line_key(&C.p, &h3));
	CHECK(bp_line_hash(&h1) == bp_line_hash(&h2));
}

static void test_repeated(void)
{
	/* a short line met in several documents is boilerplate there */
	struct bp_line L[3];
	const char *doc[] = {P1, P2, "Sign up for alerts today"};
	int marked = 0;
	uint64_t seq0 = C.run.doc_seq;
	unsigned long long hits0 = C.run.reason_hits[BPR_REPEATED];
	for (int k = 0; k < 4; k++) {
		classify(L, doc, 3);
		marked += L[2].why && strcmp(L[2].why, "repeated") == 0;
	}
	CHECK(marked == 2); /* the third and fourth document */
	CHECK(L[0].keep && L[1].keep);
	CHECK(C.run.reason_hits[BPR_REPEATED] == hits0 + 2 && C.run.doc_seq == seq0 + 4);
	/* a new run remembers nothing of the old one */
	bp_reset(&C);
	CHECK(C.run.doc_seq == 0 && C.run.reason_hits[BPR_REPEATED] == 0 && C.rules[1].tries == 0);
	marked = 0;
	for (int k = 0; k < 3; k++) {
		classify(L, doc, 3);
		marked += L[2].why && strcmp(L[2].why, "repeated") == 0;
	}
	CHECK(marked == 1);
}

int main(void)
{
	progname = "unit";
	load(1);
	test_rules();
	test_features();
	test_context();
	test_repeated();
	test_title_and_lists();
	test_learn();
	bp_free(&C);
	rules_free_all();
	return unit_done();
}
