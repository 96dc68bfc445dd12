/* docrows.c - rows buffered a document at a time (see docrows.h). */
#include "docrows.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

void docrows_init(struct docrows *d, struct tsv_reader *r, const struct cols *cols, size_t tc,
		  size_t max_rows, size_t max_bytes)
{
	memset(d, 0, sizeof *d);
	d->r = r;
	d->cols = cols;
	d->tc = tc;
	d->dc = tsv_col(r, "doc");
	if (d->dc == (int)tc)
		d->dc = -1;
	d->max_rows = max_rows;
	d->max_bytes = max_bytes;
}

static void reset(struct docrows *d)
{
	d->n = 0;
	buf_reset(&d->raw);
	buf_reset(&d->text);
}

static void flush(struct docrows *d, docrows_doc_fn fn, void *ctx)
{
	if (!d->n)
		return;
	if (!d->continued)
		d->docs++;
	fn(d, ctx);
	reset(d);
}

/* The key of a doc id in the set of ended documents. */
static uint64_t doc_key(const char *id, size_t n)
{
	return hash_bytes(n ? id : "", n, 0x646f63);
}

static void add(struct docrows *d, docrows_row_fn row_fn, void *ctx)
{
	struct tsv_reader *r = d->r;
	const struct tsv_field *f = r->f;
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	struct docrow *w = &d->v[d->n];
	const struct cols *c = d->cols;
	size_t raw0 = d->raw.len, text0 = d->text.len;
	if (c->plain && c->mode == COLS_INSERT) {
		/* every field copied: the row as read, in one piece */
		const char *p0 = f[0].p, *end = f[r->nf - 1].p + f[r->nf - 1].n;
		buf_add(&d->raw, p0, (size_t)(end - p0));
		w->before = raw0;
		w->nbefore = (size_t)(f[d->tc].p - p0);
		w->field = raw0 + w->nbefore;
		w->nfield = f[d->tc].n;
		w->after = w->field + w->nfield;
		w->nafter = (size_t)(end - (f[d->tc].p + f[d->tc].n));
	} else {
		w->before = d->raw.len;
		cols_before_buf(c, f, &d->raw);
		w->nbefore = d->raw.len - w->before;
		w->field = d->raw.len;
		buf_add(&d->raw, f[d->tc].p, f[d->tc].n);
		w->nfield = f[d->tc].n;
		w->after = d->raw.len;
		cols_after_buf(c, f, &d->raw);
		w->nafter = d->raw.len - w->after;
	}
	w->text = d->text.len;
	tsv_field_text(r, d->tc, &d->text);
	w->ntext = d->text.len - w->text;
	buf_addc(&d->text, '\0'); /* each text NUL-terminated in the buffer */
	w->lineno = r->lineno;
	w->file = r->fname;
	if (row_fn && row_fn(d, w, ctx) < 0) {
		d->raw.len = raw0;
		d->text.len = text0;
		d->left_out++;
		return;
	}
	d->n++;
}

void docrows_run(struct docrows *d, docrows_row_fn row_fn, docrows_doc_fn doc_fn, void *ctx)
{
	struct tsv_reader *r = d->r;
	while (tsv_next(r)) {
		if (d->dc >= 0) {
			const struct tsv_field *id = &r->f[d->dc];
			if (!d->started || id->n != d->doc.len || (id->n && memcmp(id->p, d->doc.p, id->n) != 0)) {
				if (h64map_get(&d->ended, doc_key(id->p, id->n))) {
					/* the document before ended: written whole before
					 * the error ends the run (--skip-bad goes on with it) */
					if (!r->opts.skip_bad)
						flush(d, doc_fn, ctx);
					tsv_bad(r, "rows of document '%.*s' are not consecutive (it ended "
						   "before; group the rows by doc, keeping their order: a stable sort on the doc "
						   "column, header first)",
						(int)(id->n > 200 ? 200 : id->n), id->p);
					d->left_out++;
					continue;
				}
				flush(d, doc_fn, ctx);
				/* the document that ended: its id met again is caught */
				if (d->started)
					h64map_put(&d->ended, doc_key(d->doc.p, d->doc.len), NULL);
				d->started = 1;
				d->continued = 0;
				d->part = 0;
				buf_reset(&d->doc);
				buf_add(&d->doc, id->p, id->n);
			}
		}
		if (d->n && ((d->max_rows && d->n >= d->max_rows) ||
			     (d->max_bytes && d->raw.len + d->text.len >= d->max_bytes))) {
			if (!d->part) {
				int by_rows = d->max_rows && d->n >= d->max_rows;
				warn_at(r->fname, r->lineno,
					"document '%.*s' is longer than %zu %s: judged in parts",
					(int)(d->doc.len > 200 ? 200 : d->doc.len), d->doc.p ? d->doc.p : "",
					by_rows ? d->max_rows : d->max_bytes, by_rows ? "rows" : "bytes");
			}
			d->part = d->part ? d->part + 1 : 1;
			flush(d, doc_fn, ctx);
			d->continued = 1;
		}
		add(d, row_fn, ctx);
	}
	flush(d, doc_fn, ctx);
}

void docrows_free(struct docrows *d)
{
	buf_free(&d->raw);
	buf_free(&d->text);
	buf_free(&d->doc);
	free(d->v);
	h64map_free(&d->ended);
	memset(d, 0, sizeof *d);
}
