/* extract-quotes - paragraph rows of whole documents in, one row per
 * quotation out: the input's columns but the text (and `entities`), then
 * quote speaker speaker_id cue kind start end (the CLI; the engine is
 * eq_*.c, driven a document at a time by common/docrows.h). */
#include "buf.h"
#include "cli.h"
#include "cols.h"
#include "docrows.h"
#include "eq.h"
#include "msg.h"
#include "out.h"
#include "rules.h"
#include "tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: extract-quotes [options] [FILE]...\n"
	"Find the quotations in paragraph rows (a document's rows consecutive) and\n"
	"write one row per quotation: the input's columns but the text, then quote,\n"
	"speaker, speaker_id, cue, kind (direct or partial), start and end (code\n"
	"points into the paragraph's text; a quotation over several paragraphs ends\n"
	"past its first one, one character per paragraph break). An `entities`\n"
	"column (tag-entities --inline) gives the speakers' names and ids.\n"
	"No FILE, or '-', reads standard input.\n"
	"\n"
	"  -a, --all             also write the quote-mark pairs that are no quotation\n"
	"                        (kind none) and a column 'why': the score and the\n"
	"                        features that made it\n"
	"  -w, --as-written      the speaker phrase as written, as PolNeAR marks a\n"
	"                        source: titles, words between the quotation and its\n"
	"                        cue and a relative clause after the speaker kept;\n"
	"                        pronouns and descriptions not resolved\n"
	"      --resolve WHEN    which pronouns and descriptions get the name of whom\n"
	"                        they stand for: sure (the text leaves no doubt; the\n"
	"                        default), all (every best guess) or none\n"
	"  -f, --field NAME      the text column (default: text)\n"
	"  -r, --rules FILE      extra marks, verbs, names, weights (YAML, like\n"
	"                        rules/quotes.yaml); may be repeated\n"
	"      --no-default-rules  do not load rules/quotes.yaml\n"
	"      --columns LIST    the input has no header; these are its columns\n"
	"      --no-header       leave the header line out of the output\n"
	"      --skip-bad        report bad rows on stderr and go on\n"
	"      --line-buffered   flush after every document\n"
	"      --max-field N     a longer line (field) is a bad row (bytes; K, M, G;\n"
	"                        default 64M)\n"
	"      --stats           print counts on stderr at the end\n"
	"      --progress        show rows, MB and MB/s on stderr (a terminal only)\n"
	"  -h, --help            this help\n"
	"  -V, --version         version\n"
	"\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage or rules error.\n";

/* A document is judged whole up to these bounds, in parts past them. */
enum { MAX_DOC_ROWS = 100000, MAX_DOC_BYTES = 64 << 20 };

static int all_pairs, as_written, resolve_when = EQ_RESOLVE_SURE;

enum { OPT_RESOLVE = 0x100 };

static int own_opt(int opt, const char *arg, void *ctx)
{
	(void)ctx;
	if (opt == 'a') {
		all_pairs = 1;
		return 0;
	}
	if (opt == 'w') {
		as_written = 1;
		return 0;
	}
	if (opt == OPT_RESOLVE) {
		if (!strcmp(arg, "sure"))
			resolve_when = EQ_RESOLVE_SURE;
		else if (!strcmp(arg, "all"))
			resolve_when = EQ_RESOLVE_ALL;
		else if (!strcmp(arg, "none"))
			resolve_when = EQ_RESOLVE_NONE;
		else
			cli_usage_error("--resolve: '%s' is none of sure, all, none", arg);
		return 0;
	}
	return -1;
}

struct run {
	struct cli *C;
	struct eq_doc D;
	int ec;                 /* the entities column, -1 none */
	struct buf ents;        /* the documents' entities fields, unescaped */
	size_t *ent_at;         /* per row: offset in ents, and length */
	size_t *ent_n;
	size_t ent_cap;
	struct eq_para_in *in;
	size_t in_cap;
	unsigned long long docs, quotes;
};

static const char *const added[] = {"quote", "speaker", "speaker_id", "cue", "kind", "start", "end", "why"};

