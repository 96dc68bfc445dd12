/* dd_run.c - a run of dedupe: the options checked, the row (or document)
 * loop, the output written to standard output or to a file that appears
 * only when complete, and the dispatch to the state protocol and the
 * sharded steps. */
#include "dd_run.h"
#include "cols.h"
#include "docrows.h"
#include "msg.h"
#include "out.h"
#include "tsv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void dd_run_defaults(struct dd_run *r)
{
	memset(r, 0, sizeof *r);
	r->wait = 1;
	r->opts.verify.threshold = 0.8;
	r->opts.verify.edge_max = 12;
	r->opts.verify.min_match = 3;
	r->opts.sketch.kind = DD_SK_OPH;
	r->opts.sketch.shingle = 2;
	r->opts.sketch.bands = 0;
	r->opts.sketch.rows = 0;
	r->opts.sketch.cap = 256;
}

/* ---- the row loop --------------------------------------------------------- */

struct loop {
	struct dd_run *r;
	struct out *o;
	int quiet;
	dd_decide_fn decide;
	void *ctx;
	struct dd_loop_stats *st;
	int kc[3];           /* doc, para, sent columns (-1: none) */
	int rc;              /* --row-col: the column numbering the rows (-1: none) */
	struct buf key, doc;
	unsigned long long index;
	XXH3_state_t xs;     /* the input read, for --state */
};

/* The current row as read, into the input hash. */
static void hash_row(struct loop *L, const struct tsv_reader *T)
{
	if ((!L->r->in_hash && !L->r->opts.near) || !T->nf)
		return;
	const struct tsv_field *z = &T->f[T->nf - 1];
	size_t len = (size_t)(z->p + z->n - T->f[0].p);
	L->r->in_read += len + 1; /* near mode sizes its index by it */
	if (!L->r->in_hash)
		return;
	XXH3_64bits_update(&L->xs, T->f[0].p, len);
	XXH3_64bits_update(&L->xs, "\n", 1);
}

/* The bytes of the inputs when all are regular files (left to read, for
 * standard input), else 0: what the band index is sized by. */
static uint64_t input_size(const struct dd_run *r)
{
	uint64_t total = 0;
	int n = r->cli.nfiles;
	for (int i = 0; i < (n ? n : 1); i++) {
		struct stat sb;
		const char *f = n ? r->cli.files[i] : "-";
		int is_stdin = !strcmp(f, "-");
		if ((is_stdin ? fstat(0, &sb) : stat(f, &sb)) < 0 || !S_ISREG(sb.st_mode))
			return 0;
		off_t at = is_stdin ? lseek(0, 0, SEEK_CUR) : 0;
		total += (uint64_t)sb.st_size - (at > 0 && at <= sb.st_size ? (uint64_t)at : 0);
	}
	return total;
}

/* The key of the current row: its doc, para and sent, those there are;
 * else its number from 1 (index is from 0). */
static void row_key(struct loop *L, const struct tsv_reader *T, unsigned long long index)
{
	buf_reset(&L->key);
	int any = 0;
	for (int i = 0; i < 3; i++)
		if (L->kc[i] >= 0) {
			if (any)
				buf_addc(&L->key, ':');
			buf_add(&L->key, T->f[L->kc[i]].p, T->f[L->kc[i]].n);
			any = 1;
		}
	if (!any)
		buf_printf(&L->key, "%llu", index + 1);
	buf_str(&L->key);
}

static void put_mark(struct out *o, const char *dup, size_t ndup)
{
	if (ndup)
		out_write(o, dup, ndup);
	out_putc(o, '\t');
}

static void doc_fn(struct docrows *d, void *ctx)
{
	struct loop *L = ctx;
	L->st->docs++;
	/* the document's text: its rows' texts, one per line */
	buf_reset(&L->doc);
	for (size_t i = 0; i < d->n; i++) {
		if (i)
			buf_addc(&L->doc, '\n');
		buf_add(&L->doc, docrow_text(d, &d->v[i]), d->v[i].ntext);
	}
	size_t kn;
	const char *k = docrows_doc(d, &kn);
	const char *dup = NULL;
	size_t ndup = 0;
	int rep = L->decide(L->ctx, L->doc.p ? L->doc.p : "", L->doc.len, k, kn, L->index++, &dup, &ndup);
	if (rep)
		L->st->repeats += d->n;
	if (L->quiet || (rep && !L->r->mark))
		return;
	for (size_t i = 0; i < d->n; i++) {
		const struct docrow *w = &d->v[i];
		docrow_put_before(d, w, L->o);
		if (L->r->mark)
			put_mark(L->o, rep ? dup : "", rep ? ndup : 0);
		out_write(L->o, docrow_field(d, w), w->nfield);
		docrow_put_after(d, w, L->o);
		out_endrow(L->o);
		L->st->out++;
	}
}

