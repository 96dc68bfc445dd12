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

/* Run again on its own output (sentence rows, DESIGN.md): the input has a
 * 'sent' column, so the numbers go on across the rows of one paragraph
 * (the same doc and para), and with --offsets an input 'start' is where
 * the row's text begins in the paragraph. Sentence rows come out as they
 * went in. */
struct again {
	int sent, start, doc, para; /* input columns, -1: none */
	struct buf key, prev;       /* doc TAB para of this row, of the last */
	unsigned long long next;    /* the number the paragraph's next sentence gets */
};

static void again_init(struct again *g, const struct tsv_reader *T, size_t tc)
{
	memset(g, 0, sizeof *g);
	g->sent = tsv_col(T, "sent");
	g->start = tsv_col(T, "start");
	g->doc = tsv_col(T, "doc");
	g->para = tsv_col(T, "para");
	if (g->sent == (int)tc)
		g->sent = -1;
	if (g->start == (int)tc)
		g->start = -1;
}

/* The number of the row's first sentence; n sentences follow. */
static unsigned long long again_first(struct again *g, const struct tsv_reader *T, size_t n)
{
	if (g->sent < 0)
		return 1;
	buf_reset(&g->key);
	if (g->doc >= 0)
		buf_add(&g->key, T->f[g->doc].p, T->f[g->doc].n);
	buf_addc(&g->key, '\t');
	if (g->para >= 0)
		buf_add(&g->key, T->f[g->para].p, T->f[g->para].n);
	unsigned long long first = 1;
	if (g->next && g->key.len == g->prev.len && memcmp(g->key.p, g->prev.p, g->key.len) == 0)
		first = g->next;
	buf_reset(&g->prev);
	buf_add(&g->prev, g->key.p, g->key.len);
	g->next = first + n;
	return first;
}

/* Where the row's text starts in its paragraph (code points). */
static unsigned long long again_base(const struct again *g, const struct tsv_reader *T)
{
	unsigned long long v = 0;
	if (g->start < 0)
		return 0;
	const struct tsv_field *f = &T->f[g->start];
	for (size_t i = 0; i < f->n && f->p[i] >= '0' && f->p[i] <= '9' && v < (1ULL << 60); i++)
		v = v * 10 + (unsigned)(f->p[i] - '0');
	return v;
}

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
	struct again ag;
	again_init(&ag, &T, tc);
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
		unsigned long long first = again_first(&ag, &T, L.n);
		size_t cp_at = offsets ? (size_t)again_base(&ag, &T) : 0, byte_at = 0;
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
			out_uint(o, first + k);
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
	buf_free(&ag.key);
	buf_free(&ag.prev);
	buf_free(&text);
	buf_free(&pre);
	buf_free(&post);
	sent_list_free(&L);
	sr_free(&R);
	rules_free_all();
	cli_free(&C);
	return exit_status();
}
