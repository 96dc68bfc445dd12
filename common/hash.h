/* hash.h - the one hash of the suite (XXH3 from libxxhash, inlined so short
 * keys in hot loops cost no call), a compact open-addressing map from
 * 64-bit keys to 64-bit values, and a set of byte strings built on it.
 * Every table of the suite that maps words, lines or fingerprints uses one
 * of these (or wordset.h, which adds packed short keys and a filter). */
#ifndef COPYDESK_HASH_H
#define COPYDESK_HASH_H

#include <stddef.h>
#include <stdint.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* 64-bit hash of s[0..n) (XXH3). Different seeds give independent hashes. */
static inline uint64_t hash_bytes(const void *s, size_t n, uint64_t seed)
{
	return (uint64_t)XXH3_64bits_withSeed(s, n, (XXH64_hash_t)seed);
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

static inline size_t h64map_slot(const struct h64map *m, uint64_t key)
{
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> m->shift);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & m->mask;
	return i;
}

/* The value of key, or NULL when absent (inline: it runs once per word in
 * some loops). */
static inline uint64_t *h64map_get(const struct h64map *m, uint64_t key)
{
	if (key == 0)
		return m->has_zero ? (uint64_t *)&m->zero_val : NULL;
	if (!m->keys)
		return NULL;
	size_t i = h64map_slot(m, key);
	return m->keys[i] ? &m->vals[i] : NULL;
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
/* Visit every key (order unspecified). */
void h64map_each(const struct h64map *m, void (*fn)(uint64_t key, uint64_t val, void *ctx), void *ctx);

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
