/* eq_names.c - what a document says about a name beyond the mention in
 * hand: whether a capitalized word is written lowercase nearby (then a
 * sentence starting with it is no name), the fuller form of a short name
 * ('Juan Guaido' for 'Guaido'), and the first names and titles written
 * before a surname (its gender; whether two people bear it). Looked up in
 * the raw paragraphs, cached per document in eqi.names. */
#include "eq_int.h"
#include "unicode.h"
#include "utf8.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The first place at or after at, before end, where w[0..wn) is written,
 * or NULL: all of them, in order, as a memchr for w[0] and a memcmp at
 * each hit would find, with its first two bytes looked for 16 places at a
 * time (for a lowercase word: memchr would stop every few bytes; for a
 * capitalized one memchr is faster). */
static const char *find_word(const char *at, const char *end, const char *w, size_t wn)
{
	if (wn > (size_t)(end - at))
		return NULL;
	const char *last = end - wn; /* the last place it can start */
#if defined(__SSE2__)
	if (wn >= 2) {
		const __m128i c0 = _mm_set1_epi8(w[0]), c1 = _mm_set1_epi8(w[1]);
		/* 16 places need 17 bytes: at + 16 < end */
		while (at + 16 < end && at <= last) {
			__m128i a = _mm_loadu_si128((const __m128i *)(const void *)at);
			__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(at + 1));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, c0), _mm_cmpeq_epi8(b, c1)));
			while (m) {
				const char *p = at + __builtin_ctz(m);
				if (p > last)
					return NULL;
				if (!memcmp(p, w, wn))
					return p;
				m &= m - 1;
			}
			at += 16;
		}
	}
#endif
	for (; at <= last && (at = memchr(at, w[0], (size_t)(last - at) + 1)); at++)
		if (!memcmp(at, w, wn))
			return at;
	return NULL;
}

