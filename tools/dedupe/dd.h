/* dd.h - the dedupe engine: texts normalized into words (dd_norm.c, word
 * classes from rules/dedupe.yaml in dd_words.c), the exact table of
 * fingerprints (dd_fptab.c), sketches and the band index that find
 * candidates (dd_sketch.c, dd_index.c), the word-by-word verification and
 * its guard (dd_verify.c), the store of kept texts (dd_store.c), the
 * keep-first filter over all of it (dd_engine.c), the state file for cron
 * (dd_state.c) and the sharded mode (dd_shard.c). main.c is the CLI. */
#ifndef COPYDESK_DD_H
#define COPYDESK_DD_H

#include <stddef.h>
#include <stdint.h>

#include <string.h>

#include "buf.h"
#include "hash.h"

/* Start loading the cache line at p (a read to come). An asm statement on
 * x86-64: GCC 12 drops some __builtin_prefetch calls as dead code (those
 * of dd_fptab_prefetch in dd_engine.c, seen in its assembly). */
static inline void dd_prefetch(const void *p)
{
#if defined(__x86_64__) && defined(__GNUC__)
	__asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)p));
#else
	__builtin_prefetch(p);
#endif
}

/* ---- words (dd_words.c) ------------------------------------------------
 * A word of a normalized text is a 16-bit code: numbers (a word holding a
 * digit) have the top bit set and 15 bits of hash; the words the rules
 * name get codes of their own (negations, the two sides of each direction
 * pair, the edge words of datelines and credits, groups of words that are
 * the same word); every other word gets a hash code above those, in one
 * range for words of one to three letters (DD_WORD0..) and one for longer
 * words (DD_LONG0..): the sketch leaves out shingles of short and listed
 * words only ("of the", "mln vs"), which half the rows share. */
enum {
	DD_NUM = 0x8000,
	DD_NEG = 1,
	DD_DIR0 = 2,       /* direction pair k: DD_DIR0 + 2k (one side), + 2k + 1 (the other) */
	DD_MAXDIR = 256,
	DD_EDGE0 = DD_DIR0 + 2 * DD_MAXDIR,
	DD_MAXEDGE = 1024,
	DD_SAME0 = DD_EDGE0 + DD_MAXEDGE,
	DD_MAXSAME = 1024,
	DD_WORD0 = DD_SAME0 + DD_MAXSAME,
	DD_LONG0 = DD_WORD0 + 4096,
};

static inline int dd_is_num(uint16_t c) { return (c & DD_NUM) != 0; }
static inline int dd_is_edge(uint16_t c) { return c >= DD_EDGE0 && c < DD_SAME0; }
static inline int dd_dir(uint16_t c) { return c >= DD_DIR0 && c < DD_EDGE0 ? c - DD_DIR0 : -1; }
/* A number or a word of four letters or more. */
static inline int dd_is_telling(uint16_t c) { return c >= DD_LONG0; }

struct dd_words {
	uint64_t filter[1024];  /* a bit per hash >> 48: may the word be in map? */
	struct h64map map;      /* hash of a folded word -> its code (+ 1 << 32 if a phrase starts with it) */
	struct h64map phrases;  /* hash of a folded phrase ("per cent") -> its code */
	int ndir, nedge, nsame;
	unsigned max_phrase;    /* words in the longest phrase */
};

/* The hash of a word (or phrase) p[0..n) as folded, and whether it holds
 * a digit. Reads 8 bytes at a time: p[n..n+8) must be readable (the
 * folded buffers keep that slack). */
static inline uint64_t dd_word_hash(const char *p, size_t n, int *digit)
{
	uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL, dig = 0;
	for (;;) {
		uint64_t x, keep = n >= 8 ? ~0ULL : n ? ~0ULL >> (64 - 8 * n) : 0;
		memcpy(&x, p, 8);
		x &= keep;
		/* bytes '0'..'9': x ^ '0' below 10 (ASCII bytes only) */
		uint64_t t = x ^ 0x3030303030303030ULL;
		dig |= (t - 0x0A0A0A0A0A0A0A0AULL) & ~t & 0x8080808080808080ULL & keep;
		h = (h ^ x) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 29;
		if (n <= 8)
			break;
		p += 8;
		n -= 8;
	}
	*digit = dig != 0;
	return hash_u64(h);
}

