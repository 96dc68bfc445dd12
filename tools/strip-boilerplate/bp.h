/* bp.h - the engine of strip-boilerplate: named PCRE2 rules (drop a row or
 * trim part of it), per-line features (words, stopwords, punctuation,
 * capitals, digits, markup and links) and a per-document classifier that
 * uses the neighbours' classes, the position in the document and lines
 * repeated across documents. Every threshold comes from the rules file. */
#ifndef STRIP_BOILERPLATE_BP_H
#define STRIP_BOILERPLATE_BP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bp_lits.h"
#include "buf.h"
#include "hash.h"
#include "out.h"
#include "rules.h"
#include "rx.h"
#include "wordset.h"

enum bp_action { BP_DROP, BP_TRIM, BP_OFF };

/* The class flag of a stopword in the word set. */
enum { BP_STOPWORD = 1 };

/* Words of a long line looked up for its stopword share ... */
#define BP_STOP_SAMPLE 40
/* ... a line longer than this (bytes); after them only words that may be
 * trigger words of rules are looked up. */
#define BP_SAMPLE_LEN 200
/* Title case is looked for in the first this many words of a line. */
#define BP_TITLE_WORDS 12
/* Lines longer than this (bytes) are scanned at the head and tail only
 * (when no rule with trigger words could look at them). */
#define BP_SCAN_FULL 640
#define BP_SCAN_HEAD 384
#define BP_SCAN_TAIL 96
/* Required literals shorter than this are not worth a search. */
#define BP_LIT_MIN 4

/* A 'needs' string: its length, the ASCII punctuation it holds (all must
 * be in a row for it to be there), its first code point's bit (cp % 64)
 * when it starts with one beyond ASCII, and 1 in single for a string of
 * one punctuation byte (then the punctuation bit says it all). */
struct bp_needlit {
	size_t len;
	uint64_t punct[2];
	uint64_t cpbit;
	int single;
};

/* The drop rules in order, with what decides whether they run. */
struct bp_drop {
	size_t max_len;
	uint32_t index;
	uint8_t needs, lits;
};

struct bp_rule {
	char *name;
	enum bp_action action;
	struct rx rx;
	size_t max_len;  /* apply only to rows of at most this many bytes (0: any) */
	size_t tail;     /* search only the last this many bytes (0: whole row) */
	int needs;       /* 1: runs only on lines with one of its trigger words ... */
	char **lits;     /* ... or one of these strings (needs entries that are not words) */
	size_t nlits;
	struct bp_needlit *litinfo; /* what is known of each of them */
	int inside;      /* it hits lines that sit inside articles (captions, promos) */
	int after;       /* it hits lines that come after the article (comment headers) */
	int box;         /* it heads a box of links: the lines after it up to the next good paragraph are boilerplate */
	/* from PCRE2: a row shorter than minlen bytes cannot match; an
	 * anchored pattern cannot match a row whose first byte is not in first */
	uint32_t minlen;
	int anchored_first;
	uint8_t first[32];
	/* an anchored pattern (PCRE2's partial matching): no match starts
	 * with ASCII byte c when bit c of ascii_first is clear, nor with c then
	 * the lowercase letter 'a' + k when bit k of second[c] is set (kept
	 * for patterns with few ASCII first bytes). Unlike the above, these
	 * and req are tested after a row counts as tried (--stats). */
	int anchored, has_second;
	uint64_t ascii_first[2];
	uint32_t second[128];
	/* strings one of which every match holds (bp_lits.h): a drop rule
	 * whose pattern is not anchored runs only on rows holding one */
	struct bp_lits req;
	unsigned long long hits, tries;
};

/* The heuristics' thresholds (rules file, key "heuristics"). */
struct bp_params {
	double long_words;      /* a paragraph this long (words) is prose by length */
	double good_words;      /* fewest words of a "good" paragraph */
	double near_words;      /* fewest words of a "near-good" paragraph */
	double good_stopwords;  /* share of stopwords a good paragraph needs */
	double near_stopwords;  /* ... a near-good one */
	double max_link_density;/* share of link text above which a line is links */
	double max_caps;        /* share of capitals above which a short line is a label */
	double max_digits;      /* share of digits above which a short line is data */
	double min_doc_stopwords;/* below this doc-wide stopword share, ignore stopwords */
	double title_max_words; /* a headline has at most this many words */
	double title_min_words;
	double title_stopwords; /* this many capitalized stopwords inside a sentence: title case */
	double near_weight;     /* body weight per word of a near-good line ... */
	double near_weight_nopunct; /* ... without a sentence end */
	double short_cost;      /* body cost of a short line */
	double short_run;       /* a short line lengthens a run of boilerplate by this */
	double body_run_growth; /* exponent: cost of the k-th bad line in a run is k^this */
	double image_words;     /* an image with fewer words is a caption or teaser */
	double no_text_cost;    /* body cost of a line without text (an image, a rule) */
	double inside_cost;     /* body cost of a line dropped by an 'inside' rule ... */
	double inside_decay;    /* the k-th line of a block of figure lines costs 1/(1 + this*(k-1)) */
	double inside_gap_words;/* ... plus this per word */
	double body_prefer_first; /* an earlier stretch this share of the best wins */
	double body_after_h1;   /* a stretch after the only level-1 heading this share of the best wins */
	double body_bridge_lines; /* the body goes on across this many lines ... */
	double body_bridge_words; /* ... to a stretch after it weighing this (0 lines: off) */
	double body_bridge_paragraphs;/* ... and holding this many good paragraphs */
	double body_gap_words;  /* bad words a body may bridge, per good word */
	double body_bad_line;   /* cost of one bad line inside the body */
	double repeat_min_docs; /* a short line seen in this many documents is repeated */
	double repeat_cost;     /* body cost of a repeated line (-1: as other boilerplate) */
	double label_short;     /* 1: a label (counter, number) costs the body what a short line does */
	double dup_min_words;   /* a line without a sentence end the document holds twice ... */
	double dup_max_words;   /* ... of this many words is a teaser or caption (0: off) */
	double dup_near_lines;  /* ... or any two copies this many lines apart or nearer */
	double dup_max_share;   /* ... unless this share of the lines repeat (a table) */
	double repeat_max_words;/* only lines of at most this many words count */
	double repeat_window;   /* slots in the repeated-lines table */
	double max_doc_rows;    /* rows buffered per document */
	int keep_title;         /* keep the headline before the body */
};

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
	unsigned long long reason_hits[BPR_N];
};

