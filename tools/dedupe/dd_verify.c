/* dd_verify.c - is one text a near copy of another? The two word
 * sequences are aligned (an LCS traced back from the bit-parallel rows of
 * dd_lcs.c, once a bound on its length has turned away what cannot pass),
 * and the alignment is read as syndication edits:
 *
 *   - words added, dropped or changed inside count as changed; the
 *     similarity is matched / (matched + changed), each changed stretch
 *     counting its longer side;
 *   - words added at the start or the end are forgiven when they are a
 *     dateline ("WASHINGTON -", found by dd_norm.c) or hold edge words
 *     (credits, promos: "Reporting by", "Read more at") and no more
 *     numbers than edge words, up to edge_max words;
 *   - a copy cut short ("…", "[...]" at its end, perhaps before a credit)
 *     is forgiven what it lost, when it keeps at least half of the longer;
 *   - the guard: a changed stretch holding a number on both sides (a
 *     number changed), a negation on one side only (not added), or the
 *     two sides of a direction pair (rose/fell) makes different news,
 *     whatever the similarity.
 */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

struct run {
	uint32_t a, b, len; /* a[a..a+len) == b[b..b+len) */
};

struct dd_aligner {
	struct run *runs;
	size_t nruns, rcap;
	uint64_t *rows;  /* the bit rows of the LCS */
	size_t rcap2;
};

struct dd_aligner *dd_aligner_new(void)
{
	return xcalloc(1, sizeof(struct dd_aligner));
}

void dd_aligner_free(struct dd_aligner *al)
{
	if (!al)
		return;
	free(al->runs);
	free(al->rows);
	free(al);
}

struct counts {
	unsigned nums, negs, edges;
};

static struct counts count(const uint16_t *c, uint32_t n)
{
	struct counts k = {0, 0, 0};
	for (uint32_t i = 0; i < n; i++) {
		k.nums += dd_is_num(c[i]);
		k.negs += c[i] == DD_NEG;
		k.edges += dd_is_edge(c[i]);
	}
	return k;
}

/* Different news: a number on both sides, a direction pair's two sides,
 * or (inside the text) a negation on one side only. */
static const char *guard(const uint16_t *x, uint32_t nx, const uint16_t *y, uint32_t ny, int inside)
{
	struct counts cx = count(x, nx), cy = count(y, ny);
	if (cx.nums && cy.nums)
		return "number";
	if (inside && cx.negs != cy.negs)
		return "negation";
	for (uint32_t i = 0; i < nx; i++) {
		int d = dd_dir(x[i]);
		if (d < 0)
			continue;
		for (uint32_t j = 0; j < ny; j++)
			if (dd_dir(y[j]) == (d ^ 1))
				return "direction";
	}
	return NULL;
}

/* Words added at an edge that syndication adds: edge words, and no more
 * numbers than edge words. */
static int forgiven(const uint16_t *c, uint32_t n, unsigned edge_max)
{
	if (!n)
		return 1;
	if (n > edge_max)
		return 0;
	struct counts k = count(c, n);
	return k.edges >= 1 && k.nums <= k.edges;
}

/* Was side s cut after word end (its last aligned word)? Its cut mark is
 * at most two words on, and only forgiven words follow the mark. */
static int cut_after(const struct dd_side *s, uint32_t end, unsigned edge_max)
{
	if (s->cut == DD_NOCUT || s->cut < end || s->cut - end > 2)
		return 0;
	return forgiven(s->code + s->cut, s->n - s->cut, edge_max);
}

uint32_t dd_cut_limit(const struct dd_verify_opts *o, const struct dd_side *a, const struct dd_side *b)
{
	if (b->cut == DD_NOCUT)
		return a->n;
	double t = o->threshold > 0.05 ? o->threshold : 0.05;
	uint32_t lim = b->cut + (uint32_t)(b->cut * (1 - t) / t) + 2 * o->edge_max + a->lead + 4;
	return lim < a->n ? lim : a->n;
}