/* The entities field: START,END,TYPE,ID;... with START < END. */
static int ents_ok(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i, f = 0;
		unsigned long long a = 0, b = 0;
		int da = 0, db = 0;
		while (j < n && s[j] != ';') {
			if (s[j] == ',')
				f++;
			else if (f == 0 && s[j] >= '0' && s[j] <= '9') {
				a = a * 10 + (unsigned)(s[j] - '0');
				da++;
			} else if (f == 1 && s[j] >= '0' && s[j] <= '9') {
				b = b * 10 + (unsigned)(s[j] - '0');
				db++;
			} else if (f < 2)
				return 0;
			j++;
		}
		if (f < 3 || !da || !db || da > 10 || db > 10 || a >= b)
			return 0;
		i = j + 1;
	}
	return 1;
}

static int on_row(struct docrows *d, struct docrow *w, void *ctx)
{
	struct run *U = ctx;
	(void)w;
	if (U->ec < 0)
		return 0;
	if (d->n >= U->ent_cap) {
		U->ent_cap = U->ent_cap ? 2 * U->ent_cap : 256;
		U->ent_at = xrealloc(U->ent_at, U->ent_cap * sizeof *U->ent_at);
		U->ent_n = xrealloc(U->ent_n, U->ent_cap * sizeof *U->ent_n);
	}
	if (d->n == 0)
		buf_reset(&U->ents);
	size_t at = U->ents.len;
	tsv_field_text(d->r, (size_t)U->ec, &U->ents);
	if (!ents_ok(U->ents.p + at, U->ents.len - at)) {
		U->ents.len = at;
		tsv_bad(d->r, "bad entities field (expected START,END,TYPE,ID;... as tag-entities --inline writes)");
		return -1;
	}
	U->ent_at[d->n] = at;
	U->ent_n[d->n] = U->ents.len - at;
	return 0;
}

/* A paragraph that continues a quotation opens with a double mark
 * (straight, curly, low or angle): where its words start after it. */
static size_t after_opening_mark(const char *s, size_t n)
{
	static const char *const marks[] = {"\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9e", "\xc2\xab", "\xc2\xbb"};
	size_t b = 0;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t m = strlen(marks[k]);
		if (m <= n && memcmp(s, marks[k], m) == 0) {
			b = m;
			break;
		}
	}
	while (b < n && (s[b] == ' ' || s[b] == '\t'))
		b++;
	return b;
}

static void put_num(struct out *o, unsigned long long v)
{
	out_uint(o, v);
}

static void why(struct out *o, const struct eq_quote *q)
{
	char b[64];
	snprintf(b, sizeof b, "%.2f", q->score);
	out_puts(o, b);
	for (int k = 0; k < EQ_NFEAT; k++)
		if (q->f[k]) {
			out_putc(o, ' ');
			out_puts(o, eq_feat_names[k]);
		}
	static const char *const how[] = {"", "name", "pronoun", "description", "inherited"};
	static const char *const res[] = {"", "-resolved", "-guessed"};
	if (q->spk_how > 0 && q->spk_how < 5) {
		out_puts(o, " speaker:");
		out_puts(o, how[q->spk_how]);
		if (q->resolved > 0 && q->resolved < 3)
			out_puts(o, res[q->resolved]);
	}
}

