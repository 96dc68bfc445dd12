/* bp_params.h - the thresholds of strip-boilerplate's heuristics, the
 * "heuristics:" block of the rules file. One table holds every key, its
 * range and its default; the defaults are the values of the shipped
 * boilerplate.yaml (a unit test checks that they agree), so a file read
 * with --no-default-rules needs only what it changes. */
#ifndef STRIP_BOILERPLATE_BP_PARAMS_H
#define STRIP_BOILERPLATE_BP_PARAMS_H

#include <stddef.h>

#include "rules.h"

/* The heuristics' thresholds (rules file, key "heuristics"). */
struct bp_params {
	double long_words;      /* a paragraph this long (words) is prose by length ... */
	double long_lower;      /* ... with a sentence end or this share of lowercase words */
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
	double body_prose_share; /* when this share of the good lines' words reads as sentences ... */
	double body_nonprose_weight; /* ... a good line that does not weighs this share of its words */
	double body_back_words;  /* after a suspected end (a weak hit of an after rule) ... */
	double body_back_paragraphs; /* ... the body comes back with this weight and paragraphs */
	double lead_lines;      /* a good paragraph this many lines (bylines, dates) under a headline is the lead */
	double body_resume_lines; /* the body comes back across this many lines that are not the story's ... */
	double body_resume_words; /* ... to lines that are, of this many words ... */
	double body_resume_paragraphs; /* ... and sentences (0: off) */
	double body_tail_lines; /* the story's last lines after a block of this many lines (a prompt) */
	double story_label_lines; /* at most this many lines a label rule hit between story lines are the story's */
	double voice_block_lines; /* the body ends before such a block when what follows speaks to the reader */
	double alt_caption_bytes; /* a line under an image that repeats this much of its alt text is its caption */
	double table_rows;      /* a table of this many rows right after the body belongs to it */
	double roster_commas;   /* a label and this many commas: a roster line (line-ups after a report; 0: off) */
	double body_gap_words;  /* bad words a body may bridge, per good word */
	double body_bad_line;   /* cost of one bad line inside the body */
	double repeat_min_docs; /* a short line seen in this many documents is repeated */
	double repeat_cost;     /* body cost of a repeated line (-1: as other boilerplate) */
	double label_short;     /* 1: a label (counter, number) costs the body what a short line does */
	double dup_min_words;   /* a line without a sentence end the document holds twice ... */
	double dup_max_words;   /* ... of this many words is a teaser or caption (0: off) */
	double dup_near_lines;  /* ... or any two copies this many lines apart or nearer */
	double dup_teaser_lines; /* ... or this many with no good paragraph between (a dek repeated) */
	double dup_max_share;   /* ... unless this share of the lines repeat (a table) */
	double repeat_max_words;/* only lines of at most this many words count */
	double repeat_digit_words; /* a line of at most this many words that are not numbers repeats whatever its digits */
	double repeat_window;   /* slots in the repeated-lines table */
	double max_doc_rows;    /* rows buffered per document */
	double short_words;     /* a rule of shape short takes lines of at most this many words */
	double address_words;   /* a line addressing the reader less than once in this many words ... */
	double credit_words;    /* a credit beside a sentence a figure rule hit has at most this many words */
	double prose_words;     /* a line that reads as a sentence has this many words ... */
	double prose_lower;     /* ... this share of them lowercase ... */
	double prose_numeric;   /* ... at most this share numbers */
	double prose_lower_alone; /* ... and a finite verb, or this share lowercase */
	double nouns_lower;     /* a sentence's lowercase share the bars of a document that capitalizes nouns scale by (0: off) */
	int keep_title;         /* keep the headline before the body */
};

/* A numeric threshold: its key, where it lives in struct bp_params, its
 * range and its default. */
struct bp_param_key {
	const char *key;
	size_t off;
	double min, max, def;
};
extern const struct bp_param_key bp_param_keys[];
extern const size_t bp_nparam_keys;

/* Every threshold at its default (keep_title on). */
void bp_params_init(struct bp_params *p);
/* Set the thresholds a "heuristics:" mapping names (file:line:col errors,
 * exit 2, for unknown keys, duplicates and values out of range). */
void bp_params_load(struct bp_params *p, const struct ynode *h);

#endif
