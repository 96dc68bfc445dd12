/* bp_words.c - a small set of lowercase words (the stopwords), open
 * addressing with FNV-1a, looked up once per word on the hot path. */
#include "bp.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void put(struct bp_wordset *w, char *word)
{
	size_t n = strlen(word);
	size_t i = (size_t)fnv(word, n) & w->mask;
	while (w->slot[i]) {
		if (strcmp(w->slot[i], word) == 0) {
			free(word);
			return;
		}
		i = (i + 1) & w->mask;
	}
	w->slot[i] = word;
	w->n++;
}

void bp_words_add(struct bp_wordset *w, const char *s, size_t n)
{
	if ((w->n + 1) * 2 > w->mask) {
		size_t oldcap = w->slot ? w->mask + 1 : 0;
		char **old = w->slot;
		size_t cap = oldcap ? oldcap * 2 : 256;
		w->slot = xcalloc(cap, sizeof *w->slot);
		w->mask = cap - 1;
		w->n = 0;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i])
				put(w, old[i]);
		free(old);
	}
	put(w, xstrndup(s, n));
}

int bp_words_has(const struct bp_wordset *w, const char *s, size_t n)
{
	if (!w->slot)
		return 0;
	size_t i = (size_t)fnv(s, n) & w->mask;
	while (w->slot[i]) {
		if (strncmp(w->slot[i], s, n) == 0 && w->slot[i][n] == '\0')
			return 1;
		i = (i + 1) & w->mask;
	}
	return 0;
}

void bp_words_free(struct bp_wordset *w)
{
	if (w->slot)
		for (size_t i = 0; i <= w->mask; i++)
			free(w->slot[i]);
	free(w->slot);
	memset(w, 0, sizeof *w);
}
