/* slug.c - ids from names (see slug.h). */
#include "slug.h"
#include "fold.h"
#include "unicode.h"
#include "utf8.h"

size_t slug(const char *s, size_t n, struct buf *out)
{
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
