/* eq_text.c - a paragraph made ready for the engine: its tokens
 * (common/tokens.h), the rules' word class of a token (looked up lowercase
 * when first asked for), cue phrases, and where its sentences begin
 * outside quotation marks. */
#include "eq_int.h"
#include "fold.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* n bytes of the document's arena, 8-aligned. */
static void *arena_get(struct eq_arena *A, size_t n)
{
	n = (n + 7) & ~(size_t)7;
#ifdef __SANITIZE_ADDRESS__
	if (A->nown == A->capown) {
		A->capown = A->capown ? 2 * A->capown : 64;
		A->own = xrealloc(A->own, A->capown * sizeof *A->own);
	}
	return A->own[A->nown++] = xmalloc(n ? n : 1);
#endif
	while (A->cur < A->nblk && A->blk[A->cur].size - A->used < n) {
		A->cur++;
		A->used = 0;
	}
	if (A->cur == A->nblk) {
		A->blk = xrealloc(A->blk, (A->nblk + 1) * sizeof *A->blk);
		size_t size = n > EQ_ARENA_BLOCK ? n : EQ_ARENA_BLOCK;
		A->blk[A->nblk].p = xmalloc(size);
		A->blk[A->nblk].size = size;
		A->nblk++;
		A->used = 0;
	}
	void *p = A->blk[A->cur].p + A->used;
	A->used += n;
	return p;
}

void eq_arena_reset(struct eq_arena *A)
{
	A->cur = A->used = 0;
#ifdef __SANITIZE_ADDRESS__
	for (size_t i = 0; i < A->nown; i++)
		free(A->own[i]);
	A->nown = 0;
#endif
}

void eq_arena_free(struct eq_arena *A)
{
	eq_arena_reset(A);
	for (size_t i = 0; i < A->nblk; i++)
		free(A->blk[i].p);
	free(A->blk);
#ifdef __SANITIZE_ADDRESS__
	free(A->own);
#endif
	memset(A, 0, sizeof *A);
}

/* Give back the end of the arena's last piece p (the last arena_get),
 * keeping its first n bytes; returns where they are (under ASan the
 * piece is reallocated at its exact size, so it may move). */
static void *arena_keep(struct eq_arena *A, void *p, size_t n)
{
#ifdef __SANITIZE_ADDRESS__
	return A->own[A->nown - 1] = xrealloc(p, n ? n : 1);
#else
	A->used = (size_t)((char *)p - A->blk[A->cur].p) + ((n + 7) & ~(size_t)7);
	return p;
#endif
}

/* Paragraphs up to this many bytes are tokenized straight into the
 * arena (room for one token a byte, the most there can be: a token is
 * one byte at least, so tok_scan never grows it), the room left over
 * given back; longer ones into tok_scan's buffers and copied, so no
 * block is left mostly empty. */
#define EQ_DIRECT_MAX 16384

void par_prepare(const struct eq_rules *R, struct eqi *I, struct par *P)
{
	(void)R;
	if (P->ready)
		return;
	if (P != &I->win && P->n && P->n <= EQ_DIRECT_MAX) {
		struct token *v = arena_get(&I->arena, P->n * sizeof *v);
		struct toks t = I->tokbuf; /* its masks' scratch; the tokens here */
		t.v = v;
		t.cap = P->n;
		tok_scan(P->s, P->n, &t);
		I->tokbuf.mk = t.mk;
		I->tokbuf.mkcap = t.mkcap;
		I->tokbuf.mkstride = t.mkstride;
		size_t n = t.n;
		v = arena_keep(&I->arena, v, n * sizeof *v);
		P->t.v = v;
		P->t.n = n;
		if (n) {
			char *m = arena_get(&I->arena, n * (sizeof *P->cls + sizeof *P->bits) + n);
			P->cls = (uint64_t *)(void *)m;
			P->bits = P->cls + n;
			P->tf = (uint8_t *)(P->bits + n);
			memset(P->tf, 0, n);
		} else {
			P->t.v = NULL;
			P->cls = P->bits = NULL;
			P->tf = NULL;
		}
		P->ready = 1;
		return;
	}
	tok_scan(P->s, P->n, &I->tokbuf);
	size_t n = I->tokbuf.n;
	if (P == &I->win) {
		/* a few words, again and again: its own buffers, grown only */
		if (n > I->wincap) {
			I->wincap = n + n / 2 + 16;
			P->cls = xrealloc(P->cls, I->wincap * sizeof *P->cls);
			P->bits = xrealloc(P->bits, I->wincap * sizeof *P->bits);
			P->tf = xrealloc(P->tf, I->wincap);
		}
		P->t.v = I->tokbuf.v;
	} else if (n) {
		/* tokens, classes and flags in one piece */
		char *m = arena_get(&I->arena, n * (sizeof *P->t.v + sizeof *P->cls + sizeof *P->bits) + n);
		P->t.v = (struct token *)(void *)m;
		/* in pieces below glibc's threshold for `rep movsb` (4 KiB
		 * with AVX2), whose bytes valgrind counts one by one */
		const char *from = (const char *)I->tokbuf.v;
		char *to = (char *)P->t.v;
		for (size_t left = n * sizeof *P->t.v, k; left; left -= k, from += k, to += k) {
			k = left < 2048 ? left : 2048;
			memcpy(to, from, k);
		}
		P->cls = (uint64_t *)(void *)(m + n * sizeof *P->t.v);
		P->bits = P->cls + n;
		P->tf = (uint8_t *)(P->bits + n);
	} else {
		P->t.v = NULL;
		P->cls = P->bits = NULL;
		P->tf = NULL;
	}
	P->t.n = n;
	if (n)
		memset(P->tf, 0, n);
	P->ready = 1;
}

