/* dd_engine.c - the keep-first filter: a text that repeats a kept text,
 * exactly (same folded text) or nearly (verified against the kept texts
 * that share a band key, the earliest passing one named), is a repeat;
 * any other text is kept. Repeats are never indexed, so a chain A ~ B ~ C
 * only makes C a repeat of A when C passes against A itself. The exact
 * table (folded text -> the kept text it is or repeats) comes first in near
 * mode too: a text identical to an earlier one is what that one was, even
 * where the verification would differ (a cut mark, a dateline: they are
 * not in the folded text), so near mode drops all that exact mode drops,
 * and the sharded mode, which links identical texts, decides the same. */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

void dd_engine_init(struct dd_engine *e, const struct dd_opts *o, const struct dd_words *w)
{
	memset(e, 0, sizeof *e);
	e->o = *o;
	e->words = w;
	dd_fptab_init(&e->exact, o->near || o->keys);
	if (o->near)
		e->al = dd_aligner_new();
}

void dd_engine_free(struct dd_engine *e)
{
	dd_fptab_free(&e->exact);
	dd_store_free(&e->store);
	dd_index_free(&e->index);
	dd_text_free(&e->text);
	dd_aligner_free(e->al);
	dd_probe_free(&e->probe);
	free(e->cand);
	free(e->ctmp);
	memset(e, 0, sizeof *e);
}

void dd_engine_input(struct dd_engine *e, const uint64_t *size, const uint64_t *read)
{
	e->in_size = size;
	e->in_read = read;
}

/* The band index sized once for the whole input, when a 64th of it is
 * read: for 70 % of the entries the rest would add at the rate seen so
 * far (entries a byte), on the sizes it would grow through anyway, so
 * that its size at the end is what growing would give - unless the rest
 * of the input makes fewer than 70 % as many entries a byte as its start
 * (mostly repeats), when it ends larger. Each text adds at most one entry
 * a band key, fewer as repeats come: the rate at the end of the stress
 * set is 0.88 of its rate at a 64th, 0.8 to 0.9 on 1M rows of our
 * generator. An index sized ahead stays far from full most of the run,
 * where each entry added shifts fewer slots and each lookup reads fewer
 * (stress set: 7 % fewer instructions than growing alone, which went
 * through 25 rehash passes; 9 % sized exactly). */
static void size_index(struct dd_engine *e)
{
	if (!e->started) {
		e->started = 1;
		e->ix_start = e->index.n;
	}
	if (e->sized || !e->in_size || !*e->in_size || *e->in_read < *e->in_size / 64 || !*e->in_read)
		return;
	e->sized = 1;
	double rate = (double)(e->index.n - e->ix_start) / (double)*e->in_read;
	double want = (double)e->index.n + rate * (double)(*e->in_size - *e->in_read) * 0.7;
	if (want > 4e9)
		want = 4e9;
	dd_index_reserve(&e->index, (size_t)want);
}

/* Sort v[0..n) ascending: insertion sort for a few, else an 8-bit radix
 * sort through tmp (n more), the passes where all ids share the byte
 * left out. */
