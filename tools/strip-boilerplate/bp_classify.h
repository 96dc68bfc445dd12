/* bp_classify.h - the names of the heuristics that make a line
 * boilerplate (the 'boilerplate' column shows them), and what a run
 * remembers from one document to the next (the short lines of recent
 * documents, the counts --stats prints). */
#ifndef STRIP_BOILERPLATE_BP_CLASSIFY_H
#define STRIP_BOILERPLATE_BP_CLASSIFY_H

#include <stdint.h>

#include "hash.h"

/* The class of a line: boilerplate, short (context decides), near-good,
 * good (a paragraph of prose). */
enum bp_class { BPC_BAD, BPC_SHORT, BPC_NEAR, BPC_GOOD };

/* Heuristic reasons (the boilerplate column names them). */
enum bp_reason {
	BPR_NONE = 0,
	BPR_NO_TEXT,   /* markup, images or punctuation only */
	BPR_LINKS,     /* mostly link text */
	BPR_IMAGE,     /* an image with a few words: caption, teaser */
	BPR_LABEL,     /* short capitals/digits label, counter or timestamp */
	BPR_SHORT,     /* short line the context makes boilerplate */
	BPR_HEAD,      /* before the body */
	BPR_TAIL,      /* after the body */
	BPR_REPEATED,  /* repeated across recent documents */
	BPR_FREQUENT,  /* in the list of frequent lines (--frequent) */
	BPR_TITLE,     /* the headline (only with keep_title off) */
	BPR_DUPLICATE, /* a line without a sentence end that the document repeats */
	BPR_N
};
extern const char *const bp_reason_names[BPR_N];

/* What a run remembers from one document to the next, and counts:
 * bp_reset starts a new run with the same configuration. */
struct bp_run {
	/* the short lines of recent documents: line hash -> {documents it
	 * was seen in, the last of them} (repeat_window slots) */
	struct h64cache rep;
	uint64_t doc_seq;        /* documents classified */
	/* the last document's body (lines body_start .. body_end - 1; equal:
	 * none) and headline (title; n when none), for --explain */
	size_t body_start, body_end, title;
	unsigned long long reason_hits[BPR_N];
};

#endif
