/* segment.c - the sentence splitter. One left-to-right pass over the
 * paragraph: a bit mask of the hot bytes, 64 at a time (hotbytes.c), skips
 * everything that cannot end a sentence, and each terminator (. ? ! ellipses, CJK stops), line break or bullet is
 * decided by looking at the word before it (abbreviation classes, numbers,
 * initials, URLs) and the token after it (case, sentence starters). */
#include "segment.h"
#include "hotbytes.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a hot byte is, for the scan loop: 1 terminators, line breaks and
 * the lead bytes of the non-ASCII ones (… ‼ • 。 ！ ？); 2 a colon; 3 a
 * capital that may open a glued heading. hotbytes.c finds them. */
static const unsigned char hot[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, ['\n'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
	[':'] = 2, /* after a label (Image: Photo:) */
	['I'] = 3, ['O'] = 3, ['A'] = 3, ['F'] = 3, ['D'] = 3, /* a heading glued to a sentence */
};

struct ctx {
	const struct sent_rules *r;
	const char *s;
	size_t n;      /* the paragraph */
	size_t a, b;   /* the chunk being scanned (list items are chunks) */
	size_t cur;    /* start of the current sentence */
	int listblock; /* every line is an item; -1 until computed */
	long longest;  /* bytes in the longest line of the chunk; -1 until computed */
	int titlecase; /* a headline in title case; -1 until computed */
	struct sent_list *out;
	size_t hw_from, hw_upto, hw_found; /* has_word's memory */
	int hw_run;
	size_t blk;    /* the 64 bytes at blk have their hot bits in bits */
	uint64_t bits;
	int have_blk;
};

/* The first hot byte in s[i..b), or b. The hot bytes of the paragraph
 * are found 64 at a time (hotbytes.c) and kept as a bit mask, so the scan
 * never looks at a byte twice however close the hot bytes are (the
 * scanning is what sets the speed). */
static inline size_t skip_cold(struct ctx *c, size_t i, size_t b)
{
	const char *s = c->s;
	for (;;) {
		if (c->have_blk && i >= c->blk && i < c->blk + 64) {
			uint64_t m = c->bits >> (i - c->blk);
			if (m) {
				i += (size_t)__builtin_ctzll(m);
				return i < b ? i : b;
			}
			i = c->blk + 64;
		}
		if (i >= b)
			return b;
		const char *p = s + i;
		char pad[1 + 64 + 17];
		uint64_t keep = ~(uint64_t)0;
		if (i == 0 || i + 65 > c->n) {
			/* the ends of the paragraph: a copy with zeros around it
			 * (a zero byte is never hot) */
			size_t len = c->n - i < 64 ? c->n - i : 64;
			memset(pad, 0, sizeof pad);
			pad[0] = i ? s[i - 1] : 0;
			memcpy(pad + 1, s + i, len < c->n - i ? len + 1 : len); /* and the byte after */
			if (len < 64)
				keep = ((uint64_t)1 << len) - 1;
			p = pad + 1;
		}
		c->blk = i;
		c->bits = hot64(p) & keep;
		c->have_blk = 1;
	}
}

/* the word before a period: a plain word, never-end, not-before-number,
 * may-end (an acronym, an initial, an unknown dotted word), may-end that
 * closes a name when it follows one (Corp. St. Jr. Pa.), usually-end */
enum { W_REGULAR, W_NEVER, W_NUMERIC, W_WEAK, W_SUFFIX, W_USUAL };
enum { N_END, N_LOWER, N_UPPER, N_DIGIT, N_CONT, N_OTHER };

struct next {
	int kind, opened, quoted;
	size_t w, wn; /* the word, for N_UPPER */
};

/* ---- characters ---- */

/* u8_decode with the ASCII case kept inline (the compiler calls the rest) */
__attribute__((noinline)) static int32_t dec_multi(const char *s, size_t n, size_t i, size_t *len)
{
	return u8_decode(s + i, n - i, len);
}

static inline __attribute__((always_inline)) int32_t dec(const char *s, size_t n, size_t i, size_t *len)
{
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	return dec_multi(s, n, i, len);
}

static inline int is_ascii_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Length of the whitespace code point at s[i] (i < n), or 0. */
static inline size_t space_len(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3)
		return 0;
	size_t len;
	int32_t cp = dec(s, n, i, &len);
	return cp > 0 && uni_is_space(cp) ? len : 0;
}

