/* bp_branches.c - a drop rule's pattern searched branch by branch
 * (bp_rules.h). A row matches an alternation when it matches one of its
 * branches, and a drop rule asks no more than that: the branches whose
 * gates pass (bp_gates.h) are searched alone, each with PCRE2's start
 * optimizations of its own and without the others tried at every byte.
 * Each branch is compiled when a row first needs it. Trim rules, which
 * need where the match is, search the pattern as written. */
#include "bp.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

/* (a pattern of a few branches costs less searched whole: one call, and
 * PCRE2's own start optimizations of the whole are as good) */
#define MIN_BRANCHES 4
#define MAX_BRANCHES 64

void bp_branches_build(struct bp_branches *B, const char *pat, size_t n, unsigned rxflags)
{
	bp_branches_free(B);
	size_t start[MAX_BRANCHES], len[MAX_BRANCHES];
	size_t nb = bp_lits_branches(pat, n, start, len, MAX_BRANCHES);
	if (nb < MIN_BRANCHES)
		return;
	B->text = xstrndup(pat, n);
	B->start = xcalloc(nb, sizeof *B->start);
	B->len = xcalloc(nb, sizeof *B->len);
	memcpy(B->start, start, nb * sizeof *start);
	memcpy(B->len, len, nb * sizeof *len);
	B->rx = xcalloc(nb, sizeof *B->rx);
	B->flags = rxflags;
	B->n = nb;
}

int bp_branches_search(struct bp_branches *B, const char *name, const char *s, size_t n, size_t off, uint64_t want)
{
	if (B->n < 64)
		want &= (1ULL << B->n) - 1;
	for (; want; want &= want - 1) {
		unsigned b = (unsigned)__builtin_ctzll(want);
		struct rx *r = &B->rx[b];
		if (!r->code && !rx_compile_try(r, B->text + B->start[b], B->len[b], B->flags, name))
			return -2; /* (the caller searches the whole pattern) */
		size_t ms, me;
		int rc = rx_search(r, s, n, off, &ms, &me);
		if (rc != RX_NOMATCH)
			return rc == RX_MATCH ? 1 : -1;
	}
	return 0;
}

void bp_branches_free(struct bp_branches *B)
{
	for (size_t b = 0; b < B->n; b++)
		if (B->rx[b].code)
			rx_free(&B->rx[b]);
	free(B->rx);
	free(B->start);
	free(B->len);
	free(B->text);
	memset(B, 0, sizeof *B);
}
