/* seg.h - what the parts of the sentence splitter share: the state of one
 * paragraph's scan, the classes of the word before a period and of the
 * token after it, the character helpers, and the functions each part
 * offers the others. The parts decide:
 *   segment.c    the scan and what happens at a terminator (cut or not)
 *   seg_word.c   the word before a period (abbreviations, initials, addresses)
 *   seg_next.c   the token after it (starters, continuers, clauses, attributions)
 *   seg_lines.c  line breaks, labels, glued headings, headlines in title case
 *   seg_lists.c  inline lists ("1. ... 2. ...")
 *   seg_web.c    emoticons and emoji, citation marks, hashtags, marks glued
 *                to the next word, asides
 *   seg_lower.c  lowercase sentence starts */
#ifndef SPLIT_SENTENCES_SEG_H
#define SPLIT_SENTENCES_SEG_H

#include <stddef.h>
#include <stdint.h>

#include "segment.h"
#include "utf8.h"
#include "unicode.h"

struct ctx {
	const struct sent_rules *r;
	const char *s;
	size_t n;      /* the paragraph */
	size_t a, b;   /* the chunk being scanned (list items are chunks) */
	size_t cur;    /* start of the current sentence */
	int listblock; /* every line is an item; -1 until computed */
	long longest;  /* bytes in the longest line of the chunk; -1 until computed */
	int titlecase; /* a headline in title case; -1 until computed */
	int lowstyle;  /* the paragraph is written in lowercase; -1 until computed
			* (0 at once when it opens with a capital: seg_opens_lower) */
	struct sent_list *out;
	size_t hw_from, hw_upto, hw_found; /* has_word's memory */
	int hw_run;
	size_t *cuts, nc; /* where the items of an inline list start (seg_lists.c) */
	size_t blk;    /* the 64 bytes at blk have their hot bits in bits */
	uint64_t bits;
	int have_blk;
};

/* the word before a period: a plain word, never-end, not-before-number,
 * may-end (an acronym, an initial, an unknown dotted word), may-end that
 * closes a name when it follows one (Corp. St. Jr. Pa.), usually-end */
enum { W_REGULAR, W_NEVER, W_NUMERIC, W_WEAK, W_SUFFIX, W_USUAL };
enum { N_END, N_LOWER, N_UPPER, N_DIGIT, N_CONT, N_OTHER };

struct next {
	int kind, opened, quoted;
	size_t w, wn; /* the word (N_UPPER: its letters; N_LOWER: its ASCII letters) */
};

/* ---- characters ---- */

/* u8_decode with the ASCII case kept inline (the compiler calls the rest) */
__attribute__((noinline)) static int32_t dec_multi(const char *s, size_t n, size_t i, size_t *len)
{
	return u8_decode(s + i, n - i, len);
}

static inline __attribute__((always_inline)) int32_t dec(const char *s, size_t n, size_t i, size_t *len)
{
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	return dec_multi(s, n, i, len);
}

static inline int is_ascii_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Length of the whitespace code point at s[i] (i < n), or 0. */
static inline size_t space_len(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3)
		return 0;
	size_t len;
	int32_t cp = dec(s, n, i, &len);
	return cp > 0 && uni_is_space(cp) ? len : 0;
}

/* Length of the whitespace code point ending just before s[i] (i > 0), or 0. */
static inline size_t space_back(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i - 1];
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (c >= 0xC0 || i < 2)
		return 0;
	size_t len;
	int32_t cp = u8_decode_back(s, i, &len);
	return cp > 0 && uni_is_space(cp) ? len : 0;
}

static inline int is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Can an emoticon or an emoji start with this byte (: ; = < or a lead
 * byte of U+2300 and above)? A quick test before seg_smiley. */
static inline int smiley_lead(const char *s, size_t b, size_t i)
{
	unsigned char ch = (unsigned char)s[i];
	if (ch < 0x80)
		return ch == ':' || ch == ';' || ch == '=' || ch == '<';
	return ch >= 0xF0 || (ch == 0xE2 && i + 1 < b && (unsigned char)s[i + 1] >= 0x8C);
}

/* segment.c: end the current sentence at pos; does s[cur..to) hold a word? */
void seg_cut(struct ctx *c, size_t pos);
int seg_has_word(struct ctx *c, size_t to);
/* seg_word.c */
size_t seg_token_start(const struct ctx *c, size_t i);
unsigned seg_lookup(const struct sent_rules *r, const char *w, size_t n, unsigned mask);
int seg_left_class(const struct ctx *c, size_t ts, size_t p);
int seg_glued(const struct ctx *c, size_t i);
/* seg_next.c */
void seg_next_token(const struct ctx *c, size_t j, struct next *x);
int seg_starter(const struct ctx *c, const struct next *x);
int seg_continuer(const struct ctx *c, const struct next *x);
int seg_clause_follows(const struct ctx *c, const struct next *x);
int seg_attribution(const struct ctx *c, const struct next *x);
/* seg_lines.c */
int seg_title_case(struct ctx *c);
int seg_short_prep_phrase(const struct ctx *c, size_t from, size_t to);
size_t seg_newline(struct ctx *c, size_t i);
size_t seg_line_start(const struct ctx *c, size_t i);
/* the words a glued heading opens with (In, According...; hotbytes.c) */
extern const char *const seg_heading_openers[];
void seg_label(struct ctx *c, size_t i);
void seg_glued_heading(struct ctx *c, size_t i);
/* seg_lists.c: where the items of an inline list start */
size_t seg_list_cuts(const struct ctx *c, size_t *cuts, size_t max);
size_t seg_label_list(const struct ctx *c, size_t colon, size_t *cuts, size_t max);
/* seg_web.c */
size_t seg_smiley(const struct ctx *c, size_t i, int *ascii);
size_t seg_smileys_after(const struct ctx *c, size_t j, int *ascii);
size_t seg_smiley_end(struct ctx *c, size_t i, size_t e, int ascii);
size_t seg_citations(const struct ctx *c, size_t j);
int seg_tags_slow(const struct ctx *c, size_t j, size_t *end);
/* Hashtags (and emoji) from j on the same line ("! #brunch #sunday"):
 * 2 when they run to the end of the line, 1 when a capitalized word
 * follows them (*end: after the last), else 0. They belong to the
 * sentence before them; "! #MeToo is trending" is the next one's. */
static inline int seg_tags(const struct ctx *c, size_t j, size_t *end)
{
	if (j + 1 < c->b && c->s[j] == ' ' ? c->s[j + 1] != '#' && (unsigned char)c->s[j + 1] < 0xE2
					    : j < c->b && c->s[j] != '#' && c->s[j] != '\n' && (unsigned char)c->s[j] < 0xE2)
		return 0; /* the common cases */
	return seg_tags_slow(c, j, end);
}
int seg_glued_question(const struct ctx *c, size_t i, size_t after);
size_t seg_footnote(const struct ctx *c, size_t i);
int seg_dash_aside(const struct ctx *c, size_t j);
/* seg_lower.c */
int seg_opens_lower(const char *s, size_t n);
int seg_lowstyle(struct ctx *c);
int seg_lower_starts(struct ctx *c, size_t k, int strict);
int seg_lower_start(struct ctx *c, size_t i, int ndots, int nq, const struct next *x);
int seg_word_is(const struct ctx *c, size_t from, size_t to, unsigned flags);
int seg_joiner_before(const struct ctx *c, size_t i);
int seg_stammer(const struct ctx *c, size_t i, const struct next *x);

#endif
