/* te.h - the tag-entities engine: the alias table (gazetteer), the cue
 * word lists and patterns of the rules, and the tagger that turns one
 * document's rows into mentions (start, end, type, id). The CLI (main.c)
 * reads rows and writes them; nothing here sees the command line. */
#ifndef TE_H
#define TE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "buf.h"
#include "fold.h"
#include "hash.h"
#include "rules.h"
#include "rx.h"
#include "tokens.h"
#include "wordset.h"

enum { TE_MAX_TYPES = 32, TE_MAX_SRC = 256, TE_CUE_SIG = 1 << 14 };
enum { TE_PER, TE_ORG, TE_LOC, TE_MISC }; /* the first four types, always there */

/* Cue word classes (wordset cls bits); words are stored folded to lower case. */
enum {
	W_TITLE = 1 << 0,     /* President, Col., Admiral: a person follows */
	W_STOP = 1 << 1,      /* never a name by itself: The, But, Monday */
	W_SPEECH = 1 << 2,    /* said, told, added */
	W_ORG_TAIL = 1 << 3,  /* Inc., Party, Court, Command: ends an organisation */
	W_ORG_HEAD = 1 << 4,  /* Ministry, University, Bank: "... of X" goes on */
	W_LOC_TAIL = 1 << 5,  /* River, Island, County: ends a place */
	W_LOC_PREP = 1 << 6,  /* in, at, from, near: a place may follow */
	W_JOIN = 1 << 7,      /* de, van, bin, al, la: inside a name */
	W_ROLE = 1 << 8,      /* spokesman, minister: "X, a/the ROLE" is a person */
	W_FIRST = 1 << 9,     /* a first name */
	W_MISC_TAIL = 1 << 10, /* Cup, Open, Championship: ends an event name */
	W_LOC_HEAD = 1 << 11, /* Lake, Mount, Gulf: a place follows */
	W_ORG_ROLE = 1 << 12, /* company, agency, group: "X, the COMPANY" is an org */
	W_PER_SUFFIX = 1 << 13, /* Jr., Sr., III: ends a person's name */
	W_COMMON = 1 << 14,   /* a common word: capitalized alone, no evidence of a name */
	W_PER_NEXT = 1 << 15, /* "the Maduro government": a person before it */
	W_DET = 1 << 16,      /* my, his, a: a capitalized word after it is a common noun */
	W_ABBR = 1 << 17,     /* Co., Inc., Jr.: the period after it belongs to the name */
	W_ORG_NEXT = 1 << 18, /* "Brantel shares", "Lenwick chairman": an organisation before it */
	W_ORG_FORM = 1 << 19, /* Inc, SA, AG: "Brantel SA", then "Brantel" is the organisation */
};

/* One entity: canonical id (in the id arena), type, priority and where it
 * was defined (a source: a rules file's entries, a list, a -g file). */
/* A one-hash bit filter, 16 bits a key (about 6% false hits). */
struct te_filter {
	uint64_t *bits;
	size_t mask; /* bits - 1 */
};

static inline int te_filter_has(const struct te_filter *f, uint64_t h)
{
	uint64_t b = (h >> 20) & f->mask;
	return !f->bits || (f->bits[b >> 6] >> (b & 63) & 1);
}

struct te_entry {
	uint32_t id;      /* offset into ids */
	uint8_t type;
	uint8_t src;
	int16_t prio;
};

/* A pattern rule: a PCRE2 regex giving a type to a capture group, run only
 * on rows that hold one of its trigger words (or on every row). */
struct te_pattern {
	struct rx rx;
	char *name;
	int group;
	uint8_t type;
	uint8_t src;
	int id_slug; /* 1: the id is the slug of the match; 0: the fixed id */
	char *id;
	int caseless;
	const uint8_t *first; /* PCRE2's bitmap of the bytes a match may start with, or NULL */
	uint8_t firstbuf[32];
};

/* Statistics of what made each hit, for --stats and --list-rules. */
struct te_src {
	char *name;      /* "file:entries", "list FILE", "pattern NAME", "cue NAME" */
	unsigned long long hits[TE_MAX_TYPES];
	size_t aliases;
};