int dd_verify(struct dd_aligner *al, struct dd_probe *p, const struct dd_verify_opts *o,
	      const struct dd_side *a, const struct dd_side *b, struct dd_verdict *v)
{
	memset(v, 0, sizeof *v);
	uint32_t full_n = a->n, full_m = b->n, n = full_n, m = full_m;
	if (!n || !m) {
		v->why = "empty";
		return 0;
	}
	/* a side cut short is aligned with as much of the other as could
	 * answer to what it kept; the rest of the other is the part cut off */
	n = dd_cut_limit(o, a, b);
	m = dd_cut_limit(o, b, a);
	/* the LCS, bounded before anything is aligned: each side's unmatched
	 * words beyond what its edges forgive count as changed, so the words
	 * matched must reach T (n - F) for either side; a cut needs half */
	if (!dd_may_pass(o, a, b, n, m, n < m ? n : m)) { /* the LCS is at most the shorter */
		v->why = "too different";
		return 0;
	}
	size_t w = ((size_t)m + 63) / 64;
	if (al->rcap2 < (size_t)n * w) {
		al->rcap2 = (size_t)n * w;
		al->rows = xrealloc(al->rows, al->rcap2 * sizeof *al->rows);
	}
	uint32_t lcs = dd_probe_lcs_min(p, a->code, n, m, al->rows, n >= 16 ? dd_pass_floor(o, a, b, n, m) : 0);
	if (!dd_may_pass(o, a, b, n, m, lcs)) {
		v->why = "too different";
		return 0;
	}
	v->aligned = 1;
	size_t cap = n < m ? n : m;
	if (al->rcap < cap + 1) {
		al->rcap = cap + 1;
		al->runs = xrealloc(al->runs, al->rcap * sizeof *al->runs);
	}
	al->nruns = dd_probe_trace(p, a->code, n, m, al->rows, (uint32_t *)al->runs, al->rcap);

	/* anchors: runs of two words or more, or touching an end */
	const struct run *R = al->runs;
	size_t f = 0, l = al->nruns;
	while (f < al->nruns && R[f].len < 2 && !(R[f].a == 0 && R[f].b == 0))
		f++;
	while (l > f && R[l - 1].len < 2 && !(R[l - 1].a + R[l - 1].len == n && R[l - 1].b + R[l - 1].len == m))
		l--;
	if (f >= l) {
		v->why = "nothing in common";
		return 0;
	}
	l--;
	uint32_t matched = 0, changed = 0;
	for (size_t i = f; i <= l; i++) {
		matched += R[i].len;
		if (i == l)
			break;
		uint32_t ax = R[i].a + R[i].len, bx = R[i].b + R[i].len;
		uint32_t ga = R[i + 1].a - ax, gb = R[i + 1].b - bx;
		const char *why = guard(a->code + ax, ga, b->code + bx, gb, 1);
		if (why) {
			v->why = why;
			return 0;
		}
		changed += ga > gb ? ga : gb;
	}
	/* the start */
	uint32_t ha = R[f].a, hb = R[f].b;
	if (ha || hb) {
		const char *why = guard(a->code, ha, b->code, hb, 0);
		if (why) {
			v->why = why;
			return 0;
		}
		int ok = (ha <= a->lead || forgiven(a->code, ha, o->edge_max)) &&
			 (hb <= b->lead || forgiven(b->code, hb, o->edge_max));
		if (!ok)
			changed += ha > hb ? ha : hb;
	}
	/* the end (and what lies past the aligned part of a side) */
	uint32_t ae = R[l].a + R[l].len, be = R[l].b + R[l].len;
	uint32_t ta = full_n - ae, tb = full_m - be;
	if (ta || tb) {
		const char *why = guard(a->code + ae, n - ae, b->code + be, m - be, 0);
		if (why) {
			v->why = why;
			return 0;
		}
		int cut = (cut_after(b, be, o->edge_max) || cut_after(a, ae, o->edge_max)) &&
			  2 * matched >= (full_n > full_m ? full_n : full_m);
		int ok = cut || (forgiven(a->code + ae, ta, o->edge_max) &&
				 forgiven(b->code + be, tb, o->edge_max));
		if (!ok)
			changed += ta > tb ? ta : tb;
	}
	v->matched = matched;
	v->changed = changed;
	v->sim = (double)matched / (double)(matched + changed);
	if (matched < o->min_match && !(matched == n && matched == m)) {
		v->why = "too short";
		return 0;
	}
	if (v->sim < o->threshold) {
		v->why = "below the threshold";
		return 0;
	}
	return 1;
}
