/* bp_line.h - one row of a document as the engine sees it: its text, the
 * part the trim rules keep, the rules that hit, its features (words,
 * stopwords, capitals, digits, links, markup, how it ends) and, after
 * bp_classify, whether it is article text and why not. The features come
 * from bp_features.c; the line hash (bp_repeat.c) finds repeated lines. */
#ifndef STRIP_BOILERPLATE_BP_LINE_H
#define STRIP_BOILERPLATE_BP_LINE_H

#include <stddef.h>
#include <stdint.h>

/* The class flags of the word set: a stopword; a finite verb form (is,
 * was, has, will, ist, est, es, é, è ...); a verb of reported speech
 * (said, told, sagte, a dit, dijo, disse ...); a word that addresses the
 * reader (you, your, we, our, us, vous, usted, você, voi ...), or does
 * so only capitalized inside a sentence (German Sie, Ihr, Ihnen). */
enum { BP_STOPWORD = 1, BP_VERB = 2, BP_SPEECH = 4, BP_ADDRESS = 8, BP_ADDRESS_CAP = 16 };

/* Words of a long line looked up for its stopword share (of a line
 * longer than every rule with trigger words takes, fewer) ... */
#define BP_STOP_SAMPLE 40
#define BP_STOP_SAMPLE_PLAIN 24
/* ... a line longer than this (bytes); after them only words that may be
 * trigger words of rules are looked up. */
#define BP_SAMPLE_LEN 200
/* Title case is looked for in the first this many words of a line. */
#define BP_TITLE_WORDS 12
/* Lines longer than this (bytes) are scanned at the head and tail only
 * (when no rule with trigger words could look at them). */
#define BP_SCAN_FULL 320
#define BP_SCAN_HEAD 224
#define BP_SCAN_TAIL 96
/* ... at the head and the very end only, when no rule with trigger words
 * takes a line so long */
#define BP_SCAN_HEAD_PLAIN 128
#define BP_SCAN_TAIL_PLAIN 24
/* How strong the evidence of a drop rule's hit is. A weak hit (a line
 * that reads as a sentence, or a heading) drops the line only outside the
 * body of the document: inside it, it is article text. A weak hit is made
 * strong by a figure next to it (for a rule marked figure) or, for a rule
 * of shape short or any, by words addressing the reader. */
enum { BP_HIT_NONE, BP_HIT_WEAK, BP_HIT_STRONG };

/* One line (row) of a document. */
struct bp_line {
	const char *s; /* the text (unescaped) */
	size_t n;
	/* after bp_prepare */
	int drop_rule;     /* index of the drop rule that hit, or -1 */
	int void_rule;     /* (with explain) a rule that matched a line of a shape it does not take, or -1 */
	unsigned char hit; /* BP_HIT_*: the evidence of drop_rule's hit */
	int trim_rule;     /* last trim rule that cut something, or -1 */
	size_t a, b;       /* the part kept by trims: s[a..b) */
	/* features (bp_features) */
	float words, stop, links, caps, digits, titlecase;
	uint64_t rule_mask;  /* rules whose trigger words the line holds */
	uint64_t punct[2];   /* ASCII punctuation bytes the line holds */
	uint64_t hicp;       /* non-ASCII code points it holds (bit cp % 64) */
	unsigned visible;  /* visible code points */
	unsigned char ends_punct, heading, bullet, no_text, has_url;
	unsigned char list_heading; /* a list item that holds a heading ("* ## ...") */
	unsigned char image;  /* 1: an image in the line; 2: one with alt text */
	unsigned char cap_stops; /* capitalized stopwords inside a sentence (title case) */
	/* the shape of a sentence (of the words looked up: the first
	 * BP_STOP_SAMPLE of a long line): finite verbs (from the word set, and
	 * English lowercase words in -ed after the first), verbs of reported
	 * speech, words addressing the reader outside quotation marks, words
	 * starting with a lowercase letter, with a digit, commas */
	unsigned char verbs, speech, address, lower, numeric, commas, looked;
	unsigned char quote;   /* 1: quotation marks; 2: the whole line is a quotation */
	unsigned char label;   /* "Label: ..." at the start: 1 what follows is capitalized, 2 lowercase */
	unsigned char prose;   /* reads as a sentence (bp_is_prose) */
	/* result */
	int cls;           /* internal class */
	int cls0;          /* class of the line alone (before context) */
	float wt;          /* the share of its words a good line weighs in the body */
	int cls_text;      /* for a weak hit: the class of its features alone ... */
	const char *why_text; /* ... and its reason when that is boilerplate */
	int keep;          /* 1: article text */
	const char *why;   /* rule or heuristic name when dropped */
	uint64_t hash;     /* normalized-line hash (repeats) */
};

/* The hash of a line's kept part with case, digits and ASCII punctuation
 * folded away (0 for a line without letters or digits). */
uint64_t bp_line_hash(const struct bp_line *l);
struct bp_params;
/* The key of a line in the table of repeated lines, the --learn counts
 * and the frequent set: that hash when the numbers are what varies in
 * the line (a counter, a date, a time: at most repeat_digit_words words
 * that are not numbers), else the same with its digits kept, so that a
 * headline differing from another only in a figure ("rise 4.99pc",
 * "rise 3.99pc") is another line. */
uint64_t bp_line_key(const struct bp_params *p, const struct bp_line *l);

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
