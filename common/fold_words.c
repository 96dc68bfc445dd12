/* fold_words.c - the word-by-word side of fold() (FOLD_NOPUNCT,
 * FOLD_SPACE1, FOLD_MARKUP): punctuation read as a word break or, between
 * two letters or digits, as nothing; white space runs made one space;
 * HTML character references decoded and tags read as a space. Each code
 * point that survives goes through fold_cp with the other flags. ASCII
 * letters and digits are copied by a table loop; with FOLD_NOPUNCT and
 * FOLD_SPACE1 and no map, ASCII texts and the ASCII stretches of other
 * texts go 16 bytes at a time (fold_fast). */
#include "fold.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ASCII classes: what a byte does under the word flags. */
enum { C_WORD, C_SPACE, C_JOIN, C_PUNCT, C_AMP, C_LT, C_SYM };

static const unsigned char ascii_class[128] = {
	['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
	[' '] = C_SPACE,
	['!'] = C_PUNCT, ['"'] = C_PUNCT, ['#'] = C_PUNCT, ['%'] = C_PUNCT, ['&'] = C_AMP,
	['\''] = C_JOIN, ['('] = C_PUNCT, [')'] = C_PUNCT, ['*'] = C_PUNCT, [','] = C_JOIN,
	['-'] = C_PUNCT, ['.'] = C_JOIN, ['/'] = C_PUNCT, [':'] = C_PUNCT, [';'] = C_PUNCT,
	['<'] = C_LT, ['?'] = C_PUNCT, ['@'] = C_PUNCT, ['['] = C_PUNCT, ['\\'] = C_PUNCT,
	[']'] = C_PUNCT, ['_'] = C_PUNCT, ['{'] = C_PUNCT, ['}'] = C_PUNCT,
	['$'] = C_SYM, ['+'] = C_SYM, ['='] = C_SYM, ['>'] = C_SYM, ['^'] = C_SYM,
	['`'] = C_SYM, ['|'] = C_SYM, ['~'] = C_SYM,
};

static inline int ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Named character references worth knowing in news text. */
static const struct {
	const char *name;
	int32_t cp;
} entities[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"nbsp", 0xA0}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009},
	{"zwsp", 0x200B}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"shy", 0xAD},
	{"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
	{"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
	{"bdquo", 0x201E}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"lsaquo", 0x2039},
	{"rsaquo", 0x203A}, {"middot", 0xB7}, {"bull", 0x2022}, {"copy", 0xA9},
	{"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0}, {"euro", 0x20AC},
	{"pound", 0xA3}, {"cent", 0xA2}, {"yen", 0xA5}, {"sect", 0xA7}, {"para", 0xB6},
	{"times", 0xD7}, {"divide", 0xF7}, {"frac12", 0xBD}, {"frac14", 0xBC},
	{"frac34", 0xBE}, {"szlig", 0xDF}, {"aelig", 0xE6}, {"AElig", 0xC6},
	{"oslash", 0xF8}, {"Oslash", 0xD8}, {"aring", 0xE5}, {"Aring", 0xC5},
	{"ccedil", 0xE7}, {"Ccedil", 0xC7}, {"ntilde", 0xF1}, {"Ntilde", 0xD1},
	{"iexcl", 0xA1}, {"iquest", 0xBF},
};

/* Letters with an accent named &Xacute; &Xgrave; &Xcirc; &Xuml; &Xtilde;:
 * the combining mark, composed with the letter by fold_cp's NFC. */
static const struct {
	const char *suffix;
	int32_t mark;
} accents[] = {
	{"acute", 0x301}, {"grave", 0x300}, {"circ", 0x302}, {"uml", 0x308}, {"tilde", 0x303},
};

/* The character reference at s[0..n) (s[0] == '&'): its code points (at
 * most 2) in cp, their number returned (0: not a reference); *len the
 * bytes it takes, ';' included. */
static int entity(const char *s, size_t n, int32_t cp[2], size_t *len)
{
	size_t i = 1;
	if (i < n && s[i] == '#') {
		i++;
		int hex = i < n && (s[i] == 'x' || s[i] == 'X');
		if (hex)
			i++;
		int32_t v = 0;
		size_t d0 = i;
		while (i < n && i - d0 < 8) {
			unsigned char c = (unsigned char)s[i];
			int dv = c >= '0' && c <= '9' ? c - '0'
				 : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
									       : -1;
			if (dv < 0)
				break;
			v = v * (hex ? 16 : 10) + dv;
			i++;
		}
		if (i == d0 || i >= n || s[i] != ';' || v <= 0 || v > 0x10FFFF ||
		    (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*len = i + 1;
		cp[0] = v;
		return 1;
	}
	size_t b = i;
	while (i < n && i - b < 10 && ascii_alnum((unsigned char)s[i]))
		i++;
	if (i == b || i >= n || s[i] != ';')
		return 0;
	size_t k = i - b;
	for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++)
		if (strlen(entities[e].name) == k && memcmp(entities[e].name, s + b, k) == 0) {
			*len = i + 1;
			cp[0] = entities[e].cp;
			return 1;
		}
	if (k >= 4 && strchr("AEIOUYNCaeiouync", s[b]))
		for (size_t a = 0; a < sizeof accents / sizeof accents[0]; a++)
			if (strlen(accents[a].suffix) == k - 1 &&
			    memcmp(accents[a].suffix, s + b + 1, k - 1) == 0) {
				*len = i + 1;
				cp[0] = (unsigned char)s[b];
				cp[1] = accents[a].mark;
				return 2;
			}
	return 0;
}

/* A tag at s[0..n) (s[0] == '<'): <letter... >, </...>, <!...>, <?...>,
 * at most 512 bytes without another '<'. Returns its length or 0. */
static size_t tag(const char *s, size_t n)
{
	if (n < 3)
		return 0;
	unsigned char c = (unsigned char)s[1];
	if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != '/' && c != '!' && c != '?')
		return 0;
	if (c == '/' && !(n > 2 && ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'z')))
		return 0;
	for (size_t i = 2; i < n && i < 512; i++) {
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '<' || s[i] == '\n')
			return 0;
	}
	return 0;
}

