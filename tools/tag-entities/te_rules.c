/* te_rules.c - loading rules/entities.yaml and every -r file: the types,
 * the gazetteer lists beside the file, cue word lists (inline or from a
 * file of one word a line), entries (id, type, names, priority,
 * fold_case) and patterns (named PCRE2 regexes giving a type to a
 * capture, run on the rows that hold one of their trigger words). */
#include "te.h"
#include "msg.h"
#include "lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *name;
	unsigned bit;
} classes[] = {
	{"titles", W_TITLE},       {"stop", W_STOP},           {"speech", W_SPEECH},
	{"org_tails", W_ORG_TAIL}, {"org_heads", W_ORG_HEAD}, {"loc_tails", W_LOC_TAIL},
	{"loc_heads", W_LOC_HEAD}, {"loc_preps", W_LOC_PREP}, {"joins", W_JOIN},
	{"roles", W_ROLE},         {"org_roles", W_ORG_ROLE}, {"first_names", W_FIRST},
	{"misc_tails", W_MISC_TAIL}, {"per_suffixes", W_PER_SUFFIX}, {"common_words", W_COMMON},
	{"per_nouns", W_PER_NEXT},   {"determiners", W_DET},     {"abbreviations", W_ABBR},
	{"org_nouns", W_ORG_NEXT},   {"org_forms", W_ORG_FORM},
};
#define NCLASSES (sizeof classes / sizeof classes[0])

/* A word of a list, folded to lower case, its final period dropped (Col. and
 * Col are one cue). */
static void add_word(struct te *t, const char *s, size_t n, unsigned bit, uint64_t trig)
{
	static struct buf f;
	buf_reset(&f);
	int ascii = 1;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii) { /* ASCII folds to lower case only */
		buf_add(&f, s, n);
		for (size_t i = 0; i < n; i++)
			if (f.p[i] >= 'A' && f.p[i] <= 'Z')
				f.p[i] += 32;
	} else
		fold(s, n, FOLD_ALL, &f, NULL);
	size_t len = f.len;
	if (len > 1 && f.p[len - 1] == '.')
		len--;
	if (len)
		wordset_add(bit == W_COMMON ? &t->common : bit == W_FIRST ? &t->first : &t->words, f.p,
			    len, bit, trig);
	if (len && (bit == W_COMMON || bit == W_FIRST)) {
		static struct buf scratch;
		te_note_word(t, bit == W_FIRST, te_tok_hash(f.p, len, 1, &scratch));
	}
}

struct word_ctx {
	struct te *t;
	unsigned bit;
};

static void word_fn(const struct ynode *s, void *ctx)
{
	struct word_ctx *w = ctx;
	if (!s->len)
		yerr(s, "an empty word");
	add_word(w->t, s->str, s->len, w->bit, 0);
}

static void load_word_file(struct te *t, const struct ynode *n, unsigned bit)
{
	char *path = ypath(n);
	if (access(path, R_OK) != 0)
		yerr(n, "cannot read the word list %s", path);
	struct lines L = {.max = TE_LIST_LINE_MAX, .max_what = "the longest word list line"};
	lines_open(&L, path);
	while (lines_next(&L)) {
		if (!L.len || L.line[0] == '#')
			continue;
		add_word(t, L.line, L.len, bit, 0);
	}
	lines_close(&L);
	lines_free(&L);
	free(path);
}

static void load_words(struct te *t, const struct ynode *m)
{
	ymap(m);
	for (size_t i = 0; i < m->n; i += 2) {
		const struct ynode *k = m->items[i], *v = m->items[i + 1];
		unsigned bit = 0;
		for (size_t c = 0; c < NCLASSES; c++)
			if (strcmp(k->str, classes[c].name) == 0)
				bit = classes[c].bit;
		if (!bit) {
			char list[512] = "";
			for (size_t c = 0; c < NCLASSES; c++) {
				strcat(list, c ? ", " : "");
				strcat(list, classes[c].name);
			}
			yerr(k, "unknown word list '%s' (known: %s)", k->str, list);
		}
		if (v->kind == Y_MAP) {
			static const char *const keys[] = {"file", "source", "licence", "license", NULL};
			ymap_check(v, keys);
			load_word_file(t, ymap_need(v, "file"), bit);
			continue;
		}
		struct word_ctx w = {t, bit};
		yeach_string(v, word_fn, &w);
	}
}

