/* bp_classify.c - deciding, for the lines of one document, which are
 * article text. First each line alone (rules, no text, link density, short
 * labels, repeated lines, then good / near-good / short by length, stopword
 * share and sentence punctuation), then from context: a run of unsure lines
 * between two good ones is article, between two bad ones (or the document's
 * edges) boilerplate; the body is the stretch of the document where good
 * text outweighs what lies between, and lines outside it go. */
#include "bp.h"
#include "msg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { C_BAD, C_SHORT, C_NEAR, C_GOOD };

const char *const bp_reason_names[BPR_N] = {
	[BPR_NONE] = "",
	[BPR_NO_TEXT] = "no-text",
	[BPR_LINKS] = "links",
	[BPR_IMAGE] = "image",
	[BPR_LABEL] = "label",
	[BPR_SHORT] = "short",
	[BPR_HEAD] = "head",
	[BPR_TAIL] = "tail",
	[BPR_REPEATED] = "repeated",
	[BPR_FREQUENT] = "frequent",
	[BPR_TITLE] = "title",
	[BPR_DUPLICATE] = "duplicate",
};


static void set_bad(struct bp_line *l, enum bp_reason r)
{
	l->cls = C_BAD;
	l->why = bp_reason_names[r];
}

/* The class of a line on its own. */
static void classify_line(struct bp_config *c, struct bp_line *l, int use_stop)
{
	const struct bp_params *p = &c->p;
	l->why = NULL;
	if (l->drop_rule >= 0) {
		l->cls = C_BAD;
		l->why = c->rules[l->drop_rule].name;
		return;
	}
	if (l->no_text) {
		set_bad(l, BPR_NO_TEXT);
		return;
	}
	/* an image with a caption (alt text) or with a few words: a figure
	 * or a teaser */
	if (l->image && ((l->image & 2) || l->words < p->image_words)) {
		set_bad(l, BPR_IMAGE);
		return;
	}
	if (l->links > p->max_link_density) {
		set_bad(l, BPR_LINKS);
		return;
	}
	float w = l->words;
	if (l->hash && bp_freq_has(c, l->hash)) {
		set_bad(l, BPR_FREQUENT);
		return;
	}
	if (p->repeat_min_docs > 0 && w <= p->repeat_max_words && l->hash &&
	    bp_seen_in_docs(c, l->hash) >= p->repeat_min_docs) {
		set_bad(l, BPR_REPEATED);
		return;
	}
	if (w < p->near_words && !l->ends_punct && l->digits > p->max_digits) {
		set_bad(l, BPR_LABEL);
		return;
	}
	float sd = use_stop && l->stop >= 0 ? l->stop : 1.0f;
	if (l->heading || (l->caps > p->max_caps && w >= 2) ||
	    (p->title_stopwords > 0 && l->cap_stops >= p->title_stopwords))
		l->cls = C_SHORT; /* a heading, a label or a title: context decides */
	else if (w >= p->long_words && sd >= p->near_stopwords)
		l->cls = C_GOOD;
	else if (w >= p->good_words && sd >= p->good_stopwords && l->ends_punct == 1)
		l->cls = C_GOOD;
	else if (w >= p->near_words && sd >= p->near_stopwords)
		l->cls = C_NEAR;
	else
		l->cls = C_SHORT;
}

/* The body: the stretch of the document with the largest sum of line
 * weights. Good lines weigh their words; near-good ones a share of their
 * words (more with a sentence end); short ones a small cost; lines with no
 * text nothing (images sit between paragraphs); other boilerplate a cost
 * that grows along a run of it (a wall of navigation is not crossed) plus
 * its words. Lines dropped by rules marked 'inside' (captions, promos
 * inserted into the story) cost less and do not make a run. With prefix
 * set, the stretch starts at the first line (the body's continuation). */
