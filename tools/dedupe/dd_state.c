/* dd_state.c - the seen-set in a file, for runs from cron (the protocol
 * is in man/dedupe.1, STATE FILE):
 *
 *   - one run at a time: flock on FILE.lock (never renamed), waiting or,
 *     with --no-wait, failing;
 *   - the file: a header (magic, version, the hash of the options and
 *     word lists it was made with), the runs it remembers (output file,
 *     the hash of the input and of the output), the seen-set (exact table,
 *     kept texts, band index, compact: entries only), a checksum (XXH3-64
 *     of everything before it). A file that is truncated, altered, of
 *     another program or made with other options is an error (exit 2):
 *     never a silent reset;
 *   - a run reads its input against the state, writes the rows to
 *     OUT.tmp, then commits: the new state to FILE.new (fsync), renamed
 *     over FILE (fsync of the directory) - the commit point - then OUT.tmp
 *     renamed to OUT (fsync of its directory). Killed before the commit
 *     point, nothing has changed; after it, the next run delivers OUT.tmp
 *     first. A rerun of a run the state remembers (same output, same input
 *     bytes) changes nothing and leaves OUT as the first run wrote it.
 */
#include "dd_run.h"
#include "msg.h"
#include "out.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "CDDEDUP\x1a"
enum { VERSION = 2, MAX_RUNS = 64 }; /* 2: the band index counts near repeats (--bucket-cap) */

/* A run the state remembers. */
struct record {
	char *out;           /* the output file as given */
	uint64_t out_hash, out_size, in_hash;
};

struct state {
	struct record runs[MAX_RUNS];
	int nruns;
	uint64_t rows;       /* rows judged by all runs */
};

/* ---- test hook: DEDUPE_CRASH_AT=step kills the run there --------------- */

static void crash_point(const char *step)
{
	const char *at = getenv("DEDUPE_CRASH_AT");
	if (at && !strcmp(at, step))
		raise(SIGKILL);
}

/* ---- the hash of what decides ------------------------------------------ */

static void mix(uint64_t *h, uint64_t v) { *h = hash_u64(*h ^ v) + 0x9E3779B97F4A7C15ULL; }

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

static void mix_map(uint64_t *h, const struct h64map *m)
{
	size_t n = 0, cap = m->n ? m->n : 1;
	uint64_t *kv = xmalloc(2 * cap * sizeof *kv);
	if (m->keys)
		for (size_t i = 0; i <= m->mask; i++)
			if (m->keys[i]) {
				kv[2 * n] = m->keys[i];
				kv[2 * n + 1] = m->vals[i];
				n++;
			}
	qsort(kv, n, 2 * sizeof *kv, cmp_u64);
	mix(h, n);
	for (size_t i = 0; i < 2 * n; i++)
		mix(h, kv[i]);
	free(kv);
}

static uint64_t config_hash(const struct dd_run *r)
{
	uint64_t h = 0x636F707964657364ULL;
	const struct dd_opts *o = &r->opts;
	uint64_t t;
	memcpy(&t, &o->verify.threshold, sizeof t);
	mix(&h, (uint64_t)o->near);
	mix(&h, (uint64_t)r->by_doc);
	if (o->near) {
		mix(&h, t);
		mix(&h, o->verify.edge_max);
		mix(&h, o->verify.min_match);
		mix(&h, (uint64_t)o->sketch.kind);
		mix(&h, o->sketch.shingle);
		mix(&h, o->sketch.bands);
		mix(&h, o->sketch.rows);
		mix(&h, o->sketch.cap);
		mix_map(&h, &r->words->map);
		mix_map(&h, &r->words->phrases);
	}
	return h;
}

/* ---- writing ------------------------------------------------------------- */

struct wr {
	FILE *f;
	XXH3_state_t xs;
	const char *name;
};

static void put(struct wr *w, const void *p, size_t n)
{
	if (!n)
		return;
	if (fwrite(p, 1, n, w->f) != n)
		die(EXIT_TROUBLE, "%s: %s", w->name, strerror(errno));
	XXH3_64bits_update(&w->xs, p, n);
}