static int letter_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Is the capitalized word w (ASCII capital first) written lowercase as a
 * word near paragraph pi ('Federal mandates ...' beside 'a federal
 * department')? Then a sentence starting with it is no name. Cached per
 * document with the full names. */
int low_somewhere(struct eqi *I, uint32_t pi, const char *w, size_t wn)
{
	if (wn < 2 || wn > 40 || w[0] < 'A' || w[0] > 'Z')
		return 0;
	char lw[40];
	memcpy(lw, w, wn);
	lw[0] = (char)(lw[0] | 0x20);
	uint64_t key = hash_bytes(lw, wn, 0x6c6f77 + pi) & ~1ULL; /* even: apart from full_name's odd keys */
	uint64_t *hit = h64map_get(&I->names, key);
	if (hit)
		return (int)*hit;
	int found = 0;
	/* the paragraphs around it: a whole front page is too far to look */
	for (size_t p = pi > 3 ? pi - 3 : 0; p < I->np && p <= pi + 3 && !found; p++) {
		const char *s = I->p[p].s, *end = s + I->p[p].n, *at = s;
		while (at < end && (at = find_word(at, end, lw, wn))) {
			size_t o = (size_t)(at - s);
			at++;
			if ((o + wn < (size_t)(end - s) && letter_at(s, o + wn)) || (o > 0 && letter_at(s, o - 1)))
				continue;
			found = 1;
			break;
		}
	}
	*h64map_put(&I->names, key, NULL) = (uint64_t)found;
	return found;
}

/* ---- the gender of a surname ---- */

enum { NAME_WINDOW = 100 };

/* What the document up to paragraph pi (the NAME_WINDOW paragraphs
 * before it) writes before a one-word name w:
 * the gender its first names and titles give ('Bernie Sanders', 'Mr.
 * Sanders'; both bits when they disagree), and how many first names of
 * each gender come before it (Donald, Eric and Ivanka Trump): the
 * SURNAME_* bits. Kept per document: what was seen, and how far. */
int surname_facts(const struct eq_rules *R, struct eqi *I, uint32_t pi, const char *w, size_t wn)
{
	if (!wn || wn > 60)
		return 0;
	uint64_t key = hash_bytes(w, wn, 0x67656e64) & ~1ULL;
	uint64_t *hit = h64map_get(&I->names, key);
	/* bits 0-1 gender; per class (male, female, unknown) 12 bits of a first
	 * name's hash and a bit for a second one, from bit 2; bit 41- the
	 * paragraphs seen */
	uint64_t v = hit ? *hit : 0;
	int g = (int)(v & 3);
	uint32_t fh[3], two[3];
	for (int k = 0; k < 3; k++) {
		fh[k] = (uint32_t)(v >> (2 + 13 * k)) & 0xFFF;
		two[k] = (uint32_t)(v >> (14 + 13 * k)) & 1;
	}
	size_t from = (size_t)(v >> 41);
	if (pi > NAME_WINDOW && from < pi - NAME_WINDOW)
		from = pi - NAME_WINDOW;
	for (size_t p = from; p <= pi && p < I->np; p++) {
		const char *s = I->p[p].s, *end = s + I->p[p].n, *at = s;
		while (at < end && (at = memchr(at, w[0], (size_t)(end - at)))) {
			size_t o = (size_t)(at - s);
			at++;
			if ((size_t)(end - s) - o < wn || memcmp(s + o, w, wn) != 0 ||
			    (o + wn < (size_t)(end - s) && letter_at(s, o + wn)) || o < 3 || s[o - 1] != ' ')
				continue;
			size_t b = o - 1, q = b;
			while (q > 0 && s[q - 1] != ' ' && b - q < 20)
				q--;
			char low[24];
			size_t n = 0;
			for (size_t k = q; k < b && n < sizeof low; k++)
				low[n++] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] | 0x20) : s[k];
			if (n && low[n - 1] == '.')
				n--;
			if (!n || s[q] < 'A' || s[q] > 'Z')
				continue;
			uint64_t c = wordset_cls(&R->words, low, n);
			int cls = 2;
			/* the long lists' first names count here: before a surname */
			if (!(c & (EQ_W_MALE | EQ_W_FEMALE)))
				c |= eq_list_has(&R->male, low, n) ? EQ_W_MALE : eq_list_has(&R->female, low, n) ? EQ_W_FEMALE : 0;
			if ((c & EQ_W_MALE) || (n == 2 && !memcmp(low, "mr", 2))) {
				g |= 1;
				cls = 0;
			} else if ((c & EQ_W_FEMALE) || (n == 3 && !memcmp(low, "mrs", 3)) || (n == 2 && !memcmp(low, "ms", 2))) {
				g |= 2;
				cls = 1;
			}
			/* a first name: letters only ('Meanwhile, Maduro' has none) */
			int letters = 1;
			for (size_t k = q; k < b && letters; k++)
				letters = letter_at(s, k) || s[k] == '-';
			if (letters && (!(c & (EQ_W_TITLE | EQ_W_FUNC | EQ_W_CUE | EQ_W_PRON | EQ_W_TIME | EQ_W_ORG |
						EQ_W_PLACE | EQ_W_ROLE | EQ_W_PEOPLE)) ||
					(c & (EQ_W_MALE | EQ_W_FEMALE)))) {
				uint32_t h = (uint32_t)(hash_bytes(low, n, 0) & 0xFFF) | 1;
				if (!fh[cls])
					fh[cls] = h;
				else if (fh[cls] != h)
					two[cls] = 1;
			}
		}
	}
	if (pi + 1 > (uint32_t)(v >> 41)) {
		uint64_t nv = ((uint64_t)(pi + 1) << 41) | (uint64_t)g;
		for (int k = 0; k < 3; k++)
			nv |= ((uint64_t)fh[k] << (2 + 13 * k)) | ((uint64_t)two[k] << (14 + 13 * k));
		*h64map_put(&I->names, key, NULL) = nv;
	}
	int f = (g & 1 ? EQ_G_MALE : 0) | (g & 2 ? EQ_G_FEMALE : 0);
	int nm = (fh[0] != 0) + (int)two[0], nf = (fh[1] != 0) + (int)two[1], nu = (fh[2] != 0) + (int)two[2];
	if (nm + nu >= 2)
		f |= SURNAME_SHARED_MALE;
	if (nf + nu >= 2)
		f |= SURNAME_SHARED_FEMALE;
	return f;
}

/* ---- the full name of a short form ---- */

static int cap_at(const char *s, size_t n)
{
	size_t len;
	int32_t cp = u8_decode(s, n, &len);
	return cp >= 0 && uni_is_upper(cp);
}

/* The first fuller form 'Juan Guaido' of a one-word name 'Guaido' in the
 * document up to paragraph pi (in the NAME_WINDOW paragraphs before it: a
 * long document stays linear): the capitalized words right before it;
 * with want (EQ_G_* bits), one whose first name is of no other gender. */
