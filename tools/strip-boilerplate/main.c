/* strip-boilerplate - drop the rows of paragraph TSV that are page
 * leftovers (navigation, promos, credits, timestamps...) and trim
 * boilerplate prefixes and suffixes; --mark keeps every row and names the
 * rule or heuristic that fired. The CLI: the document driver (docrows.h)
 * hands each document to the engine (bp.h); the result is written here. */
#include "bp.h"
#include "buf.h"
#include "cli.h"
#include "cols.h"
#include "docrows.h"
#include "lines.h"
#include "msg.h"
#include "out.h"
#include "rules.h"
#include "tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: strip-boilerplate [options] [FILE]...\n"
	"Drop the paragraph rows that are boilerplate (navigation, promos, credits,\n"
	"timestamps, share and newsletter prompts...) and trim boilerplate prefixes\n"
	"and suffixes (datelines, 'READ MORE' tails). Rows of one document (column\n"
	"'doc') must be consecutive: each document is judged as a whole.\n"
	"\n";
static const char options[] =
	"  -m, --mark            keep every row; add the column 'boilerplate' before the\n"
	"                        text: empty for article text, else the rule or heuristic\n"
	"                        that fired ('trim:RULE' for a row kept with a part cut;\n"
	"                        the text is written unchanged)\n"
	"  -e, --explain         as --mark, and add the column 'explain' after it: why the\n"
	"                        row went or stayed (the rule and its evidence, the\n"
	"                        line's features, the document's body and headline)\n"
	"      --drop-title      drop the headline too (kept by default)\n"
	"      --learn           write no rows: list the short lines met in several documents\n"
	"                        (\"DOCS<TAB>line\", most frequent first) for --frequent\n"
	"      --frequent FILE   lines listed in FILE (made by --learn) are boilerplate\n";
static const char footer[] =
	"\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage or rules file error.\n";

enum { OPT_DROP_TITLE = 1, OPT_LEARN, OPT_FREQUENT };

struct opts {
	int mark, explain, drop_title, learn;
	const char **frequent;
	int nfrequent;
};

static int own_opt(int opt, const char *arg, void *ctx)
{
	struct opts *o = ctx;
	switch (opt) {
	case 'm': o->mark = 1; return 0;
	case 'e': o->mark = o->explain = 1; return 0;
	case OPT_DROP_TITLE: o->drop_title = 1; return 0;
	case OPT_LEARN: o->learn = 1; return 0;
	case OPT_FREQUENT:
		o->frequent = xrealloc(o->frequent, (size_t)(o->nfrequent + 1) * sizeof *o->frequent);
		o->frequent[o->nfrequent++] = arg;
		return 0;
	}
	return -1;
}

/* The run: the configuration, the reader and the document driver, the
 * features of the rows of the current document (parallel to the driver's
 * rows), and the counts. */
struct run {
	struct opts O;
	struct cli C;
	struct bp_config B;
	struct tsv_reader R;
	struct cols cols;
	struct docrows D;
	struct bp_line *lines;
	size_t caplines;
	struct bp_learn learn;
	struct buf explain;
	int debug;
	unsigned long long rows_out, rows_trimmed;
};

/* The text of row w as written, or its kept part when a trim cut it. */
static void put_text(const struct docrows *d, const struct docrow *w, const struct bp_line *l)
{
	const char *raw = docrow_field(d, w);
	if (l->a == 0 && l->b == l->n) {
		out_write(out_stdout, raw, w->nfield);
		return;
	}
	size_t ra = tsv_raw_offset(raw, w->nfield, l->a);
	size_t rb = ra + tsv_raw_offset(raw + ra, w->nfield - ra, l->b - l->a);
	out_write(out_stdout, raw + ra, rb - ra);
}

