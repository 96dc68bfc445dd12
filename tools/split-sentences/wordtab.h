/* wordtab.h - a small open-addressing hash table from words (byte
 * strings) to flag bits, used for the abbreviation classes and the list of
 * sentence starters. Lookups do no allocation. (Could move to common/.) */
#ifndef SPLIT_SENTENCES_WORDTAB_H
#define SPLIT_SENTENCES_WORDTAB_H

#include <stddef.h>
#include <stdint.h>

struct wt_slot {
	uint32_t h;   /* hash, 0 for an empty slot */
	unsigned val;
	size_t len;
	union {
		char in[16]; /* keys shorter than 16 bytes */
		char *out;   /* longer keys, allocated */
	};
};

struct wordtab {
	struct wt_slot *slots;
	size_t cap, n; /* cap is a power of two (or 0) */
	uint64_t bloom[64]; /* bit wt_sig(key) set for every key: most words
			     * that are not in the table stop there */
};

/* The value stored for s[0..n), or 0 if absent. */
unsigned wt_get(const struct wordtab *t, const char *s, size_t n);
/* Set the value (0 keeps the key with no flags). */
void wt_set(struct wordtab *t, const char *s, size_t n, unsigned v);
void wt_free(struct wordtab *t);

#endif
