/* dd_store.c - the kept texts: their word codes, records and keys. */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

enum { OFF_BITS = 43, LEAD_MAX = 63, CUT_NONE = 0x3FFF };

void dd_store_free(struct dd_store *s)
{
	free(s->code);
	free(s->rec);
	free(s->keys);
	free(s->blk);
	buf_free(&s->last);
	buf_free(&s->scratch);
	memset(s, 0, sizeof *s);
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 1024;
	while (c < need) /* a sixteenth more: little slack (a big block's realloc moves no bytes) */
		c += c / 16 + 64;
	*cap = c;
	return xrealloc(p, c * size);
}

uint32_t dd_store_add(struct dd_store *s, const struct dd_text *t)
{
	if (s->n >= 0x7FFFFFFFu) /* ids below DD_IX_OFFER */
		die(EXIT_TROUBLE, "more than 2147483646 kept texts");
	if (s->ncode + t->n >= (1ULL << OFF_BITS))
		die(EXIT_TROUBLE, "more than 2^43 kept words");
	s->code = grow(s->code, &s->ccode, s->ncode + t->n, sizeof *s->code);
	memcpy(s->code + s->ncode, t->code, t->n * sizeof *t->code);
	s->rec = grow(s->rec, &s->crec, s->n + 1, sizeof *s->rec);
	uint64_t lead = t->lead > LEAD_MAX ? 0 : t->lead;
	uint64_t cut = t->cut == DD_NOCUT || t->cut >= CUT_NONE ? CUT_NONE : t->cut;
	s->rec[s->n] = (uint64_t)s->ncode | lead << OFF_BITS | cut << (OFF_BITS + 6) |
		       (uint64_t)(t->edges != 0) << 63;
	s->ncode += t->n;
	return (uint32_t)s->n++;
}

void dd_store_side(const struct dd_store *s, uint32_t i, struct dd_side *out)
{
	uint64_t r = s->rec[i];
	size_t off = (size_t)(r & ((1ULL << OFF_BITS) - 1));
	size_t end = i + 1 < s->n ? (size_t)(s->rec[i + 1] & ((1ULL << OFF_BITS) - 1)) : s->ncode;
	unsigned cut = (unsigned)((r >> (OFF_BITS + 6)) & CUT_NONE);
	out->code = s->code + off;
	out->n = (uint32_t)(end - off);
	out->lead = (uint16_t)((r >> OFF_BITS) & LEAD_MAX);
	out->cut = cut == CUT_NONE ? DD_NOCUT : (uint16_t)cut;
	out->edges = (uint16_t)(r >> 63);
}

uint32_t dd_store_key(struct dd_store *s, const char *k, size_t n)
{
	if (s->nkeys + n + 10 > 0xFFFFFFFFu)
		die(EXIT_TROUBLE, "more than 4 GiB of keys");
	s->keys = grow(s->keys, &s->ckeys, s->nkeys + n + 10, 1);
	uint32_t off = (uint32_t)s->nkeys;
	size_t v = n;
	do {
		unsigned char b = (unsigned char)(v & 0x7F);
		v >>= 7;
		s->keys[s->nkeys++] = (char)(b | (v ? 0x80 : 0));
	} while (v);
	memcpy(s->keys + s->nkeys, k, n);
	s->nkeys += n;
	return off;
}

const char *dd_store_keyat(const struct dd_store *s, uint32_t off, size_t *n)
{
	size_t v = 0, i = off;
	unsigned shift = 0;
	unsigned char b;
	do {
		b = (unsigned char)s->keys[i++];
		v |= (size_t)(b & 0x7F) << shift;
		shift += 7;
	} while (b & 0x80);
	*n = v;
	return s->keys + i;
}

size_t dd_varint_put(char *p, size_t v)
{
	size_t k = 0;
	do {
		unsigned char b = (unsigned char)(v & 0x7F);
		v >>= 7;
		p[k++] = (char)(b | (v ? 0x80 : 0));
	} while (v);
	return k;
}

static size_t get_varint(const char *p, size_t *at)
{
	size_t v = 0;
	unsigned shift = 0;
	unsigned char b;
	do {
		b = (unsigned char)p[(*at)++];
		v |= (size_t)(b & 0x7F) << shift;
		shift += 7;
	} while (b & 0x80);
	return v;
}

void dd_store_key_seq(struct dd_store *s, const char *k, size_t n)
{
	if (s->nkeys + n + 20 > 0xFFFFFFFFu)
		die(EXIT_TROUBLE, "more than 4 GiB of keys");
	size_t shared = 0;
	if (s->nseq % DD_KEYBLK == 0) {
		s->blk = grow(s->blk, &s->cblk, s->nseq / DD_KEYBLK + 1, sizeof *s->blk);
		s->blk[s->nseq / DD_KEYBLK] = (uint32_t)s->nkeys;
	} else {
		size_t lim = n < s->last.len ? n : s->last.len;
		while (shared < lim && s->last.p[shared] == k[shared])
			shared++;
	}
	s->keys = grow(s->keys, &s->ckeys, s->nkeys + n + 20, 1);
	s->nkeys += dd_varint_put(s->keys + s->nkeys, shared);
	s->nkeys += dd_varint_put(s->keys + s->nkeys, n - shared);
	memcpy(s->keys + s->nkeys, k + shared, n - shared);
	s->nkeys += n - shared;
	buf_reset(&s->last);
	buf_add(&s->last, k, n);
	s->nseq++;
}

size_t dd_store_key_next(const struct dd_store *s, size_t at, struct buf *key)
{
	size_t shared = get_varint(s->keys, &at), rest = get_varint(s->keys, &at);
	key->len = shared;
	buf_add(key, s->keys + at, rest);
	return at + rest;
}

const char *dd_store_key_of(struct dd_store *s, uint32_t i, size_t *n)
{
	size_t at = s->blk[i / DD_KEYBLK];
	s->scratch.len = 0;
	for (uint32_t j = i - i % DD_KEYBLK; j <= i; j++)
		at = dd_store_key_next(s, at, &s->scratch);
	*n = s->scratch.len;
	return s->scratch.p;
}

size_t dd_store_bytes(const struct dd_store *s)
{
	return s->ccode * sizeof *s->code + s->crec * sizeof *s->rec + s->ckeys + s->cblk * sizeof *s->blk;
}
