/* tag-entities - rows with text in; one row per entity mention out
 * (`start end type id mention` after the input's other columns), or with
 * --inline every row kept with an `entities` column before the text. The
 * CLI: the engine is te_*.c (the alias table te_gaz.c, the rules
 * te_rules.c, a row te_tag.c, a document te_doc.c, the gazetteer builder
 * te_make.c). */
#include "cli.h"
#include "cols.h"
#include "docrows.h"
#include "msg.h"
#include "out.h"
#include "rules.h"
#include "te.h"
#include "te_make.h"
#include "tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
	"usage: tag-entities [options] [FILE]...\n"
	"Tag the people, organisations, places and other names of text rows, with a\n"
	"canonical id shared by every spelling of one entity. One row per mention:\n"
	"the input's columns but the text, then 'start end type id mention' (code\n"
	"point offsets into the text, end exclusive). Rows of one document (column\n"
	"'doc') must be consecutive: a later short form of a name gets the id of its\n"
	"full form. No FILE, or '-', reads standard input.\n"
	"\n"
	"  -i, --inline          keep every row; add an 'entities' column before the\n"
	"                        text: START,END,TYPE,ID joined by ';'\n"
	"  -g, --gazetteer FILE  more names: TSV with the header 'id type name', one\n"
	"                        alias a row; may be repeated\n"
	"      --make-gazetteer  read mention rows (columns type and mention, id if\n"
	"                        there is one) and write a gazetteer: every name with\n"
	"                        its most frequent type\n"
	"      --list-rules      print the lists, entries, patterns and cues loaded,\n"
	"                        then exit\n"
	"  -f, --field NAME      the text column (default: text)\n"
	"  -r, --rules FILE      more rules (YAML, like rules/entities.yaml); may be\n"
	"                        repeated\n"
	"      --no-default-rules  do not load rules/entities.yaml\n"
	"      --columns LIST    the input has no header; these are its columns\n"
	"      --no-header       leave the header line out of the output\n"
	"      --skip-bad        report bad rows on stderr and go on\n"
	"      --line-buffered   flush after every row written\n"
	"      --max-field N     a longer line (field) is a bad row (bytes; K, M, G;\n"
	"                        default 64M)\n"
	"      --stats           print counts on stderr at the end: rows, mentions,\n"
	"                        and which list, pattern or cue made each type of hit\n"
	"      --progress        show rows, MB and MB/s on stderr (a terminal only)\n"
	"  -h, --help            this help\n"
	"  -V, --version         version\n"
	"\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage, rules or gazetteer\n"
	"error.\n";

enum { OPT_INLINE = 'i', OPT_GAZ = 'g', OPT_MAKE = 2000, OPT_LIST };

static struct {
	int inline_col, make, list;
	const char **gaz;
	int ngaz;
} opt;

static int own_opt(int o, const char *arg, void *ctx)
{
	(void)ctx;
	switch (o) {
	case OPT_INLINE:
		opt.inline_col = 1;
		return 0;
	case OPT_GAZ:
		opt.gaz = xrealloc(opt.gaz, (size_t)(opt.ngaz + 1) * sizeof *opt.gaz);
		opt.gaz[opt.ngaz++] = arg;
		return 0;
	case OPT_MAKE:
		opt.make = 1;
		return 0;
	case OPT_LIST:
		opt.list = 1;
		return 0;
	}
	return -1;
}

struct run {
	struct te *t;
	struct te_tagger g;
	struct out *o;
	struct te_row *rows;
	size_t caprows;
	unsigned long long rows_in, mentions, docs;
	unsigned long long by_type[TE_MAX_TYPES];
	size_t tylen[TE_MAX_TYPES]; /* the lengths of the type names */
	struct buf num;
};

static void put_num(struct out *o, unsigned long v)
{
	out_uint(o, v);
}

