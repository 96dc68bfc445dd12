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

static void add_stopwords(const struct ynode *s, void *ctx)
{
	struct bp_config *c = ctx;
	/* a scalar may hold several words separated by spaces */
	const char *p = s->str, *end = s->str + s->len;
	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		const char *w = p;
		while (p < end && *p != ' ')
			p++;
		if (p > w) {
			char low[64];
			size_t k = bp_lower(w, (size_t)(p - w), low, sizeof low);
			if (!k)
				yerr(s, "stopword '%.*s' is too long or not UTF-8", (int)(p - w), w);
			wordset_add(&c->words, low, k, BP_STOPWORD, 0);
		}
	}
}

void bp_load(const struct ynode *root, void *ctx)
{
	struct bp_config *c = ctx;
	static const char *const keys[] = {"version", "heuristics", "stopwords", "rules", NULL};
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
	if ((v = ymap_get(root, "stopwords")))
		yeach_string(v, add_stopwords, c);
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