static void load_lists(struct te *t, const struct ynode *seq)
{
	yseq(seq);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i], *fn = it;
		if (it->kind == Y_MAP) {
			static const char *const keys[] = {"file", "source", "licence", "license", NULL};
			ymap_check(it, keys);
			fn = ymap_need(it, "file");
		}
		char *path = ypath(fn);
		if (access(path, R_OK) != 0)
			yerr(fn, "cannot read the gazetteer %s", path);
		te_load_gazetteer(t, path);
		free(path);
	}
}

struct entry_ctx {
	struct te *t;
	uint32_t e;
	int fold_case;
};

static void name_fn(const struct ynode *s, void *ctx)
{
	struct entry_ctx *c = ctx;
	const char *why;
	if (!s->len)
		yerr(s, "an empty name");
	if (te_alias_add(c->t, c->e, s->str, s->len, c->fold_case, &why) < 0)
		yerr(s, "%s", why);
}

static int need_type(struct te *t, const struct ynode *n)
{
	const char *s = yscalar(n);
	int ty = te_type(t, s, strlen(s));
	if (ty < 0)
		yerr(n, "unknown type '%s' (PER, ORG, LOC, MISC, or one listed under 'types:')", s);
	return ty;
}

static void load_entries(struct te *t, const struct ynode *seq, int src)
{
	static const char *const keys[] = {"id", "type", "names", "priority", "fold_case", NULL};
	yseq(seq);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		ymap_check(it, keys);
		const struct ynode *id = ymap_need(it, "id");
		const char *ids = yscalar(id);
		if (!*ids || strpbrk(ids, ";,\t\n\r"))
			yerr(id, "an id may not be empty nor hold ';', ',', a TAB or a line break");
		int ty = need_type(t, ymap_need(it, "type"));
		const struct ynode *p = ymap_get(it, "priority");
		int prio = p ? (int)yint(p, -1000, 1000) : 0;
		const struct ynode *fc = ymap_get(it, "fold_case");
		struct entry_ctx c = {t, te_entry_add(t, ids, strlen(ids), ty, prio, src),
				      fc ? ybool(fc) : 0};
		yeach_string(ymap_need(it, "names"), name_fn, &c);
	}
}

struct trig_ctx {
	struct te *t;
	uint64_t bit;
};

static void trig_fn(const struct ynode *s, void *ctx)
{
	struct trig_ctx *c = ctx;
	if (!s->len)
		yerr(s, "an empty trigger");
	if (strcmp(s->str, "#number") == 0) {
		c->t->on_number |= c->bit;
		return;
	}
	/* as written; one in lower case matches any case (cls 1) */
	int lower = 1;
	for (size_t i = 0; i < s->len; i++)
		lower &= !(s->str[i] >= 'A' && s->str[i] <= 'Z');
	wordset_add(&c->t->triggers, s->str, s->len, lower, c->bit);
	uint64_t key = ws_pack(s->str, s->len);
	if (key) {
		unsigned g = te_trig_sig(key);
		c->t->trig_sig[g >> 6] |= 1ULL << (g & 63);
	}
	unsigned char b0 = (unsigned char)s->str[0];
	uint32_t len = 1u << (s->len < 31 ? s->len : 31);
	c->t->trig_first[b0] |= len;
	if (lower && b0 >= 'a' && b0 <= 'z')
		c->t->trig_first[b0 - 32] |= len;
}

