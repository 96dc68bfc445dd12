/* sentrules.c - loading and checking the abbreviation classes and the
 * sentence starters of rules/sentences.yaml. */
#include "sentrules.h"

#include <string.h>

static void set(struct sent_rules *r, const char *w, size_t n, unsigned v)
{
	wordset_put(&r->words, w, n, (struct ws_val){.cls = v});
}

static size_t trim_period(const char *w, size_t n)
{
	return n > 1 && w[n - 1] == '.' ? n - 1 : n;
}

void sr_set_class(struct sent_rules *r, const char *w, size_t n, int cls)
{
	n = trim_period(w, n);
	unsigned v = sr_get(r, w, n);
	set(r, w, n, (v & ~(unsigned)SR_CLASS) | (unsigned)cls);
}

void sr_set_flag(struct sent_rules *r, const char *w, size_t n, unsigned flag, int on)
{
	unsigned v = sr_get(r, w, n);
	set(r, w, n, on ? v | flag : v & ~flag);
}

void sr_forget(struct sent_rules *r, const char *w, size_t n)
{
	if (sr_get(r, w, n))
		set(r, w, n, 0);
	n = trim_period(w, n);
	if (sr_get(r, w, n))
		set(r, w, n, 0);
}

void sr_free(struct sent_rules *r)
{
	wordset_free(&r->words);
}

/* One list of the rules file: a class (never-end ...), or a flag with
 * what its entries may not end with. */
struct list {
	const char *key;
	int cls;       /* SR_NEVER .. SR_USUALLY, or 0 for a flag list */
	unsigned flag; /* SR_STARTER ..., 0 for a class list or forget */
	char no_end;   /* an entry ending in this is an error ('.', or ':' too for labels) */
	const char *what; /* the name of an entry in that error */
};

static const struct list lists[] = {
	{"forget", 0, 0, 0, NULL}, /* first, so a file can forget and re-add */
	{"never-end", SR_NEVER, 0, 0, NULL},
	{"not-before-number", SR_NUMERIC, 0, 0, NULL},
	{"may-end", SR_MAYEND, 0, 0, NULL},
	{"usually-end", SR_USUALLY, 0, 0, NULL},
	{"starters", 0, SR_STARTER, '.', "a starter"},
	{"labels", 0, SR_LABEL, ':', "a label"},
	{"verbs", 0, SR_VERB, '.', "a verb"},
	{"speech-verbs", 0, SR_SPEECH, '.', "a verb"},
	{"continuers", 0, SR_CONT, '.', "a continuer"},
	{"name-prefixes", 0, SR_PREFIX, 0, NULL}, /* a final period dropped */
	{"name-words", 0, SR_NAMEWORD, '.', "a name word"},
	{"joiners", 0, SR_JOINER, '.', "a joiner"},
	{"subjects", 0, SR_SUBJECT, '.', "a subject"},
	{"not-starters", 0, SR_NOSTART, '.', "a word"},
};

struct load {
	struct sent_rules *r;
	const struct list *l;
};

static void check_word(const struct ynode *s)
{
	rules_check_word(s, 0, "a.m., U.S., D-N.J.");
	if (s->len == 1 && s->str[0] == '.')
		yerr(s, "entry '.' is not a word");
}

static void add_one(const struct ynode *s, void *ctx)
{
	struct load *L = ctx;
	const struct list *l = L->l;
	check_word(s);
	char last = s->str[s->len - 1];
	if (l->no_end && (last == '.' || last == l->no_end))
		yerr(s, "%s is a word without a%s: '%s'", l->what,
		     l->no_end == ':' ? " colon" : " period", s->str);
	if (l->cls)
		sr_set_class(L->r, s->str, s->len, l->cls);
	else if (l->flag)
		sr_set_flag(L->r, s->str, l->no_end ? s->len : (last == '.' && s->len > 1 ? s->len - 1 : s->len),
			    l->flag, 1);
	else
		sr_forget(L->r, s->str, s->len);
}

void sr_load_yaml(const struct ynode *root, void *ctx)
{
	enum { NLISTS = sizeof lists / sizeof lists[0] };
	const char *keys[NLISTS + 2];
	keys[0] = "version"; /* as the file documents them: forget last */
	for (size_t i = 1; i < NLISTS; i++)
		keys[i] = lists[i].key;
	keys[NLISTS] = lists[0].key;
	keys[NLISTS + 1] = NULL;
	ymap_check(root, keys);
	/* check every list before changing anything */
	for (size_t i = 0; i < NLISTS; i++) {
		const struct ynode *v = ymap_get(root, lists[i].key);
		if (!v)
			continue;
		if (v->kind != Y_SEQ)
			yerr(v, "'%s' must be a list of words", lists[i].key);
		for (size_t k = 0; k < v->n; k++) {
			yscalar(v->items[k]);
			check_word(v->items[k]);
		}
	}
	for (size_t i = 0; i < NLISTS; i++) {
		const struct ynode *v = ymap_get(root, lists[i].key);
		if (!v)
			continue;
		struct load L = {ctx, &lists[i]};
		yeach_string(v, add_one, &L);
	}
}
