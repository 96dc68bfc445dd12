/* te_tag.c - one row: its tokens, the gazetteer hits (leftmost-longest,
 * priority on a tie), the pattern hits, and the runs of capitalized words
 * that no list holds, cut at titles and stop words, grown across name
 * joiners (de, van, bin, of after an organisation head), merged with the
 * hits they touch (a first name before a known surname) and typed by
 * their cues: a title before, a tail or head word, a first name, a speech
 * verb, an appositive, a preposition of place. Lines in capitals or in
 * Title Case (headlines, sports tables' headers) get list hits only; the
 * document passes (te_doc.c) add what the rest of the document knows. */
#include "te_row.h"
#include "msg.h"
#include "slug.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* te_tag_row writes the token cache bytes (te_row.h: C_*) for every
 * token anyway; other callers clear them in te_row_begin. */

static void room(struct te_tagger *g, size_t n)
{
	if (n > g->thcap) {
		g->thcap = n + 64;
		g->th = xrealloc(g->th, g->thcap * sizeof *g->th);
		g->thb = xrealloc(g->thb, g->thcap * sizeof *g->thb);
		g->wc = xrealloc(g->wc, g->thcap * sizeof *g->wc);
	}
	if (n > g->capcover) {
		g->capcover = n + 64;
		g->cover = xrealloc(g->cover, g->capcover * sizeof *g->cover);
		g->cap = xrealloc(g->cap, g->capcover);
	}
}

void te_row_begin(struct te_tagger *g, const char *s, size_t n)
{
	room(g, g->tk.n);
	memset(g->cap, 0, g->tk.n);
	g->s = s;
	g->sn = n;
}

/* ws_pack_lower of the ASCII word p[0..n) of the current row: one 8-byte
 * load and a lower case of its bytes in the register when the row holds 8
 * bytes from p, else byte by byte. */
static inline uint64_t low_key(const struct te_tagger *g, const char *p, size_t n)
{
	if (n == 0 || n > 8 || (size_t)(p - g->s) + 8 > g->sn)
		return ws_pack_lower(p, n);
	uint64_t x, lo7 = 0x7F7F7F7F7F7F7F7FULL, hi = 0x8080808080808080ULL;
	memcpy(&x, p, 8);
	if (n < 8)
		x &= ((uint64_t)1 << (8 * n)) - 1;
	/* bytes of ASCII: a + 0x3F has its top bit from 'A' on, a + 0x25 from '[' on */
	uint64_t a = x & lo7;
	uint64_t upper = (a + 0x3F3F3F3F3F3F3F3FULL) & ~(a + 0x2525252525252525ULL) & ~x & hi;
	x |= upper >> 2;
	/* a NUL byte among the n: no key (as ws_pack) */
	uint64_t filled = n == 8 ? ~0ULL : (((uint64_t)1 << (8 * n)) - 1);
	uint64_t t = x | ~filled;
	if ((t - 0x0101010101010101ULL) & ~t & hi)
		return 0;
	return x;
}

/* te_tok_hash of token i (the tokens the fast paths of te_th_compute
 * do not take), out of line. */
static __attribute__((noinline)) uint64_t th_general(struct te_tagger *g, const struct token *k, int fc)
{
	return te_tok_hash(g->s + k->b, k->e - k->b, fc, &g->scratch);
}

uint64_t te_th_compute(struct te_tagger *g, size_t i, int fc)
{
	unsigned bit = fc ? C_THB : C_TH;
	uint64_t *c = fc ? &g->thb[i] : &g->th[i];
	const struct token *k = &g->tk.v[i];
	size_t n = k->e - k->b;
	if ((k->flags & TOK_ASCII) && n - 1 < 8 && k->b + 8 <= g->sn) {
		/* the commonest: ASCII of up to 8 bytes, packed in a register (in
		 * lower case for fc, as te_tok_hash folds it) and hashed as te_hash
		 * hashes it */
		uint64_t x, hi = 0x8080808080808080ULL;
		memcpy(&x, g->s + k->b, 8);
		if (n < 8)
			x &= ((uint64_t)1 << (8 * n)) - 1;
		if (__builtin_expect(g->th_both, 0)) {
			/* both at once (te_tagger.th_both) */
			uint64_t a = x & 0x7F7F7F7F7F7F7F7FULL;
			uint64_t xl = x | ((a + 0x3F3F3F3F3F3F3F3FULL) & ~(a + 0x2525252525252525ULL) & ~x & hi) >> 2;
			g->th[i] = te_hash8(x, n, TE_SEED_A);
			g->thb[i] = te_hash8(xl, n, TE_SEED_B);
			g->cap[i] |= (unsigned char)(C_TH | C_THB);
			return *c;
		}
		if (fc) {
			uint64_t a = x & 0x7F7F7F7F7F7F7F7FULL;
			x |= ((a + 0x3F3F3F3F3F3F3F3FULL) & ~(a + 0x2525252525252525ULL) & ~x & hi) >> 2;
		}
		*c = te_hash8(x, n, fc ? TE_SEED_B : TE_SEED_A);
	} else if (!fc && (k->flags & TOK_ASCII)) /* what te_tok_hash gives, without its scan */
		*c = n <= 16 && k->b + 16 <= g->sn ? hash_short16(g->s + k->b, n, TE_SEED_A) | 1
						   : te_hash(g->s + k->b, n, TE_SEED_A);
#if defined(__SSE2__)
	else if ((k->flags & TOK_ASCII) && n <= 16 && k->b + 16 <= g->sn) {
		/* ASCII in lower case, as te_tok_hash folds it, 16 bytes in
		 * one store (the hash's loads take it from the store) */
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(g->s + k->b));
		__m128i up = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - 'A'))),
					    _mm_set1_epi8((char)(-128 + 26)));
		v = _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8(32)));
		_Alignas(16) char low[16];
		_mm_store_si128((__m128i *)(void *)low, v);
		*c = hash_short16(low, n, TE_SEED_B) | 1;
	}
#endif
	else
		*c = th_general(g, k, fc);
	g->cap[i] |= (unsigned char)bit;
	return *c;
}

uint64_t te_th_title(struct te_tagger *g, size_t i)
{
	const struct token *k = &g->tk.v[i];
	if (!(k->flags & TOK_UPPER) || !(k->flags & TOK_WORD) || k->e - k->b < 2 ||
	    (k->flags & TOK_DOT))
		return te_th(g, i, 0);
	const char *s = g->s + k->b;
	size_t n = k->e - k->b, l;
	if ((k->flags & TOK_ASCII) && n <= 64) {
		/* ASCII: the first byte, the rest in lower case, hashed as
		 * te_tok_hash hashes ASCII kept in case (fold changes nothing
		 * else of it) */
		char low[64];
		low[0] = s[0];
		for (size_t q = 1; q < n; q++)
			low[q] = (char)(s[q] >= 'A' && s[q] <= 'Z' ? s[q] + 32 : s[q]);
		return te_hash(low, n, TE_SEED_A);
	}
	/* lower case all but the first letter (through fold) */
	buf_reset(&g->scratch2);
	u8_decode(s, n, &l);
	buf_add(&g->scratch2, s, l);
	fold(s + l, n - l, FOLD_CASE, &g->scratch2, NULL);
	return te_tok_hash(g->scratch2.p, g->scratch2.len, 0, &g->scratch);
}

/* te_wcls of the words it does not take itself (longer, not ASCII, at
 * the row's end). */
uint32_t te_wcls_other(struct te_tagger *g, size_t i)
{
	const struct token *k = &g->tk.v[i];
	const char *s = g->s + k->b;
	size_t n = k->e - k->b;
	uint32_t cls = 0;
	if (k->flags & TOK_DOT && n > 1)
		n--; /* J. -> j, U.S. -> u.s */
	char low[32];
	/* (te_wcls takes the words of up to 8 bytes with 8 bytes of the row from them) */
	if ((k->flags & TOK_ASCII) && n < sizeof low) {
		/* the set's filter on the three bytes its signature reads, in lower
		 * case, before the word is copied */
		const struct wordset *w = &g->t->words;
		if (!n || n > w->maxlen)
			goto done;
		unsigned char u0 = (unsigned char)s[0], u1 = (unsigned char)s[n > 1], u2 = (unsigned char)s[n - 1];
		u0 = (unsigned char)(u0 >= 'A' && u0 <= 'Z' ? u0 + 32 : u0);
		u1 = (unsigned char)(u1 >= 'A' && u1 <= 'Z' ? u1 + 32 : u1);
		u2 = (unsigned char)(u2 >= 'A' && u2 <= 'Z' ? u2 + 32 : u2);
		if (!ws_filter_has(w->sig, (u0 * 31u + u1 * 7u + u2 * 131u + (unsigned)n * 17u) & 4095u))
			goto done;
		uint64_t key = low_key(g, s, n);
		if (key) {
			cls = te_cue_cls(g->t, key);
			goto done;
		}
		for (size_t q = 0; q < n; q++)
			low[q] = (char)(s[q] >= 'A' && s[q] <= 'Z' ? s[q] + 32 : s[q]);
		cls = (uint32_t)wordset_cls(w, low, n);
	} else if (n) {
		buf_reset(&g->scratch);
		fold(s, n, FOLD_ALL, &g->scratch, NULL);
		cls = (uint32_t)wordset_cls(&g->t->words, g->scratch.p, g->scratch.len);
	}
done:
	g->wc[i] = cls;
	g->cap[i] |= C_WC;
	return cls;
}

