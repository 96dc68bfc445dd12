/* dedupe.c - fuzz dedupe's engine (tools/dedupe without main.c) with the
 * shipped rules/dedupe.yaml, loaded once: the normalizer, the sketch and
 * the keep-first filter in exact and near mode. The first two bytes pick
 * the options: byte 0 bit 0 --near, bit 1 keep the keys (dup_of), bits
 * 2-3 --sketch (minhash, oph, bottom, oph), bits 4-5 --shingle 1..4, bits
 * 6-7 --bucket-cap (256, 0, 1, 2); byte 1 bits 0-1 --near T (0.8, 0,
 * 0.5, 1), bits 2-4 --bands, bits 5-7 --rows (the defaults, 1, 2, 3, 16,
 * 64, 255, 256: the CLI's range). The rest is rows, a text a line,
 * escaped as in the record format, each judged in turn: a repeat names
 * an earlier row (its key, when kept), a row whose text is byte for byte
 * an earlier one's (and not empty once folded) is a repeat. */
#include "dd.h"
#include "fuzz.h"
#include "tsv.h"

static struct dd_words W;
static struct fuzz_rows rows;
static struct dd_text T;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	dd_words_init(&W);
	dd_words_load(rules_load(fuzz_rules("dedupe.yaml")), &W);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	static const enum dd_sketch_kind kinds[4] = {DD_SK_MINHASH, DD_SK_OPH, DD_SK_BOTTOM, DD_SK_OPH};
	static const double near[4] = {0.8, 0, 0.5, 1};
	static const unsigned br[8] = {0, 1, 2, 3, 16, 64, 255, 256};
	static const unsigned caps[4] = {256, 0, 1, 2};
	struct dd_opts o;
	memset(&o, 0, sizeof o);
	o.near = data[0] & 1;
	o.keys = data[0] >> 1 & 1;
	o.sketch.kind = kinds[data[0] >> 2 & 3];
	o.sketch.shingle = 1 + (data[0] >> 4 & 3);
	o.sketch.cap = caps[data[0] >> 6 & 3];
	o.verify.threshold = near[data[1] & 3];
	o.verify.edge_max = 12;
	o.verify.min_match = 3;
	o.sketch.bands = br[data[1] >> 2 & 7];
	o.sketch.rows = br[data[1] >> 5 & 7];
	/* the defaults dd_run gives (dd_run.c: sketch_defaults) */
	if (!o.sketch.bands)
		o.sketch.bands = o.sketch.kind == DD_SK_BOTTOM ? 4 : 8;
	if (!o.sketch.rows)
		o.sketch.rows = o.sketch.kind == DD_SK_BOTTOM ? 8 : 2;
	if (o.near && o.sketch.kind != DD_SK_BOTTOM && o.sketch.bands * o.sketch.rows > 4096)
		o.sketch.rows = 4096 / o.sketch.bands; /* keep one input's time in bounds */
	fuzz_rows_split(&rows, data + 2, size - 2);
	struct dd_engine E;
	dd_engine_init(&E, &o, &W);
	uint64_t in_size = size, in_read = 0;
	dd_engine_input(&E, &in_size, &in_read);
	struct buf t = {0};
	char key[32];
	for (size_t i = 0; i < rows.nrows; i++) {
		buf_reset(&t);
		tsv_unescape(rows.v[i], rows.n[i], &t);
		char *s = xmalloc(t.len ? t.len : 1);
		memcpy(s, t.p, t.len);
		in_read += rows.n[i] + 1;
		/* the normalizer and the sketch alone */
		dd_normalize(&W, s, t.len, 1, &T);
		if (T.n > DD_MAXWORDS)
			abort();
		uint64_t keys[DD_MAXKEYS];
		unsigned ni = 0, nq = dd_sketch(&o.sketch, T.code, T.n, keys, &ni);
		if (nq > DD_MAXKEYS || ni > nq)
			abort();
		/* the filter */
		int klen = snprintf(key, sizeof key, "d:1:%zu", i);
		uint32_t of;
		int rep = dd_judge(&E, s, t.len, key, (size_t)klen, &of);
		if (rep && o.keys) {
			size_t n;
			const char *k = dd_name_key(&E, of, &n);
			char named[32];
			if (n < 5 || n >= sizeof named || memcmp(k, "d:1:", 4) != 0)
				abort();
			memcpy(named, k, n);
			named[n] = '\0';
			if (strtoul(named + 4, NULL, 10) >= i)
				abort();
		}
		if (!rep && E.text.fold.len)
			for (size_t j = 0; j < i; j++)
				if (rows.n[j] == rows.n[i] && !memcmp(rows.v[j], rows.v[i], rows.n[i]))
					abort();
		free(s);
	}
	buf_free(&t);
	dd_engine_free(&E);
	fuzz_rows_clear(&rows);
	return 0;
}
