/* dd_norm.c - a text as dedupe compares it: folded with FOLD_WORDS (NFKC,
 * case folded, accents stripped, quotes, dashes and spaces unified,
 * punctuation and markup dropped, digits kept) and hashed for the exact
 * key; for near mode also cut into words (16-bit codes, dd.h), with the
 * length of a leading dateline ("WASHINGTON -", "LONDON (Reuters) -") and
 * the place of a final cut mark ("…", "...", "[...]"), which the
 * verification needs to forgive a dateline or a cut. */
#include "dd.h"
#include "fold.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

void dd_text_free(struct dd_text *t)
{
	buf_free(&t->fold);
	free(t->code);
	free(t->mask);
	memset(t, 0, sizeof *t);
}

/* Words in the folded form of s[0..n). */
static unsigned words_in(const char *s, size_t n)
{
	struct buf f = {0};
	fold(s, n, FOLD_WORDS, &f, NULL);
	unsigned k = f.len ? 1 : 0;
	for (size_t i = 0; i < f.len; i++)
		k += f.p[i] == ' ';
	buf_free(&f);
	return k;
}

static int is_dash_at(const char *s, size_t n, size_t i, size_t *len)
{
	if (s[i] == '-' && i + 1 < n && s[i + 1] == '-') { /* "--" of wire copy */
		*len = 2;
		return 1;
	}
	if (s[i] == '-' || s[i] == ':') {
		*len = 1;
		return 1;
	}
	/* – — (U+2013, U+2014) */
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* A dateline at the start: up to five capitalized words or short numbers
 * (commas between them), an optional "(Agency)", then a dash or a colon
 * and a space. Returns its length in bytes, 0 if none. */
static size_t dateline(const char *s, size_t n)
{
	size_t i = 0, lim = n < 96 ? n : 96;
	while (i < lim && s[i] == ' ')
		i++;
	int words = 0, caps = 0;
	while (i < lim && words < 6) {
		unsigned char c = (unsigned char)s[i];
		size_t len = 1;
		int32_t cp = c < 0x80 ? c : u8_decode(s + i, n - i, &len);
		if (cp >= '0' && cp <= '9') {
			size_t j = i;
			while (j < lim && s[j] >= '0' && s[j] <= '9')
				j++;
			if (j - i > 4)
				return 0;
			i = j;
		} else if (cp != U8_INVALID && uni_is_upper(cp)) {
			i += len;
			while (i < lim) {
				c = (unsigned char)s[i];
				if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != '.' &&
				    c != '\'' && !(c == '-' && i + 1 < lim && s[i + 1] != ' '))
					break;
				if (c >= 0x80) {
					int32_t q = u8_decode(s + i, n - i, &len);
					if (q == U8_INVALID || !uni_is_letter(q))
						break;
					i += len;
				} else
					i++;
			}
			caps++;
		} else
			break;
		words++;
		if (i < lim && s[i] == ',')
			i++;
		while (i < lim && s[i] == ' ')
			i++;
	}
	if (!caps || !words)
		return 0;
	if (i < lim && s[i] == '(') {
		size_t j = i + 1;
		while (j < lim && j - i < 32 && s[j] != ')' && s[j] != '(')
			j++;
		if (j >= lim || s[j] != ')')
			return 0;
		i = j + 1;
		while (i < lim && s[i] == ' ')
			i++;
	}
	size_t dl;
	if (i >= lim || !is_dash_at(s, n, i, &dl))
		return 0;
	i += dl;
	if (i < n && s[i] != ' ')
		return 0;
	return i;
}

/* The last cut mark (… ... [...] […]) in the last 200 bytes: the byte
 * where it starts, or n if none. */
static size_t cut_mark(const char *s, size_t n)
{
	size_t from = n > 200 ? n - 200 : 0;
	size_t best = n;
	/* "…" ends in 0xA6; "..." holds a period */
	const char *e = memrchr(s + from, 0xA6, n - from);
	if (e && e - s >= 2 && (unsigned char)e[-1] == 0x80 && (unsigned char)e[-2] == 0xE2) {
		size_t b = (size_t)(e - s) - 2;
		if (b > 0 && (s[b - 1] == '[' || s[b - 1] == '('))
			b--;
		best = b;
	}
	size_t end = n;
	while (end > from) {
		const char *d = memrchr(s + from, '.', end - from);
		if (!d)
			break;
		size_t i = (size_t)(d - s);
		if (best != n && i < best)
			break;
		if (i >= 2 && s[i - 1] == '.' && s[i - 2] == '.') {
			size_t b = i - 2;
			while (b > 0 && s[b - 1] == '.')
				b--;
			if (b > 0 && (s[b - 1] == '[' || s[b - 1] == '('))
				b--;
			return best != n && best > b ? best : b;
		}
		end = i;
	}
	return best;
}

/* The bytes of f[0..64 nw) that end a word (a space, the NUL after the
 * text), a bit each. */
static void word_ends(const char *f, size_t nw, uint64_t *sp)
{
	for (size_t w = 0; w < nw; w++) {
		const char *p = f + 64 * w;
		uint64_t e = 0;
#ifdef __SSE2__
		const __m128i space = _mm_set1_epi8(' '), zero = _mm_setzero_si128();
		for (int q = 0; q < 4; q++) {
			__m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * q));
			__m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, zero));
			e |= (uint64_t)(uint16_t)_mm_movemask_epi8(m) << (16 * q);
		}
