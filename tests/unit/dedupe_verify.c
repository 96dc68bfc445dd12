/* dedupe_verify.c - the bit-parallel LCS and its trace-back against a
 * dynamic-programming LCS on random word sequences (one and several
 * 64-bit words), and the verification's reading of it:
 * what passes, what the guard keeps apart, what edges and cuts forgive;
 * the floor below which nothing passes, and the LCS that stops early
 * under it. */
#include "dd.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static uint32_t rnd_state = 12345;
static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static long lcs(const uint16_t *a, int n, const uint16_t *b, int m)
{
	static long t[201][201];
	for (int i = 0; i <= n; i++)
		for (int j = 0; j <= m; j++)
			t[i][j] = !i || !j ? 0 : a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1
					  : t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
	return t[n][m];
}

static void test_align(void)
{
	struct dd_probe p = {0};
	int ok = 1;
	static uint16_t a[200], b[200];
	static uint64_t rows[200 * 4];
	static uint32_t runs[3 * 201];
	for (int round = 0; round < 3000; round++) {
		int big = round % 3 == 0;
		int n = (int)(rnd() % (big ? 200 : 64)), m;
		int alpha = 2 + (int)(rnd() % 6);
		for (int i = 0; i < n; i++)
			a[i] = (uint16_t)(rnd() % (unsigned)alpha);
		if (round % 2) { /* b an edited copy of a */
			m = 0;
			for (int i = 0; i < n && m < (big ? 200 : 64); i++) {
				unsigned r = rnd() % 10;
				if (r == 0)
					continue;
				if (r == 1 && m < (big ? 199 : 63))
					b[m++] = (uint16_t)(rnd() % (unsigned)alpha);
				b[m++] = r == 2 ? (uint16_t)(rnd() % (unsigned)alpha) : a[i];
			}
		} else {
			m = (int)(rnd() % (big ? 200 : 64));
			for (int i = 0; i < m; i++)
				b[i] = (uint16_t)(rnd() % (unsigned)alpha);
		}
		struct dd_side sb = {b, (uint32_t)m, 0, DD_NOCUT, 0};
		dd_probe_set(&p, &sb);
		/* the first mm columns only, sometimes */
		int mm = round % 5 == 0 && m ? (int)(rnd() % (unsigned)m) : m;
		long got = dd_probe_lcs(&p, a, (uint32_t)n, (uint32_t)mm, rows);
		long want = lcs(a, n, b, mm);
		if (got != want) {
			ok = 0;
			fprintf(stderr, "round %d: LCS %ld, want %ld\n", round, got, want);
			dd_probe_clear(&p);
			break;
		}
		/* the trace: runs in order, equal words, as many as the LCS */
		size_t nr = dd_probe_trace(&p, a, (uint32_t)n, (uint32_t)mm, rows, runs, 201);
		uint32_t pa = 0, pb = 0;
		long sum = 0;
		for (size_t r = 0; r < nr; r++) {
			uint32_t ra = runs[3 * r], rb = runs[3 * r + 1], len = runs[3 * r + 2];
			if (ra < pa || rb < pb || ra + len > (uint32_t)n || rb + len > (uint32_t)mm ||
			    memcmp(a + ra, b + rb, len * sizeof *a) != 0)
				ok = 0;
			pa = ra + len;
			pb = rb + len;
			sum += len;
		}
		if (sum != want)
			ok = 0;
		dd_probe_clear(&p);
	}
	CHECK(ok);
	dd_probe_free(&p);
}

/* Texts as codes: words w1.. (plain), n1.. (numbers), e (an edge word),
 * x (not), up/down (a direction pair). */
static uint32_t side(const char *s, uint16_t *c, uint16_t cut_at)
{
	uint32_t n = 0;
	char w[32];
	int k;
	while (sscanf(s, "%31s%n", w, &k) == 1) {
		s += k;
		if (w[0] == 'n')
			c[n++] = (uint16_t)(DD_NUM | atoi(w + 1));
		else if (!strcmp(w, "e"))
			c[n++] = DD_EDGE0;
		else if (!strcmp(w, "x"))
			c[n++] = DD_NEG;
		else if (!strcmp(w, "up"))
			c[n++] = DD_DIR0;
		else if (!strcmp(w, "down"))
			c[n++] = DD_DIR0 + 1;
		else if (!strcmp(w, "|"))
			cut_at = (uint16_t)n;
		else
			c[n++] = (uint16_t)(DD_WORD0 + atoi(w + 1));
	}
	(void)cut_at;
	return n;
}

static const char *judge(const char *x, const char *y)
{
	static uint16_t ca[200], cb[200];
	struct dd_side a = {ca, 0, 0, DD_NOCUT, 0}, b = {cb, 0, 0, DD_NOCUT, 0};
	a.n = side(x, ca, 0);
	b.n = side(y, cb, 0);
	for (uint32_t i = 0; i < a.n; i++)
		a.edges |= dd_is_edge(ca[i]);
	for (uint32_t i = 0; i < b.n; i++)
		b.edges |= dd_is_edge(cb[i]);
	/* a '|' marks the cut: the words before it */
	const char *p = strchr(x, '|');
	if (p) {
		char tmp[400];
		snprintf(tmp, sizeof tmp, "%.*s", (int)(p - x), x);
		a.cut = (uint16_t)side(tmp, ca + 100, 0);
	}
	p = strchr(y, '|');
	if (p) {
		char tmp[400];
		snprintf(tmp, sizeof tmp, "%.*s", (int)(p - y), y);
		b.cut = (uint16_t)side(tmp, cb + 100, 0);
	}
	struct dd_verify_opts o = {0.8, 12, 3};
	struct dd_aligner *al = dd_aligner_new();
	struct dd_probe probe = {0};
	struct dd_verdict v;
	dd_probe_set(&probe, &b);
	int pass = dd_verify(al, &probe, &o, &a, &b, &v);
	dd_probe_clear(&probe);
	dd_probe_free(&probe);
	dd_aligner_free(al);
	return pass ? "pass" : v.why;
}

