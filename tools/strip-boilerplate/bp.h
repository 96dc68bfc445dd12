/* bp.h - the engine of strip-boilerplate: named PCRE2 rules (drop a row or
 * trim part of it), per-line features (words, stopwords, punctuation,
 * capitals, digits, markup and links) and a per-document classifier that
 * uses the neighbours' classes, the position in the document and lines
 * repeated across documents. Every threshold comes from the rules file.
 * The parts: bp_rules.h (a rule), bp_params.h (the thresholds), bp_line.h
 * (a line and its features), bp_classify.h (reasons and what a run
 * remembers), bp_learn.h (--learn); the word set is common/wordset.h. */
#ifndef STRIP_BOILERPLATE_BP_H
#define STRIP_BOILERPLATE_BP_H

/* Bits of the engine's word filters (a power of two). */
#define BP_WFILTER_BITS 32768

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bp_classify.h"
#include "bp_learn.h"
#include "bp_line.h"
#include "bp_params.h"
#include "bp_rules.h"
#include "buf.h"
#include "hash.h"
#include "rules.h"
#include "wordset.h"

struct bp_config {
	struct bp_rule *rules;
	size_t nrules;
	struct bp_params p;
	struct wordset words;    /* stopwords (cls BP_STOPWORD) and rules' trigger words
				  * (bits: bit i % 64 for rule i) */
	size_t needs_max_len;    /* longest max_length of a rule with trigger words */
	/* before the word set: a filter of the words of at most 8 bytes by
	 * their packed key (BP_WFILTER_BITS bits), and one of the trigger
	 * words among them (most words of running text stop here) */
	uint64_t wfilter[BP_WFILTER_BITS / 64], tfilter[BP_WFILTER_BITS / 64];
	/* and one of the longer words by their first and last 8 bytes and
	 * length (bp_long_slot), before the string set */
	uint64_t lfilter[BP_WFILTER_BITS / 64];
	struct bp_drop *drops;   /* the drop rules (made on first use) */
	size_t ndrops;
	uint32_t *trims;         /* the indexes of the trim rules (the same) */
	size_t ntrims;
	/* with at most 64 rules, the drop rules as bit masks (bit i: rule i):
	 * those that take a row of n bytes (lenmask[n] for n < nlenmask,
	 * else lenmask_any), those without trigger words, those with strings;
	 * lenmask[nlenmask + 1 + b]: those whose match may start with byte b */
	uint64_t *lenmask, lenmask_any, noneeds, litrules;
	size_t nlenmask;
	/* frequent lines learned by --learn: their line hashes (values unused) */
	struct h64map freq;
	struct bp_run run;       /* what a run remembers across documents */
	int explain;             /* note the rules a line's shape kept from hitting (void_rule) */
};

void bp_init(struct bp_config *c);
/* The slot of a packed word key in the filters. */
static inline unsigned bp_wfilter_slot(uint64_t key)
{
	return (unsigned)((key * 0x9E3779B97F4A7C15ULL) >> 49) & (BP_WFILTER_BITS - 1);
}
/* The slot of a word of more than 8 bytes in the filter of longer words,
 * from its first and last 8 bytes with bit 5 set (which lowercases the
 * letters, digits, apostrophes and hyphens of a word, and changes none of
 * them in a lowercase one) and its length. */
static inline unsigned bp_long_slot(const char *s, size_t n)
{
	uint64_t a, b;
	memcpy(&a, s, 8);
	memcpy(&b, s + n - 8, 8);
	a |= 0x2020202020202020ULL, b |= 0x2020202020202020ULL;
	return bp_wfilter_slot((a * 0xC2B2AE3D27D4EB4FULL) ^ b ^ (uint64_t)n);
}
/* Add word s[0..n) (lowercase) of class cls and rule bits to the word set
 * and its filters. */