/* A row as it is read: the rules that look at one row. */
static int on_row(struct docrows *d, struct docrow *w, void *ctx)
{
	struct run *S = ctx;
	if (d->n == S->caplines) {
		S->caplines = S->caplines ? S->caplines * 2 : 256;
		S->lines = xrealloc(S->lines, S->caplines * sizeof *S->lines);
	}
	struct bp_line *l = &S->lines[d->n];
	memset(l, 0, sizeof *l);
	l->s = docrow_text(d, w);
	l->n = w->ntext;
	int lim = bp_prepare(&S->B, l);
	if (lim >= 0) {
		tsv_bad(d->r, "rule '%s' hit the PCRE2 match limit on this row (simplify the pattern)",
			S->B.rules[lim].name);
		return -1; /* --skip-bad: the row was reported and is left out */
	}
	return 0;
}

/* BP_DEBUG in the environment: each line's class and features on stderr,
 * for tuning the thresholds. */
static void debug_lines(const struct bp_line *lines, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct bp_line *l = &lines[i];
		fprintf(stderr, "DBG\t%zu\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%s\n", i,
			l->cls0, l->keep, l->words, l->stop, l->links, l->caps, l->digits,
			l->ends_punct, l->heading, l->bullet, l->why ? l->why : "");
	}
}

/* A whole document: judged, then its rows written (or, with --learn,
 * its short lines counted). */
static void on_doc(struct docrows *d, void *ctx)
{
	struct run *S = ctx;
	struct bp_line *lines = S->lines;
	for (size_t i = 0; i < d->n; i++)
		lines[i].s = docrow_text(d, &d->v[i]); /* the buffer may have moved */
	if (S->O.learn) {
		for (size_t i = 0; i < d->n; i++)
			if (lines[i].words <= S->B.p.repeat_max_words)
				bp_learn_add(&S->learn, &S->B.p, &lines[i], d->docs);
		return;
	}
	bp_classify(&S->B, lines, d->n);
	if (S->debug)
		debug_lines(lines, d->n);
	struct out *o = out_stdout;
	for (size_t i = 0; i < d->n; i++) {
		const struct docrow *w = &d->v[i];
		const struct bp_line *l = &lines[i];
		if (l->keep && l->trim_rule >= 0)
			S->rows_trimmed++;
		if (!S->O.mark && !l->keep)
			continue;
		S->rows_out += l->keep;
		docrow_put_before(d, w, o);
		if (S->O.mark) {
			if (!l->keep)
				out_puts(o, l->why);
			else if (l->trim_rule >= 0) {
				out_puts(o, "trim:");
				out_puts(o, S->B.rules[l->trim_rule].name);
			}
			out_putc(o, '\t');
			if (S->O.explain) {
				bp_explain(&S->B, lines, d->n, i, &S->explain);
				out_escaped(o, S->explain.p, S->explain.len);
				out_putc(o, '\t');
			}
			out_write(o, docrow_field(d, w), w->nfield);
		} else {
			put_text(d, w, l);
		}
		docrow_put_after(d, w, o);
		out_putc(o, '\n');
	}
	if (S->C.line_buffered)
		out_flush(o);
}

/* A list made by --learn: "DOCS<TAB>line" per line; each line is read
 * like a row (trims applied) and its hash joins the frequent set. */
static void load_frequent(struct bp_config *B, const char *path)
{
	struct lines fl = {0};
	struct buf t = {0};
	if (lines_try_open(&fl, path) < 0)
		die(EXIT_USAGE, "--frequent %s: %s", path, strerror(errno));
	while (lines_next(&fl)) {
		char *tab = memchr(fl.line, '\t', fl.len);
		if (!tab) {
			if (fl.len == 0)
				continue;
			die_at(EXIT_USAGE, fl.name, fl.lineno, "expected DOCS<TAB>line (as --learn writes)");
		}
		buf_reset(&t);
		tsv_unescape(tab + 1, fl.len - (size_t)(tab + 1 - fl.line), &t);
		struct bp_line l;
		memset(&l, 0, sizeof l);
		l.s = t.p;
		l.n = t.len;
		if (bp_prepare(B, &l) >= 0)
			die_at(EXIT_USAGE, fl.name, fl.lineno, "a rule hit the match limit on this line");
		bp_freq_add(B, bp_line_key(&B->p, &l));
	}
	if (fl.err)
		die(EXIT_USAGE, "--frequent %s: %s", path,
		    fl.err == EISDIR ? "is a directory" : strerror(fl.err));
	lines_close(&fl);
	lines_free(&fl);
	buf_free(&t);
}

