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
	l->cls = BPC_BAD;
	l->why = bp_reason_names[r];
}

/* The rule that hit l with strong evidence, or NULL. */
static const struct bp_rule *strong_rule(const struct bp_config *c, const struct bp_line *l)
{
	return l->drop_rule >= 0 && l->hit == BP_HIT_STRONG ? &c->rules[l->drop_rule] : NULL;
}

/* A line of a figure: an image, or a strong hit of a figure rule; with
 * credit, only an image or a short credit (a caption beside a caption is
 * no evidence for a sentence). */
static int figure_line(const struct bp_config *c, const struct bp_line *l, int credit)
{
	const struct bp_rule *r = strong_rule(c, l);
	return l->image || (r && r->figure && (!credit || (!l->prose && l->words <= c->p.credit_words)));
}

/* A line that reads as a paragraph by its features (a sentence end, the
 * words of a good paragraph, no list, link or heading shape) and no strong
 * hit. */
static int paragraph_line(const struct bp_config *c, const struct bp_line *l)
{
	return l->words >= c->p.good_words && l->ends_punct == 1 && !l->bullet && !l->heading && !l->no_text &&
	       !l->image && l->links <= c->p.max_link_density && !strong_rule(c, l);
}

/* A line shaped like a story's sentence by its features: a sentence end,
 * near_words words, no list, heading, image or link, no strong hit, and
 * not speaking to the reader outside quotation marks. */
static int story_shape(const struct bp_line *l)
{
	return l->ends_punct == 1 && !l->bullet && !l->heading && !l->image && !l->no_text && l->links == 0 &&
	       !l->has_url && !(l->address && !l->speech && l->quote != 2) &&
	       !(l->drop_rule >= 0 && l->hit == BP_HIT_STRONG);
}

/* More than the match: a weak hit of a figure rule next to a figure line,
 * or on a line that addresses the reader (outside quotation marks, not
 * reporting speech; when that is less than once in address_words words,
 * not between two lines shaped like the story's sentences), is strong; so is a heading a rule hit unless a
 * paragraph follows it (what a box heading heads: links, list items,
 * images, short lines, other boilerplate). */
/* A list of teasers links its headlines, or a box's label ("More:",
 * "Related") heads it: where most of the page's list items that hold a
 * heading ("* ### ...") have no link, URL or image (a listing's or a
 * guide's own sections: "* ### Saturday", "* ### Step 2"), a rule's
 * strong hit on such an item without one is weak (it goes only outside
 * the body), unless the row above the run of items it is in is a
 * heading or a rule hit strongly. */
static void unlinked_list_headings(struct bp_line *L, size_t n)
{
	size_t items = 0, linked = 0;
	for (size_t i = 0; i < n; i++)
		if (L[i].list_heading) {
			items++;
			linked += L[i].links > 0 || L[i].has_url || L[i].image;
		}
	if (2 * linked >= items)
		return;
	int boxed = 0;
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		if (!l->list_heading)
			continue;
		if (i == 0 || !L[i - 1].list_heading)
			boxed = i > 0 && (L[i - 1].heading || (L[i - 1].drop_rule >= 0 && L[i - 1].hit == BP_HIT_STRONG));
		if (!boxed && l->drop_rule >= 0 && l->hit == BP_HIT_STRONG && l->links == 0 && !l->has_url && !l->image)
			l->hit = BP_HIT_WEAK;
	}
}

static void weigh_hits(const struct bp_config *c, struct bp_line *L, size_t n)
{
	unlinked_list_headings(L, n);
	/* a caption stands by its figure: the hit of a figure rule that
	 * looks at the row's end (a credit after the words: "... is kept in
	 * the society's collection (Dunmore archives)") on a line of many
	 * words, most of them lowercase, with no image or line without text
	 * within two lines, is weak (not a caption's label at its start:
	 * "Image caption ...", which stands alone where the image is lost) */
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		if (l->drop_rule < 0 || l->hit != BP_HIT_STRONG || !c->rules[l->drop_rule].figure ||
		    !c->rules[l->drop_rule].tail || c->rules[l->drop_rule].action != BP_DROP || l->image ||
		    l->words < c->p.good_words ||
		    l->looked == 0 || l->lower < c->p.prose_lower_alone * l->looked)
			continue;
		int fig = 0;
		for (size_t k = i > 2 ? i - 2 : 0; k < n && k <= i + 2 && !fig; k++)
			fig = k != i && (L[k].image || L[k].no_text);
		if (!fig)
			l->hit = BP_HIT_WEAK;
	}
	/* a story that speaks to the reader itself (a service piece: "See
	 * your GP if ...", "book eight weeks ahead"): three or more of its
	 * paragraphs that no rule hit address the reader; then a weak hit's
	 * address is no evidence */
	unsigned voiced = 0;
	for (size_t i = 0; i < n; i++)
		voiced += L[i].drop_rule < 0 && L[i].prose && L[i].address && !L[i].speech && L[i].quote != 2 &&
			  L[i].words >= c->p.good_words && !L[i].has_url && L[i].links == 0;
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		if (l->drop_rule < 0 || l->hit != BP_HIT_WEAK)
			continue;
		const struct bp_rule *r = &c->rules[l->drop_rule];
		/* (a sentence under an image or above a credit, not one that
		 * reports what someone said: a caption sits between the two) */
		int credit = l->prose || r->with_figure;
		if (r->figure && !l->speech && l->quote != 2 &&
		    ((i > 0 && figure_line(c, &L[i - 1], credit) && (!credit || L[i - 1].image)) ||
		     (i + 1 < n && figure_line(c, &L[i + 1], credit))))
			l->hit = BP_HIT_STRONG;
		else if (l->address && !l->speech && l->quote != 2 && voiced < 3 &&
			 !(l->address * c->p.address_words < l->looked && i > 0 && i + 1 < n &&
			   story_shape(&L[i - 1]) && story_shape(&L[i + 1])))
			l->hit = BP_HIT_STRONG;
		else if (l->heading > 1 && !l->prose && !(i + 1 < n && paragraph_line(c, &L[i + 1]) &&
						      !(L[i + 1].drop_rule >= 0 && c->rules[L[i + 1].drop_rule].after)))
			l->hit = BP_HIT_STRONG;
	}
}

/* The length of the longest common start of a and b, backslashes of
 * markdown escapes ("\\(") skipped in a. */
static size_t common_start(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;
	while (i < an && j < bn) {
		if (a[i] == '\\' && i + 1 < an && (b[j] != '\\' || a[i + 1] != '\\'))
			i++;
		if (a[i] != b[j])
			break;
		i++, j++;
	}
	return j;
}

/* A line right under an image that repeats the image's alt text (the
 * same bytes from the start, alt_caption_bytes or more, or all of the
 * line or of the alt text when that is at least half as long) is its
 * caption, and so is a copy
 * of it on the next line, or a line under a heading under the image
 * that starts with all of an alt text of alt_caption_bytes or more; a
 * line a rule hit is left to the rule. */
static void alt_captions(const struct bp_config *c, struct bp_line *L, size_t n)
{
	size_t need = (size_t)c->p.alt_caption_bytes;
	if (need == 0)
		return;
	for (size_t i = 1; i < n; i++) {
		const struct bp_line *im = &L[i - 1];
		if (!(im->image & 2) || L[i].image || L[i].no_text)
			continue;
		/* the first alt text that is not empty */
		const char *t = im->s + im->a, *e = im->s + im->b;
		const char *alt = NULL, *ae = NULL;
		for (const char *q = t; q + 2 < e && !alt; q++)
			if (q[0] == '!' && q[1] == '[' && q[2] != ']') {
				alt = ae = q + 2;
				while (ae < e && *ae != ']')
					ae += *ae == '\\' && ae + 1 < e ? 2 : 1;
			}
		if (!alt)
			continue;
		size_t an = (size_t)(ae - alt);
		size_t k;
		for (k = i; k < n && k <= i + 1; k++) {
			struct bp_line *l = &L[k];
			size_t ln = l->b - l->a;
			if (l->drop_rule >= 0 || l->image || l->no_text || l->cls == BPC_BAD)
				break;
			size_t m = common_start(alt, an, l->s + l->a, ln);
			if (!(m >= need || ((m == ln || m == an) && 2 * m >= need)))
				break;
			set_bad(l, BPR_IMAGE);
			l->cls0 = BPC_BAD;
		}
		/* (a video's teaser: its headline as a heading under the
		 * image, then all of the alt text again) */
		struct bp_line *v = i + 1 < n ? &L[i + 1] : NULL;
		if (k == i && v && L[i].heading && an >= need && v->drop_rule < 0 && !v->image && !v->no_text &&
		    v->cls != BPC_BAD && common_start(alt, an, v->s + v->a, v->b - v->a) == an) {
			set_bad(v, BPR_IMAGE);
			v->cls0 = BPC_BAD;
		}
	}
}

/* A line no rule hit between an image (right above it) and a credit
 * (right under it: a short hit of a figure rule, "Photo: X / Agency") is
 * the image's caption: a story's paragraph does not sit between a photo
 * and its credit. Not a heading, a list item or reported speech. */
static void credit_captions(const struct bp_config *c, struct bp_line *L, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++) {
		struct bp_line *l = &L[i];
		if (l->drop_rule >= 0 || l->image || l->no_text || l->heading || l->bullet || l->speech ||
		    l->quote == 2 || l->cls == BPC_BAD || !L[i - 1].image || L[i + 1].image ||
		    !figure_line(c, &L[i + 1], 1))
			continue;
		set_bad(l, BPR_IMAGE);
		l->cls0 = BPC_BAD;
	}
}

/* A paragraph by its features: good, or near-good with a sentence end
 * (a weak hit's features count). */
static int reads_as_text(const struct bp_line *l)
{
	int k = l->drop_rule >= 0 && l->hit == BP_HIT_WEAK ? l->cls_text : l->cls0;
	return k == BPC_GOOD || (k == BPC_NEAR && l->ends_punct == 1);
}

static void feature_class(struct bp_config *c, struct bp_line *l, int use_stop);

/* The class of a line on its own: a strong hit is boilerplate; a weak
 * one too, until the body is known (cls_text keeps what its features say). */
static void classify_line(struct bp_config *c, struct bp_line *l, int use_stop)
{
	l->why = NULL;
	if (l->drop_rule >= 0 && l->hit == BP_HIT_STRONG) {
		l->cls = BPC_BAD;
		l->why = c->rules[l->drop_rule].name;
		return;
	}
	feature_class(c, l, use_stop);
	if (l->drop_rule >= 0) {
		l->cls_text = l->cls;
		l->why_text = l->why;
		l->cls = BPC_BAD;
		l->why = c->rules[l->drop_rule].name;
	}
}

/* The class of a line by its features. */
static void feature_class(struct bp_config *c, struct bp_line *l, int use_stop)
{
	const struct bp_params *p = &c->p;
	l->why = NULL;
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
	if (w < p->near_words && !l->ends_punct && l->digits > p->max_digits && !l->heading) {
		set_bad(l, BPR_LABEL);
		return;
	}
	float sd = use_stop && l->stop >= 0 ? l->stop : 1.0f;
	if (l->heading || (l->caps > p->max_caps && w >= 2) ||
	    (p->title_stopwords > 0 && l->cap_stops >= p->title_stopwords))
		l->cls = BPC_SHORT; /* a heading, a label or a title: context decides */
	else if (w >= p->long_words && sd >= p->near_stopwords &&
		 (l->ends_punct == 1 || l->stop < 0 || l->label || l->commas >= 2 ||
		  l->lower >= p->long_lower * l->looked))
		l->cls = BPC_GOOD; /* (not a menu run together: "News from X News from Y ..."; a
				    * list of names has its commas, a citation its label) */
	else if (w >= p->good_words && sd >= p->good_stopwords && l->ends_punct == 1)
		l->cls = BPC_GOOD;
	else if (w >= p->near_words && sd >= p->near_stopwords)
		l->cls = BPC_NEAR;
	else
		l->cls = BPC_SHORT;
}

/* The body: the stretch of the document with the largest sum of line
 * weights. Good lines weigh their words; near-good ones a share of their
 * words (more with a sentence end); short ones a small cost; lines with no
 * text nothing (images sit between paragraphs); other boilerplate a cost
 * that grows along a run of it (a wall of navigation is not crossed) plus
 * its words. Lines dropped by rules marked 'inside' (captions, promos
 * inserted into the story) cost less and do not make a run. A weak hit
 * weighs nothing (it neither carries the body nor ends it), or with
 * ST_WEAK_TEXT what its features say. With ST_PREFIX, the stretch starts
 * at the first line (the body's continuation); with ST_BACK the lines are
 * read from the last (and the stretch with ST_PREFIX ends at the last). */
