/* articles.h - the input side of text2tsv. The operands are gathered
 * first: a file (one article; its doc id is its name without extension,
 * "stdin" for standard input) or a directory (walked in sorted order,
 * hidden entries left out, only files with one of exts' extensions when
 * exts is set; the doc id of a file is its path below the directory,
 * without extension: site1/index). Doc ids are unique in a run: two inputs
 * with one id are an error before anything is read. Then each is read: a
 * file that cannot be opened is reported and skipped (status 1 at the
 * end), a file with a NUL byte in its first ART_PEEK bytes is not text and
 * is skipped (counted, one message at the end). With jsonl each line is a
 * JSON object holding an article: its id and text keys, parsed with
 * jansson; a bad line (no such keys, an id empty, longer than ART_ID_MAX
 * bytes or used before) is an error, or with skip_bad reported and
 * skipped. With from set, lines are converted to UTF-8 through iconv
 * (bytes with no meaning there become U+FFFD, counted). The rows go to the
 * paragraph writer (paragraphs.h). A document whose lines look
 * hard-wrapped (para_end_doc) gets one warning with a hint (-b, or join
 * the lines first); later ones are counted, one message at the end. */
#ifndef TEXT2TSV_ARTICLES_H
#define TEXT2TSV_ARTICLES_H

#include <iconv.h>

#include "buf.h"
#include "hash.h"
#include "lines.h"
#include "paragraphs.h"

enum {
	ART_PEEK = 4096,   /* bytes looked at for a NUL (binary files) */
	ART_ID_MAX = 1024, /* longest JSON document id, in bytes */
};

struct art_input {
	size_t path, doc, docn; /* in the arena */
};

struct articles {
	struct para_writer W;          /* the rows, and the counts */
	int jsonl, skip_bad;
	const char *id_key, *text_key; /* JSON keys (jsonl) */
	const char *from;              /* the input's encoding; NULL: UTF-8 */
	struct lines L;                /* the input being read (L.bytes: all of them) */
	const char *exts;              /* "txt,md": the files read in directories (NULL: all) */
	iconv_t conv;
	struct buf convbuf;
	struct buf arena;              /* the inputs' paths and doc ids */
	struct art_input *in;
	size_t nin, capin;
	struct h64map json_ids;        /* hashes of the JSON ids met */
	unsigned long long bad_lines;  /* JSON lines skipped */
	unsigned long long not_text;   /* files skipped as not text */
	struct buf first_not_text;
	unsigned long long wrapped;    /* documents that looked hard-wrapped */
};

/* Set up after the options are set; -1 when iconv does not know from. */
int art_init(struct articles *a);
/* Gather one operand: a file, a directory, or "-". */
void art_add(struct articles *a, const char *path);
/* Check the doc ids and read every input gathered, in order. */
void art_run(struct articles *a);
/* Read the input opened in a->L (lines_open_mem, _fd...) to its end, as the
 * article doc[0..docn) (or as JSON lines), and close it. */
void art_read(struct articles *a, const char *doc, size_t docn);
void art_free(struct articles *a);

#endif