struct te {
	/* types */
	char *types[TE_MAX_TYPES];
	int ntypes;
	/* entries and the alias table: keys are hashes of folded token n-grams
	 * (seed A case kept, seed B case folded); the value is the entry
	 * number + 1 (0: none) and, in bit 63, "a longer alias goes on". */
	struct te_entry *ent;
	size_t nent, capent;
	struct buf ids;     /* NUL-terminated ids */
	size_t last_idlen;  /* strlen of the last entry's id */
	struct h64map alias;
	size_t naliases;
	int any_fold_case;   /* some entry folds case */
	/* cue words, and the common words (a large list of its own, consulted
	 * only for names nothing else types) */
	struct wordset words, common, first;
	/* the cue words of up to 8 bytes by their packed key (ws_pack), in
	 * buckets of TE_CUE_B keys (32 bytes, aligned: one cache line), their
	 * classes in an array beside; a key goes in the first bucket from its
	 * own with room, so a bucket with room ends a lookup */
	uint64_t *cue_key;  /* in cue_mem, aligned */
	uint32_t *cue_cls;
	void *cue_mem;
	size_t cue_mask; /* buckets - 1 */
	/* a one-hash bit filter of the cue table's keys (2 KB, stays in the
	 * first-level cache; about 4% false hits): most words asked are no
	 * cue and are answered without a load of the table's bucket */
	uint64_t cue_sig[TE_CUE_SIG / 64];
	/* first tokens of case-kept aliases that do not start with a capital
	 * or digit: a 4096-bit filter of their folded bytes' signatures */
	uint64_t lowstart[64];
	size_t nlowstart;
	/* patterns */
	struct te_pattern *pat;
	size_t npat, cappat;
	struct wordset triggers; /* word -> bit set of the patterns it triggers (first 64) */
	uint64_t untriggered;    /* patterns that run on every row */
	uint64_t on_number;      /* patterns triggered by any number (trigger '#number') */
	uint32_t trig_first[256]; /* bit n: a trigger of n bytes (31: longer) may start with this byte */
	uint64_t trig_sig[64];   /* the triggers of up to 8 bytes by their packed key (te_trig_sig) */
	/* filters in front of the big tables, small enough for the cache: the
	 * first tokens of the aliases, the common words,
	 * the first names (their folded token hashes, te_tok_hash fold_case) */
	struct te_filter starts, common_f, first_f;
	uint64_t *common_h, *first_h, *start_h; /* the hashes, while loading */
	size_t ncommon_h, nfirst_h, capcommon_h, capfirst_h, nstart_h, capstart_h;
	/* the first tokens of the case-kept aliases whose folded form packs
	 * into 8 bytes (ws_pack), by hash_u64 of the packed key: a word of
	 * ASCII of up to 8 bytes that is not in it starts no such alias,
	 * known without hashing it (te_spk_key) */
	struct te_filter spk;
	uint64_t *spk_h;
	size_t nspk_h, capspk_h;
	/* sources */
	struct te_src src[TE_MAX_SRC];
	int nsrc;
	int src_cue; /* the source counting cue-typed and guessed names */
	int src_context;
	/* options */
	int max_tokens; /* longest alias in tokens */
};

void te_init(struct te *t);
void te_free(struct te *t);
/* The type number of name, -1 when unknown; te_type_add adds it. */
int te_type(const struct te *t, const char *name, size_t n);
int te_type_add(struct te *t, const char *name);
int te_src_add(struct te *t, const char *name);

/* Add an alias of a new or existing entry (fold_case: matched whatever
 * its case). Returns 0, or -1 with *why set when the name has no token. */
int te_alias_add(struct te *t, uint32_t entry, const char *name, size_t n, int fold_case,
		 const char **why);
uint32_t te_entry_add(struct te *t, const char *id, size_t idn, int type, int prio, int src);
const char *te_entry_id(const struct te *t, uint32_t e);

/* Load the rules of one YAML root (entries, word lists, patterns, lists). */
void te_load_yaml(const struct ynode *root, void *ctx);
/* Load a TSV gazetteer (header: id type name): exits 2 with file:line on a
 * bad row. */
