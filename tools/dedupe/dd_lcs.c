/* dd_lcs.c - the quick bound before the alignment: the longest common
 * subsequence of a kept text and the new one, 64 words at a time
 * (bit-parallel LCS: V = (V + (V & M)) | (V & ~M) for each word of a, M
 * the mask of b's positions holding it; the LCS is b's length less the
 * ones left in V). b's masks are built once for all its candidates. */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

void dd_probe_set(struct dd_probe *p, const struct dd_side *b)
{
	p->b = b;
	p->words = (b->n + 63) / 64;
	if (p->words <= 1) {
		if (!p->direct)
			p->direct = xcalloc(65536, sizeof *p->direct);
		for (uint32_t i = 0; i < b->n; i++)
			p->direct[b->code[i]] |= 1ULL << i;
		return;
	}
	/* several words: a table of b's distinct codes */
	uint32_t cap = 16;
	while (cap < 2 * b->n)
		cap *= 2;
	if (cap > p->hcap) {
		p->hkey = xrealloc(p->hkey, cap * sizeof *p->hkey);
		p->hval = xrealloc(p->hval, cap * sizeof *p->hval);
	}
	p->hcap = cap;
	memset(p->hval, 0, cap * sizeof *p->hval);
	size_t need = (size_t)b->n * p->words;
	if (need > p->mcap) {
		p->mcap = need;
		p->masks = xrealloc(p->masks, need * sizeof *p->masks);
	}
	if (p->words > p->vcap) {
		p->vcap = p->words;
		p->v = xrealloc(p->v, p->vcap * sizeof *p->v);
	}
	p->nmask = 0;
	for (uint32_t i = 0; i < b->n; i++) {
		uint16_t c = b->code[i];
		uint32_t h = (uint32_t)(c * 0x9E37u) & (cap - 1);
		while (p->hval[h] && p->hkey[h] != c)
			h = (h + 1) & (cap - 1);
		if (!p->hval[h]) {
			p->hkey[h] = c;
			p->hval[h] = ++p->nmask;
			memset(p->masks + (size_t)(p->nmask - 1) * p->words, 0, p->words * sizeof *p->masks);
		}
		p->masks[(size_t)(p->hval[h] - 1) * p->words + i / 64] |= 1ULL << (i % 64);
	}
}

void dd_probe_clear(struct dd_probe *p)
{
	if (p->b && p->words <= 1)
		for (uint32_t i = 0; i < p->b->n; i++)
			p->direct[p->b->code[i]] = 0;
	p->b = NULL;
}

void dd_probe_free(struct dd_probe *p)
{
	free(p->direct);
	free(p->hkey);
	free(p->hval);
	free(p->masks);
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* b's mask for code c, word k (0 beyond b's first m words: masked by the
 * caller for the last word). */
static inline const uint64_t *mask_of(const struct dd_probe *p, uint16_t c)
{
	uint32_t cap = p->hcap;
	uint32_t h = (uint32_t)(c * 0x9E37u) & (cap - 1);
	while (p->hval[h] && p->hkey[h] != c)
		h = (h + 1) & (cap - 1);
	return p->hval[h] ? p->masks + (size_t)(p->hval[h] - 1) * p->words : NULL;
}

static inline uint32_t ones(const uint64_t *v, uint32_t w, uint64_t last)
{
	uint32_t k = 0;
	for (uint32_t x = 0; x + 1 < w; x++)
		k += (uint32_t)__builtin_popcountll(v[x]);
	return k + (uint32_t)__builtin_popcountll(v[w - 1] & last);
}

uint32_t dd_probe_lcs_min(struct dd_probe *p, const uint16_t *a, uint32_t n, uint32_t m, uint64_t *rows,
			  uint32_t floor)
{
	if (m > p->b->n)
		m = p->b->n;
	if (!m || !n)
		return 0;
	uint32_t w = (m + 63) / 64;
	uint64_t last = m % 64 ? (1ULL << (m % 64)) - 1 : ~0ULL;
	/* with a floor, stops at half and at three quarters of a: the LCS so
	 * far and the words of a left bound it */
	uint32_t stop[3] = {floor ? n / 2 : n, floor ? n - n / 4 : n, n};
	uint32_t i = 0;
	if (p->words <= 1) {
		uint64_t v = ~0ULL;
		for (int s = 0; s < 3; s++) {
			if (rows)
				for (; i < stop[s]; i++) {
					uint64_t mk = p->direct[a[i]] & last;
					v = (v + (v & mk)) | (v & ~mk);
					rows[i] = v;
				}
			else
				for (; i < stop[s]; i++) {
					uint64_t mk = p->direct[a[i]] & last;
					v = (v + (v & mk)) | (v & ~mk);
				}
			if (i < n) {
				uint32_t ub = m - (uint32_t)__builtin_popcountll(v & last) + (n - i);
				if (ub < floor)
					return ub;
			}
		}
		return m - (uint32_t)__builtin_popcountll(v & last);
	}
	uint64_t *v = p->v;
	for (uint32_t k = 0; k < w; k++)
		v[k] = ~0ULL;
	for (int s = 0; s < 3; s++) {
		for (; i < stop[s]; i++) {
			const uint64_t *mk = mask_of(p, a[i]);
			if (mk) {
				uint64_t carry = 0;
				for (uint32_t k = 0; k < w; k++) {
					uint64_t x = v[k], mm = k == w - 1 ? mk[k] & last : mk[k], u = x & mm;
					uint64_t s1 = x + u, c1 = s1 < x;
					uint64_t s2 = s1 + carry, c2 = s2 < s1;
					carry = c1 | c2;
					v[k] = s2 | (x & ~mm);
				}
			}
			if (rows)
				memcpy(rows + (size_t)i * w, v, w * sizeof *v);
		}
		if (i < n) {
			uint32_t ub = m - ones(v, w, last) + (n - i);
			if (ub < floor)
				return ub;
		}
	}
	return m - ones(v, w, last);
}

