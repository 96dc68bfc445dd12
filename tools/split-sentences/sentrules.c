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

struct load {
	struct sent_rules *r;
	int what; /* a class, or -1 starters, -2 forget, -3 labels, -4 verbs,
		   * -5 speech verbs, -6 continuers, -7 name prefixes, -8 name words */
};

static void check_word(const struct ynode *s)
{
	if (s->len == 0)
		yerr(s, "an empty entry");
	if (s->len > 60)
		yerr(s, "entry '%.20s...' is too long (60 bytes at most)", s->str);
	for (size_t i = 0; i < s->len; i++) {
		unsigned char c = (unsigned char)s->str[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			yerr(s, "entry '%s' holds a space: list single words (a.m., U.S., D-N.J.)", s->str);
	}
	if (s->len == 1 && s->str[0] == '.')
		yerr(s, "entry '.' is not a word");
}

static void add_one(const struct ynode *s, void *ctx)
{
	struct load *L = ctx;
	check_word(s);
	if (L->what == -1) {
		if (s->str[s->len - 1] == '.')
			yerr(s, "a starter is a word without a period: '%s'", s->str);
		sr_set_starter(L->r, s->str, s->len, 1);
	} else if (L->what == -3) {
		if (s->str[s->len - 1] == ':' || s->str[s->len - 1] == '.')
			yerr(s, "a label is a word without its colon: '%s'", s->str);
		sr_set_label(L->r, s->str, s->len, 1);
	} else if (L->what == -7) {
		size_t n = s->len > 1 && s->str[s->len - 1] == '.' ? s->len - 1 : s->len;
		sr_set_flag(L->r, s->str, n, SR_PREFIX, 1);
	} else if (L->what == -8) {
		if (s->str[s->len - 1] == '.')
			yerr(s, "a name word is a word without a period: '%s'", s->str);
		sr_set_flag(L->r, s->str, s->len, SR_NAMEWORD, 1);
	} else if (L->what <= -4) {
		if (s->str[s->len - 1] == '.')
			yerr(s, "a verb or continuer is a word without a period: '%s'", s->str);
		sr_set_flag(L->r, s->str, s->len,
			    L->what == -4 ? SR_VERB : L->what == -5 ? SR_SPEECH : SR_CONT, 1);
	} else if (L->what == -2) {
		sr_forget(L->r, s->str, s->len);
	} else {
		sr_set_class(L->r, s->str, s->len, L->what);
	}
}

void sr_load_yaml(const struct ynode *root, void *ctx)
{
	static const char *const keys[] = {"version", "never-end", "not-before-number",
					   "may-end", "usually-end", "starters", "labels",
					   "verbs", "speech-verbs", "continuers", "name-prefixes",
					   "name-words", "forget", NULL};
	static const struct {
		const char *key;
		int what;
	} lists[] = {
		{"forget", -2}, /* first, so a file can forget and re-add */
		{"never-end", SR_NEVER},
		{"not-before-number", SR_NUMERIC},
		{"may-end", SR_MAYEND},
		{"usually-end", SR_USUALLY},
		{"starters", -1},
		{"labels", -3},
		{"verbs", -4},
		{"speech-verbs", -5},
		{"continuers", -6},
		{"name-prefixes", -7},
		{"name-words", -8},
	};
	ymap_check(root, keys);
	/* check every list before changing anything */
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
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
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		const struct ynode *v = ymap_get(root, lists[i].key);
		if (!v)
			continue;
		struct load L = {ctx, lists[i].what};
		yeach_string(v, add_one, &L);
	}
}