#else
		for (int b = 0; b < 64; b++)
			e |= (uint64_t)(p[b] == ' ' || !p[b]) << b;
#endif
		sp[w] = e;
	}
}

/* The low k bytes of a word (k <= 8). */
static const uint64_t low_bytes[9] = {
	0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFULL, ~0ULL,
};

void dd_normalize_fold(const char *s, size_t n, struct dd_text *t)
{
	buf_reset(&t->fold);
	fold(s, n, FOLD_WORDS, &t->fold, NULL);
	t->exact = hash_bytes(t->fold.p, t->fold.len, 0);
	t->n = 0;
	t->lead = 0;
	t->cut = DD_NOCUT;
	t->edges = 0;
}

void dd_normalize(const struct dd_words *w, const char *s, size_t n, int words, struct dd_text *t)
{
	dd_normalize_fold(s, n, t);
	if (words)
		dd_normalize_words(w, s, n, t);
}

void dd_normalize_words(const struct dd_words *w, const char *s, size_t n, struct dd_text *t)
{
	const char *f = t->fold.p;
	size_t fl = t->fold.len;
	if (!fl)
		return;
	/* the words: the folded text is words and single spaces; a bit a
	 * byte marks the ends (the spaces, and the NUL after the text), taken
	 * in order; a word of 8 bytes or fewer (most) is hashed, and checked
	 * for a digit, from one load, as dd_word_hash does */
	size_t nw = fl / 64 + 1;
	if (t->fold.cap - fl < 80)
		buf_grow(&t->fold, 80);
	f = t->fold.p;
	memset(t->fold.p + fl, 0, 80);
	if (t->mcap < nw) {
		t->mcap = nw + 64;
		t->mask = xrealloc(t->mask, t->mcap * sizeof *t->mask);
	}
	uint64_t *ends = t->mask;
	word_ends(f, nw, ends);
	size_t lim = fl; /* a word and its end take a byte at least */
	if (lim > DD_MAXWORDS)
		lim = DD_MAXWORDS;
	if (t->cap < lim) {
		t->cap = lim < 256 ? 256 : lim;
		t->code = xrealloc(t->code, t->cap * sizeof *t->code);
	}
	uint16_t *out = t->code;
	uint32_t nout = 0;
	unsigned edges = 0;
	size_t i = 0, wi = 0;
	uint64_t cur = ends[0];
	while (i < fl && nout < lim) {
		while (!cur)
			cur = ends[++wi];
		size_t j = wi * 64 + (size_t)__builtin_ctzll(cur);
		cur &= cur - 1;
		uint64_t h;
		int digit;
		size_t len = j - i;
		if (len <= 8) {
			uint64_t x;
			memcpy(&x, f + i, 8);
			x &= low_bytes[len];
			uint64_t d = x ^ 0x3030303030303030ULL; /* bytes '0'..'9': below 10 */
			digit = ((d - 0x0A0A0A0A0A0A0A0AULL) & ~d & 0x8080808080808080ULL) != 0;
			h = (((uint64_t)len * 0x9E3779B97F4A7C15ULL) ^ x) * 0xBF58476D1CE4E5B9ULL;
			h = hash_u64(h ^ (h >> 29));
		} else
			h = dd_word_hash(f + i, len, &digit);
		uint16_t code;
		size_t next = j + 1;
		if (digit)
			code = (uint16_t)(DD_NUM | (h & 0x7FFF));
		else {
			const uint64_t *v = (w->filter[(h >> 48) / 64] >> ((h >> 48) % 64)) & 1
						    ? h64map_get(&w->map, h) : NULL;
			code = v ? (uint16_t)(*v & 0xFFFF) : 0;
			if (v && (*v >> 32)) {
				/* the longest phrase starting here */
				size_t pe[8];
				unsigned k = 0;
				size_t p = j;
				while (k + 1 < w->max_phrase && p < fl) {
					const char *e2 = memchr(f + p + 1, ' ', fl - p - 1);
					p = e2 ? (size_t)(e2 - f) : fl;
					pe[k++] = p;
				}
				while (k--) {
					int dg;
					const uint64_t *pv = h64map_get(&w->phrases, dd_word_hash(f + i, pe[k] - i, &dg));
					if (pv) {
						code = (uint16_t)*pv;
						next = pe[k] + 1;
						/* the ends after the phrase's */
						wi = pe[k] / 64;
						cur = ends[wi] & ((~0ULL << (pe[k] % 64)) << 1);
						break;
					}
				}
			}
			if (!code)
				code = len < 4 ? (uint16_t)(DD_WORD0 + (h & 4095))
					       : (uint16_t)(DD_LONG0 + (((h & 0xFFFFFFFFu) * (0x8000 - DD_LONG0)) >> 32));
			edges |= (unsigned)dd_is_edge(code);
		}
		out[nout++] = code;
		i = next;
	}
	t->n = nout;
	t->edges = (uint16_t)edges;
	/* a dateline, a cut mark */
	size_t d = dateline(s, n);
	if (d) {
		unsigned k = words_in(s, d);
		t->lead = (uint16_t)(k < t->n ? k : 0);
	}
	size_t c = cut_mark(s, n);
	if (c < n) {
		unsigned k = words_in(s, c);
		t->cut = (uint16_t)(k < t->n ? k : t->n);
	}
}