static void doc_fn(struct docrows *d, void *ctx)
{
	struct run *R = ctx;
	if (d->n > R->caprows) {
		R->caprows = d->n + 64;
		R->rows = xrealloc(R->rows, R->caprows * sizeof *R->rows);
	}
	for (size_t i = 0; i < d->n; i++) {
		R->rows[i].s = docrow_text(d, &d->v[i]);
		R->rows[i].n = d->v[i].ntext;
	}
	R->rows_in += d->n;
	te_tag_doc(&R->g, R->rows, d->n);
	struct out *o = R->o;
	size_t k = 0;
	const struct te_mention *m = R->g.m;
	for (size_t i = 0; i < d->n; i++) {
		const struct docrow *w = &d->v[i];
		size_t k0 = k;
		while (k < R->g.nm && m[k].row == i)
			k++;
		for (size_t q = k0; q < k; q++) {
			R->t->src[m[q].src].hits[m[q].type]++;
			R->by_type[m[q].type]++;
		}
		R->mentions += k - k0;
		if (opt.inline_col) {
			docrow_put_before(d, w, o);
			for (size_t q = k0; q < k; q++) {
				if (q > k0)
					out_putc(o, ';');
				put_num(o, m[q].cb);
				out_putc(o, ',');
				put_num(o, m[q].ce);
				out_putc(o, ',');
				out_puts(o, R->t->types[m[q].type]);
				out_putc(o, ',');
				out_puts(o, te_mention_id(&R->g, &m[q]));
			}
			out_putc(o, '\t');
			out_write(o, docrow_field(d, w), w->nfield);
			docrow_put_after(d, w, o);
			out_endrow(o);
			continue;
		}
		for (size_t q = k0; q < k; q++) {
			/* the row's columns, start, end, type, id, mention: in place */
			const char *ty = R->t->types[m[q].type], *id = te_mention_id(&R->g, &m[q]);
			size_t tyn = R->tylen[m[q].type], idn = strlen(id), mn = m[q].e - m[q].b;
			docrow_put_before(d, w, o);
			char *p = out_room(o, 2 * 20 + tyn + idn + 2 * mn + 5);
			p = out_uint_at(p, m[q].cb);
			*p++ = '\t';
			p = out_uint_at(p, m[q].ce);
			*p++ = '\t';
			memcpy(p, ty, tyn);
			p += tyn;
			*p++ = '\t';
			memcpy(p, id, idn);
			p += idn;
			*p++ = '\t';
			p = out_escaped_at(p, R->rows[i].s + m[q].b, mn);
			out_done(o, p);
			out_endrow(o);
		}
	}
	if (R->g.limit_hits == 1 || (R->g.limit_hits && R->g.limit_rule)) {
		warnx("pattern '%s' stopped at the match limit (in document '%.*s'); its matches "
		      "there are left out",
		      R->g.limit_rule, (int)(d->doc.len > 200 ? 200 : d->doc.len),
		      d->doc.p ? d->doc.p : "");
		R->g.limit_rule = NULL;
	}
}

static void list_rules(const struct te *t)
{
	printf("types:");
	for (int i = 0; i < t->ntypes; i++)
		printf(" %s", t->types[i]);
	printf("\n%zu aliases of %zu entries (%zu not capitalized), %zu patterns, %zu cue words, "
	       "%zu common words; %.1f MB\n",
	       t->naliases, t->nent, t->nlowstart, t->npat, wordset_len(&t->words),
	       wordset_len(&t->common), te_bytes(t) / 1e6);
	for (int i = 0; i < t->nsrc; i++) {
		if (t->src[i].aliases)
			printf("%s\t%zu aliases\n", t->src[i].name, t->src[i].aliases);
		else
			printf("%s\n", t->src[i].name);
	}
}

