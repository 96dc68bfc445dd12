/* sentrules.h - the word lists the splitter consults: abbreviation classes
 * (never-end, not-before-number, may-end) and sentence starters, loaded
 * from rules/sentences.yaml and -r files. */
#ifndef SPLIT_SENTENCES_SENTRULES_H
#define SPLIT_SENTENCES_SENTRULES_H

#include <stddef.h>

#include "rules.h"
#include "wordtab.h"

enum {
	SR_NONE = 0,
	SR_NEVER = 1,   /* never ends a sentence: Mr. Gen. e.g. */
	SR_NUMERIC = 2, /* does not end one before a number: No. 5, p. 7 */
	SR_MAYEND = 3,  /* ends one only before a sentence starter: U.S. Inc. */
	SR_CLASS = 3,   /* mask of the class bits */
	SR_STARTER = 4, /* a capitalized common word that usually starts a sentence */
	SR_LABEL = 8,   /* "Image:", "Photo:": a label that starts a new sentence */
};

struct sent_rules {
	struct wordtab words;
};

/* Entries are written without their final period; one final period is
 * dropped if given. A later entry moves a word to its class. */
void sr_set_class(struct sent_rules *r, const char *w, size_t n, int cls);
void sr_set_starter(struct sent_rules *r, const char *w, size_t n, int on);
void sr_set_label(struct sent_rules *r, const char *w, size_t n, int on);
void sr_forget(struct sent_rules *r, const char *w, size_t n);
static inline unsigned sr_get(const struct sent_rules *r, const char *w, size_t n)
{
	return wt_get(&r->words, w, n);
}
/* A rules_fn for rules_load_cli: validates one file (errors are
 * file:line:col, exit 2) and adds its lists. ctx is the sent_rules. */
void sr_load_yaml(const struct ynode *root, void *ctx);
void sr_free(struct sent_rules *r);

#endif
