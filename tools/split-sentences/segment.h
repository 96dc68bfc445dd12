/* segment.h - the sentence splitter: finds the sentence boundaries of one
 * paragraph with a hand-written scanner (no regex). It never changes the
 * text: a sentence is a byte range of the paragraph, without the
 * whitespace around it (whitespace between sentences, and at the start and
 * end of the paragraph, belongs to no sentence). */
#ifndef SPLIT_SENTENCES_SEGMENT_H
#define SPLIT_SENTENCES_SEGMENT_H

#include <stddef.h>

#include "sentrules.h"

struct sent_span {
	size_t start, end; /* byte offsets, end exclusive */
};

struct sent_list {
	struct sent_span *v;
	size_t n, cap;
};

/* Split s[0..n) (one paragraph, UTF-8; invalid bytes are tolerated) into
 * out (reset first). A paragraph of only whitespace has no sentences. */
void sent_split(const struct sent_rules *r, const char *s, size_t n, struct sent_list *out);
void sent_list_free(struct sent_list *l);

#endif
