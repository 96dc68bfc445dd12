/* entities.c - fuzz tag-entities' tagger (tools/tag-entities without
 * main.c) with the shipped rules/entities.yaml and its lists, loaded
 * once. The input is documents of rows: a row a line, escaped as in the
 * record format, an empty line (or "\f") between documents. Each document
 * is tagged and its mentions checked: rows in order, mentions in text
 * order inside their row and its bounds (bytes and code points), a type
 * the rules know, an id without ';' ',' TAB or a line break (the entities
 * column's separators). */
#include "fuzz.h"
#include "te.h"
#include "tsv.h"
#include "utf8.h"

static struct te T;
static struct te_tagger G;
static struct fuzz_rows rows;
static struct te_row *in;
static size_t capin;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	te_init(&T);
	te_load_yaml(rules_load(fuzz_rules("entities.yaml")), &T);
	te_finish(&T);
	te_tagger_init(&G, &T);
	return 0;
}

static void run_doc(size_t first, size_t end)
{
	size_t n = end - first;
	if (!n)
		return;
	for (size_t i = 0; i < n; i++) {
		in[i].s = fuzz_unescaped(rows.v[first + i], rows.n[first + i], &in[i].n);
	}
	te_tag_doc(&G, in, n);
	uint32_t row = 0, at = 0;
	for (size_t k = 0; k < G.nm; k++) {
		const struct te_mention *m = &G.m[k];
		if (m->row < row || m->row >= n)
			abort();
		if (m->row > row)
			row = m->row, at = 0;
		size_t len = in[m->row].n;
		if (m->b < at || m->e <= m->b || m->e > len || m->cb >= m->ce)
			abort();
		if (m->ce > u8_count(in[m->row].s, len))
			abort();
		if (m->type >= T.ntypes)
			abort();
		const char *id = te_mention_id(&G, m);
		if (!id || strpbrk(id, ";,\t\n\r"))
			abort();
		at = m->e;
	}
	for (size_t i = 0; i < n; i++)
		free((char *)in[i].s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_rows_split(&rows, data, size);
	if (rows.nrows > capin) {
		capin = rows.nrows;
		in = xrealloc(in, capin * sizeof *in);
	}
	size_t first = 0;
	for (size_t i = 0; i <= rows.nrows; i++)
		if (i == rows.nrows || fuzz_doc_break(&rows, i)) {
			run_doc(first, i);
			first = i + 1;
		}
	fuzz_rows_clear(&rows);
	return 0;
}
