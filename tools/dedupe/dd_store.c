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
	free(s->keyoff);
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

size_t dd_store_bytes(const struct dd_store *s)
{
	return s->ccode * sizeof *s->code + s->crec * sizeof *s->rec + s->ckeys +
	       s->ckeyoff * sizeof *s->keyoff;
}
