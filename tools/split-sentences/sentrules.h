/* sentrules.h - the word lists the splitter consults: abbreviation classes
 * (never-end, not-before-number, may-end, usually-end), sentence starters,
 * verbs and continuers, loaded from rules/sentences.yaml and -r files into
 * one common/wordset (the flags of a word are its class bits). */
#ifndef SPLIT_SENTENCES_SENTRULES_H
#define SPLIT_SENTENCES_SENTRULES_H

#include <stddef.h>

#include "rules.h"
#include "wordset.h"

enum {
	SR_NONE = 0,
	SR_NEVER = 1,   /* never ends a sentence: Mr. Gen. e.g. */
	SR_NUMERIC = 2, /* does not end one before a number: No. 5, p. 7 */
	SR_MAYEND = 3,  /* ends one only before a sentence starter: U.S. Inc. */
	SR_USUALLY = 4, /* ends one before any capital but a continuer: a.m. etc. */
	SR_CLASS = 7,   /* mask of the class bits */
	SR_STARTER = 8, /* a capitalized common word that usually starts a sentence */
	SR_LABEL = 16,  /* "Image:", "Photo:": a label that starts a new sentence */
	SR_VERB = 32,   /* "is", "will", "has": after a capitalized word, a clause began */
	SR_SPEECH = 64, /* "said", "asked": "Why?" Smith asked. is one sentence */
	SR_CONT = 128,  /* "Tuesday", "ET": goes on after a.m. and the like */
	SR_PREFIX = 256, /* "St": a may-end word that also opens names (St. Peter) */
	SR_NAMEWORD = 512, /* "Drive", "School": goes on a name (King Jr. Drive) */
	SR_JOINER = 1024, /* "the", "of", "and": a line that ends with one runs on */
	SR_SUBJECT = 2048, /* "i", "we", "can": opens a clause in lowercase text */
	SR_NOSTART = 4096, /* "of", "than": no sentence starts with it */
};

struct sent_rules {
	struct wordset words; /* word -> SR_* flags (the ws_val's cls) */
};

/* Entries are written without their final period; one final period is
 * dropped if given. A later entry moves a word to its class. */
void sr_set_class(struct sent_rules *r, const char *w, size_t n, int cls);
/* Set or clear one of the flags (SR_STARTER, SR_LABEL, SR_VERB, SR_SPEECH,
 * SR_CONT, SR_PREFIX, SR_NAMEWORD, SR_JOINER, SR_SUBJECT, SR_NOSTART) of a
 * word. */
void sr_set_flag(struct sent_rules *r, const char *w, size_t n, unsigned flag, int on);
static inline void sr_set_starter(struct sent_rules *r, const char *w, size_t n, int on)
{
	sr_set_flag(r, w, n, SR_STARTER, on);
}
static inline void sr_set_label(struct sent_rules *r, const char *w, size_t n, int on)
{
	sr_set_flag(r, w, n, SR_LABEL, on);
}
void sr_forget(struct sent_rules *r, const char *w, size_t n);
static inline unsigned sr_get(const struct sent_rules *r, const char *w, size_t n)
{
	return (unsigned)wordset_cls(&r->words, w, n);
}
/* A rules_fn for rules_load_cli: validates one file (errors are
 * file:line:col, exit 2) and adds its lists. ctx is the sent_rules. */
void sr_load_yaml(const struct ynode *root, void *ctx);
void sr_free(struct sent_rules *r);

#endif
