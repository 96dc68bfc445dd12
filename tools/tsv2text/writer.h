/* writer.h - the engine of tsv2text: puts rows back together as articles,
 * to one stream (a blank line between documents) or to one file per
 * document in a directory, each written to a temporary file and renamed
 * into place when complete, so a failed run leaves no half-written file. */
#ifndef TSV2TEXT_WRITER_H
#define TSV2TEXT_WRITER_H

#include <stddef.h>

#include "buf.h"
#include "hash.h"
#include "out.h"

struct article_writer {
	const char *dir;         /* NULL: write to out_stdout */
	const char *ext;         /* file name extension, with its dot */
	int blank_lines;         /* a blank line between paragraphs */
	struct out file;         /* the current document's file (dir mode) */
	struct buf tmp_path, final_path;
	int file_open;
	struct out *o;           /* where text goes now */
	int in_doc, in_line;
	unsigned long paras_in_doc;
	struct buf doc;          /* the current document's id */
	struct buf para;         /* the current paragraph key ("" without para column) */
	unsigned long long docs, lines;
	struct strset seen;      /* documents written (dir mode) */
};

/* Why a doc id cannot name a file below w->dir (with w->ext), or NULL if
 * it can: empty, a control character, absolute, an empty, '.' or '..'
 * component, a component or the path too long. */
const char *aw_bad_doc_name(const struct article_writer *w, const char *doc, size_t n);

void aw_init(struct article_writer *w, const char *dir, const char *ext, int blank_lines);
/* Start document doc if it differs from the current one. Returns 0, or -1
 * with a message in *why when the document cannot be written (bad name, or
 * rows of a document that was already written). */
int aw_doc(struct article_writer *w, const char *doc, size_t n, const char **why);
/* Add a row's text; rows with the same paragraph key (non-NULL) are joined
 * with a space on one line, like the sentences of split-sentences. */
void aw_text(struct article_writer *w, const char *para, size_t plen, const char *text, size_t n);
/* Finish the current document (rename its file into place). */
void aw_end_doc(struct article_writer *w);
/* Remove the temporary file of an unfinished document (on error exit). */
void aw_abort(struct article_writer *w);
void aw_free(struct article_writer *w);

#endif