static void sort_ids(uint32_t *v, size_t n, uint32_t **tmp, size_t *tcap)
{
	if (n <= 48) {
		for (size_t i = 1; i < n; i++) {
			uint32_t x = v[i];
			size_t j = i;
			for (; j && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	if (*tcap < n) {
		*tcap = n;
		*tmp = xrealloc(*tmp, n * sizeof **tmp);
	}
	size_t cnt[4][256];
	memset(cnt, 0, sizeof cnt);
	for (size_t i = 0; i < n; i++) {
		uint32_t x = v[i];
		cnt[0][x & 255]++;
		cnt[1][(x >> 8) & 255]++;
		cnt[2][(x >> 16) & 255]++;
		cnt[3][x >> 24]++;
	}
	uint32_t *src = v, *dst = *tmp;
	for (int p = 0; p < 4; p++) {
		size_t *c = cnt[p];
		if (c[(src[0] >> (8 * p)) & 255] == n)
			continue; /* one byte value: nothing to do */
		size_t sum = 0;
		for (int k = 0; k < 256; k++) {
			size_t x = c[k];
			c[k] = sum;
			sum += x;
		}
		for (size_t i = 0; i < n; i++)
			dst[c[(src[i] >> (8 * p)) & 255]++] = src[i];
		uint32_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
}

static void count_guard(struct dd_engine *e, const char *why)
{
	if (!why)
		return;
	if (!strcmp(why, "number"))
		e->st.guard_number++;
	else if (!strcmp(why, "negation"))
		e->st.guard_negation++;
	else if (!strcmp(why, "direction"))
		e->st.guard_direction++;
}

/* The earliest kept text sharing a key with t that t passes against, or
 * UINT32_MAX. */
static uint32_t near_match(struct dd_engine *e, const struct dd_text *t, const uint32_t *tags, unsigned nq)
{
	e->ncand = 0;
	for (unsigned k = 0; k < nq; k++) /* the lookups' cache misses at once */
		dd_index_prefetch(&e->index, tags[k]);
	for (unsigned k = 0; k < nq; k++)
		dd_index_find_tag(&e->index, tags[k], &e->cand, &e->ncand, &e->ccand);
	if (!e->ncand)
		return UINT32_MAX;
	sort_ids(e->cand, e->ncand, &e->ctmp, &e->cctmp);
	for (size_t i = 0; i < e->ncand && i < 16; i++) /* the first candidates' records */
		dd_store_prefetch(&e->store, e->cand[i]);
	struct dd_side b = {t->code, t->n, t->lead, t->cut, t->edges}, a;
	dd_probe_set(&e->probe, &b);
	/* the first candidate's words, then each next one's while this one is
	 * verified */
	dd_store_side(&e->store, e->cand[0], &a);
	dd_side_prefetch(&a);
	uint32_t prev = UINT32_MAX, found = UINT32_MAX;
	for (size_t i = 0; i < e->ncand; i++) {
		uint32_t id = e->cand[i];
		if (id == prev)
			continue;
		prev = id;
		e->st.candidates++;
		if (i + 1 < e->ncand && e->cand[i + 1] != id) {
			struct dd_side next;
			dd_store_side(&e->store, e->cand[i + 1], &next);
			dd_side_prefetch(&next);
		}
		dd_store_side(&e->store, id, &a);
		struct dd_verdict v;
		int pass = dd_verify(e->al, &e->probe, &e->o.verify, &a, &b, &v);
		e->st.verified += (unsigned)v.aligned;
		if (pass) {
			found = id;
			break;
		}
		if (v.aligned) /* the guard speaks only after an alignment */
			count_guard(e, v.why);
	}
	dd_probe_clear(&e->probe);
	return found;
}

void dd_exact_prepare(struct dd_engine *e, const char *s, size_t n, struct dd_prep *p)
{
	dd_normalize_fold(s, n, &e->text);
	p->fp = e->text.exact;
	p->empty = !e->text.fold.len;
	if (!p->empty)
		dd_fptab_prefetch(&e->exact, p->fp);
}

int dd_judge_exact(struct dd_engine *e, const struct dd_prep *p, const char *key, size_t klen, uint32_t *of)
{
	e->st.texts++;
	if (p->empty) { /* nothing to compare: never a repeat */
		*of = UINT32_MAX;
		return 0;
	}
	int fresh; /* one probe: the slot found or made */
	uint32_t *slot = dd_fptab_put(&e->exact, p->fp, &fresh);
	if (!fresh) {
		e->st.exact++;
		*of = *slot;
		return 1;
	}
	if (e->o.keys)
		*slot = dd_store_key(&e->store, key, klen);
	*of = *slot;
	e->st.kept++;
	return 0;
}

int dd_judge(struct dd_engine *e, const char *s, size_t n, const char *key, size_t klen, uint32_t *of)
{
	if (!e->o.near) {
		struct dd_prep p;
		dd_exact_prepare(e, s, n, &p);
		return dd_judge_exact(e, &p, key, klen, of);
	}
	struct dd_text *t = &e->text;
	e->st.texts++;
	dd_normalize_fold(s, n, t);
	/* the exact table's slot loads while the words are read */
	dd_fptab_prefetch(&e->exact, t->exact);
	dd_normalize_words(e->words, s, n, t);
	if (!t->fold.len) { /* nothing to compare: never a repeat */
		*of = UINT32_MAX;
		return 0;
	}
	uint32_t *v = dd_fptab_get(&e->exact, t->exact);
	if (v) {
		e->st.exact++;
		*of = *v;
		return 1;
	}
	size_index(e);
	uint64_t keys[DD_MAXKEYS];
	uint32_t tags[DD_MAXKEYS];
	unsigned ni = 0, nq = dd_sketch(&e->o.sketch, t->code, t->n, keys, &ni);
	nq = dd_index_tags(keys, nq, &ni, tags);
	uint32_t id = near_match(e, t, tags, nq);
	if (id != UINT32_MAX) {
		e->st.near++;
		for (unsigned k = 0; k < ni; k++) /* counted against the cap */
			dd_index_offer(&e->index, tags[k], DD_IX_OFFER, e->o.sketch.cap);
		*dd_fptab_put(&e->exact, t->exact, NULL) = id;
		*of = id;
		return 1;
	}
	id = dd_store_add(&e->store, t);
	if (e->o.keys)
		dd_store_key_seq(&e->store, key, klen);
	for (unsigned k = 0; k < ni; k++)
		e->st.capped += !dd_index_offer(&e->index, tags[k], id, e->o.sketch.cap);
	*dd_fptab_put(&e->exact, t->exact, NULL) = id;
	e->st.kept++;
	*of = id;
	return 0;
}

const char *dd_name_key(struct dd_engine *e, uint32_t of, size_t *n)
{
	if (!e->o.keys) {
		*n = 0;
		return "";
	}
	return e->o.near ? dd_store_key_of(&e->store, of, n) : dd_store_keyat(&e->store, of, n);
}

size_t dd_engine_bytes(const struct dd_engine *e)
{
	return dd_fptab_bytes(&e->exact) + dd_store_bytes(&e->store) + dd_index_bytes(&e->index);
}
