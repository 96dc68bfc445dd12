/* wordtab.h - a small open-addressing hash table from words (byte
 * strings) to flag bits, used for the abbreviation classes and the list of
 * sentence starters. Lookups do no allocation. (Could move to common/.) */
#ifndef SPLIT_SENTENCES_WORDTAB_H
#define SPLIT_SENTENCES_WORDTAB_H

#include <stddef.h>
#include <stdint.h>

struct wordtab {
	char **keys;      /* NUL-terminated copies; NULL = empty slot */
	size_t *lens;
	unsigned *vals;
	size_t cap, n;    /* cap is a power of two (or 0) */
};

/* The value stored for s[0..n), or 0 if absent. */
unsigned wt_get(const struct wordtab *t, const char *s, size_t n);
/* Set the value (0 keeps the key with no flags). */
void wt_set(struct wordtab *t, const char *s, size_t n, unsigned v);
void wt_free(struct wordtab *t);

#endif