enum { ST_PREFIX = 1, ST_WEAK_TEXT = 2, ST_BACK = 4 };

static int weak_hit(const struct bp_line *l)
{
	return l->drop_rule >= 0 && l->hit == BP_HIT_WEAK;
}

static double find_stretch(const struct bp_config *c, const struct bp_line *L, size_t n, int flags,
			   size_t *bs, size_t *be)
{
	int prefix = flags & ST_PREFIX;
	const struct bp_params *p = &c->p;
	double best = 0, cur = 0, run = 0, fig = 0, figc = 0;
	size_t cs = 0;
	*bs = *be = 0;
	for (size_t i = 0; i < n; i++) {
		const struct bp_line *l = &L[flags & ST_BACK ? n - 1 - i : i];
		double v;
		/* the k-th line of a block of figure lines (images, captions,
		 * credits) costs 1 / (1 + inside_decay * (k - 1)) of a lone one */
		figc = fig;
		fig = 0;
		int k = l->cls;
		if (weak_hit(l))
			k = flags & ST_WEAK_TEXT ? l->cls_text : -1;
		switch (k) {
		case -1:
			v = 0;
			break;
		case BPC_GOOD:
			/* (what follows a body counts every word) */
			v = l->words > 1 ? l->words * (flags & ST_WEAK_TEXT ? 1 : l->wt) : 1;
			run = 0;
			break;
		case BPC_NEAR:
			v = l->words * (l->ends_punct == 1 ? p->near_weight : p->near_weight_nopunct);
			if (l->ends_punct == 1)
				run = 0;
			break;
		case BPC_SHORT:
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
			if ((strong_rule(c, l) && strong_rule(c, l)->inside) ||
			    l->why == bp_reason_names[BPR_IMAGE] || l->why == bp_reason_names[BPR_DUPLICATE]) {
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
	if (flags & ST_BACK) {
		size_t s0 = *bs;
		*bs = n - *be;
		*be = n - s0;
	}
	return best;
}

static double find_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *bs, size_t *be)
{
	return find_stretch(c, L, n, 0, bs, be);
}

/* A line that only follows articles (a comment header, an author's note),
 * by a hit strong or weak. */
static const struct bp_rule *after_rule(const struct bp_config *c, const struct bp_line *l)
{
	return l->drop_rule >= 0 && c->rules[l->drop_rule].after ? &c->rules[l->drop_rule] : NULL;
}

/* A line the body may be carried across to more article text: a weak
 * hit; else not a heading (a new section: comments, related stories), nor
 * one that heads a box of links or only follows articles. */
static int bridgeable(const struct bp_config *c, const struct bp_line *l)
{
	if (weak_hit(l))
		return 1;
	const struct bp_rule *r = strong_rule(c, l);
	return !l->heading && !(r && r->after);
}

/* The class of a line's text (a weak hit's features count). */
static int text_class(const struct bp_line *l)
{
	return weak_hit(l) ? l->cls_text : l->cls0;
}

/* The words of the good lines of L[s..e) that read as sentences. */
static double prose_words(const struct bp_line *L, size_t s, size_t e)
{
	double w = 0;
	for (size_t i = s; i < e; i++)
		if (L[i].prose && text_class(&L[i]) == BPC_GOOD)
			w += L[i].words;
	return w;
}

/* A story goes on in paragraphs: of the first 2 * need lines with text of
 * L[0..n), need read as good text (not a teaser list, where a headline, a
 * label and a sentence take turns). */
static int dense(const struct bp_line *L, size_t n, double need)
{
	size_t seen = 0, good = 0;
	for (size_t i = 0; i < n && (double)seen < 2 * need; i++) {
		if (L[i].no_text)
			continue;
		seen++;
		good += text_class(&L[i]) == BPC_GOOD;
	}
	return (double)good >= need || seen == good;
}

static int emphasis(const struct bp_line *l);

/* A line that ends with a question mark (a headline or a
 * sub-heading may ask one: "What the new rules mean for you?"). */
static int asks(const struct bp_line *l)
{
	size_t b = l->b;
	while (b > l->a && (l->s[b - 1] == ' ' || l->s[b - 1] == '*' || l->s[b - 1] == '"'))
		b--;
	return b > l->a && l->s[b - 1] == '?';
}

/* A section's heading the body may be carried across (after its end,
 * with stricter evidence, see bridge_body): a markdown sub-heading or a
 * line set in bold, of a title's words at most, without a sentence end,
 * link, URL or image, that no rule hit strongly but a box's label ("**About
 * Millfield**", "## Sunday" in a listing: a label that heads a box heads
 * a section of the story when the story's paragraphs follow it). */
static int section_head(const struct bp_config *c, const struct bp_line *l)
{
	const struct bp_rule *r = strong_rule(c, l);
	return emphasis(l) && l->heading != 1 && !l->bullet && l->words <= c->p.title_max_words &&
	       (l->ends_punct != 1 || asks(l)) && l->links == 0 && !l->has_url && !l->image && !l->no_text &&
	       (!r || (r->box && r->shape == BP_SHAPE_LABEL));
}

/* Good paragraphs of L[s..e) that end like sentences, without a link,
 * that no rule hit. */
static size_t plain_paragraphs(const struct bp_line *L, size_t s, size_t e)
{
	size_t np = 0;
	for (size_t i = s; i < e; i++)
		np += L[i].drop_rule < 0 && L[i].ends_punct == 1 && L[i].cls0 == BPC_GOOD && !L[i].bullet &&
		      L[i].links == 0 && !L[i].has_url;
	return np;
}

/* The body goes on after a block of at most body_bridge_lines lines (a
 * figure, a gallery and its controls, credits) when what follows it starts
 * with a good paragraph, weighs body_bridge_words or more and holds
 * body_bridge_paragraphs good paragraphs; the block's lines that are
 * boilerplate on their own (images, captions, credits) still go.
 * A block of weak hits only, one of them a sentence of a rule that follows
 * articles (a suspected end: "X was a reporter for ..."), needs less:
 * body_back_words in body_back_paragraphs. */
static void bridge_body(const struct bp_config *c, struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_bridge_lines;
	if (gmax == 0)
		return;
	for (int k = 0; k < 16 && *be < n; k++) {
		size_t j, e = 0;
		int done = 0, weak = 1, suspect = 0, back = 0, sect = 0, heads = 1;
		size_t nheads = 0;
		/* (after a suspected end, a sub-heading no rule hit is crossed
		 * too: "## When to see a doctor" under a sentence an author
		 * rule hit weakly; and a section's heading when the story's
		 * sentences follow it, see below) */
		for (j = *be + 1; j < n && j <= *be + gmax &&
				  (bridgeable(c, &L[j - 1]) || section_head(c, &L[j - 1]) ||
				   (suspect && weak && L[j - 1].heading && L[j - 1].drop_rule < 0));
		     j++) {
			const struct bp_line *g = &L[j - 1];
			int sh = section_head(c, g);
			sect |= !bridgeable(c, g) && !(suspect && weak && g->heading && g->drop_rule < 0);
			heads &= sh || weak_hit(g);
			nheads += sh && !weak_hit(g);
			/* past a section's heading, the section reads as the
			 * story's: only section heads (at most body_resume_lines)
			 * and weak hits stand between, it opens with a sentence
			 * no rule hit, and body_bridge_paragraphs of its
			 * paragraphs are such (an author's box holds a note
			 * rule's bio, related stories their links) */
			if (sect && (!heads || nheads > (size_t)p->body_resume_lines))
				break;
			weak &= weak_hit(g) || (strong_rule(c, g) && strong_rule(c, g)->inside) ||
				(suspect && g->heading && g->drop_rule < 0);
			suspect |= (weak_hit(g) && g->prose && after_rule(c, g)) || (strong_rule(c, g) && strong_rule(c, g)->inside);
			if (text_class(&L[j]) != BPC_GOOD || L[j].heading || (sect && (!L[j].prose || L[j].drop_rule >= 0)))
				continue;
			/* (so does one line alone before a sentence that reports
			 * what someone said: the story's, not a teaser's) */
			back = (weak && suspect) || (j == *be + 1 && (L[j].speech || L[j].quote) && L[j].prose);
			size_t s0, np = 0;
			/* what follows, its weak hits read as text (but not
			 * ending it), up to a line that only follows articles or
			 * heads a box */
			size_t lim = j;
			while (lim < n && !(strong_rule(c, &L[lim]) && (strong_rule(c, &L[lim])->after || strong_rule(c, &L[lim])->box)))
				lim++;
			double w = find_stretch(c, L + j, lim - j, ST_PREFIX | ST_WEAK_TEXT, &s0, &e);
			while (e > 1 && weak_hit(&L[j + e - 1]))
				e--;
			if (w < (back ? p->body_back_words : p->body_bridge_words))
				continue;
			for (size_t i = j; i < j + e; i++)
				np += text_class(&L[i]) == BPC_GOOD && L[i].ends_punct == 1;
			double need = back ? p->body_back_paragraphs : p->body_bridge_paragraphs;
			if (sect && (double)plain_paragraphs(L, j, j + e) < p->body_bridge_paragraphs)
				continue;
			if ((double)np >= need && dense(L + j, e, need)) {
				done = 1;
				break;
			}
		}
		if (!done)
			break;
		*be = j + e;
	}
}

/* The same before the body: it starts earlier when a block of at most
 * body_bridge_lines bridgeable lines (a gallery after the lead) has before
 * it a stretch that ends with a good paragraph and weighs as much. */
static void bridge_body_back(const struct bp_config *c, struct bp_line *L, size_t n, size_t *bs)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_bridge_lines;
	if (gmax == 0)
		return;
	(void)n;
	for (int k = 0; k < 16 && *bs > 1; k++) {
		size_t j, s0 = 0, e = 0; /* the stretch L[s0 .. j) before the gap [j .. *bs) */
		int done = 0;
		for (j = *bs - 1; j > 0 && j + gmax >= *bs && bridgeable(c, &L[j]); j--) {
			if (text_class(&L[j - 1]) != BPC_GOOD || L[j - 1].heading)
				continue;
			size_t lim = 0;
			for (size_t i = j; i-- > 0;)
				if (strong_rule(c, &L[i]) && (strong_rule(c, &L[i])->after || strong_rule(c, &L[i])->box)) {
					lim = i + 1;
					break;
				}
			double w = find_stretch(c, L + lim, j - lim, ST_PREFIX | ST_WEAK_TEXT | ST_BACK, &s0, &e);
			s0 += lim;
			while (s0 + 1 < j && weak_hit(&L[s0]))
				s0++;
			if (w < p->body_bridge_words)
				continue;
			size_t np = 0;
			for (size_t i = s0; i < j; i++)
				np += text_class(&L[i]) == BPC_GOOD && L[i].ends_punct == 1;
			if ((double)np >= p->body_bridge_paragraphs) {
				done = 1;
				break;
			}
		}
		if (!done)
			break;
		*bs = s0;
	}
}

static int headline_like(const struct bp_params *p, const struct bp_line *l);

/* A line between a headline and its lead: a strong hit of a header rule
 * (a byline, a date) or a figure rule (a credit), a line without text
 * (an image), a label (a time) or a short line (an author's name). */
static int under_headline(const struct bp_config *c, const struct bp_line *l)
{
	const struct bp_rule *r = strong_rule(c, l);
	if (r)
		return r->header || r->figure;
	return !weak_hit(l) && !l->heading && (l->cls0 == BPC_SHORT || l->why == bp_reason_names[BPR_NO_TEXT] ||
					       l->why == bp_reason_names[BPR_LABEL] || l->why == bp_reason_names[BPR_IMAGE]);
}

/* The story starts at its lead: a good paragraph under a headline (a
 * title-like line that is not a section heading, then at most lead_lines
 * lines of bylines, dates and images) starts the body when at most
 * body_bridge_lines bridgeable lines (a video, a promo, a caption) separate
 * it from the body found, none of a header rule (a paragraph above a
 * byline is a dek or a teaser, not the lead). */
static void lead_before_body(const struct bp_config *c, const struct bp_line *L, size_t *bs)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_bridge_lines, lmax = (size_t)p->lead_lines;
	if (gmax == 0 || lmax == 0)
		return;
	for (size_t k = *bs; k-- > 0 && k + gmax >= *bs;) {
		const struct bp_line *l = &L[k];
		if (text_class(l) == BPC_GOOD && l->ends_punct == 1 && !l->heading && !strong_rule(c, l)) {
			for (size_t i = k; i > 0 && k - i <= lmax; i--) {
				const struct bp_line *h = &L[i - 1];
				if (!strong_rule(c, h) && h->cls0 != BPC_BAD && h->heading <= 1 && headline_like(p, h)) {
					*bs = k;
					return;
				}
				if (!under_headline(c, h))
					break;
			}
		}
		if (!bridgeable(c, l) || (strong_rule(c, l) && strong_rule(c, l)->header))
			return;
	}
}

