/* text2tsv.c - fuzz text2tsv's input side (tools/text2tsv/articles.c,
 * paragraphs.c): one article, or JSON lines, read from memory as the
 * program reads a file. The first byte picks the mode: bit 0 -b (blank
 * lines part paragraphs), bit 1 --jsonl, bits 2-3 --from (none, cp1252,
 * UTF-16LE, ISO-8859-1), bits 4-6 the bytes per read, bit 7 a --max-field
 * bound; --skip-bad always (without it a bad JSON line is an exit 1 by
 * design). The rest is the input; the rows go to /dev/null. */
#include "articles.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const char *const from[4] = {NULL, "CP1252", "UTF-16LE", "ISO-8859-1"};
	static const size_t chunks[8] = {0, 1, 2, 3, 5, 16, 64, 4096};
	struct articles a;
	memset(&a, 0, sizeof a);
	a.id_key = "id";
	a.text_key = "text";
	a.W.blank_lines = data[0] & 1;
	a.jsonl = (data[0] >> 1) & 1;
	a.from = from[(data[0] >> 2) & 3];
	a.skip_bad = 1;
	if (art_init(&a) < 0)
		abort(); /* the encodings above are known to iconv */
	a.W.out = fuzz_null_out();
	char *in = xmalloc(size - 1);
	memcpy(in, data + 1, size - 1);
	lines_open_mem(&a.L, in, size - 1, "fuzz");
	a.L.chunk = chunks[(data[0] >> 4) & 7];
	if (data[0] & 128) {
		a.L.max = 64;
		a.L.skip_long = 1;
	}
	art_read(&a, "fuzz", 4);
	art_free(&a);
	free(in);
	return 0;
}