/* Length of the whitespace code point ending just before s[i] (i > 0), or 0. */
static inline size_t space_back(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i - 1];
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (c >= 0xC0 || i < 2)
		return 0;
	size_t len;
	int32_t cp = u8_decode_back(s, i, &len);
	return cp > 0 && uni_is_space(cp) ? len : 0;
}

static inline int is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* ---- emitting sentences ---- */

static void push(struct sent_list *l, size_t a, size_t e)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].start = a;
	l->v[l->n].end = e;
	l->n++;
}

/* End the current sentence at pos (whitespace trimmed off both ends; an
 * empty one is dropped). */
static void cut(struct ctx *c, size_t pos)
{
	size_t a = c->cur, e = pos, l;
	while (a < e && (l = space_len(c->s, e, a)))
		a += l;
	while (e > a && (l = space_back(c->s, e)))
		e -= l;
	if (e > a)
		push(c->out, a, e);
	c->cur = pos;
}

/* Does s[cur..to) hold a word of two letters or more? A sentence needs
 * one: "1." or "a." before a list item, "J." alone, are not sentences.
 * What was scanned since cur is remembered, so a long stretch without a
 * word ("1. 2. 3. ...") is not scanned again at each period. */
static int has_word(struct ctx *c, size_t to)
{
	if (c->hw_from != c->cur) {
		c->hw_from = c->hw_upto = c->cur;
		c->hw_run = 0;
		c->hw_found = (size_t)-1;
	}
	if (to >= c->hw_found)
		return 1;
	if (to <= c->hw_upto)
		return 0;
	int run = c->hw_run;
	size_t i = c->hw_upto;
	while (i < to) {
		unsigned char ch = (unsigned char)c->s[i];
		int letter;
		if (ch < 0x80) {
			letter = (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
			i++;
		} else {
			size_t len;
			int32_t cp = dec(c->s, to, i, &len);
			letter = cp > 0 && uni_is_letter(cp);
			i += len;
		}
		run = letter ? run + 1 : 0;
		if (run >= 2) {
			c->hw_found = i;
			return 1;
		}
	}
	c->hw_upto = i;
	c->hw_run = run;
	return 0;
}

/* ---- the word before a period ---- */

/* Start of the whitespace-delimited token that ends at i. */
static size_t token_start(const struct ctx *c, size_t i)
{
	/* 256 bytes back at most: a longer "token" is not a word, and each
	 * period in it must not cost a scan of all of it */
	size_t lim = i - c->cur > 256 ? i - 256 : c->cur;
	while (i > lim && !space_back(c->s, i))
		i--;
	return i;
}

static int is_title_caps(const char *w, size_t n)
{
	int letters = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)w[k];
		if (ch >= 0x80 || (ch >= 'a' && ch <= 'z'))
			return 0;
		letters += ch >= 'A' && ch <= 'Z';
	}
	return letters >= 2;
}

/* The class of w in the rules: as written, then the part after a hyphen
 * (ex-Gov.), then an all-capitals word as Title-case (INC. -> Inc). */
static unsigned lookup(const struct sent_rules *r, const char *w, size_t n, unsigned mask)
{
	unsigned v = sr_get(r, w, n) & mask;
	if (v)
		return v;
	if (n < 64 && is_title_caps(w, n)) {
		char t[64];
		t[0] = w[0];
		for (size_t k = 1; k < n; k++)
			t[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
		if ((v = sr_get(r, t, n) & mask))
			return v;
	}
	for (size_t k = n; k-- > 1;)
		if (w[k - 1] == '-')
			return lookup(r, w + k, n - k, mask);
	return 0;
}

/* A domain name: lowercase labels, the last one a common top-level domain
 * (example.com, bbc.co.uk). */
static int domain_name(const char *t, size_t n)
{
	static const char *const tlds[] = {"com", "org", "net", "gov", "edu", "int", "mil", "io",
					   "co", "uk", "us", "info", "biz", "news", "tv", "eu",
					   "de", "fr", "ca", "au", "in", "ru", "cn", "jp", NULL};
	size_t dot = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)t[k];
		if (ch == '.')
			dot = k + 1;
		else if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
			return 0;
	}
	if (dot < 3) /* a label of two characters or more before the last dot */
		return 0;
	for (const char *const *d = tlds; *d; d++)
		if (strlen(*d) == n - dot && !memcmp(*d, t + dot, n - dot))
			return 1;
	return 0;
}

