/* tsv.c - fuzz the record reader (common/tsv.c over common/lines.c) and
 * the escapes. The first byte picks the reading options (bytes per read,
 * --columns, a --max-field bound); the rest is the input. Every field of
 * every row is unescaped and checked: escaping it again gives the raw
 * field back (when it has no backslash kept as text and no CR), and
 * tsv_raw_offset maps the end of the text to the end of the raw field. */
#include "fuzz.h"
#include "tsv.h"

static struct buf text, again;

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
	else if (got == 0) {
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