static void print_stats(const struct run *S, size_t learned)
{
	const struct tsv_reader *R = &S->R;
	const struct bp_config *B = &S->B;
	unsigned long long docs = S->D.docs, left_out = S->D.left_out;
	if (S->O.learn) {
		fprintf(stderr, "strip-boilerplate: %llu documents, %llu rows, %zu frequent lines\n", docs,
			R->rows, learned);
		return;
	}
	fprintf(stderr, "strip-boilerplate: %llu documents, %llu rows in, %llu rows kept "
			"(%llu trimmed), %llu dropped, %llu bad rows skipped\n",
		docs, R->rows + R->bad - left_out, S->rows_out, S->rows_trimmed,
		R->rows - left_out - S->rows_out, R->bad);
	for (size_t i = 0; i < B->nrules; i++)
		if (B->rules[i].hits || B->rules[i].tries)
			fprintf(stderr, "strip-boilerplate: rule %s (%s): %llu (tried on %llu rows)\n",
				B->rules[i].name, B->rules[i].action == BP_TRIM ? "trim" : "drop",
				B->rules[i].hits, B->rules[i].tries);
	for (int r = 1; r < BPR_N; r++)
		if (B->run.reason_hits[r])
			fprintf(stderr, "strip-boilerplate: heuristic %s: %llu\n", bp_reason_names[r],
				B->run.reason_hits[r]);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"mark", no_argument, NULL, 'm'},
		{"explain", no_argument, NULL, 'e'},
		{"drop-title", no_argument, NULL, OPT_DROP_TITLE},
		{"learn", no_argument, NULL, OPT_LEARN},
		{"frequent", required_argument, NULL, OPT_FREQUENT},
		{0},
	};
	static struct run S;
	struct cli_spec spec = {
		.name = "strip-boilerplate", .usage = usage, .options = options, .footer = footer, .rules_file = "boilerplate.yaml",
		.shared = CLI_TSV_IN | CLI_RULES,
		.shortopts = "me", .longopts = lo, .fn = own_opt, .ctx = &S.O,
	};
	cli_parse(argc, argv, &spec, &S.C);
	bp_init(&S.B);
	S.debug = getenv("BP_DEBUG") != NULL;
	rules_load_cli(&S.C, "boilerplate.yaml", bp_load, &S.B);
	if (S.O.drop_title)
		S.B.p.keep_title = 0;
	S.B.explain = S.O.explain;
	for (int i = 0; i < S.O.nfrequent; i++)
		load_frequent(&S.B, S.O.frequent[i]);
	struct tsv_opts to = cli_tsv_opts(&S.C);
	if (tsv_open(&S.R, S.C.nfiles, S.C.files, &to) < 0) {
		out_close(out_stdout);
		bp_free(&S.B);
		return exit_status();
	}
	size_t tc = (size_t)tsv_need_col(&S.R, S.C.field);
	static const char *const added[] = {"boilerplate", "explain"};
	cols_init(&S.cols, &S.R, tc, COLS_INSERT, added, S.O.explain ? 2 : S.O.mark ? 1 : 0);
	if (!S.C.no_header && !S.O.learn)
		cols_header(&S.cols, &S.R, out_stdout);
	docrows_init(&S.D, &S.R, &S.cols, tc, (size_t)S.B.p.max_doc_rows, 0);
	docrows_run(&S.D, on_row, on_doc, &S);
	size_t learned = 0;
	if (S.O.learn)
		learned = bp_learn_write(&S.learn, S.B.p.repeat_min_docs > 2 ? (unsigned long long)S.B.p.repeat_min_docs : 2,
					 out_stdout);
	out_close(out_stdout);
	if (S.C.stats)
		print_stats(&S, learned);
	docrows_free(&S.D);
	cols_free(&S.cols);
	tsv_close(&S.R);
	bp_free(&S.B);
	rules_free_all();
	free(S.lines);
	buf_free(&S.explain);
	free(S.O.frequent);
	cli_free(&S.C);
	return exit_status();
}