static double find_stretch(const struct bp_config *c, const struct bp_line *L, size_t n, int prefix,
			   size_t *bs, size_t *be)
{
	const struct bp_params *p = &c->p;
	double best = 0, cur = 0, run = 0, fig = 0, figc = 0;
	size_t cs = 0;
	*bs = *be = 0;
	for (size_t i = 0; i < n; i++) {
		const struct bp_line *l = &L[i];
		double v;
		/* the k-th line of a block of figure lines (images, captions,
		 * credits) costs 1 / (1 + inside_decay * (k - 1)) of a lone one */
		figc = fig;
		fig = 0;
		switch (l->cls) {
		case C_GOOD:
			v = l->words > 1 ? l->words : 1;
			run = 0;
			break;
		case C_NEAR:
			v = l->words * (l->ends_punct == 1 ? p->near_weight : p->near_weight_nopunct);
			if (l->ends_punct == 1)
				run = 0;
			break;
		case C_SHORT:
		short_line:
			v = -p->short_cost;
			run += p->short_run;
			break;
		default:
			if (l->why == bp_reason_names[BPR_LABEL] && p->label_short)
				goto short_line;
			if (l->why == bp_reason_names[BPR_NO_TEXT]) {
				v = -p->no_text_cost / (1 + p->inside_decay * figc);
				fig = figc + 1;
				break;
			}
			if (p->repeat_cost >= 0 && (l->why == bp_reason_names[BPR_REPEATED] ||
						    l->why == bp_reason_names[BPR_FREQUENT])) {
				v = -p->repeat_cost;
				run += p->short_run;
				break;
			}
			if ((l->drop_rule >= 0 && c->rules[l->drop_rule].inside) ||
			    l->why == bp_reason_names[BPR_IMAGE]) {
				v = -(p->inside_cost + p->inside_gap_words * l->words) / (1 + p->inside_decay * figc);
				fig = figc + 1;
				break;
			}
			run += 1;
			v = -(p->body_bad_line * pow(run, p->body_run_growth) + p->body_gap_words * l->words);
		}
		if (cur <= 0 && !prefix) {
			cur = 0;
			cs = i;
		}
		cur += v;
		if (cur > best) {
			best = cur;
			*bs = cs;
			*be = i + 1;
		}
	}
	return best;
}

static double find_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *bs, size_t *be)
{
	return find_stretch(c, L, n, 0, bs, be);
}

/* A line the body may be carried across to more article text: not a
 * heading (a new section: comments, related stories), nor one that heads
 * a box of links or only follows articles. */
static int bridgeable(const struct bp_config *c, const struct bp_line *l)
{
	return !l->heading && !(l->drop_rule >= 0 && (c->rules[l->drop_rule].after || c->rules[l->drop_rule].box));
}

/* Lines a..b-1 are boilerplate: reason r for good ones, else 'short'. */
static void gap_out(struct bp_line *L, size_t a, size_t b, enum bp_reason r)
{
	for (size_t i = a; i < b; i++)
		if (L[i].cls != C_BAD) {
			L[i].cls = C_BAD;
			L[i].why = bp_reason_names[L[i].cls0 == C_GOOD ? r : BPR_SHORT];
		}
}

/* The body goes on after a block of at most body_bridge_lines lines (a
 * figure, a gallery and its controls, credits) when what follows it starts
 * with a good paragraph, weighs body_bridge_words or more and holds
 * body_bridge_paragraphs good paragraphs; the block itself stays out. */
static void bridge_body(const struct bp_config *c, struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_bridge_lines;
	if (gmax == 0)
		return;
	for (int k = 0; k < 16 && *be < n; k++) {
		size_t j, e = 0;
		int done = 0;
		for (j = *be + 1; j < n && j <= *be + gmax && bridgeable(c, &L[j - 1]); j++) {
			if (L[j].cls0 != C_GOOD || L[j].heading)
				continue;
			size_t s0, np = 0;
			if (find_stretch(c, L + j, n - j, 1, &s0, &e) < p->body_bridge_words)
				continue;
			for (size_t i = j; i < j + e; i++)
				np += L[i].cls0 == C_GOOD && L[i].ends_punct == 1;
			if ((double)np >= p->body_bridge_paragraphs) {
				done = 1;
				break;
			}
		}
		if (!done)
			break;
		gap_out(L, *be, j, BPR_TAIL);
		*be = j + e;
	}
}