struct wstate {
	struct buf *out;
	struct fold_map *map;
	size_t base;
	unsigned flags;
	int pending;   /* a word break is owed before the next character */
	int alnum;     /* the last character written was a letter or digit */
	size_t space_src;
};

static void room(struct wstate *w, size_t need)
{
	if (w->out->cap - w->out->len < need + 1)
		buf_grow(w->out, need + 1);
	if (w->map) {
		size_t want = w->out->len - w->base + need + 1;
		if (w->map->cap < want) {
			size_t cap = w->map->cap ? w->map->cap : 256;
			while (cap < want)
				cap *= 2;
			w->map->src = xrealloc(w->map->src, cap * sizeof *w->map->src);
			w->map->cap = cap;
		}
	}
}

static inline void put_byte(struct wstate *w, char c, size_t src)
{
	if (w->map)
		w->map->src[w->out->len - w->base] = (uint32_t)src;
	w->out->p[w->out->len++] = c;
}

/* The word break owed, if any (not at the start with FOLD_SPACE1). */
static inline void settle(struct wstate *w)
{
	if (!w->pending)
		return;
	w->pending = 0;
	if ((w->flags & FOLD_SPACE1) && w->out->len == w->base)
		return;
	room(w, 1);
	put_byte(w, ' ', w->space_src);
}

static inline void brk(struct wstate *w, size_t src)
{
	if (!(w->flags & FOLD_SPACE1)) {
		w->pending = 1;
		w->space_src = src;
		settle(w);
	} else if (!w->pending) {
		w->pending = 1;
		w->space_src = src;
	}
	w->alnum = 0;
}

/* Does a letter or digit start s[0..n)? */
static int starts_alnum(const char *s, size_t n)
{
	if (!n)
		return 0;
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80)
		return ascii_alnum(c);
	size_t len;
	int32_t cp = u8_decode(s, n, &len);
	return cp != U8_INVALID && (uni_is_letter(cp) || uni_is_digit(cp));
}

