/* cols.c - the output column layout (see cols.h). */
#include "cols.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

void cols_init(struct cols *c, const struct tsv_reader *r, size_t tc, enum cols_mode mode,
	       const char *const *added, size_t nadded)
{
	memset(c, 0, sizeof *c);
	c->mode = mode;
	c->tc = tc;
	c->ncols = r->ncols;
	c->added = added;
	c->nadded = nadded;
	c->skip = xcalloc(r->ncols ? r->ncols : 1, 1);
	c->plain = 1;
	for (size_t i = 0; i < r->ncols; i++) {
		if (i == tc)
			continue;
		for (size_t k = 0; k < nadded; k++)
			if (strcmp(r->names[i], added[k]) == 0) {
				c->skip[i] = 1;
				c->plain = 0;
			}
	}
	if (mode == COLS_REPLACE)
		c->skip[tc] = 1;
}

void cols_warn_foreign(const struct cols *c, const struct tsv_reader *r, const char *own,
		       const char *hint)
{
	struct buf names = {0};
	int mine = 0;
	for (size_t i = 0; i < r->ncols; i++) {
		if (strcmp(r->names[i], own) == 0)
			mine = 1;
		if (i != c->tc && c->skip[i]) {
			if (names.len)
				buf_adds(&names, ", ");
			buf_adds(&names, r->names[i]);
		}
	}
	if (!mine && names.len)
		warnx("the input's column%s %s %s replaced by this program's own, so an earlier "
		      "stage's values are not in the output%s%s",
		      strchr(buf_str(&names), ',') ? "s" : "", names.p,
		      strchr(names.p, ',') ? "are" : "is", hint ? "; " : "", hint ? hint : "");
	buf_free(&names);
}

void cols_free(struct cols *c)
{
	free(c->skip);
	c->skip = NULL;
}

void cols_header(const struct cols *c, const struct tsv_reader *r, struct out *o)
{
	int first = 1;
	size_t end = c->mode == COLS_INSERT ? c->tc : c->ncols;
	for (size_t i = 0; i < end; i++)
		if (!c->skip[i]) {
			if (!first)
				out_putc(o, '\t');
			out_puts(o, r->names[i]);
			first = 0;
		}
	for (size_t k = 0; k < c->nadded; k++) {
		if (!first)
			out_putc(o, '\t');
		out_puts(o, c->added[k]);
		first = 0;
	}
	if (c->mode == COLS_INSERT) {
		if (!first)
			out_putc(o, '\t');
		out_puts(o, r->names[c->tc]);
		for (size_t i = c->tc + 1; i < c->ncols; i++)
			if (!c->skip[i]) {
				out_putc(o, '\t');
				out_puts(o, r->names[i]);
			}
	}
	out_endrow(o);
}

/* The two halves, written through one function for out and buf. */
typedef void (*put_fn)(void *dst, const char *s, size_t n);
static void put_out(void *dst, const char *s, size_t n) { out_write(dst, s, n); }
static void put_buf(void *dst, const char *s, size_t n) { buf_add(dst, s, n); }

static void before(const struct cols *c, const struct tsv_field *f, put_fn put, void *dst)
{
	size_t end = c->mode == COLS_INSERT ? c->tc : c->ncols;
	if (c->plain && c->mode == COLS_INSERT) {
		/* the fields before the text are one span of the line */
		if (end)
			put(dst, f[0].p, (size_t)(f[end].p - f[0].p));
		return;
	}
	for (size_t i = 0; i < end; i++)
		if (!c->skip[i]) {
			put(dst, f[i].p, f[i].n);
			put(dst, "\t", 1);
		}
}

static void after(const struct cols *c, const struct tsv_field *f, put_fn put, void *dst)
{
	if (c->mode != COLS_INSERT || c->tc + 1 >= c->ncols)
		return;
	if (c->plain) {
		const struct tsv_field *z = &f[c->ncols - 1];
		put(dst, f[c->tc].p + f[c->tc].n, (size_t)(z->p + z->n - (f[c->tc].p + f[c->tc].n)));
		return;
	}
	for (size_t i = c->tc + 1; i < c->ncols; i++)
		if (!c->skip[i]) {
			put(dst, "\t", 1);
			put(dst, f[i].p, f[i].n);
		}
}

void cols_before(const struct cols *c, const struct tsv_field *f, struct out *o) { before(c, f, put_out, o); }
void cols_after(const struct cols *c, const struct tsv_field *f, struct out *o) { after(c, f, put_out, o); }
void cols_before_buf(const struct cols *c, const struct tsv_field *f, struct buf *b) { before(c, f, put_buf, b); }
void cols_after_buf(const struct cols *c, const struct tsv_field *f, struct buf *b) { after(c, f, put_buf, b); }
