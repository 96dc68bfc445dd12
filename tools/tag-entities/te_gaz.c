/* te_gaz.c - the alias table: entries (id, type, priority, source), their
 * names as hashes of folded token n-grams, and the TSV gazetteer loader
 * (`-g FILE`: header `id type name`, one alias a row, extra columns
 * ignored). A name is cut into tokens by tokens.h exactly as the text is,
 * each token folded (FOLD_MATCH: accents, quotes, dashes, compatibility
 * forms; case only for fold_case entries) and hashed; the n-gram hash of
 * tokens 1..k is chained from 1..k-1, and every proper prefix is stored
 * with a "more" bit so a lookup stops as soon as no alias goes on. Keys
 * are 64-bit hashes, not the names: a false hit needs a 64-bit collision
 * (about 1 in 10^13 lookups with a million aliases). */
#include "te.h"
#include "lines.h"
#include "msg.h"
#include "tsv.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const builtin_types[] = {"PER", "ORG", "LOC", "MISC"};

void te_init(struct te *t)
{
	memset(t, 0, sizeof *t);
	for (int i = 0; i < 4; i++)
		te_type_add(t, builtin_types[i]);
	t->src_cue = te_src_add(t, "cues (titles, first names, name shapes)");
	t->src_context = te_src_add(t, "document context (short forms, earlier types)");
}

void te_free(struct te *t)
{
	for (int i = 0; i < t->ntypes; i++)
		free(t->types[i]);
	for (int i = 0; i < t->nsrc; i++)
		free(t->src[i].name);
	for (size_t i = 0; i < t->npat; i++) {
		rx_free(&t->pat[i].rx);
		free(t->pat[i].name);
		free(t->pat[i].id);
	}
	free(t->pat);
	free(t->ent);
	buf_free(&t->ids);
	h64map_free(&t->alias);
	free(t->starts.bits);
	free(t->common_f.bits);
	free(t->first_f.bits);
	free(t->common_h);
	free(t->start_h);
	free(t->spk.bits);
	free(t->spk_h);
	free(t->cue_mem);
	free(t->cue_cls);
	free(t->first_h);
	wordset_free(&t->words);
	wordset_free(&t->common);
	wordset_free(&t->first);
	wordset_free(&t->triggers);
	memset(t, 0, sizeof *t);
}

int te_type(const struct te *t, const char *name, size_t n)
{
	for (int i = 0; i < t->ntypes; i++)
		if (strlen(t->types[i]) == n && memcmp(t->types[i], name, n) == 0)
			return i;
	return -1;
}

int te_type_add(struct te *t, const char *name)
{
	int k = te_type(t, name, strlen(name));
	if (k >= 0)
		return k;
	if (t->ntypes == TE_MAX_TYPES)
		return -1;
	t->types[t->ntypes] = xstrdup(name);
	return t->ntypes++;
}

int te_src_add(struct te *t, const char *name)
{
	for (int i = 0; i < t->nsrc; i++)
		if (strcmp(t->src[i].name, name) == 0)
			return i;
	if (t->nsrc == TE_MAX_SRC)
		return TE_MAX_SRC - 1; /* the last one counts the rest */
	t->src[t->nsrc].name = xstrdup(name);
	return t->nsrc++;
}

uint32_t te_entry_add(struct te *t, const char *id, size_t idn, int type, int prio, int src)
{
	/* consecutive aliases of one entity share their entry and id */
	if (t->nent) {
		struct te_entry *l = &t->ent[t->nent - 1];
		const char *lid = t->ids.p + l->id;
		if (l->type == type && l->src == src && l->prio == prio && t->last_idlen == idn &&
		    memcmp(lid, id, idn) == 0)
			return (uint32_t)(t->nent - 1);
	}
	if (t->nent == t->capent) {
		t->capent = t->capent ? 2 * t->capent : 256;
		t->ent = xrealloc(t->ent, t->capent * sizeof *t->ent);
	}
	struct te_entry *e = &t->ent[t->nent];
	e->id = (uint32_t)t->ids.len;
	buf_add(&t->ids, id, idn);
	buf_addc(&t->ids, '\0');
	t->last_idlen = strlen(t->ids.p + e->id);
	e->type = (uint8_t)type;
	e->src = (uint8_t)src;
	e->prio = (int16_t)prio;
	return (uint32_t)t->nent++;
}

const char *te_entry_id(const struct te *t, uint32_t e) { return t->ids.p + t->ent[e].id; }

