/* seg_next.c - the token after a boundary candidate: its kind (lowercase,
 * capitalized, a digit, punctuation that goes on), whether it usually
 * starts a sentence or goes on one (Tuesday after a.m.), whether a clause
 * starts there (a verb follows), and a quotation's attribution
 * ('"Why?" Smith asked.'). */
#include "seg.h"

#include <string.h>

enum {
	WORD_MAX = 64,        /* a longer capitalized "word" is not looked up */
	ED_VERB_MIN = 5,      /* a lowercase word of this many letters ending in -ed
			       * after a name is a verb ("Sony Corp. Sony acquired") */
	SPEAKER_MAX_WORDS = 3, /* '"Go!" Sen. Anna Ruiz said': the speaker's capitalized words */
};

void seg_next_token(const struct ctx *c, size_t j, struct next *x)
{
	const char *s = c->s;
	size_t b = c->b, len, l;
	x->opened = x->quoted = 0;
	x->wn = 0;
	while (j < b && (l = space_len(s, b, j)))
		j += l;
	if (j >= b) {
		x->kind = N_END;
		return;
	}
	int32_t cp = dec(s, b, j, &len);
	while (cp > 0 && uni_is_opener(cp)) {
		x->opened = 1;
		x->quoted |= cp != '(' && cp != '[' && cp != '{' && cp != 0xFF08;
		j += len;
		if (j >= b) {
			x->kind = N_OTHER;
			return;
		}
		cp = dec(s, b, j, &len);
	}
	if (cp < 0) {
		x->kind = N_OTHER;
	} else if (uni_is_lower(cp)) {
		x->kind = N_LOWER;
		x->w = j;
		size_t k = j;
		while (k < b && is_ascii_lower((unsigned char)s[k]))
			k++;
		x->wn = k - j; /* its ASCII letters */
	} else if (uni_is_upper(cp)) {
		x->kind = N_UPPER;
		x->w = j;
		size_t k = j + len;
		while (k < b) {
			unsigned char ch = (unsigned char)s[k];
			if (ch < 0x80 && ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')) {
				k++;
				continue;
			}
			int32_t d = dec(s, b, k, &l);
			if (d > 0 && uni_is_letter(d)) {
				k += l;
				continue;
			}
			if ((d == '\'' || d == 0x2019) && k + l < b) { /* Don't, It's */
				size_t l2;
				int32_t e = dec(s, b, k + l, &l2);
				if (e > 0 && uni_is_letter(e)) {
					k += l + l2;
					continue;
				}
			}
			break;
		}
		x->wn = k - j;
	} else if (uni_is_digit(cp) || (cp == '+' && j + 1 < b && s[j + 1] >= '0' && s[j + 1] <= '9')) {
		x->kind = N_DIGIT; /* 5, +44 20 7946 */
	} else if (!x->opened && cp < 0x80 && strchr(",;:)]}%", (int)cp)) {
		x->kind = N_CONT;
	} else {
		x->kind = N_OTHER;
	}
}

/* Is the next token a capitalized word that usually starts a sentence
 * ("The", "He", "But")? After a may-end abbreviation that decides. */
int seg_starter(const struct ctx *c, const struct next *x)
{
	if (x->kind != N_UPPER)
		return 0;
	if (x->quoted)
		return 1; /* U.S. "We ... : a quotation opens */
	if (x->wn >= WORD_MAX)
		return 0;
	char w[WORD_MAX] = {0};
	size_t n = 0, apos = 0;
	const char *p = c->s + x->w;
	for (size_t k = 0; k < x->wn; k++) {
		if ((unsigned char)p[k] == 0xE2 && k + 2 < x->wn && (unsigned char)p[k + 1] == 0x80 &&
		    (unsigned char)p[k + 2] == 0x99) {
			if (!apos)
				apos = n;
			w[n++] = '\'';
			k += 2;
			continue;
		}
		if (p[k] == '\'' && !apos)
			apos = n;
		w[n++] = p[k];
	}
	if (seg_lookup(c->r, w, n, SR_STARTER))
		return 1;
	return apos && seg_lookup(c->r, w, apos, SR_STARTER);
}

