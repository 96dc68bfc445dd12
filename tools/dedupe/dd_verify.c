/* dd_verify.c - is one text a near copy of another? The two word
 * sequences are aligned (Myers' O(ND) difference, with the common start
 * and end taken off first and D bounded by what could still pass), and
 * the alignment is read as syndication edits:
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
	int32_t *v;      /* the furthest x on each diagonal */
	size_t vcap;
	int32_t *trace;  /* v after each step d, for going back */
	size_t tcap;
	struct run *runs;
	size_t nruns, rcap;
};

enum { DMAX_ABS = 3000 };

struct dd_aligner *dd_aligner_new(void)
{
	return xcalloc(1, sizeof(struct dd_aligner));
}

void dd_aligner_free(struct dd_aligner *al)
{
	if (!al)
		return;
	free(al->v);
	free(al->trace);
	free(al->runs);
	free(al);
}

static void add_run(struct dd_aligner *al, uint32_t a, uint32_t b, uint32_t len)
{
	if (!len)
		return;
	if (al->nruns == al->rcap) {
		al->rcap = al->rcap ? 2 * al->rcap : 64;
		al->runs = xrealloc(al->runs, al->rcap * sizeof *al->runs);
	}
	al->runs[al->nruns++] = (struct run){a, b, len};
}

/* Myers: the equal runs of a[0..n) and b[0..m) (offsets ao, bo added),
 * appended in order; returns -1 when more than dmax edits are needed. */
static int myers(struct dd_aligner *al, const uint16_t *a, int32_t n, const uint16_t *b, int32_t m,
		 int32_t dmax, uint32_t ao, uint32_t bo)
{
	if (dmax > n + m)
		dmax = n + m;
	size_t width = 2 * (size_t)dmax + 3;
	if (al->vcap < width) {
		al->vcap = width;
		al->v = xrealloc(al->v, width * sizeof *al->v);
	}
	int32_t *v = al->v + dmax + 1; /* v[k], k in [-dmax-1, dmax+1] */
	v[1] = 0;
	size_t tlen = 0;
	int32_t d;
	for (d = 0; d <= dmax; d++) {
		/* keep v[-d..d] (step 2) as it is after this step */
		size_t need = tlen + (size_t)d + 1;
		if (al->tcap < need) {
			size_t cap = al->tcap ? al->tcap : 1024;
			while (cap < need)
				cap *= 2;
			al->trace = xrealloc(al->trace, cap * sizeof *al->trace);
			al->tcap = cap;
		}
		int done = 0;
		for (int32_t k = -d; k <= d; k += 2) {
			int32_t x; /* off the grid (x > n or y > m) never reaches (n, m) */
			if (k == -d || (k != d && v[k - 1] < v[k + 1]))
				x = v[k + 1];
			else
				x = v[k - 1] + 1;
			int32_t y = x - k;
			while (x < n && y < m && a[x] == b[y])
				x++, y++;
			v[k] = x;
			al->trace[tlen + (size_t)(k + d) / 2] = x;
			if (x == n && y == m)
				done = 1;
		}
		tlen += (size_t)d + 1;
		if (done)
			break;
	}
	if (d > dmax)
		return -1;
	/* back from (n, m): the snakes, last first */
	size_t first = al->nruns;
	int32_t x = n, y = m;
	for (int32_t e = d; e >= 0; e--) {
		size_t base = tlen - (size_t)e - 1;
		tlen = base;
		int32_t k = x - y;
		if (e == 0) {
			add_run(al, ao, bo, (uint32_t)x);
			break;
		}
		const int32_t *pv = al->trace + base - (size_t)e; /* step e-1: k in [-(e-1), e-1] */
		int32_t kp;
		if (k == -e || (k != e && pv[(k - 1 + (e - 1)) / 2] < pv[(k + 1 + (e - 1)) / 2]))
			kp = k + 1;
		else
			kp = k - 1;
		int32_t xs = pv[(kp + (e - 1)) / 2];
		int32_t ys = xs - kp;
		/* the move to (xs', ys') then the snake up to (x, y) */
		int32_t mx = kp == k + 1 ? xs : xs + 1;
		int32_t my = mx - k;
		if (x > mx)
			add_run(al, ao + (uint32_t)mx, bo + (uint32_t)my, (uint32_t)(x - mx));
		x = xs;
		y = ys;
	}
	/* the runs were added last first */
	for (size_t i = first, j = al->nruns; i + 1 < j; i++, j--) {
		struct run t = al->runs[i];
		al->runs[i] = al->runs[j - 1];
		al->runs[j - 1] = t;
	}
	return 0;
}

