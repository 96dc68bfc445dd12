/* bp_wscan.c - the word scan of bp_features 64 bytes at a time (SSE2),
 * with the counts of bp_words.c's reference scan. A block of ASCII bytes
 * becomes bit masks (letters, capitals, digits, spaces, apostrophes and
 * hyphens, sentence marks, colons, quotes); a word's bytes are its letters
 * and digits with an apostrophe or hyphen between a letter or digit and a
 * letter; words start and end where that mask flips, and the scan looks
 * at single bytes only at word ends (lookups), colons and punctuation.
 * The counts of a block are the set bits of its masks. A byte beyond
 * ASCII is read as a code point, as the reference does. */
#include "bp_words.h"
#include "bp_scan.h"
#include "unicode.h"
#include "utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>

/* The scan's state. The block loop keeps what it changes at every block
 * in locals and the rest here; the step over a code point beyond ASCII
 * and the rarer word ends work on all of it here. */
struct wst {
	struct acc *A;
	const char *s;
	size_t n;
	unsigned lookup_max;
	int trig;
	size_t i, w0; /* (saved around cp_step) */
	int inword, cap, slow, low, num, sent_start;
	unsigned words, looked, nstop, lower, numeric;
	unsigned capwords, cap_stops, verbs, speech, address, commas, quotes;
	unsigned letters, upper, digits, visible, cjk;
	int inq, colon;
	int32_t first, last, lastsent;
	uint64_t p0, p1, hicp;
};

/* inq after m straight quotes from inq0 (each does inq = !inq). */
static inline int inq_after(int inq0, unsigned m)
{
	return m == 0 ? inq0 : (m & 1) ? !inq0 : inq0 != 0;
}

/* A looked-up word of class k (not 0): a stopword, a verb, speech, a
 * word addressing the reader (idx: its number in the line; cap, mid: it
 * is capitalized, inside a sentence; inq: inside a quotation). */
static inline void classed(struct wst *T, unsigned k, const char *w, size_t wn, unsigned idx, int cap, int mid,
			   int inq)
{
	T->nstop += k & BP_STOPWORD;
	if (cap)
		T->cap_stops += (k & BP_STOPWORD) && mid && idx < BP_TITLE_WORDS;
	if (k & (BP_VERB | BP_SPEECH | BP_ADDRESS | BP_ADDRESS_CAP)) {
		T->verbs += (k & BP_VERB) != 0;
		T->speech += (k & BP_SPEECH) != 0;
		/* (not "US", the country) */
		T->address += !inq && (((k & BP_ADDRESS) && !(cap && wn == 2 && w[1] == 'S')) ||
				       ((k & BP_ADDRESS_CAP) && cap && mid));
	}
}

/* What a looked-up word adds (the reference's BP_END_WORD past its
 * count; the capital was counted when the word started). */
static inline void looked_word(struct wst *T, unsigned k, const char *w, size_t wn, unsigned idx, int cap, int low,
			       int num, int slow, int mid, int inq)
{
	if (k)
		classed(T, k, w, wn, idx, cap, mid, inq);
	if (!(k & (BP_VERB | BP_SPEECH | BP_ADDRESS | BP_ADDRESS_CAP)) && !slow && low && idx && wn >= 4 &&
	    w[wn - 1] == 'd' && w[wn - 2] == 'e')
		T->verbs++;
	T->lower += (unsigned)low;
	T->numeric += (unsigned)num;
}

/* A word ends, any word (the reference's BP_END_WORD). */
static inline __attribute__((always_inline)) void word_end(struct wst *T, const char *w, size_t wn, int cap, int low, int num, int slow, int mid, int inq)
{
	unsigned idx = T->words++;
	size_t avail = (size_t)(T->s + T->n - w);
	if (T->looked < T->lookup_max) {
		T->looked++;
		unsigned k = bp_lookup_word(T->A, w, wn, slow, avail);
		looked_word(T, k, w, wn, idx, cap, low, num, slow, mid, inq);
	} else if (T->trig && (slow || bp_may_trigger(T->A->c, w, wn, avail))) {
		bp_lookup_word(T->A, w, wn, slow, avail);
	}
}

/* The word at T->w0 ends at T->i, as the reference ends it. */
static void end_here(struct wst *T)
{
	int mid = !T->sent_start;
	T->sent_start = 0;
	word_end(T, T->s + T->w0, T->i - T->w0, T->cap, T->low, T->num, T->slow, mid, T->inq);
	T->inword = 0;
}

