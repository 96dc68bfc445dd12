/* bp_learn.h - the --learn pass of strip-boilerplate: for every short line
 * (after the trims), the documents it appears in; the lines met in
 * several documents are written out for --frequent. */
#ifndef STRIP_BOILERPLATE_BP_LEARN_H
#define STRIP_BOILERPLATE_BP_LEARN_H

#include <stddef.h>
#include <stdint.h>

#include "bp_line.h"
#include "bp_params.h"
#include "buf.h"
#include "hash.h"
#include "out.h"

/* The --learn pass: documents per short line. */
struct bp_learn_entry {
	unsigned long long docs; /* documents the line was seen in */
	uint64_t last_doc;
	size_t text, len;        /* its first spelling, in the text buffer */
};
struct bp_learn {
	struct h64map index;     /* line hash -> entry */
	struct bp_learn_entry *e;
	size_t n, cap;
	struct buf text;
};
/* Count line l (after bp_prepare) as seen in document doc (by its key,
 * bp_line_key with thresholds p). */
void bp_learn_add(struct bp_learn *L, const struct bp_params *p, const struct bp_line *l, uint64_t doc);
/* Write "DOCS<TAB>line" for the lines seen in at least min_docs documents,
 * most frequent first, and free the table; returns the number written. */
size_t bp_learn_write(struct bp_learn *L, unsigned long long min_docs, struct out *o);

#endif
