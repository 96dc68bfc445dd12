/* unicode.c - utf8proc-based normalization and classes. */
#include "unicode.h"
#include "msg.h"
#include "utf8.h"

#include <stdlib.h>
#include <utf8proc.h>

int uni_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	int c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int uni_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int uni_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	int c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int uni_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int uni_is_space(int32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return 1;
	default:
		return cp >= 0x2000 && cp <= 0x200A;
	}
}

int uni_is_punct(int32_t cp)
{
	if (cp < 0 || cp > 0x10FFFF)
		return 0;
	int c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int uni_is_mark(int32_t cp)
{
	if (cp < 0x300 || cp > 0x10FFFF)
		return 0;
	int c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int32_t uni_tolower(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return utf8proc_tolower(cp);
}

int uni_is_quote(int32_t cp)
{
	switch (cp) {
	case '\'': case '"': case 0xAB: case 0xBB: case 0x2018: case 0x2019: case 0x201A:
	case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039:
	case 0x203A: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
		return 1;
	default:
		return 0;
	}
}

int uni_is_dash(int32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x2E3A ||
	       cp == 0x2E3B || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
}

int32_t uni_plain(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
		return '-';
	case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return -1;
	default:
		if (cp != ' ' && cp != '\n' && cp != '\t' && cp != '\r' && uni_is_space(cp))
			return ' ';
		return cp;
	}
}

/* Normalize one valid UTF-8 run. */
static void norm_valid(const char *s, size_t n, unsigned flags, struct buf *out)
{
	struct buf tmp = {0};
	if (flags & UNI_PLAIN_PUNCT) {
		for (size_t i = 0; i < n;) {
			size_t len;
			int32_t cp = u8_decode(s + i, n - i, &len);
			int32_t p = uni_plain(cp);
			if (p == cp) {
				buf_add(&tmp, s + i, len);
			} else if (p >= 0) {
				char e[4];
				buf_add(&tmp, e, u8_encode(p, e));
			}
			i += len;
		}
		s = tmp.p ? tmp.p : "";
		n = tmp.len;
	}
	int opts = 0;
	if (flags & (UNI_NFC | UNI_NFKC | UNI_CASEFOLD | UNI_STRIP_ACCENTS))
		opts |= UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	if (flags & UNI_NFKC)
		opts |= UTF8PROC_COMPAT;
	if (flags & UNI_CASEFOLD)
		opts |= UTF8PROC_CASEFOLD;
	if (flags & UNI_STRIP_ACCENTS)
		opts |= UTF8PROC_STRIPMARK; /* needs (de)composition, set above */
	if (!opts || n == 0) {
		buf_add(out, s, n);
		buf_free(&tmp);
		return;
	}
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &res,
					  (utf8proc_option_t)opts);
	if (r < 0) /* cannot happen on valid input; keep the text */
		buf_add(out, s, n);
	else
		buf_add(out, res, (size_t)r);
	free(res);
	buf_free(&tmp);
}

void uni_normalize(const char *s, size_t n, unsigned flags, struct buf *out)
{
	if (out->cap - out->len < n + 1)
		buf_grow(out, n + 1);
	while (n) {
		size_t ok = u8_valid_prefix(s, n);
		norm_valid(s, ok, flags, out);
		if (ok == n)
			break;
		buf_add(out, s + ok, 1); /* an invalid byte passes through */
		s += ok + 1;
		n -= ok + 1;
	}
	if (!out->p)
		buf_grow(out, 1);
	out->p[out->len] = '\0';
}
