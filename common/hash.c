/* hash.c - string hashing and a string set. */
#include "hash.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t hash_bytes(const void *s, size_t n, uint64_t seed)
{
	const unsigned char *p = s;
	uint64_t h = seed ^ (0x9E3779B97F4A7C15ULL * (n + 1));
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ mix(w)) * 0x100000001B3ULL;
		p += 8, n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, p, n);
	h = (h ^ mix(w ^ n)) * 0x100000001B3ULL;
	return mix(h);
}

static size_t find(const struct strset *set, const char *s, size_t n, uint64_t h)
{
	size_t mask = set->cap - 1, i = (size_t)h & mask;
	while (set->slots[i]) {
		if (set->hashes[i] == h && set->lens[i] == n && memcmp(set->slots[i], s, n) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

static void grow(struct strset *set)
{
	struct strset big = {0};
	big.cap = set->cap ? set->cap * 2 : 64;
	big.slots = xcalloc(big.cap, sizeof *big.slots);
	big.hashes = xcalloc(big.cap, sizeof *big.hashes);
	big.lens = xcalloc(big.cap, sizeof *big.lens);
	for (size_t i = 0; i < set->cap; i++) {
		if (!set->slots[i])
			continue;
		size_t j = (size_t)set->hashes[i] & (big.cap - 1);
		while (big.slots[j])
			j = (j + 1) & (big.cap - 1);
		big.slots[j] = set->slots[i];
		big.hashes[j] = set->hashes[i];
		big.lens[j] = set->lens[i];
	}
	big.len = set->len;
	free(set->slots);
	free(set->hashes);
	free(set->lens);
	*set = big;
}

int strset_add(struct strset *set, const char *s, size_t n)
{
	if ((set->len + 1) * 2 > set->cap)
		grow(set);
	uint64_t h = hash_bytes(s, n, 0);
	size_t i = find(set, s, n, h);
	if (set->slots[i])
		return 0;
	set->slots[i] = xstrndup(s, n);
	set->hashes[i] = h;
	set->lens[i] = n;
	set->len++;
	return 1;
}

int strset_has(const struct strset *set, const char *s, size_t n)
{
	if (!set->cap)
		return 0;
	return set->slots[find(set, s, n, hash_bytes(s, n, 0))] != NULL;
}

void strset_free(struct strset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slots[i]);
	free(set->slots);
	free(set->hashes);
	free(set->lens);
	memset(set, 0, sizeof *set);
}
