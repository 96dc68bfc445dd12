/* tokens.h - the words, numbers and punctuation of a text, with byte and
 * code point offsets and shape flags, for the programs that read words
 * (tag-entities, extract-quotes, dedupe's shingles). The text is never
 * changed; a token is a span of it.
 *
 *   words    letters, digits and marks, joined across an apostrophe, a
 *            hyphen or a middle dot between two of them (don't, O'Brien,
 *            al-Assad, 26-year-old) and across periods between pieces of
 *            at most two letters (U.S, Ph.D, e.g), whose final period then
 *            belongs to the word (U.S., e.g., and a single letter's: J.);
 *            a possessive 's or ’s is a token of its own (TOK_CLITIC)
 *   numbers  a digit first, then digits joined across , . : / - between
 *            digits, and letters after them (1,000  3.5  10:30  1990s  5pm)
 *   punct    any other character but white space, one token each ("..."
 *            and "--" are one token)
 */
#ifndef COPYDESK_TOKENS_H
#define COPYDESK_TOKENS_H

#include <stddef.h>
#include <stdint.h>

enum {
	TOK_WORD = 1 << 0,
	TOK_NUM = 1 << 1,
	TOK_PUNCT = 1 << 2,
	TOK_CLITIC = 1 << 3, /* 's ’s after a word (also a TOK_WORD) */
	TOK_CAP = 1 << 4,    /* the first letter is uppercase (or titlecase) */
	TOK_UPPER = 1 << 5,  /* every letter uppercase (at least one letter) */
	TOK_LOWER = 1 << 6,  /* the first letter is lowercase */
	TOK_DIGIT = 1 << 7,  /* holds a digit */
	TOK_ASCII = 1 << 8,  /* every byte ASCII */
	TOK_SPACE = 1 << 9,  /* white space (or the start of the text) before it */
	TOK_LINE = 1 << 10,  /* a line break (or the start of the text) before it */
	TOK_DOT = 1 << 11,   /* a word that took its final period (U.S., J.) */
	TOK_QUOTE = 1 << 12, /* punct: a quotation mark ' " ‘ ’ “ ” „ ‚ « » ‹ › 「 」 */
	TOK_DASH = 1 << 13,  /* punct: - – — ― ‐ ‒ − */
	TOK_JOINED = 1 << 14, /* a word or number joined across an apostrophe, a
			       * hyphen, a period, a middle dot or , : / (don't,
			       * al-Assad, U.S, 1,000): without it, letters and
			       * digits only (and a final period, TOK_DOT) */
};

struct token {
	uint32_t b, e;   /* byte offsets, end exclusive */
	uint32_t cb, ce; /* code point offsets */
	uint32_t flags;
	int32_t cp;      /* punct: its code point; else the first one */
};

struct toks {
	struct token *v;
	size_t n, cap;
};

/* Tokens of s[0..n) (n < 4 GiB) into t (replacing what it held). */
void tok_scan(const char *s, size_t n, struct toks *t);
void toks_free(struct toks *t);

#endif
