/* fold.h - text folded for matching and comparing, with a map back to the
 * original: typographic quotes, apostrophes, dashes and spaces made plain,
 * zero-width characters dropped, accents stripped, case folded, the
 * compatibility forms (ligatures, full-width letters) undone — each on
 * request. The map gives, for every byte of the folded text, the byte of
 * the original it came from, so a match in the folded text is a span of
 * the original. ASCII runs go through a byte table; other code points
 * through utf8proc. Invalid bytes are copied through. */
#ifndef COPYDESK_FOLD_H
#define COPYDESK_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum {
	FOLD_MARKS = 1 << 0,   /* ‘ ’ ‚ ‛ ′ ʼ → ', “ ” „ ‟ ″ « » → ", dashes → -,
				* NBSP and other spaces → ' ', zero-width → nothing
				* (uni_plain) */
	FOLD_ACCENTS = 1 << 1, /* combining marks stripped: é → e, NFD too */
	FOLD_CASE = 1 << 2,    /* full case folding: É → é, ß → ss */
	FOLD_COMPAT = 1 << 3,  /* NFKC compatibility: ﬁ → fi, Ｆ → F, ² → 2 */
	FOLD_MATCH = FOLD_MARKS | FOLD_ACCENTS | FOLD_COMPAT, /* gazetteers: case kept */
	FOLD_ALL = FOLD_MATCH | FOLD_CASE,
	/* For comparing texts word by word (dedupe): */
	FOLD_NOPUNCT = 1 << 4, /* punctuation (ASCII !"#%&'()*,-./:;?@[\]_{} and
				* Unicode P*) separates words like a space; an
				* apostrophe, period or comma between two letters or
				* digits joins them (don't → dont, U.S → us, 1,000 →
				* 1000). Symbols ($ + € ...) stay. */
	FOLD_SPACE1 = 1 << 5,  /* white space runs (line breaks too) → one ' ';
				* none at the start or the end */
	FOLD_MARKUP = 1 << 6,  /* HTML character references decoded (&amp; &#39;
				* &nbsp; &eacute; ...), tags (<b>, </p>, <br/>,
				* <!-- -->) read as a space */
	FOLD_WORDS = FOLD_ALL | FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_MARKUP,
};

/* Where each folded byte came from: src[i] is the byte offset in the
 * original of folded byte i, src[len] the original's length. */
struct fold_map {
	uint32_t *src;
	size_t cap;
};

/* Append the folded form of s[0..n) to out; when map is not NULL, fill it
 * for the bytes appended (offsets relative to s). Texts over 4 GiB are not
 * mapped (map->src stays NULL: callers give such rows up). */
void fold(const char *s, size_t n, unsigned flags, struct buf *out, struct fold_map *map);
void fold_map_free(struct fold_map *map);
/* fold() with any of the word flags (fold_words.c). */
void fold_words(const char *s, size_t n, unsigned flags, struct buf *out, struct fold_map *map);

/* One code point folded: writes at most FOLD_CP_MAX code points to dst,
 * returns how many (0: the code point folds to nothing). */
enum { FOLD_CP_MAX = 18 };
size_t fold_cp(int32_t cp, unsigned flags, int32_t *dst);

#endif
