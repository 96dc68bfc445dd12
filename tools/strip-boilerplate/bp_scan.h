/* bp_scan.h - 16 bytes at a time for the hot loops of bp_features: the run
 * of ASCII letters and digits a word starts with, and the words of the
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
/* (and 32 bytes at a time on x86-64 machines with AVX2, chosen when the
 * program runs: GCC and clang build such a function without -mavx2) */
#if defined(BP_SCAN_SSE2) && defined(__x86_64__) && defined(__GNUC__) && defined(__has_attribute)
#if __has_attribute(target)
#include <immintrin.h>
#define BP_SCAN_AVX2 1
#endif
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

/* Does s[0..n) hold an ASCII digit? */
static inline int bp_has_digit(const char *s, size_t n)
{
	size_t k = 0;
#ifdef BP_SCAN_SSE2
	const __m128i lo = _mm_set1_epi8((char)('0' - 0x80 - 1)), hi = _mm_set1_epi8((char)('9' - 0x80 + 1));
	const __m128i flip = _mm_set1_epi8((char)0x80);
	for (; k + 16 <= n; k += 16) {
		__m128i v = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + k)), flip);
		if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, lo), _mm_cmplt_epi8(v, hi))))
			return 1;
	}
#endif
	for (; k < n; k++)
		if ((unsigned char)(s[k] - '0') < 10)
			return 1;
	return 0;
}

/* What bp_features needs of the middle s[a..b) of a long line, looking
 * at s[k] for k in [a, b - 1): 1 when it is plain (no '[', no lead byte
 * 0xE3..0xE9 of a script written without spaces, no "://" inside),
 * with its spaces followed by something else in *sp; else 0 (*sp not
 * set). It stops at the first sign of markup, and the counts add up in
 * byte lanes. */
static inline int bp_mid_plain(const char *s, size_t a, size_t b, unsigned *sp)
{
	unsigned n = 0;
	size_t k = a;
#ifdef BP_SCAN_SSE2
	const __m128i space = _mm_set1_epi8(' '), lb = _mm_set1_epi8('['), cl = _mm_set1_epi8(':');
	const __m128i sl = _mm_set1_epi8('/'), zero = _mm_setzero_si128();
	const __m128i bias = _mm_set1_epi8((char)(0xE3 - 0x80)), lim = _mm_set1_epi8((char)(0x80 + 7));
	/* reads s[k .. k + 16], all before b */
	while (k + 17 <= b) {
		__m128i acc = zero;
		for (int r = 0; r < 255 && k + 17 <= b; r++, k += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
			__m128i nx = _mm_loadu_si128((const __m128i *)(const void *)(s + k + 1));
			__m128i ends = _mm_andnot_si128(_mm_cmpeq_epi8(nx, space), _mm_cmpeq_epi8(v, space));
			acc = _mm_sub_epi8(acc, ends);
			__m128i rare = _mm_or_si128(_mm_cmpeq_epi8(v, lb), _mm_cmplt_epi8(_mm_sub_epi8(v, bias), lim));
			__m128i cs = _mm_and_si128(_mm_cmpeq_epi8(v, cl), _mm_cmpeq_epi8(nx, sl));
			if (_mm_movemask_epi8(rare))
				return 0;
			for (unsigned m = (unsigned)_mm_movemask_epi8(cs); m; m &= m - 1) {
				size_t at = k + (unsigned)__builtin_ctz(m);
				if (at + 2 < b && s[at + 2] == '/')
					return 0;
			}
		}
		__m128i sum = _mm_sad_epu8(acc, zero);
		n += (unsigned)_mm_cvtsi128_si32(sum) + (unsigned)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	}
#endif
	for (; k + 1 < b; k++) {
		unsigned char ch = (unsigned char)s[k], nx = (unsigned char)s[k + 1];
		n += (ch == ' ') & (nx != ' ');
		if (ch == '[' || (unsigned char)(ch - 0xE3) < 7 ||
		    (ch == ':' && k + 2 < b && nx == '/' && s[k + 2] == '/'))
			return 0;
	}
	*sp = n;
	return 1;
}

#ifdef BP_SCAN_AVX2
/* bp_mid_plain 32 bytes at a time (the machine must have AVX2): the same
 * answers, the last bytes by bp_mid_plain. */
__attribute__((target("avx2"))) static inline int bp_mid_plain_avx2(const char *s, size_t a, size_t b, unsigned *sp)
{
	unsigned n = 0;
	size_t k = a;
	const __m256i space = _mm256_set1_epi8(' '), lb = _mm256_set1_epi8('['), cl = _mm256_set1_epi8(':');
	const __m256i sl = _mm256_set1_epi8('/'), zero = _mm256_setzero_si256();
	const __m256i bias = _mm256_set1_epi8((char)(0xE3 - 0x80)), lim = _mm256_set1_epi8((char)(0x80 + 7));
	/* reads s[k .. k + 32], all before b */
	while (k + 33 <= b) {
		__m256i acc = zero;
		for (int r = 0; r < 255 && k + 33 <= b; r++, k += 32) {
			__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + k));
			__m256i nx = _mm256_loadu_si256((const __m256i *)(const void *)(s + k + 1));
			__m256i ends = _mm256_andnot_si256(_mm256_cmpeq_epi8(nx, space), _mm256_cmpeq_epi8(v, space));
			acc = _mm256_sub_epi8(acc, ends);
			__m256i rare = _mm256_or_si256(_mm256_cmpeq_epi8(v, lb),
						       _mm256_cmpgt_epi8(lim, _mm256_sub_epi8(v, bias)));
			__m256i cs = _mm256_and_si256(_mm256_cmpeq_epi8(v, cl), _mm256_cmpeq_epi8(nx, sl));
			if (_mm256_movemask_epi8(rare))
				return 0;
			for (unsigned m = (unsigned)_mm256_movemask_epi8(cs); m; m &= m - 1) {
				size_t at = k + (unsigned)__builtin_ctz(m);
				if (at + 2 < b && s[at + 2] == '/')
					return 0;
			}
		}
		__m256i sum = _mm256_sad_epu8(acc, zero);
		__m128i s2 = _mm_add_epi64(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
		n += (unsigned)_mm_cvtsi128_si32(s2) + (unsigned)_mm_cvtsi128_si32(_mm_srli_si128(s2, 8));
	}
	unsigned rest;
	if (!bp_mid_plain(s, k, b, &rest))
		return 0;
	*sp = n + rest;
	return 1;
}

/* Does this machine have AVX2? (asked once) */
static inline int bp_have_avx2(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx2") != 0;
	}
	return have;
}
#endif

/* bp_mid_plain, 32 bytes at a time where the machine can. */
static inline int bp_mid_plain_fast(const char *s, size_t a, size_t b, unsigned *sp)
{
#ifdef BP_SCAN_AVX2
	if (bp_have_avx2())
		return bp_mid_plain_avx2(s, a, b, sp);
#endif
	return bp_mid_plain(s, a, b, sp);
}

#endif