/* One folded code point q that came from s[src..), the input going on at
 * s[next..n). */
static void put_cp(struct wstate *w, int32_t q, const char *s, size_t src, size_t next, size_t n)
{
	if (q == ' ' || (q >= '\t' && q <= '\r') || uni_is_space(q)) {
		if (w->flags & FOLD_SPACE1) {
			brk(w, src);
			return;
		}
		w->alnum = 0; /* written as it is */
	} else if ((w->flags & FOLD_NOPUNCT) &&
	    (q < 0x80 ? ascii_class[q] == C_PUNCT || ascii_class[q] == C_JOIN || q == '&'
		      : uni_is_punct(q))) {
		int join = q == '\'' || q == '.' || q == ',' || q == 0x2019 || q == 0x02BC;
		if (join && w->alnum && !w->pending && starts_alnum(s + next, n - next))
			return; /* inside a word: nothing */
		brk(w, src);
		return;
	}
	settle(w);
	char enc[4];
	size_t e = q < 0x80 ? (enc[0] = (char)q, 1) : u8_encode(q, enc);
	room(w, e);
	for (size_t k = 0; k < e; k++)
		put_byte(w, enc[k], src);
	w->alnum = q < 0x80 ? ascii_alnum((unsigned char)q)
			    : uni_is_letter(q) || uni_is_digit(q) || uni_is_mark(q);
}

/* A code point cp of the input at s[i..i+len): folded, then written. */
static void put_folded(struct wstate *w, int32_t cp, const char *s, size_t i, size_t next, size_t n)
{
	int32_t dst[FOLD_CP_MAX];
	size_t k = fold_cp(cp, w->flags & (FOLD_MARKS | FOLD_ACCENTS | FOLD_CASE | FOLD_COMPAT), dst);
	for (size_t q = 0; q < k; q++)
		put_cp(w, dst[q], s, i, next, n);
}

/* One unit that is not a plain ASCII word byte, at s[i]: white space,
 * punctuation, a character reference, a tag, a code point that is not
 * ASCII, an invalid byte. Returns where the next unit starts. */
static size_t step(struct wstate *w, const char *s, size_t n, size_t i)
{
	unsigned flags = w->flags;
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		int cls = ascii_class[c];
		if (cls == C_SPACE && (flags & FOLD_SPACE1)) {
			brk(w, i);
			return i + 1;
		}
		if (cls == C_AMP && (flags & FOLD_MARKUP)) {
			int32_t cp[2];
			size_t len;
			int k = entity(s + i, n - i, cp, &len);
			if (k == 2) { /* a letter and its accent, composed */
				utf8proc_int32_t u[2] = {cp[0], cp[1]};
				if (utf8proc_normalize_utf32(u, 2, UTF8PROC_COMPOSE | UTF8PROC_STABLE) == 1)
					cp[0] = u[0], k = 1;
				else
					k = 0;
			}
			if (k == 1) {
				put_folded(w, cp[0], s, i, i + len, n);
				return i + len;
			}
		}
		if (cls == C_LT && (flags & FOLD_MARKUP)) {
			size_t len = tag(s + i, n - i);
			if (len) {
				brk(w, i);
				return i + len;
			}
		}
		if ((flags & FOLD_NOPUNCT) && (cls == C_PUNCT || cls == C_JOIN || cls == C_AMP)) {
			if (cls == C_JOIN && w->alnum && !w->pending && i + 1 < n && starts_alnum(s + i + 1, n - i - 1))
				return i + 1; /* inside a word: nothing */
			brk(w, i);
			return i + 1;
		}
		put_folded(w, c, s, i, i + 1, n);
		return i + 1;
	}
	size_t len;
	int32_t cp = u8_decode(s + i, n - i, &len);
	if (cp == U8_INVALID) {
		settle(w);
		room(w, 1);
		put_byte(w, s[i], i);
		w->alnum = 0;
		return i + 1;
	}
	put_folded(w, cp, s, i, i + len, n);
	return i + len;
}

