/* dd_words.c - the word classes of rules/dedupe.yaml: negations, pairs of
 * direction words, edge words (datelines, credits, promos) and groups of
 * words that compare as one word. Entries are folded like the texts
 * (FOLD_WORDS), so "don't" is "dont" and "U.S." is "us"; an entry of
 * several words is a phrase (per cent). A later entry wins. */
#include "dd.h"
#include "fold.h"
#include "msg.h"
#include "rules.h"

#include <string.h>

void dd_words_init(struct dd_words *w)
{
	memset(w, 0, sizeof *w);
}

void dd_words_free(struct dd_words *w)
{
	h64map_free(&w->map);
	h64map_free(&w->phrases);
	memset(w, 0, sizeof *w);
}

enum { MAX_PHRASE = 4 };

/* Give the folded entry s its code. */
static void set_code(struct dd_words *w, const struct ynode *e, uint16_t code)
{
	struct buf f = {0};
	fold(e->str, e->len, FOLD_WORDS, &f, NULL);
	buf_grow(&f, 8); /* the slack dd_word_hash reads */
	int dig;
	if (!f.len)
		yerr(e, "entry '%s' has no letters or digits", e->str);
	unsigned words = 1;
	const char *sp = memchr(f.p, ' ', f.len);
	for (size_t i = 0; i < f.len; i++)
		words += f.p[i] == ' ';
	if (words > MAX_PHRASE)
		yerr(e, "entry '%s' has %u words (%d at most)", e->str, words, MAX_PHRASE);
	for (size_t i = 0; i < f.len; i++)
		if ((unsigned char)f.p[i] >= '0' && (unsigned char)f.p[i] <= '9')
			yerr(e, "entry '%s' holds a digit: numbers are compared as numbers", e->str);
	if (!sp) {
		uint64_t h = dd_word_hash(f.p, f.len, &dig);
		uint64_t *v = h64map_put(&w->map, h, NULL);
		int d = dd_dir((uint16_t)(*v & 0xFFFF)), k = dd_dir(code);
		if (d >= 0 && k >= 0 && d / 2 != k / 2)
			yerr(e, "'%s' is in two direction pairs: a word belongs to one pair", e->str);
		*v = (*v & ~0xFFFFULL) | code;
		w->filter[(h >> 48) / 64] |= 1ULL << ((h >> 48) % 64);
	} else {
		*h64map_put(&w->phrases, dd_word_hash(f.p, f.len, &dig), NULL) = code;
		uint64_t h = dd_word_hash(f.p, (size_t)(sp - f.p), &dig);
		uint64_t *v = h64map_put(&w->map, h, NULL);
		*v |= 1ULL << 32;
		w->filter[(h >> 48) / 64] |= 1ULL << ((h >> 48) % 64);
		if (words > w->max_phrase)
			w->max_phrase = words;
	}
	buf_free(&f);
}

static const struct ynode *need_list(const struct ynode *v, const char *key)
{
	if (v->kind != Y_SEQ)
		yerr(v, "'%s' must be a list", key);
	return v;
}

/* A word, or a list of words. */
static void each_word(const struct ynode *v, struct dd_words *w, uint16_t code)
{
	if (v->kind == Y_SCALAR) {
		set_code(w, v, code);
		return;
	}
	if (v->kind != Y_SEQ)
		yerr(v, "expected a word or a list of words");
	for (size_t i = 0; i < v->n; i++)
		set_code(w, v->items[i], code);
}

void dd_words_load(const struct ynode *root, void *ctx)
{
	struct dd_words *w = ctx;
	static const char *const keys[] = {"version", "negation", "direction", "edge", "same", NULL};
	ymap_check(root, keys);
	const struct ynode *v;
	if ((v = ymap_get(root, "negation")))
		for (size_t i = 0; i < need_list(v, "negation")->n; i++)
			set_code(w, v->items[i], DD_NEG);
	if ((v = ymap_get(root, "direction")))
		for (size_t i = 0; i < need_list(v, "direction")->n; i++) {
			const struct ynode *p = v->items[i];
			if (p->kind != Y_SEQ || p->n != 2)
				yerr(p, "a direction entry is a pair: [rose, fell]");
			if (w->ndir >= DD_MAXDIR)
				yerr(p, "more than %d direction pairs", DD_MAXDIR);
			each_word(p->items[0], w, (uint16_t)(DD_DIR0 + 2 * w->ndir));
			each_word(p->items[1], w, (uint16_t)(DD_DIR0 + 2 * w->ndir + 1));
			w->ndir++;
		}
	if ((v = ymap_get(root, "edge")))
		for (size_t i = 0; i < need_list(v, "edge")->n; i++) {
			if (w->nedge >= DD_MAXEDGE)
				yerr(v->items[i], "more than %d edge words", DD_MAXEDGE);
			yscalar(v->items[i]);
			set_code(w, v->items[i], (uint16_t)(DD_EDGE0 + w->nedge++));
		}
	if ((v = ymap_get(root, "same")))
		for (size_t i = 0; i < need_list(v, "same")->n; i++) {
			const struct ynode *g = v->items[i];
			if (g->kind != Y_SEQ || g->n < 2)
				yerr(g, "a 'same' entry is a list of two or more words: [mln, million]");
			if (w->nsame >= DD_MAXSAME)
				yerr(g, "more than %d groups of the same words", DD_MAXSAME);
			each_word(g, w, (uint16_t)(DD_SAME0 + w->nsame++));
		}
}