void te_load_gazetteer(struct te *t, const char *path);
/* After loading: the filters. */
void te_finish(struct te *t);
/* A common word (first 0) or first name (1) was added: its hash, for the filter. */
void te_note_word(struct te *t, int first, uint64_t h);
static inline int te_may_start(const struct te *t, uint64_t tokh)
{
	return te_filter_has(&t->starts, tokh);
}
/* The cue classes of a cue word of up to 8 bytes by its packed key (0:
 * none); te_finish builds the table. */
enum { TE_CUE_B = 4 };
static inline size_t te_cue_bucket(const struct te *t, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & t->cue_mask;
}
/* The bit of key in the cue filter: the product's top 14 bits (the
 * bucket takes bits from 40 on, fewer than 10 of them below 50) */
static inline unsigned te_cue_sig(uint64_t key) { return (unsigned)((key * 0x9E3779B97F4A7C15ULL) >> 50); }
static inline uint32_t te_cue_cls(const struct te *t, uint64_t key)
{
	unsigned sg = te_cue_sig(key);
	if (!(t->cue_sig[sg >> 6] >> (sg & 63) & 1))
		return 0;
	size_t b = te_cue_bucket(t, key);
	/* the keys of a bucket compared without branches (a word is a cue or
	 * not as the text goes: no guess of it holds) */
#if defined(__SSE2__)
	__m128i kk = _mm_set1_epi64x((long long)key);
#endif
	for (;;) {
		const uint64_t *k = t->cue_key + b * TE_CUE_B;
		const uint32_t *c = t->cue_cls + b * TE_CUE_B;
#if defined(__SSE2__)
		/* the four keys in two loads (the bucket is aligned), equal where
		 * both halves of a key are; the class of the one equal, or 0 */
		__m128i e0 = _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(const void *)k), kk);
		__m128i e1 = _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(const void *)(k + 2)), kk);
		e0 = _mm_and_si128(e0, _mm_shuffle_epi32(e0, _MM_SHUFFLE(2, 3, 0, 1)));
		e1 = _mm_and_si128(e1, _mm_shuffle_epi32(e1, _MM_SHUFFLE(2, 3, 0, 1)));
		unsigned m = (unsigned)_mm_movemask_pd(_mm_castsi128_pd(e0)) |
			     (unsigned)_mm_movemask_pd(_mm_castsi128_pd(e1)) << 2;
		uint32_t cls = c[__builtin_ctz(m | 8)] & (0u - (uint32_t)(m != 0));
#else
		uint32_t cls = (c[0] & (0u - (uint32_t)(k[0] == key))) | (c[1] & (0u - (uint32_t)(k[1] == key))) |
			       (c[2] & (0u - (uint32_t)(k[2] == key))) | (c[3] & (0u - (uint32_t)(k[3] == key)));
#endif
		if (__builtin_expect(!k[TE_CUE_B - 1] || cls, 1))
			return cls;
		b = (b + 1) & t->cue_mask;
	}
}
/* The bit of a trigger's packed key (ws_pack) in trig_sig: the product's top 12 bits. */
static inline unsigned te_trig_sig(uint64_t key) { return (unsigned)((key * 0x9E3779B97F4A7C15ULL) >> 52); }
/* Bytes held by the alias table, entries and ids. */
size_t te_bytes(const struct te *t);

/* Token hashing shared by the loader and the tagger: te_hash of the
 * token's bytes (case kept, seed A) or of its folded bytes (seed B). */
uint64_t te_tok_hash(const char *s, size_t n, int fold_case, struct buf *scratch);
/* The hash of a token of n = 1 to 8 bytes packed little-endian in x,
 * zero-padded (ws_pack): one mix of the key, its length and the seed. */
static inline uint64_t te_hash8(uint64_t x, size_t n, uint64_t seed)
{
	return hash_u64(x ^ ((seed << 8 | n) * 0x9E3779B97F4A7C15ULL)) | 1;
}
/* The hash of a token's bytes s[0..n): te_hash8 up to 8 bytes,
 * hash_short16 (on a copy, when the 16 bytes from s may not be read) up
 * to 16, else hash_bytes. */