/* The shape of a row from the counts of its words: in capitals (a
 * headline, a table's header), in Title Case (a headline: no sentence end,
 * no lower-case word of 4+ letters, no number: a line of results holds
 * numbers), or plain. */
struct shape_counts {
	size_t up, low, cap4, low4, nums; /* (and row_shape: 2+ commas are a list of names, not a headline) */
};

static int row_shape(const struct shape_counts *c, const struct toks *tk)
{
	if (c->up >= 2 && c->low * 4 < c->up)
		return ROW_CAPS;
	if (c->cap4 >= 3 && c->low4 == 0 && c->nums == 0 && tk->n) {
		/* the commas counted here, for the few rows that get this far
		 * (only a comma's first code point is a comma) */
		size_t commas = 0;
		for (size_t i = 0; i < tk->n && commas < 2; i++)
			commas += tk->v[i].cp == ',';
		if (commas >= 2)
			return ROW_PLAIN;
		const struct token *z = &tk->v[tk->n - 1];
		if (z->flags & TOK_QUOTE && tk->n > 1)
			z--;
		int32_t c0 = z->cp;
		if (!((z->flags & TOK_PUNCT) && (c0 == '.' || c0 == '!' || c0 == '?' || c0 == 0x2026)))
			return ROW_TITLE;
	}
	return ROW_PLAIN;
}

struct te_mention *te_push(struct te_tagger *g, uint32_t row, size_t tb, size_t tend, int type,
			   int how, int weak, int src, uint32_t id_entry)
{
	if (g->nm == g->capm) {
		g->capm = g->capm ? 2 * g->capm : 256;
		g->m = xrealloc(g->m, g->capm * sizeof *g->m);
	}
	struct te_mention *m = &g->m[g->nm++];
	const struct token *a = &g->tk.v[tb], *z = &g->tk.v[tend - 1];
	m->row = row;
	m->b = a->b;
	m->e = z->e;
	m->cb = a->cb;
	m->ce = z->ce;
	m->tb = (uint32_t)tb;
	m->te = (uint32_t)tend;
	m->type = (uint8_t)type;
	m->how = (uint8_t)how;
	m->weak = (uint8_t)weak;
	m->src = (uint16_t)src;
	m->ent = id_entry;
	m->id = TE_NO_ID;
	return m;
}

/* ---- candidates of one row ---- */

struct cand {
	uint32_t tb, te;
	uint32_t ent; /* entry + 1, or 0 */
	uint8_t type, how, weak;
	uint16_t src;
	int prio;
};

struct rowctx {
	struct te_tagger *g;
	const struct te *t;
	const struct token *tv; /* the row's tokens (g->tk.v, the same through the row) */
	uint32_t row;
	size_t n;
	struct cand *c; /* gazetteer and pattern hits, then run pieces (g->cands) */
	size_t nc, capc;
	uint32_t *cover; /* per token: gazetteer hit number + 1 covering it */
	/* a dateline at the row's start: CITY[, Region][ (Agency)] — */
	size_t dl_city, dl_reg0, dl_reg1, dl_ag0, dl_ag1;
	unsigned char *cap; /* per token: capish() */
	/* the tokens the passes visit, in order: those a name or a gazetteer
	 * hit may start at (capitalized, in capitals, with a digit, capish;
	 * every token when a lower-case one may start a hit), then those that
	 * may trigger a pattern; the rest are words and marks in lower case
	 * that only the cues around a name look at */
	uint32_t *hot, *trig;
	size_t nhot, ntrig;
};


static int is_common(struct rowctx *r, size_t i);

static struct cand *add_cand(struct rowctx *r)
{
	if (r->nc == r->capc) {
		r->capc = r->capc ? 2 * r->capc : 32;
		r->c = xrealloc(r->c, r->capc * sizeof *r->c);
	}
	struct cand *c = &r->c[r->nc++];
	memset(c, 0, sizeof *c);
	return c;
}

static inline const struct token *T(struct rowctx *r, size_t i) { return &r->tv[i]; }

/* The longest alias from token i in one key space; returns its length in
 * tokens (0: none) and the entry + 1 in *ent. */
static size_t longest(struct rowctx *r, size_t i, int mode, uint32_t *ent)
{
	const struct h64map *m = &r->t->alias;
	size_t best = 0;
	uint64_t h = 0;
	for (size_t j = i; j < r->n && j - i < (size_t)r->t->max_tokens; j++) {
		uint64_t th = mode == 2 ? te_th_title(r->g, j) : te_th(r->g, j, mode);
		h = j == i ? th : te_ngram(h, th);
		const uint64_t *v = h64map_get(m, h);
		if (!v)
			break;
		if (*v & ~TE_MORE) {
			best = j - i + 1;
			*ent = (uint32_t)(*v & ~TE_MORE);
		}
		if (!(*v & TE_MORE))
			break;
	}
	return best;
}

/* May token k start a case-kept alias (before the filter of first tokens)? */
static inline int may_start(struct rowctx *r, const struct token *k)
{
	const struct te *t = r->t;
	int starts = (k->flags & (TOK_CAP | TOK_UPPER | TOK_DIGIT)) != 0;
	if (!starts && t->nlowstart) {
		/* a token not capitalized starts a match only if the filter says it may */
		const char *p = r->g->s + k->b;
		size_t len0 = k->e - k->b;
		starts = !(k->flags & TOK_ASCII) || ws_filter_has(t->lowstart, ws_sig(p, len0));
	}
	return starts && !(k->flags & TOK_CLITIC);
}

/* A table of aliases larger than the cache: the hashes of the row's
 * tokens that may start an alias first, with the filter's words asked
 * for, then the table's first slots of those the filter lets through, so
 * the loads of many tokens wait on memory at once, not one after another
 * (the loop of gazetteer_hits then finds them in the cache). */
static void prefetch_starts(struct rowctx *r)
{
	const struct te *t = r->t;
	const struct h64map *m = &t->alias;
	for (size_t h = 0; h < r->nhot; h++) {
		const struct token *k = T(r, r->hot[h]);
		if (may_start(r, k)) {
			uint64_t b = (te_th(r->g, r->hot[h], 0) >> 20) & t->starts.mask;
			__builtin_prefetch(&t->starts.bits[b >> 6]);
		}
	}
	for (size_t h = 0; h < r->nhot; h++) {
		size_t i = r->hot[h];
		if ((r->g->cap[i] & C_TH) && te_may_start(t, r->g->th[i])) {
			size_t slot = h64map_first(m, r->g->th[i]);
			__builtin_prefetch(&m->keys[slot]);
			__builtin_prefetch(&m->vals[slot]);
		}
	}
}

/* May token k start a case-kept alias, by the filter of their packed
 * first tokens (te.h: spk)? For a word of ASCII of up to 8 bytes (with 8
 * bytes of the row from it), written as te_th (title 0) or te_th_title
 * (1) hash it; 1 for the others. */
static inline int spk_may(struct rowctx *r, const struct token *k, int title)
{
	const struct te_tagger *g = r->g;
	size_t n = k->e - k->b;
	if (!((k->flags & TOK_ASCII) && n - 1 < 8 && k->b + 8 <= g->sn))
		return 1;
	uint64_t x, hi = 0x8080808080808080ULL;
	memcpy(&x, g->s + k->b, 8);
	if (n < 8)
		x &= ((uint64_t)1 << (8 * n)) - 1;
	if (title && (k->flags & (TOK_UPPER | TOK_WORD | TOK_DOT)) == (TOK_UPPER | TOK_WORD) && n >= 2) {
		/* the capitals after the first byte in lower case (a token holds
		 * no NUL byte; ASCII: no byte of 0x80 or more) */
		uint64_t a = x & 0x7F7F7F7F7F7F7F7FULL;
		uint64_t upper = (a + 0x3F3F3F3F3F3F3F3FULL) & ~(a + 0x2525252525252525ULL) & ~x & hi;
		x |= (upper & ~(uint64_t)0xFF) >> 2;
	}
	return te_filter_has(&r->t->spk, hash_u64(x));
}

