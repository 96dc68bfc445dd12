/* tsv2text - rows with doc and text back to plain articles, on standard
 * output or one file per document (the CLI; the engine is writer.c). */
#include "cli.h"
#include "msg.h"
#include "out.h"
#include "tsv.h"
#include "writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
	"usage: tsv2text [options] [FILE]...\n"
	"Write rows with doc and text columns back as plain articles: one line per\n"
	"paragraph (rows sharing doc and para, e.g. sentences, are joined with a space),\n"
	"a blank line between documents.\n"
	"\n";
static const char options[] =
	"  -d, --dir DIR         write each document to DIR/DOC.txt instead (written to a\n"
	"                        temporary file and renamed, so no half-written files)\n"
	"  -e, --ext EXT         file name extension with -d, the dot optional (default:\n"
	"                        txt; '' for none)\n"
	"  -b, --blank-lines     a blank line between paragraphs too\n";
static const char footer[] =
	"\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage.\n";

struct opts {
	const char *dir, *ext;
	int blank_lines;
};

static int own_opt(int opt, const char *arg, void *ctx)
{
	struct opts *o = ctx;
	switch (opt) {
	case 'd': o->dir = arg; return 0;
	case 'e': o->ext = arg; return 0;
	case 'b': o->blank_lines = 1; return 0;
	}
	return -1;
}

static struct article_writer W;

/* At exit: after an error, leave no temporary file behind, and end the
 * line written to standard output (what was written is whole lines). */
static void cleanup(void)
{
	aw_abort(&W);
	if (!W.dir && W.in_line && out_stdout->buf && !out_stdout->err) {
		W.in_line = 0;
		out_putc(out_stdout, '\n');
		out_flush(out_stdout);
	}
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"dir", required_argument, NULL, 'd'},
		{"ext", required_argument, NULL, 'e'},
		{"blank-lines", no_argument, NULL, 'b'},
		{0},
	};
	struct opts O = {.ext = ".txt"};
	struct cli C;
	struct cli_spec spec = {
		.name = "tsv2text", .usage = usage, .options = options, .footer = footer,
		.shared = CLI_TSV_IN & ~CLI_NO_HEADER,
		.shortopts = "d:e:b", .longopts = lo, .fn = own_opt, .ctx = &O,
	};
	cli_parse(argc, argv, &spec, &C);
	if (O.dir) {
		struct stat st;
		/* a directory that cannot be made is I/O trouble (status 1) */
		if (stat(O.dir, &st) < 0 && mkdir(O.dir, 0777) < 0)
			die(EXIT_TROUBLE, "--dir %s: %s", O.dir, strerror(errno));
		if (stat(O.dir, &st) < 0 || !S_ISDIR(st.st_mode))
			die(EXIT_TROUBLE, "--dir %s: not a directory", O.dir);
	}
	if (strchr(O.ext, '/'))
		cli_usage_error("--ext must not hold '/'");
	/* "md" and ".md" alike (text2tsv --ext takes names without the dot) */
	char *dotted = NULL;
	if (*O.ext && *O.ext != '.') {
		dotted = xmalloc(strlen(O.ext) + 2);
		dotted[0] = '.';
		strcpy(dotted + 1, O.ext);
		O.ext = dotted;
	}
	struct tsv_reader R;
	struct tsv_opts to = cli_tsv_opts(&C);
	aw_init(&W, O.dir, O.ext, O.blank_lines);
	atexit(cleanup);
	if (tsv_open(&R, C.nfiles, C.files, &to) < 0) {
		out_close(out_stdout);
		return exit_status();
	}
	int dc = tsv_need_col(&R, "doc");
	int tc = tsv_need_col(&R, C.field);
	int pc = tsv_col(&R, "para");
	struct buf doc = {0}, text = {0};
	while (tsv_next(&R)) {
		buf_reset(&doc);
		buf_reset(&text);
		tsv_field_text(&R, (size_t)dc, &doc);
		tsv_field_text(&R, (size_t)tc, &text);
		const char *why;
		if (aw_doc(&W, doc.p, doc.len, &why) < 0) {
			/* the error ends the run: the document before is whole */
			if (!C.skip_bad)
				aw_end_doc(&W);
			const struct tsv_field *id = &R.f[dc]; /* as written: escaped, one line */
			tsv_bad(&R, "doc '%.*s%s': %s", (int)(id->n > 200 ? 200 : id->n), id->p,
				id->n > 200 ? "..." : "", why);
			continue;
		}
		aw_text(&W, pc >= 0 ? R.f[pc].p : NULL, pc >= 0 ? R.f[pc].n : 0, text.p, text.len);
		if (C.line_buffered)
			out_flush(W.o);
	}
	aw_end_doc(&W);
	out_close(out_stdout);
	if (C.stats)
		fprintf(stderr, "tsv2text: %llu rows in, %llu documents, %llu lines out, %llu bad rows\n",
			R.rows, W.docs, W.lines, R.bad);
	tsv_close(&R);
	aw_free(&W);
	buf_free(&doc);
	buf_free(&text);
	free(dotted);
	return exit_status();
}
