/* bp_words.h - what the two word scans of bp_features share (inside the
 * engine only): the counts they add to (struct acc), the byte classes, the
 * word lookups (stopword? trigger word of a rule?) and what is done when
 * a word ends. bp_words.c scans one byte at a time (the reference, and
 * the scan of machines without SSE2); bp_wscan.c scans 64 bytes at a time
 * and gives the same counts (tests/unit/strip-boilerplate_words.c). */
#ifndef STRIP_BOILERPLATE_BP_WORDS_H
#define STRIP_BOILERPLATE_BP_WORDS_H

#include "bp.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

struct acc {
	const struct bp_config *c;
	unsigned words, stop, capwords, upper, letters, digits, visible, link, cjk;
	uint64_t rules;
	uint64_t punct[2]; /* ASCII punctuation seen (bit per byte value) */
	uint64_t hicp;     /* non-ASCII code points seen (bit cp % 64) */
	int www;           /* a word "www" */
	int url3;          /* "://" in the text scanned */
	unsigned looked, lookup_max; /* words looked up, and the most to look up */
	int trig;          /* after those, look up the words that may be trigger words */
	unsigned cap_stops;  /* capitalized stopwords inside a sentence, first words */
	int sent_start;      /* the next word starts a sentence */
	unsigned verbs, speech, address, lower, numeric, commas; /* sentence shape (bp_line.h) */
	unsigned quotes;     /* quotation marks */
	int inq;             /* inside a quotation: 1, or 2 after a low opening mark */
	int colon;           /* a "Label:" at the start: 3 while its next word is awaited */
	int32_t first;       /* first visible code point */
	unsigned middle;   /* words counted by spaces only */
	int32_t last;     /* last visible non-space code point */
	int32_t lastsent; /* last one that is not a closing quote or bracket */
};

/* A = all zero, in vector stores where the compiler has them (a memset
 * of it is a rep stos, which costs more than the scan of a short line). */
static inline void bp_acc_clear(struct acc *A)
{
#if defined(__SSE2__)
	if (sizeof *A == 160) {
		/* (written out: a loop of them would become the memset again) */
		const __m128i z = _mm_setzero_si128();
		__m128i *p = (__m128i *)(void *)A;
		_mm_storeu_si128(p, z), _mm_storeu_si128(p + 1, z), _mm_storeu_si128(p + 2, z);
		_mm_storeu_si128(p + 3, z), _mm_storeu_si128(p + 4, z), _mm_storeu_si128(p + 5, z);
		_mm_storeu_si128(p + 6, z), _mm_storeu_si128(p + 7, z), _mm_storeu_si128(p + 8, z);
		_mm_storeu_si128(p + 9, z);
		return;
	}
#endif
	memset(A, 0, sizeof *A);
}

/* Plain text (no markup) s[0..n) into A; link: it is the text of a link.
 * The reference, one byte at a time: */
void bp_scan_words_ref(struct acc *A, const char *s, size_t n, int link);
/* ... and the same 64 bytes at a time (SSE2), or the reference. */
#if defined(__SSE2__)
void bp_scan_words(struct acc *A, const char *s, size_t n, int link);
#else
#define bp_scan_words bp_scan_words_ref
#endif

enum { K_LOWER = 1, K_UPPER = 2, K_DIGIT = 4, K_SPACE = 8, K_CLOSER = 16, K_SENT = 32 };
extern unsigned char bp_ktab[256];
extern unsigned char bp_klow[256]; /* ASCII lowercase */
/* Fill the tables (once). */
void bp_words_init(void);

/* The bytes of a word of wn bytes (1 to 8) in its packed key. */
static inline uint64_t bp_key_mask(size_t wn)
{
	static const uint64_t mask[9] = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL,
					 0xFFFFFFFFFFFFFFULL, ~0ULL};
	return mask[wn];
}

/* The signature (ws_sig) of the lowercase form of the ASCII word w. */
static inline unsigned bp_ascii_sig(const char *w, size_t wn)
{
	const unsigned char *u = (const unsigned char *)w;
	return ws_sig_of(bp_klow[u[0]], bp_klow[u[wn > 1]], bp_klow[u[wn - 1]], wn);
}

/* What the word set holds for a word: its class flags (BP_STOPWORD ...),
 * and its rules' bits ORed into *rules; 0 when absent. */
static inline unsigned bp_found(const struct ws_val *v, uint64_t *rules)
{
	if (!v)
		return 0;
	*rules |= v->bits;
	return (unsigned)v->cls;
}

/* Look a word up (stopword? trigger of rules?); slow: it is not all
 * ASCII. Returns its class flags. Out of line: the scan loops only
 * count, and lowercase nothing. */
unsigned bp_lookup_slow(struct acc *A, const char *w, size_t wn, int slow);

