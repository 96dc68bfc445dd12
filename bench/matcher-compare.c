/* matcher-compare.c - the measurement behind tag-entities' matcher (issue
 * 10): a gazetteer's names in a corpus's text column, (a) the token n-gram
 * hash tag-entities uses (tokens of common/tokens.h, the engine's alias
 * table), (b) Hyperscan's literal multi-match with leftmost start and a
 * whole-word check on each match (case-sensitive, no folding). Prints the
 * load / compile time, memory and the matching CPU seconds of each. Not
 * built by make (it needs libhyperscan-dev); build and run with
 *   make && cc -O2 -D_GNU_SOURCE -Icommon -Itools/tag-entities -o /tmp/mc \
 *     bench/matcher-compare.c build/plain/engine-tag-entities.a \
 *     build/plain/libcopydesk.a -lhs -lpcre2-8 -lyaml -lutf8proc -lxxhash -lstdc++ -lm
 *   sh bench/make-gazetteer.sh 100000 > /tmp/g.tsv; /tmp/mc /tmp/g.tsv corpus.tsv
 * (corpus.tsv: rows doc, para, text, as the 100 MB corpus). */
#include "te.h"
#include "tokens.h"
#include "lines.h"
#include "tsv.h"
#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static long hs_hits;
static const char *cur; static size_t curn;
static int onmatch(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx) {
	(void)id; (void)flags; (void)ctx;
	int okl = from == 0 || !((cur[from-1] >= 'A' && cur[from-1] <= 'Z') || (cur[from-1] >= 'a' && cur[from-1] <= 'z') || (cur[from-1] >= '0' && cur[from-1] <= '9'));
	int okr = to >= curn || !((cur[to] >= 'A' && cur[to] <= 'Z') || (cur[to] >= 'a' && cur[to] <= 'z') || (cur[to] >= '0' && cur[to] <= '9'));
	if (okl && okr) hs_hits++;
	return 0;
}
int main(int argc, char **argv) {
	if (argc != 3) { fprintf(stderr, "usage: matcher-compare GAZETTEER.tsv CORPUS.tsv\n"); return 2; }
	/* the texts: the corpus's text column, unescaped */
	struct lines L = {0}; lines_open(&L, argv[2]);
	struct buf all = {0}; size_t *off = NULL; size_t nrows = 0, cap = 0;
	lines_next(&L);
	while (lines_next(&L)) {
		char *t = memchr(L.line, '\t', L.len); if (!t) continue; t = memchr(t + 1, '\t', L.len - (t + 1 - L.line)); if (!t) continue;
		if (nrows + 2 > cap) { cap = cap ? 2 * cap : 1024; off = realloc(off, cap * sizeof *off); }
		off[nrows++] = all.len; tsv_unescape(t + 1, L.len - (t + 1 - L.line), &all);
	}
	off[nrows] = all.len;
	/* (a) */
	static struct te T; te_init(&T); double t0 = cpu(); te_load_gazetteer(&T, argv[1]); te_finish(&T); double t1 = cpu();
	struct toks tk = {0}; struct buf scr = {0}; long hits = 0; double a0 = cpu();
	for (size_t r = 0; r < nrows; r++) {
		const char *s = all.p + off[r]; size_t n = off[r + 1] - off[r];
		tok_scan(s, n, &tk);
		for (size_t i = 0; i < tk.n;) {
			const struct token *k = &tk.v[i];
			if (!(k->flags & (TOK_CAP | TOK_UPPER | TOK_DIGIT))) { i++; continue; }
			uint64_t h = te_tok_hash(s + k->b, k->e - k->b, 0, &scr), best = 0;
			if (!te_may_start(&T, h)) { i++; continue; }
			size_t j = i;
			for (;;) {
				const uint64_t *v = h64map_get(&T.alias, h);
				if (!v) break;
				if (*v & ~TE_MORE) best = j - i + 1;
				if (!(*v & TE_MORE) || ++j >= tk.n) break;
				h = te_ngram(h, te_tok_hash(s + tk.v[j].b, tk.v[j].e - tk.v[j].b, 0, &scr));
			}
			if (best) { hits++; i += best; } else i++;
		}
	}
	double a1 = cpu();
	/* tokenizing alone */
	double z0 = cpu(); for (size_t r = 0; r < nrows; r++) tok_scan(all.p + off[r], off[r + 1] - off[r], &tk); double z1 = cpu();
	/* (b) */
	struct lines G = {0}; lines_open(&G, argv[1]); lines_next(&G);
	char **pats = NULL; size_t *lens = NULL; unsigned *ids = NULL, *flags = NULL; size_t np = 0, pc = 0;
	while (lines_next(&G)) {
		char *c = strrchr(G.line, '\t'); if (!c) continue;
		if (np == pc) { pc = pc ? 2 * pc : 1024; pats = realloc(pats, pc * sizeof *pats); lens = realloc(lens, pc * sizeof *lens); ids = realloc(ids, pc * sizeof *ids); flags = realloc(flags, pc * sizeof *flags); }
		lens[np] = G.len - (c + 1 - G.line); pats[np] = strndup(c + 1, lens[np]); ids[np] = np; flags[np] = HS_FLAG_SOM_LEFTMOST; np++;
	}
	double h0 = cpu(); hs_database_t *db; hs_compile_error_t *err;
	if (hs_compile_lit_multi((const char *const *)pats, flags, ids, lens, np, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) { fprintf(stderr, "hs: %s\n", err->message); return 1; }
	double h1 = cpu(); hs_scratch_t *sc = NULL; hs_alloc_scratch(db, &sc); size_t dbsize; hs_database_size(db, &dbsize);
	double s0 = cpu();
	for (size_t r = 0; r < nrows; r++) { cur = all.p + off[r]; curn = off[r + 1] - off[r]; hs_scan(db, cur, curn, 0, sc, onmatch, NULL); }
	double s1 = cpu();
	printf("text %.1f MB, %zu rows; %zu names\n", all.len / 1e6, nrows, np);
	printf("n-gram hash: load %.3f s, %.1f MB; tokens + match %.3f s (tokenizing alone %.3f s): %.0f MB/s, %ld hits\n", t1 - t0, te_bytes(&T) / 1e6, a1 - a0, z1 - z0, all.len / 1e6 / (a1 - a0), hits);
	printf("hyperscan: compile %.3f s, %.1f MB; scan %.3f s: %.0f MB/s, %ld whole-word hits (all overlapping matches, case-sensitive, no folding)\n", h1 - h0, dbsize / 1e6, s1 - s0, all.len / 1e6 / (s1 - s0), hs_hits);
	return 0;
}
