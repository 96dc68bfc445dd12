/* te_row.h - what the row tagger (te_tag.c) and the document passes
 * (te_doc.c) share inside the engine: the per-row token facts and the
 * helpers that compute them lazily. */
#ifndef TE_ROW_H
#define TE_ROW_H

#include "te.h"

/* An alias table of this many slots or more is large: every token that
 * may start a name is looked up in it (te_tag.c), and te_th_compute
 * makes both hashes of a short ASCII token at once (te_tagger.th_both). */
enum { BIG_ALIAS = 1 << 16 };

/* The shape of a row. */
enum { ROW_PLAIN, ROW_CAPS, ROW_TITLE }; /* ROW_CAPS, ROW_TITLE: headlines */

struct ctxrec {
	uint8_t type;
	uint8_t strong;
	uint8_t guess;    /* a short-form key: the last word of a person's name
			   * typed by guess only (src: that name) */
	uint32_t src;     /* the mention whose id it gives */
	uint32_t first;   /* the first mention that made it */
	uint8_t wfirst;   /* 1 + the type first guessed for it (0: none yet) */
	uint32_t weakvote[4]; /* guessed types seen, for names never typed with evidence */
};

/* Set up the lazy per-token caches of the current row (g->tk). */
void te_row_begin(struct te_tagger *g, const char *s, size_t n);
/* The caches of a row's tokens (hashes, cue classes) are valid where the
 * token's byte in g->cap says so (C_TH, C_THB, C_WC); bit C_NAME is
 * te_tag.c's capish(). */
enum { C_NAME = 1, C_TH = 2, C_THB = 4, C_WC = 8 };

/* Hash of token i: case kept (fc 0) or folded (1); te_th_compute when
 * it is not in the row's cache yet. */
uint64_t te_th_compute(struct te_tagger *g, size_t i, int fc);
static inline uint64_t te_th(struct te_tagger *g, size_t i, int fc)
{
	if (g->cap[i] & (fc ? C_THB : C_TH))
		return fc ? g->thb[i] : g->th[i];
	return te_th_compute(g, i, fc);
}
/* Hash of token i written Title-case (for lines in capitals); the plain hash
 * when it is not a word in capitals. */
uint64_t te_th_title(struct te_tagger *g, size_t i);
/* Cue classes of token i (W_*): the row's cache, a word of ASCII of up
 * to 8 bytes (the commonest) in lower case packed in a register and
 * looked up in the cue table here, the others by te_wcls_other. */
uint32_t te_wcls_other(struct te_tagger *g, size_t i);
static inline uint32_t te_wcls(struct te_tagger *g, size_t i)
{
	if (g->cap[i] & C_WC)
		return g->wc[i];
	const struct token *k = &g->tk.v[i];
	size_t n = k->e - k->b;
	if (k->flags & TOK_DOT && n > 1)
		n--; /* J. -> j, U.S. -> u.s */
	if (!((k->flags & TOK_ASCII) && n - 1 < 8 && k->b + 8 <= g->sn))
		return te_wcls_other(g, i);
	/* no word of the cue table holds a NUL byte */
	uint64_t x, lo7 = 0x7F7F7F7F7F7F7F7FULL, hi = 0x8080808080808080ULL;
	memcpy(&x, g->s + k->b, 8);
	if (n < 8)
		x &= ((uint64_t)1 << (8 * n)) - 1;
	/* bytes of ASCII: a + 0x3F has its top bit from 'A' on, a + 0x25 from '[' on */
	uint64_t a = x & lo7;
	x |= ((a + 0x3F3F3F3F3F3F3F3FULL) & ~(a + 0x2525252525252525ULL) & ~x & hi) >> 2;
	uint32_t cls = te_cue_cls(g->t, x);
	g->wc[i] = cls;
	g->cap[i] |= C_WC;
	return cls;
}

/* Append a mention; id_entry: an entry number + 1 for a list id, 0 for
 * an id made later (slug or context). */
struct te_mention *te_push(struct te_tagger *g, uint32_t row, size_t tb, size_t tend, int type,
			   int how, int weak, int src, uint32_t id_entry);
void te_tag_row(struct te_tagger *g, uint32_t row, const char *s, size_t n);

#endif
