/* bp_rules.h - a rule of strip-boilerplate as loaded from the rules file:
 * its pattern and action (drop the row, trim the matched part), where it
 * may run (length, tail, trigger words and strings, 'needs') and what is
 * known of every match before PCRE2 runs (minimum length, first bytes,
 * required literals), which keeps long paragraphs cheap. bp_rules.c
 * applies them to a line, bp_rule_load.c reads them. */
#ifndef STRIP_BOILERPLATE_BP_RULES_H
#define STRIP_BOILERPLATE_BP_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "bp_gates.h"
#include "bp_lits.h"
#include "rx.h"

enum bp_action { BP_DROP, BP_TRIM, BP_OFF };

/* The lines a drop rule applies to (key 'shape'): a label only (a line
 * that does not read as a sentence: the default), a short line (at most
 * short_words words), or any line. On a line that reads as a sentence, or
 * a heading, a hit of a short or any rule is weak evidence (bp_line.h). */
enum bp_shape { BP_SHAPE_LABEL, BP_SHAPE_SHORT, BP_SHAPE_ANY };

/* A trim rule's 'needs' strings are looked for in this many first bytes. */
#define BP_TRIM_NEEDS 160

/* Required literals shorter than this are not worth a search. */
#define BP_LIT_MIN 4

/* A 'needs' string: its length, the ASCII punctuation it holds (all must
 * be in a row for it to be there), its first code point's bit (cp % 64)
 * when it starts with one beyond ASCII, and 1 in single for a string of
 * one punctuation byte (then the punctuation bit says it all). */
struct bp_needlit {
	size_t len;
	uint64_t punct[2];
	uint64_t cpbit;
	int single;
};

/* The drop rules in order, with what decides whether they run. */
struct bp_drop {
	size_t max_len;
	uint32_t index;
	uint8_t needs, lits;
};

/* A drop rule's pattern as the alternation of its branches, each
 * searched alone (bp_branches.c): their text, and each compiled when a
 * row first needs it (with the rule's own options: rx.h flags). */
struct bp_branches {
	size_t n; /* 0: the rule is searched as written */
	char *text; /* the pattern, its branches at start[b], len[b] */
	size_t *start, *len;
	unsigned flags;
	struct rx *rx;
};

/* Build B for pattern pat[0..n) (B->n stays 0 when it is no alternation
 * of enough branches, or cannot be read so: bp_lits_branches). */
void bp_branches_build(struct bp_branches *B, const char *pat, size_t n, unsigned rxflags);
/* Does one of the branches in want (bit b: branch b) match s[off..n)?
 * 1, 0, -1 the match limit, -2 a branch did not compile. */
int bp_branches_search(struct bp_branches *B, const char *name, const char *s, size_t n, size_t off, uint64_t want);
void bp_branches_free(struct bp_branches *B);

/* Does every match of pattern pat[0..n) hold a \d (an ASCII digit unless
 * the pattern is compiled with UCP)? 0 also when it cannot tell. */
int bp_pattern_needs_digit(const char *pat, size_t n);

struct bp_rule {
	char *name;
	enum bp_action action;
	struct rx rx;
	size_t max_len;  /* apply only to rows of at most this many bytes (0: any) */
	size_t tail;     /* search only the last this many bytes (0: whole row) */
	int needs;       /* 1: runs only on lines with one of its trigger words ... */
	char **lits;     /* ... or one of these strings (needs entries that are not words) */
	size_t nlits;
	struct bp_needlit *litinfo; /* what is known of each of them */
	/* (made with the lists of rules) when every string holds ASCII
	 * punctuation or starts beyond ASCII, a row with none of their
	 * punctuation bytes and first code points holds none of them */
	int lits_quick;
	uint64_t lits_punct[2], lits_cp;
	int inside;      /* it hits lines that sit inside articles (captions, promos) */
	int after;       /* it hits lines that come after the article (comment headers) */
	int box;         /* it heads a box of links: the lines after it up to the next good paragraph are boilerplate */
	int note;        /* it hits notes that end a story (credits, copyright): a weak hit right after the body stays out */
	int figure;      /* it hits the lines of a figure (captions, credits): a hit next to an image or another figure line is strong */
	int with_figure; /* its hit is weak unless an image or another figure line is next to it */
	int header;      /* it hits the lines between a headline and its story (bylines, dates) */
	enum bp_shape shape;
	/* from PCRE2: a row shorter than minlen bytes cannot match; an
	 * anchored pattern cannot match a row whose first byte is not in first */
	uint32_t minlen;
	int need_digit; /* every match holds an ASCII digit (bp_digits.c; not with UCP) */
	int anchored_first;
	uint8_t first[32];
	/* an anchored pattern (PCRE2's partial matching): no match starts
	 * with ASCII byte c when bit c of ascii_first is clear, nor with c then
	 * the lowercase letter 'a' + k when bit k of second[c] is set (kept
	 * for patterns with few ASCII first bytes). Unlike the above, these
	 * and req are tested after a row counts as tried (--stats). */
	int anchored, has_second;
	uint64_t ascii_first[2];
	uint32_t second[128];
	/* strings one of which every match holds (bp_lits.h): a drop rule
	 * whose pattern is not anchored runs only on rows holding one */
	struct bp_lits req;
	/* what each branch of the pattern needs (bp_gates.h): a row none of
	 * them can match is not searched (after it counts as tried) */
	struct bp_gates gates;
	/* a drop rule: its branches (their gates are those above) */
	struct bp_branches br;
	unsigned long long hits, tries;
};

#endif
