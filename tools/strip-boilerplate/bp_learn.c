/* bp_learn.c - the --learn pass: count, for every short line (after the
 * trims), the documents it appears in, and keep the lines met in several
 * documents; --frequent reads such a list back. Memory grows with the
 * number of distinct short lines of the input (a slot of the map from
 * their hash, two counters and the first spelling of each). */
#include "bp.h"
#include "buf.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bp_learn_add(struct bp_learn *L, const struct bp_params *p, const struct bp_line *l, uint64_t doc)
{
	uint64_t h = bp_line_key(p, l);
	if (!h)
		return;
	int fresh;
	uint64_t *v = h64map_put(&L->index, h, &fresh);
	if (fresh) {
		if (L->n == L->cap) {
			L->cap = L->cap ? 2 * L->cap : 1024;
			L->e = xrealloc(L->e, L->cap * sizeof *L->e);
		}
		*v = L->n;
		struct bp_learn_entry *e = &L->e[L->n++];
		e->docs = 1;
		e->last_doc = doc;
		e->text = L->text.len;
		e->len = l->b - l->a;
		buf_add(&L->text, l->s + l->a, l->b - l->a);
		return;
	}
	struct bp_learn_entry *e = &L->e[*v];
	if (e->last_doc != doc) {
		e->docs++;
		e->last_doc = doc;
	}
}

static int by_docs(const void *a, const void *b)
{
	const struct bp_learn_entry *x = a, *y = b;
	if (x->docs != y->docs)
		return x->docs < y->docs ? 1 : -1;
	return x->text < y->text ? -1 : x->text > y->text;
}

size_t bp_learn_write(struct bp_learn *L, unsigned long long min_docs, struct out *o)
{
	size_t k = 0;
	for (size_t i = 0; i < L->n; i++)
		if (L->e[i].docs >= min_docs)
			L->e[k++] = L->e[i];
	if (k) /* (L->e is NULL when nothing was learned) */
		qsort(L->e, k, sizeof *L->e, by_docs);
	char num[32];
	for (size_t i = 0; i < k; i++) {
		int n = snprintf(num, sizeof num, "%llu\t", L->e[i].docs);
		out_write(o, num, (size_t)n);
		out_escaped(o, L->text.p + L->e[i].text, L->e[i].len);
		out_endrow(o);
	}
	h64map_free(&L->index);
	free(L->e);
	buf_free(&L->text);
	memset(L, 0, sizeof *L);
	return k;
}