/* The code point at T->i (beyond ASCII), as the reference reads it. */
static __attribute__((noinline)) void cp_step(struct wst *T)
{
	const char *s = T->s;
	size_t n = T->n, i = T->i, clen;
	int32_t cp = u8_decode(s + i, n - i, &clen);
	int alnum = 0, up = 0;
	if (cp < 0) {
		alnum = 0;
	} else if (bp_is_cjk(cp)) {
		if (T->inword)
			end_here(T);
		T->cjk++;
		T->letters++;
		if (!T->first)
			T->first = cp;
		T->visible++;
		T->hicp |= 1ULL << (cp & 63);
		T->last = T->lastsent = cp;
		T->i += clen;
		return;
	} else if (uni_is_letter(cp)) {
		alnum = 1;
		up = uni_is_upper(cp);
		T->letters++;
		T->upper += (unsigned)up;
	} else if (uni_is_digit(cp)) {
		alnum = 1;
		T->digits++;
	} else if (cp == 0x2019 && T->inword && i + clen < n &&
		   (bp_ktab[(unsigned char)s[i + clen]] & (K_LOWER | K_UPPER))) {
		alnum = 1; /* a typographic apostrophe inside a word */
	}
	if (alnum) {
		if (!T->inword) {
			T->inword = 1, T->w0 = i, T->cap = up;
			T->low = !up && uni_is_letter(cp), T->num = !T->low && !up;
			T->capwords += (unsigned)up;
			if (T->colon == 3)
				T->colon = T->low ? 2 : 1;
		}
		T->slow = 1;
	} else if (T->inword) {
		end_here(T);
	}
	if (cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0xBB) {
		T->quotes++;
		T->inq = cp == 0x201E ? 2 : cp == 0x201C && T->inq == 2 ? 0 : T->inq ? 0 : 1;
	} else if (cp == 0x201D) {
		T->quotes++;
		T->inq = 0;
	}
	if (cp >= 0)
		T->hicp |= 1ULL << (cp & 63);
	if (cp < 0 || !uni_is_space(cp)) {
		if (!T->first)
			T->first = cp < 0 ? 0xFFFD : cp;
		T->visible++;
		if (cp >= 0) {
			T->last = cp;
			if (!uni_is_closer(cp))
				T->lastsent = cp;
		}
	}
	T->i += clen;
}

/* ':' at the bits of m of the block at i: "://", or a "Label: " among
 * the first words. */
static void colons(struct wst *T, size_t i, uint64_t m)
{
	const char *s = T->s;
	size_t n = T->n;
	for (; m; m &= m - 1) {
		size_t at = i + (unsigned)__builtin_ctzll(m);
		if (at + 2 < n && s[at + 1] == '/' && s[at + 2] == '/')
			T->A->url3 = 1;
		else if (!T->colon && T->words >= 1 && T->words <= 3 && at + 1 < n && s[at + 1] == ' ')
			T->colon = 3;
	}
}

/* (the scan is built twice, see bp_scan_words) */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define BP_WSCAN_CLONES 1
#endif
#endif
/* (and its masks 32 bytes at a time there: GCC 12 knows the ISA level) */
#if defined(BP_WSCAN_CLONES) && defined(BP_SCAN_AVX2) && __GNUC__ >= 12
#define BP_WSCAN_V3 1
/* Is this machine x86-64-v3? (asked once) */
static int have_v3(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("x86-64-v3") != 0;
	}
	return have;
}
#endif

#define RANGE(v, lo, n) /* lo <= v < lo + n, for ASCII v */ \
	_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - (lo)))), _mm_set1_epi8((char)(-128 + (n))))
#define EQ(v, c) _mm_cmpeq_epi8(v, _mm_set1_epi8((char)(c)))
#define MM(x) ((uint64_t)(unsigned)_mm_movemask_epi8(x))

/* Set bits of a 64-bit mask. */
static inline unsigned pop64(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}

/* The bit masks of a block of 64 bytes (bit k: byte k). */
struct masks {
	uint64_t hi, let, dg, sp, b5, jn, cq;
};