void dd_words_init(struct dd_words *w);
void dd_words_free(struct dd_words *w);
/* The rules file's lists (rules.h root), checked; errors exit 2. */
struct ynode;
void dd_words_load(const struct ynode *root, void *ctx);

/* ---- normalized texts (dd_norm.c) -------------------------------------- */
enum {
	DD_NOCUT = 0xFFFF,
};

struct dd_text {
	struct buf fold;     /* the text folded (FOLD_WORDS): words and single spaces */
	uint64_t exact;      /* hash of fold: the exact key */
	uint16_t *code;      /* the words' codes (near mode) */
	uint32_t n, cap;
	uint16_t lead;       /* words of a leading dateline ("WASHINGTON -"), 0 if none */
	uint16_t cut;        /* words before a final cut mark (… [...]), DD_NOCUT if none */
	uint16_t edges;      /* holds edge words (1) or not (0) */
	uint64_t *mask;      /* scratch: where the folded text's spaces and digits are */
	size_t mcap;
};

/* Normalize s[0..n): always the folded text and its hash; with words set,
 * the codes, the dateline and the cut mark too. At most DD_MAXWORDS words
 * are kept (a longer text is compared on its first DD_MAXWORDS words). */
enum { DD_MAXWORDS = 8192 };
void dd_normalize(const struct dd_words *w, const char *s, size_t n, int words, struct dd_text *t);
/* The two halves of dd_normalize: the folded text and its hash (the
 * rest reset), then the words of t->fold (the source s for the dateline
 * and the cut mark). Near mode looks up the exact table in between. */
void dd_normalize_fold(const char *s, size_t n, struct dd_text *t);
void dd_normalize_words(const struct dd_words *w, const char *s, size_t n, struct dd_text *t);
void dd_text_free(struct dd_text *t);

/* ---- verification (dd_verify.c) ---------------------------------------- */
struct dd_side {
	const uint16_t *code;
	uint32_t n;
	uint16_t lead, cut;
	uint16_t edges;      /* holds edge words (1) or not (0) */
};

struct dd_verdict {
	double sim;          /* matched / (matched + changed) over the aligned text */
	uint32_t matched, changed;
	int aligned;         /* got past the LCS bound */
	const char *why;     /* NULL when the pair passes, else why not */
};

struct dd_verify_opts {
	double threshold;    /* --near */
	unsigned edge_max;   /* longest addition at the start or end that edge words excuse */
	unsigned min_match;  /* fewest matched words */
};

/* A quick bound before the alignment (dd_lcs.c): the length of the
 * longest common subsequence of a kept text and the new one b, computed
 * 64 words at a time (bit-parallel LCS, Allison-Dix / Hyyro), with b's
 * match masks built once for all its candidates. A kept text whose LCS is
 * too short to pass is turned away without aligning it. */
struct dd_probe {
	const struct dd_side *b;
	uint32_t words;         /* 64-bit words of a mask */
	uint64_t *direct;       /* one-word masks by code (65536), zero when unused */
	uint16_t *hkey;         /* several words: b's distinct codes ... */
	uint32_t *hval;         /* ... -> their mask row + 1 */
	uint32_t hcap, nmask;
	uint64_t *masks, *v;
	size_t mcap, vcap;
};
void dd_probe_set(struct dd_probe *p, const struct dd_side *b);
void dd_probe_clear(struct dd_probe *p);
void dd_probe_free(struct dd_probe *p);
/* The LCS of a[0..n) and b's first m words; with rows (n x ceil(m/64)
 * words) the bit rows for dd_probe_trace. */
uint32_t dd_probe_lcs(struct dd_probe *p, const uint16_t *a, uint32_t n, uint32_t m, uint64_t *rows);
/* The same, or, once the LCS is bound to stay below floor (a floor from
 * dd_pass_floor: it cannot pass), that bound: below floor too. */
uint32_t dd_probe_lcs_min(struct dd_probe *p, const uint16_t *a, uint32_t n, uint32_t m, uint64_t *rows,
			  uint32_t floor);
/* The least LCS that dd_may_pass lets pass, when all below it fail; 0 if
 * no such floor is known. */
uint32_t dd_pass_floor(const struct dd_verify_opts *o, const struct dd_side *a, const struct dd_side *b,
		       uint32_t n, uint32_t m);
