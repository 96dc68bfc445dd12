/* text2tsv - article files, directories of them, or JSON lines to
 * paragraph rows "doc para text" (the CLI; the engine is paragraphs.c). */
#include "buf.h"
#include "cli.h"
#include "lines.h"
#include "msg.h"
#include "out.h"
#include "paragraphs.h"
#include "progress.h"

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
	"usage: text2tsv [options] [FILE|DIR]...\n"
	"Turn articles into paragraph rows: doc, para, text (one row per non-blank line).\n"
	"A directory is walked in sorted order; no operand or '-' reads standard input.\n"
	"doc is the file name without directory and extension ('stdin' for standard input).\n"
	"\n";
static const char options[] =
	"  -b, --blank-lines     paragraphs are separated by blank lines; the lines of one\n"
	"                        paragraph are joined with a space\n"
	"  -j, --jsonl           input is JSON lines, one article per line\n"
	"      --id KEY          JSON key of the document id (default: id)\n"
	"      --text KEY        JSON key of the article text (default: text)\n"
	"      --from ENCODING   convert input from ENCODING (iconv name, e.g. cp1252)\n";
static const char footer[] =
	"\n"
	"Invalid UTF-8 is replaced with U+FFFD and counted on stderr.\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage.\n";

enum { OPT_ID = 1, OPT_TEXT, OPT_FROM };

struct opts {
	int jsonl, blank_lines;
	const char *id_key, *text_key, *from;
};

static int own_opt(int opt, const char *arg, void *ctx)
{
	struct opts *o = ctx;
	switch (opt) {
	case 'b': o->blank_lines = 1; return 0;
	case 'j': o->jsonl = 1; return 0;
	case OPT_ID: o->id_key = arg; return 0;
	case OPT_TEXT: o->text_key = arg; return 0;
	case OPT_FROM: o->from = arg; return 0;
	}
	return -1;
}

static struct opts O = {.id_key = "id", .text_key = "text"};
static struct para_writer W;
static struct cli C;
static struct lines L;
static iconv_t conv = (iconv_t)-1;
static struct buf convbuf, docname;
static unsigned long long bad_lines;

/* Convert one line from --from to UTF-8. */
static void convert(const char **s, size_t *n)
{
	buf_reset(&convbuf);
	if (convbuf.cap < *n * 4 + 16)
		buf_grow(&convbuf, *n * 4 + 16);
	char *in = (char *)*s, *out = convbuf.p;
	size_t inleft = *n, outleft = convbuf.cap - 1;
	iconv(conv, NULL, NULL, NULL, NULL);
	while (inleft) {
		if (iconv(conv, &in, &inleft, &out, &outleft) == (size_t)-1) {
			if (errno == EILSEQ || errno == EINVAL) {
				/* a byte with no meaning in that encoding */
				if (outleft < 3)
					break;
				memcpy(out, "\xEF\xBF\xBD", 3);
				out += 3, outleft -= 3;
				in++, inleft--;
				W.repaired++;
				continue;
			}
			break; /* E2BIG cannot happen with 4x room */
		}
	}
	*s = convbuf.p;
	*n = (size_t)(out - convbuf.p);
}

static void doc_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	buf_reset(&docname);
	buf_add(&docname, base, n);
}

static void json_line(const char *s, size_t n)
{
	json_error_t err;
	json_t *root = json_loadb(s, n, JSON_DECODE_ANY, &err);
	const char *why = NULL;
	char msg[300];
	json_t *id = NULL, *text = NULL;
	if (!root) {
		snprintf(msg, sizeof msg, "bad JSON at column %d: %s", err.column, err.text);
		why = msg;
	} else if (!json_is_object(root)) {
		why = "a JSON line must hold an object";
	} else {
		id = json_object_get(root, O.id_key);
		text = json_object_get(root, O.text_key);
		if (!id || !(json_is_string(id) || json_is_integer(id))) {
			snprintf(msg, sizeof msg, "no string or integer '%s' key (the document id; see --id)", O.id_key);
			why = msg;
		} else if (!text || !json_is_string(text)) {
			snprintf(msg, sizeof msg, "no string '%s' key (the article text; see --text)", O.text_key);
			why = msg;
		}
	}
	if (why) {
		bad_lines++;
		if (!C.skip_bad)
			die_at(EXIT_TROUBLE, L.name, L.lineno, "%s (--skip-bad skips such lines)", why);
		warn_at(L.name, L.lineno, "%s; skipped", why);
		json_decref(root);
		return;
	}
	char num[32];
	if (json_is_integer(id)) {
		int k = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		para_begin_doc(&W, num, (size_t)k);
	} else {
		para_begin_doc(&W, json_string_value(id), json_string_length(id));
	}
	para_text(&W, json_string_value(text), json_string_length(text));
	para_end_doc(&W);
	json_decref(root);
}