/* ---- the exact filter's pipeline ---------------------------------------------
 * In exact mode a row's time is mostly its fold and one cache miss, the
 * exact table's slot. The loop folds row i, asks for its slot, and only
 * then judges and writes row i - 1 (a copy of it waits), so the miss is
 * paid while row i is read and folded. The decisions, and the rows
 * written before an error ends the run, are those of one row at a time:
 * a run that dies with a row waiting judges and writes it first. */
struct pending {
	int have;
	struct dd_prep prep;
	struct buf row, key;     /* the row's bytes as read, its key */
	struct tsv_field *f;     /* its fields, into row */
	size_t nf, fcap;
};

/* Keep a copy of the reader's current row (its bytes, fields, key and
 * fold) as the row waiting to be judged. */
static void keep_pending(struct pending *P, const struct tsv_reader *T, const struct buf *key,
			 const struct dd_prep *prep)
{
	const struct tsv_field *f = T->f, *z = &f[T->nf - 1];
	buf_reset(&P->row);
	buf_add(&P->row, f[0].p, (size_t)(z->p + z->n - f[0].p));
	buf_reset(&P->key);
	buf_add(&P->key, key->p, key->len);
	if (P->fcap < T->nf) {
		P->fcap = T->nf;
		P->f = xrealloc(P->f, P->fcap * sizeof *P->f);
	}
	for (size_t i = 0; i < T->nf; i++)
		P->f[i] = (struct tsv_field){P->row.p + (f[i].p - f[0].p), f[i].n};
	P->nf = T->nf;
	P->prep = *prep;
	P->have = 1;
}

/* The loop with a row waiting, for a run that dies meanwhile */
static struct {
	struct loop *L;
	const struct cols *C;
	size_t tc;
	struct pending *P;
	void (*before_exit)(void);
} live;

/* Write row f[0..nf): as read, or with --mark its dup_of column (dup,
 * the key of the row it repeats, when rep). */
static void write_row(struct loop *L, const struct cols *C, size_t tc, const struct tsv_field *f, size_t nf,
		      int rep, const char *dup, size_t ndup)
{
	struct out *o = L->o;
	if (!L->r->mark) {
		const struct tsv_field *z = &f[nf - 1];
		out_write(o, f[0].p, (size_t)(z->p + z->n - f[0].p));
	} else {
		cols_before(C, f, o);
		put_mark(o, rep ? dup : "", rep ? ndup : 0);
		out_write(o, f[tc].p, f[tc].n);
		cols_after(C, f, o);
	}
	out_endrow(o);
	L->st->out++;
}

/* Judge the waiting row, if any, and write it as the loop would have. */
static void flush_pending(struct loop *L, const struct cols *C, size_t tc, struct pending *P)
{
	if (!P->have)
		return;
	P->have = 0;
	struct dd_engine *e = L->r->pipe;
	uint32_t of;
	int rep = dd_judge_exact(e, &P->prep, P->key.p ? P->key.p : "", P->key.len, &of);
	const char *dup = NULL;
	size_t ndup = 0;
	if (rep) {
		L->st->repeats++;
		dup = dd_name_key(e, of, &ndup);
	}
	if (!L->quiet && (!rep || L->r->mark))
		write_row(L, C, tc, P->f, P->nf, rep, dup, ndup);
}

/* The exit hook of a run that dies (msg.h): the waiting row first, then
 * the hook that was there before. */
static void pending_before_exit(void)
{
	if (live.P)
		flush_pending(live.L, live.C, live.tc, live.P);
	live.P = NULL;
	if (live.before_exit)
		live.before_exit();
}

static int row_fn(struct docrows *d, struct docrow *w, void *ctx)
{
	struct loop *L = ctx;
	L->st->rows++;
	hash_row(L, d->r);
	return 0;
}