/* An LCS alignment from the rows: equal runs (a, b, len triples, in
 * order) into runs (cap of them at most); returns how many. */
size_t dd_probe_trace(const struct dd_probe *p, const uint16_t *a, uint32_t n, uint32_t m,
		      const uint64_t *rows, uint32_t *runs, size_t cap);
/* Could a pass against b (the side dd_probe_set was given), matching at
 * most lcs of its first n words with b's first m? */
int dd_may_pass(const struct dd_verify_opts *o, const struct dd_side *a, const struct dd_side *b,
		uint32_t n, uint32_t m, uint32_t lcs);
/* The part of a aligned with b when b was cut short (dd_verify's rule). */
uint32_t dd_cut_limit(const struct dd_verify_opts *o, const struct dd_side *a, const struct dd_side *b);

struct dd_aligner; /* scratch space of the alignment */
struct dd_aligner *dd_aligner_new(void);
void dd_aligner_free(struct dd_aligner *al);
/* Is b a near copy of a? p is set to b (dd_probe_set). */
int dd_verify(struct dd_aligner *al, struct dd_probe *p, const struct dd_verify_opts *o,
	      const struct dd_side *a, const struct dd_side *b, struct dd_verdict *v);

/* ---- sketches (dd_sketch.c) --------------------------------------------
 * The band keys of a text: rows that share one are compared. */
enum dd_sketch_kind { DD_SK_MINHASH, DD_SK_OPH, DD_SK_BOTTOM };

struct dd_sketch_opts {
	enum dd_sketch_kind kind;
	unsigned shingle;    /* words per shingle */
	unsigned bands, rows; /* minhash/oph: bands x rows values; bottom: bands = keys indexed, rows = keys looked up */
	unsigned cap;        /* texts a band key holds at most (--bucket-cap), 0: no cap */
};

/* Keys to look up (nq) and, first among them, the keys to index (ni <= nq)
 * into keys[]; returns nq. keys[] must hold DD_MAXKEYS. */
enum { DD_MAXKEYS = 256 };
unsigned dd_sketch(const struct dd_sketch_opts *o, const uint16_t *code, uint32_t n, uint64_t *keys,
		   unsigned *ni);

/* ---- the exact table (dd_fptab.c) --------------------------------------
 * 64-bit fingerprints, each with an optional 32-bit value, open addressing
 * with linear probing at any capacity (the home slot by multiply-shift),
 * grown when 85 % full: doubled without values (8 bytes a slot, 9.4 to
 * 18.8 bytes a key: exact mode's speed), by a quarter with values past
 * 2^16 slots (12 bytes a slot, 14 to 17.6 a key), where h64map's 16-byte slots at
 * load 1/4 to 1/2 take 32 to 64 (the reason for a table of its own:
 * dedupe's memory is its seen-set, and the target is 32 bytes a kept row
 * with keys). */
struct dd_fptab {
	uint64_t *fp;      /* 0: empty (a fingerprint of 0 is stored as 1) */
	uint32_t *val;     /* NULL without values */
	size_t cap, n;
	int values;
};

void dd_fptab_init(struct dd_fptab *t, int values);
void dd_fptab_free(struct dd_fptab *t);
/* The value of fp (a dummy for a table without values), NULL if absent. */
uint32_t *dd_fptab_get(const struct dd_fptab *t, uint64_t fp);
/* Insert fp (value 0) unless present; returns its value slot (valid until
 * the next put); *fresh says whether it was inserted. */
uint32_t *dd_fptab_put(struct dd_fptab *t, uint64_t fp, int *fresh);
size_t dd_fptab_bytes(const struct dd_fptab *t);
/* The home slot of fingerprint fp in a table of cap slots (dd_fptab.c's
 * probes start there). */
static inline size_t dd_fptab_home(uint64_t fp, size_t cap)
{
	return (size_t)(((unsigned __int128)fp * cap) >> 64);
}
/* Start loading fp's home slot into the cache (a lookup to come). */
static inline void dd_fptab_prefetch(const struct dd_fptab *t, uint64_t fp)
{
	if (t->cap) {
		fp += !fp;
		size_t i = dd_fptab_home(fp, t->cap);
		dd_prefetch(t->fp + i);
		if (t->val)
			dd_prefetch(t->val + i);
	}
}
/* Room for n keys. */
void dd_fptab_reserve(struct dd_fptab *t, size_t n);

