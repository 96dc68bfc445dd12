/* hash.h - the one hash of the suite (XXH3 from libxxhash, inlined so short
 * keys in hot loops cost no call), a compact open-addressing map from
 * 64-bit keys to 64-bit values, a fixed-size cache of recent keys, and a
 * set of byte strings built on the map.
 * Every table of the suite that maps words, lines or fingerprints uses one
 * of these (or wordset.h, which adds packed short keys and a filter). */
#ifndef COPYDESK_HASH_H
#define COPYDESK_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* 64-bit hash of s[0..n) (XXH3). Different seeds give independent hashes. */
static inline uint64_t hash_bytes(const void *s, size_t n, uint64_t seed)
{
	return (uint64_t)XXH3_64bits_withSeed(s, n, (XXH64_hash_t)seed);
}

/* 64-bit hash of a key of n <= 16 bytes at s, where 16 bytes can be read
 * (those past n are not part of the key): XXH3's mixing of its 9 to 16
 * byte keys on the zero-padded 16 bytes, without the branches on the
 * length (a word's length is not guessed right). Not hash_bytes' value:
 * a table is built and probed with the same one. */
static inline uint64_t hash_short16(const void *s, size_t n, uint64_t seed)
{
	uint64_t lo, hi;
	memcpy(&lo, s, 8);
	memcpy(&hi, (const char *)s + 8, 8);
	size_t m = n > 8 ? n - 8 : 0;
	lo &= n >= 8 ? ~0ULL : ((uint64_t)1 << (8 * n)) - 1;
	hi &= m >= 8 ? ~0ULL : ((uint64_t)1 << (8 * m)) - 1;
	lo ^= 0x1cad21f72c81017cULL + seed; /* XXH3's secret bytes 24..39 and 40..55, folded */
	hi ^= 0xdb979083e96dd4deULL - seed;
	uint64_t acc = n + XXH_swap64(lo) + hi + XXH3_mul128_fold64(lo, hi);
	return (uint64_t)XXH3_avalanche(acc);
}

/* A 64-bit integer mixed into a well-spread hash (a bijection). */
static inline uint64_t hash_u64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* Map from 64-bit keys to 64-bit values, linear probing, load <= 1/2.
 * Key 0 is stored aside, so every key is allowed. 16 bytes a slot. */
struct h64map {
	uint64_t *keys, *vals;
	size_t mask, n; /* mask + 1 slots (a power of two), n keys (the zero key included) */
	unsigned shift; /* 64 - log2(slots): Fibonacci hashing picks the first slot */
	int has_zero;
	uint64_t zero_val;
};

/* The first slot key probes (Fibonacci hashing), and the slot that holds
 * key or the empty one where it would go. */
static inline size_t h64map_first(const struct h64map *m, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> m->shift);
}
static inline size_t h64map_slot(const struct h64map *m, uint64_t key)
{
	size_t i = h64map_first(m, key);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & m->mask;
	return i;
}

/* The value of a key that is not 0, or NULL when absent (for callers
 * whose keys are never 0, such as packed words). */
static inline uint64_t *h64map_get_nz(const struct h64map *m, uint64_t key)
{
	if (!m->keys)
		return NULL;
	for (size_t i = h64map_first(m, key);; i = (i + 1) & m->mask) {
		if (m->keys[i] == key)
			return &m->vals[i];
		if (!m->keys[i])
			return NULL;
	}
}

/* The value of key, or NULL when absent (inline: it runs once per word in
 * some loops). */
static inline uint64_t *h64map_get(const struct h64map *m, uint64_t key)
{
	if (key == 0)
		return m->has_zero ? (uint64_t *)&m->zero_val : NULL;
	return h64map_get_nz(m, key);
}
/* The value slot of key, inserted with value 0 if absent; *fresh (may be
 * NULL) says whether it was. The pointer is valid until the next insert. */
uint64_t *h64map_put(struct h64map *m, uint64_t key, int *fresh);
/* Make room for n keys without growing later. */
void h64map_reserve(struct h64map *m, size_t n);
/* Bytes held by the table. */
size_t h64map_bytes(const struct h64map *m);
void h64map_free(struct h64map *m);
/* Remove every key, keeping the table's room (for a table refilled often). */
void h64map_clear(struct h64map *m);
/* Empty a map that holds exactly these keys (none 0), without touching
 * the other slots: for a large map emptied often. Overwrites keys. */
void h64map_clear_keys(struct h64map *m, uint64_t *keys, size_t n);
/* Visit every key (order unspecified). */
void h64map_each(const struct h64map *m, void (*fn)(uint64_t key, uint64_t val, void *ctx), void *ctx);

/* A cache of 64-bit keys in a fixed number of slots, each holding the last
 * key that picked it and nvals values: a key whose slot holds another
 * evicts it. Memory stays as allocated, and what the cache remembers is
 * the recent past (strip-boilerplate: the short lines of recent
 * documents). Keys are hashes, never 0; bits 17 and up pick the slot. */
struct h64cache {
	uint64_t *keys, *vals;
	size_t mask;
	unsigned nvals;
};

/* At least slots slots (rounded up to a power of two), nvals values each. */
void h64cache_init(struct h64cache *c, size_t slots, unsigned nvals);
/* The values of key; when the slot held another key (or none), *fresh is
 * set and the values are 0. */
static inline uint64_t *h64cache_put(struct h64cache *c, uint64_t key, int *fresh)
{
	size_t i = (size_t)(key >> 17) & c->mask;
	uint64_t *v = c->vals + i * c->nvals;
	*fresh = c->keys[i] != key;
	if (*fresh) {
		c->keys[i] = key;
		for (unsigned k = 0; k < c->nvals; k++)
			v[k] = 0;
	}
	return v;
}
void h64cache_free(struct h64cache *c);

/* A set of byte strings (any bytes, NUL included): the strings live in one
 * arena, the map goes from their hash to their place in it. Strings are
 * numbered 0, 1, 2... in the order they were added. */
struct strset {
	struct h64map map; /* hash -> index + 1 (chains of equal hashes probe on) */
	char *arena;
	size_t arena_len, arena_cap;
	size_t *off; /* start of string i in the arena; off[len] = arena_len */
	size_t len, off_cap;
};

/* Adds s; returns 1 if it was new, 0 if already there. */
int strset_add(struct strset *set, const char *s, size_t n);
/* The number of s (0-based), or -1 when absent. */
long strset_find(const struct strset *set, const char *s, size_t n);
static inline int strset_has(const struct strset *set, const char *s, size_t n)
{
	return strset_find(set, s, n) >= 0;
}
/* String i (not NUL-terminated) and its length. */
const char *strset_str(const struct strset *set, size_t i, size_t *n);
void strset_free(struct strset *set);

#endif