void dd_loop(struct dd_run *r, struct out *o, int quiet, dd_decide_fn decide, void *ctx,
	     struct dd_loop_stats *st)
{
	struct loop L = {.r = r, .o = o, .quiet = quiet, .decide = decide, .ctx = ctx, .st = st};
	memset(st, 0, sizeof *st);
	XXH3_64bits_reset(&L.xs);
	r->in_size = r->opts.near ? input_size(r) : 0;
	r->in_read = 0;
	struct tsv_reader T;
	struct tsv_opts to = cli_tsv_opts(&r->cli);
	if (tsv_open(&T, r->cli.nfiles, r->cli.files, &to) < 0) {
		if (r->in_hash)
			*r->in_hash = XXH3_64bits_digest(&L.xs);
		return;
	}
	if (r->in_hash && T.header)
		XXH3_64bits_update(&L.xs, T.header, T.header_len);
	size_t tc = (size_t)tsv_need_col(&T, r->cli.field);
	static const char *const added[] = {"dup_of"};
	struct cols C;
	cols_init(&C, &T, tc, COLS_INSERT, added, r->mark ? 1 : 0);
	static const char *const keycols[] = {"doc", "para", "sent"};
	for (int i = 0; i < 3; i++) {
		L.kc[i] = tsv_col(&T, keycols[i]);
		if (L.kc[i] == (int)tc)
			L.kc[i] = -1;
	}
	if (r->by_doc)
		tsv_need_col(&T, "doc");
	L.rc = r->row_col ? tsv_need_col(&T, r->row_col) : -1;
	if (!quiet && !r->cli.no_header)
		cols_header(&C, &T, o);
	if (r->by_doc) {
		struct docrows D;
		docrows_init(&D, &T, &C, tc, 1000000, 256u << 20);
		docrows_run(&D, row_fn, doc_fn, &L);
		docrows_free(&D);
	} else {
		struct buf text = {0};
		struct pending P = {0};
		if (r->pipe) {
			live.L = &L, live.C = &C, live.tc = tc, live.P = &P;
			live.before_exit = msg_before_exit;
			msg_before_exit = pending_before_exit;
		}
		while (tsv_next(&T)) {
			st->rows++;
			hash_row(&L, &T);
			/* the text: the field itself when it holds no escape */
			const char *tp = T.f[tc].p;
			size_t tn = T.f[tc].n;
			if (tn && memchr(tp, '\\', tn)) {
				buf_reset(&text);
				tsv_field_text(&T, tc, &text);
				tp = text.p ? text.p : "";
				tn = text.len;
			}
			const char *dup = NULL;
			size_t ndup = 0;
			unsigned long long index = L.index++;
			if (L.rc >= 0) {
				const struct tsv_field *n = &T.f[L.rc];
				char num[24];
				char *end;
				snprintf(num, sizeof num, "%.*s", (int)(n->n < 23 ? n->n : 23), n->p);
				errno = 0;
				index = strtoull(num, &end, 10);
				if (!n->n || n->p[0] < '0' || n->p[0] > '9' || *end || errno || n->n > 20 ||
				    index >= (1ULL << 40)) {
					tsv_bad(&T, "column '%s' is not a row number (0 to 2^40)", r->row_col);
					continue;
				}
			}
			row_key(&L, &T, index);
			if (r->pipe) {
				struct dd_prep prep;
				dd_exact_prepare(r->pipe, tn ? tp : "", tn, &prep);
				flush_pending(&L, &C, tc, &P);
				keep_pending(&P, &T, &L.key, &prep);
				continue;
			}
			int rep = decide(ctx, tn ? tp : "", tn, L.key.p, L.key.len, index, &dup, &ndup);
			if (rep)
				st->repeats++;
			if (quiet || (rep && !r->mark))
				continue;
			write_row(&L, &C, tc, T.f, T.nf, rep, dup, ndup);
		}
		if (r->pipe) {
			flush_pending(&L, &C, tc, &P);
			msg_before_exit = live.before_exit;
			live.P = NULL;
		}
		buf_free(&P.row);
		buf_free(&P.key);
		free(P.f);
		buf_free(&text);
	}
	if (r->in_hash)
		*r->in_hash = XXH3_64bits_digest(&L.xs);
	cols_free(&C);
	tsv_close(&T);
	buf_free(&L.key);
	buf_free(&L.doc);
}

/* ---- the filter ------------------------------------------------------------- */

int dd_engine_decide(void *ctx, const char *text, size_t n, const char *key, size_t klen,
		     unsigned long long index, const char **dup, size_t *ndup)
{
	struct dd_engine *e = ctx;
	uint32_t of;
	if (!dd_judge(e, text, n, key, klen, &of))
		return 0;
	*dup = dd_name_key(e, of, ndup);
	return 1;
}

void dd_print_stats(const struct dd_run *r, const struct dd_engine *e, const struct dd_loop_stats *st)
{
	size_t bytes = dd_engine_bytes(e);
	unsigned long long kept = e->st.kept;
	fprintf(stderr, "dedupe: %llu rows in, %llu out, %llu repeated", st->rows, st->out, st->repeats);
	if (r->by_doc)
		fprintf(stderr, " (%llu documents)", st->docs);
	fprintf(stderr, "; %llu texts: %llu kept, %llu exact repeats, %llu near repeats\n", e->st.texts,
		kept, e->st.exact, e->st.near);
	fprintf(stderr, "dedupe: memory %.1f MB, %.0f bytes a kept text (", bytes / 1e6,
		kept ? (double)bytes / (double)kept : 0.0);
	fprintf(stderr, "exact table %.1f MB, ", dd_fptab_bytes(&e->exact) / 1e6);
	if (e->o.near)
		fprintf(stderr, "texts and keys %.1f MB, band index %.1f MB", dd_store_bytes(&e->store) / 1e6,
			dd_index_bytes(&e->index) / 1e6);
	else
		fprintf(stderr, "keys %.1f MB", dd_store_bytes(&e->store) / 1e6);
	fprintf(stderr, ")\n");
	if (e->o.near)
		fprintf(stderr,
			"dedupe: %llu candidates, %llu verified; kept apart by the guard: %llu number, "
			"%llu negation, %llu direction; %llu keys of kept texts past a full bucket\n",
			e->st.candidates, e->st.verified, e->st.guard_number, e->st.guard_negation, e->st.guard_direction,
			e->st.capped);
}

