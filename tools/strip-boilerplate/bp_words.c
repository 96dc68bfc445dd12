/* bp_words.c - the table of words the features look up, once per word of
 * each line: stopwords, and the trigger words of rules (a rule with
 * 'needs' runs only on lines holding one of them). Open addressing with
 * FNV-1a over lowercase UTF-8. */
#include "bp.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

uint64_t bp_hash(const char *s, size_t n)
{
	/* eight bytes at a time: words are short, this is on the hot path */
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, v;
	while (n >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	v = 0;
	memcpy(&v, s, n);
	h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

static size_t find(const struct bp_wordset *w, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & w->mask;
	while (w->slot[i]) {
		if (w->len[i] == n && memcmp(w->slot[i], s, n) == 0)
			return i;
		i = (i + 1) & w->mask;
	}
	return i;
}

static void grow(struct bp_wordset *w)
{
	size_t oldcap = w->slot ? w->mask + 1 : 0;
	size_t cap = oldcap ? oldcap * 2 : 512;
	struct bp_wordset nw = {0};
	nw.slot = xcalloc(cap, sizeof *nw.slot);
	nw.len = xcalloc(cap, sizeof *nw.len);
	nw.stop = xcalloc(cap, sizeof *nw.stop);
	nw.rules = xcalloc(cap, sizeof *nw.rules);
	nw.mask = cap - 1;
	nw.n = w->n;
	nw.maxlen = w->maxlen;
	for (size_t i = 0; i < oldcap; i++) {
		if (!w->slot[i])
			continue;
		size_t j = find(&nw, w->slot[i], w->len[i], bp_hash(w->slot[i], w->len[i]));
		nw.slot[j] = w->slot[i];
		nw.len[j] = w->len[i];
		nw.stop[j] = w->stop[i];
		nw.rules[j] = w->rules[i];
	}
	free(w->slot);
	free(w->len);
	free(w->stop);
	free(w->rules);
	*w = nw;
}

void bp_words_add(struct bp_wordset *w, const char *s, size_t n, int stop, uint64_t rules)
{
	if (!w->slot || (w->n + 1) * 2 > w->mask)
		grow(w);
	size_t i = find(w, s, n, bp_hash(s, n));
	if (!w->slot[i]) {
		w->slot[i] = xstrndup(s, n);
		w->len[i] = n;
		w->n++;
		if (n > w->maxlen)
			w->maxlen = n;
	}
	w->stop[i] |= (unsigned char)stop;
	w->rules[i] |= rules;
}

int bp_words_get(const struct bp_wordset *w, const char *s, size_t n, uint64_t h, uint64_t *rules)
{
	if (!w->slot || n > w->maxlen)
		return 0;
	size_t i = find(w, s, n, h);
	if (!w->slot[i])
		return 0;
	*rules |= w->rules[i];
	return w->stop[i];
}

void bp_words_free(struct bp_wordset *w)
{
	if (w->slot)
		for (size_t i = 0; i <= w->mask; i++)
			free(w->slot[i]);
	free(w->slot);
	free(w->len);
	free(w->stop);
	free(w->rules);
	memset(w, 0, sizeof *w);
}
