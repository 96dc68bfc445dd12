/* dd_index.c - the band index: band keys to kept texts, 8 bytes a slot
 * (dd.h). */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

static inline uint32_t tag_of(uint64_t key)
{
	uint32_t t = (uint32_t)(key >> 32) ^ (uint32_t)key;
	return t + !t;
}

static inline size_t home(uint32_t tag, size_t cap)
{
	return (size_t)(((uint64_t)(tag * 0x9E3779B1u) * cap) >> 32);
}

void dd_index_init(struct dd_index *x)
{
	memset(x, 0, sizeof *x);
}

void dd_index_free(struct dd_index *x)
{
	free(x->tag);
	free(x->id);
	memset(x, 0, sizeof *x);
}

static void put(struct dd_index *x, uint32_t tag, uint32_t id)
{
	size_t i = home(tag, x->cap);
	while (x->tag[i])
		if (++i == x->cap)
			i = 0;
	x->tag[i] = tag;
	x->id[i] = id;
}

static void resize(struct dd_index *x, size_t cap)
{
	struct dd_index big = {.cap = cap, .n = x->n};
	if (big.cap > 0xFFFFFFFFu)
		die(EXIT_TROUBLE, "the band index is full (2^32 slots)");
	big.tag = xcalloc(big.cap, sizeof *big.tag);
	big.id = xcalloc(big.cap, sizeof *big.id);
	for (size_t i = 0; i < x->cap; i++)
		if (x->tag[i])
			put(&big, x->tag[i], x->id[i]);
	free(x->tag);
	free(x->id);
	*x = big;
}

static void grow(struct dd_index *x)
{
	resize(x, x->cap ? x->cap + x->cap / 4 : 4096);
}

void dd_index_reserve(struct dd_index *x, size_t n)
{
	size_t cap = x->cap ? x->cap : 4096;
	while (20 * n > 17 * cap)
		cap += cap / 4;
	if (cap > x->cap)
		resize(x, cap);
}

void dd_index_add(struct dd_index *x, uint64_t key, uint32_t id)
{
	if (20 * (x->n + 1) > 17 * x->cap)
		grow(x);
	put(x, tag_of(key), id);
	x->n++;
}

void dd_index_put_tag(struct dd_index *x, uint32_t tag, uint32_t id)
{
	if (20 * (x->n + 1) > 17 * x->cap)
		grow(x);
	put(x, tag, id);
	x->n++;
}

void dd_index_find(const struct dd_index *x, uint64_t key, uint32_t **out, size_t *n, size_t *cap)
{
	if (!x->cap)
		return;
	uint32_t tag = tag_of(key);
	size_t i = home(tag, x->cap);
	while (x->tag[i]) {
		if (x->tag[i] == tag) {
			if (*n == *cap) {
				*cap = *cap ? 2 * *cap : 64;
				*out = xrealloc(*out, *cap * sizeof **out);
			}
			(*out)[(*n)++] = x->id[i];
		}
		if (++i == x->cap)
			i = 0;
	}
}

size_t dd_index_bytes(const struct dd_index *x)
{
	return x->cap * 2 * sizeof(uint32_t);
}
