/* tsv-passthrough.c - benchmark harness: reads rows with the shared TSV
 * reader and writes each one back (every field, raw), which is the floor
 * for any copydesk filter. With -u it also unescapes the text column and
 * writes it escaped again, as a filter that looks at the text does. */
#include "cli.h"
#include "cols.h"
#include "msg.h"
#include "out.h"
#include "tsv.h"

#include <string.h>

static const char usage[] = "usage: tsv-passthrough [-u] [FILE]...\n";

static int unescape_text;

static int own_opt(int opt, const char *arg, void *ctx)
{
	(void)arg, (void)ctx;
	if (opt == 'u') {
		unescape_text = 1;
		return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	struct cli C;
	struct cli_spec spec = {.name = "tsv-passthrough", .usage = usage, .shared = CLI_TSV_IN,
				.shortopts = "u", .fn = own_opt};
	cli_parse(argc, argv, &spec, &C);
	struct tsv_reader R;
	struct tsv_opts to = cli_tsv_opts(&C);
	if (tsv_open(&R, C.nfiles, C.files, &to) < 0)
		return out_close(out_stdout), 0;
	size_t tc = (size_t)tsv_need_col(&R, C.field);
	struct out *o = out_stdout;
	struct cols cols;
	cols_init(&cols, &R, tc, COLS_INSERT, NULL, 0);
	cols_header(&cols, &R, o);
	struct buf text = {0};
	while (tsv_next(&R)) {
		cols_before(&cols, R.f, o);
		if (unescape_text) {
			buf_reset(&text);
			tsv_field_text(&R, tc, &text);
			out_escaped(o, text.p, text.len);
		} else {
			out_write(o, R.f[tc].p, R.f[tc].n);
		}
		cols_after(&cols, R.f, o);
		out_endrow(o);
	}
	out_close(o);
	cols_free(&cols);
	tsv_close(&R);
	buf_free(&text);
	return exit_status();
}
