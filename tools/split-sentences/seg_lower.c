/* seg_lower.c - lowercase sentence starts: whether a paragraph is written
 * in lowercase ("so the trip started badly. but by noon"), the evidence a
 * lowercase word gives ("i", a subject after "etc."), and the decision at
 * a terminator before a lowercase word. In edited text a period before a
 * lowercase word is an abbreviation's, so nothing changes there. */
#include "seg.h"

#include <string.h>

/* Does the paragraph open with a lowercase ASCII word ("so the trip",
 * "[09:15] priya: morning")? -1 if so (seg_lowstyle decides), else 0. */
int seg_opens_lower(const char *s, size_t n)
{
	size_t i = 0;
	if (n && s[0] >= 'A' && s[0] <= 'Z')
		return 0; /* the common case */
	while (i < n && !is_ascii_alnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80)
		i++;
	if (i + 4 < n && s[i] >= '0' && s[i] <= '9' && (s[i + 1] == ':' || s[i + 2] == ':')) {
		/* a time stamp and a nick: [09:15] priya: */
		while (i < n && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') && (unsigned char)s[i] < 0x80)
			i++;
	}
	size_t w = i;
	while (i < n && is_ascii_lower((unsigned char)s[i]))
		i++;
	if (i > w && i + 1 < n && s[i] == '.' && is_ascii_lower((unsigned char)s[i + 1]))
		return 0; /* e.g. */
	return i > w && (i >= n || s[i] == ' ' || s[i] == ',' || s[i] == ':' || s[i] == '\'' || s[i] == '!' ||
			 s[i] == '?' || s[i] == '\n' || s[i] == '.')
		       ? -1 : 0;
}

/* Is the paragraph written in lowercase? It opens with a lowercase word
 * (seg_opens_lower) and, after its periods, lowercase words are not fewer
 * than capitals (text that starts mid-sentence, as OCR columns do,
 * capitalizes its sentences). Then a lowercase word after a terminator
 * may start one. Computed when first asked. */
int seg_lowstyle(struct ctx *c)
{
	if (c->lowstyle >= 0)
		return c->lowstyle;
	const char *s = c->s, *p = s, *end = s + c->n;
	int lower = 0, upper = 0;
	while (end - p > 2 && (p = memchr(p, '.', (size_t)(end - p - 2)))) {
		if (p[1] == ' ') {
			unsigned char nx = (unsigned char)p[2];
			lower += is_ascii_lower(nx);
			upper += nx >= 'A' && nx <= 'Z';
		}
		p++;
	}
	return c->lowstyle = lower >= upper;
}

/* The lowercase word at s[k..) is the pronoun "i" ("i went", "i'm")? */
static int lone_i(const char *s, size_t b, size_t k)
{
	if (k + 1 >= b || s[k] != 'i')
		return 0;
	if (s[k + 1] == '\'' || ((unsigned char)s[k + 1] == 0xE2 && k + 3 < b && (unsigned char)s[k + 3] == 0x99))
		return 1;
	return s[k + 1] == ' ' && k + 3 < b && is_ascii_lower((unsigned char)s[k + 2]) &&
	       is_ascii_lower((unsigned char)s[k + 3]); /* not "i t i" (OCR) */
}

/* Does the lowercase word at k start a sentence after a terminator?
 * strict: the word before is an abbreviation that usually ends one (etc.,
 * p.m.), so only a subject or a question word counts ("etc. can you").
 * Evidence: the paragraph is in lowercase, or the word is "i". */
int seg_lower_starts(struct ctx *c, size_t k, int strict)
{
	const char *s = c->s;
	size_t b = c->b, e = k;
	if (lone_i(s, b, k))
		return 1;
	if (!seg_lowstyle(c))
		return 0;
	while (e < b && is_ascii_lower((unsigned char)s[e]))
		e++;
	if (e == k)
		return 0;
	unsigned v = sr_get(c->r, s + k, e - k);
	if (v & SR_NOSTART)
		return 0; /* "2 tsp. of salt": an abbreviation the lists lack */
	return !strict || (v & SR_SUBJECT);
}

/* The class of a lowercase word before a period as its Title-case form
 * ("dr." as Dr., "st." as St.) when that is an abbreviation's, else
 * W_REGULAR: lowercase text writes abbreviations in lowercase. */
static int title_class(const struct ctx *c, size_t ts, size_t p)
{
	enum { TITLE_MAX = 16 };
	char w[TITLE_MAX];
	size_t n = p - ts;
	if (n >= TITLE_MAX || !n || !is_ascii_lower((unsigned char)c->s[ts]))
		return W_REGULAR;
	memcpy(w, c->s + ts, n);
	w[0] = (char)(w[0] - 32);
	switch (sr_get(c->r, w, n) & SR_CLASS) {
	case SR_NEVER: return W_NEVER;
	case SR_MAYEND: case SR_USUALLY: return W_USUAL; /* "st. ives", but "inc. we" */
	}
	return W_REGULAR; /* not-before-number words too: "tue. i also" */
}

/* A lowercase word at x after a terminator run that ended at i (ndots
 * periods, nq other marks): does a sentence start there? With evidence
 * (seg_lower_starts), after "?", "!", a plain word or an abbreviation
 * that usually ends one ("tue. i also", "etc. can you"). Without it the
 * sentence goes on, as it does in news and in quotations ("ask what are
 * they looking for? and in all seriousness"). */
int seg_lower_start(struct ctx *c, size_t i, int ndots, int nq, const struct next *x)
{
	const char *s = c->s;
	if (ndots >= 3 || (ndots && nq) || !seg_lower_starts(c, x->w, 0))
		return 0; /* "it was ok... not great": a pause; no evidence */
	if (nq)
		return 1;
	size_t ts = seg_token_start(c, i), k = ts;
	while (k < i && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k == i)
		return 0; /* "2. hold the button": a list mark, a number */
	int cls = seg_left_class(c, ts, i);
	if (cls == W_REGULAR)
		cls = title_class(c, ts, i);
	switch (cls) {
	case W_NUMERIC: return i - ts > 1; /* "tue. i also", but not "7 p. m." */
	case W_REGULAR: return 1;
	case W_USUAL: return seg_lower_starts(c, x->w, 1);
	}
	return 0;
}
