/* segment.c - the sentence splitter's scan. One left-to-right pass over
 * the paragraph: a bit mask of the hot bytes, 64 at a time (hotbytes.c),
 * skips everything that cannot end a sentence, and each terminator (. ? !
 * ellipses, CJK stops) is decided here from the word before it
 * (seg_word.c) and the token after it (seg_next.c); line breaks, labels
 * and glued headings are seg_lines.c's, inline lists seg_lists.c's. */
#include "seg.h"
#include "hotbytes.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

enum { LIST_CUTS_MAX = 64 }; /* items of an inline list split (the rest stay with the last) */

/* What a hot byte is, for the scan loop: 1 terminators, line breaks and
 * the lead bytes of the non-ASCII ones (… ‼ • 。 ！ ？ and emoji); 2 a
 * colon, a semicolon or '<' (labels, emoticons); 3 a capital that may
 * open a glued heading. hotbytes.c finds them. */
static const unsigned char hot[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, ['\n'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
	[':'] = 2, /* after a label (Image: Photo:), an emoticon :) */
	[';'] = 2, ['<'] = 2, /* emoticons ;) <3 */
	['I'] = 3, ['O'] = 3, ['A'] = 3, ['F'] = 3, ['D'] = 3, /* a heading glued to a sentence */
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
void seg_cut(struct ctx *c, size_t pos)
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
int seg_has_word(struct ctx *c, size_t to)
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

/* ---- the decisions ---- */

/* The common cases of a period at i (i + 2 < the chunk end), decided at
 * once: "word. lower", and "3.5", "a.m", "x.com", "1,000.," (no space and
 * no capital after): the sentence goes on. Not in a paragraph written in
 * lowercase, nor before "i": there a lowercase word may start one. */
static inline int period_goes_on(const struct ctx *c, const char *s, size_t i)
{
	unsigned char n1 = (unsigned char)s[i + 1], n2 = (unsigned char)s[i + 2];
	if (n1 != ' ')
		return is_ascii_lower(n1) || n1 == ',' || n1 == ';' ||
		       (n1 >= '0' && n1 <= '9' && !is_ascii_lower((unsigned char)s[i - (i > 0)]));
	return is_ascii_lower(n2) && !c->lowstyle && /* 0, or not yet known */
	       !(n2 == 'i' && i + 3 < c->b && (s[i + 3] == ' ' || s[i + 3] == '\'' || s[i + 3] == '\xE2'));
}

/* After ". ", the ASCII bytes that make the case not simple: a second
 * period or space, and what may open an emoticon or a hashtag. */
static const unsigned char after_space[128] = {
	['.'] = 1, [' '] = 1, [':'] = 1, [';'] = 1, ['<'] = 1, ['='] = 1, ['#'] = 1,
};

/* A run of terminators starts at i: decide; returns where to go on. */
static size_t terminator(struct ctx *c, size_t i)
{
	const char *s = c->s;
	size_t b = c->b, j = i, len, l1, first_end = 0;
	int ndots = 0, nq = 0, cjk = 0, spaced = 0, ellch = 0;
	int simple = 0; /* one period, a space, an ASCII byte but a period */
	if (s[i] == '.' && i + 2 < b) {
		if (period_goes_on(c, s, i))
			return i + 1;
		unsigned char n1 = (unsigned char)s[i + 1], n2 = (unsigned char)s[i + 2];
		simple = n1 == ' ' && n2 < 0x80 && !after_space[n2];
	}
	int attached = 0, nclose = 0, emo = 0;
	size_t e;
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
	if (j < b && (s[j] == '[' || s[j] == '*' || (unsigned char)s[j] >= 0xC2))
		j = seg_citations(c, j); /* "the case.[3] The court" */
	if (j + 1 < b && s[j] == ' ' && smiley_lead(s, b, j + 1)) {
		e = seg_smileys_after(c, j, &emo); /* "Great! :) See you" */
		if (e > j)
			j = e, emo |= 2;
	}
	int tags;
	if (j < b && (emo || nq) && (tags = seg_tags(c, j, &e))) {
		/* "Best brunch ever! #brunch": the tags end the post's sentence */
		if (tags == 1) {
			j = e; /* "! #brunch Book ahead" */
		} else {
			const char *nl = memchr(s + j, '\n', b - j);
			return nl ? (size_t)(nl - s) : b;
		}
	}
decide:;
	size_t after = j;
	if (after >= b)
		return after; /* the chunk ends here anyway */
	if (!space_len(s, b, after)) {
		if (cjk)
			seg_cut(c, after);
		else if (ndots == 1 && !nq && !nclose && after == i + 1 && seg_glued(c, i) &&
			 seg_has_word(c, after))
			seg_cut(c, after);
		else if (nq && !ndots && !nclose && seg_glued_question(c, i, after) && seg_has_word(c, after))
			seg_cut(c, after);
		else if (ndots == 1 && !nq && !nclose && after == i + 1 && (e = seg_footnote(c, i)) && seg_has_word(c, i))
			seg_cut(c, after = e); /* "in children.14 15 Most were" */
		return after;
	}
	struct next x;
	seg_next_token(c, after, &x);
	if (x.kind == N_END || x.kind == N_CONT || (x.kind == N_OTHER && nq && seg_dash_aside(c, after)))
		return after;
	if (x.kind == N_LOWER) {
		/* an emoticon after the mark ends it ("Great! :) see you"); a
		 * lowercase start needs evidence; a quotation or a bracket
		 * closed after the mark goes on ('"Done." she said', "(why?) he") */
		if (((emo & 1) || (!nclose && seg_lower_start(c, i, ndots, nq, &x))) && seg_has_word(c, i))
			seg_cut(c, after);
		return after;
	}
	size_t at = after;
	int ok;
	if (ndots >= 3) {
		if (i > 0 && (s[i - 1] == '[' || s[i - 1] == '(') &&
		    (first_close == ']' || first_close == ')'))
			ok = seg_starter(c, &x); /* [...] marks an omission */
		else if (ndots >= 4 || nq) {
			ok = 1; /* a period and an ellipsis */
			if (attached && spaced && s[i] == '.' && !ellch)
				at = first_end; /* "end. . . . The": the ellipsis opens the next one */
		} else {
			/* an ellipsis alone, glued to its word ("I waited... Nobody
			 * came"): before a capital or a digit, unless the word cannot
			 * end a sentence ("it is... Friday") or comes again ("I... I");
			 * set off by spaces (an omission: "the term ... Islamic") or
			 * before a bracket or a quote, only before a sentence starter */
			if (attached && !x.opened)
				ok = (x.kind == N_UPPER || x.kind == N_DIGIT) && !seg_joiner_before(c, i) &&
				     !seg_stammer(c, i, &x);
			else
				ok = seg_starter(c, &x);
		}
	} else if (nq || cjk) {
		ok = !(nclose && first_close != ')' && first_close != ']' && seg_attribution(c, &x));
	} else {
		int cls = seg_left_class(c, seg_token_start(c, i), i);
		switch (cls) {
		case W_NEVER:
			ok = 0;
			break;
		case W_NUMERIC:
			ok = x.kind != N_DIGIT;
			break;
		case W_WEAK:
		case W_SUFFIX:
			ok = nclose || ((seg_starter(c, &x) || (cls == W_SUFFIX && seg_clause_follows(c, &x))) &&
					!seg_short_prep_phrase(c, c->cur, i) && !seg_title_case(c));
			break;
		case W_USUAL:
			ok = nclose || (((x.kind == N_UPPER && !seg_continuer(c, &x)) || x.quoted) &&
					!seg_short_prep_phrase(c, c->cur, i) && !seg_title_case(c));
			break;
		default:
			ok = 1;
		}
	}
	if (ok && seg_has_word(c, at))
		seg_cut(c, at);
	return after;
}

/* Does a colon and white space come just before i ("Pros: • light")? */
static int after_colon(const struct ctx *c, size_t i)
{
	size_t l;
	while (i > c->cur && (l = space_back(c->s, i)))
		i -= l;
	return i > c->cur && c->s[i - 1] == ':';
}

/* What may follow the first byte of an emoticon (: ; <): a nose, a tear,
 * a mouth (seg_web.c has the whole list). Not a space, a digit, a letter
 * of a word: the common colon goes on at once. */
static const unsigned char emoticon_second[256] = {
	['-'] = 1, ['\''] = 1, ['^'] = 1, ['('] = 1, [')'] = 1, ['D'] = 1, ['P'] = 1, ['p'] = 1,
	['O'] = 1, ['o'] = 1, ['/'] = 1, ['|'] = 1, ['*'] = 1, ['3'] = 1, ['S'] = 1,
};

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
			int ascii;
			size_t n = ch == 0xF0 ? seg_smiley(c, i, &ascii) : 0;
			/* an emoji; 0xF1..0xFF and the like, caught by the vector test */
			i = n ? seg_smiley_end(c, i, i + n, ascii) : i + 1;
			continue;
		}
		if (hot[ch] > 1) {
			int ascii;
			size_t n;
			if (hot[ch] == 2 && i + 1 < b && emoticon_second[(unsigned char)s[i + 1]] &&
			    (n = seg_smiley(c, i, &ascii))) {
				i = seg_smiley_end(c, i, i + n, ascii);
				continue;
			}
			if (ch == ':') {
				if (!c->nc && !c->a && (c->nc = seg_label_list(c, i, c->cuts, LIST_CUTS_MAX)))
					b = c->b = c->cuts[0]; /* "Steps: 1. open it 2. ...": a chunk ends */
				seg_label(c, i);
			}
			else if (hot[ch] == 3 && i > 0 && s[i - 1] == ' ' && i + 1 < b && s[i + 1] >= 'a' &&
				 s[i + 1] <= 'z')
				seg_glued_heading(c, i);
			i++;
			continue;
		}
		if (ch == '.' && i + 2 < b && period_goes_on(c, s, i)) {
			i++; /* the common case, without the call */
		} else if (ch == '.' || ch == '?' || ch == '!') {
			i = terminator(c, i);
		} else if (ch == '\n') {
			i = seg_newline(c, i);
		} else {
			size_t len;
			int32_t cp = dec(s, b, i, &len);
			int ascii;
			size_t n;
			if (uni_is_terminator(cp)) {
				i = terminator(c, i);
			} else if ((n = seg_smiley(c, i, &ascii))) {
				i = seg_smiley_end(c, i, i + n, ascii);
			} else {
				if (uni_is_bullet(cp) && i > c->cur && space_back(s, i) && !after_colon(c, i))
					seg_cut(c, i);
				i += len;
			}
		}
	}
	seg_cut(c, b);
}

void sent_split(const struct sent_rules *r, const char *s, size_t n, struct sent_list *out)
{
	struct ctx c = {.r = r, .s = s, .n = n, .listblock = -1, .titlecase = -1, .longest = -1,
			.lowstyle = seg_opens_lower(s, n), .out = out, .hw_from = (size_t)-1};
	size_t cuts[LIST_CUTS_MAX];
	c.cuts = cuts;
	out->n = 0;
	c.nc = seg_list_cuts(&c, c.cuts, LIST_CUTS_MAX);
	/* the items are chunks; the scan of the first may find a list after a
	 * label (and end that chunk at its first item) */
	size_t a = 0;
	for (size_t k = 0; k <= c.nc; k++) {
		scan(&c, a, k < c.nc ? c.cuts[k] : n);
		a = c.b;
	}
}

void sent_list_free(struct sent_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