static void load_patterns(struct te *t, const struct ynode *seq)
{
	static const char *const keys[] = {"name", "type", "pattern", "group", "triggers",
					   "id", "caseless", NULL};
	yseq(seq);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		ymap_check(it, keys);
		if (t->npat == 64)
			yerr(it, "at most 64 patterns");
		if (t->npat == t->cappat) {
			t->cappat = t->cappat ? 2 * t->cappat : 16;
			t->pat = xrealloc(t->pat, t->cappat * sizeof *t->pat);
		}
		struct te_pattern *p = &t->pat[t->npat];
		memset(p, 0, sizeof *p);
		p->name = xstrdup(yscalar(ymap_need(it, "name")));
		p->type = (uint8_t)need_type(t, ymap_need(it, "type"));
		const struct ynode *g = ymap_get(it, "group");
		p->group = g ? (int)yint(g, 0, 99) : 0;
		const struct ynode *cl = ymap_get(it, "caseless");
		p->caseless = cl ? ybool(cl) : 0;
		const struct ynode *id = ymap_get(it, "id");
		p->id_slug = 1;
		if (id && strcmp(yscalar(id), "slug") != 0) {
			if (strpbrk(id->str, ";,\t\n\r"))
				yerr(id, "an id may not hold ';', ',', a TAB or a line break");
			p->id_slug = 0;
			p->id = xstrdup(id->str);
		}
		struct buf label = {0};
		buf_printf(&label, "pattern %s", p->name);
		p->src = (uint8_t)te_src_add(t, label.p);
		buf_free(&label);
		const struct ynode *pat = ymap_need(it, "pattern");
		const struct ynode *tr = ymap_get(it, "triggers");
		/* a triggered pattern is tried at the token starts near a trigger:
		 * anchored there by \G, so a try that fails costs a few steps */
		struct buf src = {0};
		if (tr)
			buf_adds(&src, "\\G(?:");
		buf_add(&src, yscalar(pat), pat->len);
		if (tr)
			buf_adds(&src, ")");
		rx_compile(&p->rx, src.p, src.len, (p->caseless ? RX_CASELESS : 0) | RX_UCP, p->name, pat);
		buf_free(&src);
		/* the bytes a match may start with: PCRE2's bitmap of the pattern
		 * compiled without Unicode properties (which it can compute: \d is
		 * 0-9 then), and every byte >= 0x80 (what \d, \w or a caseless
		 * letter may also match with them) */
		if (tr) {
			int ec;
			PCRE2_SIZE eo;
			pcre2_code *c = pcre2_compile((PCRE2_SPTR)yscalar(pat), pat->len,
						      PCRE2_UTF | (p->caseless ? PCRE2_CASELESS : 0), &ec, &eo,
						      NULL);
			const uint8_t *bm = NULL;
			if (c && pcre2_pattern_info(c, PCRE2_INFO_FIRSTBITMAP, &bm) == 0 && bm) {
				memcpy(p->firstbuf, bm, 32);
				memset(p->firstbuf + 16, 0xff, 16);
				p->first = p->firstbuf;
			}
			pcre2_code_free(c);
		}
		uint32_t cnt;
		pcre2_pattern_info(p->rx.code, PCRE2_INFO_CAPTURECOUNT, &cnt);
		if ((uint32_t)p->group > cnt)
			yerr(g, "the pattern has %u groups, not %d", cnt, p->group);
		if (tr) {
			struct trig_ctx c = {t, 1ULL << t->npat};
			yeach_string(tr, trig_fn, &c);
		} else
			t->untriggered |= 1ULL << t->npat;
		t->npat++;
	}
}

struct type_ctx {
	struct te *t;
};

static void type_fn(const struct ynode *s, void *ctx)
{
	struct type_ctx *c = ctx;
	for (size_t i = 0; i < s->len; i++)
		if (!((s->str[i] >= 'A' && s->str[i] <= 'Z') || (s->str[i] >= '0' && s->str[i] <= '9') ||
		      s->str[i] == '_'))
			yerr(s, "a type is written in capitals, digits and '_'");
	if (!s->len || te_type_add(c->t, s->str) < 0)
		yerr(s, "at most %d types", TE_MAX_TYPES);
}

void te_load_yaml(const struct ynode *root, void *ctx)
{
	struct te *t = ctx;
	static const char *const keys[] = {"version", "types", "lists", "words", "entries",
					   "patterns", NULL};
	ymap_check(root, keys);
	const struct ynode *n;
	if ((n = ymap_get(root, "types"))) {
		struct type_ctx c = {t};
		yeach_string(n, type_fn, &c);
	}
	if ((n = ymap_get(root, "lists")))
		load_lists(t, n);
	if ((n = ymap_get(root, "words")))
		load_words(t, n);
	if ((n = ymap_get(root, "entries"))) {
		struct buf label = {0};
		buf_printf(&label, "entries of %s", root->file);
		int src = te_src_add(t, label.p);
		buf_free(&label);
		load_entries(t, n, src);
	}
	if ((n = ymap_get(root, "patterns")))
		load_patterns(t, n);
}