static void put64(struct wr *w, uint64_t v) { put(w, &v, sizeof v); }

/* Near mode's keys as the file holds them: each a varint length and its
 * bytes, one after the other, then the offset of each (none without
 * keys). In memory they are front coded (dd_store.c). */
static void put_near_keys(struct wr *w, const struct dd_store *st)
{
	struct buf key = {0};
	char v[10];
	uint64_t total = 0;
	for (size_t i = 0, at = 0; i < st->nseq; i++) {
		at = dd_store_key_next(st, at, &key);
		total += dd_varint_put(v, key.len) + key.len;
	}
	put64(w, total);
	for (size_t i = 0, at = 0; i < st->nseq; i++) {
		at = dd_store_key_next(st, at, &key);
		put(w, v, dd_varint_put(v, key.len));
		put(w, key.p, key.len);
	}
	put64(w, st->nseq);
	uint32_t off = 0;
	for (size_t i = 0, at = 0; i < st->nseq; i++) {
		at = dd_store_key_next(st, at, &key);
		put(w, &off, sizeof off);
		off += (uint32_t)(dd_varint_put(v, key.len) + key.len);
	}
	buf_free(&key);
}

static void save(const char *path, const struct dd_run *r, const struct dd_engine *e, const struct state *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
	struct wr w = {.f = fdopen(fd, "wb"), .name = path};
	if (!w.f)
		die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
	XXH3_64bits_reset(&w.xs);
	put(&w, MAGIC, 8);
	put64(&w, VERSION);
	put64(&w, config_hash(r));
	put64(&w, s->rows);
	put64(&w, (uint64_t)s->nruns);
	for (int i = 0; i < s->nruns; i++) {
		const struct record *x = &s->runs[i];
		size_t len = strlen(x->out);
		put64(&w, len);
		put(&w, x->out, len);
		put64(&w, x->out_hash);
		put64(&w, x->out_size);
		put64(&w, x->in_hash);
	}
	/* the exact table: its entries */
	const struct dd_fptab *t = &e->exact;
	put64(&w, t->n);
	for (size_t i = 0; i < t->cap; i++)
		if (t->fp[i]) {
			put64(&w, t->fp[i]);
			uint32_t v = t->values ? t->val[i] : 0;
			put(&w, &v, sizeof v);
		}
	/* the kept texts and the keys */
	const struct dd_store *st = &e->store;
	put64(&w, st->ncode);
	put(&w, st->code, st->ncode * sizeof *st->code);
	put64(&w, st->n);
	put(&w, st->rec, st->n * sizeof *st->rec);
	if (e->o.near)
		put_near_keys(&w, st);
	else {
		put64(&w, st->nkeys);
		put(&w, st->keys, st->nkeys);
		put64(&w, 0);
	}
	/* the band index: its entries */
	const struct dd_index *x = &e->index;
	put64(&w, x->n);
	for (size_t i = 0; i < x->cap; i++) {
		uint32_t pair[2];
		if (dd_index_entry(x, i, &pair[0], &pair[1]))
			put(&w, pair, sizeof pair);
	}
	uint64_t sum = XXH3_64bits_digest(&w.xs);
	if (fwrite(&sum, 1, sizeof sum, w.f) != sizeof sum || fflush(w.f) == EOF || fsync(fd) < 0)
		die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
	if (fclose(w.f) == EOF)
		die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
}

/* ---- reading --------------------------------------------------------------- */

struct rd {
	const unsigned char *p;
	size_t n, at;
	const char *name;
};

static _Noreturn void corrupt(const struct rd *r, const char *what)
{
	die(EXIT_USAGE, "%s: not a valid state file (%s); it was left as it is", r->name, what);
}

static const void *take(struct rd *r, size_t n)
{
	if (n > r->n - r->at)
		corrupt(r, "truncated");
	const void *p = r->p + r->at;
	r->at += n;
	return p;
}

static uint64_t take64(struct rd *r)
{
	uint64_t v;
	memcpy(&v, take(r, sizeof v), sizeof v);
	return v;
}

