/* wordset.h - a set of words (byte strings, usually lowercase UTF-8) each
 * carrying two 64-bit values the program gives meaning to: `cls`, class
 * flags (a stopword, an abbreviation class, a first name), and `bits`, a
 * bit set (the rules a trigger word belongs to). Words of 1 to 8 bytes are
 * packed into one 64-bit key, so most lookups are one multiply and one
 * compare; longer words live in a string set. In front of both sits a
 * 4096-bit filter of word signatures (wordset_maybe), and a second one of
 * the words whose `bits` are not zero (wordset_maybe_bits): most words of
 * running text that are not in the set stop there, before any hashing. */
#ifndef COPYDESK_WORDSET_H
#define COPYDESK_WORDSET_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hash.h"

struct ws_val {
	uint64_t cls, bits;
};

struct wordset {
	struct h64map packed; /* packed key -> index into vals */
	struct strset long_words; /* string i -> vals[long_val[i]] */
	size_t *long_val;
	struct ws_val *vals;
	size_t nvals, capvals;
	size_t maxlen;      /* longest word */
	size_t bits_maxlen; /* longest word with bits */
	uint64_t sig[64], bits_sig[64];
};

/* The one signature formula: first two and last bytes and the length.
 * ws_sig_of takes the bytes (for a caller that has them lowercased in a
 * register, not in memory). */
static inline unsigned ws_sig_of(unsigned first, unsigned second, unsigned last, size_t n)
{
	return (first * 31u + second * 7u + last * 131u + (unsigned)n * 17u) & 4095u;
}
static inline unsigned ws_sig(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	return ws_sig_of(u[0], u[n > 1], u[n - 1], n);
}

/* s[0..n) packed little-endian into a key, zero-padded; 0 when the word
 * cannot be packed (empty, longer than 8 bytes, or holding a NUL byte). */
static inline uint64_t ws_pack(const char *s, size_t n)
{
	if (n == 0 || n > 8)
		return 0;
	uint64_t k = 0;
	memcpy(&k, s, n);
	/* a NUL byte would make "a" and "a\0" one key */
	uint64_t lo = 0x0101010101010101ULL, hi = 0x8080808080808080ULL;
	uint64_t filled = n == 8 ? ~0ULL : (((uint64_t)1 << (8 * n)) - 1);
	uint64_t t = k | ~filled;
	if ((t - lo) & ~t & hi)
		return 0;
	return k;
}

/* ws_pack of the ASCII lower case of s[0..n), built in a register (no
 * store to reload: a lookup right after it does not wait on memory); 0
 * when ws_pack would give 0. */
static inline uint64_t ws_pack_lower(const char *s, size_t n)
{
	if (n == 0 || n > 8)
		return 0;
	uint64_t k = 0;
	for (size_t q = 0; q < n; q++) {
		unsigned c = (unsigned char)s[q];
		if (!c)
			return 0;
		c += c - 'A' < 26u ? 32 : 0;
		k |= (uint64_t)c << (8 * q);
	}
	return k;
}

static inline int ws_filter_has(const uint64_t *f, unsigned g) { return (int)(f[g >> 6] >> (g & 63) & 1); }

/* 0 when s is surely not in the set (n >= 1). */
static inline int wordset_maybe(const struct wordset *w, const char *s, size_t n)
{
	return n <= w->maxlen && ws_filter_has(w->sig, ws_sig(s, n));
}
/* 0 when s is surely not a word with bits (n >= 1). */
static inline int wordset_maybe_bits(const struct wordset *w, const char *s, size_t n)
{
	return n <= w->bits_maxlen && ws_filter_has(w->bits_sig, ws_sig(s, n));
}

/* OR cls and bits into the word's values (adding it when new). */
void wordset_add(struct wordset *w, const char *s, size_t n, uint64_t cls, uint64_t bits);
/* Set the word's values (adding it when new). */
void wordset_put(struct wordset *w, const char *s, size_t n, struct ws_val v);
/* The word's values, or NULL when absent. */
const struct ws_val *wordset_get_long(const struct wordset *w, const char *s, size_t n);
/* The same for a packed key (ws_pack, never 0), inline for hot loops. */
static inline const struct ws_val *wordset_get_packed(const struct wordset *w, uint64_t key)
{
	const uint64_t *i = h64map_get_nz(&w->packed, key);
	return i ? &w->vals[*i] : NULL;
}
static inline const struct ws_val *wordset_get(const struct wordset *w, const char *s, size_t n)
{
	uint64_t k = ws_pack(s, n);
	return k ? wordset_get_packed(w, k) : wordset_get_long(w, s, n);
}
/* The class flags of a word, 0 when absent. */
static inline uint64_t wordset_cls(const struct wordset *w, const char *s, size_t n)
{
	const struct ws_val *v = n && wordset_maybe(w, s, n) ? wordset_get(w, s, n) : NULL;
	return v ? v->cls : 0;
}
/* Is s in the set (whatever its values)? One probe of the keys only: for
 * large sets whose values would be a second cache miss. */
static inline int wordset_has(const struct wordset *w, const char *s, size_t n)
{
	if (!n || !wordset_maybe(w, s, n))
		return 0;
	uint64_t k = ws_pack(s, n);
	if (k)
		return h64map_get_nz(&w->packed, k) != NULL;
	return strset_find(&w->long_words, s, n) >= 0;
}
/* The same for a packed key (ws_pack or ws_pack_lower, never 0). */
static inline int wordset_has_packed(const struct wordset *w, uint64_t key)
{
	return h64map_get_nz(&w->packed, key) != NULL;
}
/* Number of words. */
static inline size_t wordset_len(const struct wordset *w) { return w->nvals; }
size_t wordset_bytes(const struct wordset *w);
void wordset_free(struct wordset *w);

#endif
