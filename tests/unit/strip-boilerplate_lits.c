/* strip-boilerplate_lits.c - unit tests of bp_lits (the required literals
 * of a pattern): the sets read off sample patterns, patterns that get no
 * set, the multi-literal search against a naive caseless search on random
 * text, and, for the drop rules of rules/boilerplate.yaml and a few more,
 * that no row the regex matches lacks every literal. */
#include "unit.h"
#include "bp.h"
#include "rx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has(const struct bp_lits *L, const char *s)
{
	for (size_t i = 0; i < L->n; i++)
		if (strcmp(L->s[i], s) == 0)
			return 1;
	return 0;
}

static int naive(const struct bp_lits *L, const char *s, size_t n)
{
	for (size_t k = 0; k < L->n; k++)
		for (size_t i = 0; i + L->len[k] <= n; i++) {
			size_t j = 0;
			while (j < L->len[k]) {
				unsigned char c = (unsigned char)s[i + j];
				if (c >= 'A' && c <= 'Z')
					c |= 0x20;
				if (c != (unsigned char)L->s[k][j])
					break;
				j++;
			}
			if (j == L->len[k])
				return 1;
		}
	return 0;
}

static unsigned rs = 7;
static unsigned rnd(void)
{
	rs = rs * 1103515245u + 12345u;
	return (rs >> 16) & 0x7FFF;
}

static const char *const words[] = {
	"if", "you", "enjoyed", "This", "our", "support", "local", "journalism", "Become", "a",
	"member", "for", "as", "little", "subscribe", "today", "Already", "have", "an", "account",
	"click", "here", "tap", "photo", "shows", "left", "right", "(", ")", ",", ".", "?", ":",
	"tel", "phone", "fax", "e-mail", "email", "newsletter", "sign", "up", "join", "us", "on",
	"Twitter", "got", "tip", "story", "we", "pay", "stories", "opinions", "expressed", "are",
	"own", "views", "affiliate", "links", "earn", "commission", "cookies", "privacy", "policy",
	"terms", "of", "use", "\xc3\xa9t\xc3\xa9", "\xc5\xbfupport", "comment", "moderated", "said",
	"follow", "topics", "the", "writer", "is", "staff", "—", "at", "send", "your", "tips"};
#define NWORDS (sizeof words / sizeof words[0])

static void random_line(char *buf, size_t cap, size_t *n)
{
	size_t k = 0, nw = 1 + rnd() % 14;
	for (size_t i = 0; i < nw; i++) {
		const char *w = words[rnd() % NWORDS];
		size_t wl = strlen(w);
		if (k + wl + 2 >= cap)
			break;
		if (k && rnd() % 5)
			buf[k++] = ' ';
		for (size_t j = 0; j < wl; j++)
			buf[k++] = rnd() % 7 == 0 && w[j] >= 'a' && w[j] <= 'z' ? (char)(w[j] - 32) : w[j];
	}
	buf[k] = '\0';
	*n = k;
}

/* Rows the regex matches must hold a literal. */
static void check_sound(const char *pat, unsigned flags)
{
	struct bp_lits L;
	if (!bp_lits_from_pattern(&L, pat, strlen(pat), 3))
		return;
	struct rx r;
	rx_compile(&r, pat, strlen(pat), flags, "test", NULL);
	int ok = 1;
	char buf[400];
	for (int t = 0; t < 20000; t++) {
		size_t n, ms, me;
		random_line(buf, sizeof buf, &n);
		if (rx_search(&r, buf, n, 0, &ms, &me) == RX_MATCH && !bp_lits_search(&L, buf, n)) {
			fprintf(stderr, "pattern %s matches '%s' without a literal\n", pat, buf);
			ok = 0;
			break;
		}
	}
	CHECK(ok);
	rx_free(&r);
	bp_lits_free(&L);
}

