/* dd_index.c - the band index: band keys to kept texts, 8 bytes a slot
 * (dd.h). Linear probing kept in order: a key's 32-bit tag is mixed into
 * h (a bijection), h picks its home slot (monotone in h), and the entries
 * stand in order of h, each at or after its home, runs without holes
 * between (an entry moves the rest of its run one slot up). A lookup stops
 * at the first larger h, so a key that is not there costs a few slots even
 * at 85% full, and growing is one merge pass. No wrap-around: homes fall
 * in all but the last 64th of the slots, and a run that reaches the end
 * gets more slots there.
 *
 * With a cap (--bucket-cap), a key takes the first `cap` texts offered
 * under it and no more; texts offered and not kept (near repeats) are
 * counted in one entry of the key's run, its id DD_IX_OFFER | count. */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { MIX = 0x9E3779B1u, UNMIX = 0x0E8B2F51u }; /* MIX * UNMIX = 1 mod 2^32 */

uint32_t dd_index_tag(uint64_t key)
{
	uint32_t t = (uint32_t)(key >> 32) ^ (uint32_t)key;
	return t + !t;
}

static inline uint32_t h_of(uint64_t key)
{
	return dd_index_tag(key) * MIX;
}

static inline size_t home(uint32_t h, size_t span)
{
	return (size_t)(((uint64_t)h * span) >> 32);
}

/* The first k >= i (cap if none) with a[k] - 1 >= bound (unsigned): the
 * first empty slot or h above bound (bound = h - 1: at least h; h: above
 * h; UINT32_MAX: empty), four slots at a time. */
static inline size_t skip_below(const uint32_t *a, size_t i, size_t cap, uint32_t bound)
{
#ifdef __SSE2__
	const __m128i sign = _mm_set1_epi32((int)0x80000000u), one = _mm_set1_epi32(1);
	const __m128i b = _mm_xor_si128(_mm_set1_epi32((int)bound), sign);
	for (; i + 4 <= cap; i += 4) {
		__m128i v = _mm_xor_si128(_mm_sub_epi32(_mm_loadu_si128((const __m128i *)(a + i)), one), sign);
		int lt = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmplt_epi32(v, b)));
		if (lt != 15)
			return i + (size_t)__builtin_ctz(~(unsigned)lt);
	}
#endif
	while (i < cap && a[i] - 1 < bound)
		i++;
	return i;
}

void dd_index_init(struct dd_index *x)
{
	memset(x, 0, sizeof *x);
}

void dd_index_free(struct dd_index *x)
{
	free(x->h);
	free(x->id);
	memset(x, 0, sizeof *x);
}

/* more slots at the end (a run reached it), homes where they were */
static void extend(struct dd_index *x, size_t more)
{
	if (x->cap + more > 0xFFFFFFFFu)
		die(EXIT_TROUBLE, "the band index is full (2^32 slots)");
	x->h = xrealloc(x->h, (x->cap + more) * sizeof *x->h);
	x->id = xrealloc(x->id, (x->cap + more) * sizeof *x->id);
	memset(x->h + x->cap, 0, more * sizeof *x->h);
	memset(x->id + x->cap, 0, more * sizeof *x->id);
	x->cap += more;
}

/* A table of cap slots (homes in all but the last 64th), the entries laid
 * out again by one merge pass; more slots at the end if the last run
 * needs them. */
static void resize(struct dd_index *x, size_t cap)
{
	if (cap > 0xFFFFFFFFu)
		die(EXIT_TROUBLE, "the band index is full (2^32 slots)");
	struct dd_index big = {.cap = cap, .n = x->n, .span = cap - cap / 64};
	big.h = xcalloc(cap, sizeof *big.h);
	big.id = xcalloc(cap, sizeof *big.id);
	size_t next = 0;
	for (size_t i = 0; i < x->cap; i++)
		if (x->h[i]) {
			size_t p = home(x->h[i], big.span);
			if (p < next)
				p = next;
			if (p >= big.cap)
				extend(&big, big.cap / 64 + 64);
			big.h[p] = x->h[i];
			big.id[p] = x->id[i];
			next = p + 1;
		}
	free(x->h);
	free(x->id);
	*x = big;
}

/* A quarter more, an eighth past 2^20 slots (8 MB): right after growing a
 * big index is 80 % full, not 72 % (its memory is what grows with the
 * kept rows; a merge pass more now and then costs little). */
static size_t grown(size_t cap)
{
	return !cap ? 4096 : cap < (1u << 20) ? cap + cap / 4 : cap + cap / 8;
}

void dd_index_reserve(struct dd_index *x, size_t n)
{
	size_t cap = x->cap ? x->cap : 4096;
	while (10 * n > 9 * cap)
		cap = grown(cap);
	if (cap > x->cap)
		resize(x, cap);
}

