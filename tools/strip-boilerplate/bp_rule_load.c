/* bp_rule_load.c - one rule of the rules file into the configuration:
 * its keys checked, its pattern compiled, its 'needs' split into trigger
 * words (the word set, with the rule's bit) and strings, and what PCRE2
 * knows of every match read off once (minimum length, first bytes, the
 * bytes a match cannot start with, required literals). A rule named like
 * an earlier one replaces it. */
#include "bp.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

struct needs_ctx {
	struct bp_config *c;
	struct bp_rule *rule;
	size_t index;
};

/* One 'needs' entry: a word goes into the word table with the rule's bit;
 * anything else (a symbol such as the copyright sign) is searched as is. */
static void add_need(const struct ynode *s, void *ctx)
{
	struct needs_ctx *nc = ctx;
	if (!s->len)
		yerr(s, "an empty string in 'needs'");
	int word = 1;
	for (size_t i = 0; i < s->len;) {
		size_t len;
		int32_t cp = u8_decode(s->str + i, s->len - i, &len);
		/* letters and digits, with an apostrophe or hyphen inside (as
		 * the features split words: "e-mail" is one word) */
		int inner = (cp == '-' || cp == '\'') && i > 0 && i + len < s->len;
		if (cp < 0 || !(uni_is_letter(cp) || uni_is_digit(cp) || inner) || bp_is_cjk(cp))
			word = 0; /* a string (the features make no words of CJK text) */
		i += len;
	}
	nc->rule->needs = 1;
	if (word) {
		char low[64];
		size_t k = bp_lower(s->str, s->len, low, sizeof low);
		if (!k)
			yerr(s, "'%s' is too long for a trigger word", s->str);
		bp_add_word(nc->c, low, k, 0, 1ULL << (nc->index % 64));
		return;
	}
	struct bp_rule *r = nc->rule;
	r->lits = xrealloc(r->lits, (r->nlits + 1) * sizeof *r->lits);
	r->litinfo = xrealloc(r->litinfo, (r->nlits + 1) * sizeof *r->litinfo);
	char *lit = xstrndup(s->str, s->len);
	struct bp_needlit *li = &r->litinfo[r->nlits];
	memset(li, 0, sizeof *li);
	li->len = strlen(lit);
	unsigned char c0 = (unsigned char)lit[0];
	int punct = c0 < 0x80 && !((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z') && !(c0 >= '0' && c0 <= '9');
	if (punct)
		li->punct[c0 >> 6] |= 1ULL << (c0 & 63);
	li->single = punct && !lit[1];
	for (const char *q = lit + 1; *q; q++) {
		unsigned char cq = (unsigned char)*q;
		if (cq > ' ' && cq < 0x80 && !((cq | 0x20) >= 'a' && (cq | 0x20) <= 'z') && !(cq >= '0' && cq <= '9'))
			li->punct[cq >> 6] |= 1ULL << (cq & 63);
	}
	if (c0 >= 0x80) {
		size_t len;
		int32_t cp = u8_decode(lit, li->len, &len);
		if (cp >= 0)
			li->cpbit = 1ULL << (cp & 63);
	}
	r->lits[r->nlits++] = lit;
}

static int reserved_name(const char *name)
{
	for (int i = 1; i < BPR_N; i++)
		if (strcmp(name, bp_reason_names[i]) == 0)
			return 1;
	return 0;
}

/* For an anchored pattern: the bytes a match can start with. */
static void first_bytes(struct bp_rule *rule, int anchored)
{
	rule->anchored = rule->has_second = 0;
	memset(rule->second, 0, sizeof rule->second);
	if (anchored)
		rule->anchored = bp_first_bytes(rule->rx.code, rule->ascii_first, rule->second, &rule->has_second);
}

/* Can a match start with any ASCII letter (ascii_first: bit c for byte c)? */
static int any_letter(const uint64_t ascii_first[2])
{
	/* 'A'..'Z' and 'a'..'z' are bits 1..26 and 33..58 of the second word */
	uint64_t letters = 0x07FFFFFEULL | 0x07FFFFFEULL << 32;
	return (ascii_first[1] & letters) == letters;
}

void bp_load_rule(struct bp_config *c, const struct ynode *r)
{
	static const char *const keys[] = {"name", "action", "pattern", "caseless", "ucp",
					   "max_length", "tail", "inside", "after", "box", "figure", "with_figure", "note", "header", "shape", "needs", NULL};
	ymap_check(r, keys);
	const struct ynode *nn = ymap_need(r, "name");
	const char *name = yscalar(nn);
	if (!*name || strpbrk(name, "\t\n\r\\"))
		yerr(nn, "a rule name must be non-empty, without tabs, newlines or backslashes");
	if (reserved_name(name))
		yerr(nn, "rule name '%s' is the name of a built-in heuristic", name);
	const struct ynode *an = ymap_need(r, "action");
	const char *a = yscalar(an);
	enum bp_action act;
	if (strcmp(a, "drop") == 0)
		act = BP_DROP;
	else if (strcmp(a, "trim") == 0)
		act = BP_TRIM;
	else if (strcmp(a, "off") == 0)
		act = BP_OFF;
	else
		yerr(an, "action must be drop, trim or off, not '%s'", a);

	/* a rule named like an earlier one replaces it */
	struct bp_rule *rule = NULL;
	for (size_t i = 0; i < c->nrules; i++)
		if (strcmp(c->rules[i].name, name) == 0) {
			rule = &c->rules[i];
			rx_free(&rule->rx);
			bp_branches_free(&rule->br);
			break;
		}
	const struct ynode *pn = ymap_get(r, "pattern");
	if (!pn && act != BP_OFF)
		yerr(r, "rule '%s': missing key 'pattern'", name);
	if (!pn) {
		if (!rule)
			yerr(nn, "rule '%s' is off but no earlier rule has that name", name);
		rule->action = BP_OFF;
		return;
	}
	if (!rule) {
		c->rules = xrealloc(c->rules, (c->nrules + 1) * sizeof *c->rules);
		rule = &c->rules[c->nrules++];
		memset(rule, 0, sizeof *rule);
		rule->name = xstrdup(name);
	}
	rule->action = act;
	unsigned flags = 0;
	const struct ynode *v;
	if ((v = ymap_get(r, "caseless")) && ybool(v))
		flags |= RX_CASELESS;
	if ((v = ymap_get(r, "ucp")))
		flags |= ybool(v) ? RX_UCP : 0;
	else
		flags |= RX_UCP_AUTO;
	rule->max_len = (v = ymap_get(r, "max_length")) ? (size_t)yint(v, 0, 1L << 30) : 0;
	rule->tail = (v = ymap_get(r, "tail")) ? (size_t)yint(v, 0, 1L << 30) : 0;
	rule->inside = (v = ymap_get(r, "inside")) ? ybool(v) : 0;
	rule->after = (v = ymap_get(r, "after")) ? ybool(v) : 0;
	rule->box = (v = ymap_get(r, "box")) ? ybool(v) : 0;
	rule->figure = (v = ymap_get(r, "figure")) ? ybool(v) : 0;
	rule->note = (v = ymap_get(r, "note")) ? ybool(v) : 0;
	rule->with_figure = (v = ymap_get(r, "with_figure")) ? ybool(v) : 0;
	rule->header = (v = ymap_get(r, "header")) ? ybool(v) : 0;
	if (rule->with_figure)
		rule->figure = 1;
	rule->shape = BP_SHAPE_LABEL;
	if ((v = ymap_get(r, "shape"))) {
		const char *sh = yscalar(v);
		if (strcmp(sh, "label") == 0)
			rule->shape = BP_SHAPE_LABEL;
		else if (strcmp(sh, "short") == 0)
			rule->shape = BP_SHAPE_SHORT;
		else if (strcmp(sh, "any") == 0)
			rule->shape = BP_SHAPE_ANY;
		else
			yerr(v, "shape must be label, short or any, not '%s'", sh);
	}
	rule->needs = 0;
	for (size_t k = 0; k < rule->nlits; k++)
		free(rule->lits[k]);
	rule->nlits = 0;
	if ((v = ymap_get(r, "needs"))) {
		struct needs_ctx nc = {c, rule, (size_t)(rule - c->rules)};
		yeach_string(v, add_need, &nc);
	}
	if (act == BP_DROP && rule->needs && (rule->max_len == 0 || rule->max_len > c->needs_max_len))
		c->needs_max_len = rule->max_len ? rule->max_len : (size_t)-1;
	const char *pat = yscalar(pn);
	if (!*pat)
		yerr(pn, "rule '%s': empty pattern", name);
	rx_compile(&rule->rx, pat, pn->len, flags, rule->name, pn);
	/* what PCRE2 knows of every match, to skip rows before the call */
	uint32_t minlen = 0, opts = 0;
	const uint8_t *bm = NULL;
	rule->minlen = pcre2_pattern_info(rule->rx.code, PCRE2_INFO_MINLENGTH, &minlen) == 0 ? minlen : 0;
	rule->anchored_first = pcre2_pattern_info(rule->rx.code, PCRE2_INFO_ALLOPTIONS, &opts) == 0 &&
			       (opts & PCRE2_ANCHORED) && !(opts & PCRE2_MULTILINE) &&
			       pcre2_pattern_info(rule->rx.code, PCRE2_INFO_FIRSTBITMAP, &bm) == 0 && bm;
	if (rule->anchored_first)
		memcpy(rule->first, bm, sizeof rule->first);
	first_bytes(rule, (opts & PCRE2_ANCHORED) && !(opts & PCRE2_MULTILINE));
	uint32_t aopts = 0;
	rule->need_digit = pcre2_pattern_info(rule->rx.code, PCRE2_INFO_ARGOPTIONS, &aopts) == 0 &&
			   !(aopts & PCRE2_UCP) && bp_pattern_needs_digit(pat, pn->len);
	bp_lits_free(&rule->req);
	/* (an anchored pattern that fails at its first bytes runs once per
	 * row, which costs less than a search of the whole row for literals;
	 * one whose match may start with any letter, ".{0,120}\\bletters? to
	 * the editor", runs on into the row: its literals pay) */
	if (act == BP_DROP && (!(opts & PCRE2_ANCHORED) || (rule->anchored && any_letter(rule->ascii_first))))
		bp_lits_from_pattern(&rule->req, pat, pn->len, BP_LIT_MIN);
	bp_gates_free(&rule->gates);
	bp_branches_free(&rule->br);
	uint32_t argopts = 0;
	if (pcre2_pattern_info(rule->rx.code, PCRE2_INFO_ARGOPTIONS, &argopts) != 0)
		return;
	/* (an anchored pattern runs once per row: a search of the whole row
	 * for literals would cost more; a tail rule's gates look at its tail
	 * only, where literals of two bytes pay too) */
	if (!(opts & PCRE2_ANCHORED))
		bp_gates_build_min(&rule->gates, pat, pn->len, argopts, rule->tail ? 2 : 0);
	/* a drop rule of many branches with gates: searched branch by
	 * branch (bp_branches.c), with the options its whole pattern was
	 * compiled with */
	if (act == BP_DROP && rule->gates.n)
		bp_branches_build(&rule->br, pat, pn->len,
				  ((argopts & PCRE2_CASELESS) ? RX_CASELESS : 0) | ((argopts & PCRE2_UCP) ? RX_UCP : 0));
	/* (a tail rule searched as written costs less than its gates: its
	 * tail is short) */
	if (rule->tail && !rule->br.n)
		bp_gates_free(&rule->gates);
	/* where every branch's gate needs a literal, a row without a literal
	 * of the whole pattern passes none of them: the gates' one search
	 * answers for both */
	int lit_gates = rule->gates.n > 0;
	for (size_t b = 0; b < rule->gates.n; b++)
		lit_gates &= rule->gates.g[b].lits != 0;
	if (lit_gates)
		bp_lits_free(&rule->req);
}

