/* wordset.c - adding words to a word set; lookups are inline in wordset.h
 * but for long words. */
#include "wordset.h"
#include "msg.h"

#include <stdlib.h>

static struct ws_val *slot(struct wordset *w, const char *s, size_t n)
{
	uint64_t k = ws_pack(s, n);
	size_t idx;
	if (k) {
		int fresh;
		uint64_t *i = h64map_put(&w->packed, k, &fresh);
		if (!fresh)
			return &w->vals[*i];
		*i = idx = w->nvals;
	} else {
		long have = strset_find(&w->long_words, s, n);
		if (have >= 0)
			return &w->vals[w->long_val[have]];
		strset_add(&w->long_words, s, n);
		size_t li = w->long_words.len - 1;
		if (!(li & (li - 1))) /* room doubled at 0, 1, 2, 4...: linear, not quadratic */
			w->long_val = xrealloc(w->long_val, 2 * (li ? li : 1) * sizeof *w->long_val);
		w->long_val[li] = idx = w->nvals;
	}
	if (w->nvals == w->capvals) {
		w->capvals = w->capvals ? 2 * w->capvals : 64;
		w->vals = xrealloc(w->vals, w->capvals * sizeof *w->vals);
	}
	w->nvals++;
	w->vals[idx].cls = w->vals[idx].bits = 0;
	if (n) {
		unsigned g = ws_sig(s, n);
		w->sig[g >> 6] |= 1ULL << (g & 63);
	}
	if (n > w->maxlen)
		w->maxlen = n;
	return &w->vals[idx];
}

static void note_bits(struct wordset *w, const char *s, size_t n, uint64_t bits)
{
	if (!bits || !n)
		return;
	unsigned g = ws_sig(s, n);
	w->bits_sig[g >> 6] |= 1ULL << (g & 63);
	if (n > w->bits_maxlen)
		w->bits_maxlen = n;
}

void wordset_add(struct wordset *w, const char *s, size_t n, uint64_t cls, uint64_t bits)
{
	struct ws_val *v = slot(w, s, n);
	v->cls |= cls;
	v->bits |= bits;
	note_bits(w, s, n, bits);
}

void wordset_put(struct wordset *w, const char *s, size_t n, struct ws_val v)
{
	*slot(w, s, n) = v;
	note_bits(w, s, n, v.bits);
}

const struct ws_val *wordset_get_long(const struct wordset *w, const char *s, size_t n)
{
	long i = strset_find(&w->long_words, s, n);
	return i >= 0 ? &w->vals[w->long_val[i]] : NULL;
}

size_t wordset_bytes(const struct wordset *w)
{
	return h64map_bytes(&w->packed) + h64map_bytes(&w->long_words.map) +
	       w->long_words.arena_cap + w->long_words.off_cap * sizeof(size_t) +
	       w->long_words.len * sizeof(size_t) + w->capvals * sizeof(struct ws_val);
}

void wordset_free(struct wordset *w)
{
	h64map_free(&w->packed);
	strset_free(&w->long_words);
	free(w->long_val);
	free(w->vals);
	memset(w, 0, sizeof *w);
}