/* A sentence a rule hit weakly right before the body (a lead that speaks
 * of copyright) is its start, and one right after it its end, unless its
 * rule is of the notes that end stories (a credit, a copyright note, an
 * author's note) and it does not report what someone said or wrote. */
static void extend_weak(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *bs, size_t *be)
{
	while (*bs > 0 && weak_hit(&L[*bs - 1]) && L[*bs - 1].prose)
		(*bs)--;
	while (*be < n && weak_hit(&L[*be]) && L[*be].prose &&
	       (!(c->rules[L[*be].drop_rule].note || after_rule(c, &L[*be])) || L[*be].speech || L[*be].quote))
		(*be)++;
}

/* A line of a story's last lines: it ends like a sentence (or with a
 * colon before another such line), has text (a weak hit's features
 * count), no link, heading, list or image shape, no strong hit, and
 * does not speak to the reader outside quotation marks. */
static int tail_line(const struct bp_config *c, const struct bp_line *L, size_t n, size_t i)
{
	const struct bp_line *l = &L[i];
	if (strong_rule(c, l) || l->heading || l->bullet || l->image || l->no_text || l->has_url ||
	    l->links > 0 || text_class(l) == BPC_BAD || (l->address && !l->speech && l->quote != 2) || l->words < 2)
		return 0;
	if (l->ends_punct == 1)
		return 1;
	return l->ends_punct == 2 && i + 1 < n && L[i + 1].ends_punct == 1 && tail_line(c, L, n, i + 1);
}

/* Short first paragraphs that end like a sentence ("They came at night.",
 * half its words or more lowercase: no masthead) between a headline (and the bylines, dates, images and the promos or
 * captions a page inserts into stories under it) and the body are the
 * story's, as short last ones are: a tabloid's opening lines. Not when
 * anything else stands between them and the headline. */
static void short_lead(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *bs)
{
	const struct bp_params *p = &c->p;
	size_t k = *bs;
	while (k > 0 && (L[k - 1].cls == BPC_SHORT || L[k - 1].cls == BPC_NEAR) && !weak_hit(&L[k - 1]) &&
	       L[k - 1].looked >= 2 && 2 * L[k - 1].lower >= L[k - 1].looked && tail_line(c, L, n, k - 1))
		k--;
	for (size_t i = k; k < *bs && i > 0 && k - i <= (size_t)p->lead_lines; i--) {
		const struct bp_line *h = &L[i - 1];
		if (!strong_rule(c, h) && h->cls0 != BPC_BAD && h->heading <= 1 && headline_like(p, h)) {
			*bs = k;
			return;
		}
		const struct bp_rule *r = strong_rule(c, h);
		if (!under_headline(c, h) && !(r && r->inside))
			return;
	}
}

/* A line that ends what a page adds after a story: a strong hit of a
 * rule of the notes that end stories or of the lines after them. */
static int end_line(const struct bp_config *c, const struct bp_line *l)
{
	const struct bp_rule *r = strong_rule(c, l);
	return r && (r->note || r->after);
}

/* The cells of a table row: the '|' in the kept text, or 0. */
static unsigned table_cells(const struct bp_line *l)
{
	if (!(l->punct[1] >> ('|' - 64) & 1))
		return 0;
	unsigned k = 0;
	for (size_t i = l->a; i < l->b; i++)
		k += l->s[i] == '|';
	return k;
}

/* A table right after the body belongs to it (standings, results): after
 * at most body_tail_lines lines that are not a heading or a strong hit of
 * a rule that ends stories or follows them (an image, a caption, a line
 * that introduces the table), at least table_rows rows with the same
 * number of cells, rule lines ("---|---") between them. */
static void table_after_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_tail_lines, j = *be;
	if (p->table_rows <= 0)
		return;
	for (; j < n && j - *be <= gmax && !table_cells(&L[j]); j++)
		if (L[j].heading || end_line(c, &L[j]) || after_rule(c, &L[j]) ||
		    (strong_rule(c, &L[j]) && strong_rule(c, &L[j])->box))
			return;
	if (j >= n || j - *be > gmax)
		return;
	unsigned cells = table_cells(&L[j]);
	size_t r = j, rows = 0;
	for (; r < n; r++) {
		unsigned k = table_cells(&L[r]);
		if (k == cells && !L[r].no_text && !strong_rule(c, &L[r]))
			rows++;
		else if (!(k == cells && L[r].no_text))
			break;
	}
	if ((double)rows >= p->table_rows)
		*be = r;
}

/* The number of a numbered list item ("3)", "3."), else -1. */
static long item_number(const struct bp_line *l)
{
	if (l->bullet != 3)
		return -1;
	const char *t = l->s + l->a;
	size_t n = l->b - l->a, k = 0;
	while (k < n && (t[k] == '*' || t[k] == '-' || t[k] == '+' || t[k] == ' '))
		k++;
	long v = 0;
	size_t d = k;
	for (; k < n && k < d + 4 && t[k] >= '0' && t[k] <= '9'; k++)
		v = v * 10 + (t[k] - '0');
	return k > d && k < n && (t[k] == '.' || t[k] == ')') ? v : -1;
}

/* Words and words addressing the reader of the good lines of L[s..e). */
static void address_share(const struct bp_line *L, size_t s, size_t e, double *words, double *addr)
{
	*words = *addr = 0;
	for (size_t i = s; i < e; i++)
		if (text_class(&L[i]) == BPC_GOOD)
			*words += L[i].words, *addr += L[i].address;
}

/* The body's last paragraphs after a block of voice_block_lines lines or
 * more without a good paragraph (a list of names, headings, a logo) are
 * not the story's when they speak to the reader, once in address_words
 * words or more, where the body before the block does less than a
 * quarter of that (an appeal for support after a report): the body ends
 * before the block. */
static void voice_tail(const struct bp_config *c, const struct bp_line *L, size_t bs, size_t *be)
{
	const struct bp_params *p = &c->p;
	if (p->voice_block_lines <= 0 || p->address_words <= 0)
		return;
	size_t g1 = *be, g0;
	while (g1 > bs && text_class(&L[g1 - 1]) == BPC_GOOD)
		g1--;
	for (g0 = g1; g0 > bs && text_class(&L[g0 - 1]) != BPC_GOOD; g0--)
		;
	if (g1 == *be || g0 == bs || (double)(g1 - g0) < p->voice_block_lines)
		return;
	double w, a, bw, ba;
	address_share(L, g1, *be, &w, &a);
	address_share(L, bs, g0, &bw, &ba);
	if (a > 0 && a * p->address_words >= w && ba * p->address_words * 4 < bw)
		*be = g0;
}

/* A numbered list the body ends with goes on while the numbers do (a
 * list of picks, steps, results), across up to body_tail_lines lines of
 * no text (its images and links) between the items; and one the body's
 * last line introduces (it ends with a colon) starts at 1. An item a
 * rule hit with strong evidence ends it. */
static void numbered_after_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t e = *be;
	if (e == 0)
		return;
	long k = item_number(&L[e - 1]);
	if (k < 0 && L[e - 1].ends_punct == 2 && !L[e - 1].bullet)
		k = 0;
	if (k < 0)
		return;
	for (size_t j = e; j < n;) {
		size_t g = j;
		while (g < n && g - j < (size_t)p->body_tail_lines && L[g].no_text)
			g++;
		if (g >= n || item_number(&L[g]) != k + 1 || strong_rule(c, &L[g]) || L[g].no_text)
			break;
		k++;
		e = j = g + 1;
	}
	*be = e;
}

/* The story's last lines after a block inside it: when at most
 * body_tail_lines lines that are not such an end, a heading or a good
 * paragraph (a newsletter prompt, a box of links, contact lines) follow
 * the body, then lines that read as
 * the story's (body_back_words words or more, a good or near-good one
 * among them that no rule hit), then nothing but up to body_tail_lines lines of other
 * boilerplate before the page's end or such an end (an author's note, a
 * copyright line), the body takes them (not a weak hit of a note rule
 * at their end). */
static void tail_lines(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_tail_lines, j = *be;
	if (gmax == 0)
		return;
	while (j < n && j - *be < gmax && !tail_line(c, L, n, j)) {
		const struct bp_line *g = &L[j];
		if (end_line(c, g) || after_rule(c, g) || g->heading || text_class(g) == BPC_GOOD)
			return;
		j++;
	}
	if (j >= n || !tail_line(c, L, n, j))
		return;
	size_t r = j;
	double w = 0;
	int text = 0;
	while (r < n && tail_line(c, L, n, r)) {
		int k = text_class(&L[r]);
		w += L[r].words;
		text |= (k == BPC_GOOD || k == BPC_NEAR) && L[r].drop_rule < 0;
		r++;
	}
	size_t e = r;
	while (e > j && weak_hit(&L[e - 1]) && c->rules[L[e - 1].drop_rule].note)
		e--;
	if (e == j || w < p->body_back_words || !text)
		return;
	for (size_t k = r; k < n && !end_line(c, &L[k]); k++)
		if (k - r >= gmax || text_class(&L[k]) == BPC_GOOD || tail_line(c, L, n, k))
			return;
	*be = e;
}

/* A sentence of the story after its body: good on its own and read as
 * prose, in a language whose stopwords it holds, no rule hit, link, URL
 * or list shape, not speaking to the reader outside quotation marks. */
static int story_sentence(const struct bp_config *c, const struct bp_line *l)
{
	return l->cls0 == BPC_GOOD && l->prose && l->drop_rule < 0 && l->links == 0 && !l->has_url && !l->bullet &&
	       !(l->address && !l->speech && l->quote != 2) && l->stop >= c->p.near_stopwords;
}

/* L[i] goes on a box of links ("Most read", "Related stories") it
 * follows: a row that is not good on its own, or a list item (a teaser
 * in a list may read like a sentence), but not a paragraph that reads as
 * prose, whatever its class. */
static int box_row(const struct bp_config *c, const struct bp_line *l)
{
	return (text_class(l) != BPC_GOOD || l->bullet == 1 || l->bullet == 3) && !(l->prose && paragraph_line(c, l));
}

/* A body end is decided by the weight of what follows, not by one line:
 * the story's sentences after the body (a live blog's entries between
 * their times and share buttons, the last paragraphs after a figure) come
 * back, with all up to the last of them, when they are
 * body_resume_paragraphs or more and weigh body_resume_words words. Not
 * across a heading (a new section: comments, more stories), a line of the
 * notes that end stories or of what follows them, nor a run of
 * more than body_tail_lines lines that are boilerplate on their own
 * (labels and lines without text aside): a wall of links is the page's.
 * A box ("Related" and its links or teasers) is passed over to the
 * story's next sentence: a box inserted into a story is not its end. */
static void story_after_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t last = *be, np = 0, run = 0;
	double w = 0;
	if (p->body_resume_paragraphs <= 0)
		return;
	for (size_t k = *be; k < n; k++) {
		const struct bp_line *l = &L[k];
		const struct bp_rule *r = strong_rule(c, l);
		if (r && r->box && !end_line(c, l) && !after_rule(c, l)) {
			/* a box inserted into the story ("Related", its links):
			 * over its rows (box_row) to the story's next sentence */
			while (k + 1 < n && !story_sentence(c, &L[k + 1]) && box_row(c, &L[k + 1]) && !L[k + 1].heading)
				k++;
			run = 0;
			continue;
		}
		if (l->heading || end_line(c, l) || after_rule(c, l) || (r && r->box))
			break;
		if (story_sentence(c, l)) {
			w += l->words, np++, last = k + 1, run = 0;
		} else if (l->cls0 == BPC_BAD && l->why != bp_reason_names[BPR_LABEL] &&
			   l->why != bp_reason_names[BPR_NO_TEXT] && (double)++run > p->body_tail_lines) {
			break;
		}
	}
	if ((double)np >= p->body_resume_paragraphs && w >= p->body_resume_words)
		*be = last;
}