uint64_t te_tok_hash(const char *s, size_t n, int fold_case, struct buf *scratch)
{
	/* ASCII or not, and any capital, 8 bytes at a time (the last ones
	 * zero-padded: a NUL is neither) */
	uint64_t any = 0, caps = 0, lo7 = 0x7F7F7F7F7F7F7F7FULL, hi = 0x8080808080808080ULL;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t x = 0;
		if (n - i >= 8)
			memcpy(&x, s + i, 8);
		else
			for (size_t q = 0; q < n - i; q++)
				x |= (uint64_t)(unsigned char)s[i + q] << (8 * q);
		uint64_t a = x & lo7;
		any |= x;
		/* bytes of ASCII: a + 0x3F has its top bit from 'A' on, a + 0x25 from '[' on */
		caps |= (a + 0x3F3F3F3F3F3F3F3FULL) & ~(a + 0x2525252525252525ULL) & ~x & hi;
	}
	int ascii = !(any & hi), upper = caps != 0;
	uint64_t seed = fold_case ? TE_SEED_B : TE_SEED_A;
	if (ascii && (!fold_case || !upper))
		return te_hash(s, n, seed);
	if (ascii && n <= 64) { /* ASCII folds to lower case only */
		char low[64];
		for (size_t i = 0; i < n; i++)
			low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		return te_hash(low, n, seed);
	}
	buf_reset(scratch);
	fold(s, n, FOLD_MATCH | (fold_case ? FOLD_CASE : 0), scratch, NULL);
	return te_hash(scratch->p, scratch->len, seed);
}

/* The filters: one bit for the first token of every alias, so most
 * capitalized words that start no alias are turned away before a probe of
 * the big table (a cache miss); one for the common words and one for the
 * first names. */
static void filter_init(struct te_filter *f, size_t keys)
{
	size_t bits = 4096;
	while (bits < 16 * keys)
		bits *= 2;
	free(f->bits);
	f->bits = xcalloc(bits / 64, sizeof *f->bits);
	f->mask = bits - 1;
}

static void filter_add(struct te_filter *f, uint64_t h)
{
	uint64_t b = (h >> 20) & f->mask;
	f->bits[b >> 6] |= 1ULL << (b & 63);
}

static void filter_of(struct te_filter *f, uint64_t **h, size_t *n, size_t *cap)
{
	filter_init(f, *n);
	for (size_t i = 0; i < *n; i++)
		filter_add(f, (*h)[i]);
	free(*h);
	*h = NULL;
	*n = *cap = 0;
}

static void cue_put(uint64_t key, uint64_t val, void *ctx)
{
	struct te *t = ctx;
	size_t b = te_cue_bucket(t, key), j;
	for (;; b = (b + 1) & t->cue_mask) {
		for (j = 0; j < TE_CUE_B && t->cue_key[b * TE_CUE_B + j]; j++)
			;
		if (j < TE_CUE_B)
			break;
	}
	t->cue_key[b * TE_CUE_B + j] = key;
	unsigned sg = te_cue_sig(key);
	t->cue_sig[sg >> 6] |= 1ULL << (sg & 63);
	t->cue_cls[b * TE_CUE_B + j] = (uint32_t)t->words.vals[val].cls;
}

void te_finish(struct te *t)
{
	/* the cue table: two keys a bucket or fewer on the average, a slot
	 * left empty (the packed keys are never 0) */
	size_t buckets = 4;
	while (buckets * 2 < t->words.packed.n + 1)
		buckets *= 2;
	free(t->cue_mem);
	free(t->cue_cls);
	t->cue_mem = xcalloc(buckets * TE_CUE_B + 4, sizeof *t->cue_key);
	t->cue_key = (uint64_t *)(void *)(((uintptr_t)t->cue_mem + 31) & ~(uintptr_t)31);
	t->cue_cls = xcalloc(buckets * TE_CUE_B, sizeof *t->cue_cls);
	t->cue_mask = buckets - 1;
	memset(t->cue_sig, 0, sizeof t->cue_sig);
	h64map_each(&t->words.packed, cue_put, t);
	filter_of(&t->starts, &t->start_h, &t->nstart_h, &t->capstart_h);
	filter_of(&t->spk, &t->spk_h, &t->nspk_h, &t->capspk_h);
	filter_of(&t->common_f, &t->common_h, &t->ncommon_h, &t->capcommon_h);
	filter_of(&t->first_f, &t->first_h, &t->nfirst_h, &t->capfirst_h);
}