/* Plain ASCII word bytes (letters, digits, controls) as written: lowered
 * or not; 0 for every other byte. */
static unsigned char plain_low[256], plain_keep[256];

static void plain_init(void)
{
	for (int c = 1; c < 0x80; c++)
		if (ascii_class[c] == C_WORD) {
			plain_keep[c] = (unsigned char)c;
			plain_low[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
}

#ifdef __SSE2__
/* The 16 bytes of s from i on; past n, the byte pad. */
static inline __m128i load16(const char *s, size_t i, size_t n, char pad)
{
	if (i + 16 <= n)
		return _mm_loadu_si128((const __m128i *)(s + i));
	char tail[16];
	memset(tail, pad, sizeof tail);
	memcpy(tail, s + i, n - i);
	return _mm_loadu_si128((const __m128i *)tail);
}

/* The bytes of x that are ASCII letters or digits (0xFF), and in *up
 * those that are capitals. */
static inline __m128i alnum16(__m128i x, __m128i *up)
{
#define IN_RANGE(v, lo, hi) \
	_mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8(v, _mm_set1_epi8(lo)), _mm_set1_epi8((hi) - (lo))), \
		       _mm_set1_epi8((hi) - (lo)))
	*up = IN_RANGE(x, 'A', 'Z');
	return _mm_or_si128(_mm_or_si128(IN_RANGE(x, 'a', 'z'), *up), IN_RANGE(x, '0', '9'));
#undef IN_RANGE
}
#endif

/* Plain ASCII from s[i..) (s[i] a letter or digit): letters and digits,
 * and single spaces between them when spaces_too, lowered when asked,
 * written to d (16 bytes are written; only the count returned is kept);
 * never ends on a space. */
static inline size_t plain16(const char *s, size_t i, size_t n, int lower, int spaces_too, char *d)
{
#ifdef __SSE2__
	{
		__m128i x = load16(s, i, n, '\0'); /* NULs past the end stop a run */
		__m128i up, ok = alnum16(x, &up);
		unsigned sp = spaces_too ? (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))) : 0;
		unsigned mask = (unsigned)_mm_movemask_epi8(ok) | sp;
		if (lower)
			x = _mm_add_epi8(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
		_mm_storeu_si128((__m128i *)d, x);
		unsigned k = mask == 0xFFFF ? 16 : (unsigned)__builtin_ctz(~mask);
		unsigned dbl = sp & (sp >> 1); /* two spaces: stop before them */
		if (dbl) {
			unsigned p = (unsigned)__builtin_ctz(dbl);
			if (p < k)
				k = p;
		}
		if (k && (sp >> (k - 1)) & 1) /* one space at most (two stop it) */
			k--;
		return k;
	}
#else
	size_t k = 0;
	while (i + k < n && k < 16) {
		unsigned char c = (unsigned char)s[i + k];
		if (c == ' ' && spaces_too && k && i + k + 1 < n && ascii_alnum((unsigned char)s[i + k + 1]))
			d[k++] = ' ';
		else if (ascii_alnum(c))
			d[k++] = (char)(lower && c >= 'A' && c <= 'Z' ? c + 32 : c);
		else
			break;
	}
	return k;
#endif
}

/* ---- the ASCII fast path (x86-64 with SSSE3) --------------------------------
 * A text of ASCII bytes without NUL, '&' or '<' (no markup, nothing for
 * utf8proc), folded with FOLD_NOPUNCT and FOLD_SPACE1 and no map, comes
 * out of the path above as:
 *   - letters and digits, lowered with FOLD_CASE; symbols ($ + = > ^ ` |
 *     ~) and control characters as they are (kept bytes);
 *   - every other byte (white space, punctuation: a gap) a word break: a
 *     run of gap bytes between two kept bytes is one space, except one
 *     joining byte (' . ,) between two letters or digits, which is
 *     nothing; gaps at the start or the end are nothing.
 * Here 16 bytes at a time: classes by two nibble lookups, the bytes to
 * write as a mask, written by a shuffle (8 at a time). A text with other
 * bytes too goes through the path above, which hands the fast path each
 * long ASCII stretch between them (fold_words). The unit tests
 * common_foldwords and common_foldmixed check it against the path above
 * on random texts. */
