/* strip-boilerplate - drop the rows of paragraph TSV that are page
 * leftovers (navigation, promos, credits, timestamps...) and trim
 * boilerplate prefixes and suffixes; --mark keeps every row and names the
 * rule or heuristic that fired. The CLI: reads rows, buffers one document
 * at a time (rows of one doc are consecutive), hands it to the engine
 * (bp.h) and writes the result. */
#include "bp.h"
#include "buf.h"
#include "lines.h"
#include "cli.h"
#include "msg.h"
#include "out.h"
#include "rules.h"
#include "tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: strip-boilerplate [options] [FILE]...\n"
	"Drop the paragraph rows that are boilerplate (navigation, promos, credits,\n"
	"timestamps, share and newsletter prompts...) and trim boilerplate prefixes\n"
	"and suffixes (datelines, 'READ MORE' tails). Rows of one document (column\n"
	"'doc') must be consecutive: each document is judged as a whole.\n"
	"\n"
	"  -m, --mark            keep every row; add the column 'boilerplate' before the\n"
	"                        text: empty for article text, else the rule or heuristic\n"
	"                        that fired ('trim:RULE' for a row kept with a part cut;\n"
	"                        the text is written unchanged)\n"
	"      --drop-title      drop the headline too (kept by default)\n"
	"      --learn           write no rows: list the short lines met in several documents\n"
	"                        (\"DOCS<TAB>line\", most frequent first) for --frequent\n"
	"      --frequent FILE   lines listed in FILE (made by --learn) are boilerplate\n"
	"  -f, --field NAME      the text column (default: text)\n"
	"  -r, --rules FILE      more rules (YAML), after the default boilerplate.yaml\n"
	"      --no-default-rules  start without the default rules\n"
	"      --stats           print rows in/out and the count per rule on stderr\n"
	"      --skip-bad        report bad rows on stderr and go on\n"
	"      --line-buffered   flush after every document\n"
	"      --columns LIST    the input has no header; these are its columns\n"
	"      --no-header       leave the header line out of the output\n"
	"      --progress        show rows, MB and MB/s on stderr (a terminal only)\n"
	"  -h, --help            this help\n"
	"  -V, --version         version\n"
	"\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage or rules file error.\n";

enum { OPT_DROP_TITLE = 1, OPT_LEARN, OPT_FREQUENT };

struct opts {
	int mark, drop_title, learn;
	const char **frequent;
	int nfrequent;
};

static int own_opt(int opt, const char *arg, void *ctx)
{
	struct opts *o = ctx;
	(void)arg;
	switch (opt) {
	case 'm': o->mark = 1; return 0;
	case OPT_DROP_TITLE: o->drop_title = 1; return 0;
	case OPT_LEARN: o->learn = 1; return 0;
	case OPT_FREQUENT:
		o->frequent = xrealloc(o->frequent, (size_t)(o->nfrequent + 1) * sizeof *o->frequent);
		o->frequent[o->nfrequent++] = arg;
		return 0;
	}
	return -1;
}

/* One buffered row: the raw line and its unescaped text. */
struct row {
	size_t raw, rawn;   /* in rawbuf */
	size_t toff, tn;    /* the text field within the raw line */
	size_t txt, txtn;   /* in txtbuf */
};

static struct opts O;
static struct cli C;
static struct bp_config B;
static struct tsv_reader R;
static struct buf rawbuf, txtbuf, curdoc;
static struct row *rows;
static struct bp_line *lines;
static size_t nrows, caprows;
static int tc, dc = -1, debug;
static unsigned long long rows_out, rows_trimmed, bad_escapes, docs, limit_bad;
static struct bp_learn learn;

static void put_text(const struct row *w, const struct bp_line *l)
{
	const char *raw = rawbuf.p + w->raw + w->toff;
	if (l->a == 0 && l->b == l->n) {
		out_write(out_stdout, raw, w->tn);
		return;
	}
	size_t ra = bp_raw_offset(raw, w->tn, l->a);
	size_t rb = ra + bp_raw_offset(raw + ra, w->tn - ra, l->b - l->a);
	out_write(out_stdout, raw + ra, rb - ra);
}