void bp_add_word(struct bp_config *c, const char *s, size_t n, uint64_t cls, uint64_t bits);
/* rules_fn: add one rules file's content. */
void bp_load(const struct ynode *root, void *ctx);
/* Forget what earlier documents left (repeated lines, counts of rules and
 * heuristics): a new run over other input, as if just configured. */
void bp_reset(struct bp_config *c);
void bp_free(struct bp_config *c);

/* Everything that looks at one line alone: the trim rules, the features
 * (bp_features) of what is left, then the drop rules whose trigger words
 * are there. Returns -1, or the index of a rule that hit the match limit. */
int bp_prepare(struct bp_config *c, struct bp_line *l);
/* The parts: trims; features of l->s[a..b); drops. */
int bp_apply_trims(struct bp_config *c, struct bp_line *l);
/* Give a trimmed line its whole text back (features again; the drop
 * rules' verdict on the trimmed text stands). */
void bp_undo_trim(struct bp_config *c, struct bp_line *l);
void bp_features(const struct bp_config *c, struct bp_line *l);
/* The same features from the word scan one byte at a time (for tests). */
void bp_features_ref(const struct bp_config *c, struct bp_line *l);
int bp_apply_drops(struct bp_config *c, struct bp_line *l);
/* Does line l (its features) read as a sentence: a sentence end, enough
 * words, mostly lowercase words and few numbers, a finite verb or
 * reported speech, no link, heading or "Label:" shape (or a quotation of
 * its own)? */
int bp_is_prose(const struct bp_params *p, const struct bp_line *l);
/* Classify the n lines of one document: sets keep
 * and why on each line (each line went through bp_prepare). */
void bp_classify(struct bp_config *c, struct bp_line *lines, size_t n);

/* Why line i of the n lines just classified went or stayed (bp_explain.c):
 * "key=value" words into o (reset first). */
void bp_explain(const struct bp_config *c, const struct bp_line *lines, size_t n, size_t i, struct buf *o);

/* The content words of a story's lead (bp_shared_words.c): keys of the
 * lowercase words that are not stopwords, of at least three bytes. */
#define BP_LEAD_WORDS 96
#define BP_LEAD_LINES 4
struct bp_lead {
	uint64_t key[BP_LEAD_WORDS];
	size_t n;
	/* the lines added and not yet read (read when first compared with:
	 * many leads never are) */
	const char *src[BP_LEAD_LINES];
	size_t srcn[BP_LEAD_LINES], nsrc;
};
/* Add the words of s[0..n) to lead (start with n = 0); s must stay
 * while the lead is used. */
void bp_lead_words(const struct bp_config *c, struct bp_lead *lead, const char *s, size_t n);
/* How many content words of s[0..n) the lead holds (and, in words when
 * not NULL, how many it has). */
unsigned bp_shared_words(const struct bp_config *c, struct bp_lead *lead, const char *s, size_t n,
			 unsigned *words);

/* Speaker turns (bp_turns.c): where labels take turns on the page
 * ("Q:", "A:", "NAME:"), the lines they open are reported speech, read
 * as sentences by what follows the label. */
void bp_speaker_turns(const struct bp_config *c, struct bp_line *lines, size_t n);

/* Nouns in capitals (bp_nouns.c): where the document's sentences hold
 * fewer lowercase words than English ones (German), its lines are read
 * as sentences by the document's own lowercase share. */
void bp_noun_capitals(const struct bp_config *c, struct bp_line *lines, size_t n);

/* Lines that come back (bp_repeat.c): count line hash h as seen in the
 * current document; returns the recent documents it was seen in. */
unsigned bp_seen_in_docs(struct bp_config *c, uint64_t h);
/* The set of frequent lines. */
void bp_freq_add(struct bp_config *c, uint64_t h);
int bp_freq_has(const struct bp_config *c, uint64_t h);

/* One entry of a rules file's "rules:" list (bp_rule_load.c). */
void bp_load_rule(struct bp_config *c, const struct ynode *r);

#endif
