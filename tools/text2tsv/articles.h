/* articles.h - the input side of text2tsv: an operand is a file (one
 * article; doc is its name without directory and extension, "stdin" for
 * standard input), a directory (walked in sorted order, hidden entries
 * left out), or, with jsonl, JSON lines (one object an article: its id
 * and text keys, parsed with jansson; a bad line is an error, or with
 * skip_bad reported and skipped). With from set, lines are converted to
 * UTF-8 through iconv (bytes with no meaning there become U+FFFD). The
 * rows go to the paragraph writer (paragraphs.h). */
#ifndef TEXT2TSV_ARTICLES_H
#define TEXT2TSV_ARTICLES_H

#include <iconv.h>

#include "buf.h"
#include "lines.h"
#include "paragraphs.h"

struct articles {
	struct para_writer W;          /* the rows, and the counts */
	int jsonl, skip_bad;
	const char *id_key, *text_key; /* JSON keys (jsonl) */
	const char *from;              /* the input's encoding; NULL: UTF-8 */
	struct lines L;                /* the input being read (L.bytes: all of them) */
	iconv_t conv;
	struct buf convbuf, docname;
	unsigned long long bad_lines;  /* JSON lines skipped */
};

/* Set up after the options are set; -1 when iconv does not know from. */
int art_init(struct articles *a);
/* Read one operand: a file, a directory, or "-". */
void art_path(struct articles *a, const char *path);
/* Read the input opened in a->L (lines_open_mem, _fd...) to its end, as the
 * article doc[0..docn) (or as JSON lines), and close it. */
void art_read(struct articles *a, const char *doc, size_t docn);
void art_free(struct articles *a);

#endif
