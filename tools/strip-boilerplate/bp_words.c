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
	nw.k8 = w->k8, nw.k8stop = w->k8stop, nw.k8rules = w->k8rules;
	nw.k8mask = w->k8mask, nw.k8n = w->k8n;
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

static size_t find8(const struct bp_wordset *w, uint64_t key)
{
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & w->k8mask;
	while (w->k8[i] && w->k8[i] != key)
		i = (i + 1) & w->k8mask;
	return i;
}

static void add8(struct bp_wordset *w, const char *s, size_t n, int stop, uint64_t rules)
{
	if (!w->k8 || (w->k8n + 1) * 2 > w->k8mask) {
		size_t oldcap = w->k8 ? w->k8mask + 1 : 0, cap = oldcap ? oldcap * 2 : 512;
		uint64_t *ok = w->k8, *orl = w->k8rules;
		unsigned char *os = w->k8stop;
		w->k8 = xcalloc(cap, sizeof *w->k8);
		w->k8stop = xcalloc(cap, sizeof *w->k8stop);
		w->k8rules = xcalloc(cap, sizeof *w->k8rules);
		w->k8mask = cap - 1;
		for (size_t i = 0; i < oldcap; i++)
			if (ok[i]) {
				size_t j = find8(w, ok[i]);
				w->k8[j] = ok[i], w->k8stop[j] = os[i], w->k8rules[j] = orl[i];
			}
		free(ok);
		free(os);
		free(orl);
	}
	uint64_t key = 0;
	for (size_t k = 0; k < n; k++)
		key |= (uint64_t)(unsigned char)s[k] << (8 * k);
	size_t i = find8(w, key);
	if (!w->k8[i])
		w->k8[i] = key, w->k8n++;
	w->k8stop[i] |= (unsigned char)stop;
	w->k8rules[i] |= rules;
}

void bp_words_add(struct bp_wordset *w, const char *s, size_t n, int stop, uint64_t rules)
{
	if (n >= 1 && n <= 8)
		add8(w, s, n, stop, rules);
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
	free(w->k8);
	free(w->k8stop);
	free(w->k8rules);
	memset(w, 0, sizeof *w);
}
