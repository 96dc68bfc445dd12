/* bp_lits.h - required literals of a rule's pattern: a set of strings (ASCII
 * and characters without case, such as ©) one of which every match holds
 * (compared ignoring ASCII case, which makes the set fit caseless and
 * case-sensitive patterns alike), read off the
 * pattern's text, and a search for them in a line. A row that holds none
 * of them cannot match, so the regex is not run on it. Patterns the reader
 * does not fully understand get no set (the regex always runs). */
#ifndef STRIP_BOILERPLATE_BP_LITS_H
#define STRIP_BOILERPLATE_BP_LITS_H

#include <stddef.h>
#include <stdint.h>

struct bp_lits {
	char **s;      /* lowercase ASCII */
	size_t *len;
	size_t n;
	uint16_t *ph;      /* each literal's first two bytes in the filter */
	uint64_t pair[64]; /* 4096-bit filter of each literal's first two bytes */
	/* the literals in the order of ph (ord: their indexes, sph: their
	 * ph), those whose ph >> 6 is c at grp[c] .. grp[c + 1] - 1: where
	 * the filter lets two bytes through, the few literals that start
	 * with them are compared, not all */
	uint32_t *ord, grp[65];
	uint16_t *sph;
	/* the same in eight buckets by nibbles, for 32 bytes at a time (bit b
	 * of nib[0][lo] & nib[1][hi]: a byte of those nibbles may be the
	 * first byte of a literal of bucket b; nib[2], nib[3]: the second) */
	uint8_t nib[4][16];
};

/* Fill L from the pattern (n bytes); 1 if there is a set whose shortest
 * literal has at least min_len bytes, else 0 (L left empty). */
int bp_lits_from_pattern(struct bp_lits *L, const char *pat, size_t n, size_t min_len);
/* The same, and in L2 (when not NULL) a second set from another part of
 * the pattern, which every match holds a literal of as well (a pattern
 * that is one sequence: "(?:join|follow) us.{0,80}(?:twitter|facebook)"),
 * or nothing (L2 empty). */
int bp_lits_from_pattern2(struct bp_lits *L, struct bp_lits *L2, const char *pat, size_t n, size_t min_len);
/* 1 if s[0..n) holds one of the literals, ignoring ASCII case. */
int bp_lits_search(const struct bp_lits *L, const char *s, size_t n);
/* The same for the literals k with owner[k] & want only (owner: NULL
 * for all of them). */
int bp_lits_search_mask(const struct bp_lits *L, const char *s, size_t n, const uint64_t *owner, uint64_t want);
/* The owners (owner[k] & want) of the literals k that s[0..n) holds. */
uint64_t bp_lits_owners(const struct bp_lits *L, const char *s, size_t n, const uint64_t *owner, uint64_t want);
/* The branches of the pattern's top-level alternation (bp_gates.h):
 * their number (at most max, 1 when there is no '|') with their offsets
 * and lengths, or 0 when a branch may not be read alone (option settings
 * for the rest of the pattern, back references, recursion, names,
 * conditions, \Q, (*VERB)). */
size_t bp_lits_branches(const char *pat, size_t n, size_t *start, size_t *len, size_t max);
/* Move the literals of from into L. */
void bp_lits_append(struct bp_lits *L, struct bp_lits *from);
void bp_lits_free(struct bp_lits *L);

#endif
