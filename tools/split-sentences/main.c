/* split-sentences - paragraph rows in, one row per sentence out, with a
 * "sent" column (and "start"/"end" with --offsets) before the text column
 * (the CLI; the engine is segment.c and its parts, seg.h; its word lists
 * sentrules.c). */
#include "buf.h"
#include "cli.h"
#include "cols.h"
#include "msg.h"
#include "out.h"
#include "rules.h"
#include "segment.h"
#include "sentrules.h"
#include "tsv.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: split-sentences [options] [FILE]...\n"
	"Split paragraph rows into sentence rows: one row per sentence, with a 'sent'\n"
	"column (1-based within the paragraph) just before the text column. The text\n"
	"is never changed: the whitespace between sentences belongs to none of them.\n"
	"No FILE, or '-', reads standard input.\n"
	"\n";
static const char options[] =
	"  -o, --offsets         also add 'start' and 'end': code point offsets of the\n"
	"                        sentence in the paragraph text (end exclusive)\n";
static const char footer[] =
	"\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage or rules error.\n";

enum { OPT_OFFSETS = 'o' };

static int offsets;

static int own_opt(int opt, const char *arg, void *ctx)
{
	(void)arg;
	(void)ctx;
	if (opt == OPT_OFFSETS) {
		offsets = 1;
		return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"offsets", no_argument, NULL, OPT_OFFSETS},
		{0},
	};
	struct cli C;
	struct cli_spec spec = {
		.name = "split-sentences", .usage = usage, .options = options, .footer = footer, .rules_file = "sentences.yaml",
		.shared = CLI_TSV_IN | CLI_RULES,
		.shortopts = "o", .longopts = lo, .fn = own_opt,
	};
	cli_parse(argc, argv, &spec, &C);

	static struct sent_rules R;
	rules_load_cli(&C, "sentences.yaml", sr_load_yaml, &R);

	struct tsv_reader T;
	struct tsv_opts to = cli_tsv_opts(&C);
	struct out *o = out_stdout;
	if (tsv_open(&T, C.nfiles, C.files, &to) < 0) {
		out_close(o);
		return exit_status();
	}
	size_t tc = (size_t)tsv_need_col(&T, C.field);
	static const char *const added[] = {"sent", "start", "end"};
	struct cols cols;
	cols_init(&cols, &T, tc, COLS_INSERT, added, offsets ? 3 : 1);
	if (!C.no_header)
		cols_header(&cols, &T, o);

	struct buf text = {0}, pre = {0}, post = {0};
	struct sent_list L = {0};
	unsigned long long paras = 0, sents = 0, empty = 0;
	while (tsv_next(&T)) {
		buf_reset(&text);
		tsv_field_text(&T, tc, &text);
		paras++;
		/* no backslash in the raw field: the text needs no escaping */
		const struct tsv_field *raw = &T.f[tc];
		int plain = !memchr(raw->p, '\\', raw->n) && !memchr(raw->p, '\r', raw->n);
		sent_split(&R, text.p ? text.p : "", text.len, &L);
		if (!L.n)
			empty++;
		size_t cp_at = 0, byte_at = 0;
		/* the columns around the text, gathered once for all the sentences */
		buf_reset(&pre);
		buf_reset(&post);
		if (L.n > 1) {
			cols_before_buf(&cols, T.f, &pre);
			cols_after_buf(&cols, T.f, &post);
		}
		for (size_t k = 0; k < L.n; k++) {
			const struct sent_span *sp = &L.v[k];
			if (L.n > 1)
				out_write(o, pre.p, pre.len);
			else
				cols_before(&cols, T.f, o);
			out_uint(o, k + 1);
			out_putc(o, '\t');
			if (offsets) {
				cp_at += u8_count(text.p + byte_at, sp->start - byte_at);
				size_t len = u8_count(text.p + sp->start, sp->end - sp->start);
				out_uint(o, cp_at);
				out_putc(o, '\t');
				out_uint(o, cp_at + len);
				out_putc(o, '\t');
				cp_at += len;
				byte_at = sp->end;
			}
			if (plain)
				out_write(o, text.p + sp->start, sp->end - sp->start);
			else
				out_escaped(o, text.p + sp->start, sp->end - sp->start);
			if (L.n > 1)
				out_write(o, post.p, post.len);
			else
				cols_after(&cols, T.f, o);
			out_endrow(o);
		}
		sents += L.n;
	}
	out_close(o);
	if (C.stats)
		fprintf(stderr,
			"split-sentences: %llu paragraphs in, %llu sentences out, %llu paragraphs "
			"without text, %llu bad rows skipped\n",
			paras, sents, empty, T.bad);
	cols_free(&cols);
	tsv_close(&T);
	buf_free(&text);
	buf_free(&pre);
	buf_free(&post);
	sent_list_free(&L);
	sr_free(&R);
	rules_free_all();
	cli_free(&C);
	return exit_status();
}