/* The shape of a list item: its bullet, heading level, the class of its
 * first character, a separator (dash or colon) near its start, and its end. */
static unsigned shape(const struct bp_line *l)
{
	const unsigned char *t = (const unsigned char *)l->s + l->a;
	size_t n = l->b - l->a, k = 0;
	while (k < n && (t[k] == '*' || t[k] == '-' || t[k] == '+' || t[k] == '#' || t[k] == ' ' || t[k] == '>'))
		k++;
	unsigned first = k >= n ? 0 : t[k] >= '0' && t[k] <= '9' ? 1 : t[k] >= 'A' && t[k] <= 'Z' ? 2
		       : t[k] >= 'a' && t[k] <= 'z' ? 3 : 4;
	unsigned sep = 0;
	for (size_t i = k; i < n && i < k + 48; i++) {
		if (t[i] == ':' || t[i] == '|' || t[i] == '@')
			sep |= 1;
		else if (t[i] == ' ' && i + 2 < n && (t[i + 1] == '-' || (t[i + 1] == 0xE2 && t[i + 2] == 0x80)))
			sep |= 2;
	}
	return l->bullet | (unsigned)l->heading << 2 | first << 5 | sep << 8 | (unsigned)(l->ends_punct == 1) << 10;
}

static int title_like(const struct bp_params *p, const struct bp_line *l)
{
	return l->drop_rule < 0 && !l->no_text && l->links <= p->max_link_density &&
	       l->words >= p->title_min_words && l->words <= p->title_max_words &&
	       l->ends_punct != 1 && !l->has_url;
}