/* Load path into e and s; returns 0, or -1 when there is no such file. */
static int load(const char *path, const struct dd_run *r, struct dd_engine *e, struct state *s)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return -1;
		die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
	}
	struct stat sb;
	if (fstat(fd, &sb) < 0)
		die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
	struct rd rd = {.n = (size_t)sb.st_size, .name = path};
	void *map = NULL;
	if (rd.n) {
		map = mmap(NULL, rd.n, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map == MAP_FAILED)
			die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
	}
	close(fd);
	rd.p = map;
	if (rd.n < 8 || memcmp(rd.p, MAGIC, 8) != 0)
		die(EXIT_USAGE, "%s: not a dedupe state file; it was left as it is", path);
	if (rd.n < 8 + 8 + 8)
		corrupt(&rd, "truncated");
	uint64_t sum;
	memcpy(&sum, rd.p + rd.n - 8, 8);
	if (XXH3_64bits(rd.p, rd.n - 8) != sum)
		corrupt(&rd, "its checksum does not match: truncated or altered");
	rd.n -= 8;
	take(&rd, 8);
	uint64_t version = take64(&rd);
	if (version != VERSION)
		die(EXIT_USAGE, "%s: a state file of version %llu; this dedupe reads version %d", path,
		    (unsigned long long)version, VERSION);
	if (take64(&rd) != config_hash(r))
		die(EXIT_USAGE,
		    "%s: made with other options or word lists (--near, --by, the sketch, rules); "
		    "give the same ones, or start another state file",
		    path);
	s->rows = take64(&rd);
	uint64_t nruns = take64(&rd);
	if (nruns > MAX_RUNS)
		corrupt(&rd, "too many runs");
	s->nruns = (int)nruns;
	for (int i = 0; i < s->nruns; i++) {
		uint64_t len = take64(&rd);
		if (len > PATH_MAX)
			corrupt(&rd, "a file name too long");
		s->runs[i].out = xstrndup(take(&rd, (size_t)len), (size_t)len);
		s->runs[i].out_hash = take64(&rd);
		s->runs[i].out_size = take64(&rd);
		s->runs[i].in_hash = take64(&rd);
	}
	uint64_t nfp = take64(&rd);
	if (nfp > (rd.n - rd.at) / 12)
		corrupt(&rd, "truncated exact table");
	dd_fptab_reserve(&e->exact, (size_t)nfp);
	for (uint64_t i = 0; i < nfp; i++) {
		uint64_t fp = take64(&rd);
		uint32_t v;
		memcpy(&v, take(&rd, sizeof v), sizeof v);
		*dd_fptab_put(&e->exact, fp, NULL) = v;
	}
	struct dd_store *st = &e->store;
	uint64_t ncode = take64(&rd);
	if (ncode > (rd.n - rd.at) / 2)
		corrupt(&rd, "truncated texts");
	st->ncode = st->ccode = (size_t)ncode;
	st->code = xmalloc((ncode ? ncode : 1) * sizeof *st->code);
	memcpy(st->code, take(&rd, ncode * 2), ncode * 2);
	uint64_t n = take64(&rd);
	if (n > (rd.n - rd.at) / 8 || n > 0xFFFFFFFEu)
		corrupt(&rd, "truncated records");
	st->n = st->crec = (size_t)n;
	st->rec = xmalloc((n ? n : 1) * sizeof *st->rec);
	memcpy(st->rec, take(&rd, n * 8), n * 8);
	for (uint64_t i = 0; i < n; i++)
		if ((st->rec[i] & ((1ULL << 43) - 1)) > ncode || (i && (st->rec[i] & ((1ULL << 43) - 1)) <
								       (st->rec[i - 1] & ((1ULL << 43) - 1))))
			corrupt(&rd, "a record out of place");
	uint64_t nkeys = take64(&rd);
	if (nkeys > rd.n - rd.at)
		corrupt(&rd, "truncated keys");
	const char *arena = take(&rd, (size_t)nkeys);
	uint64_t nko = take64(&rd);
	if (nko && (nko != n || !e->o.near))
		corrupt(&rd, "keys do not match the texts");
	if (!e->o.near) {
		st->nkeys = st->ckeys = (size_t)nkeys;
		st->keys = xmalloc(nkeys ? nkeys : 1);
		memcpy(st->keys, arena, nkeys);
	} else if (nkeys && !nko)
		corrupt(&rd, "keys do not match the texts");
	/* near mode: each text's key, front coded as it is kept */
	const unsigned char *ko = take(&rd, (size_t)nko * 4);
	for (uint64_t i = 0; i < nko; i++) {
		uint32_t off;
		memcpy(&off, ko + 4 * i, 4);
		size_t at = off, len = 0;
		unsigned shift = 0;
		unsigned char b;
		do {
			if (at >= nkeys || shift > 28)
				corrupt(&rd, "a key out of place");
			b = (unsigned char)arena[at++];
			len |= (size_t)(b & 0x7F) << shift;
			shift += 7;
		} while (b & 0x80);
		if (len > nkeys - at)
			corrupt(&rd, "a key out of place");
		dd_store_key_seq(st, arena + at, len);
	}
	uint64_t nidx = take64(&rd);
	if (nidx > (rd.n - rd.at) / 8)
		corrupt(&rd, "truncated band index");
	dd_index_reserve(&e->index, (size_t)nidx);
	for (uint64_t i = 0; i < nidx; i++) {
		uint32_t pair[2];
		memcpy(pair, take(&rd, sizeof pair), sizeof pair);
		if (!pair[0] || (pair[1] & DD_IX_OFFER ? pair[1] == DD_IX_OFFER : pair[1] >= n))
			corrupt(&rd, "a band index entry out of place");
		dd_index_put_tag(&e->index, pair[0], pair[1]);
	}
	if (rd.at != rd.n)
		corrupt(&rd, "bytes after the end");
	/* the exact table names kept texts (near) or keys (exact) */
	for (size_t i = 0; i < e->exact.cap; i++)
		if (e->exact.fp[i] && e->exact.values &&
		    (e->o.near ? e->exact.val[i] >= n : e->exact.val[i] >= (nkeys ? nkeys : 1)))
			corrupt(&rd, "an exact entry out of place");
	if (map)
		munmap(map, rd.n + 8);
	e->st.kept = e->o.near ? n : nfp;
	return 0;
}