static void flush_doc(void)
{
	if (!nrows)
		return;
	docs++;
	for (size_t i = 0; i < nrows; i++)
		lines[i].s = txtbuf.p + rows[i].txt;
	if (O.learn) {
		for (size_t i = 0; i < nrows; i++)
			if (lines[i].words <= B.p.repeat_max_words)
				bp_learn_add(&learn, &lines[i], docs);
		nrows = 0;
		buf_reset(&rawbuf);
		buf_reset(&txtbuf);
		return;
	}
	bp_classify(&B, lines, nrows);
	/* BP_DEBUG in the environment: each line's class and features on
	 * stderr, for tuning the thresholds */
	if (debug)
		for (size_t i = 0; i < nrows; i++) {
			const struct bp_line *l = &lines[i];
			fprintf(stderr, "DBG\t%zu\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%s\n", i,
				l->cls0, l->keep, l->words, l->stop, l->links, l->caps, l->digits,
				l->ends_punct, l->heading, l->bullet, l->why ? l->why : "");
		}
	struct out *o = out_stdout;
	for (size_t i = 0; i < nrows; i++) {
		const struct row *w = &rows[i];
		const struct bp_line *l = &lines[i];
		const char *raw = rawbuf.p + w->raw;
		if (l->keep && l->trim_rule >= 0)
			rows_trimmed++;
		if (!O.mark && !l->keep)
			continue;
		rows_out += l->keep;
		out_write(o, raw, w->toff);
		if (O.mark) {
			if (!l->keep)
				out_puts(o, l->why);
			else if (l->trim_rule >= 0) {
				out_puts(o, "trim:");
				out_puts(o, B.rules[l->trim_rule].name);
			}
			out_putc(o, '\t');
			out_write(o, raw + w->toff, w->tn);
		} else {
			put_text(w, l);
		}
		out_write(o, raw + w->toff + w->tn, w->rawn - w->toff - w->tn);
		out_putc(o, '\n');
	}
	if (C.line_buffered)
		out_flush(o);
	nrows = 0;
	buf_reset(&rawbuf);
	buf_reset(&txtbuf);
}

static void add_row(void)
{
	const char *line = R.in.line;
	size_t n = R.in.len;
	const struct tsv_field *f = &R.f[tc];
	/* the text, read leniently, and the rules that look at one row */
	if (txtbuf.cap - txtbuf.len < f->n + 1)
		buf_grow(&txtbuf, f->n + 1);
	size_t tn;
	size_t bad = bp_unescape(f->p, f->n, txtbuf.p + txtbuf.len, &tn);
	bad_escapes += bad;
	struct bp_line l;
	memset(&l, 0, sizeof l);
	l.s = txtbuf.p + txtbuf.len;
	l.n = tn;
	int lim = bp_prepare(&B, &l);
	if (lim >= 0) {
		tsv_bad(&R, "rule '%s' hit the PCRE2 match limit on this row (simplify the pattern)",
			B.rules[lim].name);
		limit_bad++;
		return; /* --skip-bad: the row was reported and is left out */
	}
	if (nrows == caprows) {
		caprows = caprows ? caprows * 2 : 256;
		rows = xrealloc(rows, caprows * sizeof *rows);
		lines = xrealloc(lines, caprows * sizeof *lines);
	}
	struct row *w = &rows[nrows];
	w->txt = txtbuf.len;
	w->txtn = tn;
	txtbuf.len += tn;
	txtbuf.p[txtbuf.len] = '\0';
	w->raw = rawbuf.len;
	w->rawn = n;
	w->toff = (size_t)(f->p - line);
	w->tn = f->n;
	buf_add(&rawbuf, line, n);
	lines[nrows++] = l;
}

/* A list made by --learn: "DOCS<TAB>line" per line; each line is read
 * like a row (trims applied) and its hash joins the frequent set. */
static void load_frequent(const char *path)
{
	struct lines fl = {0};
	struct buf t = {0};
	lines_open(&fl, path);
	while (lines_next(&fl)) {
		char *tab = memchr(fl.line, '\t', fl.len);
		if (!tab) {
			if (fl.len == 0)
				continue;
			die_at(EXIT_USAGE, fl.name, fl.lineno, "expected DOCS<TAB>line (as --learn writes)");
		}
		size_t n = fl.len - (size_t)(tab + 1 - fl.line);
		buf_reset(&t);
		if (t.cap < n + 1)
			buf_grow(&t, n + 1);
		size_t tn;
		bp_unescape(tab + 1, n, t.p, &tn);
		struct bp_line l;
		memset(&l, 0, sizeof l);
		l.s = t.p;
		l.n = tn;
		if (bp_prepare(&B, &l) >= 0)
			die_at(EXIT_USAGE, fl.name, fl.lineno, "a rule hit the match limit on this line");
		bp_freq_add(&B, bp_line_hash(&l));
	}
	lines_close(&fl);
	lines_free(&fl);
	buf_free(&t);
}

