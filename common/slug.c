/* slug.c - ids from names (see slug.h). */
#include "slug.h"
#include "fold.h"
#include "unicode.h"
#include "utf8.h"

size_t slug(const char *s, size_t n, struct buf *out)
{
	size_t start0 = out->len, q = 0;
	while (q < n && (unsigned char)s[q] < 0x80)
		q++;
	if (q == n) { /* ASCII: the same steps without folding (only case to fold) */
		/* at most one byte out for each byte in, and the NUL */
		if (out->cap - out->len < n + 1)
			buf_grow(out, n + 1);
		char *o = out->p + out->len, *o0 = o;
		int dash = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c == '\'' || c == '.')
				continue;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
				if (dash && o > o0)
					*o++ = '-';
				dash = 0;
				*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			} else
				dash = 1;
		}
		*o = '\0';
		out->len += (size_t)(o - o0);
		return out->len - start0;
	}
	struct buf f = {0};
	fold(s, n, FOLD_ALL, &f, NULL);
	size_t start = out->len;
	int dash = 0; /* a separator is pending */
	for (size_t i = 0; i < f.len;) {
		size_t len;
		int32_t cp = u8_decode(f.p + i, f.len - i, &len);
		if (cp == '\'' || cp == '.') {
			i += len;
			continue; /* O'Brien, U.S. */
		}
		if (cp != U8_INVALID && (uni_is_letter(cp) || uni_is_digit(cp) || uni_is_mark(cp))) {
			if (dash && out->len > start)
				buf_addc(out, '-');
			dash = 0;
			buf_add(out, f.p + i, len);
		} else {
			dash = 1;
		}
		i += len;
	}
	buf_free(&f);
	buf_add(out, "", 0); /* NUL-terminated even when nothing was added */
	return out->len - start;
}