/* The output file: written as FILE.tmp, renamed when complete; removed
 * when the run ends on an error. */
static char *pending_tmp;

static void remove_pending(void)
{
	if (pending_tmp)
		unlink(pending_tmp);
}

void dd_output_done(void)
{
	free(pending_tmp);
	pending_tmp = NULL;
}

int dd_open_output(const char *path, struct out *o, struct buf *tmpname)
{
	buf_reset(tmpname);
	buf_printf(tmpname, "%s.tmp", path);
	static int registered;
	if (!registered)
		atexit(remove_pending), registered = 1;
	free(pending_tmp);
	pending_tmp = xstrdup(tmpname->p);
	int fd = open(tmpname->p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		die(EXIT_TROUBLE, "%s: %s", tmpname->p, strerror(errno));
	out_open_fd(o, fd, path);
	return fd;
}

void dd_close_output(struct out *o, int fd, const char *tmpname)
{
	if (out_flush(o) < 0 || fsync(fd) < 0 || close(fd) < 0) {
		int e = o->err ? o->err : errno;
		unlink(tmpname);
		die(EXIT_TROUBLE, "%s: %s", o->name, strerror(e));
	}
	free(o->buf);
	o->buf = NULL;
}

static int run_filter(struct dd_run *r)
{
	struct dd_engine E;
	r->opts.keys = r->mark;
	dd_engine_init(&E, &r->opts, r->words);
	if (!r->opts.near && !r->cli.line_buffered) /* --line-buffered: each row out as it comes */
		r->pipe = &E;
	dd_engine_input(&E, &r->in_size, &r->in_read);
	struct dd_loop_stats st;
	if (r->outfile) {
		struct out o;
		struct buf tmp = {0};
		int fd = dd_open_output(r->outfile, &o, &tmp);
		dd_loop(r, &o, 0, dd_engine_decide, &E, &st);
		dd_close_output(&o, fd, tmp.p);
		if (rename(tmp.p, r->outfile) < 0)
			die(EXIT_TROUBLE, "%s: %s", r->outfile, strerror(errno));
		dd_output_done();
		buf_free(&tmp);
	} else
		dd_loop(r, out_stdout, 0, dd_engine_decide, &E, &st);
	out_close(out_stdout);
	if (r->cli.stats)
		dd_print_stats(r, &E, &st);
	r->pipe = NULL;
	dd_engine_free(&E);
	return EXIT_OK;
}

/* The sketch a threshold needs, unless the options name one. */
static void sketch_defaults(struct dd_run *r)
{
	struct dd_sketch_opts *s = &r->opts.sketch;
	if (!s->bands)
		s->bands = s->kind == DD_SK_BOTTOM ? 4 : 8;
	if (!s->rows)
		s->rows = s->kind == DD_SK_BOTTOM ? 8 : 2;
}

int dd_run(struct dd_run *r)
{
	if (r->step == DD_STEP_KEYS || r->step == DD_STEP_CLUSTERS)
		r->opts.near = 1; /* the sharded mode is near mode */
	sketch_defaults(r);
	if (r->state && r->step != DD_STEP_FILTER)
		cli_usage_error("--state does not go with --keys, --clusters or --apply");
	if (r->mark && (r->step == DD_STEP_KEYS || r->step == DD_STEP_CLUSTERS))
		cli_usage_error("--mark goes with the filter or --apply");
	if (!r->state && r->step == DD_STEP_FILTER && (r->wait != 1))
		cli_usage_error("--no-wait goes with --state");
	if (r->row_col && r->step != DD_STEP_KEYS && r->step != DD_STEP_APPLY)
		cli_usage_error("--row-col goes with --keys and --apply");
	if (r->row_col && r->by_doc)
		cli_usage_error("--row-col numbers rows, not documents (--by doc)");
	switch (r->step) {
	case DD_STEP_KEYS: return dd_run_keys(r);
	case DD_STEP_CLUSTERS: return dd_run_clusters(r);
	case DD_STEP_APPLY: return dd_run_apply(r);
	default: break;
	}
	if (r->state)
		return dd_run_state(r);
	return run_filter(r);
}
