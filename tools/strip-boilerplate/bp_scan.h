/* bp_scan.h - 16 bytes at a time for the hot loops of bp_features: the run
 * of ASCII letters and digits a word starts with, and the counts over the
 * plain middle of a long line. SSE2 where the compiler has it (every
 * x86-64), else one byte at a time; both give the same answers. */
#ifndef STRIP_BOILERPLATE_BP_SCAN_H
#define STRIP_BOILERPLATE_BP_SCAN_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define BP_SCAN_SSE2 1
#endif

/* Set bits of a 16-bit mask. */
static inline unsigned bp_pop16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555u);
	x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
	x = (x + (x >> 4)) & 0x0F0Fu;
	return (x + (x >> 8)) & 0x1Fu;
}

/* The ASCII letters and digits at the start of the 16 bytes at p: their
 * number goes to *len (16: all of them), and the return value is their
 * capitals plus their digits << 16. */
static inline uint32_t bp_run16(const char *p, unsigned *len)
{
#ifdef BP_SCAN_SSE2
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i lo = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8('a' - 1)),
				       _mm_cmplt_epi8(lo, _mm_set1_epi8('z' + 1)));
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
				      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	__m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
				      _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
	unsigned dm = (unsigned)_mm_movemask_epi8(digit);
	unsigned stop = ~((unsigned)_mm_movemask_epi8(letter) | dm) & 0xFFFFu;
	unsigned k = stop ? (unsigned)__builtin_ctz(stop) : 16;
	unsigned keep = (1u << k) - 1;
	*len = k;
	/* most words have no digit and at most one capital */
	unsigned u = (unsigned)_mm_movemask_epi8(upper) & keep, d = dm & keep;
	uint32_t r = (u & (u - 1)) ? bp_pop16(u) : (u != 0);
	if (d)
		r += bp_pop16(d) << 16;
	return r;
#else
	uint32_t r = 0;
	unsigned k = 0;
	for (; k < 16; k++) {
		unsigned char c = (unsigned char)p[k];
		if (c >= 'A' && c <= 'Z')
			r += 1;
		else if (c >= '0' && c <= '9')
			r += 1u << 16;
		else if (!(c >= 'a' && c <= 'z'))
			break;
	}
	*len = k;
	return r;
#endif
}

/* Over s[k] for k in [a, b - 1): spaces followed by something else (the
 * words of the middle), '[', ':', lead bytes 0xE3..0xE9 (scripts
 * written without spaces), and "://" (inside [a, b)). */
struct bp_mid { unsigned sp, br, colon, cjk, url; };

static inline void bp_mid_count(const char *s, size_t a, size_t b, struct bp_mid *m)
{
	unsigned sp = 0, br = 0, colon = 0, cjk = 0, url = 0;
	size_t k = a;
#ifdef BP_SCAN_SSE2
	const __m128i space = _mm_set1_epi8(' '), lb = _mm_set1_epi8('['), cl = _mm_set1_epi8(':');
	const __m128i sl = _mm_set1_epi8('/');
	const __m128i bias = _mm_set1_epi8((char)(0xE3 - 0x80)), lim = _mm_set1_epi8((char)(0x80 + 7));
	/* reads s[k .. k + 17], all before b */
	for (; k + 18 <= b; k += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
		__m128i nx = _mm_loadu_si128((const __m128i *)(const void *)(s + k + 1));
		__m128i nx2 = _mm_loadu_si128((const __m128i *)(const void *)(s + k + 2));
		unsigned vs = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, space));
		unsigned ns = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(nx, space));
		sp += bp_pop16(vs & ~ns & 0xFFFFu);
		br += bp_pop16((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, lb)));
		__m128i colons = _mm_cmpeq_epi8(v, cl);
		colon += bp_pop16((unsigned)_mm_movemask_epi8(colons));
		__m128i u3 = _mm_and_si128(colons, _mm_and_si128(_mm_cmpeq_epi8(nx, sl), _mm_cmpeq_epi8(nx2, sl)));
		url += bp_pop16((unsigned)_mm_movemask_epi8(u3));
		/* (unsigned)(ch - 0xE3) < 7 as a signed compare after a shift */
		__m128i sh = _mm_sub_epi8(v, bias);
		cjk += bp_pop16((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(sh, lim)));
	}
#endif
	for (; k + 1 < b; k++) {
		unsigned char ch = (unsigned char)s[k], nx = (unsigned char)s[k + 1];
		sp += (ch == ' ') & (nx != ' ');
		br += ch == '[';
		colon += ch == ':';
		cjk += (unsigned char)(ch - 0xE3) < 7;
		url += ch == ':' && k + 2 < b && nx == '/' && s[k + 2] == '/';
	}
	m->sp = sp, m->br = br, m->colon = colon, m->cjk = cjk, m->url = url;
}

#endif
