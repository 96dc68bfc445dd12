/* seg_word.c - the word before a period: its class in the rules (never-end,
 * not-before-number, may-end, usually-end), numbers, initials and units,
 * addresses and domain names, and whether a may-end word closes a name
 * ("Acme Corp.", "Washington, D.C."); a period glued between two words. */
#include "seg.h"

#include <string.h>

/* A "token" longer than this (bytes) is not a word: a period in it is
 * decided without looking further back (and costs no scan of all of it). */
enum { TOKEN_MAX = 256 };

/* Top-level domains common in news text: a dotted lowercase token that
 * ends in one is a domain name (example.com, bbc.co.uk), not a sentence
 * end followed by a word. */
static const char *const common_tlds[] = {"com", "org", "net", "gov", "edu", "int", "mil", "io",
					  "co", "uk", "us", "info", "biz", "news", "tv", "eu",
					  "de", "fr", "ca", "au", "in", "ru", "cn", "jp", NULL};

/* Units a single capital after a number or "degrees" stands for (98.6 F.,
 * 12 degrees C., 300 K.): not an initial. */
static const char measure_units[] = "FCK";
static const char *const measure_words[] = {"degrees", "degree", NULL};

/* Start of the whitespace-delimited token that ends at i. */
size_t seg_token_start(const struct ctx *c, size_t i)
{
	size_t lim = i - c->cur > TOKEN_MAX ? i - TOKEN_MAX : c->cur;
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
unsigned seg_lookup(const struct sent_rules *r, const char *w, size_t n, unsigned mask)
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
	const char *h = n >= 2 ? memrchr(w, '-', n - 1) : NULL;
	return h ? seg_lookup(r, h + 1, n - (size_t)(h + 1 - w), mask) : 0;
}

/* A domain name: lowercase labels, the last one a common top-level domain
 * (example.com, bbc.co.uk). */
static int domain_name(const char *t, size_t n)
{
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
	for (const char *const *d = common_tlds; *d; d++)
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
	*from = seg_token_start(c, e);
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
	return cp > 0 && uni_is_upper(cp) && !(seg_lookup(c->r, c->s + f, e - f, SR_STARTER) & SR_STARTER);
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
	for (const char *const *w = measure_words; *w; w++)
		if (strlen(*w) == e - f && !memcmp(c->s + f, *w, e - f))
			return 1;
	return 0;
}

/* Class of the token s[ts..p) before a period at p. */
int seg_left_class(const struct ctx *c, size_t ts, size_t p)
{
	const char *s = c->s;
	int addr = 0; /* an address needs one of @ : . */
	size_t w = ts, len;
	while (w < p) { /* opening quotes, brackets, $ and the like */
		unsigned char ch = (unsigned char)s[w];
		if (ch < 0x80) {
			if (is_ascii_alnum(ch))
				break;
			addr |= ch == '@' || ch == ':' || ch == '.';
			w++;
			continue;
		}
		int32_t cp = dec(s, p, w, &len);
		if (cp > 0 && (uni_is_letter(cp) || uni_is_digit(cp)))
			break;
		w += len;
	}
	size_t n = p - w;
	const char *t = s + w;
	int digits = 0, other = 0, dots = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)t[k];
		if (ch >= '0' && ch <= '9') {
			digits++;
		} else if (ch == '.') {
			dots++;
		} else if (ch != ',' && ch != '%') {
			other++;
			addr |= ch == '@' || ch == ':';
		}
	}
	if ((addr || dots) && looks_like_address(s + ts, p - ts))
		return W_REGULAR;
	if (!n)
		return W_REGULAR;
	if (digits && !other)
		return W_REGULAR; /* a number: 1,000. 3.5. */
	unsigned char last = (unsigned char)t[n - 1];
	if (last == ')' || last == ']' || last == '"' ||
	    (n >= 3 && last == 0x9D && (unsigned char)t[n - 2] == 0x80 && (unsigned char)t[n - 3] == 0xE2))
		return W_REGULAR; /* a period after a bracket or a quote: (D-Calif.). */
	switch (seg_lookup(c->r, t, n, SR_CLASS)) {
	case SR_NEVER: return W_NEVER;
	case SR_NUMERIC: return W_NUMERIC;
	case SR_USUALLY: return W_USUAL;
	case SR_MAYEND:
		/* Corp. after a name; D.C. only after "Washington," (not "the U.S."),
		 * St. only after a number (Georgiana St. Peter) */
		if (seg_lookup(c->r, t, n, SR_PREFIX)) /* but "4th St." is a street */
			return after_name(c, ts, 0) == 2 ? W_SUFFIX : W_WEAK;
		return after_name(c, ts, memchr(t, '.', n) != NULL) ? W_SUFFIX : W_WEAK;
	}
	if (dots) /* an unknown dotted abbreviation: E.U. Ph.D., or "Brooklyn, N.Y." */
		return after_name(c, ts, 1) ? W_SUFFIX : W_WEAK;
	int32_t cp = dec(t, n, 0, &len);
	if (len == n && cp > 0 && uni_is_letter(cp))
		return cp < 0x80 && strchr(measure_units, (int)cp) && after_measure(c, ts)
			       ? W_REGULAR : W_WEAK; /* an initial, not 98.6 F. */
	return W_REGULAR;
}

/* "ended.Then": a period with no space after it, between a word and a
 * capitalized word, that is not part of an address or an abbreviation. */
int seg_glued(const struct ctx *c, size_t i)
{
	const char *s = c->s;
	size_t len, len2, b = c->b;
	if (i + 2 >= b)
		return 0;
	int32_t u = dec(s, b, i + 1, &len);
	if (u <= 0 || !uni_is_upper(u))
		return 0;
	if (i + 1 + len >= b) /* a capital of several bytes ends the text */
		return 0;
	int32_t l = dec(s, b, i + 1 + len, &len2);
	if (l <= 0 || !uni_is_lower(l))
		return 0;
	size_t ts = seg_token_start(c, i);
	if (i - ts < 2)
		return 0;
	int32_t last = u8_decode_back(s, i, &len);
	if (last <= 0 || !(uni_is_lower(last) || uni_is_digit(last)))
		return 0;
	size_t te = i;
	while (te < b && te - i < TOKEN_MAX && !space_len(s, b, te))
		te++;
	if (looks_like_address(s + ts, te - ts))
		return 0;
	if (memchr(s + ts, '.', i - ts))
		return 0; /* file.name.Ext, a.b.Cd */
	return seg_left_class(c, ts, i) == W_REGULAR;
}