#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>
#define FOLD_FAST 1
/* The shortest stretch of a mixed text worth the fast path. */
#define FAST_MIN 16

/* The classes by nibbles: a byte is in class bit b when b is in both
 * lo[c & 15] and hi[c >> 4]. Bits 0-5: gaps (rectangles of the table;
 * NUL, '&', '<' and bytes >= 0x80 never come here), bit 6: joining bytes. */
static unsigned char cls_lo[16], cls_hi[16];
static unsigned char shuf[256][8], shuf_len[256];

static void rect(int bit, int h, const char *lows)
{
	cls_hi[h] |= (unsigned char)(1u << bit);
	for (const char *l = lows; *l; l++)
		cls_lo[*l >= 'a' ? *l - 'a' + 10 : *l - '0'] |= (unsigned char)(1u << bit);
}

static void fast_init(void)
{
	rect(0, 0, "9abcd");             /* \t \n \v \f \r */
	rect(1, 2, "012356789acdef");    /* space to '/', less $ and + */
	rect(2, 3, "abcf");              /* : ; < ? */
	rect(3, 4, "0");                 /* @ */
	rect(4, 5, "bcdf");              /* [ \ ] _ */
	rect(5, 7, "bd");                /* { } */
	rect(6, 2, "7ce");               /* ' , . */
	for (int m = 0; m < 256; m++) {
		int k = 0;
		for (int b = 0; b < 8; b++)
			if (m >> b & 1)
				shuf[m][k++] = (unsigned char)b;
		shuf_len[m] = (unsigned char)k;
		for (; k < 8; k++)
			shuf[m][k] = 0x80;
	}
}

/* The 16 bytes of s from i on, spaces past n; the bytes up to s[avail)
 * may be read. */
static inline __m128i load16_sp(const char *s, size_t i, size_t n, size_t avail)
{
	if (i + 16 <= n)
		return _mm_loadu_si128((const __m128i *)(s + i));
	if (i + 16 > avail)
		return load16(s, i, n, ' ');
	__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
	__m128i past = _mm_cmpgt_epi8(_mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
				      _mm_set1_epi8((char)(n - i - 1)));
	return _mm_or_si128(_mm_andnot_si128(past, x), _mm_and_si128(past, _mm_set1_epi8(' ')));
}

