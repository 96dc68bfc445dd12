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
/* Inline (the sentence splitter asks at every terminator and word):
 * marks that close a quotation or a bracket, which may follow the end of
 * a sentence and still belong to it: " ' ) ] } ’ ” » › 」 』 ） */
static inline int uni_is_closer(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '}':
	case 0x201D: case 0x2019: case 0xBB: case 0x203A:
	case 0x300D: case 0x300F: case 0xFF09:
		return 1;
	}
	return 0;
}

/* Marks that open one (and the Spanish ¿ ¡): " ' ( [ { ‘ “ „ ‚ « ‹ 「 『 （ */
static inline int uni_is_opener(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case '(': case '[': case '{':
	case 0x201C: case 0x2018: case 0x201E: case 0x201A: case 0xAB: case 0x2039:
	case 0x300C: case 0x300E: case 0xFF08: case 0xBF: case 0xA1:
		return 1;
	}
	return 0;
}

/* Marks that end a sentence: . ? ! … ‼ ⁇ ⁈ ⁉ 。 ！ ？ ． */
static inline int uni_is_terminator(int32_t cp)
{
	switch (cp) {
	case '.': case '?': case '!':
	case 0x2026: /* … */
	case 0x203C: case 0x2047: case 0x2048: case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E: /* 。！？． */
		return 1;
	}
	return 0;
}

/* List bullets: • ‣ ⁃ ∙ ▪ ■ ● ◦ ► ▶ ➢ ➔ */
static inline int uni_is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x25AA: case 0x25A0:
	case 0x25CF: case 0x25E6: case 0x25BA: case 0x25B6: case 0x27A2: case 0x2794:
		return 1;
	}
	return 0;
}

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