static inline __attribute__((always_inline)) void block_masks(const char *p, struct masks *M)
{
	uint64_t m[7][4];
#pragma GCC unroll 4
	for (int q = 0; q < 4; q++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * q));
		m[0][q] = MM(v);
		m[1][q] = MM(RANGE(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26));
		m[2][q] = MM(RANGE(v, '0', 10));
		m[3][q] = MM(_mm_or_si128(EQ(v, ' '), RANGE(v, '\t', 5)));
		m[4][q] = MM(_mm_slli_epi16(v, 2)); /* bit 5 of each byte */
		m[5][q] = MM(_mm_or_si128(EQ(v, '\''), EQ(v, '-')));
		m[6][q] = MM(_mm_or_si128(EQ(v, ':'), EQ(v, '"')));
	}
	uint64_t r[7];
#pragma GCC unroll 7
	for (int k = 0; k < 7; k++)
		r[k] = m[k][0] | m[k][1] << 16 | m[k][2] << 32 | m[k][3] << 48;
	M->hi = r[0], M->let = r[1], M->dg = r[2], M->sp = r[3], M->b5 = r[4], M->jn = r[5], M->cq = r[6];
}

#ifdef BP_WSCAN_V3
/* The same masks 32 bytes at a time (the machine must be x86-64-v3). */
/* (its constants from memory: built in place at every call, they would
 * cost as much as the masks) */
#define K32(c) {c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c}
static const char masks_k[10][32] __attribute__((aligned(32))) = {
	K32(0x20), K32((char)(0x80 - 'a')), K32((char)(-128 + 26)), K32((char)(0x80 - '0')), K32((char)(-128 + 10)),
	K32((char)(0x80 - '\t')), K32((char)(-128 + 5)), K32(' '), K32('\''), K32('-')};
static const char masks_k2[2][32] __attribute__((aligned(32))) = {K32(':'), K32('"')};
#undef K32
#define KV(t, i) _mm256_load_si256((const __m256i *)(const void *)t[i])
#define RANGE2(v, a, b) _mm256_cmpgt_epi8(KV(k, b), _mm256_add_epi8(v, KV(k, a)))
#define MM2(x) ((uint64_t)(unsigned)_mm256_movemask_epi8(x))
__attribute__((target("arch=x86-64-v3"))) static inline void block_masks_v3(const char *p, struct masks *M)
{
	/* (hidden from the compiler, which would build them in place again) */
	const char(*k)[32] = masks_k, (*k2)[32] = masks_k2;
	__asm__("" : "+r"(k), "+r"(k2));
	uint64_t m[7][2];
#pragma GCC unroll 2
	for (int q = 0; q < 2; q++) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32 * q));
		m[0][q] = MM2(v);
		m[1][q] = MM2(RANGE2(_mm256_or_si256(v, KV(k, 0)), 1, 2));
		m[2][q] = MM2(RANGE2(v, 3, 4));
		m[3][q] = MM2(_mm256_or_si256(_mm256_cmpeq_epi8(v, KV(k, 7)), RANGE2(v, 5, 6)));
		m[4][q] = MM2(_mm256_slli_epi16(v, 2)); /* bit 5 of each byte */
		m[5][q] = MM2(_mm256_or_si256(_mm256_cmpeq_epi8(v, KV(k, 8)), _mm256_cmpeq_epi8(v, KV(k, 9))));
		m[6][q] = MM2(_mm256_or_si256(_mm256_cmpeq_epi8(v, KV(k2, 0)), _mm256_cmpeq_epi8(v, KV(k2, 1))));
	}
	M->hi = m[0][0] | m[0][1] << 32, M->let = m[1][0] | m[1][1] << 32, M->dg = m[2][0] | m[2][1] << 32;
	M->sp = m[3][0] | m[3][1] << 32, M->b5 = m[4][0] | m[4][1] << 32, M->jn = m[5][0] | m[5][1] << 32;
	M->cq = m[6][0] | m[6][1] << 32;
}
#undef KV
#undef RANGE2
#undef MM2
#endif

/* Does the word starting at bit ks of the block p start a sentence: a
 * sentence mark (. ! ? : " () among the bytes since the word before it
 * (W: the block's word bytes), or, with no word before it in the block
 * nor one going on into it (inword0), from before (sent0)? */