static void gazetteer_hits(struct rowctx *r, int shape)
{
	const struct te *t = r->t;
	if (!t->naliases)
		return;
	int big = t->alias.mask >= BIG_ALIAS && t->starts.bits;
	if (big)
		prefetch_starts(r);
	for (size_t h = 0, i = 0; h < r->nhot; h++) {
		if (r->hot[h] < i)
			continue; /* inside the hit before */
		i = r->hot[h];
		const struct token *k = T(r, i);
		size_t len = 0;
		uint32_t ent = 0;
		if (may_start(r, k) && (big || spk_may(r, k, 0)) && te_may_start(t, te_th(r->g, i, 0)))
			len = longest(r, i, 0, &ent);
		if (t->any_fold_case && !(k->flags & TOK_CLITIC)) {
			uint32_t e2 = 0;
			size_t l2 = longest(r, i, 1, &e2);
			if (l2 > len || (l2 && l2 == len && t->ent[e2 - 1].prio > t->ent[ent - 1].prio))
				len = l2, ent = e2;
		}
		/* words in capitals as Title Case: in headlines, and a word in
		 * capitals no list holds as written (LENWICK, a dateline) */
		if ((k->flags & TOK_UPPER) && (shape != ROW_PLAIN || (!len && k->e - k->b >= 3)) &&
		    spk_may(r, k, 1) && te_may_start(t, te_th_title(r->g, i))) {
			uint32_t e2 = 0;
			size_t l2 = longest(r, i, 2, &e2);
			if (l2 == 1 && is_common(r, i))
				l2 = 0; /* NATIONAL is no name, whatever a list says of National */
			if (l2 > len)
				len = l2, ent = e2;
		}
		/* one stop word is no name, whatever a list says ("The", "Wednesday") */
		if (len == 1 && (te_wcls(r->g, i) & W_STOP) &&
		    (shape != ROW_PLAIN || !(k->flags & TOK_UPPER)))
			len = 0;
		if (!len)
			continue;
		struct cand *c = add_cand(r);
		const struct te_entry *e = &t->ent[ent - 1];
		c->tb = (uint32_t)i;
		c->te = (uint32_t)(i + len);
		c->ent = ent;
		c->type = e->type;
		c->how = HOW_LIST;
		c->src = e->src;
		c->prio = 1000 + e->prio;
		for (size_t q = i; q < i + len; q++)
			r->cover[q] = (uint32_t)r->nc;
		i += len;
	}
}

/* The token holding byte b (or the first after it). */
static size_t tok_at(struct rowctx *r, size_t b, int end)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (end ? T(r, mid)->b < b : T(r, mid)->e <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The patterns token i triggers: the token as written, or in lower case
 * for a trigger written in lower case. */
static uint64_t triggered(struct rowctx *r, const char *s, size_t i)
{
	const struct te *t = r->t;
	const struct token *k = T(r, i);
	const char *p = s + k->b;
	size_t len = k->e - k->b;
	uint64_t bits = 0;
	if ((k->flags & TOK_ASCII) && len - 1 < 8 && k->b + 8 <= r->g->sn) {
		/* a word of ASCII of up to 8 bytes: no trigger when neither it
		 * nor (capitalized or in capitals) its lower case is in the
		 * filter of the triggers' packed keys (a token holds no NUL) */
		uint64_t x, hi = 0x8080808080808080ULL;
		memcpy(&x, p, 8);
		if (len < 8)
			x &= ((uint64_t)1 << (8 * len)) - 1;
		unsigned g = te_trig_sig(x);
		if (!(t->trig_sig[g >> 6] >> (g & 63) & 1)) {
			if (!(k->flags & (TOK_CAP | TOK_UPPER)))
				return 0;
			uint64_t a = x & 0x7F7F7F7F7F7F7F7FULL;
			x |= ((a + 0x3F3F3F3F3F3F3F3FULL) & ~(a + 0x2525252525252525ULL) & ~x & hi) >> 2;
			g = te_trig_sig(x);
			if (!(t->trig_sig[g >> 6] >> (g & 63) & 1))
				return 0;
		}
	}
	if (wordset_maybe_bits(&t->triggers, p, len)) {
		const struct ws_val *v = wordset_get(&t->triggers, p, len);
		if (v)
			bits = v->bits;
	}
	if (!bits && (k->flags & (TOK_CAP | TOK_UPPER)) && len < 32 && len <= t->triggers.bits_maxlen) {
		/* the filter on the three bytes the signature reads, in lower case */
		unsigned char u0 = (unsigned char)p[0], u1 = (unsigned char)p[len > 1],
			      u2 = (unsigned char)p[len - 1];
		u0 = (unsigned char)(u0 >= 'A' && u0 <= 'Z' ? u0 + 32 : u0);
		u1 = (unsigned char)(u1 >= 'A' && u1 <= 'Z' ? u1 + 32 : u1);
		u2 = (unsigned char)(u2 >= 'A' && u2 <= 'Z' ? u2 + 32 : u2);
		unsigned g = (u0 * 31u + u1 * 7u + u2 * 131u + (unsigned)len * 17u) & 4095u;
		if (!ws_filter_has(t->triggers.bits_sig, g))
			return 0;
		/* the signature of the lower case is g, checked above */
		uint64_t key = low_key(r->g, p, len);
		const struct ws_val *v = NULL;
		if (key)
			v = wordset_get_packed(&t->triggers, key);
		else {
			char low[32];
			for (size_t q = 0; q < len; q++)
				low[q] = (char)(p[q] >= 'A' && p[q] <= 'Z' ? p[q] + 32 : p[q]);
			if (wordset_maybe_bits(&t->triggers, low, len))
				v = wordset_get(&t->triggers, low, len);
		}
		if (v && (v->cls & 1))
			bits = v->bits;
	}
	return bits;
}

enum { PAT_BACK = 4, PAT_AHEAD = 8 }; /* the window around a trigger, in tokens */

static void add_match(struct rowctx *r, struct te_pattern *pt, size_t ms, size_t me)
{
	size_t gs = ms, ge = me;
	if (pt->group)
		rx_group(&pt->rx, pt->group, &gs, &ge);
	if (gs == PCRE2_UNSET || ge <= gs)
		return;
	size_t a = tok_at(r, gs, 0), z = tok_at(r, ge, 1);
	if (a >= z)
		return;
	struct cand *c = add_cand(r);
	c->tb = (uint32_t)a;
	c->te = (uint32_t)z;
	c->type = pt->type;
	c->how = HOW_PATTERN;
	c->src = pt->src;
	c->prio = 500;
	c->ent = 0;
}

/* A search of pattern pt stopped at the match limit: counted, named in
 * the warning at the document's end. */
static inline void limit_hit(struct rowctx *r, const struct te_pattern *pt)
{
	r->g->limit_hits++;
	r->g->limit_rule = pt->name;
}

/* Search a pattern that runs on every row. */
static void pattern_row(struct rowctx *r, struct te_pattern *pt, const char *s, size_t n)
{
	size_t off = 0, ms, me;
	while (off <= n) {
		int rc = rx_search(&pt->rx, s, n, off, &ms, &me);
		if (rc == RX_LIMIT) {
			limit_hit(r, pt);
			return;
		}
		if (rc != RX_MATCH)
			return;
		add_match(r, pt, ms, me);
		off = me > ms ? me : me + 1;
	}
}

/* Patterns run on every row (no triggers), or at the starts of the tokens
 * from PAT_BACK before a trigger word to the trigger, matching up to
 * PAT_AHEAD tokens after it (the subject ends there). A match starts and
 * ends at token edges. */
static void pattern_hits(struct rowctx *r, const char *s, size_t n)
{
	const struct te *t = r->t;
	if (!t->npat)
		return;
	for (size_t p = 0; p < t->npat; p++)
		if (t->untriggered >> p & 1)
			pattern_row(r, &((struct te *)t)->pat[p], s, n);
	if (!t->triggers.nvals && !t->on_number)
		return;
	size_t next[64]; /* per pattern: the first token not tried yet */
	memset(next, 0, (t->npat < 64 ? t->npat : 64) * sizeof *next);
	for (size_t h = 0; h < r->ntrig; h++) {
		size_t i = r->trig[h];
		const struct token *k = T(r, i);
		size_t kl = k->e - k->b;
		uint64_t bits = t->trig_first[(unsigned char)s[k->b]] >> (kl < 31 ? kl : 31) & 1
					? triggered(r, s, i)
					: 0;
		if (k->flags & TOK_NUM)
			bits |= t->on_number;
		if (!bits)
			continue;
		size_t z = i + PAT_AHEAD < r->n ? i + PAT_AHEAD : r->n - 1;
		size_t end = T(r, z)->e;
		for (; bits; bits &= bits - 1) {
			int p = __builtin_ctzll(bits);
			struct te_pattern *pt = &((struct te *)t)->pat[p];
			size_t a = i > PAT_BACK ? i - PAT_BACK : 0;
			if (a < next[p])
				a = next[p];
			for (; a <= i; a++) {
				size_t ms, me;
				unsigned char b0 = (unsigned char)s[T(r, a)->b];
				if (pt->first && !(pt->first[b0 >> 3] >> (b0 & 7) & 1))
					continue; /* no match starts with this byte */
				int rc = rx_search(&pt->rx, s, end, T(r, a)->b, &ms, &me);
				if (rc == RX_LIMIT) {
					limit_hit(r, pt);
					continue;
				}
				if (rc != RX_MATCH)
					continue;
				add_match(r, pt, ms, me);
				a = tok_at(r, me > ms ? me : ms + 1, 1);
				if (a)
					a--; /* the loop's a++ moves past the match */
				if (a > i)
					break;
			}
			next[p] = a > i + 1 ? a : i + 1;
		}
	}
}

/* ---- capitalized runs ---- */

/* the first letters of the prefixes below: a b d e i l o */
#define PRE_FIRST (1u << 0 | 1u << 1 | 1u << 3 | 1u << 4 | 1u << 8 | 1u << 11 | 1u << 14)

/* Could token k of s be part of a name: a capitalized word (not the last
 * part lower case: Venezuela-based; not D-Ill.), or al-Assad, d'Estaing. */
static inline int capish_(const struct token *k, const char *s)
{
	if ((k->flags & (TOK_WORD | TOK_CLITIC)) != TOK_WORD)
		return 0;
	size_t b = k->b, e = k->e;
	if (e - b == 1)
		return 0; /* a letter alone (Division B, N / A); an initial J. is two bytes */
	if (k->flags & (TOK_CAP | TOK_UPPER)) {
		if (!(k->flags & TOK_JOINED))
			return 1; /* no hyphen in it */
		if (k->flags & TOK_ASCII) {
			size_t q = b;
			while (q < e && s[q] != '-')
				q++;
			if (q == e)
				return 1;
		}
		if (e - b > 2 && s[b + 1] == '-')
			return 0;
		for (size_t q = e; q-- > b + 1;)
			if (s[q] == '-') /* Mercedes-Benz, not Venezuela-based nor Under-21 */
				return !((s[q + 1] >= 'a' && s[q + 1] <= 'z') || (s[q + 1] >= '0' && s[q + 1] <= '9'));
		return 1;
	}
	/* al-Assad, bin-Laden, d'Estaing, O'Neill's o (not mid-July) */
	if (!(k->flags & TOK_JOINED))
		return 0;
	unsigned char c0 = (unsigned char)s[b];
	if (e - b < 3 || c0 < 'a' || c0 > 'z' || !(PRE_FIRST >> (c0 - 'a') & 1))
		return 0;
	static const char *const pre[] = {"al", "el", "ad", "as", "an", "ar", "at", "ash", "az", "bin",
					  "ibn", "abu", "bint", "ben", "d", "l", "o", NULL};
	for (size_t q = 1; q + 1 < e - b && q < 5; q++)
		if ((s[b + q] == '-' || s[b + q] == '\'') && s[b + q + 1] >= 'A' && s[b + q + 1] <= 'Z') {
			for (const char *const *p = pre; *p; p++)
				if (strlen(*p) == q && memcmp(*p, s + b, q) == 0)
					return 1;
			return 0;
		}
	return 0;
}

static inline int capish(struct rowctx *r, size_t i) { return r->cap[i] & C_NAME; }

/* A stop word that may be a surname after a first name: a word of three
 * letters or more, no clitic ("I", "I'd" are not), not a day ("told Tom
 * Friday" is news for "on Friday"; "Theresa May" is a name). */
static inline int surname_stop(struct rowctx *r, size_t i)
{
	const struct token *k = T(r, i);
	size_t n = k->e - k->b;
	const char *w = r->g->s + k->b;
	if (n < 3 || (k->flags & TOK_CLITIC) || !(k->flags & TOK_WORD))
		return 0;
	return !((w[n - 3] | 0x20) == 'd' && (w[n - 2] | 0x20) == 'a' && (w[n - 1] | 0x20) == 'y');
}

/* capish_ out of line, for the per-token pass (joined words are rare) */
static __attribute__((noinline)) unsigned capish_joined(const struct token *k, const char *s)
{
	return (unsigned)capish_(k, s);
}

/* Is token i the punctuation mark c (ASCII, never a word's first
 * character)? Without branches: a token's first code point is c only
 * for a mark. */
static inline int is_punct(struct rowctx *r, size_t i, char c)
{
	const struct token *k = T(r, i);
	return (k->cp == c) & (k->e - k->b == 1);
}

static inline int is_word_n(struct rowctx *r, size_t i, const char *w, size_t n)
{
	const struct token *k = T(r, i);
	return k->e - k->b == n && memcmp(r->g->s + k->b, w, n) == 0;
}
/* Is token i the word w (a string literal)? */
#define is_word(r, i, w) is_word_n(r, i, w, sizeof(w) - 1)

/* Is token i an age: "35-year-old"? */
static int is_age(struct rowctx *r, size_t i)
{
	const struct token *k = T(r, i);
	const char *p = r->g->s + k->b;
	size_t n = k->e - k->b;
	return n > 9 && p[0] >= '0' && p[0] <= '9' && memcmp(p + n - 9, "-year-old", 9) == 0;
}

/* Does a sentence start at token i? */
static int sent_start(struct rowctx *r, size_t i)
{
	while (i > 0) {
		const struct token *p = T(r, i - 1);
		if (!(p->flags & TOK_PUNCT))
			return (T(r, i)->flags & TOK_LINE) != 0;
		int32_t c = p->cp;
		if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026 ||
		    c == 0x2014 || c == 0x2013)
			return 1;
		if (!(p->flags & (TOK_QUOTE | TOK_DASH)) && c != '(' && c != '[')
			return 0;
		i--;
	}
	return 1;
}

