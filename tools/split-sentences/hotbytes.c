/* hotbytes.c - the hot-byte mask of 64 bytes (see hotbytes.h): nibble
 * table lookups (AVX2 shuffles) where the CPU has them, compares (SSE2) or
 * a byte loop elsewhere. All give the same bits. */
#include "hotbytes.h"

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define HOT_X86 1
#endif

/* The classes by nibble (AND of the low and high nibble entries). For the
 * byte itself: bits 1, 2, 4 mark \n, ! ., : ; < ? (always hot); bits 0x10
 * (I O), 0x28 (A), 0x40 (F), 0x80 (D) mark the capitals of the heading
 * words. For the byte after a capital: 0x10 n, 0x20 t, 0x08 c f l,
 * 0x40 o, 0x80 e u. A capital is hot when the two share a bit (In On At
 * Ac Af Al Fo De Du: the openings of glued_heading's words) and a space
 * comes before it. */
#define LO_TABLE 0, 2 | 0x28, 0, 0, 0x80, 0, 0x40, 0, 0, 0x10, 1 | 4, 4, 4, 0, 2, 4 | 0x10
#define HI_TABLE 1, 0, 2, 4, 0xF8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#define NLO_TABLE 0, 0, 0, 0x08, 0x20, 0x80, 0x08, 0, 0, 0, 0, 0, 0x08, 0, 0x10, 0x40
#define NHI_TABLE 0, 0, 0, 0, 0, 0, 0xD8, 0xA0, 0, 0, 0, 0, 0, 0, 0, 0

static int plain_hot(const unsigned char *p, int k)
{
	unsigned char c = p[k], n = p[k + 1];
	if (c == '.' || c == '?' || c == '!' || c == '\n' || c == ':' || c == ';' || c == '<' || c >= 0xE2)
		return 1;
	if (p[k - 1] != ' ')
		return 0;
	switch (c) {
	case 'I': case 'O': return n == 'n';
	case 'A': return n == 't' || n == 'c' || n == 'f' || n == 'l';
	case 'F': return n == 'o';
	case 'D': return n == 'e' || n == 'u';
	}
	return 0;
}

uint64_t hot64_ref(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t m = 0;
	for (int k = 0; k < 64; k++)
		m |= (uint64_t)plain_hot(p, k) << k;
	return m;
}

#if defined(HOT_X86)
__attribute__((target("avx2"))) static uint64_t hot64_avx2(const char *s)
{
	const __m256i lo_t = _mm256_setr_epi8(LO_TABLE, LO_TABLE), hi_t = _mm256_setr_epi8(HI_TABLE, HI_TABLE);
	const __m256i nlo_t = _mm256_setr_epi8(NLO_TABLE, NLO_TABLE),
		      nhi_t = _mm256_setr_epi8(NHI_TABLE, NHI_TABLE);
	const __m256i nib = _mm256_set1_epi8(0x0F), seven = _mm256_set1_epi8(7), caps_m = _mm256_set1_epi8((char)0xF8);
	const __m256i zero = _mm256_setzero_si256(), high = _mm256_set1_epi8((char)0xE2);
	const __m256i sp = _mm256_set1_epi8(' ');
	uint64_t out = 0;
	for (int h = 0; h < 2; h++) {
		const char *p = s + 32 * h;
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
		__m256i next = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));
		__m256i prev = _mm256_loadu_si256((const __m256i *)(const void *)(p - 1));
		__m256i cls = _mm256_and_si256(_mm256_shuffle_epi8(lo_t, _mm256_and_si256(v, nib)),
					       _mm256_shuffle_epi8(hi_t, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib)));
		__m256i ncls = _mm256_and_si256(
			_mm256_shuffle_epi8(nlo_t, _mm256_and_si256(next, nib)),
			_mm256_shuffle_epi8(nhi_t, _mm256_and_si256(_mm256_srli_epi16(next, 4), nib)));
		__m256i term = _mm256_cmpeq_epi8(_mm256_and_si256(cls, seven), zero); /* NOT hot */
		term = _mm256_andnot_si256(term, _mm256_set1_epi8(-1));
		term = _mm256_or_si256(term, _mm256_cmpeq_epi8(_mm256_max_epu8(v, high), v));
		__m256i caps = _mm256_cmpeq_epi8(_mm256_and_si256(_mm256_and_si256(cls, caps_m), ncls), zero);
		caps = _mm256_andnot_si256(caps, _mm256_cmpeq_epi8(prev, sp));
		out |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(term, caps)) << (32 * h);
	}
	return out;
}

#if defined(__SSE2__)
static uint64_t hot64_sse2(const char *s)
{
	const __m128i c1 = _mm_set1_epi8('.'), c2 = _mm_set1_epi8('?'), c3 = _mm_set1_epi8('!'),
		      c4 = _mm_set1_epi8('\n'), c5 = _mm_set1_epi8(':'), hi = _mm_set1_epi8((char)0xE2);
	const __m128i sp = _mm_set1_epi8(' ');
#define EQ(x, ch) _mm_cmpeq_epi8((x), _mm_set1_epi8(ch))
	uint64_t out = 0;
	for (int q = 0; q < 4; q++) {
		const char *p = s + 16 * q;
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c1), _mm_cmpeq_epi8(v, c2)),
					 _mm_or_si128(_mm_cmpeq_epi8(v, c3), _mm_cmpeq_epi8(v, c4)));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c5), _mm_or_si128(EQ(v, ';'), EQ(v, '<'))));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_max_epu8(v, hi), v));
		__m128i n = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
		__m128i prev = _mm_loadu_si128((const __m128i *)(const void *)(p - 1));
		__m128i caps = _mm_and_si128(_mm_or_si128(EQ(v, 'I'), EQ(v, 'O')), EQ(n, 'n'));
		caps = _mm_or_si128(caps, _mm_and_si128(EQ(v, 'A'), _mm_or_si128(_mm_or_si128(EQ(n, 't'), EQ(n, 'c')),
										    _mm_or_si128(EQ(n, 'f'), EQ(n, 'l')))));
		caps = _mm_or_si128(caps, _mm_and_si128(EQ(v, 'F'), EQ(n, 'o')));
		caps = _mm_or_si128(caps, _mm_and_si128(EQ(v, 'D'), _mm_or_si128(EQ(n, 'e'), EQ(n, 'u'))));
		caps = _mm_and_si128(caps, _mm_cmpeq_epi8(prev, sp));
		out |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(m, caps)) << (16 * q);
	}
#undef EQ
	return out;
}
#define HOT_FALLBACK hot64_sse2
#else
#define HOT_FALLBACK hot64_ref
#endif

static uint64_t hot64_first(const char *s);
static uint64_t (*hot64_fn)(const char *) = hot64_first;

/* the first call picks the implementation */
static uint64_t hot64_first(const char *s)
{
	__builtin_cpu_init();
	hot64_fn = __builtin_cpu_supports("avx2") ? hot64_avx2 : HOT_FALLBACK;
	return hot64_fn(s);
}

uint64_t hot64(const char *p)
{
	return hot64_fn(p);
}
#else
uint64_t hot64(const char *p)
{
	return hot64_ref(p);
}
#endif