static int looks_like_address(const char *t, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (t[k] == '@' || (t[k] == ':' && k + 2 < n && t[k + 1] == '/' && t[k + 2] == '/'))
			return 1;
	return (n > 4 && !memcmp(t, "www.", 4)) || (memchr(t, '.', n) && domain_name(t, n));
}

/* The token before the one that starts at ts (a comma between them
 * skipped): sets *from and returns its end, or returns 0 if there is none. */
static size_t prev_token(const struct ctx *c, size_t ts, size_t *from)
{
	size_t e = ts, l;
	while (e > c->cur && (l = space_back(c->s, e)))
		e -= l;
	if (e > c->cur && c->s[e - 1] == ',')
		e--;
	if (e == ts || e <= c->cur)
		return 0;
	*from = token_start(c, e);
	return e;
}

/* Does the token before ts open with a capital or a digit (a name, a
 * number: "Acme Corp.", "Lancaster, Pa.", "55 Market St.", "Smith & Co.")?
 * With need_comma, a comma must follow it ("Washington, D.C."). 2 for a
 * number, 1 for a name, else 0. */
static int after_name(const struct ctx *c, size_t ts, int need_comma)
{
	size_t f, e = prev_token(c, ts, &f), len;
	if (!e || (need_comma && c->s[e] != ','))
		return 0;
	if (e - f == 1 && c->s[f] == '&')
		return 1;
	while (f < e && !is_ascii_alnum((unsigned char)c->s[f]) && (unsigned char)c->s[f] < 0x80)
		f++; /* an opening quote or bracket */
	if (f >= e)
		return 0;
	int32_t cp = dec(c->s, e, f, &len);
	if (cp > 0 && uni_is_digit(cp))
		return 2;
	/* a capitalized word, but not one that opens sentences ("The St. Oswald") */
	return cp > 0 && uni_is_upper(cp) && !(lookup(c->r, c->s + f, e - f, SR_STARTER) & SR_STARTER);
}

/* Is the token before ts a number or "degrees" (then a single capital is
 * a unit, not an initial: "98.6 F.", "12 degrees C.")? */
static int after_measure(const struct ctx *c, size_t ts)
{
	size_t f, e = prev_token(c, ts, &f);
	if (!e)
		return 0;
	unsigned char ch = (unsigned char)c->s[e - 1];
	if (ch >= '0' && ch <= '9')
		return 1;
	return (e - f == 7 && !memcmp(c->s + f, "degrees", 7)) || (e - f == 6 && !memcmp(c->s + f, "degree", 6));
}

/* Class of the token s[ts..p) before a period at p. */
static int left_class(const struct ctx *c, size_t ts, size_t p)
{
	const char *s = c->s;
	int addr = 0; /* an address needs one of @ : . */
	for (size_t k = ts; k < p; k++)
		addr |= s[k] == '@' || s[k] == ':' || s[k] == '.';
	if (addr && looks_like_address(s + ts, p - ts))
		return W_REGULAR;
	size_t w = ts, len;
	while (w < p) { /* opening quotes, brackets, $ and the like */
		unsigned char ch = (unsigned char)s[w];
		if (ch < 0x80) {
			if (is_ascii_alnum(ch))
				break;
			w++;
			continue;
		}
		int32_t cp = dec(s, p, w, &len);
		if (cp > 0 && (uni_is_letter(cp) || uni_is_digit(cp)))
			break;
		w += len;
	}
	size_t n = p - w;
	if (!n)
		return W_REGULAR;
	const char *t = s + w;
	int digits = 0, other = 0, dots = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)t[k];
		if (ch >= '0' && ch <= '9')
			digits++;
		else if (ch == '.')
			dots++;
		else if (ch != ',' && ch != '%')
			other++;
	}
	if (digits && !other)
		return W_REGULAR; /* a number: 1,000. 3.5. */
	unsigned char last = (unsigned char)t[n - 1];
	if (last == ')' || last == ']' || last == '"' ||
	    (n >= 3 && last == 0x9D && (unsigned char)t[n - 2] == 0x80 && (unsigned char)t[n - 3] == 0xE2))
		return W_REGULAR; /* a period after a bracket or a quote: (D-Calif.). */
	switch (lookup(c->r, t, n, SR_CLASS)) {
	case SR_NEVER: return W_NEVER;
	case SR_NUMERIC: return W_NUMERIC;
	case SR_USUALLY: return W_USUAL;
	case SR_MAYEND:
		/* Corp. after a name; D.C. only after "Washington," (not "the U.S."),
		 * St. only after a number (Georgiana St. Peter) */
		if (lookup(c->r, t, n, SR_PREFIX)) /* but "4th St." is a street */
			return after_name(c, ts, 0) == 2 ? W_SUFFIX : W_WEAK;
		return after_name(c, ts, memchr(t, '.', n) != NULL) ? W_SUFFIX : W_WEAK;
	}
	if (dots) /* an unknown dotted abbreviation: E.U. Ph.D., or "Brooklyn, N.Y." */
		return after_name(c, ts, 1) ? W_SUFFIX : W_WEAK;
	int32_t cp = dec(t, n, 0, &len);
	if (len == n && cp > 0 && uni_is_letter(cp))
		return (cp == 'F' || cp == 'C' || cp == 'K') && after_measure(c, ts) ? W_REGULAR
										: W_WEAK; /* an initial, not 98.6 F. */
	return W_REGULAR;
}

