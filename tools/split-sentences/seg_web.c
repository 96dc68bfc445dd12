/* seg_web.c - what web text adds to the splitter's marks: emoticons and
 * emoji that end a sentence or follow its terminator ("Loved it :) Will
 * come back", "First! 😂 Great video"), citation and footnote marks after
 * a period ("the case.[3] The court", "children.14 15 Most"), hashtags
 * closing a post, "works?Great", stammers ("I... I"), dash asides ("--
 * presto! --"). */
#include "seg.h"

#include <string.h>

enum {
	CITE_MAX = 24,  /* bytes inside a citation mark: [12], [citation needed] */
};

/* A pictograph (emoji), not a list bullet: the emoji blocks of the
 * supplementary plane, the miscellaneous symbols and dingbats (☀ ❤ ✨),
 * stars and the like. */
static int is_emoji(int32_t cp)
{
	if (cp >= 0x1F000 && cp <= 0x1FAFF)
		return 1;
	if (cp >= 0x2600 && cp <= 0x27BF)
		return !uni_is_bullet(cp);
	return cp == 0x2B50 || cp == 0x2B55 || cp == 0x231A || cp == 0x231B || cp == 0x23F0 ||
	       cp == 0x23F3;
}

/* What may follow an emoji inside one: variation selector, joiner, keycap,
 * skin tones (in the block above), tags. */
static int emoji_part(int32_t cp)
{
	return cp == 0xFE0F || cp == 0x200D || cp == 0x20E3 || (cp >= 0xE0020 && cp <= 0xE007F);
}

/* Bytes of the emoji at s[i] and the marks that go with it, or 0. */
static size_t emoji_len(const char *s, size_t b, size_t i)
{
	size_t len, k = i;
	int32_t cp = dec(s, b, i, &len);
	if (!is_emoji(cp))
		return 0;
	k += len;
	while (k < b) {
		cp = dec(s, b, k, &len);
		if (!(emoji_part(cp) || is_emoji(cp)))
			break;
		k += len;
	}
	return k - i;
}

/* Bytes of the ASCII emoticon at s[i] (":)", ":-(", ";)", ":D", ":P",
 * ":/", "<3"; not ":[", which opens brackets), or 0. It must end at white space, the end, or a closing
 * or final mark; the caller checks what comes before. */
static size_t emoticon_len(const char *s, size_t b, size_t i)
{
	size_t k = i;
	unsigned char ch = (unsigned char)s[k];
	if (ch == '<') {
		if (k + 1 >= b || s[k + 1] != '3')
			return 0;
		k += 2;
	} else {
		if (ch != ':' && ch != ';' && ch != '=')
			return 0;
		k++;
		if (k < b && (s[k] == '-' || s[k] == '\'' || s[k] == '^'))
			k++; /* a nose, a tear */
		if (k >= b)
			return 0;
		unsigned char m = (unsigned char)s[k];
		if (m == ')' || m == '(') {
			while (k < b && s[k] == (char)m)
				k++; /* :))) */
		} else if (m == 'D' || m == 'P' || m == 'p' || m == '/' || m == '|' || m == 'O' ||
			   m == 'o' || m == '*' || m == '3' || m == 'S') {
			k++;
		} else {
			return 0;
		}
	}
	if (k < b) {
		unsigned char e = (unsigned char)s[k];
		if (!(space_len(s, b, k) || e == '.' || e == '!' || e == '?' || e == ','))
			return 0;
	}
	return k - i;
}

/* An emoticon after white space, or an emoji (run), at s[i]: its length,
 * or 0. *ascii says which. */
size_t seg_smiley(const struct ctx *c, size_t i, int *ascii)
{
	const char *s = c->s;
	if (!smiley_lead(s, c->b, i))
		return 0;
	*ascii = (unsigned char)s[i] < 0x80;
	if (!*ascii)
		return emoji_len(s, c->b, i);
	return i > c->a && !space_back(s, i) ? 0 : emoticon_len(s, c->b, i);
}

/* From j (after a terminator and its closing marks), the end of the
 * emoticons and emoji that follow on the same line ("Great! :) See",
 * "ever! 😍🎉"), or j when none. *ascii is set when one was an emoticon. */
size_t seg_smileys_after(const struct ctx *c, size_t j, int *ascii)
{
	const char *s = c->s;
	size_t b = c->b, end = j, k = j, l;
	*ascii = 0;
	for (;;) {
		while (k < b && s[k] != '\n' && (l = space_len(s, b, k)))
			k += l;
		if (k >= b || k == end || !smiley_lead(s, b, k))
			return end; /* nothing, or no space before it */
		int a = (unsigned char)s[k] < 0x80;
		size_t n = a ? emoticon_len(s, b, k) : emoji_len(s, b, k);
		if (!n)
			return end;
		*ascii |= a;
		k = end = k + n;
	}
}

