/* bp_nouns.c - documents in a language that capitalizes its nouns
 * (German): there a sentence holds far fewer lowercase words than the
 * prose_lower and prose_lower_alone shares that tell an English sentence
 * from a name, a title or a label, and bp_is_prose reads much of the
 * document's prose as labels. Where the document's own sentences (good
 * paragraphs that end like sentences, with stopwords, no link, list or
 * heading shape) have a median lowercase share under
 * prose_lower_alone, the bars are the document's: scaled by that median
 * over the share of a sentence without capitals inside (nouns_lower),
 * for lines with stopwords that did not read as sentences; a rule hit on
 * a line that now does is weak, as on any sentence (a rule of label shape
 * does not take it). */
#include "bp.h"

#include <stdlib.h>

#define NOUN_SAMPLE 64

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* A line that reads as a paragraph of the document's prose, by shape. */
static int sample_line(const struct bp_params *p, const struct bp_line *l)
{
	return l->ends_punct == 1 && l->words >= p->good_words && l->stop >= p->good_stopwords && l->looked > 0 &&
	       !l->heading && !l->bullet && !l->links && !l->has_url && !l->image && l->label != 1;
}

void bp_noun_capitals(const struct bp_config *c, struct bp_line *L, size_t n)
{
	const struct bp_params *p = &c->p;
	float share[NOUN_SAMPLE];
	size_t k = 0, under = 0;
	if (p->nouns_lower <= 0)
		return;
	for (size_t i = 0; i < n && k < NOUN_SAMPLE; i++)
		if (sample_line(p, &L[i])) {
			share[k] = (float)L[i].lower / (float)L[i].looked;
			under += share[k++] < p->prose_lower_alone;
		}
	/* (most under the bar: the median is; sorted only then) */
	if (k < 3 || 2 * under <= k)
		return;
	qsort(share, k, sizeof *share, cmp_float);
	double med = k % 2 ? share[k / 2] : 0.5 * (share[k / 2 - 1] + share[k / 2]);
	if (med >= p->prose_lower_alone)
		return;
	struct bp_params q = *p;
	double f = med / p->nouns_lower;
	q.prose_lower *= f;
	q.prose_lower_alone *= f;
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		if (l->prose || l->stop < p->near_stopwords || !bp_is_prose(&q, l))
			continue;
		l->prose = 1;
		if (l->drop_rule >= 0 && l->hit == BP_HIT_STRONG && l->drop_rule < (int)c->nrules &&
		    c->rules[l->drop_rule].action == BP_DROP) {
			if (c->rules[l->drop_rule].shape == BP_SHAPE_LABEL)
				l->drop_rule = -1, l->hit = BP_HIT_NONE;
			else
				l->hit = BP_HIT_WEAK;
		}
	}
}