long dd_align(struct dd_aligner *al, const uint16_t *a, uint32_t n, const uint16_t *b, uint32_t m,
	      uint32_t dmax, const uint32_t **runs, size_t *nruns)
{
	al->nruns = 0;
	if (myers(al, a, (int32_t)n, b, (int32_t)m, (int32_t)dmax, 0, 0) < 0)
		return -1;
	long matched = 0;
	for (size_t i = 0; i < al->nruns; i++)
		matched += al->runs[i].len;
	*runs = (const uint32_t *)al->runs;
	*nruns = al->nruns;
	return matched;
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

void dd_probe_init(struct dd_probe *p, const struct dd_side *b)
{
	memset(p, 0, sizeof *p);
	for (uint32_t i = 0; i < b->n; i++) {
		p->bits[(b->code[i] >> 6) & 15] |= 1ULL << (b->code[i] & 63);
		p->edges += dd_is_edge(b->code[i]);
	}
}

/* At most as many words can match as a has words in b's set; the words
 * left over on either side must fit in what edges (or a cut) forgive, or
 * count as changed. */
int dd_may_pass(const struct dd_probe *p, const struct dd_verify_opts *o, const struct dd_side *a,
		const struct dd_side *b)
{
	uint32_t hit = 0, aedges = 0;
	for (uint32_t i = 0; i < a->n; i++) {
		uint16_t c = a->code[i];
		hit += (p->bits[(c >> 6) & 15] >> (c & 63)) & 1;
		aedges += dd_is_edge(c);
	}
	uint32_t mm = hit < b->n ? hit : b->n;
	uint32_t hi = a->n > b->n ? a->n : b->n;
	if ((a->cut != DD_NOCUT || b->cut != DD_NOCUT) && 2 * mm >= hi)
		return 1;
	if (mm < o->min_match && !(a->n == b->n && mm == a->n))
		return 0;
	uint32_t ua = a->n - mm, ub = b->n - mm;
	uint32_t ea = a->lead + (aedges ? 2 * o->edge_max : 0);
	uint32_t eb = b->lead + (p->edges ? 2 * o->edge_max : 0);
	uint32_t ca = ua > ea ? ua - ea : 0, cb = ub > eb ? ub - eb : 0;
	uint32_t changed = ca > cb ? ca : cb;
	return (double)mm >= o->threshold * (double)(mm + changed);
}

int dd_verify(struct dd_aligner *al, const struct dd_verify_opts *o, const struct dd_side *a,
	      const struct dd_side *b, struct dd_verdict *v)
{
	memset(v, 0, sizeof *v);
	uint32_t n = a->n, m = b->n;
	if (!n || !m) {
		v->why = "empty";
		return 0;
	}
	/* the common start and end, then Myers on the middle */
	uint32_t pre = 0;
	while (pre < n && pre < m && a->code[pre] == b->code[pre])
		pre++;
	uint32_t suf = 0;
	while (suf < n - pre && suf < m - pre && a->code[n - 1 - suf] == b->code[m - 1 - suf])
		suf++;
	al->nruns = 0;
	add_run(al, 0, 0, pre);
	int32_t mn = (int32_t)(n - pre - suf), mm = (int32_t)(m - pre - suf);
	if (mn || mm) {
		double t = o->threshold > 0.05 ? o->threshold : 0.05;
		uint32_t lo = n < m ? n : m, hi = n < m ? m : n;
		int32_t dmax = (int32_t)(hi - lo) + 4 * (int32_t)o->edge_max +
			       2 * (int32_t)((double)lo * (1 - t) / t + 1) + 8;
		if (a->cut != DD_NOCUT || b->cut != DD_NOCUT)
			dmax += (int32_t)hi / 2;
		if (dmax > DMAX_ABS)
			dmax = DMAX_ABS;
		if (myers(al, a->code + pre, mn, b->code + pre, mm, dmax, pre, pre) < 0) {
			v->why = "too different";
			return 0;
		}
	}
	add_run(al, n - suf, m - suf, suf);
	/* merge touching runs */
	size_t w = 0;
	for (size_t i = 0; i < al->nruns; i++) {
		struct run r = al->runs[i];
		if (w && al->runs[w - 1].a + al->runs[w - 1].len == r.a &&
		    al->runs[w - 1].b + al->runs[w - 1].len == r.b)
			al->runs[w - 1].len += r.len;
		else
			al->runs[w++] = r;
	}
	al->nruns = w;
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
	/* the end */
	uint32_t ae = R[l].a + R[l].len, be = R[l].b + R[l].len;
	uint32_t ta = n - ae, tb = m - be;
	if (ta || tb) {
		const char *why = guard(a->code + ae, ta, b->code + be, tb, 0);
		if (why) {
			v->why = why;
			return 0;
		}
		int cut = (cut_after(b, be, o->edge_max) || cut_after(a, ae, o->edge_max)) &&
			  2 * matched >= (n > m ? n : m);
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
