/* hash.c - the 64-bit map and the string set (the hash itself is inline
 * in hash.h). */
#include "hash.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>


static void rehash(struct h64map *m, size_t cap)
{
	struct h64map big = *m;
	big.keys = xcalloc(cap, sizeof *big.keys);
	big.vals = xcalloc(cap, sizeof *big.vals);
	big.mask = cap - 1;
	big.shift = 64;
	for (size_t c = cap; c > 1; c >>= 1)
		big.shift--;
	if (m->keys)
		for (size_t i = 0; i <= m->mask; i++)
			if (m->keys[i]) {
				size_t j = h64map_slot(&big, m->keys[i]);
				big.keys[j] = m->keys[i];
				big.vals[j] = m->vals[i];
			}
	free(m->keys);
	free(m->vals);
	*m = big;
}

void h64map_reserve(struct h64map *m, size_t n)
{
	size_t cap = m->keys ? m->mask + 1 : 0, want = 16;
	while (want < 2 * (n + 1))
		want *= 2;
	if (want > cap)
		rehash(m, want);
}

uint64_t *h64map_put(struct h64map *m, uint64_t key, int *fresh)
{
	if (key == 0) {
		if (fresh)
			*fresh = !m->has_zero;
		if (!m->has_zero)
			m->has_zero = 1, m->zero_val = 0, m->n++;
		return &m->zero_val;
	}
	if (!m->keys || 2 * (m->n + 1) > m->mask + 1)
		rehash(m, m->keys ? 2 * (m->mask + 1) : 16);
	size_t i = h64map_slot(m, key);
	int f = m->keys[i] == 0;
	if (f) {
		m->keys[i] = key;
		m->vals[i] = 0;
		m->n++;
	}
	if (fresh)
		*fresh = f;
	return &m->vals[i];
}

size_t h64map_bytes(const struct h64map *m)
{
	return m->keys ? (m->mask + 1) * 2 * sizeof(uint64_t) : 0;
}

void h64map_each(const struct h64map *m, void (*fn)(uint64_t, uint64_t, void *), void *ctx)
{
	if (m->has_zero)
		fn(0, m->zero_val, ctx);
	if (m->keys)
		for (size_t i = 0; i <= m->mask; i++)
			if (m->keys[i])
				fn(m->keys[i], m->vals[i], ctx);
}

void h64map_clear(struct h64map *m)
{
	if (m->keys)
		memset(m->keys, 0, (m->mask + 1) * sizeof *m->keys);
	m->n = 0;
	m->has_zero = 0;
}

void h64map_clear_keys(struct h64map *m, uint64_t *keys, size_t n)
{
	if (!m->keys)
		return;
	/* every slot first, then the zeros: a probe chain stays whole while
	 * it is searched */
	for (size_t i = 0; i < n; i++)
		keys[i] = h64map_slot(m, keys[i]);
	for (size_t i = 0; i < n; i++)
		m->keys[keys[i]] = 0;
	m->n = 0;
	m->has_zero = 0;
}

void h64map_free(struct h64map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

void h64cache_init(struct h64cache *c, size_t slots, unsigned nvals)
{
	size_t cap = 1;
	while (cap < slots)
		cap <<= 1;
	c->keys = xcalloc(cap, sizeof *c->keys);
	c->vals = xcalloc(cap * nvals, sizeof *c->vals);
	c->mask = cap - 1;
	c->nvals = nvals;
}

void h64cache_free(struct h64cache *c)
{
	free(c->keys);
	free(c->vals);
	memset(c, 0, sizeof *c);
}

/* Strings whose hashes collide probe on through a sequence of keys derived
 * from the first. */
static inline uint64_t next_key(uint64_t k) { return hash_u64(k ^ 0x9E3779B97F4A7C15ULL); }

const char *strset_str(const struct strset *set, size_t i, size_t *n)
{
	*n = set->off[i + 1] - set->off[i];
	return set->arena + set->off[i];
}

static int same(const struct strset *set, uint64_t idx1, const char *s, size_t n)
{
	size_t len;
	const char *t = strset_str(set, (size_t)idx1 - 1, &len);
	return len == n && memcmp(t, s, n) == 0;
}

long strset_find(const struct strset *set, const char *s, size_t n)
{
	for (uint64_t k = hash_bytes(s, n, 0);; k = next_key(k)) {
		const uint64_t *v = h64map_get(&set->map, k);
		if (!v)
			return -1;
		if (same(set, *v, s, n))
			return (long)*v - 1;
	}
}

int strset_add(struct strset *set, const char *s, size_t n)
{
	uint64_t *v;
	for (uint64_t k = hash_bytes(s, n, 0);; k = next_key(k)) {
		int fresh;
		v = h64map_put(&set->map, k, &fresh);
		if (fresh)
			break;
		if (same(set, *v, s, n))
			return 0;
	}
	if (set->arena_cap - set->arena_len < n) {
		while (set->arena_cap - set->arena_len < n)
			set->arena_cap = set->arena_cap ? set->arena_cap * 2 : 1024;
		set->arena = xrealloc(set->arena, set->arena_cap);
	}
	if (set->len + 2 > set->off_cap) {
		set->off_cap = set->off_cap ? set->off_cap * 2 : 64;
		set->off = xrealloc(set->off, set->off_cap * sizeof *set->off);
	}
	if (set->len == 0)
		set->off[0] = 0;
	if (n)
		memcpy(set->arena + set->arena_len, s, n);
	set->arena_len += n;
	set->off[++set->len] = set->arena_len;
	*v = set->len; /* index + 1 */
	return 1;
}

void strset_free(struct strset *set)
{
	h64map_free(&set->map);
	free(set->arena);
	free(set->off);
	memset(set, 0, sizeof *set);
}
