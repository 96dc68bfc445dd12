/* tsv.c - fuzz the record reader (common/tsv.c over common/lines.c), the
 * escapes, and the document driver (common/docrows.c with cols.c). The
 * first byte picks the options: bits 0-2 the bytes per read, bit 3
 * --columns doc,para,text, bit 4 a --max-field bound (16 to 23 bytes, by
 * bits 5-7), bit 5 the document driver instead of the row loop, with
 * bounds of 3 rows and 64 bytes a document part when bit 6 is set and an
 * added column replacing one named "sent" (bit 7: COLS_REPLACE). The rest
 * is the input. In the row loop every field of every row is unescaped and
 * checked: escaping it again gives the raw field back (when it has no
 * backslash kept as text and no CR), and tsv_raw_offset maps the end of
 * the text to the end of the raw field. The driver's rows are checked to
 * lie in its buffers, their text unescaped from their field. */
#include "cols.h"
#include "docrows.h"
#include "fuzz.h"
#include "tsv.h"

static struct buf text, again;

static int on_row(struct docrows *d, struct docrow *w, void *ctx)
{
	(void)ctx;
	if (w->field + w->nfield > d->raw.len || w->before + w->nbefore > d->raw.len ||
	    w->after + w->nafter > d->raw.len || w->text + w->ntext > d->text.len)
		abort();
	return w->ntext == 3 ? -1 : 0; /* the program may leave a row out */
}

static void on_doc(struct docrows *d, void *ctx)
{
	(void)ctx;
	struct out *o = fuzz_null_out();
	for (size_t i = 0; i < d->n; i++) {
		const struct docrow *w = &d->v[i];
		buf_reset(&text);
		tsv_unescape(docrow_field(d, w), w->nfield, &text);
		if (text.len != w->ntext || memcmp(text.p, docrow_text(d, w), w->ntext) != 0)
			abort();
		docrow_put_before(d, w, o);
		out_puts(o, "x\t");
		out_write(o, docrow_field(d, w), w->nfield);
		docrow_put_after(d, w, o);
		out_endrow(o);
	}
}

static void drive(struct tsv_reader *r, int bounded, int replace)
{
	int tc = tsv_col(r, "text");
	size_t t = tc >= 0 ? (size_t)tc : r->ncols - 1;
	static const char *const added[] = {"sent"};
	struct cols c;
	cols_init(&c, r, t, replace ? COLS_REPLACE : COLS_INSERT, added, 1);
	cols_header(&c, r, fuzz_null_out());
	struct docrows d;
	docrows_init(&d, r, &c, t, bounded ? 3 : 0, bounded ? 64 : 0);
	docrows_run(&d, on_row, on_doc, NULL);
	docrows_free(&d);
	cols_free(&c);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const size_t chunks[8] = {0, 1, 2, 3, 7, 64, 4096, 5};
	struct tsv_opts o = {0};
	o.skip_bad = 1;
	o.chunk = chunks[data[0] & 7];
	if (data[0] & 8)
		o.columns = "doc,para,text";
	if (data[0] & 16)
		o.max_field = 16 + (data[0] >> 5);
	/* the bytes in an allocation of their own: a read past the end shows */
	char *in = xmalloc(size - 1);
	memcpy(in, data + 1, size - 1);
	static struct tsv_reader r;
	int st;
	volatile int got = -1;
	/* a bad header (an empty or repeated name) is an error exit (2) */
	FUZZ_TRY(st, got = tsv_open_mem(&r, in, size - 1, "fuzz", &o));
	if (st && st != EXIT_USAGE)
		abort();
	if (st)
		tsv_close(&r);
	else if (got == 0 && (data[0] & 32)) {
		drive(&r, data[0] >> 6 & 1, data[0] >> 7);
		tsv_close(&r);
	} else if (got == 0) {
		if (r.ncols == 0)
			abort();
		(void)tsv_col(&r, "text");
		while (tsv_next(&r)) {
			if (r.nf != r.ncols)
				abort();
			for (size_t i = 0; i < r.nf; i++) {
				const struct tsv_field *f = &r.f[i];
				if (memchr(f->p, '\t', f->n) || memchr(f->p, '\n', f->n))
					abort();
				buf_reset(&text);
				int lit = tsv_field_text(&r, i, &text);
				if (lit < 0 || text.len > f->n)
					abort();
				if (tsv_raw_offset(f->p, f->n, text.len) != f->n)
					abort();
				if (tsv_raw_offset(f->p, f->n, text.len / 2) > f->n)
					abort();
				if (!lit && !memchr(f->p, '\r', f->n)) {
					buf_reset(&again);
					buf_grow(&again, 2 * text.len + 1);
					char *e = out_escaped_at(again.p, text.p, text.len);
					if ((size_t)(e - again.p) != f->n || memcmp(again.p, f->p, f->n) != 0)
						abort();
				}
			}
		}
		tsv_close(&r);
	}
	free(in);
	return 0;
}