static inline int sent_before(const char *p, uint64_t W, unsigned ks, int inword0, int sent0)
{
	uint64_t below = ks ? W & (~0ULL >> (64 - ks)) : 0;
	unsigned lo = below ? 64 - (unsigned)__builtin_clzll(below) : 0;
	for (unsigned k = lo; k < ks; k++)
		if (bp_ktab[(unsigned char)p[k]] & K_SENT)
			return 1;
	return !below && !inword0 && sent0;
}

/* The colons and quotes of a block that holds one of them. */
static inline void block_cq(const char *p, uint64_t *cl, uint64_t *qt)
{
	uint64_t c = 0, q = 0;
#pragma GCC unroll 4
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
		c |= MM(EQ(v, ':')) << (16 * k);
		q |= MM(EQ(v, '"')) << (16 * k);
	}
	*cl = c, *qt = q;
}

/* what the block loop keeps in locals, in and out of T */
#define SAVE() (T.i = i, T.w0 = w0, T.inword = inword, T.cap = cap, T.slow = slow, T.low = low, T.num = num, \
		T.sent_start = sent_start, T.p0 = p0, T.p1 = p1)
#define LOAD() (i = T.i, w0 = T.w0, inword = T.inword, cap = T.cap, slow = T.slow, low = T.low, num = T.num, \
		sent_start = T.sent_start, p0 = T.p0, p1 = T.p1)

/* (built twice, chosen when the program starts: for machines with the
 * bit instructions of x86-64-v3 (popcnt, tzcnt, blsr, shlx ...), which
 * most of the scan's mask work is, and for any x86-64) */