int main(void)
{
	struct bp_lits L;
	const char *p = "\\bif you (?:enjoyed|liked) (?:this|our)\\b|\\bfor as little as\\b|\\b(?:start|get) your free trial\\b";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 3));
	CHECK(L.n == 3 && has(&L, "if you ") && has(&L, "for as little as") && has(&L, " your free trial"));
	CHECK(bp_lits_search(&L, "Subscribe FOR AS LITTLE AS $1", 29));
	CHECK(!bp_lits_search(&L, "for as little", 13));
	/* U+017F folds to s: such a row goes through */
	CHECK(bp_lits_search(&L, "for a\xc5\xbf little", 15));
	bp_lits_free(&L);
	/* optional characters and groups drop out; required groups count */
	p = "letters? to the (?:editor|paper)+";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 3));
	CHECK(L.n == 1 && has(&L, " to the "));
	bp_lits_free(&L);
	p = "ab(?:cdef)?gh|xy(?:klmno|pqrst){1,3}";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 2));
	CHECK(L.n == 3 && has(&L, "ab") && has(&L, "klmno") && has(&L, "pqrst"));
	bp_lits_free(&L);
	/* escaped punctuation is literal; classes and lookarounds are not */
	p = "\\(photo\\)[a-z]+(?=abcdef)(?!ghijkl)";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 3));
	CHECK(L.n == 1 && has(&L, "(photo)"));
	bp_lits_free(&L);
	/* a second set from another part of a sequence; none for a union */
	struct bp_lits L2;
	p = "\\b(?:join|follow) (?:us|our)\\b.{0,80}\\b(?:twitter|facebook)\\b";
	CHECK(bp_lits_from_pattern2(&L, &L2, p, strlen(p), 3));
	CHECK(L.n == 2 && has(&L, "twitter") && has(&L, "facebook"));
	CHECK(L2.n == 2 && has(&L2, "join") && has(&L2, "follow"));
	bp_lits_free(&L);
	bp_lits_free(&L2);
	p = "abcd.*efgh|ijkl";
	CHECK(bp_lits_from_pattern2(&L, &L2, p, strlen(p), 3));
	CHECK(L.n == 2 && L2.n == 0);
	bp_lits_free(&L);
	p = "(?:abcd.*efgh)xy";
	CHECK(bp_lits_from_pattern2(&L, &L2, p, strlen(p), 3));
	CHECK(L.n == 1 && L2.n == 0); /* (the group's two are not the pattern's) */
	bp_lits_free(&L);
	/* a character without case is literal (©), one with case is not (é) */
	p = "(?:^|[.!?]\\s+)\xc2\xa9\\s*[a-z]+|photo: \\w+";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 2));
	CHECK(L.n == 2 && has(&L, "\xc2\xa9") && has(&L, "photo: "));
	CHECK(bp_lits_search(&L, "Jane Doe \xc2\xa9 Agency", 17));
	CHECK(!bp_lits_search(&L, "Jane Doe (c) Agency", 19));
	bp_lits_free(&L);
	p = "x\xc3\xa9t\xc3\xa9|abcd";
	CHECK(!bp_lits_from_pattern(&L, p, strlen(p), 2));
	bp_lits_free(&L);
	p = "\xe2\x80\x94+ read more";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 3));
	CHECK(L.n == 1 && has(&L, " read more"));
	bp_lits_free(&L);
	p = "\xe2\x80\x94 read more";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 3));
	CHECK(L.n == 1 && has(&L, "\xe2\x80\x94 read more"));
	bp_lits_free(&L);
	/* no set: a branch without a literal, extended mode, \Q, verbs, short */
	const char *none[] = {"abcd|\\d+", "(?x) abcd", "\\Qabcd\\E", "(*UTF)abcd", "ab", "abcd|",
			      "x{,3}abcd", "(?:abcd)?", "©|abcd", "(?#c)abcd"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		int got = bp_lits_from_pattern(&L, none[i], strlen(none[i]), 3);
		CHECK(!got && L.n == 0);
		if (got)
			fprintf(stderr, "pattern %s got a set\n", none[i]);
		bp_lits_free(&L);
	}
	/* the search against a naive one */
	p = "abc|b(?:ca|xyz)d|zzzz";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 2));
	int same = 1;
	for (int t = 0; t < 50000; t++) {
		char buf[40];
		size_t n = rnd() % sizeof buf;
		for (size_t i = 0; i < n; i++)
			buf[i] = "abcdxyzABCDZ -"[rnd() % 14];
		if (naive(&L, buf, n) != bp_lits_search(&L, buf, n))
			same = 0;
	}
	CHECK(same);
	bp_lits_free(&L);
	/* many literals (all eight buckets of the 32-byte scan) on longer
	 * rows: the search, and the owners of the literals a row holds */
	p = "abc|b(?:ca|xyz)d|zzzz|yes|no way|Dcba|x-ray|aa|zy|\xc2\xa9 d|cdc|ddd|y z|a-b|bad|cab|dab|-x-";
	CHECK(bp_lits_from_pattern(&L, p, strlen(p), 2));
	CHECK(L.n > 16);
	uint64_t owner[64];
	for (size_t k = 0; k < L.n; k++)
		owner[k] = 1ULL << (k % 5);
	int owners_same = 1;
	same = 1;
	for (int t = 0; t < 50000; t++) {
		char buf[300];
		size_t n = rnd() % sizeof buf;
		for (size_t i = 0; i < n; i++)
			buf[i] = "abcdxyzABCDZ -enowsY\xc2\xa9"[rnd() % 22];
		if (naive(&L, buf, n) != bp_lits_search(&L, buf, n))
			same = 0;
		uint64_t want = 1 + rnd() % 31, expect = 0;
		for (size_t k = 0; k < L.n; k++) {
			struct bp_lits one = L;
			one.s = &L.s[k], one.len = &L.len[k], one.n = 1;
			if ((owner[k] & want) && naive(&one, buf, n))
				expect |= owner[k] & want;
		}
		if (bp_lits_owners(&L, buf, n, owner, want) != expect)
			owners_same = 0;
	}
	CHECK(same);
	CHECK(owners_same);
	bp_lits_free(&L);

	/* soundness against PCRE2 on random rows */
	check_sound("\\bif you (?:enjoyed|liked|appreciate) (?:this|our|reading)\\b|\\bsupport (?:our|independent|quality|local) (?:journalism|newsroom)\\b|\\bbecome a (?:member|subscriber|supporter|patron)\\b|\\b(?:subscribe|subscription) (?:today|now)\\b|\\bfor as little as\\b|\\balready (?:a subscriber|have an account)\\b", RX_CASELESS);
	check_sound(", (?:left|right|center|centre|second (?:from )?(?:left|right)|top|bottom|foreground|background)(?:,| and )|\\((?:left|right|center|centre|background|foreground|top|bottom|pictured|inset)\\)", RX_CASELESS);
	check_sound("(?:\\b(?:tel(?:ephone)?|phone|fax|e-?mail)\\s*:.*){2}", RX_CASELESS);
	check_sound("\\bwe pay for (?:your )?(?:stories|videos|photos|pictures)\\b|\\b(?:email|e-mail|contact|call|whatsapp|text|message) us (?:at|on)\\b|\\b(?:got|have|do you have) a (?:news )?(?:tip|story)\\b.{0,40}\\?|\\bsend (?:us )?your (?:tips|stories|news|photos|videos)\\b", RX_CASELESS);
	check_sound("\\b(?:join|follow|like|subscribe to|find) (?:us|our|me)\\b.{0,80}\\b(?:twitter|newsletter)\\b|^\\W*follow (?:the |these |this )?topics?\\b.{0,60}$", RX_CASELESS);
	check_sound("\\b(?:opinions?|views?) expressed\\b.{0,120}\\b(?:are|is|do not|does not)\\b.{0,40}\\b(?:own|author'?s?|writer'?s?|necessarily)\\b", RX_CASELESS);
	check_sound("\\bclick(?:ing)? (?:here|the link)\\b|\\btap here\\b", RX_CASELESS);
	check_sound("(?i:photo) shows|(?-i:Staff) writer", 0);
	return unit_done();
}