/* From j, past the citation marks glued to a period: "[3]", "[1][2]",
 * "[citation needed]", "[note 4]", "¹", "*", "†". Returns j when there are
 * none. */
size_t seg_citations(const struct ctx *c, size_t j)
{
	const char *s = c->s;
	size_t b = c->b, len;
	for (;;) {
		if (j < b && s[j] == '[') {
			size_t k = j + 1;
			while (k < b && k - j <= CITE_MAX &&
			       (is_ascii_alnum((unsigned char)s[k]) || s[k] == ' ' || s[k] == ',' || s[k] == '-'))
				k++;
			if (k >= b || s[k] != ']' || k == j + 1 || s[j + 1] == ' ')
				return j;
			j = k + 1;
			continue;
		}
		if (j < b && s[j] == '*') {
			j++;
			continue;
		}
		if (j + 1 < b && (unsigned char)s[j] >= 0xC2) {
			int32_t cp = dec(s, b, j, &len);
			if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || (cp >= 0x2070 && cp <= 0x2079) ||
			    cp == 0x2020 || cp == 0x2021) {
				j += len; /* superscript digits, daggers */
				continue;
			}
		}
		return j;
	}
}

/* seg_tags (seg.h) past its quick test */
int seg_tags_slow(const struct ctx *c, size_t j, size_t *end)
{
	const char *s = c->s;
	size_t b = c->b, l;
	int tags = 0;
	for (;;) {
		size_t k = j;
		while (j < b && s[j] != '\n' && (l = space_len(s, b, j)))
			j += l;
		if (j >= b || s[j] == '\n')
			return tags ? 2 : 0;
		size_t n = emoji_len(s, b, j);
		if (n) {
			j += n;
			continue;
		}
		if (s[j] != '#' || j + 1 >= b || !((unsigned char)s[j + 1] >= 0x80 || is_ascii_alnum((unsigned char)s[j + 1])) ||
		    (s[j + 1] >= '0' && s[j + 1] <= '9')) {
			*end = k; /* "! #brunch Book ahead": the tags close the post's sentence */
			return tags && s[j] >= 'A' && s[j] <= 'Z' && k < j ? 1 : 0;
		}
		while (j < b && !space_len(s, b, j))
			j++;
		tags++;
	}
}

/* Does the ASCII word s[from..to) have one of flags, as written or in
 * lowercase ("The", "I")? */
