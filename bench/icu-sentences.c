/* icu-sentences.c - the ICU peer of split-sentences, for bench/eval- and
 * speed-split-sentences.sh: reads the same rows (doc para text) and writes
 * the same output (the input's columns with 'sent' before the text, one
 * row per sentence), the sentences cut by ICU's BreakIterator (ubrk_open
 * UBRK_SENTENCE, locale en_US) over the UTF-8 text (a UText, so the
 * boundaries are byte offsets). The whitespace ICU leaves at the end of a
 * sentence is trimmed off it, and a sentence of whitespace only is left
 * out, as split-sentences does; 'sent' starts at 1 in every row. With -n
 * it writes no rows, only the number of sentences, to time the iterator
 * without the output. Built by make eval and make bench when pkg-config
 * finds icu-uc and icu-i18n. */
#include "cli.h"
#include "cols.h"
#include "msg.h"
#include "out.h"
#include "tsv.h"

#include <stdint.h>
#include <stdio.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

static const char usage[] =
	"usage: icu-sentences [options] [FILE]...\n"
	"Split paragraph rows into sentence rows with ICU's sentence BreakIterator\n"
	"(en_US): one row per sentence, with a 'sent' column just before the text.\n"
	"\n";
static const char options[] = "  -n                    write only the number of sentences\n";
static const char footer[] = "\nExit status: 0 success, 1 data or I/O trouble, 2 usage or ICU error.\n";

static int count_only;

static int own_opt(int opt, const char *arg, void *ctx)
{
	(void)arg, (void)ctx;
	if (opt == 'n') {
		count_only = 1;
		return 0;
	}
	return -1;
}

/* [*s, *e) without the white space at either end (U+FFFD for bad bytes is
 * not white space, so invalid UTF-8 is kept). */
static void trim(const char *p, int32_t *s, int32_t *e)
{
	const uint8_t *u = (const uint8_t *)p;
	while (*s < *e) {
		int32_t i = *s;
		UChar32 c;
		U8_NEXT(u, i, *e, c);
		if (c < 0 || !u_isUWhiteSpace(c))
			break;
		*s = i;
	}
	while (*e > *s) {
		int32_t i = *e;
		UChar32 c;
		U8_PREV(u, *s, i, c);
		if (c < 0 || !u_isUWhiteSpace(c))
			break;
		*e = i;
	}
}

int main(int argc, char **argv)
{
	struct cli C;
	struct cli_spec spec = {.name = "icu-sentences", .usage = usage, .options = options, .footer = footer,
				.shared = CLI_TSV_IN, .shortopts = "n", .fn = own_opt};
	cli_parse(argc, argv, &spec, &C);

	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en_US", NULL, 0, &st);
	if (U_FAILURE(st))
		die(EXIT_USAGE, "ubrk_open(UBRK_SENTENCE, en_US): %s", u_errorName(st));
	if (C.stats) {
		char v[U_MAX_VERSION_STRING_LENGTH];
		UVersionInfo vi;
		u_getVersion(vi);
		u_versionToString(vi, v);
		fprintf(stderr, "icu-sentences: ICU %s\n", v);
	}

	struct tsv_reader T;
	struct tsv_opts to = cli_tsv_opts(&C);
	struct out *o = out_stdout;
	if (tsv_open(&T, C.nfiles, C.files, &to) < 0) {
		ubrk_close(bi);
		out_close(o);
		return exit_status();
	}
	size_t tc = (size_t)tsv_need_col(&T, C.field);
	static const char *const added[] = {"sent"};
	struct cols cols;
	cols_init(&cols, &T, tc, COLS_INSERT, added, 1);
	if (!C.no_header && !count_only)
		cols_header(&cols, &T, o);

	struct buf text = {0};
	UText *ut = NULL;
	unsigned long long paras = 0, sents = 0;
	while (tsv_next(&T)) {
		buf_reset(&text);
		tsv_field_text(&T, tc, &text);
		paras++;
		if (text.len > INT32_MAX) {
			tsv_bad(&T, "text longer than ICU's 2 GB");
			continue;
		}
		const char *p = text.p ? text.p : "";
		ut = utext_openUTF8(ut, p, (int64_t)text.len, &st);
		ubrk_setUText(bi, ut, &st);
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "ICU: %s", u_errorName(st));
		unsigned long long k = 0;
		for (int32_t s = ubrk_first(bi), e; (e = ubrk_next(bi)) != UBRK_DONE; s = e) {
			int32_t a = s, b = e;
			trim(p, &a, &b);
			if (a == b)
				continue;
			k++;
			if (count_only)
				continue;
			cols_before(&cols, T.f, o);
			out_uint(o, k);
			out_putc(o, '\t');
			out_escaped(o, p + a, (size_t)(b - a));
			cols_after(&cols, T.f, o);
			out_endrow(o);
		}
		sents += k;
	}
	if (count_only) {
		out_uint(o, sents);
		out_endrow(o);
	}
	out_close(o);
	if (C.stats)
		fprintf(stderr, "icu-sentences: %llu paragraphs in, %llu sentences out, %llu bad rows skipped\n",
			paras, sents, T.bad);
	utext_close(ut);
	ubrk_close(bi);
	cols_free(&cols);
	tsv_close(&T);
	buf_free(&text);
	cli_free(&C);
	return exit_status();
}
