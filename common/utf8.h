/* utf8.h - hand-written UTF-8 scanning for hot loops: decoding one code
 * point, validation, repair to U+FFFD, code point counting. Invalid bytes
 * never crash anything: decoders report them as U8_INVALID, one byte long. */
#ifndef COPYDESK_UTF8_H
#define COPYDESK_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define U8_INVALID (-1)

/* Decode the code point at s[0..n) (n >= 1); sets *len to its length in
 * bytes (1 for an invalid byte). */
static inline int32_t u8_decode(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char c = p[0];
	if (c < 0x80) {
		*len = 1;
		return c;
	}
	*len = 1;
	if (c < 0xC2 || c > 0xF4)
		return U8_INVALID;
	if (c < 0xE0) {
		if (n < 2 || (p[1] & 0xC0) != 0x80)
			return U8_INVALID;
		*len = 2;
		return ((int32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (c < 0xF0) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return U8_INVALID;
		if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))
			return U8_INVALID; /* overlong or surrogate */
		*len = 3;
		return ((int32_t)(c & 0x0F) << 12) | ((int32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
		return U8_INVALID;
	if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
		return U8_INVALID;
	*len = 4;
	return ((int32_t)(c & 0x07) << 18) | ((int32_t)(p[1] & 0x3F) << 12) |
	       ((int32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Decode the code point ending just before s[i] (i >= 1); sets *len. */
int32_t u8_decode_back(const char *s, size_t i, size_t *len);

/* Encode cp (valid code point) into out[0..4); returns the length. */
size_t u8_encode(int32_t cp, char *out);

/* Length of the valid prefix of s (n if all of s is valid UTF-8). */
size_t u8_valid_prefix(const char *s, size_t n);
/* Append s to out with each invalid byte replaced by U+FFFD; returns the
 * number of replacements. */
size_t u8_repair(const char *s, size_t n, struct buf *out);
/* Number of code points in s (an invalid byte counts as one). */
size_t u8_count(const char *s, size_t n);

#endif