struct bp_config {
	struct bp_rule *rules;
	size_t nrules;
	struct bp_params p;
	struct wordset words;    /* stopwords (cls BP_STOPWORD) and rules' trigger words
				  * (bits: bit i % 64 for rule i) */
	size_t needs_max_len;    /* longest max_length of a rule with trigger words */
	struct bp_drop *drops;   /* the drop rules (made on first use) */
	size_t ndrops;
	uint32_t *trims;         /* the indexes of the trim rules (the same) */
	size_t ntrims;
	/* with at most 64 rules, the drop rules as bit masks (bit i: rule i):
	 * those that take a row of n bytes (lenmask[n] for n < nlenmask,
	 * else lenmask_any), those without trigger words, those with strings */
	uint64_t *lenmask, lenmask_any, noneeds, litrules;
	size_t nlenmask;
	/* frequent lines learned by --learn: their line hashes (values unused) */
	struct h64map freq;
	struct bp_run run;       /* what a run remembers across documents */
};

/* One line (row) of a document. */
struct bp_line {
	const char *s; /* the text (unescaped) */
	size_t n;
	/* after bp_prepare */
	int drop_rule;     /* index of the drop rule that hit, or -1 */
	int trim_rule;     /* last trim rule that cut something, or -1 */
	size_t a, b;       /* the part kept by trims: s[a..b) */
	/* features (bp_features) */
	float words, stop, links, caps, digits, titlecase;
	uint64_t rule_mask;  /* rules whose trigger words the line holds */
	uint64_t punct[2];   /* ASCII punctuation bytes the line holds */
	uint64_t hicp;       /* non-ASCII code points it holds (bit cp % 64) */
	unsigned visible;  /* visible code points */
	unsigned char ends_punct, heading, bullet, no_text, has_url;
	unsigned char image;  /* 1: an image in the line; 2: one with alt text */
	unsigned char cap_stops; /* capitalized stopwords inside a sentence (title case) */
	/* result */
	int cls;           /* internal class */
	int cls0;          /* class of the line alone (before context) */
	int keep;          /* 1: article text */
	const char *why;   /* rule or heuristic name when dropped */
	uint64_t hash;     /* normalized-line hash (repeats) */
};

void bp_init(struct bp_config *c);
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
void bp_features(const struct bp_config *c, struct bp_line *l);
int bp_apply_drops(struct bp_config *c, struct bp_line *l);
/* Classify the n lines of one document (after bp_apply_rules): sets keep
 * and why on each line (each line went through bp_prepare). */
void bp_classify(struct bp_config *c, struct bp_line *lines, size_t n);

/* The hash of a line's kept part with case, digits and ASCII punctuation
 * folded away (0 for a line without letters or digits). */
uint64_t bp_line_hash(const struct bp_line *l);
/* The set of frequent lines. */
void bp_freq_add(struct bp_config *c, uint64_t h);
int bp_freq_has(const struct bp_config *c, uint64_t h);

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
/* Count line l (after bp_prepare) as seen in document doc. */
void bp_learn_add(struct bp_learn *L, const struct bp_line *l, uint64_t doc);
/* Write "DOCS<TAB>line" for the lines seen in at least min_docs documents,
 * most frequent first, and free the table; returns the number written. */
size_t bp_learn_write(struct bp_learn *L, unsigned long long min_docs, struct out *o);

/* Scripts written without spaces between words: each character stands
 * alone (two count as a word). */
static inline int bp_is_cjk(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x0E00 && cp <= 0x0E7F) || /* Thai */
	       (cp >= 0x1000 && cp <= 0x109F);   /* Myanmar */
}

/* Lowercase s into low (at most cap bytes); returns the length, 0 if it
 * does not fit or is not valid UTF-8. */
size_t bp_lower(const char *s, size_t n, char *low, size_t cap);
#endif
