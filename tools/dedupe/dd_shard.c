/* dd_shard.c - the sharded mode, for an engine that shuffles (Dask, Spark,
 * Hadoop Streaming, GNU parallel with sort):
 *
 *   --keys     for each row: a line per band key and one for its exact key,
 *              KEY TAB ROW TAB ROLE TAB EXACT TAB WORDS TAB NAME, where ROW
 *              is the part number (--part) and the row's number in it (hex,
 *              so that they sort in input order), WORDS the row's word codes
 *              (base64) and NAME its doc:para:sent;
 *   shuffle    group the lines by KEY (sort -k1,1, groupby);
 *   --clusters for each group: a row identical to an earlier one links to
 *              it (x); a row links to each earlier row it passes against (n):
 *              ROW TAB ROW_OF TAB TYPE TAB NAME_OF;
 *   --apply    reads all the links, decides in row order exactly as one
 *              process does (a repeat names the earliest kept row it passes
 *              against; a copy of a repeat names what that one repeats), and
 *              drops or marks the rows of its part.
 *
 * One process and the sharded run compare the same pairs (those sharing a
 * band key's 32-bit tag, within the first --bucket-cap rows that offer it)
 * and keep the same rows.
 */
#include "dd_run.h"
#include "msg.h"
#include "out.h"
#include "lines.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static void put_b64(struct out *o, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
			     (i + 2 < n ? p[i + 2] : 0);
		char c[4] = {b64[v >> 18], b64[(v >> 12) & 63], b64[(v >> 6) & 63], b64[v & 63]};
		out_write(o, c, i + 2 < n ? 4 : i + 1 < n ? 3 : 2);
	}
}

static int b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '-' ? 62 : c == '_' ? 63 : -1;
}

/* Decode s[0..n) into out (bytes); -1 on a bad character. */
static int get_b64(const char *s, size_t n, struct buf *out)
{
	buf_reset(out);
	unsigned v = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		int d = b64val((unsigned char)s[i]);
		if (d < 0)
			return -1;
		v = v << 6 | (unsigned)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_addc(out, (char)((v >> bits) & 0xFF));
		}
	}
	return 0;
}

static void put_hex(struct out *o, uint64_t v, int digits)
{
	char s[16];
	for (int i = digits - 1; i >= 0; i--, v >>= 4)
		s[i] = "0123456789abcdef"[v & 15];
	out_write(o, s, (size_t)digits);
}

/* ---- step 1: the keys ---------------------------------------------------- */

struct keys_ctx {
	struct dd_run *r;
	struct out *o;
	struct dd_text t;
	struct buf words;
};

static int keys_decide(void *ctx, const char *text, size_t n, const char *key, size_t klen,
		       unsigned long long index, const char **dup, size_t *ndup)
{
	struct keys_ctx *k = ctx;
	struct dd_text *t = &k->t;
	dd_normalize(k->r->words, text, n, 1, t);
	if (!t->fold.len)
		return 0; /* nothing to compare: never a repeat */
	/* the words: lead, cut, edges, then the codes, little-endian */
	buf_reset(&k->words);
	unsigned char h[5] = {(unsigned char)t->lead, (unsigned char)(t->lead >> 8), (unsigned char)t->cut,
			      (unsigned char)(t->cut >> 8), (unsigned char)t->edges};
	buf_add(&k->words, h, sizeof h);
	for (uint32_t i = 0; i < t->n; i++) {
		unsigned char c[2] = {(unsigned char)t->code[i], (unsigned char)(t->code[i] >> 8)};
		buf_add(&k->words, c, 2);
	}
	uint64_t keys[DD_MAXKEYS];
	uint32_t tags[DD_MAXKEYS];
	unsigned ni = 0, nq = dd_sketch(&k->r->opts.sketch, t->code, t->n, keys, &ni);
	nq = dd_index_tags(keys, nq, &ni, tags);
	for (unsigned q = 0; q <= nq; q++) {
		struct out *o = k->o;
		if (q == nq) {
			out_putc(o, 'x');
			put_hex(o, t->exact, 16);
		} else { /* the key's tag: the bucket one process puts it in */
			out_putc(o, 'b');
			put_hex(o, tags[q], 16);
		}
		out_putc(o, '\t');
		put_hex(o, k->r->part, 8);
		put_hex(o, index, 10);
		out_putc(o, '\t');
		out_putc(o, q == nq ? 'x' : q < ni ? 'i' : 'q');
		out_putc(o, '\t');
		put_hex(o, t->exact, 16);
		out_putc(o, '\t');
		put_b64(o, (const unsigned char *)k->words.p, k->words.len);
		out_putc(o, '\t');
		out_write(o, key, klen);
		out_endrow(o);
	}
	return 0;
}

