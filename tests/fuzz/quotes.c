/* quotes.c - fuzz extract-quotes' engine (tools/extract-quotes without
 * main.c) with the shipped rules/quotes.yaml, loaded once. The first byte
 * picks the options: bit 0 rows carry an `entities` column (what follows
 * the row's first TAB, unescaped, given to the engine unchecked, so its
 * parser of that column sees anything), bit 1 --all-pairs, bit 2
 * --as-written, bits 3-4 --resolve (sure, all, none). The rest is
 * documents of rows: a row a line, escaped as in the record format, an
 * empty line (or "\f") between documents. The quotations are checked:
 * paragraphs in range and in order, offsets inside their paragraphs, the
 * strings inside the engine's string buffer. */
#include "eq.h"
#include "fuzz.h"
#include "tsv.h"

static struct eq_rules R;
static struct eq_doc D;
static struct fuzz_rows rows;
static struct eq_para_in *in;
static size_t capin;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	eq_rules_init(&R);
	eq_rules_load(rules_load(fuzz_rules("quotes.yaml")), &R);
	eq_doc_init(&D, &R);
	return 0;
}


static void run_doc(size_t first, size_t end, int ents)
{
	size_t n = end - first;
	if (!n)
		return;
	for (size_t i = 0; i < n; i++) {
		const char *r = rows.v[first + i];
		size_t rn = rows.n[first + i];
		const char *tab = ents ? memchr(r, '\t', rn) : NULL;
		size_t tn = tab ? (size_t)(tab - r) : rn;
		in[i].s = fuzz_unescaped(r, tn, &in[i].n);
		in[i].ents = NULL;
		in[i].nents = 0;
		if (ents)
			in[i].ents = tab ? fuzz_unescaped(tab + 1, rn - tn - 1, &in[i].nents) : fuzz_unescaped("", 0, &in[i].nents);
	}
	eq_doc_run(&D, in, n);
	for (size_t k = 0; k < D.nq; k++) {
		const struct eq_quote *q = &D.q[k];
		if (q->para > q->epara || q->epara >= n)
			abort();
		if (q->b > in[q->para].n || q->e > in[q->epara].n)
			abort();
		if (q->para == q->epara && q->b > q->e)
			abort();
		if (q->speaker + q->nspeaker > D.str.len || q->id + q->nid > D.str.len ||
		    q->cue + q->ncue > D.str.len)
			abort();
	}
	for (size_t i = 0; i < n; i++) {
		free((char *)in[i].s);
		free((char *)in[i].ents);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	D.explain = data[0] >> 1 & 1;
	D.as_written = data[0] >> 2 & 1;
	D.resolve = (data[0] >> 3 & 3) % 3;
	fuzz_rows_split(&rows, data + 1, size - 1);
	if (rows.nrows > capin) {
		capin = rows.nrows;
		in = xrealloc(in, capin * sizeof *in);
	}
	size_t first = 0;
	for (size_t i = 0; i <= rows.nrows; i++)
		if (i == rows.nrows || fuzz_doc_break(&rows, i)) {
			run_doc(first, i, data[0] & 1);
			first = i + 1;
		}
	fuzz_rows_clear(&rows);
	return 0;
}
