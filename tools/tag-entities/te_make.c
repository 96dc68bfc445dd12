/* te_make.c - --make-gazetteer: turn labelled mentions into a gazetteer,
 * the classic way: every entity string with its most frequent type, and
 * of the ids given to it with that type the most frequent (the first on a
 * tie), so a short form a few documents link to a full name ("Trump" ->
 * donald-trump) carries that id to the documents that never write it. */
#include "te_make.h"
#include "hash.h"
#include "msg.h"
#include "out.h"
#include "slug.h"
#include "tsv.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

enum { MAXT = 32 };

struct name {
	unsigned long count[MAXT];
	long id[MAXT];          /* the most frequent id given with each type (in ids), -1: none */
	unsigned long idn[MAXT]; /* how often it was given */
};

int te_make_gazetteer(const struct cli *c)
{
	struct tsv_reader r;
	struct tsv_opts to = cli_tsv_opts(c);
	struct out *o = out_stdout;
	if (tsv_open(&r, c->nfiles, c->files, &to) < 0) {
		out_close(o);
		return exit_status();
	}
	int ct = tsv_need_col(&r, "type"), cm = tsv_need_col(&r, "mention");
	int ci = tsv_col(&r, "id");
	char *types[MAXT];
	int ntypes = 0;
	struct strset names = {0}, ids = {0};
	struct name *v = NULL;
	size_t capv = 0;
	struct buf text = {0}, id = {0};
	struct h64map idcount = {0}; /* (name, type, id) -> times given */
	while (tsv_next(&r)) {
		const struct tsv_field *ft = &r.f[ct];
		int ty = -1;
		for (int i = 0; i < ntypes; i++)
			if (strlen(types[i]) == ft->n && memcmp(types[i], ft->p, ft->n) == 0)
				ty = i;
		if (ty < 0) {
			int ok = ft->n > 0;
			for (size_t i = 0; i < ft->n; i++)
				ok &= (ft->p[i] >= 'A' && ft->p[i] <= 'Z') || (ft->p[i] >= '0' && ft->p[i] <= '9') ||
				      ft->p[i] == '_';
			if (!ok) {
				tsv_bad(&r, "a type is written in capitals, digits and '_', not '%.*s'",
					(int)(ft->n > 40 ? 40 : ft->n), ft->p);
				continue;
			}
			if (ntypes == MAXT) {
				tsv_bad(&r, "more than %d types", MAXT);
				continue;
			}
			types[ntypes] = xstrndup(ft->p, ft->n);
			ty = ntypes++;
		}
		buf_reset(&text);
		tsv_field_text(&r, (size_t)cm, &text);
		if (!text.len)
			continue;
		/* a mention without a letter ("3") is no name to look for */
		int letter = 0;
		for (size_t i = 0; i < text.len && !letter; i++)
			letter = (text.p[i] >= 'A' && text.p[i] <= 'Z') || (text.p[i] >= 'a' && text.p[i] <= 'z') ||
				 (unsigned char)text.p[i] >= 0xC0;
		if (!letter)
			continue;
		if (u8_valid_prefix(text.p, text.len) != text.len) {
			tsv_bad(&r, "invalid UTF-8 in the mention");
			continue;
		}
		if (memchr(text.p, '\n', text.len) || memchr(text.p, '\t', text.len)) {
			tsv_bad(&r, "a mention holding a TAB or a line break");
			continue;
		}
		strset_add(&names, text.p, text.len);
		size_t k = (size_t)strset_find(&names, text.p, text.len);
		if (k >= capv) {
			size_t old = capv;
			capv = capv ? 2 * capv : 1024;
			while (capv <= k)
				capv *= 2;
			v = xrealloc(v, capv * sizeof *v);
			for (size_t q = old; q < capv; q++) {
				memset(v[q].count, 0, sizeof v[q].count);
				memset(v[q].idn, 0, sizeof v[q].idn);
				for (int t = 0; t < MAXT; t++)
					v[q].id[t] = -1;
			}
		}
		v[k].count[ty]++;
		if (ci >= 0 && r.f[ci].n) {
			buf_reset(&id);
			tsv_field_text(&r, (size_t)ci, &id);
			if (!strpbrk(id.p, ";,\t\n\r")) {
				strset_add(&ids, id.p, id.len);
				long ix = strset_find(&ids, id.p, id.len);
				uint64_t key = hash_u64(((uint64_t)k << 5 | (uint64_t)ty) ^ hash_u64((uint64_t)ix + 1));
				uint64_t *times = h64map_put(&idcount, key, NULL);
				++*times;
				if (v[k].id[ty] < 0 || *times > v[k].idn[ty]) {
					v[k].id[ty] = ix;
					v[k].idn[ty] = *times;
				}
			}
		}
	}
	out_puts(o, "id\ttype\tname\n");
	for (size_t k = 0; k < names.len; k++) {
		int best = 0;
		for (int t = 1; t < ntypes; t++)
			if (v[k].count[t] > v[k].count[best])
				best = t;
		size_t n;
		const char *s = strset_str(&names, k, &n);
		if (v[k].id[best] >= 0) {
			size_t in;
			const char *is = strset_str(&ids, (size_t)v[k].id[best], &in);
			out_write(o, is, in);
		} else {
			buf_reset(&id);
			if (!slug(s, n, &id))
				buf_add(&id, "x", 1);
			out_write(o, id.p, id.len);
		}
		out_putc(o, '\t');
		out_puts(o, types[best]);
		out_putc(o, '\t');
		out_escaped(o, s, n);
		out_endrow(o);
	}
	out_close(o);
	tsv_close(&r);
	for (int i = 0; i < ntypes; i++)
		free(types[i]);
	strset_free(&names);
	strset_free(&ids);
	h64map_free(&idcount);
	free(v);
	buf_free(&text);
	buf_free(&id);
	return exit_status();
}