/* Sentences after the body past a few lines that are boilerplate on
 * their own and sit inside stories (an image credit, a cookie line, an
 * advertisement): the story's last paragraphs, too short to weigh as a
 * body ("Park, a Democrat, was elected in 2022."), when nothing but the
 * end of the page, another rule's line or a line of links comes after
 * them. The inserted
 * lines stay boilerplate. When unsure, keep: a sentence nothing hit is
 * not dropped for standing after an image. */
static int short_sentence(const struct bp_line *l)
{
	if (l->ends_punct != 1 || l->heading || l->bullet || l->has_url || l->image || l->links > 0 || l->label == 1)
		return 0;
	return l->prose || (l->words >= 3 && l->looked > 0 && 3 * l->lower >= l->looked);
}

static void sentences_after_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_tail_lines;
	if (gmax == 0)
		return;
	for (;;) {
		size_t j = *be;
		while (j < n && j - *be < gmax) {
			const struct bp_rule *r = strong_rule(c, &L[j]);
			if (!r || r->after || r->box || L[j].heading)
				break;
			j++;
		}
		if (j == *be || j >= n)
			return;
		size_t e = j;
		while (e < n && L[e].drop_rule < 0 && text_class(&L[e]) != BPC_BAD && short_sentence(&L[e]))
			e++;
		if (e == j || (e < n && !strong_rule(c, &L[e]) && L[e].why != bp_reason_names[BPR_LINKS]))
			return;
		*be = e;
	}
}

/* A line that reads as the story's own, after the body: a sentence (a
 * weak hit's features count, not a strong hit), or a short one
 * ("Nursing homes come first."); a list item
 * when the line before it ends with a colon or is an item of the same
 * kind (a list the story introduces); not a heading, link, image or a
 * line that speaks to the reader outside quotation marks. */
static int resume_line(const struct bp_config *c, const struct bp_line *L, size_t n, size_t i)
{
	const struct bp_line *l = &L[i];
	if (strong_rule(c, l) || l->heading || l->list_heading || l->has_url || l->links > 0 || l->image ||
	    l->no_text || (l->address && !l->speech && l->quote != 2))
		return 0;
	if (l->bullet)
		return i > 0 && ((L[i - 1].ends_punct == 2 && !L[i - 1].bullet && !strong_rule(c, &L[i - 1])) ||
				 L[i - 1].bullet == l->bullet) &&
		       (text_class(l) != BPC_BAD || l->why == bp_reason_names[BPR_LABEL]);
	if (text_class(l) == BPC_BAD)
		return 0;
	if (l->prose)
		return 1;
	/* a line that opens a list with a colon */
	if (l->ends_punct == 2 && l->words >= c->p.near_words && i + 1 < n && L[i + 1].bullet &&
	    resume_line(c, L, n, i + 1))
		return 1;
	return short_sentence(l);
}

/* A rule's line, hit strongly, in L[s..n). */
static int rule_later(const struct bp_config *c, const struct bp_line *L, size_t s, size_t n, int rule)
{
	for (size_t i = s; i < n; i++)
		if (L[i].drop_rule == rule && L[i].hit == BP_HIT_STRONG)
			return 1;
	return 0;
}

/* The body is not ended by one line: after it, the lines that read as
 * the story's (resume_line) and, past a block of at most
 * body_resume_lines lines that are not (a comment header, a contact
 * line, a box heading in bold), more such lines, come back when the
 * later ones hold body_resume_paragraphs sentences and body_resume_words
 * words (weak hits of the notes that end stories and of what follows
 * them not counted: an author's box says who wrote, not what happened).
 * Not across a heading, a line of links or an image, nor a box's heading
 * unless what follows reports what someone said; across the line of a
 * rule of what follows stories ("X on DATE wrote:") only to a quotation
 * (the story quotes what was written; a comment is not set in quotation
 * marks), and not when that rule's line comes again further down the
 * page (a comment header before each comment); weak hits of note rules at the end stay out. The lines
 * right after the body, with no block crossed, come back with the weight
 * that brings a body back after a suspected end (body_back_words in
 * body_back_paragraphs). */
/* Does a line of L[s..e) report what someone said (a quotation, a verb
 * of reported speech in a sentence)? */
static int reports_speech(const struct bp_line *L, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (L[i].prose && (L[i].speech || L[i].quote))
			return 1;
	return 0;
}

static int resume_weighs(const struct bp_config *c, const struct bp_line *L, size_t s, size_t e, int crossed)
{
	const struct bp_params *p = &c->p;
	double w = 0, np = 0;
	for (size_t i = s; i < e; i++) {
		const struct bp_line *x = &L[i];
		if (weak_hit(x) && (c->rules[x->drop_rule].note || c->rules[x->drop_rule].after))
			continue;
		if (x->ends_punct == 1 || x->ends_punct == 2) {
			w += x->words;
			np += x->prose || short_sentence(x);
		}
	}
	return crossed ? w >= p->body_resume_words && np >= p->body_resume_paragraphs
		       : w >= p->body_back_words && np >= p->body_back_paragraphs;
}

static void resume_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *be)
{
	const struct bp_params *p = &c->p;
	size_t gmax = (size_t)p->body_resume_lines;
	if (p->body_resume_paragraphs <= 0)
		return;
	while (*be < n) {
		size_t j = *be, g, e;
		while (j < n && resume_line(c, L, n, j))
			j++;
		/* a block of lines that are not the story's, then more that are */
		int ok = 1, box = 0, after = 0;
		for (g = j; g < n && g - j < gmax && !resume_line(c, L, n, g); g++) {
			const struct bp_line *x = &L[g];
			const struct bp_rule *r = strong_rule(c, x);
			box |= r && r->box;
			after |= r && r->after && !r->box;
			if (x->heading || x->image || x->why == bp_reason_names[BPR_LINKS] ||
			    (r && r->after && rule_later(c, L, g + 1, n, x->drop_rule))) {
				ok = 0;
				break;
			}
		}
		if (ok && g > j && g < n && resume_line(c, L, n, g)) {
			for (e = g; e < n && resume_line(c, L, n, e); e++)
				;
			while (e > g && weak_hit(&L[e - 1]) && c->rules[L[e - 1].drop_rule].note)
				e--;
			/* (a box's heading in bold, "About X", heads the story's
			 * own section when what follows reports what was said) */
			if (e > g && resume_weighs(c, L, g, e, 1) && (!box || reports_speech(L, g, e)) &&
			    (!after || L[g].quote == 2)) {
				*be = e;
				continue;
			}
		}
		/* else the lines right after the body alone */
		e = j;
		while (e > *be && weak_hit(&L[e - 1]) && c->rules[L[e - 1].drop_rule].note)
			e--;
		if (e <= *be || !resume_weighs(c, L, *be, e, 0))
			return;
		*be = e;
	}
}

/* A label at the start, as the features see it ("Referee: Jo Pike."),
 * or set in bold with its colon inside the emphasis ("**Referee:** Jo
 * Pike.", "__Tore:__ 1:0 ..."): up to three words, then what follows
 * capitalized or a number. */
static int lead_label(const struct bp_line *l)
{
	if (l->label == 1)
		return 1;
	const char *t = l->s + l->a;
	size_t n = l->b - l->a, k = 0, words = 0;
	if (n < 6 || !((t[0] == '*' && t[1] == '*') || (t[0] == '_' && t[1] == '_')))
		return 0;
	char e = t[0];
	for (k = 2; k < n && k < 48 && t[k] != ':' && t[k] != e; k++)
		words += t[k] == ' ' && k > 2 && t[k - 1] != ' ';
	if (k + 4 >= n || t[k] != ':' || t[k + 1] != e || t[k + 2] != e || t[k + 3] != ' ' || words > 2)
		return 0;
	unsigned char x = (unsigned char)t[k + 4];
	return !(x >= 'a' && x <= 'z');
}

/* The names of a formation grouped by a semicolon or a spaced dash
 * ("Grimm – Nolte, Weidner ...", "Hurley; Okafor, ..."). */
static int formation(const struct bp_line *l)
{
	const char *t = l->s + l->a;
	size_t n = l->b - l->a;
	if (memchr(t, ';', n))
		return 1;
	for (size_t k = 1; k + 4 < n; k++) {
		if (t[k - 1] != ' ')
			continue;
		/* '-', or an en or em dash (U+2013, U+2014) */
		int dash = t[k] == '\xe2' && t[k + 1] == '\x80' && (t[k + 2] == '\x93' || t[k + 2] == '\x94');
		size_t w = t[k] == '-' ? 1 : dash ? 3 : 0;
		if (w && t[k + w] == ' ')
			return 1;
	}
	return 0;
}

/* A line of a roster: a label and a list of names ("Harbourside:
 * Kettering; Ali, Dunstan, Pike; ..."), roster_commas commas or more, a
 * sentence end or the names grouped as a formation (not a line of tags),
 * no link, URL, list or heading shape, no rule hit. */
static int roster_line(const struct bp_config *c, const struct bp_line *l)
{
	/* (a label of more than three words counts when the names are
	 * capitalized: "Harbourside (4-4-2): Kettering; Ali, ...") */
	int label = lead_label(l) || ((l->punct[0] >> ':' & 1) && 4 * l->lower <= l->looked);
	return label && l->commas >= c->p.roster_commas && l->drop_rule < 0 && !l->bullet &&
	       !l->heading && l->links == 0 && !l->has_url && !l->image && (l->ends_punct == 1 || formation(l));
}

/* The lines of L[s..e), a match's data, that only the label heuristic
 * took ("Att: 6,112", a label and a number) are the story's. */
static void data_labels(struct bp_line *L, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (L[i].cls == BPC_BAD && L[i].why == bp_reason_names[BPR_LABEL])
			L[i].cls = BPC_SHORT, L[i].why = NULL;
}

/* A line of a match's data: a roster line, or one that holds numbers and
 * does not read as prose (a score, scorers and minutes, officials and
 * attendance: "Schiedsrichter: T. Ballweg – Zuschauer: 300"); no link,
 * URL, image, list or heading shape, no rule hit, not speaking to the
 * reader. With items, an item of a bulleted list too ("* 0:1 Demir
 * (43.)"), not a numbered one (a ranking, a list of headlines). */
static int data_line(const struct bp_config *c, const struct bp_line *l, int items)
{
	if (l->links || l->has_url || l->image || l->no_text || l->heading || l->drop_rule >= 0 || l->words < 2 ||
	    (l->address && !l->speech) || (l->bullet && (!items || item_number(l) >= 0)))
		return 0;
	return roster_line(c, l) || (l->numeric > 0 && !l->prose);
}

/* A team's line-up under its name: a line of roster_commas names or more
 * grouped as a formation ("Bast – Kreiling, Oswald, Mohr – ..."), no
 * link, URL, list or heading shape, no rule hit. */
static int formation_line(const struct bp_config *c, const struct bp_line *l)
{
	return l->commas >= c->p.roster_commas && formation(l) && l->drop_rule < 0 && !l->bullet && !l->heading &&
	       !l->links && !l->has_url && !l->image && !l->prose;
}

static int dek_over_byline(const struct bp_config *c, const struct bp_line *L, size_t n, size_t i);

/* Line k stands under a headline: above it at most lead_lines lines of
 * bylines, dates, images, buttons and labels (a share row: a label
 * rule's strong hit of at most near_words words, not a box's), and a dek
 * over the byline. */
static int under_headline_at(const struct bp_config *c, const struct bp_line *L, size_t n, size_t k)
{
	int dek = 0;
	for (size_t i = k; i > 0 && k - i <= (size_t)c->p.lead_lines + 1; i--) {
		const struct bp_line *h = &L[i - 1];
		if (!strong_rule(c, h) && h->cls0 != BPC_BAD && h->heading <= 1 && headline_like(&c->p, h))
			return 1;
		const struct bp_rule *rr = strong_rule(c, h);
		if (!dek && !rr && h->ends_punct == 1 && dek_over_byline(c, L, n, i - 1)) {
			dek = 1; /* (a dek over the byline) */
			continue;
		}
		if (!under_headline(c, h) &&
		    !(rr && (rr->inside || (rr->shape == BP_SHAPE_LABEL && !rr->box && !rr->after &&
					    h->words <= c->p.near_words))))
			return 0;
	}
	return 0;
}

/* The line-ups of a match report before the story: two roster lines or
 * more, the label lines ending like sentences after them ("Referee: ...
 * Attendance: ...") and short sentences, right above the body, under a
 * headline and at most lead_lines lines of bylines, dates, images and
 * buttons (a share row): the story starts at the first of them. */
