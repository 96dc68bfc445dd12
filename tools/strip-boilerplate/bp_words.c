/* bp_words.c - the table of words the features look up, once per word of
 * each line: stopwords, and the trigger words of rules (a rule with
 * 'needs' runs only on lines holding one of them). Open addressing over
 * lowercase UTF-8, a hash per slot so most misses cost one compare. */
#include "bp.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

static size_t find(const struct bp_wordset *w, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & w->mask;
	while (w->fp[i]) {
		if (w->fp[i] == h && w->len[i] == n && memcmp(w->slot[i], s, n) == 0)
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
	nw.fp = xcalloc(cap, sizeof *nw.fp);
	nw.slot = xcalloc(cap, sizeof *nw.slot);
	nw.len = xcalloc(cap, sizeof *nw.len);
	nw.stop = xcalloc(cap, sizeof *nw.stop);
	nw.rules = xcalloc(cap, sizeof *nw.rules);
	nw.mask = cap - 1;
	nw.n = w->n;
	nw.maxlen = w->maxlen;
	memcpy(nw.sig, w->sig, sizeof nw.sig);
	memcpy(nw.tsig, w->tsig, sizeof nw.tsig);
	nw.tmaxlen = w->tmaxlen;
	for (size_t i = 0; i < oldcap; i++) {
		if (!w->fp[i])
			continue;
		size_t j = find(&nw, w->slot[i], w->len[i], w->fp[i]);
		nw.fp[j] = w->fp[i];
		nw.slot[j] = w->slot[i];
		nw.len[j] = w->len[i];
		nw.stop[j] = w->stop[i];
		nw.rules[j] = w->rules[i];
	}
	free(w->fp);
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
	uint64_t h = bp_hash(s, n);
	unsigned g = bp_word_sig(s, n);
	w->sig[g >> 6] |= 1ULL << (g & 63);
	if (rules) {
		w->tsig[g >> 6] |= 1ULL << (g & 63);
		if (n > w->tmaxlen)
			w->tmaxlen = n;
	}
	size_t i = find(w, s, n, h);
	if (!w->fp[i]) {
		w->fp[i] = h;
		w->slot[i] = xstrndup(s, n);
		w->len[i] = n;
		w->n++;
		if (n > w->maxlen)
			w->maxlen = n;
	}
	w->stop[i] |= (unsigned char)stop;
	w->rules[i] |= rules;
}

void bp_words_free(struct bp_wordset *w)
{
	if (w->slot)
		for (size_t i = 0; i <= w->mask; i++)
			free(w->slot[i]);
	free(w->fp);
	free(w->slot);
	free(w->len);
	free(w->stop);
	free(w->rules);
	memset(w, 0, sizeof *w);
}