/* s[0..n) folded to out (s[0..avail) may be read). */
__attribute__((target("ssse3"))) static void fold_fast(const char *s, size_t n, size_t avail, int lower, struct buf *out)
{
	char *d0 = out->p + out->len, *d = d0; /* room for n + 17 bytes */
	const __m128i lo_t = _mm_loadu_si128((const __m128i *)cls_lo), hi_t = _mm_loadu_si128((const __m128i *)cls_hi);
	const __m128i nib = _mm_set1_epi8(0x0F), gapbits = _mm_set1_epi8(0x3F), joinbit = _mm_set1_epi8(0x40);
	unsigned prev_k = 0, prev_a = 0, join_end = 0;
	for (size_t i = 0; i < n; i += 16) {
		__m128i x = load16_sp(s, i, n, avail); /* spaces past the end: a gap */
		__m128i c = _mm_and_si128(_mm_shuffle_epi8(lo_t, _mm_and_si128(x, nib)),
					  _mm_shuffle_epi8(hi_t, _mm_and_si128(_mm_srli_epi16(x, 4), nib)));
		__m128i nogap = _mm_cmpeq_epi8(_mm_and_si128(c, gapbits), _mm_setzero_si128());
		__m128i join = _mm_cmpeq_epi8(_mm_and_si128(c, joinbit), joinbit);
		__m128i up, alnum = alnum16(x, &up);
		unsigned g = ~(unsigned)_mm_movemask_epi8(nogap) & 0xFFFF;
		unsigned a = (unsigned)_mm_movemask_epi8(alnum);
		unsigned j = (unsigned)_mm_movemask_epi8(join);
		unsigned k = ~g & 0xFFFF;
		unsigned kprev = (k << 1 | prev_k) & 0xFFFF, aprev = (a << 1 | prev_a) & 0xFFFF;
		unsigned joined = g & j & aprev & a >> 1;
		unsigned emit = k | (g & kprev & ~joined);
		/* a joining byte that ended the last block, a letter or digit
		 * starting this one: its space taken back */
		d -= join_end & a;
		/* the bytes: kept ones lowered (or not), gaps a space */
		__m128i v = lower ? _mm_add_epi8(x, _mm_and_si128(up, _mm_set1_epi8(0x20))) : x;
		v = _mm_or_si128(_mm_and_si128(nogap, v), _mm_andnot_si128(nogap, _mm_set1_epi8(' ')));
		unsigned e0 = emit & 0xFF, e1 = emit >> 8;
		__m128i s0 = _mm_loadl_epi64((const __m128i *)shuf[e0]);
		__m128i s1 = _mm_loadl_epi64((const __m128i *)shuf[e1]);
		_mm_storel_epi64((__m128i *)d, _mm_shuffle_epi8(v, s0));
		d += shuf_len[e0];
		_mm_storel_epi64((__m128i *)d, _mm_shuffle_epi8(_mm_srli_si128(v, 8), s1));
		d += shuf_len[e1];
		join_end = (g & j & aprev) >> 15 & 1;
		prev_k = k >> 15 & 1;
		prev_a = a >> 15 & 1;
	}
	if (d > d0 && d[-1] == ' ')
		d--; /* a gap at the end */
	out->len = (size_t)(d - out->p);
	out->p[out->len] = '\0';
}

/* A space, or what folds to one, at byte i: one space is pending (its
 * source the first such byte), and the next word begins anew. */
static inline void space_at(struct wstate *w, size_t i)
{
	if (!w->pending) {
		w->pending = 1;
		w->space_src = i;
	}
	w->alnum = 0;
}

/* Where the stretch from i on that the fast path can take ends: the
 * first NUL, '&', '<' or byte >= 0x80 at or after i, or n. */
static size_t fast_end(const char *s, size_t n, size_t i)
{
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i bad = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_setzero_si128()),
					   _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('&')),
							_mm_cmpeq_epi8(x, _mm_set1_epi8('<'))));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(bad, x));
		if (m)
			return i + (unsigned)__builtin_ctz(m);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!c || c >= 0x80 || c == '&' || c == '<')
			break;
	}
	return i;
}

#endif