/* ---- the band index (dd_index.c) ----------------------------------------
 * Band keys -> kept texts: a multimap of 8-byte slots (a 32-bit tag of the
 * key, the text's number), linear probing, the home slot from the tag. A
 * lookup yields every text under the key (rarely one more, when two keys
 * share a tag: verification sorts that out). */
struct dd_index {
	uint32_t *h, *id; /* h: the key's tag mixed, in order (dd_index.c); 0: empty */
	size_t cap, n;
	size_t span;      /* the slots homes fall in, the first span of cap */
};

void dd_index_init(struct dd_index *x);
void dd_index_free(struct dd_index *x);
void dd_index_add(struct dd_index *x, uint64_t key, uint32_t id);
/* The 32-bit tag of a band key: the index's bucket, and the key the
 * sharded mode groups by, so both see the same buckets. */
uint32_t dd_index_tag(uint64_t key);
/* The tags of keys[0..nq) into tags, each once (a text in a bucket once),
 * the tags to index first: returns how many, *ni (in: keys to index, out:
 * tags to index). */
unsigned dd_index_tags(const uint64_t *keys, unsigned nq, unsigned *ni, uint32_t *tags);
/* The bucket cap: a text offered under tag, kept (id) or not (DD_IX_OFFER:
 * a near repeat, only counted). The first `cap` texts offered under a tag
 * are its bucket; later ones are turned away (returns 0). cap 0: no cap,
 * every kept text is added and nothing is counted. Decided by the order
 * of the texts alone, not by which were kept, so that the sharded mode
 * (--clusters) applies the same cap. */
enum { DD_IX_OFFER = 0x80000000u };
int dd_index_offer(struct dd_index *x, uint32_t tag, uint32_t id, unsigned cap);
/* Room for n entries (a state file being read: no growing meanwhile). */
void dd_index_reserve(struct dd_index *x, size_t n);
/* Add an entry by its tag (a state file being read). */
void dd_index_put_tag(struct dd_index *x, uint32_t tag, uint32_t id);
/* Slot i's entry (for a state file), 0 if it is empty. */
int dd_index_entry(const struct dd_index *x, size_t i, uint32_t *tag, uint32_t *id);
/* Append the texts under key to *out (n, cap: a growable array). */
void dd_index_find(const struct dd_index *x, uint64_t key, uint32_t **out, size_t *n, size_t *cap);
void dd_index_find_tag(const struct dd_index *x, uint32_t tag, uint32_t **out, size_t *n, size_t *cap);
/* Start loading the slots where tag's run starts (a lookup to come). */
void dd_index_prefetch(const struct dd_index *x, uint32_t tag);
size_t dd_index_bytes(const struct dd_index *x);

/* ---- kept texts (dd_store.c) -------------------------------------------
 * The word codes of every kept text in one array, a record per text (where
 * its codes start, its dateline and cut mark: 8 bytes), and the keys that
 * dup_of names: in exact mode a length byte or two and the bytes, named
 * by their offset; in near mode one key a kept text, in its order, each
 * as the bytes it shares with the one before and the rest (front coding:
 * rows numbered alike share most of their key), every DD_KEYBLK-th whole,
 * its offset in blk. */
enum { DD_KEYBLK = 16 };

struct dd_store {
	uint16_t *code;
	size_t ncode, ccode;
	uint64_t *rec;      /* code offset (43 bits), lead (6), cut (14), edge words (1) */
	size_t n, crec;
	char *keys;         /* exact: varint length + bytes; near: varint shared, varint rest, rest */
	size_t nkeys, ckeys;
	uint32_t *blk;      /* near: where keys 0, DD_KEYBLK, 2 DD_KEYBLK ... start */
	size_t nseq, cblk;  /* near: keys kept */
	struct buf last;    /* near: the last key kept */
	struct buf scratch; /* near: the key dd_store_key_of decoded */
};

/* v as a varint (7 bits a byte, low first) at p; returns its bytes (at
 * most 10). The store's keys and the state file use it. */