void full_name(const struct eq_rules *R, struct eqi *I, uint32_t pi, int want, uint32_t *fp, uint32_t *fb, uint32_t *fe)
{
	struct par *P = &I->p[*fp];
	const char *w = P->s + *fb;
	size_t wn = *fe - *fb;
	if (!wn || memchr(w, ' ', wn))
		return;
	/* asked before in this document? (paragraph + 1, start, end packed) */
	uint64_t key = hash_bytes(w, wn, 0x66756c6c + (uint64_t)want) | 1;
	const uint64_t MISS = 1ULL << 63;
	uint64_t *hit = h64map_get(&I->names, key);
	uint32_t from = pi > NAME_WINDOW ? pi - NAME_WINDOW : 0;
	if (hit) {
		if (*hit & MISS) {
			uint32_t seen = (uint32_t)(*hit & ~MISS);
			if (seen >= pi)
				return; /* not there up to pi */
			if (seen + 1 > from)
				from = seen + 1;
		} else {
			uint32_t hp = (uint32_t)(*hit >> 42) - 1;
			if (hp <= pi) {
				*fp = hp;
				*fb = (uint32_t)(*hit >> 21) & 0x1FFFFF;
				*fe = (uint32_t)*hit & 0x1FFFFF;
			}
			return; /* its first fuller form, before pi or not */
		}
	}
	*h64map_put(&I->names, key, NULL) = MISS | pi;
	for (uint32_t p = from; p <= pi; p++) {
		struct par *Q = &I->p[p];
		const char *s = Q->s, *end = Q->s + Q->n, *at = s;
		while (at < end && (at = memchr(at, w[0], (size_t)(end - at)))) {
			if ((size_t)(end - at) < wn || memcmp(at, w, wn) != 0) {
				at++;
				continue;
			}
			size_t o = (size_t)(at - s);
			at += wn;
			if (at < end && ((*at >= 'a' && *at <= 'z') || (*at >= 'A' && *at <= 'Z') || (unsigned char)*at >= 0x80))
				continue;
			/* the capitalized words before it, titles not included */
			size_t b = o, words = 0;
			while (words < 2 && b >= 2 && s[b - 1] == ' ') {
				size_t q = b - 1;
				while (q > 0 && s[q - 1] != ' ' && s[q - 1] != '\t' && s[q - 1] != '\n' && s[q - 1] != '"')
					q--;
				if (q >= b - 1 || !cap_at(s + q, b - 1 - q))
					break;
				const char *x = s + q;
				size_t xn = b - 1 - q;
				if (!xn || !letter_at(x, xn - 1) || ((unsigned char)x[xn - 1] >= 0x80 &&
								      (unsigned char)x[xn - 1] < 0xC0 && xn >= 3 &&
								      (unsigned char)x[xn - 3] == 0xE2))
					break; /* 'Cruz,”' is no part of a name */
				if (xn > 3 && x[xn - 1] == 't' && (x[xn - 2] == '\'' || (xn > 5 && !memcmp(x + xn - 4, "\xe2\x80\x99", 3))))
					break; /* Don't */
				buf_reset(&I->low);
				for (size_t k = 0; k < xn; k++)
					buf_addc(&I->low, x[k] >= 'A' && x[k] <= 'Z' ? (char)(x[k] | 0x20) : x[k]);
				uint64_t c = wordset_cls(&R->words, I->low.p, I->low.len);
				if (c & (EQ_W_TITLE | EQ_W_FUNC | EQ_W_PRON | EQ_W_CUE | EQ_W_TIME | EQ_W_ORG) &&
				    !(c & (EQ_W_MALE | EQ_W_FEMALE)))
					break;
				b = q;
				words++;
				/* the first name of the gender asked for: Hillary, not
				 * Bill, Clinton for a "she" */
				if (want && (((c & EQ_W_MALE) && !(want & EQ_G_MALE)) ||
					     ((c & EQ_W_FEMALE) && !(c & EQ_W_MALE) && !(want & EQ_G_FEMALE)))) {
					words = 0;
					break;
				}
			}
			if (words) {
				*fp = p;
				*fb = (uint32_t)b;
				*fe = (uint32_t)(o + wn);
				if (p < (1u << 21) && o + wn < (1u << 21))
					*h64map_put(&I->names, key, NULL) =
						((uint64_t)(p + 1) << 42) | ((uint64_t)b << 21) | (uint64_t)(o + wn);
				return;
			}
		}
	}
}
