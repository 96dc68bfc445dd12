/* slug.c - ids from names (see slug.h). */
#include "slug.h"
#include "fold.h"
#include "unicode.h"
#include "utf8.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ASCII bytes: left out (' .), kept in lower case (letters, digits), or
 * a separator (anything else) */
enum { K_SEP, K_ALNUM, K_SKIP };
static unsigned char ascii_kind[128], ascii_low[128];
static int ascii_ready;

static void ascii_init(void)
{
	for (int c = 0; c < 128; c++) {
		int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
		ascii_kind[c] = (unsigned char)(c == '\'' || c == '.' ? K_SKIP : alnum ? K_ALNUM : K_SEP);
		ascii_low[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	ascii_ready = 1;
}

#if defined(__SSE2__)
/* The commonest name, up to 16 bytes of ASCII letters and digits with one
 * space between words (Juan Guaido): its slug is its bytes in lower case
 * and '-' for each space, 16 at a time. Returns 0 (nothing written) for
 * any other name. */
static int slug16(const char *s, size_t n, struct buf *out)
{
	if (n == 0 || n > 16)
		return 0;
	char b[16] = {0};
	memcpy(b, s, n);
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)b);
	/* x + (128 - lo) < -128 + width, signed, is lo <= x < lo + width */
	__m128i up = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - 'A'))), _mm_set1_epi8((char)(-128 + 26)));
	__m128i lo = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - 'a'))), _mm_set1_epi8((char)(-128 + 26)));
	__m128i dg = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - '0'))), _mm_set1_epi8((char)(-128 + 10)));
	__m128i sp = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
	unsigned an = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(up, lo), dg));
	unsigned spm = (unsigned)_mm_movemask_epi8(sp), valid = (1u << n) - 1;
	if (((an | spm) & valid) != valid || (spm & (spm >> 1)) || !(an & 1) || !(an >> (n - 1) & 1))
		return 0;
	__m128i low = _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8(32)));
	__m128i o = _mm_or_si128(_mm_andnot_si128(sp, low), _mm_and_si128(sp, _mm_set1_epi8('-')));
	if (out->cap - out->len < 17)
		buf_grow(out, 17);
	_mm_storeu_si128((__m128i *)(void *)(out->p + out->len), o);
	out->len += n;
	out->p[out->len] = '\0';
	return 1;
}
#endif

size_t slug(const char *s, size_t n, struct buf *out)
{
#if defined(__SSE2__)
	if (slug16(s, n, out))
		return n;
#endif
	size_t start0 = out->len, q = 0;
	while (q < n && (unsigned char)s[q] < 0x80)
		q++;
	if (q == n) { /* ASCII: the same steps without folding (only case to fold) */
		/* at most one byte out for each byte in, and the NUL */
		if (out->cap - out->len < n + 1)
			buf_grow(out, n + 1);
		if (!ascii_ready)
			ascii_init();
		char *o = out->p + out->len, *o0 = o;
		unsigned dash = 0;
		/* without branches on the bytes (names are short and mixed): a
		 * byte is written where the next goes and kept or not; the last
		 * write is at most at o0 + n, inside the room */
		for (size_t i = 0; i < n; i++) {
			unsigned c = (unsigned char)s[i], k = ascii_kind[c];
			unsigned an = k == K_ALNUM;
			unsigned d = dash & an & (o > o0);
			*o = '-';
			o += d;
			*o = (char)ascii_low[c];
			o += an;
			dash = (dash | (k == K_SEP)) & !an;
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