enum { P_GAP, P_HIT, P_TITLE };

struct piece {
	uint32_t a, b;
	int kind;
	struct cand *hit;
};

/* Is token i in the word set w (its lower-case form)? The large lists
 * (common words, first names) are sets of their own, consulted only where
 * a name is being typed; every word in them has its class, so being in
 * the set is the answer. */
static int in_set(struct rowctx *r, const struct wordset *w, const struct te_filter *f, size_t i)
{
	if (!te_filter_has(f, te_th(r->g, i, 1)))
		return 0;
	const struct token *k = T(r, i);
	const char *s = r->g->s + k->b;
	size_t n = k->e - k->b;
	char low[32];
	if ((k->flags & TOK_ASCII) && n < sizeof low) {
		uint64_t key = low_key(r->g, s, n);
		if (key) /* in the set, the set's signature filter passes too */
			return wordset_has_packed(w, key);
		for (size_t q = 0; q < n; q++)
			low[q] = (char)(s[q] >= 'A' && s[q] <= 'Z' ? s[q] + 32 : s[q]);
		return wordset_has(w, low, n);
	}
	buf_reset(&r->g->scratch);
	fold(s, n, FOLD_ALL, &r->g->scratch, NULL);
	return wordset_has(w, r->g->scratch.p, r->g->scratch.len);
}

/* Is token i a common word (which 0) or a first name (1)? Through the
 * tagger's cache of recent words, each answer asked for when first
 * needed (most words are asked one of the two only). */
static int big_set(struct rowctx *r, size_t i, int which)
{
	uint64_t h = te_th(r->g, i, 1);
	size_t slot = (size_t)(h >> 7) & 4095;
	struct te_tagger *g = r->g;
	if (g->wcache[slot].h != h) {
		g->wcache[slot].h = h;
		g->wcache[slot].known = 0;
	}
	if (!(g->wcache[slot].known >> which & 1)) {
		int v = which ? in_set(r, &r->t->first, &r->t->first_f, i)
			      : in_set(r, &r->t->common, &r->t->common_f, i);
		g->wcache[slot].known |= (uint8_t)(1 << which);
		if (which)
			g->wcache[slot].first = (uint8_t)v;
		else
			g->wcache[slot].common = (uint8_t)v;
	}
	return which ? g->wcache[slot].first : g->wcache[slot].common;
}

static int is_common(struct rowctx *r, size_t i) { return big_set(r, i, 0); }
static int is_first(struct rowctx *r, size_t i) { return big_set(r, i, 1); }