static void print_stats(const struct run *R, double load_s)
{
	const struct te *t = R->t;
	fprintf(stderr, "tag-entities: %llu rows in %llu documents, %llu mentions out (", R->rows_in,
		R->docs, R->mentions);
	int first = 1;
	for (int ty = 0; ty < t->ntypes; ty++)
		if (R->by_type[ty]) {
			fprintf(stderr, "%s%s %llu", first ? "" : ", ", t->types[ty], R->by_type[ty]);
			first = 0;
		}
	fprintf(stderr, ")\n");
	fprintf(stderr, "tag-entities: rules and gazetteers: %zu aliases, %.1f MB, loaded in %.2f s\n",
		t->naliases, te_bytes(t) / 1e6, load_s);
	for (int i = 0; i < t->nsrc; i++) {
		unsigned long long sum = 0;
		for (int ty = 0; ty < t->ntypes; ty++)
			sum += t->src[i].hits[ty];
		if (!sum)
			continue;
		fprintf(stderr, "tag-entities:   %s:", t->src[i].name);
		for (int ty = 0; ty < t->ntypes; ty++)
			if (t->src[i].hits[ty])
				fprintf(stderr, " %s %llu", t->types[ty], t->src[i].hits[ty]);
		fprintf(stderr, "\n");
	}
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"inline", no_argument, NULL, OPT_INLINE},
		{"gazetteer", required_argument, NULL, OPT_GAZ},
		{"make-gazetteer", no_argument, NULL, OPT_MAKE},
		{"list-rules", no_argument, NULL, OPT_LIST},
		{0},
	};
	struct cli C;
	struct cli_spec spec = {
		.name = "tag-entities", .usage = usage,
		.shared = CLI_TSV_IN | CLI_RULES,
		.shortopts = "ig:", .longopts = lo, .fn = own_opt,
	};
	cli_parse(argc, argv, &spec, &C);
	if (opt.make)
		return te_make_gazetteer(&C);

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	static struct te T;
	te_init(&T);
	rules_load_cli(&C, "entities.yaml", te_load_yaml, &T);
	for (int i = 0; i < opt.ngaz; i++) {
		if (access(opt.gaz[i], R_OK) != 0)
			die(EXIT_USAGE, "cannot read the gazetteer %s", opt.gaz[i]);
		te_load_gazetteer(&T, opt.gaz[i]);
	}
	te_finish(&T);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double load_s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (opt.list) {
		list_rules(&T);
		te_free(&T);
		rules_free_all();
		free(C.rules);
		free(opt.gaz);
		return exit_status();
	}

	struct tsv_reader TR;
	struct tsv_opts to = cli_tsv_opts(&C);
	struct out *o = out_stdout;
	if (tsv_open(&TR, C.nfiles, C.files, &to) < 0) {
		out_close(o);
		return exit_status();
	}
	size_t tc = (size_t)tsv_need_col(&TR, C.field);
	static const char *const mention_cols[] = {"start", "end", "type", "id", "mention"};
	static const char *const inline_cols[] = {"entities"};
	struct cols cols;
	if (opt.inline_col)
		cols_init(&cols, &TR, tc, COLS_INSERT, inline_cols, 1);
	else {
		cols_init(&cols, &TR, tc, COLS_REPLACE, mention_cols, 5);
		cols_warn_foreign(&cols, &TR, "mention", "--inline keeps the input's columns");
	}
	if (!C.no_header)
		cols_header(&cols, &TR, o);

	struct run R = {0};
	R.t = &T;
	for (int i = 0; i < T.ntypes; i++)
		R.tylen[i] = strlen(T.types[i]);
	R.o = o;
	te_tagger_init(&R.g, &T);
	struct docrows D;
	docrows_init(&D, &TR, &cols, tc, 20000, 32u << 20);
	docrows_run(&D, NULL, doc_fn, &R);
	R.docs = D.docs;
	out_close(o);
	if (C.stats)
		print_stats(&R, load_s);
	if (R.g.limit_hits)
		warnx("%llu pattern searches stopped at the match limit", R.g.limit_hits);
	tsv_close(&TR);
	docrows_free(&D);
	cols_free(&cols);
	te_tagger_free(&R.g);
	free(R.rows);
	te_free(&T);
	rules_free_all();
	free(C.rules);
	free(opt.gaz);
	return exit_status();
}