/* ---- the token after a boundary candidate ---- */

static void next_token(const struct ctx *c, size_t j, struct next *x)
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
	} else if (uni_is_digit(cp)) {
		x->kind = N_DIGIT;
	} else if (!x->opened && cp < 0x80 && strchr(",;:)]}%", (int)cp)) {
		x->kind = N_CONT;
	} else {
		x->kind = N_OTHER;
	}
}

/* Is the next token a capitalized word that usually starts a sentence
 * ("The", "He", "But")? After a may-end abbreviation that decides. */
static int starter(const struct ctx *c, const struct next *x)
{
	if (x->kind != N_UPPER)
		return 0;
	if (x->quoted)
		return 1; /* U.S. "We ... : a quotation opens */
	if (x->wn >= 64)
		return 0;
	char w[64] = {0};
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
	if (lookup(c->r, w, n, SR_STARTER))
		return 1;
	return apos && lookup(c->r, w, apos, SR_STARTER);
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
static int continuer(const struct ctx *c, const struct next *x)
{
	return x->kind == N_UPPER && !x->opened && x->wn < 64 &&
	       (lookup(c->r, c->s + x->w, x->wn, SR_CONT) & SR_CONT);
}

/* Does a clause start at the capitalized next word: is it followed by a
 * verb ("Sony has sold", "Schiff's office" is not)? */
static int clause_follows(const struct ctx *c, const struct next *x)
{
	if (x->kind != N_UPPER || x->quoted || continuer(c, x) ||
	    (x->wn < 64 && (lookup(c->r, c->s + x->w, x->wn, SR_NAMEWORD) & SR_NAMEWORD)))
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
	return len >= 5 && n == len && c->s[k + len - 1] == 'e' && c->s[k + len] == 'd';
}

/* After a quotation closed by a terminator: one to three capitalized
 * words, then a speech verb, then punctuation, the end or a lowercase
 * word ('"Why?" Smith asked.', '"Go!" Sen. Ruiz said in a statement'). */
static int attribution(const struct ctx *c, const struct next *x)
{
	if (x->kind != N_UPPER || x->opened)
		return 0;
	const char *s = c->s;
	size_t b = c->b, k = x->w, len;
	for (int words = 0; words < 4; words++) {
		if (words) {
			size_t n;
			size_t wl = lower_word(c, k, &n);
			if (wl && (sr_get(c->r, s + k, wl) & SR_SPEECH)) {
				size_t e = k + wl;
				return e >= b || strchr(",.;:!? ", s[e]) != NULL;
			}
		}
		if (words == 3)
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

/* Is the paragraph a headline in title case ("Why the U.S. And China Can't
 * Agree")? There capitals say nothing about sentence starts. At most 300
 * bytes, at least four words, and four in five of those of four letters or
 * more capitalized. */
static int title_case(struct ctx *c)
{
	if (c->titlecase >= 0)
		return c->titlecase;
	const char *s = c->s;
	int words = 0, long_words = 0, caps = 0;
	if (c->n > 300)
		return c->titlecase = 0; /* a headline is short */
	for (size_t i = 0; i < c->n;) {
		while (i < c->n && (s[i] == ' ' || s[i] == '"' || s[i] == '\'' || s[i] == '('))
			i++;
		size_t w = i;
		while (i < c->n && s[i] != ' ')
			i++;
		if (i == w)
			continue;
		words++;
		size_t letters = 0;
		for (size_t k = w; k < i && is_ascii_alnum((unsigned char)s[k]); k++)
			letters++;
		if (letters >= 4) {
			long_words++;
			caps += s[w] >= 'A' && s[w] <= 'Z';
		}
	}
	c->titlecase = words >= 4 && long_words >= 2 && caps * 5 >= long_words * 4;
	return c->titlecase;
}

/* "At 5 a.m." is no sentence: a short phrase opened by a preposition. */
static int short_prep_phrase(const struct ctx *c, size_t from, size_t to)
{
	static const char *const preps[] = {"At", "By", "On", "In", "Before", "After", "Until", "Till",
					    "Around", "About", "From", "Since", "Near", "Shortly", NULL};
	const char *s = c->s;
	while (from < to && !is_ascii_alnum((unsigned char)s[from]))
		from++;
	size_t w = from;
	while (w < to && is_ascii_alnum((unsigned char)s[w]))
		w++;
	int ok = 0;
	for (const char *const *p = preps; *p; p++)
		ok |= strlen(*p) == w - from && !memcmp(*p, s + from, w - from);
	if (!ok)
		return 0;
	int words = 1;
	for (size_t k = w; k < to && words <= 3; k++)
		if (s[k] == ' ' && k + 1 < to && s[k + 1] != ' ')
			words++;
	return words <= 3;
}

/* "ended.Then": a period with no space after it, between a word and a
 * capitalized word, that is not part of an address or an abbreviation. */
static int glued(const struct ctx *c, size_t i)
{
	const char *s = c->s;
	size_t len, len2, b = c->b;
	if (i + 2 >= b)
		return 0;
	int32_t u = dec(s, b, i + 1, &len);
	if (u <= 0 || !uni_is_upper(u))
		return 0;
	int32_t l = dec(s, b, i + 1 + len, &len2);
	if (l <= 0 || !uni_is_lower(l))
		return 0;
	size_t ts = token_start(c, i);
	if (i - ts < 2)
		return 0;
	int32_t last = u8_decode_back(s, i, &len);
	if (last <= 0 || !(uni_is_lower(last) || uni_is_digit(last)))
		return 0;
	size_t te = i;
	while (te < b && te - i < 256 && !space_len(s, b, te))
		te++;
	if (looks_like_address(s + ts, te - ts))
		return 0;
	if (memchr(s + ts, '.', i - ts))
		return 0; /* file.name.Ext, a.b.Cd */
	return left_class(c, ts, i) == W_REGULAR;
}

/* ---- the decisions ---- */

/* The common cases of a period at i (i + 2 < the chunk end), decided at
 * once: "word. lower", and "3.5", "a.m", "x.com", "1,000.," (no space and
 * no capital after): the sentence goes on. */
static inline int period_goes_on(const char *s, size_t i)
{
	unsigned char n1 = (unsigned char)s[i + 1], n2 = (unsigned char)s[i + 2];
	return n1 == ' ' ? is_ascii_lower(n2)
			 : is_ascii_lower(n1) || (n1 >= '0' && n1 <= '9') || n1 == ',' || n1 == ';';
}

/* A run of terminators starts at i: decide; returns where to go on. */
static size_t terminator(struct ctx *c, size_t i)
{
	const char *s = c->s;
	size_t b = c->b, j = i, len, l1, first_end = 0;
	int ndots = 0, nq = 0, cjk = 0, spaced = 0, ellch = 0;
	int simple = 0; /* one period, a space, an ASCII byte but a period */
	if (s[i] == '.' && i + 2 < b) {
		if (period_goes_on(s, i))
			return i + 1;
		unsigned char n1 = (unsigned char)s[i + 1], n2 = (unsigned char)s[i + 2];
		simple = n1 == ' ' && n2 < 0x80 && n2 != '.' && n2 != ' ';
	}
	int attached = 0, nclose = 0;
	int32_t first_close = 0;
	if (simple) {
		ndots = 1; /* "word. Word": no run, no closing marks to look for */
		j = first_end = i + 1;
		goto decide;
	}
	attached = i > 0 && !space_back(s, i);
	while (j < b) {
		int32_t cp = dec(s, b, j, &len);
		if (cp == '.')
			ndots++;
		else if (cp == '?' || cp == '!' || (cp >= 0x203C && cp <= 0x2049 && uni_is_terminator(cp)))
			nq++;
		else if (cp == 0x2026)
			ndots += 3, ellch = 1;
		else if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E)
			nq++, cjk = 1;
		else if (cp == ' ' && ndots && s[j - 1] == '.' && j + 1 < b && s[j + 1] == '.') {
			spaced = 1; /* . . . */
			j++;
			continue;
		} else
			break;
		if (!first_end)
			first_end = j + len;
		j += len;
	}
	while (j < b) {
		int32_t cp = dec(s, b, j, &len);
		if (cp <= 0 || !(uni_is_closer(cp) || cp == 0x201C))
			break;
		if (cp == 0x201C && j + len < b && !space_len(s, b, j + len))
			break; /* “ as a closing mark (a common typo) only before a space */
		if ((cp == '\'' || cp == 0x2019) && j + len < b && !space_len(s, b, j + len)) {
			size_t l2;
			int32_t nx = dec(s, b, j + len, &l2);
			if (!uni_is_closer(nx) && !uni_is_terminator(nx))
				break; /* an apostrophe: Jr.'s */
		}
		if (!nclose++)
			first_close = cp;
		j += len;
	}
	/* a closing mark set off by a space: « C'est fini. » */
	if (j < b && (l1 = space_len(s, b, j)) && j + l1 < b) {
		int32_t cp = dec(s, b, j + l1, &len);
		if ((cp == 0xBB || cp == 0x203A) &&
		    (j + l1 + len >= b || space_len(s, b, j + l1 + len)))
			j += l1 + len, nclose++;
	}
decide:;
	size_t after = j;
	if (after >= b)
		return after; /* the chunk ends here anyway */
	if (!space_len(s, b, after)) {
		if (cjk)
			cut(c, after);
		else if (ndots == 1 && !nq && !nclose && after == i + 1 && glued(c, i) &&
			 has_word(c, after))
			cut(c, after);
		return after;
	}
	struct next x;
	next_token(c, after, &x);
	if (x.kind == N_END || x.kind == N_LOWER || x.kind == N_CONT)
		return after;
	size_t at = after;
	int ok;
	if (ndots >= 3) {
		if (i > 0 && (s[i - 1] == '[' || s[i - 1] == '(') &&
		    (first_close == ']' || first_close == ')'))
			ok = starter(c, &x); /* [...] marks an omission */
		else if (ndots >= 4 || nq) {
			ok = 1; /* a period and an ellipsis */
			if (attached && spaced && s[i] == '.' && !ellch)
				at = first_end; /* "end. . . . The": the ellipsis opens the next one */
		} else {
			ok = starter(c, &x); /* an ellipsis alone is weak evidence */
		}
	} else if (nq || cjk) {
		ok = !(nclose && first_close != ')' && first_close != ']' && attribution(c, &x));
	} else {
		int cls = left_class(c, token_start(c, i), i);
		switch (cls) {
		case W_NEVER:
			ok = 0;
			break;
		case W_NUMERIC:
			ok = x.kind != N_DIGIT;
			break;
		case W_WEAK:
		case W_SUFFIX:
			ok = nclose || ((starter(c, &x) || (cls == W_SUFFIX && clause_follows(c, &x))) &&
					!short_prep_phrase(c, c->cur, i) && !title_case(c));
			break;
		case W_USUAL:
			ok = nclose || (((x.kind == N_UPPER && !continuer(c, &x)) || x.quoted) &&
					!short_prep_phrase(c, c->cur, i) && !title_case(c));
			break;
		default:
			ok = 1;
		}
	}
	if (ok && has_word(c, at))
		cut(c, at);
	return after;
}

/* Does a list item start at s[j] ("- ", "* ", a bullet, "1. ", "2) ", "a) ")? */
static int item_start(const struct ctx *c, size_t j)
{
	const char *s = c->s;
	size_t b = c->b, len;
	int32_t cp = dec(s, b, j, &len);
	if (uni_is_bullet(cp))
		return 1;
	if ((cp == '-' || cp == '*' || cp == '+') && j + 1 < b && s[j + 1] == ' ')
		return 1;
	size_t k = j;
	while (k < b && k - j < 3 && s[k] >= '0' && s[k] <= '9')
		k++;
	int letter = k == j && k < b && s[k] >= 'a' && s[k] <= 'z';
	if (letter)
		k++;
	if (k == j || k >= b)
		return 0;
	if (s[k] == ')' || (!letter && s[k] == '.'))
		return k + 1 < b && s[k + 1] == ' ';
	return 0;
}

/* Is the paragraph a block of short lines (a menu, a list without marks)?
 * Three lines or more, none longer than five words. */
static int short_lines(const struct ctx *c)
{
	int lines = 0, words = 0, inword = 0, maxw = 0;
	for (size_t i = 0; i < c->n; i++) {
		char ch = c->s[i];
		if (ch == '\n') {
			lines += words > 0;
			maxw = words > maxw ? words : maxw;
			words = inword = 0;
		} else if (ch == ' ' || ch == '\t' || ch == '\r') {
			inword = 0;
		} else if (!inword) {
			inword = 1;
			words++;
		}
	}
	lines += words > 0;
	maxw = words > maxw ? words : maxw;
	return lines >= 3 && maxw <= 5;
}

/* Bytes in the longest line of the paragraph. */
static size_t longest_line(struct ctx *c)
{
	if (c->longest < 0) {
		size_t best = 0, from = 0;
		for (;;) {
			const char *nl = memchr(c->s + from, '\n', c->n - from);
			size_t e = nl ? (size_t)(nl - c->s) : c->n;
			if (e - from > best)
				best = e - from;
			if (!nl)
				break;
			from = e + 1;
		}
		c->longest = (long)best;
	}
	return (size_t)c->longest;
}

/* A line break at i before the line at j: does the line before it stand
 * alone (a headline, a byline, "Advertisement")? It has no final
 * punctuation, at most twelve words, is much shorter than the longest line
 * (so hard-wrapped text does not qualify), and the next line opens with a
 * capital or a digit. */
static int line_stands_alone(struct ctx *c, size_t i, size_t j)
{
	const char *s = c->s;
	size_t e = i, len, l;
	while (e > c->cur && (l = space_back(s, e)))
		e -= l;
	if (e <= c->cur)
		return 0;
	int32_t last = u8_decode_back(s, e, &len);
	if (last <= 0 || !(uni_is_letter(last) || uni_is_digit(last)))
		return 0;
	size_t ls = e;
	int words = 1;
	while (ls > c->a && s[ls - 1] != '\n') {
		ls--;
		if (s[ls] == ' ' && s[ls + 1] != ' ' && ++words > 12)
			return 0;
	}
	if ((e - ls) * 10 > longest_line(c) * 6)
		return 0;
	int32_t cp = dec(s, c->b, j, &len);
	while (cp > 0 && uni_is_opener(cp) && j + len < c->b) {
		j += len;
		cp = dec(s, c->b, j, &len);
	}
	return cp > 0 && (uni_is_upper(cp) || uni_is_digit(cp)) && has_word(c, e);
}

/* A line break inside the paragraph at i. */
static size_t newline(struct ctx *c, size_t i)
{
	if (c->listblock < 0)
		c->listblock = short_lines(c);
	if (c->listblock) {
		cut(c, i);
		return i + 1;
	}
	size_t j = i + 1, l;
	while (j < c->b && c->s[j] != '\n' && (l = space_len(c->s, c->b, j)))
		j += l;
	if (j >= c->b)
		return i + 1;
	if (c->s[j] == '\n' || item_start(c, j) || line_stands_alone(c, i, j))
		cut(c, i); /* a blank line, a list item or a headline before */
	return i + 1;
}

/* "Image:" after a caption without a final period starts a new sentence. */
static void label(struct ctx *c, size_t i)
{
	const char *s = c->s;
	if (i + 1 < c->b && !space_len(s, c->b, i + 1))
		return;
	size_t ts = token_start(c, i);
	if (ts <= c->cur || i - ts > 40 || !(lookup(c->r, s + ts, i - ts, SR_LABEL) & SR_LABEL))
		return;
	size_t p = ts, l;
	while (p > c->cur && (l = space_back(s, p)))
		p -= l;
	if (p == ts || p == c->cur)
		return;
	unsigned char prev = (unsigned char)s[p - 1];
	if (prev == ',' || prev == ';' || prev == ':' || prev == '(' || prev == '-' || prev == '&')
		return;
	if (has_word(c, p))
		cut(c, ts);
}

static int word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == w[0] && (n < 2 || (*list)[1] == w[1]) && strlen(*list) == n && !memcmp(*list, w, n))
			return 1;
	return 0;
}

