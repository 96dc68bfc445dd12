/* wordtab.c - open-addressing hash table of words to flag bits. */
#include "wordtab.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ^ (h >> 29);
}

static size_t slot(const struct wordtab *t, const char *s, size_t n)
{
	size_t m = t->cap - 1, i = (size_t)hash(s, n) & m;
	while (t->keys[i] && (t->lens[i] != n || memcmp(t->keys[i], s, n) != 0))
		i = (i + 1) & m;
	return i;
}

unsigned wt_get(const struct wordtab *t, const char *s, size_t n)
{
	if (!t->cap)
		return 0;
	size_t i = slot(t, s, n);
	return t->keys[i] ? t->vals[i] : 0;
}

static void grow(struct wordtab *t)
{
	struct wordtab o = *t;
	t->cap = o.cap ? o.cap * 2 : 256;
	t->keys = xcalloc(t->cap, sizeof *t->keys);
	t->lens = xcalloc(t->cap, sizeof *t->lens);
	t->vals = xcalloc(t->cap, sizeof *t->vals);
	for (size_t i = 0; i < o.cap; i++) {
		if (!o.keys[i])
			continue;
		size_t j = slot(t, o.keys[i], o.lens[i]);
		t->keys[j] = o.keys[i];
		t->lens[j] = o.lens[i];
		t->vals[j] = o.vals[i];
	}
	free(o.keys);
	free(o.lens);
	free(o.vals);
}

void wt_set(struct wordtab *t, const char *s, size_t n, unsigned v)
{
	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	size_t i = slot(t, s, n);
	if (!t->keys[i]) {
		t->keys[i] = xstrndup(s, n);
		t->lens[i] = n;
		t->n++;
	}
	t->vals[i] = v;
}

void wt_free(struct wordtab *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->lens);
	free(t->vals);
	memset(t, 0, sizeof *t);
}