int dd_run_keys(struct dd_run *r)
{
	struct keys_ctx k = {.r = r, .o = out_stdout};
	struct dd_loop_stats st;
	dd_loop(r, out_stdout, 1, keys_decide, &k, &st);
	out_close(out_stdout);
	if (r->cli.stats)
		fprintf(stderr, "dedupe: --keys: %llu rows in\n", st.rows);
	dd_text_free(&k.t);
	buf_free(&k.words);
	return EXIT_OK;
}

/* ---- step 2: the links ---------------------------------------------------- */

struct member {
	char row[19];        /* 18 hex digits */
	char role;
	uint64_t exact;
	size_t words, nwords; /* in the group's buffer: decoded words (lead, cut, edges, codes) */
	size_t name, nname;   /* in the group's buffer */
};

struct group {
	struct member *m;
	size_t n, cap;
	struct buf bytes, tmp;
	char key[18];
	int open;
};

static int cmp_member(const void *x, const void *y)
{
	return memcmp(((const struct member *)x)->row, ((const struct member *)y)->row, 18);
}

static void side_of(const struct group *g, const struct member *m, struct dd_side *s)
{
	const unsigned char *p = (const unsigned char *)g->bytes.p + m->words;
	s->lead = (uint16_t)(p[0] | p[1] << 8);
	s->cut = (uint16_t)(p[2] | p[3] << 8);
	s->edges = p[4];
	s->code = (const uint16_t *)(const void *)(g->bytes.p + m->words + 6);
	s->n = (uint32_t)((m->nwords - 5) / 2);
}

static void link(struct out *o, const struct group *g, const struct member *i, const struct member *j,
		 char type)
{
	out_write(o, i->row, 18);
	out_putc(o, '\t');
	out_write(o, j->row, 18);
	out_putc(o, '\t');
	out_putc(o, type);
	out_putc(o, '\t');
	out_write(o, g->bytes.p + j->name, j->nname);
	out_endrow(o);
}

struct clusters_ctx {
	struct dd_run *r;
	struct dd_aligner *al;
	struct dd_probe probe;
	unsigned long long groups, pairs, links;
	char *first;
	size_t cfirst;
	size_t *bucket, cbucket;
};

static void flush_group(struct clusters_ctx *c, struct group *g, struct out *o)
{
	if (!g->n)
		return;
	c->groups++;
	qsort(g->m, g->n, sizeof *g->m, cmp_member);
	if (g->key[0] == 'x') {
		for (size_t i = 1; i < g->n; i++)
			if (memcmp(g->m[i].row, g->m[i - 1].row, 18)) {
				link(o, g, &g->m[i], &g->m[0], 'x');
				c->links++;
			}
	} else {
		/* the first member of each content; the others are decided by
		 * their exact links */
		if (c->cfirst < g->n) {
			c->cfirst = g->n;
			c->first = xrealloc(c->first, c->cfirst);
		}
		struct h64map seen = {0};
		for (size_t i = 0; i < g->n; i++) {
			int fresh;
			h64map_put(&seen, g->m[i].exact, &fresh);
			c->first[i] = (char)fresh;
		}
		h64map_free(&seen);
		/* the bucket: the first members (a cap of them) that offer the
		 * key, kept or not, as one process fills it (dd_index_offer) */
		unsigned cap = c->r->opts.sketch.cap;
		if (c->cbucket < g->n) {
			c->cbucket = g->n;
			c->bucket = xrealloc(c->bucket, c->cbucket * sizeof *c->bucket);
		}
		size_t nb = 0;
		for (size_t j = 0; j < g->n && (!cap || nb < cap); j++)
			if (g->m[j].role == 'i' && c->first[j])
				c->bucket[nb++] = j;
		for (size_t i = 1; i < g->n; i++) {
			struct member *mi = &g->m[i];
			if (!c->first[i])
				continue;
			struct dd_side b, a;
			side_of(g, mi, &b);
			dd_probe_set(&c->probe, &b);
			for (size_t q = 0; q < nb && c->bucket[q] < i; q++) {
				struct member *mj = &g->m[c->bucket[q]];
				side_of(g, mj, &a);
				struct dd_verdict v;
				c->pairs++;
				if (dd_verify(c->al, &c->probe, &c->r->opts.verify, &a, &b, &v)) {
					link(o, g, mi, mj, 'n');
					c->links++;
				}
			}
			dd_probe_clear(&c->probe);
		}
	}
	g->n = 0;
	buf_reset(&g->bytes);
}