/* "... in any constituency In the New Territories ...": a heading or a
 * caption glued to the next sentence. A capitalized preposition cannot
 * follow a word inside a sentence; it must be followed by a determiner or
 * a weekday, so titles like "Man In The Mirror" stay whole. */
static void glued_heading(struct ctx *c, size_t i)
{
	static const char *const first[] = {"In", "On", "At", "For", "During", "After",
					    "According", "Although", "Despite", NULL};
	static const char *const then[] = {"the", "a", "an", "his", "her", "its", "their", "this",
					   "that", "these", "those", "our", "my", "Monday", "Tuesday",
					   "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", NULL};
	const char *s = c->s;
	size_t b = c->b;
	if (i < c->cur + 2 || s[i - 1] != ' ' || !is_ascii_alnum((unsigned char)s[i - 2]))
		return;
	size_t e = i + 1;
	while (e < b && e - i < 10 && s[e] >= 'a' && s[e] <= 'z')
		e++;
	static unsigned lens[32]; /* by first letter, the lengths in first[] */
	if (!lens[0]) {
		lens[0] = 1;
		for (const char *const *w = first; *w; w++)
			lens[**w & 31] |= 1u << strlen(*w);
	}
	if (e >= b || s[e] != ' ' || e - i > 9 || !(lens[s[i] & 31] >> (e - i) & 1) ||
	    !word_in(s + i, e - i, first))
		return;
	size_t f = e + 1;
	while (f < b && is_ascii_alnum((unsigned char)s[f]))
		f++;
	if (f >= b || (s[f] != ' ' && s[f] != ',') || !word_in(s + e + 1, f - e - 1, then))
		return;
	if (has_word(c, i) && !title_case(c))
		cut(c, i);
}

