/* dedupe_index.c - the band index (ordered linear probing) against a plain
 * list: every key finds exactly the ids added under it, in any order of
 * adding, through growth, a run reaching the table's end (few homes), a
 * reserve, and a copy made through its entries (as a state file does). */
#include "dd.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 88172645463325252ULL;
static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

enum { N = 60000 };
static uint64_t key[N];
static uint32_t want[N], got[N];

/* Do the ids under each of the first nk distinct keys match? */
static int same(const struct dd_index *x, const uint64_t *keys, unsigned nk, unsigned n)
{
	uint32_t *out = NULL;
	size_t cap = 0;
	int ok = 1;
	for (unsigned k = 0; k < nk && ok; k++) {
		size_t nw = 0, ng = 0;
		for (unsigned i = 0; i < n; i++)
			if (key[i] == keys[k])
				want[nw++] = i;
		dd_index_find(x, keys[k], &out, &ng, &cap);
		if (ng)
			memcpy(got, out, ng * sizeof *got);
		qsort(got, ng, sizeof *got, cmp_u32);
		ok = ng == nw && !memcmp(got, want, nw * sizeof *want);
	}
	free(out);
	return ok;
}

int main(void)
{
	/* many keys, some repeated (near copies share bands) */
	static uint64_t keys[4000];
	for (unsigned k = 0; k < 4000; k++)
		keys[k] = rnd();
	keys[7] = 0; /* a key whose tag is 0 */
	struct dd_index x;
	dd_index_init(&x);
	for (unsigned i = 0; i < N; i++) {
		key[i] = rnd() % 3 ? keys[rnd() % 4000] : rnd();
		dd_index_add(&x, key[i], i);
	}
	CHECK(x.n == N);
	CHECK(same(&x, keys, 300, N));
	uint64_t absent[50];
	for (unsigned k = 0; k < 50; k++)
		absent[k] = rnd();
	CHECK(same(&x, absent, 50, N));

	/* in order: every entry at or after its home, h ascending */
	int order = 1;
	uint32_t last = 0;
	for (size_t i = 0; i < x.cap; i++)
		if (x.h[i]) {
			order &= x.h[i] >= last;
			last = x.h[i];
		}
	CHECK(order);

	/* a copy through the entries, reserved first, finds the same */
	struct dd_index y;
	dd_index_init(&y);
	dd_index_reserve(&y, x.n);
	size_t cap0 = y.cap;
	for (size_t i = 0; i < x.cap; i++) {
		uint32_t tag, id;
		if (dd_index_entry(&x, i, &tag, &id))
			dd_index_put_tag(&y, tag, id);
	}
	CHECK(y.n == N);
	CHECK(y.cap == cap0); /* no growing while a state file is read */
	CHECK(same(&y, keys, 300, N));
	dd_index_free(&y);
	dd_index_free(&x);

	/* one key only: a single run from its home to the end, then growth */
	dd_index_init(&x);
	for (unsigned i = 0; i < 20000; i++) {
		key[i] = 0xF174D0AFu; /* h = 2^32 - 1: its home is the last slot homes reach */
		dd_index_add(&x, key[i], i);
	}
	CHECK(same(&x, key, 1, 20000));
	CHECK(x.cap < 5 * 20000); /* slots added at the end, not a table 64 times the run */
	dd_index_free(&x);

	/* the bucket cap: the first 3 offers, kept or not, fill a bucket; a
	 * near repeat (DD_IX_OFFER) is counted, never found */
	dd_index_init(&x);
	uint32_t t = dd_index_tag(0x1234567890ULL), t2 = t + 1;
	CHECK(dd_index_offer(&x, t, 5, 3) == 1);
	CHECK(dd_index_offer(&x, t, DD_IX_OFFER, 3) == 1);
	CHECK(dd_index_offer(&x, t2, 6, 3) == 1); /* another bucket beside it */
	CHECK(dd_index_offer(&x, t, 7, 3) == 1);
	CHECK(dd_index_offer(&x, t, 8, 3) == 0); /* full */
	CHECK(dd_index_offer(&x, t, DD_IX_OFFER, 3) == 0);
	CHECK(dd_index_offer(&x, t2, DD_IX_OFFER, 3) == 1);
	CHECK(dd_index_offer(&x, t2, DD_IX_OFFER, 3) == 1); /* one counting entry: 2 */
	CHECK(dd_index_offer(&x, t2, 9, 3) == 0);
	CHECK(x.n == 5); /* 5, 7, the count of t; 6, the count of t2 */
	{
		uint32_t *out = NULL;
		size_t ng = 0, cap = 0;
		dd_index_find_tag(&x, t, &out, &ng, &cap);
		CHECK(ng == 2 && out[0] == 5 && out[1] == 7);
		ng = 0;
		dd_index_find_tag(&x, t2, &out, &ng, &cap);
		CHECK(ng == 1 && out[0] == 6);
		free(out);
	}
	CHECK(dd_index_offer(&x, t, 8, 0) == 1); /* no cap: added, */
	CHECK(dd_index_offer(&x, t, DD_IX_OFFER, 0) == 0); /* nothing counted */
	dd_index_free(&x);
	/* a text's tags, each once, those to index first */
	{
		uint64_t k[4] = {1, 0x100000001ULL /* the tag of 0 */, 0, 5};
		uint32_t tags[4];
		unsigned ni = 2, nq = dd_index_tags(k, 4, &ni, tags);
		CHECK(nq == 2 && ni == 1 && tags[0] == 1 && tags[1] == 5);
	}
	return unit_done();
}