/* Type a gap [a,b) of capitalized words no list holds; -1: not a name. */
static int type_gap(struct rowctx *r, size_t a, size_t b, int titled, int start, int *how,
		    int *weak)
{
	uint32_t first = te_wcls(r->g, a), last = te_wcls(r->g, b - 1);
	*how = HOW_CUE;
	*weak = 0;
	if (titled || (last & W_PER_SUFFIX && b - a > 1))
		return TE_PER;
	if (last & W_ORG_TAIL)
		return TE_ORG;
	if ((first & W_ORG_HEAD) && b - a > 1)
		return TE_ORG;
	if (last & W_LOC_TAIL && b - a > 1)
		return TE_LOC;
	if ((first & W_LOC_HEAD) && b - a > 1)
		return TE_LOC;
	if ((last & W_MISC_TAIL) && b - a > 1)
		return TE_MISC;
	/* a head before "of" inside: Tarvel Chamber of Commerce, Isle of Bray;
	 * an ampersand between names: Lark & Finch */
	for (size_t i = a + 1; i + 1 < b; i++) {
		if (is_punct(r, i, '&'))
			return TE_ORG;
		if (is_word(r, i, "of") || is_word(r, i, "for")) {
			uint32_t h = te_wcls(r->g, i - 1);
			if (h & W_ORG_HEAD)
				return TE_ORG;
			if (h & W_LOC_HEAD)
				return TE_LOC;
		}
	}
	if (b - a > 1 && is_first(r, a))
		return TE_PER;
	/* common words ("Traders said") take no cue from the words around */
	int common = 1;
	for (size_t i = a; i < b && common; i++)
		common = !(T(r, i)->flags & TOK_UPPER) && is_common(r, i);
	int single_acro = b - a == 1 && (T(r, a)->flags & TOK_UPPER);
	size_t nx = b;
	if (common)
		goto guess;
	/* a speech verb after or before: "Rivero said", "said Rivero" */
	if (nx < r->n && (te_wcls(r->g, nx) & W_SPEECH) && (T(r, nx)->flags & TOK_LOWER))
		return single_acro ? TE_ORG : TE_PER;
	if (a > 0 && (te_wcls(r->g, a - 1) & W_SPEECH) && (T(r, a - 1)->flags & TOK_LOWER))
		return single_acro ? TE_ORG : TE_PER;
	/* an appositive: "X, a/the ROLE" */
	if (b + 2 < r->n && is_punct(r, b, ',')) {
		size_t q = b + 1;
		if (is_word(r, q, "a") || is_word(r, q, "an") || is_word(r, q, "the"))
			q++;
		/* the head is the last role word of the phrase: "a union spokeswoman" */
		int ty = -1;
		for (size_t z = q; z < r->n && z < q + 4; z++) {
			if (is_age(r, z)) {
				ty = TE_PER;
				continue;
			}
			if (!(T(r, z)->flags & TOK_WORD) || is_word(r, z, "of") || is_word(r, z, "for") ||
			    is_word(r, z, "at") || is_word(r, z, "in"))
				break;
			uint32_t c = te_wcls(r->g, z);
			if (c & W_ROLE)
				ty = TE_PER;
			else if (c & W_ORG_ROLE)
				ty = TE_ORG;
		}
		if (ty >= 0)
			return ty;
	}
	/* the word after: "the Maduro government", "Lenwick stadium", "Brantel shares" */
	if (nx < r->n && (T(r, nx)->flags & TOK_LOWER)) {
		uint32_t c = te_wcls(r->g, nx);
		if (c & W_PER_NEXT)
			return TE_PER;
		if (c & W_LOC_TAIL)
			return TE_LOC;
		if (c & W_ORG_NEXT)
			return TE_ORG;
	}
	/* the word before: "team Lenwick", "striker Jones" */
	if (a > 0 && (T(r, a - 1)->flags & TOK_LOWER)) {
		uint32_t c = te_wcls(r->g, a - 1);
		if (c & W_ORG_ROLE)
			return TE_ORG;
		if (c & (W_ROLE | W_TITLE))
			return TE_PER;
	}
guess:
	*how = HOW_GUESS;
	*weak = 1;
	if ((start && b - a == 1) || common)
		*weak = 2; /* a capital at a sentence start, or common words: a name only if
			    * the document says so */
	if (a > 0 && (te_wcls(r->g, a - 1) & W_DET) && (T(r, a - 1)->flags & TOK_LOWER) && b - a == 1 &&
	    !single_acro)
		*weak = 2; /* "my Homeland" (but "his WBO title") */
	if (r->g->table)
		return b - a == 1 ? TE_ORG : TE_PER; /* a table: teams, or players */
	/* "President Celso Amaro of Veranza", "Sen. Ann Lowe of Lenwick": a
	 * person of a place */
	if (a >= 2 && b - a == 1 && is_word(r, a - 1, "of")) {
		for (size_t k = r->nc; k-- > 0;)
			if (r->c[k].te == a - 1) {
				if (r->c[k].type == TE_PER && r->c[k].weak == 0) {
					*how = HOW_CUE;
					*weak = 0;
					return TE_LOC;
				}
				break;
			}
	}
	/* "the port of Lenwick", "the province of X" */
	if (a >= 2 && is_word(r, a - 1, "of") && (T(r, a - 2)->flags & TOK_LOWER) &&
	    (te_wcls(r->g, a - 2) & W_LOC_TAIL)) {
		*how = HOW_CUE;
		*weak = 0;
		return TE_LOC;
	}
	if (a > 0 && (te_wcls(r->g, a - 1) & W_LOC_PREP) && (T(r, a - 1)->flags & TOK_LOWER))
		return TE_LOC;
	if (single_acro)
		return TE_ORG;
	if (a > 0 && is_word(r, a - 1, "the"))
		return TE_ORG;
	return TE_PER;
}

static void emit(struct rowctx *r, size_t a, size_t b, int type, int how, int weak, int src,
		 uint32_t ent)
{
	struct cand *c = add_cand(r);
	c->tb = (uint32_t)a;
	c->te = (uint32_t)b;
	c->type = (uint8_t)type;
	c->how = (uint8_t)how;
	c->weak = (uint8_t)weak;
	c->src = (uint16_t)src;
	c->ent = ent;
	c->prio = how == HOW_LIST ? 900 : 100;
}

/* Is token i a join between name words (de, van, bin, of after a head)? */
static int joins(struct rowctx *r, size_t a, size_t i)
{
	uint32_t c = te_wcls(r->g, i);
	if (c & W_JOIN)
		return 1;
	if (is_punct(r, i, '&'))
		return 1;
	if (is_word(r, i, "of")) {
		for (size_t q = a; q < i; q++)
			if (te_wcls(r->g, q) & (W_ORG_HEAD | W_LOC_HEAD))
				return 1;
		/* a known name before "of": Bank of England, University of Texas */
		return 0;
	}
	/* the long names of bodies: Department for Small Harbours and Inland
	 * Waterways, Office of the Commissioner for Lost Property, Royal
	 * Society for the Protection of Hedgehogs */
	int f = is_word(r, i, "for"), th = !f && is_word(r, i, "the"), an = !f && !th && is_word(r, i, "and");
	if (!f && !th && !an)
		return 0;
	int of = 0;
	for (size_t q = a + 1; q < i && !of; q++)
		if ((is_word(r, q, "of") || is_word(r, q, "for")) && (te_wcls(r->g, q - 1) & W_ORG_HEAD))
			of = 1;
	if (f) {
		if (i > a && (te_wcls(r->g, i - 1) & W_ORG_HEAD))
			return 1;
		return of;
	}
	if (th)
		return i > a && (is_word(r, i - 1, "of") || is_word(r, i - 1, "for")) && joins(r, a, i - 1);
	return of && i > a && capish(r, i - 1) && i + 1 < r->n && capish(r, i + 1) && !r->cover[i + 1];
}

static void gap_piece(struct rowctx *r, struct piece *p, size_t *np, size_t a, size_t b)
{
	/* joins and periods do not start or end a gap */
	while (a < b && !capish(r, a))
		a++;
	while (b > a && !capish(r, b - 1))
		b--;
	if (a < b) {
		p[*np].a = (uint32_t)a;
		p[*np].b = (uint32_t)b;
		p[*np].kind = P_GAP;
		p[*np].hit = NULL;
		(*np)++;
	}
}

/* A piece of tail words only ("United", "Cup"): the type they give, else -1. */
static int tail_piece(struct rowctx *r, const struct piece *p)
{
	int ty = -1;
	for (size_t i = p->a; i < p->b; i++) {
		if (!(T(r, i)->flags & TOK_WORD))
			return -1;
		uint32_t c = te_wcls(r->g, i);
		ty = c & W_ORG_TAIL ? TE_ORG : c & W_MISC_TAIL ? TE_MISC : -1;
		if (ty < 0)
			return -1;
	}
	return ty;
}