/* ws_pack_lower of the ASCII s[0..n) (n <= 8), 8 bytes at a time when
 * avail (the bytes readable from s) allows: A-Z found by two additions
 * (no byte is >= 0x80, so none carries into the next). */
static inline uint64_t pack_lower(const char *s, size_t n, size_t avail)
{
	if (avail < 8)
		return ws_pack_lower(s, n);
	uint64_t x;
	memcpy(&x, s, 8);
	if (n < 8)
		x &= ((uint64_t)1 << (8 * n)) - 1;
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t up = (x + 0x3F * ones) & ~(x + 0x25 * ones) & high; /* 'A' <= byte <= 'Z' */
	x |= up >> 2;
	/* a NUL byte among the n: ws_pack_lower gives 0 */
	uint64_t pad = n < 8 ? ~(((uint64_t)1 << (8 * n)) - 1) : 0;
	uint64_t y = x | pad;
	if ((y - ones) & ~y & high)
		return 0;
	return x;
}

uint64_t tok_cls_lookup(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, uint64_t *bits)
{
	if (i >= P->t.n)
		return 0;
	if (P->tf[i] & TF_CLS) {
		if (bits)
			*bits = P->bits[i];
		return P->cls[i];
	}
	const struct token *t = &P->t.v[i];
	uint64_t c = 0, b = 0;
	if (t->flags & TOK_WORD) {
		const char *s = P->s + t->b;
		size_t n = t->e - t->b;
		if (n > 1 && s[n - 1] == '.')
			n--; /* U.S. -> u.s */
		char small[32];
		const char *w = small;
		size_t wn = n;
		uint64_t key;
		if ((t->flags & TOK_ASCII) && n <= 8 && (key = pack_lower(s, n, P->n - t->b))) {
			/* most words: lowercased in a register, the filter's
			 * signature from its bytes, one probe */
			unsigned last = (unsigned)(key >> (8 * (n - 1))) & 0xFF;
			if (n <= R->words.maxlen &&
			    ws_filter_has(R->words.sig, ws_sig_of((unsigned)key & 0xFF,
								  (unsigned)(key >> (n > 1 ? 8 : 0)) & 0xFF, last, n))) {
				const struct ws_val *v = wordset_get_packed(&R->words, key);
				if (v) {
					c = v->cls;
					b = v->bits;
				}
			}
			goto done;
		}
		if ((t->flags & TOK_ASCII) && n <= sizeof small) {
			for (size_t k = 0; k < n; k++) {
				char ch = s[k];
				small[k] = ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
			}
		} else {
			buf_reset(&I->low);
			if (t->flags & TOK_ASCII)
				for (size_t k = 0; k < n; k++)
					buf_addc(&I->low, s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] | 0x20) : s[k]);
			else
				fold(s, n, FOLD_CASE | FOLD_MARKS, &I->low, NULL);
			w = I->low.p;
			wn = I->low.len;
		}
		if (wn && wordset_maybe(&R->words, w, wn)) {
			const struct ws_val *v = wordset_get(&R->words, w, wn);
			if (v) {
				c = v->cls;
				b = v->bits;
			}
		}
	}
done:
	P->cls[i] = c;
	P->bits[i] = b;
	P->tf[i] |= TF_CLS;
	if (bits)
		*bits = b;
	return c;
}

/* The token is the ASCII string lit, case ignored. */
int tok_is_n(const struct par *P, size_t i, const char *lit, size_t n)
{
	if (i >= P->t.n)
		return 0;
	const struct token *t = &P->t.v[i];
	if (t->e - t->b != n)
		return 0;
	const char *s = P->s + t->b;
	for (size_t k = 0; k < n; k++)
		if ((s[k] | 0x20) != lit[k] && s[k] != lit[k])
			return 0;
	return 1;
}