int seg_word_is(const struct ctx *c, size_t from, size_t to, unsigned flags)
{
	enum { LOOKUP_MAX = 24 };
	size_t n = to - from;
	if (!n || n > LOOKUP_MAX)
		return 0;
	if (sr_get(c->r, c->s + from, n) & flags)
		return 1;
	char w[LOOKUP_MAX];
	int changed = 0;
	for (size_t k = 0; k < n; k++) {
		char ch = c->s[from + k];
		changed |= ch >= 'A' && ch <= 'Z';
		w[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	return changed && (sr_get(c->r, w, n) & flags);
}

/* The ASCII letters of the word that ends before p (white space skipped,
 * not before cur): sets *from, returns its end (== *from when none). */
static size_t word_before(const struct ctx *c, size_t p, size_t *from)
{
	size_t l;
	while (p > c->cur && (l = space_back(c->s, p)))
		p -= l;
	size_t f = p;
	while (f > c->cur && (((c->s[f - 1] | 0x20) >= 'a' && (c->s[f - 1] | 0x20) <= 'z') || c->s[f - 1] == '\''))
		f--;
	*from = f;
	return p;
}

/* Does the word before i end in a joiner ("the thing is ...")? */
int seg_joiner_before(const struct ctx *c, size_t i)
{
	size_t f, e = word_before(c, i, &f);
	return e > f && seg_word_is(c, f, e, SR_JOINER);
}

/* Does the word after an ellipsis at i repeat the one before it ("I...
 * I don't know", "we... we tried")? A stammer, not a sentence end. */
int seg_stammer(const struct ctx *c, size_t i, const struct next *x)
{
	size_t f, e = word_before(c, i, &f), n = e - f;
	if (!n || n != x->wn)
		return 0;
	for (size_t k = 0; k < n; k++)
		if ((c->s[f + k] | 0x20) != (c->s[x->w + k] | 0x20))
			return 0;
	return 1;
}

/* "and", "or", "but", "nor": after an emoticon or an emoji the clause
 * goes on with them ("I got 5 :) and she got 3"), as after a comma. */
static int coordinator(const char *w, size_t n)
{
	static const char *const words[] = {"and", "or", "but", "nor", NULL};
	for (const char *const *p = words; *p; p++)
		if (strlen(*p) == n && !memcmp(*p, w, n))
			return 1;
	return 0;
}

/* An emoticon or emoji s[i..e) that is no terminator's: does it end the
 * sentence ("Battery lasts two days :) Charging is slow", "today 😂 He
 * tried")? Where an editor would put a period: before a capitalized word,
 * a digit or a line break; before a lowercase word after an emoticon, or
 * after an emoji in a paragraph written in lowercase, but not before a
 * word no sentence starts with ("congrats 🎉 to all") or a coordinator;
 * never after "the", "I" and their like ("the 😂 emoji"). Returns where
 * to go on. */
size_t seg_smiley_end(struct ctx *c, size_t i, size_t e, int ascii)
{
	const char *s = c->s;
	size_t b = c->b, f, l;
	int more;
	e = seg_smileys_after(c, e, &more);
	ascii |= more;
	size_t te;
	if (e >= b || !space_len(s, b, e) || seg_tags(c, e, &te) == 2)
		return e;
	size_t we = word_before(c, i, &f);
	if (!seg_has_word(c, i) || (we > f && seg_word_is(c, f, we, SR_JOINER | SR_SUBJECT)))
		return e;
	size_t k = e;
	int line = 0;
	while (k < b && (l = space_len(s, b, k)))
		line |= s[k] == '\n', k += l;
	if (k >= b)
		return e;
	struct next x;
	seg_next_token(c, e, &x);
	int ok = line || x.kind == N_UPPER || x.kind == N_DIGIT ||
		 (x.kind == N_LOWER && (ascii || seg_lowstyle(c)) &&
		  !(sr_get(c->r, s + x.w, x.wn) & SR_NOSTART) && !coordinator(s + x.w, x.wn));
	if (ok)
		seg_cut(c, e);
	return e;
}

/* "works?Great": a ? or ! with no space after it, between a word and a
 * capitalized word, outside an address (a URL's query). */
int seg_glued_question(const struct ctx *c, size_t i, size_t after)
{
	const char *s = c->s;
	size_t b = c->b, len;
	if (i == 0 || after + 1 >= b || !(s[after] >= 'A' && s[after] <= 'Z') ||
	    !is_ascii_lower((unsigned char)s[after + 1]))
		return 0;
	int32_t last = u8_decode_back(s, i, &len);
	if (last <= 0 || !uni_is_letter(last))
		return 0;
	size_t ts = seg_token_start(c, i);
	for (size_t k = ts; k < after; k++)
		if (s[k] == '/' || s[k] == '=' || s[k] == '&' || s[k] == '@')
			return 0;
	return 1;
}

/* Footnote numbers glued to a period after a word, then a capitalized
 * word ("in children.14 15 Most were"): the end of the numbers, or 0.
 * Not after a number or a dotted word (3.14, v1.2), nor a capital (A.1). */
size_t seg_footnote(const struct ctx *c, size_t i)
{
	enum { NOTE_DIGITS = 3, NOTE_GROUPS = 4 };
	const char *s = c->s;
	size_t b = c->b, ts = seg_token_start(c, i), k = i + 1;
	if (i < ts + 2 || !is_ascii_lower((unsigned char)s[i - 1]))
		return 0;
	for (size_t t = ts; t < i; t++)
		if (!(((s[t] | 0x20) >= 'a' && (s[t] | 0x20) <= 'z') || s[t] == '-'))
			return 0;
	for (int g = 0; g < NOTE_GROUPS; g++) {
		size_t d = k;
		while (k < b && k - d < NOTE_DIGITS && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k == d || k + 2 >= b || s[k] != ' ')
			return 0;
		if (s[k + 1] >= 'A' && s[k + 1] <= 'Z' && is_ascii_lower((unsigned char)s[k + 2]))
			return k;
		k++;
	}
	return 0;
}

/* A dash and a lowercase word after a ? or !: an aside goes on ("and
 * -- presto! -- dinner is ready"). */
int seg_dash_aside(const struct ctx *c, size_t j)
{
	const char *s = c->s;
	size_t b = c->b, len, l;
	while (j < b && (l = space_len(s, b, j)))
		j += l;
	int dashes = 0;
	while (j < b) {
		int32_t cp = dec(s, b, j, &len);
		if (!(cp == '-' || cp == 0x2013 || cp == 0x2014))
			break;
		dashes++;
		j += len;
	}
	if (!dashes || j >= b || !space_len(s, b, j))
		return 0;
	while (j < b && (l = space_len(s, b, j)))
		j += l;
	return j < b && is_ascii_lower((unsigned char)s[j]);
}