#ifdef BP_WSCAN_CLONES
__attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
void bp_scan_words(struct acc *A, const char *s, size_t n, int link)
{
	struct wst T;
	/* (every field set one by one: a memset of it costs more than the
	 * scan of a short line) */
	T.i = T.w0 = 0;
	T.inword = T.cap = T.slow = T.low = T.num = 0;
	T.capwords = T.letters = T.upper = T.digits = T.visible = T.cjk = 0;
	T.p0 = T.p1 = T.hicp = 0;
	T.A = A, T.s = s, T.n = n, T.lookup_max = A->lookup_max, T.trig = A->trig;
	T.sent_start = A->sent_start;
	T.words = A->words, T.looked = A->looked, T.nstop = A->stop, T.lower = A->lower, T.numeric = A->numeric;
	T.cap_stops = A->cap_stops, T.verbs = A->verbs, T.speech = A->speech, T.address = A->address;
	T.commas = A->commas, T.quotes = A->quotes, T.inq = A->inq, T.colon = A->colon;
	T.first = A->first, T.last = A->last, T.lastsent = A->lastsent;
	const struct bp_config *c = A->c;
	const uint64_t *wfilter = c->wfilter;
	const struct wordset *words_set = &c->words;
	size_t i, w0;
	int inword, cap, slow, low, num, sent_start;
	uint64_t p0, p1;
#ifdef BP_WSCAN_V3
	const int v3 = have_v3();
#endif
	LOAD();
	while (i < n) {
		char buf[64];
		const char *p = s + i;
		unsigned len = 64, cnext = 0; /* cnext: the byte after the block */
		if (n - i < 64) {
			memset(buf, 0, sizeof buf);
			memcpy(buf, p, n - i);
			p = buf;
			len = (unsigned)(n - i);
		} else if (n - i > 64) {
			cnext = (unsigned char)s[i + 64];
		}
		/* the words whose shape counts are those looked up */
		int looking = T.looked < T.lookup_max;
		struct masks M;
#ifdef BP_WSCAN_V3
		if (v3)
			block_masks_v3(p, &M);
		else
#endif
			block_masks(p, &M);
		uint64_t V = len == 64 ? ~0ULL : (1ULL << len) - 1;
		uint64_t hi = M.hi & V;
		if (hi & 1) {
			SAVE();
			cp_step(&T);
			LOAD();
			continue;
		}
		if (hi) { /* the ASCII bytes before it */
			len = (unsigned)__builtin_ctzll(hi), cnext = 0x80;
			V = (1ULL << len) - 1;
		}
		uint64_t LET = M.let & V, DG = M.dg & V, SP = M.sp & V, JN = M.jn & V;
		uint64_t UP = LET & ~M.b5, LOW = LET & M.b5, AL = LET | DG;
		uint64_t CL = 0, QT = 0;
		if (M.cq & V) {
			block_cq(p, &CL, &QT);
			CL &= V, QT &= V;
		}
		T.letters += pop64(LET), T.upper += pop64(UP), T.digits += pop64(DG);
		T.visible += len - pop64(SP);
		/* an apostrophe or hyphen after a letter or digit (or a word
		 * going on from before) and before a letter stays in the word */
		uint64_t nl = (unsigned)((cnext | 0x20) - 'a') < 26;
		uint64_t LETn = (LET >> 1) | (nl << (len - 1));
		uint64_t IN = JN & LETn & ((AL << 1) | (uint64_t)inword);
		uint64_t W = AL | IN;
		uint64_t Wp = ((W << 1) | (uint64_t)inword) & V;
		uint64_t S = W & ~Wp, E = Wp & ~W, NW = V & ~W, P = NW & ~SP;
		for (uint64_t m = P; m; m &= m - 1) {
			unsigned char ch = (unsigned char)p[__builtin_ctzll(m)];
			uint64_t b = 1ULL << (ch & 63);
			p0 |= ch < 64 ? b : 0;
			p1 |= ch < 64 ? 0 : b;
			T.commas += ch == ',';
		}
		uint64_t vis = V & ~SP;
		if (!T.first)
			for (uint64_t m = vis; m; m &= m - 1) {
				unsigned char ch = (unsigned char)p[__builtin_ctzll(m)];
				if (ch) {
					T.first = ch;
					break;
				}
			}
		T.capwords += pop64(S & UP);
		const int inword0 = inword, sent0 = sent_start;
#define SENT_BEFORE(k) sent_before(p, W, (k), inword0, sent0)
		/* inside a quotation at bit k of the block? (straight quotes) */
#define INQ_AT(k) (QT ? inq_after(T.inq, pop64(QT & ((1ULL << (k)) - 1))) : T.inq)
		uint64_t e = E;
		if (inword && e) { /* the word from before ends */
			unsigned ke = (unsigned)__builtin_ctzll(e);
			e &= e - 1;
			word_end(&T, s + w0, i + ke - w0, cap, low, num, slow, !sent_start, INQ_AT(ke));
		}
		/* the order of colons and words matters only while a "Label:"
		 * may start (no colon decided yet, at most three words) or
		 * awaits its next word: else a colon only tells "://" */
		if (CL && T.colon != 3 && (T.colon || T.words > 3)) {
			colons(&T, i, CL);
			CL = 0;
		}
		if (CL | (T.colon == 3)) {
			/* in order: the colons before each word, then the word */
			uint64_t done = 0, st = S;
			for (; st; st &= st - 1) {
				unsigned ks = (unsigned)__builtin_ctzll(st);
				uint64_t before = ((1ULL << ks) - 1) & ~done;
				if (CL & before)
					colons(&T, i, CL & before);
				done = (1ULL << ks) - 1;
				if (T.colon == 3)
					T.colon = LOW >> ks & 1 ? 2 : 1;
				if (!e)
					break; /* it goes on past the block */
				unsigned ke = (unsigned)__builtin_ctzll(e);
				e &= e - 1;
				word_end(&T, s + i + ks, ke - ks, UP >> ks & 1, LOW >> ks & 1, DG >> ks & 1, 0,
					 !SENT_BEFORE(ks), INQ_AT(ke));
				done = (1ULL << ke) - 1;
			}
			if (CL & ~done)
				colons(&T, i, CL & ~done);
		} else if (e) {
			uint64_t st = S;
			unsigned words = T.words, looked = T.looked;
			/* the words looked up (as many as the line's lookups
			 * leave): a packed key, its filter bit, then the word
			 * set; past the block's 72nd byte from the end, every
			 * word has 8 bytes to read */
			unsigned take = looked < T.lookup_max ? T.lookup_max - looked : 0, ne = pop64(e);
			take = take < ne ? take : ne;
			const char *b = s + i, *end = s + n;
			const int room = n - i >= 72;
			for (unsigned q = 0; q < take; q++) {
				unsigned ks = (unsigned)__builtin_ctzll(st), ke = (unsigned)__builtin_ctzll(e);
				st &= st - 1, e &= e - 1;
				const char *w = b + ks;
				size_t wn = ke - ks;
				unsigned idx = words + q, k = 0;
				if (wn <= 8 && (room || end - w >= 8)) {
					uint64_t key;
					memcpy(&key, w, 8);
					key = (key | 0x2020202020202020ULL) & bp_key_mask(wn);
					if (key == 0x777777) /* "www" */
						A->www = 1;
					unsigned h = bp_wfilter_slot(key);
					if (wfilter[h >> 6] >> (h & 63) & 1)
						k = bp_found(wordset_get_packed(words_set, key), &A->rules);
				} else {
					k = bp_lookup_word(A, w, wn, 0, (size_t)(end - w));
				}
				if (k & (BP_STOPWORD | BP_VERB | BP_SPEECH | BP_ADDRESS | BP_ADDRESS_CAP)) {
					/* (inside a sentence or not matters only
					 * for these) */
					int cp = UP >> ks & 1, mid = 1;
					if (cp && (((k & BP_STOPWORD) && idx < BP_TITLE_WORDS) || (k & BP_ADDRESS_CAP)))
						mid = !SENT_BEFORE(ks);
					classed(&T, k, w, wn, idx, cp, mid, INQ_AT(ke));
				}
				if (!(k & (BP_VERB | BP_SPEECH | BP_ADDRESS | BP_ADDRESS_CAP)) && w[wn - 1] == 'd' && wn >= 4 &&
				    w[wn - 2] == 'e' && (LOW >> ks & 1) && idx)
					T.verbs++;
			}
			words += take, looked += take;
			uint64_t looks = S ^ st; /* the first bits of the words looked up */
			if (e && !T.trig) {
				words += pop64(e); /* past the lookups: counted only */
			} else {
				for (; e; e &= e - 1, st &= st - 1) {
					unsigned ks = (unsigned)__builtin_ctzll(st), ke = (unsigned)__builtin_ctzll(e);
					const char *w = s + i + ks;
					words++;
					if (bp_may_trigger(c, w, ke - ks, (size_t)(s + n - w)))
						bp_lookup_word(A, w, ke - ks, 0, (size_t)(s + n - w));
				}
			}
			T.words = words, T.looked = looked;
			T.lower += pop64(looks & LOW), T.numeric += pop64(looks & DG);
		}
#undef INQ_AT
		/* the sentence flag after the block (it matters for the words
		 * looked up only) */
		if (W >> (len - 1) & 1) {
			/* it ends in a word: one that started here, or the one
			 * from before, going on */
			if (S) {
				unsigned ks = 63 - (unsigned)__builtin_clzll(S);
				w0 = i + ks, cap = UP >> ks & 1, low = LOW >> ks & 1, num = DG >> ks & 1, slow = 0;
				if (looking)
					sent_start = SENT_BEFORE(ks);
			}
			inword = 1;
		} else {
			if (looking)
				sent_start = SENT_BEFORE(len);
			inword = 0;
		}
#undef SENT_BEFORE
		if (QT) {
			unsigned q = pop64(QT);
			T.quotes += q;
			T.inq = inq_after(T.inq, q);
		}
		if (vis) {
			unsigned k = 63 - (unsigned)__builtin_clzll(vis);
			T.last = (unsigned char)p[k];
			for (uint64_t m = vis;;) {
				unsigned char ch = (unsigned char)p[k];
				if (!(bp_ktab[ch] & K_CLOSER)) {
					T.lastsent = ch;
					break;
				}
				m &= ~(1ULL << k);
				if (!m)
					break;
				k = 63 - (unsigned)__builtin_clzll(m);
			}
		}
		i += len;
	}
	SAVE();
	if (inword)
		end_here(&T);
	A->words = T.words;
	A->capwords += T.capwords;
	A->looked = T.looked;
	A->stop = T.nstop;
	A->cap_stops = T.cap_stops;
	A->sent_start = T.sent_start;
	A->verbs = T.verbs, A->speech = T.speech, A->address = T.address, A->lower = T.lower;
	A->numeric = T.numeric, A->commas = T.commas, A->quotes = T.quotes;
	A->inq = T.inq, A->colon = T.colon, A->first = T.first;
	A->letters += T.letters;
	A->upper += T.upper;
	A->digits += T.digits;
	A->visible += T.visible;
	A->cjk += T.cjk;
	A->link += link ? T.visible : 0;
	A->last = T.last;
	A->lastsent = T.lastsent;
	A->punct[0] |= T.p0;
	A->punct[1] |= T.p1;
	A->hicp |= T.hicp;
}
#endif