uint32_t dd_probe_lcs(struct dd_probe *p, const uint16_t *a, uint32_t n, uint32_t m, uint64_t *rows)
{
	return dd_probe_lcs_min(p, a, n, m, rows, 0);
}

/* L[i][j] from the rows: the zero bits of row i among the first j. */
static inline uint32_t lcs_at(const uint64_t *rows, uint32_t w, uint32_t i, uint32_t j)
{
	if (!i || !j)
		return 0;
	const uint64_t *r = rows + (size_t)(i - 1) * w;
	uint32_t z = 0, k = 0;
	for (; (k + 1) * 64 <= j; k++)
		z += 64 - (uint32_t)__builtin_popcountll(r[k]);
	if (j % 64)
		z += (uint32_t)__builtin_popcountll(~r[k] & ((1ULL << (j % 64)) - 1));
	return z;
}

/* One run of matched words (start in a, start in b, length), kept while
 * there is room; nr counts them all. */
static inline void put_run(uint32_t *runs, size_t cap, size_t *nr, uint32_t a0, uint32_t b0, uint32_t len)
{
	if (*nr < cap) {
		runs[3 * *nr] = a0;
		runs[3 * *nr + 1] = b0;
		runs[3 * *nr + 2] = len;
	}
	++*nr;
}

size_t dd_probe_trace(const struct dd_probe *p, const uint16_t *a, uint32_t n, uint32_t m,
		      const uint64_t *rows, uint32_t *runs, size_t cap)
{
	if (m > p->b->n)
		m = p->b->n;
	const uint16_t *b = p->b->code;
	uint32_t w = (m + 63) / 64;
	/* back from (n, m): a match whenever the words are equal (always on an
	 * LCS path), else up while the LCS holds, else left */
	size_t nr = 0;
	uint32_t i = n, j = m, cur = lcs_at(rows, w, n, m);
	uint32_t run_end_a = 0, run_len = 0;
	while (i && j) {
		if (a[i - 1] == b[j - 1]) {
			if (!run_len)
				run_end_a = i;
			run_len++;
			i--, j--;
			cur--;
			continue;
		}
		if (run_len) {
			put_run(runs, cap, &nr, run_end_a - run_len, j, run_len);
			run_len = 0;
		}
		if (lcs_at(rows, w, i - 1, j) == cur)
			i--;
		else
			j--;
	}
	if (run_len)
		put_run(runs, cap, &nr, run_end_a - run_len, j, run_len);
	/* they were found last first */
	size_t k = nr < cap ? nr : cap;
	for (size_t x = 0, y = k; x + 1 < y; x++, y--)
		for (int q = 0; q < 3; q++) {
			uint32_t tmp = runs[3 * x + q];
			runs[3 * x + q] = runs[3 * (y - 1) + q];
			runs[3 * (y - 1) + q] = tmp;
		}
	return nr;
}

/* The words matched are at most the LCS; each side's unmatched words
 * beyond what its edges can forgive count as changed (dd_verify.c). */
int dd_may_pass(const struct dd_verify_opts *o, const struct dd_side *a, const struct dd_side *b,
		uint32_t n, uint32_t m, uint32_t l)
{
	uint32_t hi = a->n > b->n ? a->n : b->n;
	if ((a->cut != DD_NOCUT || b->cut != DD_NOCUT) && 2 * l >= hi)
		return 1;
	if (l < o->min_match && !(a->n == b->n && l == a->n))
		return 0;
	uint32_t ea = a->edges ? o->edge_max : 0, eb = b->edges ? o->edge_max : 0;
	double fa = (double)((a->lead > ea ? a->lead : ea) + ea);
	double fb = (double)((b->lead > eb ? b->lead : eb) + eb);
	double need = o->threshold * ((double)n - fa > (double)m - fb ? (double)n - fa : (double)m - fb);
	return (double)l >= need;
}

uint32_t dd_pass_floor(const struct dd_verify_opts *o, const struct dd_side *a, const struct dd_side *b,
		       uint32_t n, uint32_t m)
{
	/* the least of what passes by each rule of dd_may_pass */
	uint32_t hi = a->n > b->n ? a->n : b->n, lo = n < m ? n : m;
	uint32_t least = UINT32_MAX;
	if (a->cut != DD_NOCUT || b->cut != DD_NOCUT)
		least = (hi + 1) / 2;
	if (a->n == b->n && a->n < least)
		least = a->n;
	uint32_t ea = a->edges ? o->edge_max : 0, eb = b->edges ? o->edge_max : 0;
	double fa = (double)((a->lead > ea ? a->lead : ea) + ea);
	double fb = (double)((b->lead > eb ? b->lead : eb) + eb);
	double need = o->threshold * ((double)n - fa > (double)m - fb ? (double)n - fa : (double)m - fb);
	double c = need > (double)lo ? (double)lo : need < 0 ? 0 : need;
	uint32_t k = (uint32_t)c;
	k += (double)k < c;
	if (k < o->min_match)
		k = o->min_match;
	if (k < least)
		least = k;
	if (least > lo)
		least = lo;
	/* a floor only if everything below it fails (dd_may_pass grows with
	 * the LCS) */
	return least && !dd_may_pass(o, a, b, n, m, least - 1) ? least : 0;
}