static int cmp_dup(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Lines the document holds more than once that do not end like a
 * sentence (a teaser listed twice, a caption under an image and in a
 * gallery) are boilerplate, unless many lines repeat (a table, a list
 * of items that share their words). */
static int dup_candidate(const struct bp_params *p, const struct bp_line *l)
{
	/* list items, quotes and table rows repeat in articles too */
	return l->cls0 != C_BAD && !l->bullet && !(l->punct[1] >> ('|' - 64) & 1) && l->words >= p->dup_min_words;
}

static int dup_loose(const struct bp_params *p, const struct bp_line *l)
{
	return l->ends_punct == 1 || l->words > p->dup_max_words;
}

static void mark_duplicates(struct bp_config *c, struct bp_line *L, size_t n, size_t title)
{
	const struct bp_params *p = &c->p;
	if (p->dup_max_words <= 0 || n < 2)
		return;
	/* lines short of a sentence end and of dup_max_words: by their
	 * hash (case, digits and punctuation folded), anywhere in the
	 * document */
	uint64_t (*k)[2] = xmalloc(n * sizeof *k);
	unsigned char *dup = xcalloc(n, 1);
	size_t m = 0, ndup = 0;
	for (size_t i = 0; i < n; i++) {
		const struct bp_line *l = &L[i];
		if (!dup_candidate(p, l) || dup_loose(p, l))
			continue;
		uint64_t h = l->hash ? l->hash : bp_line_hash(l);
		if (h)
			k[m][0] = h, k[m][1] = i, m++;
	}
	qsort(k, m, sizeof *k, cmp_dup);
	for (size_t i = 0; i + 1 < m; i++)
		if (k[i][0] == k[i + 1][0]) {
			ndup += !dup[k[i][1]] + !dup[k[i + 1][1]];
			dup[k[i][1]] = dup[k[i + 1][1]] = 1;
		}
	/* any other line held twice a few lines apart, byte for byte (a
	 * caption under an image and again in its gallery) */
	for (size_t i = 0; i < n; i++) {
		const struct bp_line *x = &L[i];
		if (!dup_candidate(p, x) || !dup_loose(p, x))
			continue;
		for (size_t j = i + 1; j < n && j <= i + (size_t)p->dup_near_lines; j++) {
			const struct bp_line *y = &L[j];
			if (y->b - y->a == x->b - x->a && dup_candidate(p, y) &&
			    memcmp(y->s + y->a, x->s + x->a, x->b - x->a) == 0) {
				ndup += !dup[i] + !dup[j];
				dup[i] = dup[j] = 1;
			}
		}
	}
	if (ndup && (ndup <= 2 || (double)ndup <= p->dup_max_share * (double)n))
		for (size_t i = 0; i < n; i++)
			if (dup[i] && i != title && L[i].cls == C_GOOD)
				set_bad(&L[i], BPR_DUPLICATE);
	free(dup);
	free(k);
}

void bp_classify(struct bp_config *c, struct bp_line *L, size_t n)
{
	const struct bp_params *p = &c->p;
	c->run.doc_seq++;
	/* doc-wide stopword share: is the stopword list in this language? */
	double tw = 0, ts = 0;
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		l->keep = 0;
		l->hash = (p->repeat_min_docs > 0 || c->freq.n) && l->words <= p->repeat_max_words ? bp_line_hash(l) : 0;
		if (l->drop_rule < 0 && l->stop >= 0 && l->words >= p->near_words) {
			tw += l->words;
			ts += l->stop * l->words;
		}
	}
	int use_stop = tw == 0 || ts / tw >= p->min_doc_stopwords;
	for (size_t i = 0; i < n; i++) {
		classify_line(c, &L[i], use_stop);
		L[i].cls0 = L[i].cls;
	}
	size_t bs, be;
	double best = find_body(c, L, n, &bs, &be);
	/* a page's headline is its only level-1 heading, and the article
	 * follows it: a stretch after it that weighs enough is the body */
	size_t from = 0;
	if (p->body_after_h1 > 0) {
		size_t h1 = n, nh1 = 0;
		for (size_t i = 0; i < n; i++)
			if (L[i].heading == 1 && L[i].cls0 != C_BAD)
				h1 = i, nh1++;
		if (nh1 == 1 && h1 + 1 < n && title_like(p, &L[h1])) {
			from = h1 + 1;
			if (bs < from) {
				size_t as, ae;
				double after = find_body(c, L + from, n - from, &as, &ae);
				if (ae > as && after >= p->body_after_h1 * best)
					bs = from + as, be = from + ae, best = after;
				else
					from = 0;
			}
		}
	}
	/* nor does it go on after a line that only follows articles (a
	 * comment header): a stretch before the first one is the body */
	if (bs > from) {
		size_t k = from;
		while (k < bs && !(L[k].drop_rule >= 0 && c->rules[L[k].drop_rule].after))
			k++;
		if (k < bs) {
			size_t fs, fe;
			double first = find_body(c, L + from, k - from, &fs, &fe);
			if (fe > fs && first >= p->good_words)
				bs = from + fs, be = from + fe, best = first;
		}
	}
	/* ... and a body that holds such a line ends before it, when what
	 * comes before it holds a good paragraph's weight */
	for (size_t k = bs + 1; k < be; k++)
		if (L[k].drop_rule >= 0 && c->rules[L[k].drop_rule].after) {
			size_t fs, fe;
			double first = find_body(c, L + bs, k - bs, &fs, &fe);
			if (fe > fs && first >= p->good_words)
				be = bs + fe, bs = bs + fs;
			break;
		}
	/* an article comes before its comments: a stretch before the best one
	 * that weighs nearly as much is the body */
	if (p->body_prefer_first > 0 && bs > from) {
		size_t fs, fe;
		double first = find_body(c, L + from, bs - from, &fs, &fe);
		if (first >= p->body_prefer_first * best && fe > fs)
			bs = from + fs, be = from + fe;
	}
	if (be > bs)
		bridge_body(c, L, n, &be);
	/* no body at all (a brief, a document of short lines): fall back to
	 * the lines that read as sentences */
	if (be == bs) {
		for (size_t i = 0; i < n; i++) {
			struct bp_line *l = &L[i];
			if ((l->cls == C_NEAR || l->cls == C_SHORT) && l->ends_punct == 1 &&
			    l->words >= p->title_min_words && !l->heading)
				l->cls = C_GOOD;
			else if (l->cls != C_BAD)
				l->cls = C_BAD, l->why = bp_reason_names[BPR_SHORT];
		}
		goto done;
	}
	/* a list the body ends with goes on while its items keep their shape */
	while (be >= bs + 2 && be < n && (L[be].cls == C_SHORT || L[be].cls == C_NEAR) &&
	       shape(&L[be]) == shape(&L[be - 1]) && shape(&L[be - 1]) == shape(&L[be - 2]))
		be++;
	/* a short last paragraph that ends like a sentence belongs to it */
	while (be > bs && be < n && (L[be].cls == C_SHORT || L[be].cls == C_NEAR) &&
	       L[be].ends_punct == 1 && !L[be].heading && L[be].words >= 2)
		be++;
	/* inside the body every line that is not boilerplate on its own is
	 * article; outside it nothing is */
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		if (l->cls == C_BAD)
			continue;
		if (i < bs || i >= be) {
			l->cls = C_BAD;
			l->why = bp_reason_names[l->cls0 == C_GOOD ? (i < bs ? BPR_HEAD : BPR_TAIL) : BPR_SHORT];
		} else {
			l->cls = C_GOOD;
		}
	}
	/* the headline: a markdown heading, else the nearest title-like line,
	 * before the body (lines that are boilerplate on their own skipped) */
	size_t fb = bs, title = n;
	while (fb < be && L[fb].cls0 != C_GOOD)
		fb++;
	if (fb < be) {
		size_t t = n;
		size_t lim = fb > 40 ? fb - 40 : 0;
		for (size_t i = fb; i-- > lim;)
			if (L[i].heading == 1 && title_like(p, &L[i])) {
				t = i;
				break;
			}
		if (t == n) {
			int seen = 0;
			for (size_t i = fb; i-- > 0 && seen < 4;) {
				if (L[i].cls0 == C_BAD)
					continue;
				if (title_like(p, &L[i])) {
					t = i;
					break;
				}
				seen++;
			}
		}
		title = t;
		if (t < n) {
			if (p->keep_title) {
				L[t].cls = C_GOOD;
				L[t].why = NULL;
			} else {
				L[t].cls = C_BAD;
				L[t].why = bp_reason_names[BPR_TITLE];
			}
		}
	}
	mark_duplicates(c, L, n, title);
	/* a box of links ("Most read", "Related stories") goes on up to the
	 * next paragraph that is good on its own and not a list item (a
	 * teaser in a list may read like a sentence) */
	for (size_t i = 0; i < be; i++) {
		if (!(L[i].drop_rule >= 0 && c->rules[L[i].drop_rule].box))
			continue;
		const char *why = L[i].why;
		for (i++; i < be && (L[i].cls0 != C_GOOD || L[i].bullet == 1 || L[i].bullet == 3); i++)
			if (L[i].cls == C_GOOD)
				L[i].cls = C_BAD, L[i].why = why;
		i--;
	}
done:
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		l->keep = l->cls == C_GOOD;
		if (l->keep)
			l->why = NULL;
		else if (!l->why)
			l->why = bp_reason_names[BPR_SHORT];
		for (int r = 1; r < BPR_N; r++)
			if (l->why == bp_reason_names[r])
				c->run.reason_hits[r]++;
	}
}