static void roster_before_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t *bs)
{
	if (c->p.roster_commas <= 0 || c->p.lead_lines <= 0)
		return;
	size_t k = *bs;
	while (k > 0 && (L[k - 1].cls == BPC_SHORT || L[k - 1].cls == BPC_NEAR) && !weak_hit(&L[k - 1]) &&
	       L[k - 1].looked >= 2 && 2 * L[k - 1].lower >= L[k - 1].looked && tail_line(c, L, n, k - 1))
		k--;
	while (k > 0 && lead_label(&L[k - 1]) && L[k - 1].ends_punct == 1 && L[k - 1].drop_rule < 0 &&
	       L[k - 1].links == 0 && !L[k - 1].has_url && !L[k - 1].bullet && !L[k - 1].heading &&
	       !roster_line(c, &L[k - 1]))
		k--;
	size_t r = k;
	while (k > 0 && roster_line(c, &L[k - 1]))
		k--;
	if (r >= k + 2 && under_headline_at(c, L, n, k))
		*bs = k;
}

/* A match's data above the story: two data lines or more (the score and
 * scorers, "Villaseca 2 (Oyarzun 17, Pardiñas 64)", attendance; of a
 * headline's words at most, not in capitals: no masthead) right
 * above the body, under a headline and at most lead_lines lines of
 * bylines, dates, images and buttons (under_headline_at), more than half
 * of them sharing a word with the lead (a ticker bar or another box does
 * not): the story starts at the first of them. Returns it, else n. */
static size_t data_before_body(const struct bp_config *c, struct bp_line *L, size_t n, size_t be, size_t *bs)
{
	size_t k = *bs, shared = 0;
	if (c->p.roster_commas <= 0 || c->p.lead_lines <= 0)
		return n;
	/* (a block of more than 2 lead_lines lines is no score box: a
	 * listing, a ticker, a column of figures) */
	size_t most = 2 * (size_t)c->p.lead_lines;
	while (k > 0 && *bs - k <= most && data_line(c, &L[k - 1], 0) && L[k - 1].words <= c->p.title_max_words &&
	       L[k - 1].caps <= c->p.max_caps)
		k--;
	if (k + 2 > *bs || *bs - k > most || !under_headline_at(c, L, n, k))
		return n;
	struct bp_lead lead = {.n = 0};
	for (size_t i = *bs, m = 0; i < be && m < 2; i++)
		if (L[i].cls0 == BPC_GOOD)
			bp_lead_words(c, &lead, L[i].s + L[i].a, L[i].b - L[i].a), m++;
	for (size_t i = k; i < *bs; i++)
		shared += bp_shared_words(c, &lead, L[i].s + L[i].a, L[i].b - L[i].a, NULL) > 0;
	if (2 * shared <= *bs - k)
		return n;
	data_labels(L, k, *bs);
	*bs = k;
	return k;
}

/* A summary of the story above its body: a short line no rule hit ("Key
 * points") over two list items or more of one kind, in sentence case,
 * without links, half of them sharing a word with the lead (a box of
 * other stories' headlines does not), right above the body (or its first
 * label) and under the headline: the story starts at its first item
 * (the line over them is the page's label of the box). */
static void points_before_body(const struct bp_config *c, const struct bp_line *L, size_t n, size_t be, size_t *bs)
{
	size_t k = *bs;
	if (k < 3 || c->p.lead_lines <= 0)
		return;
	/* (a label may open the body: a live blog's first time) */
	if (L[k - 1].why == bp_reason_names[BPR_LABEL] && !L[k - 1].links && !L[k - 1].has_url)
		k--;
	size_t top = k, shared = 0;
	unsigned char kind = L[k - 1].bullet;
	while (k > 0 && kind && L[k - 1].bullet == kind && L[k - 1].drop_rule < 0 && !L[k - 1].links &&
	       !L[k - 1].has_url && !L[k - 1].image && !L[k - 1].list_heading && L[k - 1].looked >= 2 &&
	       2 * L[k - 1].lower >= L[k - 1].looked)
		k--;
	if (k + 2 > top || k == 0)
		return;
	struct bp_lead lead = {.n = 0};
	for (size_t i = *bs, m = 0; i < be && m < 2; i++)
		if (L[i].cls0 == BPC_GOOD)
			bp_lead_words(c, &lead, L[i].s + L[i].a, L[i].b - L[i].a), m++;
	for (size_t i = k; i < top; i++)
		shared += bp_shared_words(c, &lead, L[i].s + L[i].a, L[i].b - L[i].a, NULL) > 0;
	if (2 * shared < top - k)
		return;
	const struct bp_line *o = &L[k - 1];
	if (o->drop_rule >= 0 || o->bullet || o->links || o->has_url || o->image || o->no_text || o->words > 3 ||
	    o->ends_punct == 1 || o->cls0 == BPC_GOOD)
		return;
	if (under_headline_at(c, L, n, k - 1))
		*bs = k;
}

/* The number in a table row's first cell ("| 3 | Selby Vale | ...",
 * "|3.|..."), or with cell 0 the number a line starts with ("3 Wendham
 * 29", "3. Wendham"), else -1. */
static long first_cell_number(const struct bp_line *l, int cell)
{
	const char *t = l->s + l->a;
	size_t n = l->b - l->a, k = 0;
	while (k < n && t[k] == ' ')
		k++;
	if (cell) {
		if (k >= n || t[k] != '|')
			return -1;
		for (k++; k < n && t[k] == ' ';)
			k++;
	}
	long v = 0;
	size_t d = k;
	for (; k < n && k < d + 4 && t[k] >= '0' && t[k] <= '9'; k++)
		v = v * 10 + (t[k] - '0');
	if (k == d)
		return -1;
	if (k < n && t[k] == '.')
		k++;
	if (!cell)
		return k < n && t[k] == ' ' ? v : -1;
	while (k < n && t[k] == ' ')
		k++;
	return k < n && t[k] == '|' ? v : -1;
}

/* The end of a table under its crosshead at L[j]: at most
 * body_resume_lines section heads ("**Match stats**", "## Statistik"),
 * then table_rows rows or more with the same number of cells (rule lines
 * between them), no link, URL or strong hit in them; not a standings
 * widget's: a table a line of links follows ("[Full table](...)"), or a
 * ranking (rows numbered 1, 2, 3 ... in their first cell). Else j. */
static size_t headed_table(const struct bp_config *c, const struct bp_line *L, size_t n, size_t j)
{
	const struct bp_params *p = &c->p;
	size_t h = j;
	while (h < n && h - j < (size_t)p->body_resume_lines && section_head(c, &L[h]) && !strong_rule(c, &L[h]))
		h++;
	if (h == j || h >= n || p->table_rows <= 0)
		return j;
	unsigned cells = table_cells(&L[h]);
	size_t r = h, rows = 0;
	long rank = 0;
	for (; cells && r < n && table_cells(&L[r]) == cells; r++) {
		if (L[r].links || L[r].has_url || strong_rule(c, &L[r]))
			return j;
		rows += !L[r].no_text;
		long v = L[r].no_text ? -1 : first_cell_number(&L[r], 1);
		if (v >= 0)
			rank = rank >= 0 && v == rank + 1 ? v : -1;
	}
	if ((double)rows < p->table_rows || rank >= 2 || (r < n && (L[r].links || L[r].why == bp_reason_names[BPR_LINKS])))
		return j;
	return r;
}

/* The data of a match report after the story: past at most
 * body_tail_lines lines a page inserts into stories (an advertisement
 * marker, an image and its credit), blocks of its data, one after the
 * other: two roster lines or more ("Harbourside: Kettering; Ali, ..."),
 * or at most body_resume_lines section heads ("**Line-ups**", "**La fiche
 * technique**") over two data lines or more (not numbered 1, 2, 3: a
 * standings list), each with the label lines ending like sentences after
 * it ("Referee: Jess Pennington."); and
 * tables under their crossheads (match stats, other results), not a
 * standings widget's (headed_table). */
static void roster_after_body(const struct bp_config *c, struct bp_line *L, size_t n, size_t *be)
{
	size_t j = *be;
	if (c->p.roster_commas <= 0)
		return;
	for (const struct bp_rule *r; j < n && j - *be < (size_t)c->p.body_tail_lines; j++)
		if (!(L[j].no_text || ((r = strong_rule(c, &L[j])) && r->inside && !r->box && !L[j].links &&
					 !L[j].has_url)))
			break;
	if (j - *be >= (size_t)c->p.body_tail_lines)
		j = *be;
	size_t j0 = j;
	for (;;) {
		size_t h = j;
		while (h < n && h - j < (size_t)c->p.body_resume_lines && section_head(c, &L[h]) &&
		       !strong_rule(c, &L[h]))
			h++;
		size_t k = h, rosters = 0;
		long rank = 0; /* (lines numbered 1, 2, 3: a standings list) */
		for (; k < n && (h > j ? data_line(c, &L[k], 1) || formation_line(c, &L[k]) : roster_line(c, &L[k]));
		     k++) {
			long v = first_cell_number(&L[k], 0);
			rosters += roster_line(c, &L[k]) || formation_line(c, &L[k]);
			if (v >= 0)
				rank = rank >= 0 && v == rank + 1 ? v : -1;
		}
		/* (under a head, two data lines, or one team's line-up) */
		if ((k >= h + 2 || (h > j && k == h + 1 && rosters)) && (h > j || rosters >= 2) && rank < 2) {
			while (k < n && (data_line(c, &L[k], h > j) ||
					 (lead_label(&L[k]) && (L[k].ends_punct == 1 || L[k].commas == 0) &&
					  L[k].drop_rule < 0 && L[k].links == 0 && !L[k].has_url && !L[k].bullet &&
					  !L[k].heading)))
				k++;
			data_labels(L, h, k);
			j = k;
			continue;
		}
		size_t t = headed_table(c, L, n, j);
		if (t == j)
			break;
		j = t;
	}
	if (j > j0)
		*be = j;
}

/* A list the story introduces: the items right after a line of the body
 * (or the line right after it, that no rule hit: "Roads closed:") that
 * ends with a colon ("The rules for the trip were short:"), of one
 * kind of bullet, are the story's while they hold no link, URL or image
 * and no rule hit them strongly but one of the short lines' (a label, a
 * "Photos: ..." promo shape): not a box, a figure or what follows
 * stories. The body takes the list when it ends there. */
static void story_lists(const struct bp_config *c, struct bp_line *L, size_t n, size_t bs, size_t *be)
{
	for (size_t i = bs; i <= *be && i + 1 < n; i++) {
		const struct bp_line *h = &L[i];
		if (h->ends_punct != 2 || h->bullet || h->heading || h->words < c->p.title_min_words ||
		    strong_rule(c, h) || text_class(h) == BPC_BAD || !L[i + 1].bullet ||
		    (i == *be && (h->drop_rule >= 0 || h->links || h->has_url)))
			continue;
		unsigned char kind = L[i + 1].bullet;
		size_t k = i + 1;
		for (; k < n && L[k].bullet == kind; k++) {
			const struct bp_line *x = &L[k];
			const struct bp_rule *r = strong_rule(c, x);
			if (x->links > 0 || x->has_url || x->image || x->no_text || x->list_heading ||
			    (r && (r->shape == BP_SHAPE_ANY || r->box || r->after || r->figure || r->note)) ||
			    (!r && x->cls == BPC_BAD && x->why != bp_reason_names[BPR_LABEL] &&
			     !(weak_hit(x) && x->cls_text != BPC_BAD)))
				break;
		}
		for (size_t m = i + 1; m < k; m++)
			if (L[m].cls == BPC_BAD) {
				L[m].cls = BPC_SHORT;
				L[m].why = NULL;
			}
		if (k > *be)
			*be = k;
		i = k - 1;
	}
}

/* A line a label rule hit that may be a story's own: a rule of the lines
 * outside stories (a tag line, contact details) or between a headline and
 * its story (a date), not of figures, boxes, inserts or what follows
 * stories. */
static inline int label_hit(const struct bp_config *c, const struct bp_line *l)
{
	const struct bp_rule *r = strong_rule(c, l);
	return r && r->shape == BP_SHAPE_LABEL && !r->after && !r->box && !r->figure && (!r->inside || r->header);
}

/* Lines i .. k - 1 (at most story_label_lines) that label rules of that
 * kind hit and that stand between two lines of the story's text (the one
 * before may be a list item, or end with a colon that introduces them):
 * the story's own when they end like sentences, when a colon introduces
 * them (contact lines: "Clinic details:"), or when they are dates of a
 * header rule alone and a good paragraph follows (a timeline). Returns k,
 * or i when they are not. */