static inline uint64_t te_hash(const char *s, size_t n, uint64_t seed)
{
	if (n - 1 < 8) {
		uint64_t x = 0;
		memcpy(&x, s, n);
		return te_hash8(x, n, seed);
	}
	if (n <= 16) {
		char b[16] = {0};
		memcpy(b, s, n);
		return hash_short16(b, n, seed) | 1;
	}
	return hash_bytes(s, n, seed) | 1;
}
static inline uint64_t te_ngram(uint64_t h, uint64_t tok) { return hash_u64(h * 0x9E3779B97F4A7C15ULL + tok); }
enum { TE_SEED_A = 0x5eed, TE_SEED_B = 0xf01d };
/* The longest line of a gazetteer or word list (an alias is a few words;
 * this stops a list that never ends a line, /dev/zero, with an error) */
#define TE_LIST_LINE_MAX ((size_t)1 << 20)
#define TE_MORE (1ULL << 63)

/* One mention: code point offsets in the row's text, byte offsets, type,
 * id (in the tagger's buffer), what made it. */
struct te_mention {
	uint32_t row;
	uint32_t b, e;   /* bytes */
	uint32_t cb, ce; /* code points */
	uint32_t tb, te; /* tokens [tb, te) */
	uint8_t type;
	uint8_t how;     /* enum te_how */
	uint8_t weak;    /* typed without evidence (may be retyped by context) */
	uint16_t src;
	uint32_t ent;    /* entry + 1 of a list hit, else 0 */
	uint32_t id;     /* offset into the tagger's id buffer, or TE_ID_ENTRY | the
			  * entry whose id it is (TE_NO_ID: not yet) */
};
#define TE_NO_ID UINT32_MAX
#define TE_ID_ENTRY 0x80000000u

enum te_how { HOW_LIST, HOW_PATTERN, HOW_CUE, HOW_GUESS, HOW_CONTEXT };

/* The tagger of one document at a time. */
struct te_row {
	const char *s;
	size_t n;
};

struct te_tagger {
	const struct te *t;
	struct te_mention *m;
	size_t nm, capm;
	struct buf ids;
	struct te_mention *mtmp; /* room to merge the mentions of headlines in */
	size_t capmtmp;
	/* per row scratch */
	struct toks tk;
	uint64_t *th, *thb; /* token hashes (case kept / folded), 0 = not computed */
	uint32_t *wc;       /* cue classes + 1<<31 once computed */
	size_t thcap;
	const char *s;      /* the current row's text */
	size_t sn;          /* its length */
	int shape;
	/* te_th_compute makes a short ASCII token's hash as written and
	 * folded at once: with a large alias table every token that may
	 * start a name is hashed as written, and most then folded too */
	int th_both;
	struct buf scratch, scratch2;
	int table;          /* the current row is a line of a table (many numbers) */
	/* answers of the big word sets (common words, first names) for the
	 * words seen lately, by their folded hash: most words come back */
	struct { uint64_t h; uint8_t known, common, first; } wcache[4096]; /* known: bit 0 common, 1 first */
	uint64_t *pass;     /* te_tag.c's table of the pass over a row's tokens */
	void *cands, *pieces, *sortbuf; /* te_tag.c's candidates and run pieces of a row */
	size_t capcands, cappieces, capsort;
	uint32_t *cover;    /* per token: the gazetteer hit covering it */
	uint32_t *hot, *trig; /* te_tag.c's lists of the tokens its passes visit */
	size_t caphot;
	unsigned char *cap; /* per token: may be part of a name */
	size_t capcover;
	/* document context */
	struct h64map ctx;  /* folded name hash -> context record + 1 */
	struct ctxrec *cr;
	size_t ncr, capcr;
	uint64_t *ctxkey;   /* the key of each record, to empty the table */
	size_t capctxkey;
	struct mkey *keys;  /* per mention: its context keys */
	size_t capkeys;
	unsigned char *shape_of; /* per row of the document */
	size_t capshape;
	unsigned long long limit_hits;
	const char *limit_rule;
};

void te_tagger_init(struct te_tagger *g, const struct te *t);
void te_tagger_free(struct te_tagger *g);
/* Tag the rows of one document; the mentions are in g->m (rows in order,
 * mentions in text order within a row). */
void te_tag_doc(struct te_tagger *g, const struct te_row *rows, size_t nrows);
static inline const char *te_mention_id(const struct te_tagger *g, const struct te_mention *m)
{
	return m->id & TE_ID_ENTRY ? te_entry_id(g->t, m->id & ~TE_ID_ENTRY) : g->ids.p + m->id;
}

#endif