/* ---- the protocol ------------------------------------------------------------ */

static void sync_dir(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) < 0)
		die(EXIT_TROUBLE, "%s: %s", dir, strerror(errno));
	close(fd);
	free(dir);
}

/* The hash and size of a file, or 0 when it cannot be read. */
static int file_hash(const char *path, uint64_t *hash, uint64_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	XXH3_state_t xs;
	XXH3_64bits_reset(&xs);
	char buf[1 << 16];
	ssize_t k;
	uint64_t n = 0;
	while ((k = read(fd, buf, sizeof buf)) > 0) {
		XXH3_64bits_update(&xs, buf, (size_t)k);
		n += (uint64_t)k;
	}
	close(fd);
	if (k < 0)
		return 0;
	*hash = XXH3_64bits_digest(&xs);
	*size = n;
	return 1;
}

static char *suffixed(const char *path, const char *suffix)
{
	size_t n = strlen(path), k = strlen(suffix);
	char *s = xmalloc(n + k + 1);
	memcpy(s, path, n);
	memcpy(s + n, suffix, k + 1);
	return s;
}

/* The last committed run's output, if its rename did not happen. */
static void deliver(const struct state *s)
{
	if (!s->nruns)
		return;
	const struct record *x = &s->runs[s->nruns - 1];
	uint64_t h, n;
	if (file_hash(x->out, &h, &n) && h == x->out_hash && n == x->out_size)
		return;
	char *tmp = suffixed(x->out, ".tmp");
	if (file_hash(tmp, &h, &n) && h == x->out_hash && n == x->out_size) {
		if (rename(tmp, x->out) < 0)
			die(EXIT_TROUBLE, "%s: %s", x->out, strerror(errno));
		sync_dir(x->out);
		warnx("%s: delivered the output of the last run, which was killed after its commit",
		      x->out);
	}
	free(tmp);
}

