/* fold.c - folding for matching, with the map back to the original. */
#include "fold.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Accents: the combining marks of the Latin, Greek and Cyrillic
 * diacritics blocks. Marks of other scripts (Indic vowel signs, Hebrew
 * points) are letters' parts, not accents, and stay. */
static int is_accent(int32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

size_t fold_cp(int32_t cp, unsigned flags, int32_t *dst)
{
	if (flags & FOLD_MARKS) {
		cp = uni_plain(cp);
		if (cp < 0)
			return 0;
	}
	if (cp < 0x80) {
		dst[0] = (flags & FOLD_CASE) && cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
		return 1;
	}
	if (!(flags & (FOLD_ACCENTS | FOLD_CASE | FOLD_COMPAT))) {
		dst[0] = cp;
		return 1;
	}
	int opts = UTF8PROC_DECOMPOSE;
	if (flags & FOLD_CASE)
		opts |= UTF8PROC_CASEFOLD;
	if (flags & FOLD_COMPAT)
		opts |= UTF8PROC_COMPAT;
	int bound = 0;
	utf8proc_ssize_t k = utf8proc_decompose_char(cp, dst, FOLD_CP_MAX, (utf8proc_option_t)opts, &bound);
	if (k <= 0 || k > FOLD_CP_MAX) { /* cannot happen for a valid code point */
		dst[0] = cp;
		return 1;
	}
	if (flags & FOLD_ACCENTS) {
		utf8proc_ssize_t w = 0;
		for (utf8proc_ssize_t i = 0; i < k; i++)
			if (!is_accent(dst[i]))
				dst[w++] = dst[i];
		k = w;
		if (!k)
			return 0;
	}
	/* back to composed form (Hangul, and marks that were not accents) */
	if (k > 1) {
		utf8proc_ssize_t c = utf8proc_normalize_utf32(dst, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		if (c > 0)
			k = c;
	}
	return (size_t)k;
}

static void map_room(struct fold_map *map, size_t need)
{
	if (map->cap >= need)
		return;
	size_t cap = map->cap ? map->cap : 256;
	while (cap < need)
		cap *= 2;
	map->src = xrealloc(map->src, cap * sizeof *map->src);
	map->cap = cap;
}

void fold(const char *s, size_t n, unsigned flags, struct buf *out, struct fold_map *map)
{
	if (flags & (FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_MARKUP)) {
		fold_words(s, n, flags, out, map); /* fold_words.c */
		return;
	}
	size_t base = out->len;
	if (map && n > 0xFFFFFFF0u) {
		free(map->src);
		map->src = NULL;
		map->cap = 0;
		map = NULL;
	}
	if (out->cap - out->len < n + 1)
		buf_grow(out, n + 1);
	if (map)
		map_room(map, n + 1);
	int lower = (flags & FOLD_CASE) != 0;
	size_t i = 0;
	while (i < n) {
		/* an ASCII run */
		size_t j = i;
		char *d = out->p + out->len;
		while (j < n && (unsigned char)s[j] < 0x80) {
			unsigned char c = (unsigned char)s[j];
			*d++ = (char)(lower && c >= 'A' && c <= 'Z' ? c + 32 : c);
			j++;
		}
		if (map)
			for (size_t k = i; k < j; k++)
				map->src[out->len - base + (k - i)] = (uint32_t)k;
		out->len += j - i;
		i = j;
		if (i >= n)
			break;
		/* one code point that is not ASCII */
		size_t len;
		int32_t cp = u8_decode(s + i, n - i, &len);
		char enc[FOLD_CP_MAX * 4];
		size_t elen = 0;
		if (cp == U8_INVALID) {
			enc[0] = s[i];
			elen = 1;
		} else {
			int32_t dst[FOLD_CP_MAX];
			size_t k = fold_cp(cp, flags, dst);
			for (size_t q = 0; q < k; q++)
				elen += u8_encode(dst[q], enc + elen);
		}
		/* room: the folded text may be longer than the original */
		if (out->cap - out->len < elen + (n - i) + 1)
			buf_grow(out, elen + (n - i) + 1);
		if (map)
			map_room(map, out->len - base + elen + (n - i) + 1);
		memcpy(out->p + out->len, enc, elen);
		if (map)
			for (size_t q = 0; q < elen; q++)
				map->src[out->len - base + q] = (uint32_t)i;
		out->len += elen;
		i += len;
	}
	if (map)
		map->src[out->len - base] = (uint32_t)n;
	out->p[out->len] = '\0';
}

void fold_map_free(struct fold_map *map)
{
	free(map->src);
	map->src = NULL;
	map->cap = 0;
}
