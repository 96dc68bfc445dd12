/* docrows.h - the driver of the programs that judge a whole document
 * (strip-boilerplate, extract-quotes, dedupe --by doc, tag-entities'
 * document context): rows are read and kept until the `doc` column
 * changes, then handed to the program as one document. Each kept row has
 * its copied fields laid out by cols.h (before and after the program's
 * own), its text field as read (escaped) and unescaped. Rows of one
 * document must be consecutive: a doc id met again after its document
 * ended is a bad row. A document longer than the bounds is handed over in
 * parts, with a warning naming it (nothing is dropped). */
#ifndef COPYDESK_DOCROWS_H
#define COPYDESK_DOCROWS_H

#include <stddef.h>

#include "buf.h"
#include "cols.h"
#include "hash.h"
#include "tsv.h"

struct docrow {
	size_t before, nbefore; /* in raw: cols_before's bytes */
	size_t after, nafter;   /* in raw: cols_after's bytes */
	size_t field, nfield;   /* in raw: the text field as read (escaped) */
	size_t text, ntext;     /* in text: the field unescaped (a NUL after it) */
	unsigned long lineno;   /* where the row was read */
	const char *file;
};

struct docrows {
	struct tsv_reader *r;
	const struct cols *cols;
	size_t tc;              /* text column */
	int dc;                 /* doc column, -1: none (then all rows are one document) */
	size_t max_rows, max_bytes; /* bounds of one document (0: none) */
	struct buf raw, text;   /* the bytes of the document's rows */
	struct buf doc;         /* the current doc id, as read */
	int started;            /* a doc id was read (doc holds it) */
	struct docrow *v;
	size_t n, cap;
	int part;               /* > 0: the document was cut at a bound; part number */
	int continued;          /* this batch continues a document cut at a bound */
	struct h64map ended;    /* hashes of the doc ids of ended documents */
	unsigned long long docs;
	unsigned long long left_out; /* rows read but not kept: not consecutive
				      * (--skip-bad), or left out by row_fn */
};

/* Called for each row as it is added, while it is still the reader's
 * current row (so tsv_bad names it); returns 0 to keep it, -1 to leave it
 * out (after reporting it). May be NULL. */
typedef int (*docrows_row_fn)(struct docrows *d, struct docrow *w, void *ctx);
/* Called with each document (d->v[0..d->n)); may be called with parts of
 * one document (d->continued set on all but the first). */
typedef void (*docrows_doc_fn)(struct docrows *d, void *ctx);

/* Set up over an open reader; the doc column is found by name ("doc"),
 * unless it is the text column. */
void docrows_init(struct docrows *d, struct tsv_reader *r, const struct cols *cols, size_t tc,
		  size_t max_rows, size_t max_bytes);
/* Read every row, calling row_fn and doc_fn; returns at the end of input. */
void docrows_run(struct docrows *d, docrows_row_fn row_fn, docrows_doc_fn doc_fn, void *ctx);
void docrows_free(struct docrows *d);

static inline const char *docrow_text(const struct docrows *d, const struct docrow *w)
{
	return d->text.p + w->text;
}
static inline const char *docrow_field(const struct docrows *d, const struct docrow *w)
{
	return d->raw.p + w->field;
}
/* Write the row's copied fields before / after the program's own. */
static inline void docrow_put_before(const struct docrows *d, const struct docrow *w, struct out *o)
{
	out_write(o, d->raw.p + w->before, w->nbefore);
}
static inline void docrow_put_after(const struct docrows *d, const struct docrow *w, struct out *o)
{
	out_write(o, d->raw.p + w->after, w->nafter);
}
/* The doc id of the current document, as read (escaped). */
static inline const char *docrows_doc(const struct docrows *d, size_t *n)
{
	*n = d->doc.len;
	return d->doc.p ? d->doc.p : "";
}

#endif
