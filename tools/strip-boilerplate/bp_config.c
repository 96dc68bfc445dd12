/* bp_config.c - reading boilerplate.yaml (and -r files) into the engine's
 * configuration: the top-level keys, the thresholds (bp_params.c), the
 * stopwords and the rules (bp_rule_load.c); and the configuration's end.
 * Every mistake is a file:line:col error (exit 2) before any input is read. */
#include "bp.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

void bp_init(struct bp_config *c)
{
	memset(c, 0, sizeof *c);
	bp_params_init(&c->p);
}

void bp_add_word(struct bp_config *c, const char *s, size_t n, uint64_t cls, uint64_t bits)
{
	wordset_add(&c->words, s, n, cls, bits);
	uint64_t key = ws_pack(s, n);
	if (!key) {
		/* longer words have a filter of their own; words with bytes
		 * beyond ASCII are looked up past the filters (the fast path
		 * never sees them) */
		if (n > 8) {
			unsigned l = bp_long_slot(s, n);
			c->lfilter[l >> 6] |= 1ULL << (l & 63);
		}
		return;
	}
	unsigned h = bp_wfilter_slot(key);
	c->wfilter[h >> 6] |= 1ULL << (h & 63);
	if (bits)
		c->tfilter[h >> 6] |= 1ULL << (h & 63);
}

/* The classes of the "words:" mapping. */
static const struct {
	const char *key;
	unsigned cls;
} word_classes[] = {
	{"verbs", BP_VERB}, {"speech", BP_SPEECH}, {"address", BP_ADDRESS}, {"address-capitalized", BP_ADDRESS_CAP},
};

struct words_ctx {
	struct bp_config *c;
	unsigned cls;
};

/* Words of a class (stopwords too): a scalar may hold several, separated
 * by spaces. */
static void add_class_words(const struct ynode *s, void *ctx)
{
	struct words_ctx *w = ctx;
	const char *p = s->str, *end = s->str + s->len;
	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		const char *q = p;
		while (p < end && *p != ' ')
			p++;
		if (p > q) {
			char low[64];
			size_t k = bp_lower(q, (size_t)(p - q), low, sizeof low);
			if (!k)
				yerr(s, "word '%.*s' is too long or not UTF-8", (int)(p - q), q);
			bp_add_word(w->c, low, k, w->cls, 0);
		}
	}
}

static void load_words(struct bp_config *c, const struct ynode *m)
{
	ymap(m);
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		const char *key = yscalar(m->items[i]);
		size_t k = 0, nk = sizeof word_classes / sizeof word_classes[0];
		while (k < nk && strcmp(word_classes[k].key, key) != 0)
			k++;
		if (k == nk)
			yerr(m->items[i], "unknown word class '%s' (expected verbs, speech, address or address-capitalized)", key);
		struct words_ctx w = {c, word_classes[k].cls};
		yeach_string(m->items[i + 1], add_class_words, &w);
	}
}

void bp_load(const struct ynode *root, void *ctx)
{
	struct bp_config *c = ctx;
	static const char *const keys[] = {"version", "heuristics", "stopwords", "words", "rules", NULL};
	ymap_check(root, keys);
	free(c->drops); /* made again on first use */
	free(c->trims);
	free(c->lenmask);
	c->lenmask = NULL;
	c->nlenmask = 0;
	c->drops = NULL;
	c->trims = NULL;
	c->ndrops = c->ntrims = 0;
	const struct ynode *v;
	if ((v = ymap_get(root, "heuristics")))
		bp_params_load(&c->p, v);
	if ((v = ymap_get(root, "stopwords"))) {
		struct words_ctx w = {c, BP_STOPWORD};
		yeach_string(v, add_class_words, &w);
	}
	if ((v = ymap_get(root, "words")))
		load_words(c, v);
	if ((v = ymap_get(root, "rules"))) {
		yseq(v);
		for (size_t i = 0; i < v->n; i++)
			bp_load_rule(c, v->items[i]);
	}
}

void bp_free(struct bp_config *c)
{
	for (size_t i = 0; i < c->nrules; i++) {
		for (size_t k = 0; k < c->rules[i].nlits; k++)
			free(c->rules[i].lits[k]);
		free(c->rules[i].lits);
		free(c->rules[i].litinfo);
		if (c->rules[i].rx.code)
			rx_free(&c->rules[i].rx);
		bp_lits_free(&c->rules[i].req);
		bp_gates_free(&c->rules[i].gates);
		bp_branches_free(&c->rules[i].br);
		free(c->rules[i].name);
	}
	free(c->rules);
	free(c->drops);
	free(c->trims);
	free(c->lenmask);
	wordset_free(&c->words);
	h64cache_free(&c->run.rep);
	h64map_free(&c->freq);
	memset(c, 0, sizeof *c);
}

void bp_reset(struct bp_config *c)
{
	h64cache_free(&c->run.rep); /* made again on first use */
	memset(&c->run, 0, sizeof c->run);
	for (size_t i = 0; i < c->nrules; i++)
		c->rules[i].hits = c->rules[i].tries = 0;
}

