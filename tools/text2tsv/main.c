/* text2tsv - article files, directories of them, or JSON lines to
 * paragraph rows "doc para text" (the CLI; the engine is articles.c, what
 * is read, and paragraphs.c, the rows written). */
#include "articles.h"
#include "cli.h"
#include "msg.h"
#include "out.h"
#include "progress.h"

#include <stdio.h>

static const char usage[] =
	"usage: text2tsv [options] [FILE|DIR]...\n"
	"Turn articles into paragraph rows: doc, para, text (one row per non-blank line).\n"
	"A directory is walked in sorted order; no operand or '-' reads standard input.\n"
	"doc is a file's path below the directory given (a named file: its name), without\n"
	"extension; 'stdin' for standard input. Two inputs with one doc id are an error.\n"
	"Files that are not text (a NUL byte in the first 4 KiB) are skipped and counted.\n"
	"\n";
static const char options[] =
	"  -b, --blank-lines     paragraphs are separated by blank lines; the lines of one\n"
	"                        paragraph are joined with a space\n"
	"  -j, --jsonl           input is JSON lines, one article per line\n"
	"      --id KEY          JSON key of the document id (default: id)\n"
	"      --text KEY        JSON key of the article text (default: text)\n"
	"      --from ENCODING   convert input from ENCODING (iconv name, e.g. cp1252)\n"
	"      --ext LIST        in directories, read only the files with these\n"
	"                        extensions (comma-separated: txt,md)\n";
static const char footer[] =
	"\n"
	"Invalid UTF-8 is replaced with U+FFFD and counted on stderr. An unreadable\n"
	"file is reported and skipped (status 1 at the end).\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage.\n";

enum { OPT_ID = 1, OPT_TEXT, OPT_FROM, OPT_EXT };

static int own_opt(int opt, const char *arg, void *ctx)
{
	struct articles *a = ctx;
	switch (opt) {
	case 'b': a->W.blank_lines = 1; return 0;
	case 'j': a->jsonl = 1; return 0;
	case OPT_ID: a->id_key = arg; return 0;
	case OPT_TEXT: a->text_key = arg; return 0;
	case OPT_FROM: a->from = arg; return 0;
	case OPT_EXT: a->exts = arg; return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"blank-lines", no_argument, NULL, 'b'},
		{"jsonl", no_argument, NULL, 'j'},
		{"id", required_argument, NULL, OPT_ID},
		{"text", required_argument, NULL, OPT_TEXT},
		{"from", required_argument, NULL, OPT_FROM},
		{"ext", required_argument, NULL, OPT_EXT},
		{0},
	};
	static struct articles A = {.id_key = "id", .text_key = "text"};
	struct cli C;
	struct cli_spec spec = {
		.name = "text2tsv", .usage = usage, .options = options, .footer = footer,
		.shared = CLI_SKIP_BAD | CLI_LINE_BUFFERED | CLI_NO_HEADER | CLI_STATS | CLI_PROGRESS |
			  CLI_MAX_FIELD,
		.shortopts = "bj", .longopts = lo, .fn = own_opt, .ctx = &A,
	};
	cli_parse(argc, argv, &spec, &C);
	A.skip_bad = C.skip_bad;
	A.L.max = C.max_field;
	A.L.skip_long = C.skip_bad;
	if (art_init(&A) < 0)
		cli_usage_error("--from: unknown encoding '%s' (see iconv -l)", A.from);
	A.W.out = out_stdout;
	if (C.progress) {
		progress_start();
		A.L.progress_rows = &A.W.rows;
	}
	if (!C.no_header) {
		out_puts(out_stdout, "doc\tpara\ttext");
		out_endrow(out_stdout);
	}
	if (C.nfiles == 0)
		art_add(&A, "-");
	for (int i = 0; i < C.nfiles; i++)
		art_add(&A, C.files[i]);
	art_run(&A);
	if (C.progress)
		progress_tick(A.W.rows, A.L.bytes, 1);
	out_close(out_stdout);
	if (C.stats)
		fprintf(stderr, "text2tsv: %llu documents, %llu rows, %llu bytes read, %llu "
				"invalid sequences replaced, %llu bad lines skipped\n",
			A.W.docs, A.W.rows, A.L.bytes, A.W.repaired, A.bad_lines + A.L.skipped);
	art_free(&A);
	cli_free(&C);
	return exit_status();
}