static size_t story_labels(const struct bp_config *c, const struct bp_line *L, size_t n, size_t i)
{
	if (i == 0)
		return i;
	const struct bp_line *a = &L[i - 1];
	if (strong_rule(c, a) || text_class(a) == BPC_BAD ||
	    !(reads_as_text(a) || a->ends_punct == 2 || a->bullet))
		return i;
	size_t k = i;
	int ends = 1, dates = 1;
	while (k < n && k - i < (size_t)c->p.story_label_lines && label_hit(c, &L[k])) {
		ends &= L[k].ends_punct == 1;
		dates &= strong_rule(c, &L[k])->header && L[k].words <= c->p.near_words;
		k++;
	}
	if (k == i || k >= n || strong_rule(c, &L[k]) || !reads_as_text(&L[k]))
		return i;
	if (ends || a->ends_punct == 2 || (dates && text_class(&L[k]) == BPC_GOOD))
		return k;
	return i;
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
	return (l->drop_rule < 0 || l->hit == BP_HIT_WEAK) && !l->no_text && l->bullet != 1 && l->links <= p->max_link_density &&
	       l->words >= p->title_min_words && l->words <= p->title_max_words &&
	       l->ends_punct != 1 && !l->has_url;
}

/* A menu's separators: a '|', or two spaced middle dots or bullets or
 * more ("Region · Wirtschaft · Sport"). */
static int menu_seps(const struct bp_line *l)
{
	if (l->punct[1] >> ('|' - 64) & 1)
		return 1;
	const char *t = l->s + l->a;
	size_t n = l->b - l->a, k = 0;
	for (size_t i = 1; i + 3 < n; i++)
		if (t[i - 1] == ' ' && ((t[i] == '\xc2' && t[i + 1] == '\xb7' && t[i + 2] == ' ') ||
					(t[i] == '\xe2' && t[i + 1] == '\x80' && t[i + 2] == '\xa2' && t[i + 3] == ' ')))
			k++;
	return k >= 2;
}

/* A title-like line that may be the headline when no markdown heading
 * says so: not a menu ("Local | State", "Region · Sport"), not mostly
 * numbers (a date and time the rules missed), not a label over links (a
 * share row: "Compartir: [X](...) [WhatsApp](...)"). */
static int headline_like(const struct bp_params *p, const struct bp_line *l)
{
	return title_like(p, l) && !menu_seps(l) && !(l->looked > 0 && l->numeric > p->prose_numeric * l->looked) &&
	       !(l->label == 1 && l->links > 0);
}

/* A headline of few words is preferred when it is not a name: more than
 * title_min_words words, or one in lowercase ("Bridge reopens", not
 * "Maren Estrada"). */
static int headline_words(const struct bp_params *p, const struct bp_line *l)
{
	return l->words > p->title_min_words || l->lower > 0;
}

/* A dek under the headline: a line in sentence case (mostly lowercase
 * words, or a good paragraph with a finite verb: German capitalizes its
 * nouns), few numbers, not boilerplate on its own, without a label or an
 * address. */
static int dek_like(const struct bp_params *p, const struct bp_line *l)
{
	double n = l->looked;
	return l->cls0 != BPC_BAD && l->words >= p->near_words && !l->heading && !l->bullet && !l->label &&
	       !l->has_url && l->links == 0 && n > 0 &&
	       (l->lower >= p->prose_lower * n || (l->cls0 == BPC_GOOD && l->ends_punct == 1 && l->verbs > 0)) &&
	       l->numeric <= p->prose_numeric * n && !(l->punct[1] >> ('@' - 64) & 1) &&
	       !(l->punct[1] >> ('|' - 64) & 1);
}

/* A dek by its place: a good paragraph that ends like a sentence, no
 * rule hit, right above a byline or a date (a strong hit of a header
 * rule; a short line between, an author's name), in a language whose nouns are capitalized or whose verbs the
 * word classes miss as well as in sentence case. */
static int dek_over_byline(const struct bp_config *c, const struct bp_line *L, size_t n, size_t i)
{
	const struct bp_line *l = &L[i];
	size_t j = i + 1;
	/* (an author's name may stand between: "Interview: Name") */
	if (j + 1 < n && L[j].drop_rule < 0 && L[j].cls0 == BPC_SHORT && L[j].words <= c->p.near_words &&
	    !L[j].heading && !L[j].links && !L[j].has_url)
		j++;
	const struct bp_rule *r = j < n ? strong_rule(c, &L[j]) : NULL;
	return dek_like(&c->p, l) ||
	       ((l->cls0 == BPC_GOOD || l->cls0 == BPC_NEAR) && l->ends_punct == 1 && l->drop_rule < 0 && !l->heading && !l->bullet &&
		!l->label && !l->has_url && l->links == 0 && r && r->header);
}

/* A headline above its dek, above the body: the body starts after at
 * most lead_lines lines that are not paragraphs (bylines, dates, images,
 * captions, an author's name), one of them a strong hit of a rule of the
 * lines between a headline and its story, and above those stands a
 * sentence in sentence case (the dek) right under a title-like line.
 * That line is the headline, whatever a rule or the duplicate check said
 * of it ("Copyright suit dismissed", a headline the page repeats in a
 * teaser), unless it is a heading of a section, a menu or numbers.
 * Returns its index, or n; *sect is the first of the section heads
 * crossed under the byline and dates (untouched when none). */
static size_t headline_over_dek(const struct bp_config *c, const struct bp_line *L, size_t n, size_t bs,
				size_t *sect)
{
	const struct bp_params *p = &c->p;
	size_t lmax = (size_t)p->lead_lines;
	int header = 0;
	/* (under the byline and dates, before the body found, a section's
	 * heading or label may stand: "## Friday", "**Orrin Falls 42, Hesper
	 * Valley 7**" that open the story's first section, and lines a rule
	 * hit weakly; up to lead_lines of them, the window that much longer) */
	size_t below = 0;
	for (size_t k = bs; k-- > 1 && bs - k <= lmax + 1 + below;) {
		const struct bp_line *l = &L[k];
		if (!header && below < lmax && section_head(c, l) && text_class(l) != BPC_GOOD) {
			below++;
			*sect = k;
			continue;
		}
		if (!header && below < lmax && weak_hit(l)) {
			below++;
			continue;
		}
		if ((l->prose || dek_over_byline(c, L, n, k)) && l->ends_punct == 1 && !strong_rule(c, l)) {
			const struct bp_line *h = &L[k - 1];
			if (!header || !dek_over_byline(c, L, n, k) || h->heading > 1 || h->no_text || h->bullet ||
			    h->links > p->max_link_density || h->has_url || h->words < p->title_min_words ||
			    h->words > p->title_max_words || (h->ends_punct == 1 && !(asks(h) && !h->heading)) ||
			    (h->punct[1] >> ('|' - 64) & 1) ||
			    (h->looked > 0 && h->numeric > p->prose_numeric * h->looked) || !headline_words(p, h) ||
			    h->caps > p->max_caps)
				return n;
			const struct bp_rule *r = strong_rule(c, h);
			if (r && (r->after || r->box))
				return n;
			if (!r && h->cls0 == BPC_BAD && h->why != bp_reason_names[BPR_DUPLICATE] && !weak_hit(h))
				return n;
			return k - 1;
		}
		if (l->heading || text_class(l) == BPC_GOOD)
			return n;
		header |= strong_rule(c, l) && strong_rule(c, l)->header;
	}
	return n;
}

/* A line that may be a headline named by the words it shares with the
 * lead: one line of a few words, no list item, link, URL or sentence
 * end, no heading below level 2; a rule may have hit it (a headline may
 * read like a byline, a label or a copy the page repeats), but not one of
 * the lines of boxes, figures or what follows stories. */
static int headline_shape(const struct bp_config *c, const struct bp_line *l)
{
	const struct bp_params *p = &c->p;
	const struct bp_rule *r = strong_rule(c, l);
	if (r && (r->after || r->box || r->figure || r->note))
		return 0;
	return !l->no_text && !l->image && l->bullet != 1 && l->heading <= 2 && l->links <= p->max_link_density &&
	       !l->has_url && l->words >= p->title_min_words && l->words <= p->title_max_words &&
	       l->ends_punct != 1 && !(l->punct[1] >> ('|' - 64) & 1);
}

/* The headline by the words it shares with the lead (the first two
 * good lines of the body from fb): the title-like line found nearest
 * above the body (t, or n when none) is often a byline, a section label
 * or the dek under the headline ("Match report" under "Harbourside 2-1
 * Ashby Town"; a headline in capitals above its dek). When t shares at
 * most one word with the lead and stands above no dek, the line of a
 * headline's shape among the 20 above fb sharing the most words with the
 * lead, at least two and a third of its own (ties: the nearest), is the
 * headline; not one of the page's first two lines (a site's name shares
 * the town's name with the lead), and a markdown heading only right above
 * t or, when none was found, among the lead_lines lines above fb (a
 * heading further up or below t is a section's). Returns its index, or
 * t. */
static size_t headline_by_lead(const struct bp_config *c, const struct bp_line *L, size_t n, size_t fb, size_t hb,
			       size_t be, size_t t)
{
	if (hb == 0)
		return t;
	struct bp_lead lead = {.n = 0};
	for (size_t i = fb, k = 0; i < be && k < 2; i++)
		if (L[i].cls0 == BPC_GOOD)
			bp_lead_words(c, &lead, L[i].s + L[i].a, L[i].b - L[i].a), k++;
	size_t lo = hb > 22 ? hb - 20 : 2;
	size_t near = t < n ? (t > 1 ? t - 1 : 0) : (hb > (size_t)c->p.lead_lines ? hb - (size_t)c->p.lead_lines : 0);
	size_t hi = hb;
	if (hi == 0)
		return t;
	hi--;
	unsigned best = t < n ? bp_shared_words(c, &lead, L[t].s + L[t].a, L[t].b - L[t].a, NULL) : 0;
	/* (t sharing two words, or standing above a dek, is the headline) */
	if (best > 1 || (t < n && t + 1 < hb && dek_like(&c->p, &L[t + 1])))
		return t;
	best = 1;
	size_t h = t;
	for (size_t i = hi + 1; i-- > lo;) {
		if (!headline_shape(c, &L[i]) || ((i < near || (t < n && i >= t)) && L[i].heading))
			continue;
		unsigned w, k = bp_shared_words(c, &lead, L[i].s + L[i].a, L[i].b - L[i].a, &w);
		if (k > best && 3 * k >= w)
			h = i, best = k;
	}
	return h;
}

/* L[i] in the box headed by L[h] is a teaser card's text: the box
 * opens with a card's image, and L[i] stands between lines that are
 * boilerplate on their own: its card's image or a row the page repeats
 * (a share row) above it, the next card's image below ("### You may
 * also like", then image, share row, text; image, share row, text). */
static int teaser_card(const struct bp_config *c, const struct bp_line *L, size_t n, size_t h, size_t i)
{
	const struct bp_line *u = &L[i - 1];
	/* a paragraph that reads as prose between two photos is the story's
	 * (a photo, a paragraph, a photo): only a card's share row makes it
	 * a card */
	int shared = u->why == bp_reason_names[BPR_DUPLICATE];
	return h + 1 < i && (L[h + 1].image || L[h + 1].no_text) && i + 1 < n && u->cls0 == BPC_BAD &&
	       L[i + 1].cls0 == BPC_BAD && (L[i + 1].image || L[i + 1].no_text) &&
	       (shared || ((u->image || u->no_text) && !(L[i].prose && paragraph_line(c, &L[i]))));
}

/* The kept parts of two lines hold the same bytes. */
static int same_text(const struct bp_line *x, const struct bp_line *y)
{
	return y->b - y->a == x->b - x->a && memcmp(y->s + y->a, x->s + x->a, x->b - x->a) == 0;
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
	return l->cls0 != BPC_BAD && !l->bullet && !(l->punct[1] >> ('|' - 64) & 1) && l->words >= p->dup_min_words;
}

static int dup_loose(const struct bp_params *p, const struct bp_line *l)
{
	return l->ends_punct == 1 || l->words > p->dup_max_words;
}

/* Two copies L[i] and L[j] (i < j) of a line near enough to be one too
 * many: dup_near_lines apart or nearer (a caption under an image and
 * again in its gallery), or dup_teaser_lines with no good paragraph
 * between them (a dek repeated under the byline and the date: not a
 * question asked again after an answer). */
