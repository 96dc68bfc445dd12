/* eq.h - the extract-quotes engine: the quotations of one document (its
 * paragraphs in order) with their speakers, cues and kinds. The CLI
 * (main.c) feeds documents from common/docrows.h and writes the rows; the
 * engine sees only texts. Rules come from rules/quotes.yaml (eq_rules.c). */
#ifndef EQ_H
#define EQ_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"
#include "rules.h"
#include "wordset.h"

/* Word classes of the rules' word set (struct ws_val.cls). */
enum {
	EQ_W_CUE = 1 << 0,      /* a speech verb form; bits: EQ_CUE_BARE */
	EQ_W_TITLE = 1 << 1,    /* stripped before a name: Sen, Col, President */
	EQ_W_ROLE = 1 << 2,     /* describes a person: senator, businessman */
	EQ_W_ORG = 1 << 3,      /* ends an organisation's name: Party, campaign */
	EQ_W_PLACE = 1 << 4,    /* a place, not a speaker */
	EQ_W_MALE = 1 << 5,     /* a male first name */
	EQ_W_FEMALE = 1 << 6,   /* a female first name */
	EQ_W_FUNC = 1 << 7,     /* capitalized at a sentence start, never a name */
	EQ_W_TIME = 1 << 8,     /* Monday, March, today */
	EQ_W_SCARE = 1 << 9,    /* before a term in quotes: so-called, dubbed, the */
	EQ_W_ELISION = 1 << 10, /* 'em 'til: the apostrophe is no mark */
	EQ_W_PRON = 1 << 11,    /* a pronoun; bits = EQ_G_* | EQ_N_* | EQ_P_* */
	EQ_W_PHRASE = 1 << 12,  /* the first word of a cue phrase */
	EQ_W_PEOPLE = 1 << 13,  /* a noun for people or a text that speaks: spokesman, crowd, email */
	EQ_W_OBJVERB = 1 << 14, /* a cue whose object is the one told: told, informed */
	EQ_W_FILL = 1 << 15,    /* built in: adverbs and auxiliaries around a cue (has, also, later) */
	EQ_W_PARTICLE = 1 << 16, /* built in: de, van, bin inside a name */
	EQ_W_DEF = 1 << 17,     /* built in: the, this, his (a definite determiner) */
	EQ_W_INDEF = 1 << 18,   /* built in: a, an, one, another */
	EQ_W_TEXT = 1 << 19,    /* what speaks in writing: statement, email (with EQ_W_PEOPLE) */
	EQ_W_PREP = 1 << 20,    /* built in: of, with, by (before a name: no subject) */
	EQ_W_SUBORD = 1 << 21,  /* built in: as, when, after (a clause with a subject of its own) */
	EQ_W_TERM = 1 << 22,    /* right before a mark, makes a term, a title or a sign: so-called, dubbed, read */
};

/* The bits of an EQ_W_CUE word: the verb's bare form ('offer', 'report',
 * 'press'), which is as often a noun, unlike 'offered' (a lemma whose list
 * of forms is empty, 'según', is no bare form). Past the pronoun bits. */
#define EQ_CUE_BARE (UINT64_C(1) << 32)

/* Pronoun features (bits of an EQ_W_PRON word). */
enum {
	EQ_G_MALE = 1 << 0, EQ_G_FEMALE = 1 << 1, EQ_G_NONE = 1 << 2, /* none: it */
	EQ_N_ONE = 1 << 3, EQ_N_MANY = 1 << 4,
	EQ_P_FIRST = 1 << 5, EQ_P_SECOND = 1 << 6, EQ_P_THIRD = 1 << 7,
};

/* The features of a quote-mark pair the scorer weighs (eq_feat.c); their
 * names are the keys of `score` in the rules. */
