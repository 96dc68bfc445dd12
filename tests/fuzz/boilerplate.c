/* boilerplate.c - fuzz strip-boilerplate's engine (tools/strip-boilerplate
 * without main.c) with the shipped rules/boilerplate.yaml, loaded once.
 * The first byte picks the options (bit 0 --drop-title, bit 1 --explain);
 * the rest is documents of rows: a row a line, its text escaped as in the
 * record format (\t \n \\), an empty line (or "\f") between documents.
 * Each row goes through bp_prepare as the program's row callback does,
 * each document through bp_classify (and bp_explain for every row), and
 * the results are checked: the kept part lies in the row, a dropped row
 * says why. The run's memory (repeated lines) is reset for each input. */
#include "bp.h"
#include "fuzz.h"
#include "tsv.h"

static struct bp_config B;
static struct fuzz_rows rows;
static struct buf *texts;
static size_t ntexts;
static struct bp_line *lines;
static size_t caplines;
static struct buf explain;
static int keep_title; /* as the rules set it */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	bp_init(&B);
	bp_load(rules_load(fuzz_rules("boilerplate.yaml")), &B);
	keep_title = B.p.keep_title;
	return 0;
}

static void run_doc(size_t first, size_t end, int explain_on)
{
	size_t n = 0;
	for (size_t i = first; i < end; i++) {
		struct bp_line *l = &lines[n];
		memset(l, 0, sizeof *l);
		buf_reset(&texts[i]);
		tsv_unescape(rows.v[i], rows.n[i], &texts[i]);
		/* the text in an allocation of its exact size */
		char *t = xmalloc(texts[i].len ? texts[i].len : 1);
		memcpy(t, texts[i].p, texts[i].len);
		l->s = t;
		l->n = texts[i].len;
		if (bp_prepare(&B, l) >= 0) {
			free(t); /* the program reports the row and leaves it out */
			continue;
		}
		if (l->a > l->b || l->b > l->n)
			abort();
		n++;
	}
	if (!n)
		return;
	bp_classify(&B, lines, n);
	for (size_t i = 0; i < n; i++) {
		if (!lines[i].keep && !lines[i].why)
			abort();
		if (explain_on)
			bp_explain(&B, lines, n, i, &explain);
	}
	for (size_t i = 0; i < n; i++)
		free((char *)lines[i].s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	bp_reset(&B);
	B.p.keep_title = data[0] & 1 ? 0 : keep_title;
	B.explain = (data[0] >> 1) & 1;
	fuzz_rows_split(&rows, data + 1, size - 1);
	if (rows.nrows > caplines) {
		lines = xrealloc(lines, rows.nrows * sizeof *lines);
		texts = xrealloc(texts, rows.nrows * sizeof *texts);
		memset(texts + caplines, 0, (rows.nrows - caplines) * sizeof *texts);
		caplines = rows.nrows;
	}
	ntexts = rows.nrows;
	size_t first = 0;
	for (size_t i = 0; i <= rows.nrows; i++) {
		if (i == rows.nrows || fuzz_doc_break(&rows, i)) {
			run_doc(first, i, B.explain);
			first = i + 1;
		}
	}
	fuzz_rows_clear(&rows);
	return 0;
}