/* The lowercase ASCII word at s[k..), its length (0 if there is none).
 * "didn't" gives "did", "isn't" "is". */
static size_t lower_word(const struct ctx *c, size_t k, size_t *n_out)
{
	const char *s = c->s;
	size_t b = c->b, e = k;
	while (e < b && s[e] >= 'a' && s[e] <= 'z')
		e++;
	*n_out = e - k;
	if (e == k || (e < b && (unsigned char)s[e] >= 0x80 && s[e] != '\xE2'))
		return *n_out = 0; /* goes on with a non-ASCII letter */
	if (e - k > 1 && s[e - 1] == 'n' && e + 1 < b && (s[e] == '\'' || s[e] == '\xE2')) {
		size_t t = s[e] == '\'' ? e + 1 : e + 3;
		if (t < b && s[t] == 't')
			*n_out = e - k - 1;
	}
	return e - k;
}

/* Is the capitalized next word a continuer (Tuesday, ET)? */
int seg_continuer(const struct ctx *c, const struct next *x)
{
	return x->kind == N_UPPER && !x->opened && x->wn < WORD_MAX &&
	       (seg_lookup(c->r, c->s + x->w, x->wn, SR_CONT) & SR_CONT);
}

/* Does a clause start at the capitalized next word: is it followed by a
 * verb ("Sony has sold", "Schiff's office" is not)? */
int seg_clause_follows(const struct ctx *c, const struct next *x)
{
	if (x->kind != N_UPPER || x->quoted || seg_continuer(c, x) ||
	    (x->wn < WORD_MAX && (seg_lookup(c->r, c->s + x->w, x->wn, SR_NAMEWORD) & SR_NAMEWORD)))
		return 0;
	if (x->wn < 2 ? c->s[x->w] != 'I' : !(c->s[x->w + 1] >= 'a' && c->s[x->w + 1] <= 'z'))
		return 0; /* an acronym goes with the name: "Toyota Motor Sales Inc. USA said" */
	size_t k = x->w + x->wn, n;
	if (k + 1 >= c->b || c->s[k] != ' ')
		return 0;
	if (c->s[k + 1] >= 'A' && c->s[k + 1] <= 'Z') { /* a second capitalized word: General Motors */
		k++;
		while (k < c->b && ((c->s[k] | 0x20) >= 'a' && (c->s[k] | 0x20) <= 'z'))
			k++;
		if (k + 1 >= c->b || c->s[k] != ' ')
			return 0;
	}
	size_t len = lower_word(c, k + 1, &n);
	if (!n)
		return 0;
	if (sr_get(c->r, c->s + k + 1, n) & (SR_VERB | SR_SPEECH))
		return 1;
	return len >= ED_VERB_MIN && n == len && c->s[k + len - 1] == 'e' && c->s[k + len] == 'd';
}

/* After a quotation closed by a terminator: one to three capitalized
 * words, then a speech verb, then punctuation, the end or a lowercase
 * word ('"Why?" Smith asked.', '"Go!" Sen. Ruiz said in a statement'). */
int seg_attribution(const struct ctx *c, const struct next *x)
{
	if (x->kind != N_UPPER || x->opened)
		return 0;
	const char *s = c->s;
	size_t b = c->b, k = x->w, len;
	for (int words = 0; words <= SPEAKER_MAX_WORDS; words++) {
		if (words) {
			size_t n;
			size_t wl = lower_word(c, k, &n);
			if (wl && (sr_get(c->r, s + k, wl) & SR_SPEECH)) {
				size_t e = k + wl;
				return e >= b || strchr(",.;:!? ", s[e]) != NULL;
			}
		}
		if (words == SPEAKER_MAX_WORDS || k >= b) /* a space ended the text */
			break;
		int32_t cp = dec(s, b, k, &len);
		if (cp <= 0 || !uni_is_upper(cp))
			return 0;
		while (k < b && s[k] != ' ')
			k++;
		if (k >= b || s[k - 1] == ',' || s[k - 1] == ';')
			return 0;
		k++;
	}
	return 0;
}
