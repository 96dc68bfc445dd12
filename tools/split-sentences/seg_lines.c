/* seg_lines.c - what lines and headings decide: a line break that ends a
 * sentence (a blank line, a list item, a line that stands alone such as a
 * byline, a block of short lines), a label after a caption ("Image:"), a
 * heading glued to the next sentence, a headline in title case, and a
 * short phrase opened by a preposition ("At 5 a.m."). */
#include "seg.h"

#include <string.h>

/* The thresholds of what lines decide (English news; see each use). */
enum {
	TITLE_MAX_BYTES = 300,  /* a headline in title case is short ... */
	TITLE_MIN_WORDS = 4,    /* ... has this many words or more ... */
	TITLE_LONG_LETTERS = 4, /* ... of which those of this many letters ... */
	TITLE_MIN_LONG = 2,     /* ... (at least this many) are capitalized */
	TITLE_CAPS_OF_5 = 4,    /* four in five */
	PHRASE_MAX_WORDS = 3,   /* "At 5 a.m.": a phrase this short is no sentence */
	ITEM_MAX_DIGITS = 3,    /* a list item's number: "1. " to "999. " */
	BLOCK_MIN_LINES = 3,    /* a block of this many short lines or more (a menu) ... */
	BLOCK_MAX_WORDS = 5,    /* ... none of more words than this: each line is one */
	ALONE_MAX_WORDS = 12,   /* a line that stands alone (headline, byline): this many words, */
	ALONE_OF_10 = 6,        /* and at most six tenths of the longest line */
	LABEL_MAX_BYTES = 40,   /* "Image:" and its like are short */
	KEY_MAX_BYTES = 24,     /* "Subject:", "Reply-To:": a header's name is short */
	SIGNOFF_MAX_WORDS = 3,  /* "Thanks,", "Best regards,", "Hi team,": a line that short */
	SIGNOFF_MAX_BYTES = 30, /* ... ending in a comma stands alone */
	SHORT_LINE_BYTES = 40,  /* a line this short is no hard-wrapped one */
};

/* Phrase openers: a short phrase that starts with one and ends in a
 * may-end or usually-end abbreviation ("At 5 a.m.") does not end there. */
static const char *const phrase_openers[] = {"At", "By", "On", "In", "Before", "After", "Until", "Till",
					     "Around", "About", "From", "Since", "Near", "Shortly", NULL};

/* A glued heading: one of these capitalized right after a word, then one
 * of heading_seconds. hotbytes.c's tables mark the capitals that open
 * them (the first two letters: In On At Fo Du Af Ac Al De), so a word
 * added here must be added there too; a unit test checks every word. */
const char *const seg_heading_openers[] = {"In", "On", "At", "For", "During", "After",
					   "According", "Although", "Despite", NULL};
enum { HEADING_OPENER_MAX = 9 }; /* bytes in the longest ("According") */
static const char *const heading_seconds[] = {"the", "a", "an", "his", "her", "its", "their", "this",
					      "that", "these", "those", "our", "my", "Monday", "Tuesday",
					      "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", NULL};

/* Is the paragraph a headline in title case ("Why the U.S. And China Can't
 * Agree")? There capitals say nothing about sentence starts. At most 300
 * bytes, at least four words, and four in five of those of four letters or
 * more capitalized. */
int seg_title_case(struct ctx *c)
{
	if (c->titlecase >= 0)
		return c->titlecase;
	const char *s = c->s;
	int words = 0, long_words = 0, caps = 0;
	if (c->n > TITLE_MAX_BYTES)
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
		if (letters >= TITLE_LONG_LETTERS) {
			long_words++;
			caps += s[w] >= 'A' && s[w] <= 'Z';
		}
	}
	c->titlecase = words >= TITLE_MIN_WORDS && long_words >= TITLE_MIN_LONG &&
		       caps * 5 >= long_words * TITLE_CAPS_OF_5;
	return c->titlecase;
}

/* "At 5 a.m." is no sentence: a short phrase opened by a preposition. */
int seg_short_prep_phrase(const struct ctx *c, size_t from, size_t to)
{
	const char *s = c->s;
	while (from < to && !is_ascii_alnum((unsigned char)s[from]))
		from++;
	size_t w = from;
	while (w < to && is_ascii_alnum((unsigned char)s[w]))
		w++;
	int ok = 0;
	for (const char *const *p = phrase_openers; *p; p++)
		ok |= strlen(*p) == w - from && !memcmp(*p, s + from, w - from);
	if (!ok)
		return 0;
	int words = 1;
	for (size_t k = w; k < to && words <= PHRASE_MAX_WORDS; k++)
		if (s[k] == ' ' && k + 1 < to && s[k + 1] != ' ')
			words++;
	return words <= PHRASE_MAX_WORDS;
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
	while (k < b && k - j < ITEM_MAX_DIGITS && s[k] >= '0' && s[k] <= '9')
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
	return lines >= BLOCK_MIN_LINES && maxw <= BLOCK_MAX_WORDS;
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
		if (s[ls] == ' ' && s[ls + 1] != ' ' && ++words > ALONE_MAX_WORDS)
			return 0;
	}
	if ((e - ls) * 10 > longest_line(c) * ALONE_OF_10)
		return 0;
	int32_t cp = dec(s, c->b, j, &len);
	while (cp > 0 && uni_is_opener(cp) && j + len < c->b) {
		j += len;
		cp = dec(s, c->b, j, &len);
	}
	return cp > 0 && (uni_is_upper(cp) || uni_is_digit(cp)) && seg_has_word(c, e);
}

