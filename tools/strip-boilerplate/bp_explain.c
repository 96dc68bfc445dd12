/* bp_explain.c - why a row went (or stayed), for --explain: the rule that
 * hit and the strength of its evidence, a rule the line's shape kept out,
 * the line's features (words, stopword share, verbs, reported speech,
 * words addressing the reader, quotation, links, how it ends), its class
 * alone and the document's body and headline, as "key=value" words. */
#include "bp.h"

#include <stdio.h>

static const char *const class_names[] = {"bad", "short", "near", "good"};

void bp_explain(const struct bp_config *c, const struct bp_line *L, size_t n, size_t i, struct buf *o)
{
	const struct bp_line *l = &L[i];
	buf_reset(o);
	if (l->drop_rule >= 0) {
		buf_printf(o, "rule=%s hit=%s ", c->rules[l->drop_rule].name,
			   l->hit == BP_HIT_WEAK ? "weak" : "strong");
		if (l->hit == BP_HIT_WEAK)
			buf_printf(o, "text=%s ", class_names[l->cls_text >= 0 && l->cls_text <= BPC_GOOD ? l->cls_text : 0]);
	}
	if (l->void_rule >= 0 && l->void_rule != l->drop_rule) {
		const struct bp_rule *r = &c->rules[l->void_rule];
		buf_printf(o, "unfit=%s(%s) ", r->name, r->shape == BP_SHAPE_LABEL ? "label" : "short");
	}
	if (l->trim_rule >= 0)
		buf_printf(o, "trim=%s ", c->rules[l->trim_rule].name);
	const char *end = l->ends_punct == 1 ? "sentence" : l->ends_punct == 2 ? "colon" : "none";
	buf_printf(o, "class=%s prose=%d words=%.0f stop=%.2f lower=%u numeric=%u verbs=%u speech=%u address=%u "
		      "quote=%u links=%.2f caps=%.2f digits=%.2f end=%s",
		   class_names[l->cls0 >= 0 && l->cls0 <= BPC_GOOD ? l->cls0 : 0], l->prose, l->words,
		   l->stop < 0 ? 0 : l->stop, l->lower, l->numeric, l->verbs, l->speech, l->address, l->quote,
		   l->links, l->caps, l->digits, end);
	if (l->label)
		buf_printf(o, " label=%s", l->label == 1 ? "title" : "sentence");
	if (l->heading)
		buf_printf(o, " heading=%u", l->heading);
	if (l->bullet)
		buf_printf(o, " bullet=%u", l->bullet);
	if (l->image)
		buf_printf(o, " image=%u", l->image);
	const struct bp_run *r = &c->run;
	if (r->body_end > r->body_start)
		buf_printf(o, " body=%zu-%zu", r->body_start + 1, r->body_end);
	else
		buf_printf(o, " body=none");
	if (r->title < n)
		buf_printf(o, " title=%zu", r->title + 1);
}
