/* rx.h - PCRE2 wrapper: UTF with invalid-UTF tolerance, JIT, and match
 * and depth limits so no user pattern can hang a run. Compile errors name
 * the rule and the offset in the pattern. */
#ifndef COPYDESK_RX_H
#define COPYDESK_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

struct ynode; /* rules.h: where a pattern was written, for messages */

struct rx {
	pcre2_code *code;
	pcre2_match_data *md;
	const char *name; /* the rule's name, for messages */
	int jit; /* 1 JIT code, 0 none, -1 not compiled yet (on first search) */
};

enum {
	RX_CASELESS = 1 << 0,
	RX_UCP = 1 << 1, /* \w, \b, \d and case folding by Unicode properties */
	/* RX_UCP when a \b or \B of the pattern may test a letter outside
	 * ASCII: without UCP 'é' is no word character, so 'publié\b' never
	 * matches "publié le" */
	RX_UCP_AUTO = 1 << 2,
};

/* Compile pattern; on error exits 2 with "file:line:col: rule NAME: ..."
 * at the node (which may be NULL for built-in patterns). */
void rx_compile(struct rx *r, const char *pattern, size_t len, unsigned flags,
		const char *name, const struct ynode *where);
/* The same for a pattern the program made (a part of a checked one):
 * 1, or 0 when it does not compile (r empty, nothing reported). */
int rx_compile_try(struct rx *r, const char *pattern, size_t len, unsigned flags, const char *name);
void rx_free(struct rx *r);

enum { RX_NOMATCH = 0, RX_MATCH = 1, RX_LIMIT = -1 };

/* Search s[off..n) for the first match; on RX_MATCH sets *ms, *me (byte
 * offsets of the whole match). RX_LIMIT when the match or depth limit was
 * hit (the caller reports it naming r->name). */
int rx_search(struct rx *r, const char *s, size_t n, size_t off, size_t *ms, size_t *me);
/* Offsets of capture group g of the last match (PCRE2_UNSET if unset). */
void rx_group(const struct rx *r, int g, size_t *gs, size_t *ge);

/* Limits (default 1e6 match steps, depth 1e4), e.g. for tests. */
void rx_set_limits(unsigned match_limit, unsigned depth_limit);

#endif
