/* paragraphs.h - the engine of text2tsv: turns the lines of an article into
 * paragraph rows (doc, para, text). A paragraph is a non-blank line, or with
 * blank_lines a run of lines up to a blank line, joined with one space.
 * Whitespace at both ends is trimmed (ASCII only: a no-break space is kept),
 * invalid UTF-8 is replaced with U+FFFD and counted. */
#ifndef TEXT2TSV_PARAGRAPHS_H
#define TEXT2TSV_PARAGRAPHS_H

#include <stddef.h>

#include "buf.h"
#include "out.h"

struct para_writer {
	struct out *out;
	int blank_lines;         /* paragraphs are separated by blank lines */
	struct buf doc;          /* escaped doc id of the current document */
	struct buf cur;          /* paragraph being built (blank_lines mode) */
	struct buf fixed;        /* scratch for UTF-8 repair */
	unsigned long para;      /* paragraphs written in this document */
	/* hard-wrap evidence in this document (one row per line mode): lines,
	 * lines that go on with a lowercase word from an open line before,
	 * blank lines; para_end_doc sets wrapped when they look hard-wrapped */
	unsigned long lines, continued, blanks;
	int prev_open, wrapped;
	unsigned long long rows, docs, repaired;
};

void para_begin_doc(struct para_writer *w, const char *doc, size_t len);
/* Feed one line of the document (without its newline). */
void para_line(struct para_writer *w, const char *s, size_t n);
/* Feed a whole text: split on "\n" (a "\r" before it is dropped). */
void para_text(struct para_writer *w, const char *s, size_t n);
/* Ends the document; w->wrapped is then 1 when its lines look like
 * paragraphs wrapped at a fixed width (one row per line would cut their
 * sentences): at least 3 lines, and a fifth of them, begin with a
 * lowercase letter after a line of 30+ bytes that does not end a sentence. */
void para_end_doc(struct para_writer *w);
void para_free(struct para_writer *w);

#endif
