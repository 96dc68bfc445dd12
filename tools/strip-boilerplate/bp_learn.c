/* bp_learn.c - the --learn pass: count, for every short line (after the
 * trims), the documents it appears in, and keep the lines met in several
 * documents; --frequent reads such a list back. Memory grows with the
 * number of distinct short lines of the input (a hash, two counters and
 * the first spelling of each). */
#include "bp.h"
#include "buf.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bp_learn_entry {
	uint64_t h;
	uint64_t last_doc;
	unsigned long long docs;
	size_t text, len; /* first spelling, in the text buffer */
};

void bp_learn_add(struct bp_learn *L, const struct bp_line *l, uint64_t doc)
{
	uint64_t h = bp_line_hash(l);
	if (!h)
		return;
	if (!L->e || (L->n + 1) * 2 > L->mask) {
		size_t oldcap = L->e ? L->mask + 1 : 0, cap = oldcap ? oldcap * 2 : 4096;
		struct bp_learn_entry *old = L->e;
		L->e = xcalloc(cap, sizeof *L->e);
		L->mask = cap - 1;
		for (size_t i = 0; i < oldcap; i++) {
			if (!old[i].h)
				continue;
			size_t j = (size_t)old[i].h & L->mask;
			while (L->e[j].h)
				j = (j + 1) & L->mask;
			L->e[j] = old[i];
		}
		free(old);
	}
	size_t i = (size_t)h & L->mask;
	while (L->e[i].h && L->e[i].h != h)
		i = (i + 1) & L->mask;
	struct bp_learn_entry *e = &L->e[i];
	if (!e->h) {
		e->h = h;
		e->docs = 1;
		e->last_doc = doc;
		e->text = L->text.len;
		e->len = l->b - l->a;
		buf_add(&L->text, l->s + l->a, l->b - l->a);
		L->n++;
	} else if (e->last_doc != doc) {
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
	for (size_t i = 0; L->e && i <= L->mask; i++)
		if (L->e[i].h && L->e[i].docs >= min_docs)
			L->e[k++] = L->e[i];
	qsort(L->e, k, sizeof *L->e, by_docs);
	char num[32];
	for (size_t i = 0; i < k; i++) {
		int n = snprintf(num, sizeof num, "%llu\t", L->e[i].docs);
		out_write(o, num, (size_t)n);
		out_escaped(o, L->text.p + L->e[i].text, L->e[i].len);
		out_endrow(o);
	}
	free(L->e);
	buf_free(&L->text);
	memset(L, 0, sizeof *L);
	return k;
}