static void scan(struct ctx *c, size_t a, size_t b)
{
	const char *s = c->s;
	c->a = a;
	c->b = b;
	size_t i = a;
	while (i < b) {
		i = skip_cold(c, i, b);
		if (i >= b)
			break;
		unsigned char ch = (unsigned char)s[i];
		if (!hot[ch]) {
			i++; /* 0xF0..0xFF and the like, caught by the vector test */
			continue;
		}
		if (hot[ch] > 1) {
			if (ch == ':')
				label(c, i);
			else if (i > 0 && s[i - 1] == ' ' && i + 1 < b && s[i + 1] >= 'a' && s[i + 1] <= 'z')
				glued_heading(c, i);
			i++;
			continue;
		}
		if (ch == '.' && i + 2 < b && period_goes_on(s, i)) {
			i++; /* the common case, without the call */
		} else if (ch == '.' || ch == '?' || ch == '!') {
			i = terminator(c, i);
		} else if (ch == '\n') {
			i = newline(c, i);
		} else {
			size_t len;
			int32_t cp = dec(s, b, i, &len);
			if (uni_is_terminator(cp)) {
				i = terminator(c, i);
			} else {
				if (uni_is_bullet(cp) && i > c->cur && space_back(s, i))
					cut(c, i);
				i += len;
			}
		}
	}
	cut(c, b);
}

/* ---- inline lists: "1. The first item 2. The second item" ---- */

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

/* Where the items of an inline list start (moved back over a bullet). */
static size_t list_cuts(const char *s, size_t n, size_t *cuts, size_t max)
{
	size_t i = 0, len, l;
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
	int val, letter;
	const char *style;
	size_t end, nc = 0;
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

void sent_split(const struct sent_rules *r, const char *s, size_t n, struct sent_list *out)
{
	struct ctx c = {.r = r, .s = s, .n = n, .listblock = -1, .titlecase = -1, .longest = -1,
			.out = out, .hw_from = (size_t)-1};
	size_t cuts[64];
	out->n = 0;
	size_t nc = list_cuts(s, n, cuts, sizeof cuts / sizeof cuts[0]);
	size_t a = 0;
	for (size_t k = 0; k <= nc; k++) {
		size_t b = k < nc ? cuts[k] : n;
		scan(&c, a, b);
		a = b;
	}
}

void sent_list_free(struct sent_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