/* A piece of place heads only (North, Greater). */
static int all_heads(struct rowctx *r, const struct piece *p)
{
	for (size_t i = p->a; i < p->b; i++)
		if (!(te_wcls(r->g, i) & W_LOC_HEAD))
			return 0;
	return p->b > p->a;
}

/* The words of a run that its typing may look up in the large lists
 * (common words, first names): their cache slots, the lists' filter words
 * and first slots asked for memory at once, before the lookups one by one
 * (in_set, big_set). */
static void prefetch_words(struct rowctx *r, size_t a, size_t b)
{
	const struct te *t = r->t;
	struct te_tagger *g = r->g;
	for (size_t i = a; i < b; i++) {
		if (!capish(r, i) || r->cover[i])
			continue;
		uint64_t h = te_th(g, i, 1);
		__builtin_prefetch(&g->wcache[(h >> 7) & 4095]);
		if (t->common_f.bits)
			__builtin_prefetch(&t->common_f.bits[((h >> 20) & t->common_f.mask) >> 6]);
		if (t->first_f.bits)
			__builtin_prefetch(&t->first_f.bits[((h >> 20) & t->first_f.mask) >> 6]);
		const struct token *k = T(r, i);
		if ((k->flags & TOK_ASCII) && k->e - k->b <= 8) {
			uint64_t key = low_key(g, g->s + k->b, k->e - k->b);
			if (key && t->common.packed.keys)
				__builtin_prefetch(&t->common.packed.keys[h64map_first(&t->common.packed, key)]);
			if (key && t->first.packed.keys)
				__builtin_prefetch(&t->first.packed.keys[h64map_first(&t->first.packed, key)]);
		}
	}
}

/* The start of a person's name at a with the particles before it that are
 * written in lower case (von Harsdorf, van der Molen): at most two, after
 * a token that is no part of a name. */
static size_t particles_before(struct rowctx *r, size_t a)
{
	size_t s = a;
	while (s > 0 && a - s < 2 && (T(r, s - 1)->flags & TOK_LOWER) && (T(r, s - 1)->flags & TOK_WORD) &&
	       (te_wcls(r->g, s - 1) & W_JOIN) && !is_word(r, s - 1, "y") && !r->cover[s - 1])
		s--;
	if (s < a && s > 0 && ((capish(r, s - 1) && !(te_wcls(r->g, s - 1) & W_STOP)) || r->cover[s - 1]))
		return a;
	return s;
}

static void run(struct rowctx *r, size_t a, size_t b, struct piece *p)
{
	const struct te *t = r->t;
	prefetch_words(r, a, b);
	int start = sent_start(r, a);
	/* cut into pieces: hits, titles and gaps; stop words split gaps */
	size_t np = 0, gs = a;
	for (size_t i = a; i < b;) {
		if (r->cover[i]) {
			gap_piece(r, p, &np, gs, i);
			struct cand *h = &r->c[r->cover[i] - 1];
			p[np].a = h->tb;
			p[np].b = h->te;
			p[np].kind = P_HIT;
			p[np].hit = h;
			np++;
			i = gs = h->te;
			continue;
		}
		uint32_t c = te_wcls(r->g, i);
		if ((c & W_TITLE) && capish(r, i)) {
			size_t nx = i + 1;
			if (nx < b && is_punct(r, nx, '.'))
				nx++;
			if (nx < b && (capish(r, nx) || r->cover[nx])) {
				gap_piece(r, p, &np, gs, i);
				p[np].a = (uint32_t)i;
				p[np].b = (uint32_t)nx;
				p[np].kind = P_TITLE;
				np++;
				i = gs = nx;
				continue;
			}
		}
		/* a stop word right after a first name in a run is its surname
		 * (Theresa May, Dan Price), unless it is a pronoun or the like,
		 * written in capitals only at a sentence's start */
		/* "of" after a head in the gap goes on: Ministry of Defence,
		 * Bank of Tarvel, Gulf of Tarrin (runs joined them) */
		if ((c & W_STOP) && !(i > gs && (T(r, i)->flags & TOK_LOWER) && joins(r, gs, i)) &&
		    !(i > a && i > gs && capish(r, i) && is_first(r, i - 1) &&
		      !(te_wcls(r->g, i - 1) & W_STOP) && surname_stop(r, i))) {
			gap_piece(r, p, &np, gs, i);
			i = gs = i + 1;
			continue;
		}
		i++;
	}
	gap_piece(r, p, &np, gs, b);

	/* a run of touching pieces that ends in an organisation's tail is one
	 * organisation: Norland Labour Party, Brantel Medical Industries Inc,
	 * Lenwick Harbour Works Committee (no title among them) */
	if (np >= 2 && p[np - 1].kind != P_TITLE) {
		size_t z = np - 1, k0 = z;
		while (k0 > 0 && p[k0 - 1].kind != P_TITLE && p[k0 - 1].b == p[k0].a)
			k0--;
		const struct piece *lp = &p[z];
		int tail = (te_wcls(r->g, lp->b - 1) & W_ORG_TAIL) &&
			   (lp->kind == P_GAP || lp->hit->type == TE_ORG);
		if (tail && k0 < z && (k0 == 0 || p[k0 - 1].kind != P_TITLE)) {
			emit(r, p[k0].a, lp->b, TE_ORG, HOW_CUE, 0, t->src_cue, 0);
			np = k0;
		}
	}
	/* merge and type */
	for (size_t k = 0; k < np; k++) {
		struct piece *q = &p[k];
		if (q->kind == P_TITLE)
			continue;
		int titled = k > 0 && p[k - 1].kind == P_TITLE;
		/* the modifier before a title: "Defense Minister X" (a list hit too,
		 * when it is a common word) */
		if (k + 1 < np && p[k + 1].kind == P_TITLE && p[k + 1].a == q->b &&
		    (q->kind == P_GAP || (q->b - q->a == 1 && is_common(r, q->a))))
			continue;
		int adj = k + 1 < np && p[k + 1].a == q->b;
		struct piece *nx = adj ? &p[k + 1] : NULL;
		if (q->kind == P_HIT) {
			struct cand *h = q->hit;
			/* a particle in capitals that a list holds as a place and a
			 * name after more particles: Van der Molen, De la Cruz */
			if (h->te - h->tb == 1 && (te_wcls(r->g, q->a) & W_JOIN) && k + 1 < np &&
			    p[k + 1].kind == P_GAP && p[k + 1].a > q->b && p[k + 1].a <= q->b + 2) {
				int parts = 1;
				for (size_t z = q->b; z < p[k + 1].a; z++)
					parts &= (te_wcls(r->g, z) & W_JOIN) && (T(r, z)->flags & TOK_LOWER) != 0;
				if (parts) {
					emit(r, q->a, p[k + 1].b, TE_PER, HOW_CUE, 0, t->src_cue, 0);
					k++;
					continue;
				}
			}
			/* a known person and the words around: first names, surnames */
			if (h->type == TE_PER && nx && nx->kind == P_GAP) {
				emit(r, q->a, nx->b, TE_PER, HOW_CUE, 0, t->src_cue, 0);
				k++;
				continue;
			}
			if (h->type == TE_PER && nx && nx->kind == P_HIT && nx->hit->type == TE_PER) {
				emit(r, q->a, nx->b, TE_PER, HOW_CUE, 0, t->src_cue, 0);
				k++;
				continue;
			}
			/* a title, a place's name and more capitalized words: a
			 * person whose first name is a place (Coun. Sofia Lind,
			 * Mayor London Breed) */
			if (titled && h->type == TE_LOC && nx && nx->kind == P_GAP) {
				emit(r, q->a, nx->b, TE_PER, HOW_CUE, 0, t->src_cue, 0);
				k++;
				continue;
			}
			/* a known name and a known tail: Lenwick United, Norland Cup */
			int tt = nx && nx->kind == P_HIT ? tail_piece(r, nx) : -1;
			if (tt >= 0) {
				emit(r, q->a, nx->b, tt, HOW_CUE, 0, t->src_cue, 0);
				k++;
				continue;
			}
			/* a known name and a tail: Lenwick County Cricket Club */
			if (nx && nx->kind == P_GAP && (h->type == TE_ORG || h->type == TE_LOC)) {
				uint32_t lc = te_wcls(r->g, nx->b - 1);
				int ty = lc & W_ORG_TAIL ? TE_ORG : lc & W_LOC_TAIL ? TE_LOC : -1;
				if (ty >= 0) {
					emit(r, q->a, nx->b, ty, HOW_CUE, 0, t->src_cue, 0);
					k++;
					continue;
				}
			}
			if (nx && nx->kind == P_GAP && (te_wcls(r->g, nx->b - 1) & W_MISC_TAIL)) {
				emit(r, q->a, nx->b, TE_MISC, HOW_CUE, 0, t->src_cue, 0);
				k++;
				continue;
			}
			emit(r, q->a, q->b, h->type, h->how, titled && h->type != TE_PER ? 0 : 0, h->src,
			     h->ent);
			continue;
		}
		/* a gap of compass words before a known place or people: South
		 * Florida, West Indian (the hit grows and goes on as one) */
		if (nx && nx->kind == P_HIT && (nx->hit->type == TE_LOC || nx->hit->type == TE_MISC) &&
		    all_heads(r, q)) {
			nx->a = q->a;
			nx->hit->ent = 0; /* South Florida is not Florida: its own id */
			nx->hit->how = HOW_CUE;
			continue;
		}
		/* a head, "of" and a known place: University of Texas, Bank of
		 * England (an organisation), Isle of Man (a place) */
		if (k + 1 < np && p[k + 1].kind == P_HIT && p[k + 1].a == q->b + 1 && is_word(r, q->b, "of") &&
		    p[k + 1].hit->type == TE_LOC) {
			uint32_t h = te_wcls(r->g, q->b - 1);
			int ty = h & W_ORG_HEAD ? TE_ORG : h & W_LOC_HEAD ? TE_LOC : -1;
			if (ty >= 0) {
				emit(r, q->a, p[k + 1].b, ty, HOW_CUE, 0, t->src_cue, 0);
				k++;
				continue;
			}
		}
		/* a gap: before a known person, its first names */
		if (nx && nx->kind == P_HIT && nx->hit->type == TE_PER) {
			emit(r, q->a, nx->b, TE_PER, HOW_CUE, 0, t->src_cue, 0);
			k++;
			continue;
		}
		int how, weak;
		int ty = type_gap(r, q->a, q->b, titled, start && q->a == a, &how, &weak);
		if (ty == TE_PER && !titled)
			q->a = (uint32_t)particles_before(r, q->a);
		if (ty >= 0)
			emit(r, q->a, q->b, ty, how, weak, t->src_cue, 0);
	}
}