/* Split a line into its n TAB-separated fields; returns how many. */
static size_t fields(char *s, size_t len, char **f, size_t *fl, size_t n)
{
	size_t k = 0;
	char *p = s, *end = s + len;
	while (k < n) {
		char *t = memchr(p, '\t', (size_t)(end - p));
		f[k] = p;
		fl[k] = (size_t)((t ? t : end) - p);
		k++;
		if (!t)
			break;
		p = t + 1;
	}
	return k;
}

int dd_run_clusters(struct dd_run *r)
{
	struct clusters_ctx c = {.r = r, .al = dd_aligner_new()};
	struct group g = {0};
	struct out *o = out_stdout;
	int nfiles = r->cli.nfiles ? r->cli.nfiles : 1;
	for (int fi = 0; fi < nfiles; fi++) {
		const char *path = r->cli.nfiles ? r->cli.files[fi] : "-";
		struct lines L = {0};
		lines_open(&L, path);
		while (lines_next(&L)) {
			char *f[6];
			size_t fl[6];
			if (fields(L.line, L.len, f, fl, 6) != 6 || fl[0] != 17 || fl[1] != 18 || fl[2] != 1 ||
			    fl[3] != 16 || fl[4] < 7)
				die_at(EXIT_TROUBLE, L.name, L.lineno,
				       "not a line of dedupe --keys (KEY ROW ROLE EXACT WORDS NAME)");
			if (!g.open || memcmp(g.key, f[0], 17)) {
				flush_group(&c, &g, o);
				memcpy(g.key, f[0], 17);
				g.open = 1;
			}
			if (g.n == g.cap) {
				g.cap = g.cap ? 2 * g.cap : 64;
				g.m = xrealloc(g.m, g.cap * sizeof *g.m);
			}
			struct member *m = &g.m[g.n++];
			memcpy(m->row, f[1], 18);
			m->row[18] = '\0';
			m->role = f[2][0];
			m->exact = strtoull(f[3], NULL, 16);
			if (get_b64(f[4], fl[4], &g.tmp) < 0 || g.tmp.len < 5 || (g.tmp.len - 5) % 2)
				die_at(EXIT_TROUBLE, L.name, L.lineno, "the words of this line are damaged");
			/* words at an even offset: a pad byte before the codes */
			if (g.bytes.len % 2)
				buf_addc(&g.bytes, 0);
			m->words = g.bytes.len;
			buf_add(&g.bytes, g.tmp.p, 5);
			buf_addc(&g.bytes, 0);
			buf_add(&g.bytes, g.tmp.p + 5, g.tmp.len - 5);
			m->nwords = g.tmp.len;
			m->name = g.bytes.len;
			m->nname = fl[5];
			buf_add(&g.bytes, f[5], fl[5]);
		}
		lines_close(&L);
		lines_free(&L);
	}
	flush_group(&c, &g, o);
	out_close(o);
	if (r->cli.stats)
		fprintf(stderr, "dedupe: --clusters: %llu groups, %llu pairs verified, %llu links\n", c.groups,
			c.pairs, c.links);
	free(g.m);
	buf_free(&g.bytes);
	buf_free(&g.tmp);
	dd_probe_free(&c.probe);
	dd_aligner_free(c.al);
	free(c.first);
	free(c.bucket);
	return EXIT_OK;
}

/* ---- step 3: apply ---------------------------------------------------------- */

struct lnk {
	char i[19], j[19];
	char type;
	uint32_t name, nname; /* in the names buffer */
};

static int cmp_link(const void *x, const void *y)
{
	const struct lnk *a = x, *b = y;
	int c = memcmp(a->i, b->i, 18);
	if (c)
		return c;
	if (a->type != b->type)
		return a->type == 'x' ? -1 : 1; /* the exact link first */
	return memcmp(a->j, b->j, 18);
}

/* A decided repeat: its row, the row it names, that row's name. */
struct decision {
	char row[19], of[19];
	uint32_t name, nname;
};

