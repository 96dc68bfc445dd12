/* wordtab.c - open-addressing hash table of words to flag bits. Short keys
 * (most abbreviations) live inside the slot, so a lookup touches one cache
 * line; longer ones are allocated. */
#include "wordtab.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return (uint32_t)(h ^ (h >> 32)) | 1; /* 0 marks an empty slot */
}

static inline const char *key_of(const struct wt_slot *e)
{
	return e->len < sizeof e->in ? e->in : e->out;
}

static size_t find(const struct wordtab *t, const char *s, size_t n, uint32_t h)
{
	size_t m = t->cap - 1, i = h & m;
	while (t->slots[i].h &&
	       (t->slots[i].h != h || t->slots[i].len != n || memcmp(key_of(&t->slots[i]), s, n) != 0))
		i = (i + 1) & m;
	return i;
}

/* A 12-bit signature of a key from its length and its first and last
 * bytes: cheap, and it spreads a few hundred words over 4096 bits. */
static inline unsigned sig(const char *s, size_t n)
{
	if (!n)
		return 0;
	unsigned a = (unsigned char)s[0], z = (unsigned char)s[n - 1];
	return ((a * 7u + z * 131u) * 8u + (unsigned)(n < 7 ? n : 7)) & 4095u;
}

unsigned wt_get(const struct wordtab *t, const char *s, size_t n)
{
	unsigned g = sig(s, n);
	if (!(t->bloom[g >> 6] >> (g & 63) & 1))
		return 0;
	if (!t->cap)
		return 0;
	size_t i = find(t, s, n, hash(s, n));
	return t->slots[i].h ? t->slots[i].val : 0;
}

static void grow(struct wordtab *t)
{
	struct wordtab o = *t;
	t->cap = o.cap ? o.cap * 2 : 256;
	t->slots = xcalloc(t->cap, sizeof *t->slots);
	for (size_t i = 0; i < o.cap; i++) {
		if (!o.slots[i].h)
			continue;
		size_t j = find(t, key_of(&o.slots[i]), o.slots[i].len, o.slots[i].h);
		t->slots[j] = o.slots[i];
	}
	free(o.slots);
}

void wt_set(struct wordtab *t, const char *s, size_t n, unsigned v)
{
	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	uint32_t h = hash(s, n);
	size_t i = find(t, s, n, h);
	struct wt_slot *e = &t->slots[i];
	unsigned g = sig(s, n);
	t->bloom[g >> 6] |= (uint64_t)1 << (g & 63);
	if (!e->h) {
		e->h = h;
		e->len = n;
		if (n < sizeof e->in)
			memcpy(e->in, s, n);
		else
			e->out = xstrndup(s, n);
		t->n++;
	}
	e->val = v;
}

void wt_free(struct wordtab *t)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].h && t->slots[i].len >= sizeof t->slots[i].in)
			free(t->slots[i].out);
	free(t->slots);
	memset(t, 0, sizeof *t);
}