static int dup_near(const struct bp_params *p, const struct bp_line *L, size_t i, size_t j)
{
	if (j - i <= (size_t)p->dup_near_lines)
		return 1;
	if (j - i > (size_t)p->dup_teaser_lines)
		return 0;
	for (size_t k = i + 1; k < j; k++)
		if (L[k].cls0 == BPC_GOOD || L[k].cls0 == BPC_NEAR)
			return 0;
	return 1;
}

/* The lines the document holds twice or more (dup[i] = 1): lines short of
 * a sentence end and of dup_max_words by their hash (case, digits and
 * punctuation folded) anywhere in the document, any other line byte for
 * byte a few lines apart (a caption under an image and again in its
 * gallery). Returns 0 when none, or when so many lines repeat that the
 * repeats are the page's own (a table, a list of items that share their
 * words). */
static int find_duplicates(const struct bp_config *c, const struct bp_line *L, size_t n, unsigned char *dup)
{
	const struct bp_params *p = &c->p;
	memset(dup, 0, n);
	if (p->dup_max_words <= 0 || n < 2)
		return 0;
	uint64_t (*k)[2] = xmalloc(n * sizeof *k);
	size_t m = 0, ndup = 0;
	for (size_t i = 0; i < n; i++) {
		const struct bp_line *l = &L[i];
		if (!dup_candidate(p, l) || dup_loose(p, l))
			continue;
		uint64_t h = bp_line_hash(l);
		if (h)
			k[m][0] = h, k[m][1] = i, m++;
	}
	qsort(k, m, sizeof *k, cmp_dup);
	for (size_t i = 0; i + 1 < m; i++)
		if (k[i][0] == k[i + 1][0]) {
			ndup += !dup[k[i][1]] + !dup[k[i + 1][1]];
			dup[k[i][1]] = dup[k[i + 1][1]] = 1;
		}
	free(k);
	for (size_t i = 0; i < n; i++) {
		const struct bp_line *x = &L[i];
		if (!dup_candidate(p, x) || !dup_loose(p, x))
			continue;
		size_t far = (size_t)(p->dup_teaser_lines > p->dup_near_lines ? p->dup_teaser_lines : p->dup_near_lines);
		for (size_t j = i + 1; j < n && j <= i + far; j++)
			if (same_text(x, &L[j]) && dup_candidate(p, &L[j]) && dup_near(p, L, i, j)) {
				ndup += !dup[i] + !dup[j];
				dup[i] = dup[j] = 1;
			}
	}
	return ndup && (ndup <= 2 || (double)ndup <= p->dup_max_share * (double)n);
}

/* Before the body: a repeated line that does not read as a sentence (a
 * teaser's headline listed twice, a section label) is boilerplate, and
 * costs the body as such (a stretch of teasers is not a story). */
static void dups_before_body(const struct bp_config *c, struct bp_line *L, size_t n, const unsigned char *dup)
{
	(void)c;
	for (size_t i = 0; i < n; i++)
		if (dup[i] && !L[i].prose && L[i].heading != 1) {
			set_bad(&L[i], BPR_DUPLICATE);
			L[i].cls0 = BPC_BAD;
		}
}

/* After it: of the copies of a line that reads as a sentence, the first
 * one the body keeps stays (never the only copy); the later copies go. */
static void dups_in_body(const struct bp_config *c, struct bp_line *L, size_t n, const unsigned char *dup,
			 size_t title)
{
	const struct bp_params *p = &c->p;
	for (size_t i = 0; i < n; i++) {
		if (!dup[i] || i == title || L[i].cls != BPC_GOOD || !L[i].prose)
			continue;
		size_t far = (size_t)(p->dup_teaser_lines > p->dup_near_lines ? p->dup_teaser_lines : p->dup_near_lines);
		for (size_t j = i > far ? i - far : 0; j < i; j++)
			if (L[j].cls == BPC_GOOD && same_text(&L[i], &L[j]) && dup_near(p, L, j, i)) {
				set_bad(&L[i], BPR_DUPLICATE);
				break;
			}
	}
}

/* A line set in bold or as a heading ("**11:40**", "### 11:40"). */
static int emphasis(const struct bp_line *l)
{
	size_t n = l->b - l->a;
	const char *t = l->s + l->a;
	return l->heading || (n >= 4 && t[0] == '*' && t[1] == '*' && t[n - 1] == '*' && t[n - 2] == '*');
}

/* L[i], a weak hit on a line of a quotation ('>'), is its last line:
 * the line with text above it (across at most two empty ones), at bs or
 * after, is a line of the same quotation that is not boilerplate on its
 * own. */
static int closes_quote(const struct bp_line *L, size_t bs, size_t i)
{
	if (!weak_hit(&L[i]) || L[i].bullet != 2 || L[i].heading)
		return 0;
	size_t k = i;
	while (k > bs && k + 3 > i && L[k - 1].no_text && !L[k - 1].image)
		k--;
	return k > bs && L[k - 1].bullet == 2 && !L[k - 1].no_text && L[k - 1].cls0 != BPC_BAD;
}