/* Room for one more entry: 90% full at most, so that lookups stop early. */
static inline void room(struct dd_index *x)
{
	if (10 * (x->n + 1) > 9 * x->cap)
		resize(x, grown(x->cap));
}

/* Put h at slot i, the end of h's run (or where it would be). */
static void put_at(struct dd_index *x, size_t i, uint32_t h, uint32_t id)
{
	size_t j = skip_below(x->h, i, x->cap, UINT32_MAX);
	if (j == x->cap) /* the run reached the end */
		extend(x, x->cap / 64 + 64);
	/* the run [i, j) moves up one slot */
	memmove(x->h + i + 1, x->h + i, (j - i) * sizeof *x->h);
	memmove(x->id + i + 1, x->id + i, (j - i) * sizeof *x->id);
	x->h[i] = h;
	x->id[i] = id;
	x->n++;
}

static void put(struct dd_index *x, uint32_t h, uint32_t id)
{
	room(x);
	put_at(x, skip_below(x->h, home(h, x->span), x->cap, h), h, id);
}

void dd_index_add(struct dd_index *x, uint64_t key, uint32_t id)
{
	put(x, h_of(key), id);
}

void dd_index_put_tag(struct dd_index *x, uint32_t tag, uint32_t id)
{
	put(x, tag * MIX, id);
}

/* The first slot of h's run, or where it would start. */
static size_t run_start(const struct dd_index *x, uint32_t h)
{
	return skip_below(x->h, home(h, x->span), x->cap, h - 1);
}

int dd_index_offer(struct dd_index *x, uint32_t tag, uint32_t id, unsigned cap)
{
	uint32_t h = tag * MIX;
	if (!cap) { /* no cap: nothing to count */
		if (id == DD_IX_OFFER)
			return 0;
		put(x, h, id);
		return 1;
	}
	size_t counter = SIZE_MAX, i = x->cap ? run_start(x, h) : 0;
	unsigned long long c = 0;
	for (; i < x->cap && x->h[i] == h; i++) {
		if (x->id[i] & DD_IX_OFFER) {
			c += x->id[i] & ~DD_IX_OFFER;
			counter = i;
		} else
			c++;
	}
	if (c >= cap)
		return 0; /* the bucket is full */
	if (id == DD_IX_OFFER && counter != SIZE_MAX)
		x->id[counter]++;
	else {
		if (10 * (x->n + 1) > 9 * x->cap) { /* room(), and the run's end again */
			room(x);
			i = skip_below(x->h, home(h, x->span), x->cap, h);
		}
		put_at(x, i, h, id == DD_IX_OFFER ? DD_IX_OFFER | 1 : id);
	}
	return 1;
}

unsigned dd_index_tags(const uint64_t *keys, unsigned nq, unsigned *ni, uint32_t *tags)
{
	unsigned u = 0, ui = 0;
	for (unsigned q = 0; q < nq; q++) {
		uint32_t t = dd_index_tag(keys[q]);
		unsigned k = 0;
		while (k < u && tags[k] != t)
			k++;
		if (k < u)
			continue; /* a tag the text has already */
		tags[u++] = t;
		if (q < *ni)
			ui = u;
	}
	*ni = ui;
	return u;
}

int dd_index_entry(const struct dd_index *x, size_t i, uint32_t *tag, uint32_t *id)
{
	if (!x->h[i])
		return 0;
	*tag = x->h[i] * UNMIX;
	*id = x->id[i];
	return 1;
}

void dd_index_find(const struct dd_index *x, uint64_t key, uint32_t **out, size_t *n, size_t *cap)
{
	dd_index_find_tag(x, dd_index_tag(key), out, n, cap);
}

void dd_index_prefetch(const struct dd_index *x, uint32_t tag)
{
	if (!x->cap)
		return;
	size_t i = home(tag * MIX, x->span);
	dd_prefetch(x->h + i);
	dd_prefetch(x->id + i);
}

void dd_index_find_tag(const struct dd_index *x, uint32_t tag, uint32_t **out, size_t *n, size_t *cap)
{
	if (!x->cap)
		return;
	uint32_t h = tag * MIX;
	for (size_t i = run_start(x, h); i < x->cap && x->h[i] == h; i++) {
		if (x->id[i] & DD_IX_OFFER)
			continue; /* the count of texts offered and not kept */
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			*out = xrealloc(*out, *cap * sizeof **out);
		}
		(*out)[(*n)++] = x->id[i];
	}
}

size_t dd_index_bytes(const struct dd_index *x)
{
	return x->cap * 2 * sizeof(uint32_t);
}
