/* bp_gates.c - a pattern's branches as gates (bp_gates.h): each branch
 * compiled alone (without JIT, once at load) for whether it is anchored
 * and the bytes it can start with, and read by bp_lits for its literals. */
#include "bp_gates.h"
#include "bp_rules.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

#define MAX_BRANCHES 64
/* literals shorter than this are not worth a search */
#define GATE_LIT_MIN 3

int bp_first_bytes(pcre2_code *code, uint64_t ascii_first[2], uint32_t second[128], int *has_second)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	if (!md)
		return 0;
	/* could a match start with these bytes? a hard partial match fails
	 * when no longer row starting so can match */
#define MAY_START(s, n) (pcre2_match(code, (s), (n), 0, PCRE2_PARTIAL_HARD, md, NULL) != PCRE2_ERROR_NOMATCH)
	ascii_first[0] = ascii_first[1] = 0;
	memset(second, 0, 128 * sizeof *second);
	*has_second = 0;
	int nfirst = 0;
	for (int c = 0; c < 128; c++) {
		unsigned char one = (unsigned char)c;
		if (MAY_START(&one, 1)) {
			ascii_first[c >> 6] |= 1ULL << (c & 63);
			nfirst++;
		}
	}
	for (int c = 0; c < 128 && nfirst <= 32; c++) {
		if (!(ascii_first[c >> 6] >> (c & 63) & 1))
			continue;
		for (int k = 0; k < 26; k++) {
			unsigned char two[2] = {(unsigned char)c, (unsigned char)('a' + k)};
			if (!MAY_START(two, 2)) {
				second[c] |= 1u << k;
				*has_second = 1;
			}
		}
	}
#undef MAY_START
	pcre2_match_data_free(md);
	return 1;
}

/* One branch: 1 when it gates (anchored or with literals). */
static int branch(struct bp_gates *G, const char *pat, size_t n, uint32_t opts, struct bp_lits *lits,
		  struct bp_lits *lits2, size_t lit_min)
{
	struct bp_gate *g = &G->g[G->n];
	memset(g, 0, sizeof *g);
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, n, opts, &errcode, &erroff, NULL);
	if (!code)
		return 0;
	uint32_t all = 0;
	if (pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all) == 0 && (all & PCRE2_ANCHORED) &&
	    !(all & PCRE2_MULTILINE))
		g->anchored = bp_first_bytes(code, g->ascii_first, g->second, &g->has_second);
	pcre2_code_free(code);
	memset(lits, 0, sizeof *lits);
	memset(lits2, 0, sizeof *lits2);
	g->lits = bp_lits_from_pattern2(lits, lits2, pat, n, lit_min);
	return g->anchored || g->lits;
}

int bp_gates_build(struct bp_gates *G, const char *pat, size_t n, uint32_t opts)
{
	return bp_gates_build_min(G, pat, n, opts, 0);
}

int bp_gates_build_min(struct bp_gates *G, const char *pat, size_t n, uint32_t opts, size_t lit_min)
{
	memset(G, 0, sizeof *G);
	if (!lit_min)
		lit_min = GATE_LIT_MIN;
	size_t start[MAX_BRANCHES], len[MAX_BRANCHES];
	size_t nb = bp_lits_branches(pat, n, start, len, MAX_BRANCHES);
	if (!nb || (opts & PCRE2_EXTENDED))
		return 0;
	G->g = xcalloc(nb, sizeof *G->g);
	for (size_t b = 0; b < nb; b++) {
		struct bp_lits L, L2;
		if (!branch(G, pat + start[b], len[b], opts, &L, &L2, lit_min)) {
			bp_lits_free(&L);
			bp_lits_free(&L2);
			bp_gates_free(G);
			return 0; /* a branch that may match anywhere */
		}
		size_t k0 = G->all.n;
		bp_lits_append(&G->all, &L);
		G->owner = xrealloc(G->owner, (G->all.n ? G->all.n : 1) * sizeof *G->owner);
		for (size_t k = k0; k < G->all.n; k++)
			G->owner[k] = 1ULL << b;
		if (L2.n) {
			k0 = G->all2.n;
			bp_lits_append(&G->all2, &L2);
			G->owner2 = xrealloc(G->owner2, G->all2.n * sizeof *G->owner2);
			for (size_t k = k0; k < G->all2.n; k++)
				G->owner2[k] = 1ULL << b;
			G->two |= 1ULL << b;
		}
		bp_lits_free(&L2);
		G->n++;
	}
	return 1;
}

/* Can branch g match a line that begins with bytes c0 c1 (c1 0: none)? */
static inline int may_start(const struct bp_gate *g, unsigned char c0, unsigned char c1)
{
	if (!g->anchored || c0 >= 0x80)
		return 1;
	if (!(g->ascii_first[c0 >> 6] >> (c0 & 63) & 1))
		return 0;
	return !(c1 >= 'a' && c1 <= 'z' && (g->second[c0] >> (c1 - 'a') & 1));
}

/* The branches in want whose literals s[0..n) holds: one of the first
 * set, and for the branches in two one of the second as well. */
static uint64_t both(const struct bp_gates *G, const char *s, size_t n, uint64_t want)
{
	uint64_t got = bp_lits_owners(&G->all, s, n, G->owner, want), w2 = got & G->two;
	if (w2)
		got = (got & ~w2) | bp_lits_owners(&G->all2, s, n, G->owner2, w2);
	return got;
}

int bp_gates_pass(const struct bp_gates *G, const char *s, size_t n)
{
	return bp_gates_pass_at(G, s, n, 0);
}

int bp_gates_pass_at(const struct bp_gates *G, const char *s, size_t n, size_t off)
{
	if (!G->n || !n)
		return 1;
	unsigned char c0 = (unsigned char)s[0], c1 = n >= 2 ? (unsigned char)s[1] : 0;
	uint64_t want = 0;
	for (size_t b = 0; b < G->n; b++) {
		const struct bp_gate *g = &G->g[b];
		if (!off && !may_start(g, c0, c1))
			continue;
		if (!g->lits)
			return 1; /* it may start here, and needs no literal */
		want |= 1ULL << b;
	}
	if (!want)
		return 0;
	if (!(want & G->two))
		return bp_lits_search_mask(&G->all, s + off, n - off, G->owner, want);
	return both(G, s + off, n - off, want) != 0;
}

uint64_t bp_gates_which(const struct bp_gates *G, const char *s, size_t n)
{
	return bp_gates_which_at(G, s, n, 0);
}

uint64_t bp_gates_which_at(const struct bp_gates *G, const char *s, size_t n, size_t off)
{
	if (!G->n || !n)
		return ~0ULL;
	unsigned char c0 = (unsigned char)s[0], c1 = n >= 2 ? (unsigned char)s[1] : 0;
	uint64_t want = 0, free_ = 0;
	for (size_t b = 0; b < G->n; b++) {
		const struct bp_gate *g = &G->g[b];
		if (!off && !may_start(g, c0, c1))
			continue;
		if (!g->lits)
			free_ |= 1ULL << b; /* it may start here, and needs no literal */
		else
			want |= 1ULL << b;
	}
	return free_ | (want ? both(G, s + off, n - off, want) : 0);
}

void bp_gates_free(struct bp_gates *G)
{
	bp_lits_free(&G->all);
	bp_lits_free(&G->all2);
	free(G->g);
	free(G->owner);
	free(G->owner2);
	memset(G, 0, sizeof *G);
}