static void write_header(void)
{
	struct out *o = out_stdout;
	tsv_put_names(o, &R, 0, (size_t)tc);
	if (O.mark)
		out_puts(o, "boilerplate\t");
	out_puts(o, R.names[tc]);
	tsv_put_names_after(o, &R, (size_t)tc);
	out_endrow(o);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"mark", no_argument, NULL, 'm'},
		{"drop-title", no_argument, NULL, OPT_DROP_TITLE},
		{"learn", no_argument, NULL, OPT_LEARN},
		{"frequent", required_argument, NULL, OPT_FREQUENT},
		{0},
	};
	struct cli_spec spec = {
		.name = "strip-boilerplate", .usage = usage,
		.shared = CLI_TSV_IN | CLI_RULES,
		.shortopts = "m", .longopts = lo, .fn = own_opt, .ctx = &O,
	};
	cli_parse(argc, argv, &spec, &C);
	bp_init(&B);
	debug = getenv("BP_DEBUG") != NULL;
	rules_load_cli(&C, "boilerplate.yaml", bp_load, &B);
	if (O.drop_title)
		B.p.keep_title = 0;
	for (int i = 0; i < O.nfrequent; i++)
		load_frequent(O.frequent[i]);
	struct tsv_opts to = cli_tsv_opts(&C);
	if (tsv_open(&R, C.nfiles, C.files, &to) < 0) {
		out_close(out_stdout);
		bp_free(&B);
		return EXIT_OK;
	}
	tc = tsv_need_col(&R, C.field);
	dc = tsv_col(&R, "doc");
	if (dc == tc)
		dc = -1;
	if (!C.no_header && !O.learn)
		write_header();
	size_t maxrows = (size_t)B.p.max_doc_rows;
	while (tsv_next(&R)) {
		if (dc >= 0) {
			const struct tsv_field *d = &R.f[dc];
			if (d->n != curdoc.len || memcmp(d->p, curdoc.p, d->n) != 0) {
				flush_doc();
				buf_reset(&curdoc);
				buf_add(&curdoc, d->p, d->n);
			}
		}
		if (nrows >= maxrows)
			flush_doc();
		add_row();
	}
	flush_doc();
	size_t learned = 0;
	if (O.learn)
		learned = bp_learn_write(&learn, B.p.repeat_min_docs > 2 ? (unsigned long long)B.p.repeat_min_docs : 2,
					 out_stdout);
	out_close(out_stdout);
	if (bad_escapes)
		warnx("%llu backslash%s not starting one of the escapes \\t \\n \\r \\\\ %s read "
		      "literally and passed through unchanged",
		      bad_escapes, bad_escapes == 1 ? "" : "es", bad_escapes == 1 ? "was" : "were");
	if (C.stats && O.learn)
		fprintf(stderr, "strip-boilerplate: %llu documents, %llu rows, %zu frequent lines\n", docs,
			R.rows, learned);
	else if (C.stats) {
		fprintf(stderr, "strip-boilerplate: %llu documents, %llu rows in, %llu rows kept "
				"(%llu trimmed), %llu dropped, %llu bad rows skipped\n",
			docs, R.rows + R.bad - limit_bad, rows_out, rows_trimmed,
			R.rows - limit_bad - rows_out, R.bad);
		for (size_t i = 0; i < B.nrules; i++)
			if (B.rules[i].hits || B.rules[i].tries)
				fprintf(stderr, "strip-boilerplate: rule %s (%s): %llu (tried on %llu rows)\n",
					B.rules[i].name, B.rules[i].action == BP_TRIM ? "trim" : "drop",
					B.rules[i].hits, B.rules[i].tries);
		for (int r = 1; r < BPR_N; r++)
			if (B.reason_hits[r])
				fprintf(stderr, "strip-boilerplate: heuristic %s: %llu\n", bp_reason_names[r],
					B.reason_hits[r]);
	}
	tsv_close(&R);
	bp_free(&B);
	rules_free_all();
	buf_free(&rawbuf);
	buf_free(&txtbuf);
	buf_free(&curdoc);
	free(rows);
	free(lines);
	free(O.frequent);
	return EXIT_OK;
}