static void runs(struct rowctx *r, struct piece **pbuf, size_t *pcap)
{
	/* a run starts at a capish token or a gazetteer hit, both hot (and
	 * ends before a token that is neither) */
	for (size_t h = 0, i = 0; h < r->nhot; h++) {
		size_t s0 = r->hot[h];
		if (s0 < i || (!capish(r, s0) && !r->cover[s0]))
			continue;
		i = s0;
		size_t j = i;
		while (j < r->n) {
			if (r->cover[j]) {
				j = r->c[r->cover[j] - 1].te;
				continue;
			}
			if (capish(r, j)) {
				j++;
				continue;
			}
			/* joins (de la, van der) before a capitalized word go on (the
			 * words are asked only when one of the three after j may be
			 * a name: the join ends before one of them or not at all) */
			int ahead = 0;
			for (size_t q = j + 1; q < r->n && q <= j + 3; q++)
				ahead |= capish(r, q) | (r->cover[q] != 0);
			if (ahead) {
				size_t q = j;
				while (q < r->n && q < j + 3 && !capish(r, q) && !r->cover[q] && joins(r, i, q))
					q++;
				if (q > j && q < r->n && (capish(r, q) || r->cover[q])) {
					j = q;
					continue;
				}
			}
			if (j + 1 < r->n && (capish(r, j + 1) || r->cover[j + 1])) {
				/* Col. Silva, St. Louis: a period after a title or a short word */
				if (is_punct(r, j, '.') && j > i &&
				    (te_wcls(r->g, j - 1) & (W_TITLE | W_LOC_HEAD)) &&
				    (T(r, j + 1)->flags & TOK_SPACE)) {
					j++;
					continue;
				}
			}
			break;
		}
		if (j - i + 1 > *pcap) {
			*pcap = j - i + 16;
			*pbuf = xrealloc(*pbuf, *pcap * sizeof **pbuf);
		}
		run(r, i, j, *pbuf);
		i = j;
	}
}

static int is_dash(struct rowctx *r, size_t i)
{
	return (T(r, i)->flags & TOK_DASH) != 0;
}

/* "LENWICK, Norland (Wire) —", "LONDON 1996-08-30": the city in capitals at
 * the start of a row, its region, the agency in parentheses. */
static void dateline(struct rowctx *r)
{
	r->dl_city = r->dl_reg0 = r->dl_reg1 = r->dl_ag0 = r->dl_ag1 = 0;
	size_t i = 0, n = r->n;
	while (i < n && i < 4 && (T(r, i)->flags & TOK_UPPER) && (T(r, i)->flags & TOK_WORD) &&
	       !(te_wcls(r->g, i) & W_STOP))
		i++;
	if (!i || i >= n)
		return;
	size_t city = i, reg0 = 0, reg1 = 0, ag0 = 0, ag1 = 0;
	if (is_punct(r, i, ',')) {
		reg0 = ++i;
		while (i < n && i < reg0 + 4 && (T(r, i)->flags & (TOK_CAP | TOK_UPPER)) &&
		       (T(r, i)->flags & TOK_WORD))
			i++;
		reg1 = i;
		if (reg1 == reg0)
			return;
		/* an abbreviated region: SPRINGFIELD, Ill. (AP) — */
		if (i < n && is_punct(r, i, '.') && !(T(r, i)->flags & TOK_SPACE))
			i++;
	}
	if (i < n && is_punct(r, i, '(')) {
		ag0 = ++i;
		while (i < n && i < ag0 + 4 && (T(r, i)->flags & (TOK_CAP | TOK_UPPER)) &&
		       (T(r, i)->flags & TOK_WORD))
			i++;
		ag1 = i;
		if (ag1 == ag0 || i >= n || !is_punct(r, i, ')'))
			return;
		i++;
	}
	/* then a dash, a date (1996-08-30, 8/30), or nothing */
	if (i < n && !is_dash(r, i)) {
		const struct token *k = T(r, i);
		if (!(k->flags & TOK_NUM) || i + 1 < n)
			return;
		if (!memchr(r->g->s + k->b, '-', k->e - k->b) && !memchr(r->g->s + k->b, '/', k->e - k->b))
			return;
	}
	if (i == city && i < n && is_dash(r, i) && !(T(r, i)->flags & TOK_SPACE))
		return; /* ABC-led */
	r->dl_city = city;
	r->dl_reg0 = reg0, r->dl_reg1 = reg1;
	r->dl_ag0 = ag0, r->dl_ag1 = ag1;
}

static inline int cand_cmp(const struct cand *a, const struct cand *b)
{
	if (a->tb != b->tb)
		return a->tb < b->tb ? -1 : 1;
	if (a->te != b->te)
		return a->te > b->te ? -1 : 1;
	return b->prio - a->prio;
}

/* Sort v[0..n) by cand_cmp, stably (of two equal ones the first stays
 * first): insertion sort of runs of 32 (the pieces come almost in order),
 * then merges through tmp (room for n). */