/* Does the line s[ls..e) open with a header's name and a colon ("From:
 * ", "Reply-To: ")? Capitalized words, at most KEY_MAX_BYTES. */
static int header_line(const char *s, size_t ls, size_t e)
{
	if (ls >= e || !(s[ls] >= 'A' && s[ls] <= 'Z'))
		return 0;
	for (size_t k = ls + 1; k < e && k - ls <= KEY_MAX_BYTES; k++) {
		char ch = s[k];
		if (ch == ':')
			return k + 1 < e && s[k + 1] == ' ';
		if (!(((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch == '-' || ch == ' '))
			return 0;
		if (ch == ' ' && !(s[k + 1] >= 'A' && s[k + 1] <= 'Z'))
			return 0;
	}
	return 0;
}

/* Does the line s[ls..e) open with a chat time stamp ("[10:41] ", "10:41 ")? */
static int stamp_line(const char *s, size_t ls, size_t e)
{
	size_t k = ls + (ls < e && s[ls] == '[');
	size_t d = k;
	while (k < e && k - d < 2 && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k == d || k + 3 > e || s[k] != ':' || !(s[k + 1] >= '0' && s[k + 1] <= '9') ||
	    !(s[k + 2] >= '0' && s[k + 2] <= '9'))
		return 0;
	k += 3;
	return k < e && (s[ls] == '[' ? s[k] == ']' : s[k] == ' ');
}

/* Is the line s[ls..e) a separator ("--", "---", "***", "___")? */
static int separator_line(const char *s, size_t ls, size_t e)
{
	int marks = 0;
	for (size_t k = ls; k < e; k++) {
		if (s[k] == '-' || s[k] == '_' || s[k] == '*' || s[k] == '=' || s[k] == '~')
			marks++;
		else if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
			return 0;
	}
	return marks >= 2;
}

/* The end of the line that starts at j (its '\n' or the chunk end). */
static size_t line_end(const struct ctx *c, size_t j)
{
	const char *nl = memchr(c->s + j, '\n', c->b - j);
	return nl ? (size_t)(nl - c->s) : c->b;
}

/* The first byte of the line at j that is not white space (or j). */
static size_t first_mark(const struct ctx *c, size_t j)
{
	size_t k = j;
	while (k < c->b && (c->s[k] == ' ' || c->s[k] == '\t'))
		k++;
	return k < c->b ? k : j;
}

/* The first word of the line at j, after quote marks of a reply ("> ")
 * and opening marks: sets *w and returns its end (== *w if none). */
static size_t first_word(const struct ctx *c, size_t j, size_t *w)
{
	const char *s = c->s;
	size_t b = c->b, len;
	while (j < b && (s[j] == '>' || s[j] == ' ' || s[j] == '\t'))
		j++;
	while (j < b) {
		int32_t cp = dec(s, b, j, &len);
		if (!(cp > 0 && uni_is_opener(cp)))
			break;
		j += len;
	}
	*w = j;
	while (j < b && (is_ascii_alnum((unsigned char)s[j]) || s[j] == '\''))
		j++;
	return j;
}

/* A line break at i before the line at j, the line before it s[ls..e)
 * (white space trimmed) with no final punctuation: is that line a unit of
 * its own in web text? A line ending in a colon (a heading, "... wrote:");
 * a header among headers ("From: ...", "Subject: ..."); a short greeting
 * or sign-off ending in a comma ("Thanks,"); a short line the next does
 * not continue ("Thanks, that worked" + "Marking as solved"). A line that
 * ends in a joiner ("the", "of", "and") runs on, and a lowercase next line
 * continues it unless the paragraph is written in lowercase. */
static int line_is_unit(struct ctx *c, size_t ls, size_t e, size_t j)
{
	const char *s = c->s;
	unsigned char last = (unsigned char)s[e - 1];
	if (last == ':' || (s[ls] == '>') != (s[first_mark(c, j)] == '>'))
		return 1; /* a heading, "... wrote:"; a quoted reply starts or ends */
	if (stamp_line(s, ls, e) && stamp_line(s, j, line_end(c, j)))
		return 1; /* chat: each message is one at least */
	if (header_line(s, ls, e) &&
	    (header_line(s, j, line_end(c, j)) ||
	     (ls > c->a + 1 && header_line(s, seg_line_start(c, ls - 1), ls - 1))))
		return 1;
	int words = 1;
	for (size_t k = ls; k + 1 < e; k++)
		words += s[k] == ' ' && s[k + 1] != ' ';
	if (last == ',')
		return words <= SIGNOFF_MAX_WORDS && e - ls <= SIGNOFF_MAX_BYTES;
	if (!(is_ascii_alnum(last) || last >= 0x80))
		return 0;
	size_t f = e;
	while (f > ls && (is_ascii_alnum((unsigned char)s[f - 1]) || s[f - 1] == '\''))
		f--;
	if (f < e && seg_word_is(c, f, e, SR_JOINER))
		return 0;
	size_t w, we = first_word(c, j, &w), len;
	if (w >= c->b)
		return 0;
	int32_t cp = dec(s, c->b, w, &len);
	int shorter = e - ls <= SHORT_LINE_BYTES;
	if (cp > 0 && (uni_is_upper(cp) || uni_is_digit(cp)))
		return shorter || (we > w && (sr_get(c->r, s + w, we - w) & SR_STARTER));
	if (cp > 0 && uni_is_lower(cp) && seg_lowstyle(c) && we > w && !(sr_get(c->r, s + w, we - w) & (SR_JOINER | SR_NOSTART)))
		return shorter || (sr_get(c->r, s + w, we - w) & SR_SUBJECT);
	return 0;
}

/* The start of the line that holds s[i] (not before the chunk). */
size_t seg_line_start(const struct ctx *c, size_t i)
{
	while (i > c->a && c->s[i - 1] != '\n')
		i--;
	return i;
}

/* A line break inside the paragraph at i. */
size_t seg_newline(struct ctx *c, size_t i)
{
	if (c->listblock < 0)
		c->listblock = short_lines(c);
	if (c->listblock) {
		if (!seg_joiner_before(c, i)) /* "> I can bring the\n> projector" runs on */
			seg_cut(c, i);
		return i + 1;
	}
	size_t j = i + 1, l;
	while (j < c->b && c->s[j] != '\n' && (l = space_len(c->s, c->b, j)))
		j += l;
	if (j >= c->b)
		return i + 1;
	if (c->s[j] == '\n' || item_start(c, j) || line_stands_alone(c, i, j)) {
		seg_cut(c, i); /* a blank line, a list item or a headline before */
		return i + 1;
	}
	size_t e = i, ls;
	if (separator_line(c->s, seg_line_start(c, i), i) ||
	    (separator_line(c->s, j, line_end(c, j)) && seg_has_word(c, i))) {
		seg_cut(c, i); /* "--" before a signature stands alone */
		return i + 1;
	}
	while (e > c->cur && (l = space_back(c->s, e)))
		e -= l;
	if (e > c->cur && (ls = seg_line_start(c, e)) < e && line_is_unit(c, ls, e, j) &&
	    seg_has_word(c, e))
		seg_cut(c, i);
	return i + 1;
}

/* "Image:" after a caption without a final period starts a new sentence. */
void seg_label(struct ctx *c, size_t i)
{
	const char *s = c->s;
	if (i + 1 < c->b && !space_len(s, c->b, i + 1))
		return;
	size_t ts = seg_token_start(c, i);
	if (ts <= c->cur || i - ts > LABEL_MAX_BYTES || !(seg_lookup(c->r, s + ts, i - ts, SR_LABEL) & SR_LABEL))
		return;
	size_t p = ts, l;
	while (p > c->cur && (l = space_back(s, p)))
		p -= l;
	if (p == ts || p == c->cur)
		return;
	unsigned char prev = (unsigned char)s[p - 1];
	if (prev == ',' || prev == ';' || prev == ':' || prev == '(' || prev == '-' || prev == '&')
		return;
	if (seg_has_word(c, p))
		seg_cut(c, ts);
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
void seg_glued_heading(struct ctx *c, size_t i)
{
	const char *s = c->s;
	size_t b = c->b;
	if (i < c->cur + 2 || s[i - 1] != ' ' || !is_ascii_alnum((unsigned char)s[i - 2]))
		return;
	size_t e = i + 1;
	while (e < b && e - i <= HEADING_OPENER_MAX && s[e] >= 'a' && s[e] <= 'z')
		e++;
	static unsigned lens[32]; /* by first letter, the lengths of the openers */
	if (!lens[0]) {
		lens[0] = 1;
		for (const char *const *w = seg_heading_openers; *w; w++)
			lens[**w & 31] |= 1u << strlen(*w);
	}
	if (e >= b || s[e] != ' ' || e - i > HEADING_OPENER_MAX || !(lens[s[i] & 31] >> (e - i) & 1) ||
	    !word_in(s + i, e - i, seg_heading_openers))
		return;
	size_t f = e + 1;
	while (f < b && is_ascii_alnum((unsigned char)s[f]))
		f++;
	if (f >= b || (s[f] != ' ' && s[f] != ',') || !word_in(s + e + 1, f - e - 1, heading_seconds))
		return;
	if (seg_has_word(c, i) && !seg_title_case(c))
		seg_cut(c, i);
}
