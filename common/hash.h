/* hash.h - 64-bit hashing of byte strings, and a set of strings (open
 * addressing) for remembering names seen. */
#ifndef COPYDESK_HASH_H
#define COPYDESK_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a style multiply-xor over 8-byte words, finished with a mixer. */
uint64_t hash_bytes(const void *s, size_t n, uint64_t seed);

struct strset {
	char **slots;
	uint64_t *hashes;
	size_t *lens;
	size_t cap, len;
};

/* Adds s; returns 1 if it was new, 0 if already there. */
int strset_add(struct strset *set, const char *s, size_t n);
int strset_has(const struct strset *set, const char *s, size_t n);
void strset_free(struct strset *set);

#endif