void fold_words(const char *s, size_t n, unsigned flags, struct buf *out, struct fold_map *map)
{
#ifdef FOLD_FAST
	static int fast = -1;
	if (fast < 0) {
		fast = __builtin_cpu_supports("ssse3") && !getenv("COPYDESK_NO_FAST_FOLD");
		if (fast)
			fast_init();
	}
	if (fast && !map && (flags & (FOLD_NOPUNCT | FOLD_SPACE1)) == (FOLD_NOPUNCT | FOLD_SPACE1) && fast_end(s, n, 0) == n) {
		if (out->cap - out->len < n + 17)
			buf_grow(out, n + 17);
		fold_fast(s, n, n, (flags & FOLD_CASE) != 0, out);
		return;
	}
#endif
	struct wstate w = {.out = out, .map = map, .base = out->len, .flags = flags};
	if (map && n > 0xFFFFFFF0u) {
		fold_map_free(map);
		w.map = NULL;
	}
	if (!plain_keep['a'])
		plain_init();
	const int lower = (flags & FOLD_CASE) != 0;
	const unsigned char *plain = lower ? plain_low : plain_keep;
	/* single spaces between words go straight through when they fold to
	 * themselves (FOLD_SPACE1) and no map is kept */
	const int sp = (flags & FOLD_SPACE1) && !w.map;
#ifdef FOLD_FAST
	/* A text with some bytes the fast path cannot take (a row with an
	 * accent, a character reference): its ASCII stretches between them
	 * go through the fast path all the same, each from a plain byte to
	 * its last byte that is not a gap, so that its bytes fold as they
	 * would in the whole text (what a gap at either end of it becomes
	 * depends on the bytes around: the loop below decides). seg_end is
	 * where the stretch met last ends, seg_kept after its last kept byte. */
	const int mixed = fast && sp && (flags & FOLD_NOPUNCT);
	size_t seg_end = 0, seg_kept = 0;
#endif
	room(&w, n + 16);
	size_t i = 0;
	char *d = out->p + out->len; /* out->len is brought up to date before step() */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
#ifdef FOLD_FAST
		if (mixed && plain[c]) {
			if (i >= seg_end) {
				seg_end = fast_end(s, n, i);
				seg_kept = seg_end;
				while (seg_kept > i && ascii_class[(unsigned char)s[seg_kept - 1]] != C_WORD &&
				       ascii_class[(unsigned char)s[seg_kept - 1]] != C_SYM)
					seg_kept--;
			}
			if (seg_kept >= i + FAST_MIN) {
				if (w.pending) {
					w.pending = 0;
					if (d != out->p + w.base)
						*d++ = ' ';
				}
				out->len = (size_t)(d - out->p);
				size_t m = seg_kept - i;
				if (out->cap - out->len < m + 17)
					buf_grow(out, m + 17);
				fold_fast(s + i, m, n - i, lower, out);
				d = out->p + out->len;
				w.alnum = ascii_alnum((unsigned char)s[seg_kept - 1]);
				i = seg_kept;
				continue;
			}
		}
#endif
		if (plain[c]) {
			/* a run of plain ASCII: the text never grows here, and room
			 * for the rest of the input (and 16 bytes) is always there */
			if (w.pending) {
				w.pending = 0;
				if (d != out->p + w.base || !(flags & FOLD_SPACE1)) {
					if (w.map)
						w.map->src[(size_t)(d - out->p) - w.base] = (uint32_t)w.space_src;
					*d++ = ' ';
				}
			}
			size_t i0 = i;
			char *d0 = d;
			size_t k;
			do {
				k = plain16(s, i, n, lower, sp, d);
				i += k;
				d += k;
			} while (k == 16);
			if (i == i0) { /* a control character */
				*d++ = (char)plain[c];
				i++;
				w.alnum = 0;
			} else
				w.alnum = 1;
			if (w.map)
				for (size_t q = i0; q < i; q++)
					w.map->src[(size_t)(d0 - out->p) - w.base + (q - i0)] = (uint32_t)q;
			continue;
		}
		if (c == ' ' && (flags & FOLD_SPACE1)) {
			space_at(&w, i++);
			continue;
		}
		/* ASCII punctuation under FOLD_NOPUNCT and FOLD_SPACE1: what
		 * step() does, without the call */
		if (c < 0x80 && (ascii_class[c] == C_PUNCT || ascii_class[c] == C_JOIN) &&
		    (flags & (FOLD_NOPUNCT | FOLD_SPACE1)) == (FOLD_NOPUNCT | FOLD_SPACE1)) {
			if (ascii_class[c] == C_JOIN && w.alnum && !w.pending && i + 1 < n &&
			    ((unsigned char)s[i + 1] < 0x80 ? ascii_alnum((unsigned char)s[i + 1])
							   : starts_alnum(s + i + 1, n - i - 1))) {
				i++; /* inside a word: nothing */
				continue;
			}
			space_at(&w, i++);
			continue;
		}
		out->len = (size_t)(d - out->p);
		i = step(&w, s, n, i);
		if (c >= 0x80 || c == '&')
			room(&w, n - i + 16); /* a folded code point may be longer */
		d = out->p + out->len;
	}
	out->len = (size_t)(d - out->p);
	if (!(flags & FOLD_SPACE1))
		settle(&w);
	if (w.map)
		w.map->src[out->len - w.base] = (uint32_t)n;
	out->p[out->len] = '\0';
}