int dd_run_state(struct dd_run *r)
{
	char *lock = suffixed(r->state, ".lock"), *fresh = suffixed(r->state, ".new");
	int lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (lfd < 0)
		die(EXIT_TROUBLE, "%s: %s", lock, strerror(errno));
	if (flock(lfd, LOCK_EX | (r->wait ? 0 : LOCK_NB)) < 0) {
		if (errno == EWOULDBLOCK)
			die(EXIT_TROUBLE, "%s: in use by another run (without --no-wait, dedupe waits for it)",
			    r->state);
		die(EXIT_TROUBLE, "%s: %s", lock, strerror(errno));
	}
	unlink(fresh); /* a state a killed run had not committed */

	struct dd_engine E;
	r->opts.keys = 1; /* a later run may --mark */
	dd_engine_init(&E, &r->opts, r->words);
	dd_engine_input(&E, &r->in_size, &r->in_read);
	struct state S = {0};
	int had = load(r->state, r, &E, &S) == 0;
	if (!had)
		warnx("%s: no state yet: starting one", r->state);
	deliver(&S);

	/* the run */
	struct dd_loop_stats st;
	struct out o;
	struct buf tmp = {0};
	int fd = -1;
	uint64_t in_hash = 0;
	r->in_hash = &in_hash;
	if (r->outfile)
		fd = dd_open_output(r->outfile, &o, &tmp);
	dd_loop(r, r->outfile ? &o : out_stdout, 0, dd_engine_decide, &E, &st);
	if (r->outfile)
		dd_close_output(&o, fd, tmp.p);
	else
		out_close(out_stdout);
	crash_point("output-written");
	/* an input that could not be read (reported, the others read): the
	 * day is not whole, so nothing is committed */
	if (exit_status() != EXIT_OK)
		die(EXIT_TROUBLE, "%s: not updated, as an input could not be read%s", r->state,
		    r->outfile ? " (and no output written)" : "");
	S.rows += st.rows;

	/* a rerun of a remembered run changes nothing */
	if (r->outfile)
		for (int i = 0; i < S.nruns; i++)
			if (!strcmp(S.runs[i].out, r->outfile) && S.runs[i].in_hash == in_hash) {
				unlink(tmp.p);
				dd_output_done();
				warnx("%s: this run was committed before (same input); %s holds its rows",
				      r->state, r->outfile);
				goto done;
			}
	if (r->outfile) {
		if (S.nruns == MAX_RUNS) {
			free(S.runs[0].out);
			memmove(S.runs, S.runs + 1, (MAX_RUNS - 1) * sizeof *S.runs);
			S.nruns--;
		}
		struct record *x = &S.runs[S.nruns++];
		x->out = xstrdup(r->outfile);
		x->in_hash = in_hash;
		if (!file_hash(tmp.p, &x->out_hash, &x->out_size))
			die(EXIT_TROUBLE, "%s: cannot read it back", tmp.p);
	}
	save(fresh, r, &E, &S);
	crash_point("state-written");
	dd_output_done(); /* from the commit on, OUT.tmp is the run's output */
	if (rename(fresh, r->state) < 0)
		die(EXIT_TROUBLE, "%s: %s", r->state, strerror(errno));
	sync_dir(r->state);
	crash_point("state-renamed");
	if (r->outfile) {
		if (rename(tmp.p, r->outfile) < 0)
			die(EXIT_TROUBLE, "%s: %s", r->outfile, strerror(errno));
		sync_dir(r->outfile);
	}
	crash_point("output-renamed");
done:
	if (r->cli.stats) {
		dd_print_stats(r, &E, &st);
		struct stat sb;
		if (stat(r->state, &sb) == 0)
			fprintf(stderr, "dedupe: state %s: %.1f MB (%.0f bytes a kept text)\n", r->state,
				(double)sb.st_size / 1e6,
				E.st.kept ? (double)sb.st_size / (double)E.st.kept : 0.0);
	}
	for (int i = 0; i < S.nruns; i++)
		free(S.runs[i].out);
	dd_engine_free(&E);
	buf_free(&tmp);
	close(lfd);
	free(lock);
	free(fresh);
	return EXIT_OK;
}
