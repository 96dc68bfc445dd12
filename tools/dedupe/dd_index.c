/* dd_index.c - the band index: band keys to kept texts, 8 bytes a slot
 * (dd.h). Linear probing kept in order: a key's 32-bit tag is mixed into
 * h (a bijection), h picks its home slot (monotone in h), and the entries
 * stand in order of h, each at or after its home, runs without holes
 * between (an entry moves the rest of its run one slot up). A lookup stops
 * at the first larger h, so a key that is not there costs a few slots even
 * at 85% full, and growing is one merge pass. No wrap-around: homes fall
 * in all but the last 64th of the slots, and a run that reaches the end
 * gets more slots there. */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

enum { MIX = 0x9E3779B1u, UNMIX = 0x0E8B2F51u }; /* MIX * UNMIX = 1 mod 2^32 */

static inline uint32_t h_of(uint64_t key)
{
	uint32_t t = (uint32_t)(key >> 32) ^ (uint32_t)key;
	return (t + !t) * MIX;
}

static inline size_t home(uint32_t h, size_t span)
{
	return (size_t)(((uint64_t)h * span) >> 32);
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

static size_t grown(size_t cap)
{
	return cap ? cap + cap / 4 : 4096;
}

void dd_index_reserve(struct dd_index *x, size_t n)
{
	size_t cap = x->cap ? x->cap : 4096;
	while (10 * n > 9 * cap)
		cap = grown(cap);
	if (cap > x->cap)
		resize(x, cap);
}

static void put(struct dd_index *x, uint32_t h, uint32_t id)
{
	if (10 * (x->n + 1) > 9 * x->cap) /* 90% full at most: lookups stop early */
		resize(x, grown(x->cap));
	size_t i = home(h, x->span);
	while (i < x->cap && x->h[i] && x->h[i] <= h)
		i++;
	size_t j = i;
	while (j < x->cap && x->h[j])
		j++;
	if (j == x->cap) /* the run reached the end */
		extend(x, x->cap / 64 + 64);
	/* the run [i, j) moves up one slot */
	memmove(x->h + i + 1, x->h + i, (j - i) * sizeof *x->h);
	memmove(x->id + i + 1, x->id + i, (j - i) * sizeof *x->id);
	x->h[i] = h;
	x->id[i] = id;
	x->n++;
}

void dd_index_add(struct dd_index *x, uint64_t key, uint32_t id)
{
	put(x, h_of(key), id);
}

void dd_index_put_tag(struct dd_index *x, uint32_t tag, uint32_t id)
{
	put(x, tag * MIX, id);
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
	if (!x->cap)
		return;
	uint32_t h = h_of(key);
	size_t i = home(h, x->span);
	while (i < x->cap && x->h[i] && x->h[i] < h)
		i++;
	for (; i < x->cap && x->h[i] == h; i++) {
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