int tok_is(const struct par *P, size_t i, const char *lit)
{
	if (i >= P->t.n)
		return 0;
	const struct token *t = &P->t.v[i];
	if (((unsigned char)P->s[t->b] | 0x20) != (unsigned char)lit[0])
		return 0; /* the lists are lowercase: most tokens stop here */
	size_t n = strlen(lit);
	return t->e - t->b == n && strncasecmp(P->s + t->b, lit, n) == 0;
}


/* tok_is with strlen(lit) known, the same tests */
static inline int tok_is_len(const struct par *P, size_t i, const char *lit, size_t n)
{
	if (i >= P->t.n)
		return 0;
	const struct token *t = &P->t.v[i];
	if (((unsigned char)P->s[t->b] | 0x20) != (unsigned char)lit[0])
		return 0;
	return t->e - t->b == n && strncasecmp(P->s + t->b, lit, n) == 0;
}

/* The number of tokens of a cue phrase starting at token i (before end), 0
 * for none. */
size_t phrase_at(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, size_t end)
{
	if (i >= end || !(tok_cls(R, I, P, i, NULL) & EQ_W_PHRASE))
		return 0;
	size_t best = 0;
	/* the first word's length and its first and last bytes, lowercase
	 * (the phrases' words are), before any comparison of letters */
	const struct token *t = &P->t.v[i];
	size_t n0 = t->e - t->b;
	unsigned char a0 = (unsigned char)P->s[t->b], z0 = (unsigned char)P->s[t->e - 1];
	a0 = (unsigned)(a0 - 'A') < 26u ? (unsigned char)(a0 | 0x20) : a0;
	z0 = (unsigned)(z0 - 'A') < 26u ? (unsigned char)(z0 | 0x20) : z0;
	const uint32_t key = eq_phrase_key(n0, a0, z0);
	for (size_t k = 0; k < R->nphr; k++) {
		if (R->phkey[k] != key)
			continue;
		const struct eq_phrase *ph = &R->phr[k];
		if (ph->nw <= best || i + ph->nw > end || ph->wl[0] != n0)
			continue;
		size_t j = 0;
		while (j < ph->nw && tok_is_len(P, i + j, ph->w[j], ph->wl[j]))
			j++;
		if (j == ph->nw)
			best = ph->nw;
	}
	return best;
}

static int is_end_punct(const struct token *t)
{
	return (t->flags & TOK_PUNCT) && (t->cp == '.' || t->cp == '?' || t->cp == '!' || t->cp == 0x2026);
}

/* Where sentences begin (TF_SB), outside quotation marks: after . ? ! or
 * an ellipsis (and the closing marks and brackets after it) before a
 * capital or an opening mark; not after a title (Mr.) or a time word (Jan.);
 * after a quotation ending in . ? ! before a capital; after a dotted word
 * (U.S.) only before a capitalized function word (The, He). */
void par_sentences(const struct eq_rules *R, struct eqi *I, struct par *P)
{
	size_t n = P->t.n;
	if (!n)
		return;
	P->tf[0] |= TF_SB;
	const struct token *v = P->t.v;
	for (size_t x = 0; x < I->npunct; x++) {
		size_t i = I->punct[x];
		if (i + 1 >= n || (P->tf[i] & TF_IN))
			continue;
		size_t j = i + 1;
		int end = 0;
		if (is_end_punct(&v[i])) {
			if (v[i].cp == '.' && i > 0 && (v[i - 1].flags & TOK_WORD) && v[i - 1].e == v[i].b) {
				uint64_t c = tok_cls(R, I, P, i - 1, NULL);
				if ((c & (EQ_W_TITLE | EQ_W_TIME)) && (v[i - 1].flags & TOK_CAP))
					continue;
				if (v[i - 1].e - v[i - 1].b == 1 && (v[i - 1].flags & TOK_CAP))
					continue; /* an initial */
			}
			end = 1;
		} else if ((P->tf[i] & TF_CLOSE) && i > 0 && is_end_punct(&v[i - 1])) {
			end = 2;
		} else if ((v[i].flags & TOK_DOT) && v[i].e - v[i].b > 2) {
			end = 3;
		}
		if (!end)
			continue;
		while (j < n && ((P->tf[j] & TF_CLOSE) || tok_punct(P, j, ')') || tok_punct(P, j, ']')))
			j++;
		if (j >= n)
			continue;
		if (end == 3) {
			if ((v[j].flags & TOK_CAP) && (tok_cls(R, I, P, j, NULL) & (EQ_W_FUNC | EQ_W_PRON)))
				P->tf[j] |= TF_SB;
			continue;
		}
		if ((v[j].flags & TOK_CAP) || (P->tf[j] & TF_OPEN) || (v[j].flags & TOK_DIGIT))
			P->tf[j] |= TF_SB;
	}
}
