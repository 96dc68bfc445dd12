/* sentences.c - fuzz split-sentences' segmenter (tools/split-sentences
 * without main.c) with the shipped rules/sentences.yaml, loaded once. The
 * input is rows, a paragraph a line, escaped as in the record format;
 * each is split and its sentences checked: in order, not empty, not
 * overlapping, inside the paragraph. */
#include "fuzz.h"
#include "segment.h"
#include "tsv.h"

static struct sent_rules R;
static struct fuzz_rows rows;
static struct buf text;
static struct sent_list L;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	sr_load_yaml(rules_load(fuzz_rules("sentences.yaml")), &R);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_rows_split(&rows, data, size);
	for (size_t i = 0; i < rows.nrows; i++) {
		buf_reset(&text);
		tsv_unescape(rows.v[i], rows.n[i], &text);
		char *t = xmalloc(text.len ? text.len : 1);
		memcpy(t, text.p, text.len);
		sent_split(&R, t, text.len, &L);
		size_t at = 0;
		for (size_t k = 0; k < L.n; k++) {
			const struct sent_span *sp = &L.v[k];
			if (sp->start < at || sp->end <= sp->start || sp->end > text.len)
				abort();
			at = sp->end;
		}
		free(t);
	}
	fuzz_rows_clear(&rows);
	return 0;
}
