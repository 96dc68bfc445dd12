/* unicode.h - Unicode helpers on utf8proc: character classes, NFC/NFKC,
 * case folding, accent stripping, and typographic quotes, dashes and
 * spaces mapped to plain ASCII ones. Invalid UTF-8 is copied through byte
 * for byte, never rejected. */
#ifndef COPYDESK_UNICODE_H
#define COPYDESK_UNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Classes (ASCII answered inline, the rest through utf8proc). */
int uni_is_upper(int32_t cp);
int uni_is_lower(int32_t cp);
int uni_is_letter(int32_t cp);
int uni_is_digit(int32_t cp);   /* any decimal digit (Nd) */
int uni_is_space(int32_t cp);   /* White_Space, incl. NBSP and friends */
int uni_is_punct(int32_t cp);   /* P* categories */
int uni_is_mark(int32_t cp);    /* M* categories (combining marks, vowel signs) */
int32_t uni_tolower(int32_t cp);
/* Quotation marks: ' " ‘ ’ ‚ ‛ “ ” „ ‟ « » ‹ › 「 」 『 』 (an apostrophe is
 * one too: telling them apart is the reader's job). */
int uni_is_quote(int32_t cp);
/* Dashes and hyphens: - ‐ ‑ ‒ – — ― − ⸺ ⸻ */
int uni_is_dash(int32_t cp);

/* Typographic marks to plain ones: ‘ ’ ‚ ‛ ′ → ', “ ” „ ‟ ″ « » → ",
 * ‐ ‑ ‒ – — ― − → -, NBSP and other spaces → ' ', zero-width characters
 * (U+200B..U+200D, U+2060, U+FEFF) → nothing (returns -1). Otherwise cp. */
int32_t uni_plain(int32_t cp);

enum {
	UNI_NFC = 1 << 0,
	UNI_NFKC = 1 << 1,
	UNI_CASEFOLD = 1 << 2,
	UNI_STRIP_ACCENTS = 1 << 3,
	UNI_PLAIN_PUNCT = 1 << 4, /* uni_plain() on every code point */
};

/* Append the normalized form of s to out. Invalid bytes are copied as
 * they are. */
void uni_normalize(const char *s, size_t n, unsigned flags, struct buf *out);

#endif
