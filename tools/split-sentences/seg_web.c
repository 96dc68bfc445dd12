/* seg_web.c - what web text adds to the splitter: emoticons and emoji that
 * end a sentence or follow its terminator ("Loved it :) Will come back",
 * "First! 😂 Great video"), citation marks after a period ("the case.[3]
 * The court"), hashtags closing a post, and the evidence that a lowercase
 * word starts a sentence (a paragraph written in lowercase, "i"). */
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