static void do_file(const char *path)
{
	unsigned long long before = W.repaired;
	lines_open(&L, path);
	if (!O.jsonl) {
		if (strcmp(path, "-") == 0) {
			buf_reset(&docname);
			buf_adds(&docname, "stdin");
		} else {
			doc_from_path(path);
		}
		para_begin_doc(&W, docname.p, docname.len);
	}
	while (lines_next(&L)) {
		const char *s = L.line;
		size_t n = L.len;
		if (conv != (iconv_t)-1)
			convert(&s, &n);
		if (O.jsonl) {
			size_t k = 0;
			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k < n)
				json_line(s, n);
		} else {
			para_line(&W, s, n);
		}
	}
	if (!O.jsonl)
		para_end_doc(&W);
	lines_close(&L);
	if (W.repaired > before)
		warn_at(L.name, 0, "replaced %llu invalid %s sequence%s with U+FFFD",
			W.repaired - before, conv != (iconv_t)-1 ? O.from : "UTF-8",
			W.repaired - before == 1 ? "" : "s");
}

static int cmp_names(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static void do_path(const char *path)
{
	struct stat st;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		struct dirent **ents;
		int n = scandir(path, &ents, not_hidden, cmp_names);
		if (n < 0)
			die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
		for (int i = 0; i < n; i++) {
			struct buf p = {0};
			buf_printf(&p, "%s/%s", path, ents[i]->d_name);
			struct stat es;
			if (stat(p.p, &es) == 0 && (S_ISDIR(es.st_mode) || S_ISREG(es.st_mode)))
				do_path(p.p);
			buf_free(&p);
			free(ents[i]);
		}
		free(ents);
		return;
	}
	do_file(path);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"blank-lines", no_argument, NULL, 'b'},
		{"jsonl", no_argument, NULL, 'j'},
		{"id", required_argument, NULL, OPT_ID},
		{"text", required_argument, NULL, OPT_TEXT},
		{"from", required_argument, NULL, OPT_FROM},
		{0},
	};
	struct cli_spec spec = {
		.name = "text2tsv", .usage = usage, .options = options, .footer = footer,
		.shared = CLI_SKIP_BAD | CLI_LINE_BUFFERED | CLI_NO_HEADER | CLI_STATS | CLI_PROGRESS,
		.shortopts = "bj", .longopts = lo, .fn = own_opt, .ctx = &O,
	};
	cli_parse(argc, argv, &spec, &C);
	W.blank_lines = O.blank_lines;
	if (O.from) {
		conv = iconv_open("UTF-8", O.from);
		if (conv == (iconv_t)-1)
			cli_usage_error("--from: unknown encoding '%s' (see iconv -l)", O.from);
	}
	W.out = out_stdout;
	if (C.progress) {
		progress_start();
		L.progress_rows = &W.rows;
	}
	if (!C.no_header) {
		out_puts(out_stdout, "doc\tpara\ttext");
		out_endrow(out_stdout);
	}
	if (C.nfiles == 0)
		do_path("-");
	for (int i = 0; i < C.nfiles; i++)
		do_path(C.files[i]);
	if (C.progress)
		progress_tick(W.rows, L.bytes, 1);
	out_close(out_stdout);
	if (C.stats)
		fprintf(stderr, "text2tsv: %llu documents, %llu rows, %llu bytes read, %llu "
				"invalid sequences replaced, %llu bad lines skipped\n",
			W.docs, W.rows, L.bytes, W.repaired, bad_lines);
	para_free(&W);
	lines_free(&L);
	buf_free(&convbuf);
	buf_free(&docname);
	if (conv != (iconv_t)-1)
		iconv_close(conv);
	return EXIT_OK;
}