#define EQ_FEATURES(X)                                                                   \
	X(CUE_AFTER, "cue-after")       /* '," Smith said' '," said Smith' */             \
	X(CUE_BEFORE, "cue-before")     /* 'Smith said: "' 'Smith told reporters, "' */  \
	X(COLON_BEFORE, "colon-before") /* '...: "' without a cue */                       \
	X(CUE_NEAR, "cue-near")         /* a cue in the sentence, not next to the quote */ \
	X(SENT_START, "sentence-start") /* the quote opens its sentence */                \
	X(SENT_END, "sentence-end")     /* nothing but punctuation after it */            \
	X(WHOLE_PARA, "whole-paragraph")                                                  \
	X(CAP_START, "capital-start")   /* its first word is capitalized */              \
	X(LOWER_START, "lowercase-start")                                                  \
	X(END_PUNCT, "punctuation-end") /* its last character is , . ? ! inside the marks */ \
	X(SHORT, "short")               /* 1 to 3 words */                                \
	X(MEDIUM, "medium")             /* 4 to 7 words */                                \
	X(LONG, "long")                 /* 8 words or more */                             \
	X(MULTI_SENT, "several-sentences")                                                \
	X(TITLE_CASE, "title-case")     /* every word capitalized, up to 8 words */      \
	X(TITLE_APPOS, "title-apposition") /* title case set off after a noun: 'his show, "The Apprentice,"' */ \
	X(SCARE_BEFORE, "scare-word-before") /* so-called "...", the "...", of "..." */  \
	X(TERM_BEFORE, "term-word-before") /* so-called "...", dubbed "...", a sign that read "..." */ \
	X(WORD_BEFORE, "word-before")   /* a word right before the opening mark */       \
	X(WORD_AFTER, "word-after")     /* a word right after the closing mark */        \
	X(SPLIT, "split")               /* follows a direct quote across its attribution */ \
	X(UNCLOSED, "unclosed")         /* no closing mark in the paragraph */           \
	X(CONTINUED, "continued")       /* runs on from or into another paragraph */     \
	X(INTRO_PREV, "intro-before")   /* the previous paragraph ends with ':' or a cue */ \
	X(QUOTE_PREV, "quote-before")   /* the previous paragraph holds a direct quote */ \
	X(SINGLE, "single-marks")       /* ‘...’ rather than “...” */                     \
	X(CUE_ADJ, "cue-right-before")  /* 'said "...': the cue touches the mark */        \
	X(CUE_BEFORE_LOWER, "cue-before+lowercase-start")                                    \
	X(CUE_BEFORE_END, "cue-before+sentence-end")                                         \
	X(CUE_AFTER_CAP, "cue-after+capital-start")                                          \
	X(SHORT_CUE, "short+cue")        /* a cue next to a short quotation */              \
	X(SPLIT_END, "split+sentence-end")                                                   \
	X(WORD_BEFORE_LOWER, "word-before+lowercase-start")

enum eq_feat {
#define EQ_F_ENUM(id, name) EQ_F_##id,
	EQ_FEATURES(EQ_F_ENUM)
#undef EQ_F_ENUM
	EQ_NFEAT
};
extern const char *const eq_feat_names[EQ_NFEAT];

enum eq_kind { EQ_NONE = 0, EQ_DIRECT = 1, EQ_PARTIAL = 2 };

struct eq_mark {
	int32_t cp;
	unsigned char fam;  /* 0 double, 1 single */
	unsigned char open, close;
};

struct eq_phrase {
	char *w[6]; /* lowercase words */
	size_t wl[6]; /* their lengths */
	size_t nw;
};

/* A sorted list file: its bytes, one lowercase word a line ('#' lines at
 * its top left out), each line ending in '\n'. */
struct eq_list {
	char *s;          /* the words, each ending in '\n' */
	size_t n;
	uint32_t *w;      /* where each word starts, and one past the last */
	size_t nw;
	uint32_t at[26 * 26 + 1]; /* the first word of each two first letters */
};