static void cand_sort(struct cand *v, size_t n, struct cand *tmp)
{
	enum { RUN = 32 };
	for (size_t a = 0; a < n; a += RUN) {
		size_t z = a + RUN < n ? a + RUN : n;
		for (size_t i = a + 1; i < z; i++) {
			struct cand x = v[i];
			size_t j = i;
			while (j > a && cand_cmp(&v[j - 1], &x) > 0) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
	}
	struct cand *src = v, *dst = tmp;
	for (size_t w = RUN; w < n; w *= 2) {
		for (size_t a = 0; a < n; a += 2 * w) {
			size_t m = a + w < n ? a + w : n, z = a + 2 * w < n ? a + 2 * w : n;
			size_t i = a, j = m, k = a;
			while (i < m && j < z)
				dst[k++] = cand_cmp(&src[j], &src[i]) < 0 ? src[j++] : src[i++];
			while (i < m)
				dst[k++] = src[i++];
			while (j < z)
				dst[k++] = src[j++];
		}
		struct cand *x = src;
		src = dst, dst = x;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
}

/* The per-token pass's table: by a token's flags (the low byte, and
 * TOK_DOT) and its length (1, 2-3, 4+ bytes), what it adds to the shape
 * counts (a byte each: numbers, words in capitals, in lower case, in
 * lower case of 4+ bytes, capitalized of 4+ bytes), and bits: capish_
 * when it holds no joiner (PASS_C), capitalized, in capitals or with a
 * digit (PASS_HOT). */
enum { PASS_C = 56, PASS_HOT = 57, PASS_NUM_TRIG = 58 };

/* The length class of a token of m bytes (m <= 31) in the index's bits 9
 * and 10: 0 for 1 byte, 1 for 2-3, 2 for 4+ (a load, no compares). */
static const uint16_t pass_lc[32] = {0, 0, 1 << 9, 1 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9,
				     2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9,
				     2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9, 2 << 9};

static inline size_t pass_index(uint32_t f, uint32_t m)
{
	return (f & 0xFF) | (f >> 3 & 0x100) | pass_lc[m];
}

/* The table of tagger g's rules: every token hot when a token in lower
 * case may start a hit (all_hot), a number a trigger (num_trig). */
static void pass_init(struct te_tagger *g, int all_hot, int num_trig)
{
	uint64_t *pass_tab = g->pass = xcalloc(1u << 11, sizeof *g->pass);
	for (uint32_t x = 0; x < 1u << 11; x++) {
		uint32_t f = (x & 0xFF) | (x & 0x100 ? TOK_DOT : 0);
		uint32_t len = (x >> 9) == 0 ? 1 : (x >> 9) == 1 ? 2 : 4;
		if (x >> 9 == 3)
			continue;
		uint64_t word = (f & (TOK_WORD | TOK_CLITIC)) == TOK_WORD;
		uint64_t up = word && (f & TOK_UPPER) && len >= 2 && !(f & TOK_DOT);
		uint64_t low = word && !(f & TOK_UPPER) && (f & TOK_LOWER);
		uint64_t cap4 = word && !(f & (TOK_UPPER | TOK_LOWER)) && (f & TOK_CAP) && len >= 4;
		uint64_t c = word && len > 1 && (f & (TOK_CAP | TOK_UPPER));
		uint64_t hot = all_hot || (f & (TOK_CAP | TOK_UPPER | TOK_DIGIT)) != 0;
		uint64_t nt = num_trig && (f & TOK_NUM);
		pass_tab[x] = (uint64_t)((f & TOK_NUM) != 0) | up << 8 | low << 16 | (low && len >= 4) << 24 |
			      cap4 << 32 | c << PASS_C | hot << PASS_HOT | nt << PASS_NUM_TRIG;
	}
}

/* The pass over a row's tokens (nt of them, the text s) by the table
 * pass_tab: cap[i] (capish), the hot tokens, the tokens that may trigger
 * a pattern (trig, when not NULL: the first byte and length may start a
 * trigger in tf, or a number that triggers), and the shape counts. */
static __attribute__((noinline)) void token_pass(const struct token *restrict tv, size_t nt,
						 const char *restrict s, const uint64_t *restrict pass_tab,
						 unsigned char *restrict cap, uint32_t *restrict hot,
						 size_t *nhot_, uint32_t *restrict trig, size_t *ntrig_,
						 const uint32_t *restrict tf, struct shape_counts *sc)
{
	/* few live values (the compiler keeps them in registers): the lists
	 * by their ends */
	uint32_t *hp = hot, *tp = trig;
	for (size_t i0 = 0; i0 < nt;) {
		size_t z = nt - i0 > 255 ? i0 + 255 : nt; /* the counts are bytes */
		uint64_t acc = 0;
		for (size_t i = i0; i < z; i++) {
			uint32_t f = tv[i].flags, b = tv[i].b;
			uint32_t len = tv[i].e - b;
			uint32_t m = len < 31 ? len : 31;
			uint64_t v = pass_tab[pass_index(f, m)];
			unsigned c = (unsigned)(v >> PASS_C) & 1;
			if (__builtin_expect((f & TOK_JOINED) != 0, 0))
				c = capish_joined(&tv[i], s);
			cap[i] = (unsigned char)c;
			*hp = (uint32_t)i;
			hp += c | ((unsigned)(v >> PASS_HOT) & 1);
			/* a trigger may start here: its first byte and length (a
			 * table without triggers is all zeros) */
			*tp = (uint32_t)i;
			tp += ((tf[(unsigned char)s[b]] >> m) | (unsigned)(v >> PASS_NUM_TRIG)) & 1;
			acc += v;
		}
		sc->nums += acc & 0xFF;
		sc->up += acc >> 8 & 0xFF;
		sc->low += acc >> 16 & 0xFF;
		sc->low4 += acc >> 24 & 0xFF;
		sc->cap4 += acc >> 32 & 0xFF;
		i0 = z;
	}
	*nhot_ = (size_t)(hp - hot);
	*ntrig_ = (size_t)(tp - trig);
}

void te_tag_row(struct te_tagger *g, uint32_t row, const char *s, size_t n)
{
	struct rowctx r;
	tok_scan(s, n, &g->tk);
	room(g, g->tk.n);
	g->s = s;
	g->sn = n;
	r.g = g;
	r.t = g->t;
	r.tv = g->tk.v;
	r.row = row;
	r.n = g->tk.n;
	r.nc = 0;
	r.c = g->cands;
	r.capc = g->capcands;
	size_t nt = g->tk.n;
	memset(g->cover, 0, nt * sizeof *g->cover);
	r.cover = g->cover;
	r.cap = g->cap;
	/* one pass: which tokens may be names, and the counts of the shape */
	struct shape_counts sc = {0};
	const struct token *tv = g->tk.v;
	unsigned char *cap = g->cap;
	if (nt > g->caphot) {
		g->caphot = nt + 64;
		g->hot = xrealloc(g->hot, g->caphot * sizeof *g->hot);
		g->trig = xrealloc(g->trig, g->caphot * sizeof *g->trig);
	}
	uint32_t *hot = g->hot, *trig = g->trig;
	size_t nhot = 0, ntrig = 0;
	const struct te *t = g->t;
	int all_hot = t->nlowstart || t->any_fold_case; /* a lower-case token may start a hit */
	int any_trig = t->triggers.nvals || t->on_number;
	/* without branches on the token's kind (they would be guessed wrong a
	 * third of the time): what a token adds to the counts, and whether it
	 * may be a name or start one, from one table by its flags and length
	 * (capish_ only for joined words) */
	if (!g->pass)
		pass_init(g, all_hot, t->on_number != 0);
	token_pass(tv, nt, s, g->pass, cap, hot, &nhot, trig, &ntrig, t->trig_first, &sc);
	r.hot = hot, r.nhot = nhot;
	r.trig = trig, r.ntrig = any_trig ? ntrig : 0;
	int shape = row_shape(&sc, &g->tk);
	g->shape = shape;
	g->table = sc.nums >= 2 && sc.nums * 4 >= nt;
	gazetteer_hits(&r, shape);
	dateline(&r);
	size_t nhits = r.nc;
	pattern_hits(&r, s, n);
	size_t first_piece = r.nc;
	if (shape == ROW_PLAIN) {
		struct piece *pb = g->pieces;
		runs(&r, &pb, &g->cappieces);
		g->pieces = pb;
	}
	else
		for (size_t i = 0; i < nhits; i++) {
			struct cand c = r.c[i];
			*add_cand(&r) = c;
		}
	/* the run pieces and the pattern hits, leftmost-longest */
	for (size_t i = nhits; i < first_piece; i++) {
		struct cand c = r.c[i];
		*add_cand(&r) = c;
	}
	struct cand *v = r.c ? r.c + first_piece : NULL; /* none yet: NULL + 0 is undefined */
	size_t nv = r.nc - first_piece;
	if (nv > g->capsort) {
		g->capsort = nv + 64;
		g->sortbuf = xrealloc(g->sortbuf, g->capsort * sizeof(struct cand));
	}
	cand_sort(v, nv, g->sortbuf);
	uint32_t end = 0;
	for (size_t i = 0; i < nv; i++) {
		if (v[i].tb < end)
			continue;
		struct cand *c = &v[i];
		/* the dateline's parts */
		if (r.dl_city && c->tb < r.dl_city && c->te <= r.dl_city)
			c->type = TE_LOC, c->weak = 0;
		else if (r.dl_reg1 && c->tb >= r.dl_reg0 && c->te <= r.dl_reg1)
			c->type = TE_LOC, c->weak = 0;
		else if (r.dl_ag1 && c->tb >= r.dl_ag0 && c->te <= r.dl_ag1)
			c->type = TE_ORG, c->weak = 0;
		/* a place and a score in a table: a team */
		if (g->table && c->type == TE_LOC && c->te < r.n && (T(&r, c->te)->flags & TOK_NUM))
			c->type = TE_ORG;
		/* the period of Co., Inc., Jr. belongs to the name */
		uint32_t te_ = c->te;
		if (te_ < r.n && (T(&r, te_ - 1)->flags & TOK_WORD) && is_punct(&r, te_, '.') &&
		    T(&r, te_)->b == T(&r, te_ - 1)->e && (te_wcls(g, te_ - 1) & W_ABBR))
			te_++;
		te_push(g, row, c->tb, te_, c->type, c->how, c->weak, c->src, c->ent);
		end = te_;
	}
	g->cands = r.c;
	g->capcands = r.capc;
}