struct apply_ctx {
	struct dd_run *r;
	struct strset rows;      /* rows decided as repeats, numbered as in dec */
	struct decision *dec;
	size_t ndec;
	struct buf names, key;
};

static long find_dec(const struct apply_ctx *a, const char *row)
{
	return strset_find(&a->rows, row, 18);
}

static int apply_decide(void *ctx, const char *text, size_t n, const char *key, size_t klen,
			unsigned long long index, const char **dup, size_t *ndup)
{
	struct apply_ctx *a = ctx;
	char row[19];
	snprintf(row, sizeof row, "%08lx%010llx", a->r->part & 0xFFFFFFFFul, index);
	long d = find_dec(a, row);
	if (d < 0)
		return 0;
	*dup = a->names.p + a->dec[d].name;
	*ndup = a->dec[d].nname;
	return 1;
}

int dd_run_apply(struct dd_run *r)
{
	struct apply_ctx A = {.r = r};
	struct lnk *v = NULL;
	size_t n = 0, cap = 0;
	struct lines L = {0};
	lines_open(&L, r->links);
	while (lines_next(&L)) {
		char *f[4];
		size_t fl[4];
		if (fields(L.line, L.len, f, fl, 4) != 4 || fl[0] != 18 || fl[1] != 18 || fl[2] != 1 ||
		    (f[2][0] != 'x' && f[2][0] != 'n'))
			die_at(EXIT_USAGE, L.name, L.lineno,
			       "not a line of dedupe --clusters (ROW ROW_OF TYPE NAME_OF)");
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			v = xrealloc(v, cap * sizeof *v);
		}
		struct lnk *k = &v[n++];
		memcpy(k->i, f[0], 18);
		memcpy(k->j, f[1], 18);
		k->i[18] = k->j[18] = '\0';
		k->type = f[2][0];
		if (memcmp(k->j, k->i, 18) >= 0)
			die_at(EXIT_USAGE, L.name, L.lineno, "a link to a row that does not come first");
		k->name = (uint32_t)A.names.len;
		k->nname = (uint32_t)fl[3];
		buf_add(&A.names, f[3], fl[3]);
	}
	lines_close(&L);
	lines_free(&L);
	if (n)
		qsort(v, n, sizeof *v, cmp_link);
	/* decide in row order: only rows that links name can be repeats */
	for (size_t s = 0; s < n;) {
		size_t e = s;
		while (e < n && !memcmp(v[e].i, v[s].i, 18))
			e++;
		long chosen = -1;
		const char *of = NULL;
		uint32_t name = 0, nname = 0;
		for (size_t k = s; k < e && chosen < 0; k++) {
			if (k > s && !memcmp(v[k].j, v[k - 1].j, 18) && v[k].type == v[k - 1].type)
				continue;
			long dj = find_dec(&A, v[k].j);
			if (v[k].type == 'x') {
				/* identical to j: j, or what j repeats */
				if (dj < 0)
					of = v[k].j, name = v[k].name, nname = v[k].nname;
				else
					of = A.dec[dj].of, name = A.dec[dj].name, nname = A.dec[dj].nname;
				chosen = (long)k;
			} else if (dj < 0) { /* the earliest kept row it passes against */
				of = v[k].j, name = v[k].name, nname = v[k].nname;
				chosen = (long)k;
			}
		}
		if (chosen >= 0) {
			char ofc[19]; /* of may point into A.dec, which the realloc moves */
			memcpy(ofc, of, 19);
			if (A.ndec % 1024 == 0)
				A.dec = xrealloc(A.dec, (A.ndec + 1024) * sizeof *A.dec);
			struct decision *d = &A.dec[A.ndec++];
			memcpy(d->row, v[s].i, 19);
			memcpy(d->of, ofc, 19);
			d->name = name;
			d->nname = nname;
			strset_add(&A.rows, v[s].i, 18);
		}
		s = e;
	}
	free(v);
	struct dd_loop_stats st;
	dd_loop(r, out_stdout, 0, apply_decide, &A, &st);
	out_close(out_stdout);
	if (r->cli.stats)
		fprintf(stderr, "dedupe: --apply: %zu links, %zu repeats in all; %llu rows in, %llu out\n", n,
			A.ndec, st.rows, st.out);
	strset_free(&A.rows);
	free(A.dec);
	buf_free(&A.names);
	buf_free(&A.key);
	return EXIT_OK;
}