struct eq_rules {
	struct wordset words;
	struct eq_mark marks[64];
	size_t nmarks;
	unsigned char mark_ix[0x3010]; /* code point -> mark index + 1 (below 0x3010) */
	struct eq_phrase *phr;
	uint32_t *phkey;   /* each phrase's first word: eq_phrase_key of its length, first and last byte */
	size_t nphr, capphr;
	size_t nlemmas;
	double w[EQ_NFEAT];
	double bias, direct, partial; /* score thresholds */
	/* the signatures (ws_sig) of the words that may be a cue (EQ_W_CUE
	 * or EQ_W_PHRASE; a superset, forgotten words stay): most words of a
	 * sentence are no cue and stop here, with no look-up */
	uint64_t cue_sig[64];
	size_t cue_maxlen;
	int marks_are_quotes;  /* every mark is one tokens.h flags TOK_QUOTE */
	int sorted;
	/* long word lists read from files, sorted, looked up by binary
	 * search: everyday words (not a name when a sentence starts with one)
	 * and first names by gender (before a surname only: Denis McAlister,
	 * Wilma Sherwin; not 'Warren said') */
	struct eq_list common, male, female;
};

/* What phrase_at compares before the letters of a phrase's first word. */
static inline uint32_t eq_phrase_key(size_t n, unsigned char first, unsigned char last)
{
	return (uint32_t)(n < 0xFFFF ? n : 0xFFFF) << 16 | (uint32_t)first << 8 | last;
}

void eq_rules_init(struct eq_rules *R);
/* rules_fn for rules_load_cli: adds one file's rules (errors: file:line:col). */
void eq_rules_load(const struct ynode *root, void *ctx);
void eq_rules_free(struct eq_rules *R);
const struct eq_mark *eq_mark_of(const struct eq_rules *R, int32_t cp);
/* Does list L hold the word w (capitals folded; ASCII letters only)? */
int eq_list_has(const struct eq_list *L, const char *w, size_t n);
/* ... a common word of the rules' common-words list */
static inline int eq_common_word(const struct eq_rules *R, const char *w, size_t n)
{
	return eq_list_has(&R->common, w, n);
}

/* One paragraph of the document, unescaped; ents: the `entities` field of
 * tag-entities --inline (NULL when the input has none). */
struct eq_para_in {
	const char *s;
	size_t n;
	const char *ents;
	size_t nents;
};

/* A quotation (or one fragment of a split one). Offsets are bytes; the
 * code point offsets are what the output carries. */
struct eq_quote {
	uint32_t para, epara; /* its first and last paragraph (0-based) */
	uint32_t b, e;        /* content bytes: b in para, e in epara */
	uint32_t cb, ce;      /* code points from the start of para; ce runs on one per break */
	int kind;
	int group;            /* fragments of one quotation share it */
	double score;
	const uint8_t *f;     /* its features (EQ_NFEAT, each 0 or 1), until the next eq_doc_run */
	size_t speaker, nspeaker; /* in eq_doc.str */
	size_t id, nid;
	size_t cue, ncue;
	int spk_how;          /* how the speaker was found (EQ_SPK_*) */
	int resolved;         /* a pronoun or description: 1 resolved sure, 2 a guess, 0 as written */
};

enum { EQ_SPK_NONE, EQ_SPK_NAME, EQ_SPK_PRONOUN, EQ_SPK_DESC, EQ_SPK_INHERIT };

/* Which pronouns and descriptions get the name of whom they stand for:
 * those the text leaves no doubt about (the default), every best guess,
 * none. */
enum { EQ_RESOLVE_SURE, EQ_RESOLVE_ALL, EQ_RESOLVE_NONE };

struct eq_stats {
	unsigned long long pairs, direct, partial, rejected, attributed, unattributed;
	unsigned long long pronouns, pronouns_resolved, descriptions_resolved, entity_speakers;
	unsigned long long bad_entities;
};

/* The engine's working memory, kept from one document to the next. */
struct eq_doc {
	const struct eq_rules *R;
	struct eq_quote *q;   /* the result */
	size_t nq, capq;
	struct buf str;       /* speaker, id and cue strings */
	int explain;          /* keep kind-none pairs too */
	int as_written;       /* speakers as the text has them: titles kept, nothing resolved */
	int resolve;          /* pronouns and descriptions: EQ_RESOLVE_* */
	struct eq_stats st;
	void *in;             /* internal state (eq_doc.c) */
};

void eq_doc_init(struct eq_doc *D, const struct eq_rules *R);
void eq_doc_run(struct eq_doc *D, const struct eq_para_in *p, size_t np);
void eq_doc_free(struct eq_doc *D);

#endif