size_t dd_varint_put(char *p, size_t v);
void dd_store_free(struct dd_store *s);
/* Keep a text: returns its number. */
uint32_t dd_store_add(struct dd_store *s, const struct dd_text *t);
/* Text i as a verification side. */
void dd_store_side(const struct dd_store *s, uint32_t i, struct dd_side *out);
/* Start loading text i's record (a dd_store_side to come). */
static inline void dd_store_prefetch(const struct dd_store *s, uint32_t i)
{
	dd_prefetch(s->rec + i);
}
/* Start loading a side's first words (up to 128: two or three lines). */
static inline void dd_side_prefetch(const struct dd_side *a)
{
	const char *p = (const char *)a->code, *e = (const char *)(a->code + (a->n < 128 ? a->n : 128));
	for (; p < e; p += 64)
		dd_prefetch(p);
}
/* Exact mode: append a key to the key arena; returns its offset. */
uint32_t dd_store_key(struct dd_store *s, const char *k, size_t n);
const char *dd_store_keyat(const struct dd_store *s, uint32_t off, size_t *n);
/* Near mode: the key of the next kept text (number nseq), and text i's
 * key (valid until the next call). */
void dd_store_key_seq(struct dd_store *s, const char *k, size_t n);
const char *dd_store_key_of(struct dd_store *s, uint32_t i, size_t *n);
/* Near mode: the key at offset at of the arena, *key holding the key
 * before it (empty at a block's start) and then this one; returns the
 * next key's offset. */
size_t dd_store_key_next(const struct dd_store *s, size_t at, struct buf *key);
size_t dd_store_bytes(const struct dd_store *s);

/* ---- the filter (dd_engine.c) -------------------------------------------- */
struct dd_opts {
	int near;                  /* 0: exact only */
	int keys;                  /* keep the keys that dup_of names */
	struct dd_verify_opts verify;
	struct dd_sketch_opts sketch;
};

struct dd_stats {
	unsigned long long texts, exact, near, kept, candidates, verified;
	unsigned long long capped;  /* keys of kept texts turned away by full buckets */
	unsigned long long guard_number, guard_negation, guard_direction;
};

struct dd_engine {
	struct dd_opts o;
	const struct dd_words *words;
	struct dd_fptab exact;   /* exact key -> kept text (near), key offset (exact with keys) */
	struct dd_store store;
	struct dd_index index;
	struct dd_text text;
	struct dd_aligner *al;
	struct dd_probe probe;
	uint32_t *cand, *ctmp; /* candidates, and room to sort them */
	size_t ncand, ccand, cctmp;
	struct dd_stats st;
	const uint64_t *in_size, *in_read; /* the input's bytes and those read (dd_engine_input) */
	size_t ix_start;       /* band entries before the first text (a state file's) */
	int sized, started;
};

void dd_engine_init(struct dd_engine *e, const struct dd_opts *o, const struct dd_words *w);
void dd_engine_free(struct dd_engine *e);
/* Where the input's size and the bytes read so far will be (0 size:
 * unknown): near mode sizes its band index by them once a 64th of the
 * input is read (dd_engine.c). */
void dd_engine_input(struct dd_engine *e, const uint64_t *size, const uint64_t *read);
/* Judge the text s[0..n): 1 if it repeats a kept text (*of names it),
 * 0 if it is new (kept; *of is its own name). key[0..klen) is the text's
 * key, kept for later dup_of when the engine keeps keys. */
int dd_judge(struct dd_engine *e, const char *s, size_t n, const char *key, size_t klen, uint32_t *of);
/* Exact mode in two steps, so that the row loop can fold the next row
 * while the exact table's slot for this one loads (dd_run.c): the text's
 * fingerprint (its slot fetched into the cache), then dd_judge's answer
 * for it. dd_judge is the two in a row. */
struct dd_prep {
	uint64_t fp;
	int empty;           /* the text folds to nothing: never a repeat */
};
void dd_exact_prepare(struct dd_engine *e, const char *s, size_t n, struct dd_prep *p);
int dd_judge_exact(struct dd_engine *e, const struct dd_prep *p, const char *key, size_t klen, uint32_t *of);
/* The key of a text named by dd_judge. */
const char *dd_name_key(struct dd_engine *e, uint32_t of, size_t *n);
size_t dd_engine_bytes(const struct dd_engine *e);

#endif
