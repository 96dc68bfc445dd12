/* cols.h - the output columns of a filter (DESIGN.md): the input's columns
 * copied through in order, the columns the program adds inserted just
 * before the text column (COLS_INSERT), or, for programs that write rows
 * of their own such as one row per entity mention, the text column left
 * out and the added columns written last (COLS_REPLACE). An input column
 * named like an added one is replaced, not written twice, so a stage can
 * run again on its own output. */
#ifndef COPYDESK_COLS_H
#define COPYDESK_COLS_H

#include <stddef.h>

#include "buf.h"
#include "out.h"
#include "tsv.h"

enum cols_mode { COLS_INSERT, COLS_REPLACE };

struct cols {
	enum cols_mode mode;
	size_t tc;             /* the input's text column */
	size_t ncols;          /* the input's columns */
	unsigned char *skip;   /* per input column: 1 = not copied */
	const char *const *added;
	size_t nadded;
	int plain;             /* nothing skipped but (REPLACE) the text: rows copy as spans */
};

/* Lay out the output of reader r (its header read) with text column tc and
 * the nadded column names in added (kept by reference). */
void cols_init(struct cols *c, const struct tsv_reader *r, size_t tc, enum cols_mode mode,
	       const char *const *added, size_t nadded);
void cols_free(struct cols *c);
/* Warn when input columns are replaced although the input is not this
 * program's own output (it has no column named own): an earlier stage's
 * values of that name are lost (split-sentences --offsets' start and end
 * under tag-entities' mention rows). hint says how to keep them. */
void cols_warn_foreign(const struct cols *c, const struct tsv_reader *r, const char *own,
		       const char *hint);

/* The header line, newline included. */
void cols_header(const struct cols *c, const struct tsv_reader *r, struct out *o);

/* A row is written as: cols_before, the program's own fields joined by TAB
 * (in COLS_INSERT mode the text last), cols_after. f holds the input
 * row's fields (ncols of them).
 * cols_before: the copied fields that come first, each followed by a TAB
 * (COLS_REPLACE: every copied field). */
void cols_before(const struct cols *c, const struct tsv_field *f, struct out *o);
/* cols_after: the copied fields after the text, each preceded by a TAB
 * (COLS_REPLACE: nothing). */
void cols_after(const struct cols *c, const struct tsv_field *f, struct out *o);
/* The same into a buffer, for rows kept until their document is done. */
void cols_before_buf(const struct cols *c, const struct tsv_field *f, struct buf *b);
void cols_after_buf(const struct cols *c, const struct tsv_field *f, struct buf *b);

#endif
