/* dd_sketch.c - the keys under which a text is indexed and looked up, so
 * that only texts sharing a key are verified. Shingles are runs of
 * `shingle` word codes. Three sketches, chosen by measurement (README):
 *
 *   minhash  bands x rows independent minimums (one hash per value and
 *            shingle), a band key per band: the textbook LSH;
 *   oph      one permutation hashing: one hash per shingle picks a bin
 *            and a value, empty bins filled from the next full one
 *            (densification), then banded like minhash;
 *   bottom   the shingles with the smallest hashes: a text is indexed
 *            under its `bands` smallest and looks up its `rows` smallest.
 */
#include "dd.h"

#include <stdlib.h>
#include <string.h>

/* The hash of the shingle of two word codes a b (k = 2, the default), the
 * same for the sketch's shingles and its one-permutation bins. */
static inline uint64_t pair_hash(uint16_t a, uint16_t b)
{
	return hash_u64(((uint64_t)2 << 32 | (uint64_t)a << 16 | b) ^ 0x5851F42D4C957F2DULL);
}

/* The shingle hashes of code[0..n) into sh (n of them at most, one for a
 * text shorter than a shingle); returns how many. */
static unsigned shingles(unsigned k, const uint16_t *code, uint32_t n, uint64_t *sh, unsigned cap)
{
	if (!n)
		return 0;
	if (k < 1)
		k = 1;
	if (k > 4)
		k = 4;
	/* shingles holding a number or a long word; all of them when fewer
	 * than three such */
	unsigned ns = 0;
	uint32_t last = n >= k ? n - k + 1 : 1;
	if (k == 2 && n >= 2) { /* the default, without the inner loop */
		for (int pass = 0; pass < 2 && ns < 3; pass++) {
			ns = 0;
			for (uint32_t i = 0; i < last && ns < cap; i++) {
				uint16_t a = code[i], b = code[i + 1];
				if (pass || dd_is_telling(a) || dd_is_telling(b))
					sh[ns++] = pair_hash(a, b);
			}
		}
		return ns;
	}
	for (int pass = 0; pass < 2 && ns < 3; pass++) {
		ns = 0;
		for (uint32_t i = 0; i < last && ns < cap; i++) {
			uint64_t v = k;
			int telling = pass;
			for (unsigned j = 0; j < k && i + j < n; j++) {
				v = (v << 16) | code[i + j];
				telling |= dd_is_telling(code[i + j]);
			}
			if (telling)
				sh[ns++] = hash_u64(v ^ 0x5851F42D4C957F2DULL);
		}
	}
	return ns;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

static uint64_t band_key(unsigned band, const uint64_t *v, unsigned rows)
{
	static uint64_t seed[DD_MAXKEYS]; /* hash_u64(0x9E3779B97F4A7C15 (band + 1)), made once */
	if (!seed[0])
		for (unsigned b = 0; b < DD_MAXKEYS; b++)
			seed[b] = hash_u64(0x9E3779B97F4A7C15ULL * (b + 1));
	uint64_t h = band < DD_MAXKEYS ? seed[band] : hash_u64(0x9E3779B97F4A7C15ULL * (band + 1));
	for (unsigned r = 0; r < rows; r++)
		h = hash_u64(h ^ v[r]) + r;
	return h;
}

enum { MAXSH = 4096, MAXVAL = 256 };

/* One shingle hash h into the k bins of one permutation hashing. */
static inline void oph_put(uint64_t h, unsigned k, uint64_t *val, int *full)
{
	unsigned bin = (unsigned)(((h >> 32) * (uint64_t)k) >> 32);
	uint64_t x = h & 0xFFFFFFFFULL;
	if (x < val[bin])
		val[bin] = x;
	full[bin] = 1;
}

/* The default sketch's bins (oph, 2-word shingles, n >= 2) straight from
 * the codes: what shingles() and the loop over its hashes in dd_sketch
 * make, without the array between them. Returns the shingles taken. */
static unsigned oph_pairs(const uint16_t *code, uint32_t n, unsigned k, uint64_t *val, int *full)
{
	unsigned ns = 0;
	for (int pass = 0; pass < 2 && ns < 3; pass++) {
		for (unsigned j = 0; j < k; j++)
			val[j] = UINT64_MAX, full[j] = 0;
		ns = 0;
		for (uint32_t i = 0; i + 1 < n && ns < MAXSH; i++) {
			uint16_t a = code[i], b = code[i + 1];
			if (pass || dd_is_telling(a) || dd_is_telling(b)) {
				oph_put(pair_hash(a, b), k, val, full);
				ns++;
			}
		}
	}
	return ns;
}

unsigned dd_sketch(const struct dd_sketch_opts *o, const uint16_t *code, uint32_t n, uint64_t *keys,
		   unsigned *ni)
{
	static uint64_t sh[MAXSH];
	unsigned bands = o->bands, rows = o->rows ? o->rows : 1;
	unsigned k = bands * rows, kb = bands; /* values, and bands of minhash and oph */
	if (k > MAXVAL)
		k = MAXVAL, kb = MAXVAL / rows;
	if (kb > DD_MAXKEYS)
		kb = DD_MAXKEYS;
	uint64_t val[MAXVAL];
	int full[MAXVAL];
	*ni = 0;
	int pairs = o->kind == DD_SK_OPH && o->shingle == 2 && n >= 2;
	unsigned ns = pairs ? oph_pairs(code, n, k, val, full) : shingles(o->shingle, code, n, sh, MAXSH);
	if (!ns)
		return 0;
	if (o->kind == DD_SK_BOTTOM) {
		qsort(sh, ns, sizeof *sh, cmp_u64);
		unsigned u = 0;
		for (unsigned i = 0; i < ns; i++)
			if (!u || sh[i] != sh[u - 1])
				sh[u++] = sh[i];
		unsigned q = rows < u ? rows : u;
		if (q > DD_MAXKEYS)
			q = DD_MAXKEYS;
		for (unsigned i = 0; i < q; i++)
			keys[i] = sh[i];
		*ni = bands < q ? bands : q;
		return q;
	}
	bands = kb;
	if (o->kind == DD_SK_MINHASH) {
		for (unsigned j = 0; j < k; j++)
			val[j] = UINT64_MAX;
		for (unsigned i = 0; i < ns; i++) {
			uint64_t h = sh[i];
			for (unsigned j = 0; j < k; j++) {
				uint64_t x = hash_u64(h + 0x9E3779B97F4A7C15ULL * (j + 1));
				if (x < val[j])
					val[j] = x;
			}
		}
	} else { /* one permutation hashing with densification */
		if (!pairs) {
			for (unsigned j = 0; j < k; j++)
				val[j] = UINT64_MAX, full[j] = 0;
			for (unsigned i = 0; i < ns; i++)
				oph_put(sh[i], k, val, full);
		}
		/* an empty bin takes the next full bin's value (rotation), tagged
		 * with how far it looked: copies that lost or gained a shingle
		 * keep most of their bins (measured: fewer missed copies than
		 * densifying from hashed bins) */
		for (unsigned j = 0; j < k; j++) {
			if (full[j])
				continue;
			unsigned t = 1;
			while (!full[(j + t) % k])
				t++;
			val[j] = val[(j + t) % k] + ((uint64_t)t << 32);
		}
	}
	/* band b takes bins b, b + bands, b + 2 bands...: bins far apart, so
	 * that a bin densified from its neighbour is not in its band */
	for (unsigned b = 0; b < bands; b++) {
		uint64_t v[MAXVAL];
		for (unsigned r = 0; r < rows; r++)
			v[r] = val[b + r * bands];
		keys[b] = band_key(b, v, rows);
	}
	*ni = bands;
	return bands;
}
