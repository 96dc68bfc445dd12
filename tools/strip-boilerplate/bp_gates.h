/* bp_gates.h - the branches of a rule's pattern as gates before PCRE2
 * runs. A pattern that is an alternation at its top level matches a row
 * only where one of its branches does, and each branch says what a row
 * needs for that: an anchored branch, the ASCII bytes its match can start
 * with (and the lowercase letters that cannot follow each); any branch,
 * a set of literals one of which every match of it holds (bp_lits.h). A
 * row that no branch can match is not given to PCRE2: the answer is the
 * same, and article paragraphs that hold a trigger word of a rule with
 * many branches (copyright, tips, follow ...) cost little. Patterns whose
 * branches cannot be read alone (option settings, back references,
 * recursion, \Q) get no gates. */
#ifndef STRIP_BOILERPLATE_BP_GATES_H
#define STRIP_BOILERPLATE_BP_GATES_H

#include <stddef.h>
#include <stdint.h>

#include "bp_lits.h"
#include "rx.h"

struct bp_gate {
	int anchored, has_second;
	uint64_t ascii_first[2];
	uint32_t second[128];
	int lits; /* it has literals (in the set of all branches) */
};

struct bp_gates {
	size_t n;            /* branches; 0: no gates (PCRE2 always runs) */
	struct bp_gate *g;
	struct bp_lits all;  /* the literals of every branch ... */
	uint64_t *owner;     /* ... and, for each, the branches that hold it */
	/* the branches (bit b) whose match holds a literal of a second set
	 * too (bp_lits_from_pattern2), and those sets with their owners */
	uint64_t two;
	struct bp_lits all2;
	uint64_t *owner2;
};

/* Gates for pattern pat[0..n), compiled with PCRE2 options opts (those
 * the rule's own compile had). 1 when there are gates, else 0 (G empty). */
int bp_gates_build(struct bp_gates *G, const char *pat, size_t n, uint32_t opts);
/* The same with literals of at least lit_min bytes (0: the default, 3):
 * a rule searched on the tail of a row only can afford shorter ones. */
int bp_gates_build_min(struct bp_gates *G, const char *pat, size_t n, uint32_t opts, size_t lit_min);
/* Can a branch match s[0..n)? (1 also when there are no gates) */
int bp_gates_pass(const struct bp_gates *G, const char *s, size_t n);
/* The branches that can match s[0..n) (bit b: branch b; all bits when
 * there are no gates). */
uint64_t bp_gates_which(const struct bp_gates *G, const char *s, size_t n);
/* The same for a search from offset off (a rule's tail): a match lies in
 * s[off..n), and so do the literals it holds (they are never taken from
 * an assertion); the first bytes are not tested when off > 0. */
int bp_gates_pass_at(const struct bp_gates *G, const char *s, size_t n, size_t off);
uint64_t bp_gates_which_at(const struct bp_gates *G, const char *s, size_t n, size_t off);
void bp_gates_free(struct bp_gates *G);
/* For an anchored pattern: the ASCII bytes a match can start with, and
 * with at most 32 of them, the lowercase letters that cannot follow each
 * (PCRE2's partial matching of one and two bytes). 0 when out of memory. */
int bp_first_bytes(pcre2_code *code, uint64_t ascii_first[2], uint32_t second[128], int *has_second);

#endif