void bp_classify(struct bp_config *c, struct bp_line *L, size_t n)
{
	const struct bp_params *p = &c->p;
	c->run.doc_seq++;
	/* a prefix a trim rule cuts from two rows or more in a row is a
	 * list's (a timeline's dates: "2026-11-16 - The first ..."), not a
	 * dateline glued to a lead: they keep it */
	for (size_t i = 0, k; i < n; i = k) {
		for (k = i + 1; k < n && L[i].trim_rule >= 0 && L[k].trim_rule == L[i].trim_rule && L[k].a > 0; k++)
			;
		if (k - i >= 2 && L[i].a > 0)
			for (size_t m = i; m < k; m++)
				bp_undo_trim(c, &L[m]);
	}
	/* doc-wide stopword share: is the stopword list in this language? */
	double tw = 0, ts = 0;
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		l->keep = 0;
		l->hash = (p->repeat_min_docs > 0 || c->freq.n) && l->words <= p->repeat_max_words ? bp_line_key(p, l) : 0;
		if (l->drop_rule < 0 && l->stop >= 0 && l->words >= p->near_words) {
			tw += l->words;
			ts += l->stop * l->words;
		}
	}
	int use_stop = tw == 0 || ts / tw >= p->min_doc_stopwords;
	bp_speaker_turns(c, L, n);
	bp_noun_capitals(c, L, n);
	weigh_hits(c, L, n);
	double gw = 0, gp = 0; /* words of good lines, and of those that read as sentences */
	for (size_t i = 0; i < n; i++) {
		classify_line(c, &L[i], use_stop);
		L[i].cls0 = L[i].cls;
		if (text_class(&L[i]) == BPC_GOOD) {
			gw += L[i].words;
			gp += L[i].prose ? L[i].words : 0;
		}
	}
	alt_captions(c, L, n);
	credit_captions(c, L, n);
	/* where most good lines read as sentences (the words of the
	 * language are known), the others (a menu run together, a list of
	 * names) weigh less in the body */
	for (size_t i = 0; i < n; i++)
		L[i].wt = L[i].prose || gp < p->body_prose_share * gw ? 1.0f : (float)p->body_nonprose_weight;
	unsigned char *dup = xmalloc(n ? n : 1);
	if (find_duplicates(c, L, n, dup))
		dups_before_body(c, L, n, dup);
	else
		memset(dup, 0, n);
	size_t bs, be, title = n;
	double best = find_body(c, L, n, &bs, &be);
	/* a page's headline is its only level-1 heading, and the article
	 * follows it: a stretch after it that weighs enough is the body */
	size_t from = 0;
	if (p->body_after_h1 > 0) {
		size_t h1 = n, nh1 = 0;
		for (size_t i = 0; i < n; i++)
			if (L[i].heading == 1 && L[i].cls0 != BPC_BAD)
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
		while (k < bs && !after_rule(c, &L[k]))
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
		if (after_rule(c, &L[k])) {
			size_t fs, fe;
			double first = find_body(c, L + bs, k - bs, &fs, &fe);
			if (fe > fs && first >= p->good_words)
				be = bs + fe, bs = bs + fs;
			break;
		}
	/* an article comes before its comments: a stretch before the best one
	 * that weighs nearly as much is the body, when it holds a sentence as
	 * the best one does (not a menu run together alone) */
	if (p->body_prefer_first > 0 && bs > from) {
		size_t fs, fe;
		double first = find_body(c, L + from, bs - from, &fs, &fe);
		if (first >= p->body_prefer_first * best && fe > fs &&
		    (prose_words(L, from + fs, from + fe) > 0 || prose_words(L, bs, be) == 0))
			bs = from + fs, be = from + fe;
	}
	if (be > bs) {
		voice_tail(c, L, bs, &be);
		bridge_body(c, L, n, &be);
		bridge_body_back(c, L, n, &bs);
		lead_before_body(c, L, &bs);
		extend_weak(c, L, n, &bs, &be);
		table_after_body(c, L, n, &be);
		numbered_after_body(c, L, n, &be);
		tail_lines(c, L, n, &be);
		sentences_after_body(c, L, n, &be);
		resume_body(c, L, n, &be);
		story_after_body(c, L, n, &be);
		/* such lines alone do not end a story */
		for (size_t k; be > bs && (k = story_labels(c, L, n, be)) > be && text_class(&L[k]) == BPC_GOOD;)
			be = k + 1;
	}
	/* no body at all (a brief, a document of short lines): fall back to
	 * the lines that read as sentences */
	if (be == bs) {
		for (size_t i = 0; i < n; i++) {
			struct bp_line *l = &L[i];
			if ((l->cls == BPC_NEAR || l->cls == BPC_SHORT) && l->ends_punct == 1 &&
			    l->words >= p->title_min_words && !l->heading)
				l->cls = BPC_GOOD;
			else if (l->cls != BPC_BAD)
				l->cls = BPC_BAD, l->why = bp_reason_names[BPR_SHORT];
		}
		bs = be = 0;
		goto done;
	}
	short_lead(c, L, n, &bs);
	roster_before_body(c, L, n, &bs);
	size_t dtop = data_before_body(c, L, n, be, &bs);
	points_before_body(c, L, n, be, &bs);
	/* a list the body ends with goes on while its items keep their shape */
	while (be >= bs + 2 && be < n && (L[be].cls == BPC_SHORT || L[be].cls == BPC_NEAR) &&
	       shape(&L[be]) == shape(&L[be - 1]) && shape(&L[be - 1]) == shape(&L[be - 2]))
		be++;
	/* a short last paragraph that ends like a sentence (or a quotation of
	 * one word: "Today.") belongs to it */
	while (be > bs && be < n && (L[be].cls == BPC_SHORT || L[be].cls == BPC_NEAR) &&
	       L[be].ends_punct == 1 && !L[be].heading && (L[be].words >= 2 || L[be].quote == 2))
		be++;
	/* lists the story introduces, and what follows them */
	story_lists(c, L, n, bs, &be);
	resume_body(c, L, n, &be);
	roster_after_body(c, L, n, &be);
	/* a quotation's last line ("> — Name (@name) November 18, 2019" under
	 * an embedded post) goes with the quotation the body ends with */
	for (size_t j; be > bs && be < n; be = j + 1) {
		for (j = be; j < n && j < be + 2 && L[j].no_text && !L[j].image;)
			j++;
		if (j >= n || !closes_quote(L, bs, j))
			break;
	}
	/* a weak hit inside the body is what its features say: a sentence,
	 * or a heading that a paragraph or a short sentence no rule hit
	 * follows (a sub-heading; a listing's "* ### Saturday fair" over
	 * "Stalls open at nine."), or the last line of a quotation */
	for (size_t i = bs; i < be; i++)
		if (L[i].drop_rule >= 0 && L[i].hit == BP_HIT_WEAK &&
		    (L[i].prose ||
		     (i + 1 < n && (reads_as_text(&L[i + 1]) || (short_sentence(&L[i + 1]) && L[i + 1].drop_rule < 0))) ||
		     closes_quote(L, bs, i))) {
			L[i].cls = L[i].cls_text == BPC_BAD && L[i].heading ? BPC_SHORT : L[i].cls_text;
			L[i].why = L[i].why_text;
		}
	/* lines a label rule of the lines outside stories hit (a tag line,
	 * contact details, a date) between two lines of the story are its
	 * own */
	for (size_t i = bs + 1; i + 1 < be; i++)
		for (size_t k = story_labels(c, L, be, i); i < k; i++) {
			L[i].cls = BPC_SHORT;
			L[i].why = NULL;
		}
	/* a line a label rule hit that ends like a sentence ("Home." in a
	 * Q&A: a menu's items end with no period) between two lines of the
	 * body that are not boilerplate on their own is the story's; not a
	 * byline or a date ("By United Press.", the wire's line between two
	 * stories of a page) */
	for (size_t i = bs + 1; i + 1 < be; i++)
		if (L[i].cls == BPC_BAD && L[i].ends_punct == 1 && label_hit(c, &L[i]) && !strong_rule(c, &L[i])->header &&
		    L[i].links == 0 && !L[i].has_url && L[i - 1].cls != BPC_BAD && L[i + 1].cls != BPC_BAD)
			L[i].cls = BPC_SHORT, L[i].why = NULL;
	/* a label (a time, a score, a number) inside the body between a line
	 * of the story (or a byline or date above it) and a paragraph is the
	 * story's when the body holds two or more such, or it is set in bold
	 * or as a heading: a live blog's time headings; not one next to an
	 * image, a line without text, links or a promo (a gallery counter, a
	 * video's length), nor a lone plain one (a date the page adds) */
	size_t nlab = 0, nshapes = 0;
	unsigned shapes[8], nshape[8];
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = bs + 1; i + 1 < be; i++) {
			const struct bp_line *a = &L[i - 1];
			const struct bp_rule *ra = strong_rule(c, a);
			if (!(L[i].why == bp_reason_names[BPR_LABEL] && reads_as_text(&L[i + 1]) && !L[i + 1].image &&
			      !a->image && !a->no_text && !a->has_url && a->links == 0 && !weak_hit(a) &&
			      (ra ? ra->header : a->cls != BPC_BAD) && L[i].links == 0 && !L[i].has_url))
				continue;
			if (pass == 0) {
				nlab++;
				continue;
			}
			if (nlab < 2 && !emphasis(&L[i]))
				continue;
			L[i].cls = BPC_SHORT;
			L[i].why = NULL;
			if (nlab >= 2 || emphasis(&L[i])) {
				unsigned sh = shape(&L[i]) | (unsigned)emphasis(&L[i]) << 11;
				size_t k = 0;
				while (k < nshapes && shapes[k] != sh)
					k++;
				if (k == nshapes && nshapes < sizeof shapes / sizeof *shapes)
					shapes[nshapes] = sh, nshape[nshapes++] = 0;
				if (k < nshapes)
					nshape[k]++;
			}
		}
	/* in such a live blog, a label of the same shape as those (two of
	 * them, or one set in bold or as a heading) is the story's wherever
	 * it stands before a line of the story (a short sentence too): after
	 * an image, its caption or a share row, and right above the body's
	 * first paragraph (the latest entry) */
	for (size_t i = bs > 0 ? bs - 1 : 0; nshapes && i + 1 < be; i++) {
		const struct bp_line *x = &L[i + 1];
		if (L[i].why != bp_reason_names[BPR_LABEL] || L[i].links || L[i].has_url || x->image ||
		    !(reads_as_text(x) || (short_sentence(x) && x->drop_rule < 0)))
			continue;
		unsigned sh = shape(&L[i]) | (unsigned)emphasis(&L[i]) << 11;
		size_t k = 0;
		while (k < nshapes && shapes[k] != sh)
			k++;
		if (k == nshapes || (nshape[k] < 2 && !emphasis(&L[i])))
			continue;
		L[i].cls = BPC_SHORT;
		L[i].why = NULL;
		if (i < bs)
			bs = i;
	}
	/* ... and above the body, entry by entry (newest first): the lines
	 * of the story over a label of those shapes right above it (one
	 * sentence or more no rule hit, up to the next such label), while
	 * the entries keep coming */
	for (size_t k = bs; nshapes && k > 1;) {
		size_t e = k;
		while (e > 1 && L[e - 1].drop_rule < 0 && !L[e - 1].heading && !L[e - 1].bullet && !L[e - 1].links &&
		       !L[e - 1].has_url && !L[e - 1].image && (reads_as_text(&L[e - 1]) || short_sentence(&L[e - 1])))
			e--;
		const struct bp_line *t = &L[e - 1];
		if (e == k || t->why != bp_reason_names[BPR_LABEL] || t->links || t->has_url)
			break;
		unsigned sh = shape(t) | (unsigned)emphasis(t) << 11;
		size_t m = 0;
		while (m < nshapes && shapes[m] != sh)
			m++;
		if (m == nshapes)
			break;
		L[e - 1].cls = BPC_SHORT;
		L[e - 1].why = NULL;
		bs = k = e - 1;
	}
	/* a table's rule line ("|---|---|") between two of its rows in the
	 * body goes with them */
	for (size_t i = bs + 1; i + 1 < be; i++) {
		unsigned k = table_cells(&L[i]);
		if (k && L[i].why == bp_reason_names[BPR_NO_TEXT] && !strong_rule(c, &L[i]) &&
		    table_cells(&L[i - 1]) == k && table_cells(&L[i + 1]) == k && L[i - 1].cls != BPC_BAD &&
		    L[i + 1].cls != BPC_BAD)
			L[i].cls = BPC_SHORT, L[i].why = NULL;
	}
	/* lines a rule hit strongly that read as the story's in its body: */
	for (size_t i = bs + 1; i + 1 < be; i++) {
		const struct bp_rule *r = strong_rule(c, &L[i]);
		if (!r || L[i].cls != BPC_BAD || L[i].links || L[i].has_url)
			continue;
		const struct bp_line *x = &L[i + 1];
		/* the paragraph under it: the story's (no strong hit, no list
		 * item, link or URL) */
		int para = x->prose && (x->drop_rule < 0 || weak_hit(x)) && !x->bullet && item_number(x) < 0 &&
			   x->links == 0 && !x->has_url && reads_as_text(x);
		/* a box's label ("**About Millfield**"; not of the boxes a page
		 * inserts into stories, which head lists of teasers) over such
		 * a paragraph heads the story's section; */
		if ((para && !r->inside && section_head(c, &L[i])) ||
		    /* so does a list item that holds a heading of a few words
		     * (near_words at most) without a link ("* ### Snacks", which
		     * the teaser rule hits): a teaser's headline is a headline's
		     * length, or links to its story; */
		    (para && L[i].list_heading && L[i].words <= p->near_words && L[i].ends_punct != 1) ||
		    /* and a line that introduces what someone wrote ("Judge Voss
		     * on March 1, 2024 wrote:", which a rule of comment headers
		     * hits) between two lines of the story, a quotation under it,
		     * when the page holds no second line of that rule (a comment
		     * header comes before each comment) */
		    (r->after && !r->box && L[i].ends_punct == 2 && !L[i].heading && L[i - 1].cls != BPC_BAD &&
		     reads_as_text(&L[i - 1]) && x->quote == 2 && x->drop_rule < 0 && x->cls != BPC_BAD &&
		     !rule_later(c, L, 0, i, L[i].drop_rule) && !rule_later(c, L, i + 1, n, L[i].drop_rule)))
			L[i].cls = BPC_SHORT, L[i].why = NULL;
	}
	/* inside the body every line that is not boilerplate on its own is
	 * article; outside it nothing is */
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		if (l->cls == BPC_BAD)
			continue;
		if (i < bs || i >= be) {
			l->cls = BPC_BAD;
			l->why = bp_reason_names[l->cls0 == BPC_GOOD ? (i < bs ? BPR_HEAD : BPR_TAIL) : BPR_SHORT];
		} else {
			l->cls = BPC_GOOD;
		}
	}
	/* the headline: a markdown heading, else the nearest title-like line,
	 * before the body (lines that are boilerplate on their own skipped) */
	size_t fb = bs;
	while (fb < be && L[fb].cls0 != BPC_GOOD)
		fb++;
	/* (the headline stands above a match's data the body starts with) */
	size_t hb = fb < dtop ? fb : dtop;
	if (fb < be) {
		size_t t = n;
		size_t lim = hb > 40 ? hb - 40 : 0;
		for (size_t i = hb; i-- > lim;)
			if (L[i].heading == 1 && title_like(p, &L[i])) {
				t = i;
				break;
			}
		size_t sect = n;
		if (t == n) {
			t = headline_over_dek(c, L, n, bs, &sect);
			/* the section heads crossed under the byline open the
			 * story's first section, and so do the short sentences
			 * under them (a Q&A's one-word answer: "Yes.") */
			for (size_t i = sect; t < n && i < fb; i++)
				if ((section_head(c, &L[i]) ||
				     (i > sect && L[i].ends_punct == 1 && L[i].drop_rule < 0 && !L[i].heading &&
				      !L[i].bullet && !L[i].links && !L[i].has_url && !L[i].image)) &&
				    L[i].cls0 != BPC_BAD)
					L[i].cls = BPC_GOOD, L[i].why = NULL;
		}
		if (t == n) {
			/* the nearest title-like line of more than title_min_words
			 * words, else the nearest one of that many */
			size_t t2 = n;
			int seen = 0;
			for (size_t i = hb; i-- > 0 && seen < 4;) {
				if (L[i].cls0 == BPC_BAD && !weak_hit(&L[i]))
					continue;
				if (headline_like(p, &L[i])) {
					if (headline_words(p, &L[i])) {
						t = i;
						break;
					}
					if (t2 == n)
						t2 = i;
				}
				seen++;
			}
			if (t == n)
				t = t2;
			/* a headline stands above its dek: a title-like line right
			 * before the one found, when that is shorter (and not a
			 * kicker of a name's few words: "Bezirksliga Nord") or reads
			 * as a dek (not a menu or a name in capitals) */
			if (t < n && t > 0 && title_like(p, &L[t - 1]) &&
			    (L[t - 1].cls0 != BPC_BAD || weak_hit(&L[t - 1])) && L[t - 1].caps <= p->max_caps &&
			    !menu_seps(&L[t - 1]) &&
			    ((L[t - 1].words < L[t].words && headline_words(p, &L[t - 1])) || dek_like(p, &L[t])))
				t--;
			size_t t0 = t;
			t = headline_by_lead(c, L, n, fb, hb, be, t);
			/* (the line stepped from, when that was the page's
			 * first line, a site's name, and the lead names what the
			 * line below it does: "Tidemouth Sport" over "Quayside
			 * Rovers 2-1 Marlow Town: ...") */
			if (t == t0 && t == 0 && 1 < hb && !dek_like(p, &L[1]) && headline_shape(c, &L[1])) {
				struct bp_lead lead = {.n = 0};
				for (size_t i = fb, k = 0; i < be && k < 2; i++)
					if (L[i].cls0 == BPC_GOOD)
						bp_lead_words(c, &lead, L[i].s + L[i].a, L[i].b - L[i].a), k++;
				unsigned w, k0 = bp_shared_words(c, &lead, L[0].s + L[0].a, L[0].b - L[0].a, NULL),
					    k1 = bp_shared_words(c, &lead, L[1].s + L[1].a, L[1].b - L[1].a, &w);
				if (k0 <= 1 && k1 > 1 && 3 * k1 >= w)
					t = 1;
			}
		}
		title = t;
		/* the headline and its dek (up to two lines right after it in
		 * sentence case, or a paragraph over the byline: no byline,
		 * dateline or label) */
		for (size_t i = t; i < n && i < hb && i <= t + 2; i++) {
			if (i > t && !dek_over_byline(c, L, n, i))
				break;
			if (p->keep_title) {
				L[i].cls = BPC_GOOD;
				L[i].why = NULL;
			} else {
				L[i].cls = BPC_BAD;
				L[i].why = bp_reason_names[BPR_TITLE];
			}
		}
	}
	dups_in_body(c, L, n, dup, title);
	/* a box of links ("Most read", "Related stories") goes on up to the
	 * next paragraph that is good on its own and not a list item (a
	 * teaser in a list may read like a sentence; not a paragraph that
	 * reads as prose, whatever its class), and over teaser cards */
	for (size_t i = 0; i < be; i++) {
		if (!(strong_rule(c, &L[i]) && strong_rule(c, &L[i])->box))
			continue;
		const char *why = L[i].why;
		size_t h = i;
		for (i++; i < be && (box_row(c, &L[i]) || teaser_card(c, L, n, h, i)); i++)
			if (L[i].cls == BPC_GOOD)
				L[i].cls = BPC_BAD, L[i].why = why;
		i--;
	}
done:
	free(dup);
	c->run.body_start = bs;
	c->run.body_end = be;
	c->run.title = title;
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		l->keep = l->cls == BPC_GOOD;
		if (l->keep)
			l->why = NULL;
		else if (!l->why)
			l->why = bp_reason_names[BPR_SHORT];
		for (int r = 1; l->why && r < BPR_N; r++)
			if (l->why == bp_reason_names[r])
				c->run.reason_hits[r]++;
	}
}