static void on_doc(struct docrows *d, void *ctx)
{
	struct run *U = ctx;
	if (d->n > U->in_cap) {
		U->in_cap = d->n + d->n / 2 + 8;
		U->in = xrealloc(U->in, U->in_cap * sizeof *U->in);
	}
	for (size_t i = 0; i < d->n; i++) {
		U->in[i].s = docrow_text(d, &d->v[i]);
		U->in[i].n = d->v[i].ntext;
		U->in[i].ents = U->ec >= 0 ? U->ents.p + U->ent_at[i] : NULL;
		U->in[i].nents = U->ec >= 0 ? U->ent_n[i] : 0;
		if (U->in[i].ents == NULL && U->ec >= 0)
			U->in[i].ents = "";
	}
	eq_doc_run(&U->D, U->in, d->n);
	U->docs++;
	struct out *o = out_stdout;
	const char *str = U->D.str.p;
	for (size_t k = 0; k < U->D.nq; k++) {
		const struct eq_quote *q = &U->D.q[k];
		docrow_put_before(d, &d->v[q->para], o);
		for (uint32_t p = q->para; p <= q->epara; p++) {
			const struct eq_para_in *P = &U->in[p];
			size_t b = p == q->para ? q->b : 0, e = p == q->epara ? q->e : P->n;
			if (p > q->para) {
				out_escaped(o, "\n", 1);
				b = after_opening_mark(P->s, e); /* the words, not the mark that continues them */
			}
			out_escaped(o, P->s + b, e - b);
		}
		out_putc(o, '\t');
		out_escaped(o, str + q->speaker, q->nspeaker);
		out_putc(o, '\t');
		out_escaped(o, str + q->id, q->nid);
		out_putc(o, '\t');
		out_escaped(o, str + q->cue, q->ncue);
		out_putc(o, '\t');
		out_puts(o, q->kind == EQ_DIRECT ? "direct" : q->kind == EQ_PARTIAL ? "partial" : "none");
		out_putc(o, '\t');
		put_num(o, q->cb);
		out_putc(o, '\t');
		put_num(o, q->ce);
		if (all_pairs) {
			out_putc(o, '\t');
			why(o, q);
		}
		out_putc(o, '\n');
		if (q->kind != EQ_NONE)
			U->quotes++;
	}
	if (U->C->line_buffered)
		out_flush(o);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"all", no_argument, NULL, 'a'},
		{"as-written", no_argument, NULL, 'w'},
		{"resolve", required_argument, NULL, OPT_RESOLVE},
		{0},
	};
	struct cli C;
	struct cli_spec spec = {
		.name = "extract-quotes", .usage = usage,
		.shared = CLI_TSV_IN | CLI_RULES,
		.shortopts = "aw", .longopts = lo, .fn = own_opt,
	};
	cli_parse(argc, argv, &spec, &C);

	static struct eq_rules R;
	eq_rules_init(&R);
	rules_load_cli(&C, "quotes.yaml", eq_rules_load, &R);

	struct tsv_reader T;
	struct tsv_opts to = cli_tsv_opts(&C);
	struct out *o = out_stdout;
	if (tsv_open(&T, C.nfiles, C.files, &to) < 0) {
		out_close(o);
		eq_rules_free(&R);
		return exit_status();
	}
	size_t tc = (size_t)tsv_need_col(&T, C.field);
	/* a quotation is read within its paragraph's row: sentence rows cut
	 * the quotations that run over sentences and part them from their
	 * speakers, which would be lost without a word */
	if (tsv_col(&T, "sent") >= 0)
		warnx("%s: the input has a 'sent' column: quotations and their speakers are read "
		     "within a row, so sentence rows cut them; give paragraph rows (before split-sentences)",
		     T.header_file);
	struct run U;
	memset(&U, 0, sizeof U);
	U.C = &C;
	U.ec = tsv_col(&T, "entities");
	if (U.ec == (int)tc)
		U.ec = -1;
	struct cols L;
	cols_init(&L, &T, tc, COLS_REPLACE, added, all_pairs ? 8 : 7);
	cols_warn_foreign(&L, &T, "quote", "rename them to keep them");
	if (U.ec >= 0) {
		/* the mentions' offsets point into the text, which is left out */
		L.skip[U.ec] = 1;
		L.plain = 0;
	}
	if (!C.no_header)
		cols_header(&L, &T, o);
	eq_doc_init(&U.D, &R);
	U.D.explain = all_pairs;
	U.D.as_written = as_written;
	U.D.resolve = resolve_when;
	struct docrows d;
	docrows_init(&d, &T, &L, tc, MAX_DOC_ROWS, MAX_DOC_BYTES);
	docrows_run(&d, on_row, on_doc, &U);
	out_close(o);
	if (C.stats) {
		const struct eq_stats *s = &U.D.st;
		fprintf(stderr,
			"extract-quotes: %llu documents, %llu rows in, %llu quotations out (%llu direct, "
			"%llu partial), %llu quote-mark pairs, %llu not quotations, %llu bad rows skipped\n",
			U.docs, T.rows, s->direct + s->partial, s->direct, s->partial, s->pairs, s->rejected, T.bad);
		fprintf(stderr,
			"extract-quotes: direct quotations: %llu attributed, %llu without a speaker; %llu "
			"pronoun speakers (%llu resolved), %llu descriptions resolved, %llu speakers from "
			"the entities column\n",
			s->attributed, s->unattributed, s->pronouns, s->pronouns_resolved, s->descriptions_resolved,
			s->entity_speakers);
		if (s->bad_entities)
			fprintf(stderr, "extract-quotes: %llu entity mentions could not be read\n", s->bad_entities);
	}
	docrows_free(&d);
	cols_free(&L);
	eq_doc_free(&U.D);
	tsv_close(&T);
	buf_free(&U.ents);
	free(U.ent_at);
	free(U.ent_n);
	free(U.in);
	eq_rules_free(&R);
	rules_free_all();
	free(C.rules);
	return exit_status();
}