void te_note_word(struct te *t, int first, uint64_t h)
{
	uint64_t **v = first ? &t->first_h : &t->common_h;
	size_t *n = first ? &t->nfirst_h : &t->ncommon_h, *cap = first ? &t->capfirst_h : &t->capcommon_h;
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 1024;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[(*n)++] = h;
}

/* The hash of an alias's first token, for the filter of te_may_start. */
static void note_start(struct te *t, uint64_t h)
{
	if (t->nstart_h == t->capstart_h) {
		t->capstart_h = t->capstart_h ? 2 * t->capstart_h : 1024;
		t->start_h = xrealloc(t->start_h, t->capstart_h * sizeof *t->start_h);
	}
	t->start_h[t->nstart_h++] = h;
}

int te_alias_add(struct te *t, uint32_t entry, const char *name, size_t n, int fold_case,
		 const char **why)
{
	static struct toks tk;
	static struct buf scratch;
	tok_scan(name, n, &tk);
	if (!tk.n) {
		*why = "the name has no word";
		return -1;
	}
	uint64_t h = 0;
	for (size_t i = 0; i < tk.n; i++) {
		const struct token *k = &tk.v[i];
		uint64_t th = te_tok_hash(name + k->b, k->e - k->b, fold_case, &scratch);
		h = i ? te_ngram(h, th) : th;
		if (!i)
			note_start(t, th);
		if (i + 1 < tk.n) {
			uint64_t *v = h64map_put(&t->alias, h, NULL);
			*v |= TE_MORE;
		}
	}
	if (!fold_case) {
		/* the first token's folded form, as te_tok_hash hashes it */
		const char *p0 = name + tk.v[0].b;
		size_t n0 = tk.v[0].e - tk.v[0].b;
		uint64_t key = 0;
		if (tk.v[0].flags & TOK_ASCII)
			key = ws_pack(p0, n0);
		else {
			buf_reset(&scratch);
			fold(p0, n0, FOLD_MATCH, &scratch, NULL);
			key = ws_pack(scratch.p, scratch.len);
		}
		if (key) {
			if (t->nspk_h == t->capspk_h) {
				t->capspk_h = t->capspk_h ? 2 * t->capspk_h : 1024;
				t->spk_h = xrealloc(t->spk_h, t->capspk_h * sizeof *t->spk_h);
			}
			t->spk_h[t->nspk_h++] = hash_u64(key);
		}
		if (!(tk.v[0].flags & (TOK_CAP | TOK_DIGIT | TOK_UPPER))) {
			buf_reset(&scratch);
			fold(name + tk.v[0].b, tk.v[0].e - tk.v[0].b, FOLD_MATCH, &scratch, NULL);
			if (scratch.len) {
				unsigned g = ws_sig(scratch.p, scratch.len);
				t->lowstart[g >> 6] |= 1ULL << (g & 63);
			}
			t->nlowstart++;
		}
	} else
		t->any_fold_case = 1;
	if ((int)tk.n > t->max_tokens)
		t->max_tokens = (int)tk.n;
	uint64_t *v = h64map_put(&t->alias, h, NULL);
	uint64_t old = *v & ~TE_MORE;
	/* a higher priority wins; on a tie, the later definition */
	if (!old || t->ent[old - 1].prio <= t->ent[entry].prio)
		*v = (*v & TE_MORE) | (entry + 1);
	if (!old)
		t->naliases++;
	t->src[t->ent[entry].src].aliases++;
	return 0;
}

size_t te_bytes(const struct te *t)
{
	return h64map_bytes(&t->alias) + t->capent * sizeof *t->ent +
	       t->ids.cap + (t->starts.mask + t->common_f.mask + t->first_f.mask + 3) / 8 + wordset_bytes(&t->words) + wordset_bytes(&t->common) + wordset_bytes(&t->first);
}

/* ---- the TSV gazetteer ---- */

static int bad_id(const char *s, size_t n)
{
	/* the five bytes are below 64: one bit of a word each */
	const uint64_t bad = 1ULL << ';' | 1ULL << ',' | 1ULL << '\t' | 1ULL << '\n' | 1ULL << '\r';
	unsigned hit = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		hit |= (unsigned)(c < 64) & (unsigned)(bad >> (c & 63));
	}
	return hit & 1;
}

