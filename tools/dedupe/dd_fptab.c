/* dd_fptab.c - the exact table: 64-bit fingerprints with optional 32-bit
 * values (dd.h says why it is not h64map). */
#include "dd.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

void dd_fptab_init(struct dd_fptab *t, int values)
{
	memset(t, 0, sizeof *t);
	t->values = values;
}

void dd_fptab_free(struct dd_fptab *t)
{
	free(t->fp);
	free(t->val);
	int v = t->values;
	memset(t, 0, sizeof *t);
	t->values = v;
}

static size_t slot(const struct dd_fptab *t, uint64_t fp)
{
	size_t i = dd_fptab_home(fp, t->cap);
	while (t->fp[i] && t->fp[i] != fp)
		if (++i == t->cap)
			i = 0;
	return i;
}

static void resize(struct dd_fptab *t, size_t cap)
{
	struct dd_fptab big = {.cap = cap, .n = t->n, .values = t->values};
	big.fp = xcalloc(cap, sizeof *big.fp);
	if (t->values)
		big.val = xcalloc(cap, sizeof *big.val);
	for (size_t i = 0; i < t->cap; i++)
		if (t->fp[i]) {
			size_t j = slot(&big, t->fp[i]);
			big.fp[j] = t->fp[i];
			if (t->values)
				big.val[j] = t->val[i];
		}
	free(t->fp);
	free(t->val);
	*t = big;
}

/* Doubled while small (fewer passes over a table that is cheap anyway),
 * a quarter more once over 2^16 slots; doubled at any size without values
 * (exact mode without --mark: 8 bytes a slot, so 9.4 to 18.8 bytes a key,
 * inside the 32 a kept row may take). */
static void grow(struct dd_fptab *t)
{
	size_t cap = !t->cap ? 1024 : t->cap < (1u << 16) || !t->values ? 2 * t->cap : t->cap + t->cap / 4;
	resize(t, cap);
}

void dd_fptab_reserve(struct dd_fptab *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 1024;
	while (20 * (n + 1) > 17 * cap)
		cap += cap / 4;
	if (cap > t->cap)
		resize(t, cap);
}

static uint32_t dummy;

uint32_t *dd_fptab_get(const struct dd_fptab *t, uint64_t fp)
{
	if (!t->cap)
		return NULL;
	fp += !fp;
	size_t i = slot(t, fp);
	if (!t->fp[i])
		return NULL;
	return t->values ? &t->val[i] : &dummy;
}

uint32_t *dd_fptab_put(struct dd_fptab *t, uint64_t fp, int *fresh)
{
	fp += !fp;
	if (!t->cap)
		grow(t);
	size_t i = slot(t, fp);
	int f = !t->fp[i];
	if (f && 20 * (t->n + 1) > 17 * t->cap) { /* a new entry, and no room */
		grow(t);
		i = slot(t, fp);
	}
	if (f) {
		t->fp[i] = fp;
		t->n++;
		if (t->values)
			t->val[i] = 0;
	}
	if (fresh)
		*fresh = f;
	return t->values ? &t->val[i] : &dummy;
}

size_t dd_fptab_bytes(const struct dd_fptab *t)
{
	return t->cap * (sizeof(uint64_t) + (t->values ? sizeof(uint32_t) : 0));
}