/* Not a copy, whichever check says so (the LCS bound or the threshold). */
static int fails(const char *x, const char *y)
{
	return strcmp(judge(x, y), "pass") != 0;
}

#define TEN "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10"
#define TWENTY TEN " w11 w12 w13 w14 w15 w16 w17 w18 w19 w20"

static void test_verify(void)
{
	CHECK_STR(judge(TWENTY, TWENTY), "pass");
	/* one word changed, added, dropped in twenty */
	CHECK_STR(judge(TWENTY, TEN " w99 w12 w13 w14 w15 w16 w17 w18 w19 w20"), "pass");
	CHECK_STR(judge(TWENTY, TEN " w99 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20"), "pass");
	CHECK_STR(judge(TWENTY, TEN " w12 w13 w14 w15 w16 w17 w18 w19 w20"), "pass");
	/* five changed words in twenty: 15 / 20 < 0.8 */
	CHECK(fails(TWENTY, "w1 w91 w3 w92 w5 w93 w7 w94 w9 w95 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20"));
	/* the guard: a number changed, a negation added, a direction swapped */
	CHECK_STR(judge(TEN " n5 " TEN, TEN " n6 " TEN), "number");
	CHECK_STR(judge(TEN " n5 " TEN, TEN " w7 " TEN), "pass"); /* a number for a word */
	CHECK_STR(judge(TEN " " TEN, TEN " x " TEN), "negation");
	CHECK_STR(judge(TEN " up " TEN, TEN " down " TEN), "direction");
	/* edges: a credit at the end or the start is forgiven, an addition
	 * without edge words is not */
	CHECK_STR(judge(TWENTY, TWENTY " e w50 w51 w52"), "pass");
	CHECK(fails(TWENTY, TWENTY " w50 w51 w52 w53 w54 w55 w56"));
	CHECK_STR(judge(TWENTY, "e w40 w41 " TWENTY), "pass");
	/* a credit with more numbers than edge words is news */
	CHECK(fails(TWENTY, TWENTY " e n1 n2 w3 w4 w5 w6"));
	/* cut short: forgiven when marked and at least half is kept */
	CHECK_STR(judge(TWENTY, TEN " w11 w12 |"), "pass");
	CHECK(fails(TWENTY, TEN " w11 w12"));
	CHECK(fails(TWENTY, "w1 w2 w3 w4 w5 |"));
	CHECK_STR(judge(TEN " w11 w12 | e w40", TWENTY), "pass"); /* cut, then a credit */
	/* nothing in common */
	CHECK(fails(TEN, "w31 w32 w33 w34 w35 w36 w37 w38 w39 w40"));
}

/* dd_pass_floor: everything below it fails dd_may_pass (most often it
 * is the least that passes); the
 * LCS with the floor is the LCS when that reaches the floor, and below
 * the floor when that does not. */
static void test_floor(void)
{
	struct dd_probe p = {0};
	struct dd_verify_opts o = {0.8, 12, 3};
	int ok = 1, floors = 0, stopped = 0;
	static uint16_t a[200], b[200];
	static uint64_t rows[200 * 4];
	for (int round = 0; round < 4000 && ok; round++) {
		int big = round % 3 == 0;
		int n = 1 + (int)(rnd() % (big ? 199 : 63)), m = 0;
		for (int i = 0; i < n; i++)
			a[i] = (uint16_t)(DD_WORD0 + rnd() % 40);
		unsigned keep = 5 + rnd() % 6; /* in ten: how close a copy b is */
		for (int i = 0; i < n && m < (big ? 200 : 64); i++)
			b[m++] = rnd() % 10 < keep ? a[i] : (uint16_t)(DD_WORD0 + rnd() % 40);
		if (!m)
			b[m++] = a[0];
		struct dd_side sa = {a, (uint32_t)n, (uint16_t)(rnd() % 3), rnd() % 4 ? DD_NOCUT : (uint16_t)(n / 2),
				     (uint16_t)(rnd() % 2)};
		struct dd_side sb = {b, (uint32_t)m, 0, rnd() % 5 ? DD_NOCUT : (uint16_t)(m - 1), 0};
		uint32_t f = dd_pass_floor(&o, &sa, &sb, (uint32_t)n, (uint32_t)m);
		uint32_t lo = n < m ? (uint32_t)n : (uint32_t)m;
		for (uint32_t l = 0; l < f; l++)
			if (dd_may_pass(&o, &sa, &sb, (uint32_t)n, (uint32_t)m, l))
				ok = 0;
		floors += f != 0 && f <= lo && dd_may_pass(&o, &sa, &sb, (uint32_t)n, (uint32_t)m, f);
		dd_probe_set(&p, &sb);
		uint32_t full = dd_probe_lcs(&p, a, (uint32_t)n, (uint32_t)m, rows);
		uint32_t got = dd_probe_lcs_min(&p, a, (uint32_t)n, (uint32_t)m, rows, f);
		if (full >= f ? got != full : got >= f)
			ok = 0;
		stopped += got != full;
		if (!ok)
			fprintf(stderr, "round %d: floor %u, LCS %u, with the floor %u\n", round, f, full, got);
		dd_probe_clear(&p);
	}
	CHECK(ok);
	CHECK(floors > 1000); /* the test means something */
	CHECK(stopped > 100);
	dd_probe_free(&p);
}

int main(void)
{
	test_align();
	test_verify();
	test_floor();
	return unit_done();
}
