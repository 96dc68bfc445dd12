/* seg_lists.c - inline lists: "1. The first item 2. The second item" is
 * cut where each next number (or letter) of the same style follows white
 * space or a bullet; so is a list after a short label ("Steps: 1. preheat
 * the oven 2. grease the tin"), the first item staying with its label,
 * unless the items complete the clause before the colon ("please bring:
 * 1. a laptop 2. your badge"). */
#include "seg.h"

#include <stdio.h>
#include <string.h>

/* Parse a list mark at s[i]: a number of 1-3 digits, or "a"/"A", then
 * ".", ")" or ".)", then a space. Sets the value and the style. */
static int list_mark(const char *s, size_t n, size_t i, int *val, int *letter, const char **style,
		     size_t *end)
{
	size_t k = i;
	int v = 0;
	while (k < n && k - i < 3 && s[k] >= '0' && s[k] <= '9')
		v = v * 10 + (s[k++] - '0');
	*letter = 0;
	if (k == i) {
		if (k < n && (s[k] == 'a' || s[k] == 'A')) {
			*letter = s[k];
			k++;
		} else {
			return 0;
		}
	}
	if (k < n && s[k] >= '0' && s[k] <= '9')
		return 0;
	if (k + 1 < n && s[k] == '.' && s[k + 1] == ')')
		*style = ".)", k += 2;
	else if (k < n && s[k] == ')')
		*style = ")", k++;
	else if (k < n && s[k] == '.' && *letter != 'A')
		*style = ".", k++;
	else
		return 0;
	if (k >= n || (s[k] != ' ' && s[k] != '\t' && (unsigned char)s[k] != 0xC2))
		return 0;
	*val = v;
	*end = k;
	return 1;
}

enum {
	LIST_LABEL_MAX = 60,  /* bytes before the colon of a label that opens a list */
	LIST_LABEL_WORDS = 2, /* "Steps:", "Known issues:": a label this short */
	LIST_CLAUSE_WORDS = 3, /* an item of this many words is a clause */
};

/* A label and its colon at s[colon], then a list mark: where the mark
 * starts, or 0. The items are units of their own after a short label
 * ("Steps:") or when the first is a clause of three words or more ("for
 * us: 1. reset the modem"); not when it opens with a joiner ("bring: 1. a
 * laptop") or is a bare word after a longer lead-in ("we need to buy: 1)
 * milk"). */
static size_t after_label(const struct ctx *c, size_t colon)
{
	const char *s = c->s;
	size_t n = c->n, k = colon + 1, l;
	if (k >= n || !space_len(s, n, k))
		return 0;
	while (k < n && (l = space_len(s, n, k)))
		k += l;
	if (k >= n || !((s[k] >= '0' && s[k] <= '9') || s[k] == 'a' || s[k] == 'A'))
		return 0; /* no list mark */
	size_t m = k;
	while (m < n && m - k < 4 && s[m] != ' ')
		m++; /* the mark; then the first word of the item */
	size_t w = m + 1, e = w;
	while (e < n && is_ascii_alnum((unsigned char)s[e]))
		e++;
	if (m >= n || e == w || seg_word_is(c, w, e, SR_JOINER))
		return 0;
	int label_words = 1, item_words = 1;
	for (size_t p = 0; p < colon; p++)
		label_words += s[p] == ' ' && p > 0 && s[p - 1] != ' ';
	for (size_t p = w; p < n && item_words < LIST_CLAUSE_WORDS && !(s[p] >= '0' && s[p] <= '9'); p++)
		item_words += s[p] == ' ' && p + 1 < n && !(s[p + 1] >= '0' && s[p + 1] <= '9');
	return label_words <= LIST_LABEL_WORDS || item_words >= LIST_CLAUSE_WORDS ? k : 0;
}

/* The cuts before the items after the first, whose mark is at s[i]
 * (each moved back over white space and a bullet before its mark). */
static size_t cuts_from(const char *s, size_t n, size_t i, size_t *cuts, size_t max)
{
	int val, letter;
	const char *style;
	size_t end, nc = 0, len, l;
	if (!list_mark(s, n, i, &val, &letter, &style, &end))
		return 0;
	while (nc < max) {
		char want[16];
		int k = letter ? snprintf(want, sizeof want, "%c%s", letter + (int)nc + 1, style)
			       : snprintf(want, sizeof want, "%d%s", val + (int)nc + 1, style);
		if (letter && (letter + (int)nc + 1 > 'z' || (letter == 'A' && letter + (int)nc + 1 > 'Z')))
			break;
		size_t from = end, found = 0;
		while (from < n) {
			const char *p = memmem(s + from, n - from, want, (size_t)k);
			if (!p)
				break;
			size_t q = (size_t)(p - s), e = q + (size_t)k;
			int before = q > 0 && (space_back(s, q) ||
					       (q >= 3 && uni_is_bullet(u8_decode_back(s, q, &len))));
			if (before && e < n && space_len(s, n, e)) {
				found = 1;
				/* back over whitespace and a bullet before the mark */
				size_t at = q;
				for (;;) {
					if (at > 0 && (l = space_back(s, at))) {
						at -= l;
						continue;
					}
					if (at >= 3 && uni_is_bullet(u8_decode_back(s, at, &len))) {
						at -= len;
						continue;
					}
					break;
				}
				size_t prev = nc ? cuts[nc - 1] : 0;
				cuts[nc++] = at > prev ? at : q;
				end = e;
				break;
			}
			from = q + 1;
		}
		if (!found)
			break;
	}
	return nc;
}

/* Where the items of an inline list that opens the paragraph start. */
size_t seg_list_cuts(const struct ctx *c, size_t *cuts, size_t max)
{
	const char *s = c->s;
	size_t n = c->n, i = 0, len, l;
	for (;;) {
		if (i < n && (l = space_len(s, n, i))) {
			i += l;
			continue;
		}
		if (i < n && uni_is_bullet(dec(s, n, i, &len))) {
			i += len;
			continue;
		}
		break;
	}
	if (i >= n || !((s[i] >= '0' && s[i] <= '9') || s[i] == 'a' || s[i] == 'A'))
		return 0; /* the common case: no list mark */
	return cuts_from(s, n, i, cuts, max);
}

/* The same for a list after a label whose colon is at s[colon] (the
 * scan asks at each colon near the paragraph's start). */
size_t seg_label_list(const struct ctx *c, size_t colon, size_t *cuts, size_t max)
{
	if (colon >= LIST_LABEL_MAX)
		return 0;
	size_t k = after_label(c, colon);
	return k ? cuts_from(c->s, c->n, k, cuts, max) : 0;
}