/* The same, inline for the common case: an ASCII word of at most 8 bytes
 * with 8 bytes to read (avail: bytes from w to the end of the text). */
static inline unsigned bp_lookup_word(struct acc *A, const char *w, size_t wn, int slow, size_t avail)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (!slow && wn <= 8 && avail >= 8) {
		const struct wordset *ws = &A->c->words;
		/* the word's bytes are letters, digits, apostrophes and
		 * hyphens: setting bit 5 of each lowercases it (and packs it
		 * as ws_pack does) */
		uint64_t key;
		memcpy(&key, w, 8);
		key = (key | 0x2020202020202020ULL) & bp_key_mask(wn);
		if (key == 0x777777) /* "www" */
			A->www = 1;
		unsigned h = bp_wfilter_slot(key);
		if (A->c->wfilter[h >> 6] >> (h & 63) & 1)
			return bp_found(wordset_get_packed(ws, key), &A->rules);
		return 0;
	}
#else
	(void)avail;
#endif
	if (!slow && wn > 8) {
		/* a longer ASCII word: most are not in the set */
		const struct wordset *ws = &A->c->words;
		if (wn > ws->maxlen || !ws_filter_has(ws->sig, bp_ascii_sig(w, wn)))
			return 0;
		unsigned h = bp_long_slot(w, wn);
		if (!(A->c->lfilter[h >> 6] >> (h & 63) & 1))
			return 0;
	}
	return bp_lookup_slow(A, w, wn, slow);
}

/* Could the ASCII word w be a trigger word of a rule? (avail: bytes from
 * w to the end of the text) */
static inline int bp_may_trigger(const struct bp_config *c, const char *w, size_t wn, size_t avail)
{
	const struct wordset *ws = &c->words;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (wn <= 8 && avail >= 8) {
		uint64_t key;
		memcpy(&key, w, 8);
		key = (key | 0x2020202020202020ULL) & bp_key_mask(wn);
		unsigned h = bp_wfilter_slot(key);
		return c->tfilter[h >> 6] >> (h & 63) & 1;
	}
#else
	(void)avail;
#endif
	return wn <= ws->bits_maxlen && ws_filter_has(ws->bits_sig, bp_ascii_sig(w, wn));
}

/* A word ended: count it and look it up while the line's lookups last,
 * then only where it may be a trigger word (trig). "To", "In", "Of"
 * capitalized inside a sentence count as title case. The looked-up words
 * also give the shape of a sentence: verbs (a lowercase English word in
 * -ed after the first counts as one), reported speech, words addressing
 * the reader outside quotation marks (INQ: inside one), lowercase and
 * numeric words. The scans keep their counts in locals of these names
 * (stores through A could alias the text). */
#define BP_END_WORD(w, wn, INQ)                                                          \
	do {                                                                             \
		unsigned idx_ = words++;                                                 \
		capwords += cap;                                                         \
		int mid_ = !sent_start;                                                  \
		sent_start = 0;                                                          \
		if (looked < lookup_max) {                                               \
			looked++;                                                        \
			unsigned k_ = bp_lookup_word(A, (w), (wn), slow, (size_t)(s + n - (w))); \
			nstop += k_ & BP_STOPWORD;                                       \
			cap_stops += (k_ & BP_STOPWORD) && cap && mid_ && idx_ < BP_TITLE_WORDS; \
			if (k_ & (BP_VERB | BP_SPEECH | BP_ADDRESS | BP_ADDRESS_CAP)) {  \
				verbs += (k_ & BP_VERB) != 0;                            \
				speech += (k_ & BP_SPEECH) != 0;                         \
				/* (not "US", the country) */                            \
				address += !(INQ) && (((k_ & BP_ADDRESS) && !(cap && (wn) == 2 && (w)[1] == 'S')) || \
						      ((k_ & BP_ADDRESS_CAP) && cap && mid_)); \
			} else if (!slow && low && idx_ && (wn) >= 4 && (w)[(wn) - 1] == 'd' && \
				   (w)[(wn) - 2] == 'e') {                               \
				verbs++;                                                 \
			}                                                                \
			lower += low;                                                    \
			numeric += num;                                                  \
		} else if (trig && (slow || bp_may_trigger(A->c, (w), (wn), (size_t)(s + n - (w))))) { \
			bp_lookup_word(A, (w), (wn), slow, (size_t)(s + n - (w)));       \
		}                                                                        \
	} while (0)

/* A word starts: after "Label: " its case says whether a label or a
 * sentence goes on. */
#define BP_START_WORD(islow)                                                             \
	do {                                                                             \
		if (colon == 3)                                                          \
			colon = (islow) ? 2 : 1;                                         \
	} while (0)

#endif