void te_load_gazetteer(struct te *t, const char *path)
{
	struct lines L = {.max = TE_LIST_LINE_MAX, .max_what = "the longest gazetteer row"};
	lines_open(&L, path);
	const char *fname = L.name;
	int ci = -1, ct = -1, cn = -1;
	size_t ncols = 0;
	struct buf id = {0}, name = {0}, type = {0};
	struct buf label = {0};
	buf_printf(&label, "gazetteer %s", path);
	int src = te_src_add(t, label.p);
	buf_free(&label);
	struct tsv_field *f = NULL;
	size_t fcap = 0;
	int hdr = 1, lastty = -1;
	size_t lastty_n = 0;
	/* size the table from the file's length: ~30 bytes a row, ~1.5 keys each */
	struct stat st;
	if (fstat(L.fd, &st) == 0 && S_ISDIR(st.st_mode))
		die(EXIT_USAGE, "%s: is a directory, not a gazetteer", path);
	if (fstat(L.fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		h64map_reserve(&t->alias, t->alias.n + (size_t)st.st_size / 20);
	while (lines_next(&L)) {
		/* split on TABs */
		size_t nf = 0;
		const char *p = L.line, *end = L.line + L.len;
		for (;;) {
			const char *q = memchr(p, '\t', (size_t)(end - p));
			if (nf == fcap) {
				fcap = fcap ? 2 * fcap : 8;
				f = xrealloc(f, fcap * sizeof *f);
			}
			f[nf].p = p;
			f[nf].n = (size_t)((q ? q : end) - p);
			nf++;
			if (!q)
				break;
			p = q + 1;
		}
		if (hdr) {
			hdr = 0;
			for (size_t i = 0; i < nf; i++) {
				if (f[i].n == 2 && memcmp(f[i].p, "id", 2) == 0)
					ci = (int)i;
				else if (f[i].n == 4 && memcmp(f[i].p, "type", 4) == 0)
					ct = (int)i;
				else if (f[i].n == 4 && memcmp(f[i].p, "name", 4) == 0)
					cn = (int)i;
			}
			if (ci < 0 || ct < 0 || cn < 0)
				die_at(EXIT_USAGE, fname, L.lineno,
				       "a gazetteer's header names the columns id, type and name "
				       "(TAB-separated); this one is '%.*s'",
				       (int)(L.len > 200 ? 200 : L.len), L.line);
			ncols = nf;
			continue;
		}
		if (L.len == 0)
			continue; /* a blank line */
		if (nf != ncols)
			die_at(EXIT_USAGE, fname, L.lineno, "%zu fields, the header has %zu", nf, ncols);
		/* a row without a backslash is its own text (most rows) */
		struct tsv_field fi = f[ci], fn = f[cn], ft = f[ct];
		if (memchr(L.line, '\\', L.len)) {
			buf_reset(&id);
			buf_reset(&name);
			buf_reset(&type);
			tsv_unescape(fi.p, fi.n, &id);
			tsv_unescape(fn.p, fn.n, &name);
			tsv_unescape(ft.p, ft.n, &type);
			fi.p = id.p, fi.n = id.len;
			fn.p = name.p, fn.n = name.len;
			ft.p = type.p ? type.p : "", ft.n = type.len;
		}
		if (u8_valid_prefix(L.line, L.len) != L.len)
			die_at(EXIT_USAGE, fname, L.lineno, "invalid UTF-8");
		if (!fi.n)
			die_at(EXIT_USAGE, fname, L.lineno, "empty id");
		if (bad_id(fi.p, fi.n))
			die_at(EXIT_USAGE, fname, L.lineno,
			       "the id '%.*s' holds ';', ',', a TAB or a line break", (int)fi.n, fi.p);
		/* mostly the type of the row before */
		int ty = lastty >= 0 && ft.n == lastty_n && memcmp(ft.p, t->types[lastty], ft.n) == 0 ? lastty
			 : ft.n ? te_type(t, ft.p, ft.n)
				: -1;
		if (ty < 0)
			die_at(EXIT_USAGE, fname, L.lineno,
			       "unknown type '%.*s' (types: PER ORG LOC MISC and those the rules "
			       "define)",
			       (int)(ft.n > 50 ? 50 : ft.n), ft.p);
		lastty = ty, lastty_n = ft.n;
		if (!fn.n)
			die_at(EXIT_USAGE, fname, L.lineno, "empty name");
		uint32_t e = te_entry_add(t, fi.p, fi.n, ty, 0, src);
		const char *why;
		if (te_alias_add(t, e, fn.p, fn.n, 0, &why) < 0)
			die_at(EXIT_USAGE, fname, L.lineno, "%s", why);
	}
	if (hdr)
		die_at(EXIT_USAGE, fname, 1, "empty gazetteer (the header id, type, name is missing)");
	lines_close(&L);
	lines_free(&L);
	free(f);
	buf_free(&id);
	buf_free(&name);
	buf_free(&type);
}
