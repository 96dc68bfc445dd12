/* bp_rules.c - applying the named regex rules to one line: trim rules cut
 * a prefix or suffix off the kept part, then drop rules reject the row.
 * Rules with max_length skip longer rows and rules with tail search only
 * the end of the row, and rules with trigger words ('needs') run only on
 * rows that hold one, so long article paragraphs cost little. */
#include "bp.h"
#include "bp_scan.h"
#include "msg.h"
#include "utf8.h"

#include <string.h>

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Strip ASCII white space and no-break spaces from both ends of [a, b). */
static void strip(const char *s, size_t *a, size_t *b)
{
	for (;;) {
		if (*a < *b && is_space(s[*a]))
			(*a)++;
		else if (*a + 1 < *b && (unsigned char)s[*a] == 0xC2 && (unsigned char)s[*a + 1] == 0xA0)
			*a += 2;
		else
			break;
	}
	for (;;) {
		if (*b > *a && is_space(s[*b - 1]))
			(*b)--;
		else if (*b >= *a + 2 && (unsigned char)s[*b - 2] == 0xC2 && (unsigned char)s[*b - 1] == 0xA0)
			*b -= 2;
		else
			break;
	}
}

/* Search the kept part for rule r; 1 match, 0 none, -1 limit. */
static int search(struct bp_rule *r, const char *s, size_t a, size_t b, size_t *ms, size_t *me)
{
	size_t n = b - a, off = 0;
	/* minlen counts characters, never more than bytes */
	if (n < r->minlen)
		return 0;
	if (r->anchored_first && !r->tail && n && !(r->first[(unsigned char)s[a] >> 3] >> ((unsigned char)s[a] & 7) & 1))
		return 0;

	if (r->tail && n > r->tail) {
		off = n - r->tail;
		while (off < n && ((unsigned char)s[a + off] & 0xC0) == 0x80)
			off++; /* start on a character */
	}
	r->tries++;
	if (r->anchored && !r->tail && n) {
		unsigned char c0 = (unsigned char)s[a], c1 = n >= 2 ? (unsigned char)s[a + 1] : 0;
		if (c0 < 0x80 && !(r->ascii_first[c0 >> 6] >> (c0 & 63) & 1))
			return 0;
		if (c0 < 0x80 && c1 >= 'a' && c1 <= 'z' && (r->second[c0] >> (c1 - 'a') & 1))
			return 0;
	}
	if (r->need_digit && !bp_has_digit(s + a + off, n - off))
		return 0;
	if (r->req.n && !bp_lits_search(&r->req, s + a, n))
		return 0;
	if (r->br.n) { /* a drop rule: whether it matches, branch by branch */
		uint64_t want = bp_gates_which_at(&r->gates, s + a, n, off);
		if (!want)
			return 0;
		int m = bp_branches_search(&r->br, r->name, s + a, n, off, want);
		if (m != -2)
			return m;
		bp_branches_free(&r->br); /* (as written from now on) */
	} else if (r->gates.n && !bp_gates_pass_at(&r->gates, s + a, n, off)) {
		return 0;
	}
	int rc = rx_search(&r->rx, s + a, n, off, ms, me);
	if (rc == RX_LIMIT)
		return -1;
	return rc == RX_MATCH;
}

static int has_literal(const struct bp_rule *r, const struct bp_line *l);

/* A trim rule runs before the features are known: its 'needs' strings
 * are looked for in the first BP_TRIM_NEEDS bytes of the text. */
/* Is lit[0..len) in s[0..n)? (memchr for the first byte: glibc's memmem
 * is slow on short needles) */
static int find_string(const char *s, size_t n, const char *lit, size_t len)
{
	const char *end = s + n;
	for (const char *p = s; p + len <= end && (p = memchr(p, lit[0], (size_t)(end - p))); p++)
		if ((size_t)(end - p) >= len && memcmp(p, lit, len) == 0)
			return 1;
	return 0;
}

static int has_string(const struct bp_rule *r, const char *s, size_t n)
{
	/* one memchr for the strings that share a first byte (the dashes
	 * of dateline-city: '-', and 0xE2 of '–' and '—') */
	const char *end = s + n;
	for (size_t k = 0; k < r->nlits; k++) {
		char c0 = r->lits[k][0];
		size_t j = 0;
		while (j < k && r->lits[j][0] != c0)
			j++;
		if (j < k)
			continue; /* (searched with string j) */
		for (const char *p = s; p < end && (p = memchr(p, c0, (size_t)(end - p))); p++)
			for (size_t q = k; q < r->nlits; q++) {
				size_t len = r->litinfo[q].len;
				if (r->lits[q][0] == c0 && (size_t)(end - p) >= len && memcmp(p, r->lits[q], len) == 0)
					return 1;
			}
	}
	return 0;
}

/* Does rule r take a line of l's shape? */
static int shape_takes(const struct bp_config *c, const struct bp_rule *r, const struct bp_line *l)
{
	switch (r->shape) {
	case BP_SHAPE_LABEL:
		return !l->prose;
	case BP_SHAPE_SHORT:
		return l->words <= c->p.short_words;
	default:
		return 1;
	}
}

/* Rule i matched line l (or took it not: void_rule, with explain): the
 * hit and its evidence. Returns 1 when the rule took the line. */
static int hit(struct bp_config *c, struct bp_line *l, int i, int takes)
{
	if (!takes) {
		if (l->void_rule < 0)
			l->void_rule = i;
		return 0;
	}
	l->drop_rule = i;
	/* a rule that needs a figure beside it is weak evidence alone */
	l->hit = l->prose || l->heading || c->rules[i].with_figure ? BP_HIT_WEAK : BP_HIT_STRONG;
	c->rules[i].hits++;
	return 1;
}

/* Search rule i on l: -1 the match limit, 1 the rule took the line. */
static int try_drop(struct bp_config *c, struct bp_line *l, int i)
{
	struct bp_rule *r = &c->rules[i];
	int takes = shape_takes(c, r, l);
	if (!takes && !c->explain)
		return 0;
	size_t ms, me;
	int m = search(r, l->s, l->a, l->b, &ms, &me);
	if (m < 0)
		return -1;
	return m ? hit(c, l, i, takes) : 0;
}

/* The lists of trim and drop rules, in order. */
static void make_lists(struct bp_config *c)
{
	c->drops = xcalloc(c->nrules + 1, sizeof *c->drops);
	c->trims = xcalloc(c->nrules + 1, sizeof *c->trims);
	c->ndrops = c->ntrims = 0;
	for (size_t i = 0; i < c->nrules; i++) {
		const struct bp_rule *r = &c->rules[i];
		if (r->action == BP_TRIM)
			c->trims[c->ntrims++] = (uint32_t)i;
		if (r->action != BP_DROP)
			continue;
		struct bp_rule *rw = &c->rules[i];
		rw->lits_quick = 1;
		rw->lits_punct[0] = rw->lits_punct[1] = rw->lits_cp = 0;
		for (size_t k = 0; k < r->nlits; k++) {
			const struct bp_needlit *li = &r->litinfo[k];
			if (!(li->punct[0] | li->punct[1] | li->cpbit))
				rw->lits_quick = 0;
			rw->lits_punct[0] |= li->punct[0], rw->lits_punct[1] |= li->punct[1], rw->lits_cp |= li->cpbit;
		}
		struct bp_drop *d = &c->drops[c->ndrops++];
		d->max_len = r->max_len ? r->max_len : (size_t)-1;
		d->index = (uint32_t)i;
		d->needs = (uint8_t)(r->needs != 0);
		d->lits = (uint8_t)(r->nlits != 0);
	}
	if (c->nrules > 64)
		return;
	size_t top = 0; /* the longest max_length (rows this long or longer) */
	for (size_t k = 0; k < c->ndrops; k++)
		if (c->drops[k].max_len != (size_t)-1 && c->drops[k].max_len + 1 > top)
			top = c->drops[k].max_len + 1;
	if (top > 1 << 16)
		return;
	c->nlenmask = top;
	/* (and after them, the rules by a row's first byte: firstmask) */
	c->lenmask = xcalloc(top + 1 + 256, sizeof *c->lenmask);
	uint64_t *first = c->lenmask + top + 1;
	c->lenmask_any = c->noneeds = c->litrules = 0;
	for (size_t k = 0; k < c->ndrops; k++) {
		const struct bp_drop *d = &c->drops[k];
		const struct bp_rule *r = &c->rules[d->index];
		uint64_t bit = 1ULL << d->index;
		/* what search tests first, before a row counts as tried: a
		 * row shorter than any match, a first byte no match starts
		 * with */
		for (size_t n = r->minlen; n < top && n <= d->max_len; n++)
			c->lenmask[n] |= bit;
		for (unsigned b = 0; b < 256; b++)
			if (!(r->anchored_first && !r->tail) || (r->first[b >> 3] >> (b & 7) & 1))
				first[b] |= bit;
		if (d->max_len == (size_t)-1)
			c->lenmask_any |= bit;
		if (!d->needs)
			c->noneeds |= bit;
		if (d->lits)
			c->litrules |= bit;
	}
}

/* The drop rules by bit masks (at most 64 rules): the same rules in the
 * same order as the loop of bp_apply_drops. */
static int drops_by_mask(struct bp_config *c, struct bp_line *l, size_t n)
{
	uint64_t cand = n < c->nlenmask ? c->lenmask[n] : c->lenmask_any;
	cand &= c->lenmask[c->nlenmask + 1 + (unsigned char)l->s[l->a]];
	uint64_t run = cand & (c->noneeds | l->rule_mask);
	for (uint64_t m = cand & ~run & c->litrules; m; m &= m - 1) {
		int i = __builtin_ctzll(m);
		if (has_literal(&c->rules[i], l))
			run |= 1ULL << i;
	}
	for (; run; run &= run - 1) {
		int i = __builtin_ctzll(run);
		int m = try_drop(c, l, i);
		if (m < 0)
			return i;
		if (m)
			return -1;
	}
	return -1;
}

int bp_apply_trims(struct bp_config *c, struct bp_line *l)
{
	l->drop_rule = -1;
	l->void_rule = -1;
	l->hit = BP_HIT_NONE;
	l->trim_rule = -1;
	l->a = 0;
	l->b = l->n;
	strip(l->s, &l->a, &l->b);
	if (!c->drops)
		make_lists(c);
	for (size_t t = 0; t < c->ntrims; t++) {
		size_t i = c->trims[t];
		struct bp_rule *r = &c->rules[i];
		if (l->a >= l->b)
			continue;
		if (r->max_len && l->b - l->a > r->max_len)
			continue;
		unsigned char c0 = (unsigned char)l->s[l->a];
		if (r->anchored_first && !(r->first[c0 >> 3] >> (c0 & 7) & 1))
			continue; /* (what search tests first, before the strings) */
		if (r->nlits && !has_string(r, l->s + l->a, l->b - l->a < BP_TRIM_NEEDS ? l->b - l->a : BP_TRIM_NEEDS))
			continue;
		size_t ms, me;
		int m = search(r, l->s, l->a, l->b, &ms, &me);
		if (m < 0)
			return (int)i;
		if (!m || me == ms)
			continue;
		/* cut from the start to the match's end, or from the match to
		 * the end: the side the match touches (or is nearer) */
		size_t len = l->b - l->a;
		if (ms == 0 || (me != len && ms < len - me))
			l->a += me;
		else
			l->b = l->a + ms;
		strip(l->s, &l->a, &l->b);
		l->trim_rule = (int)i;
		r->hits++;
		if (l->a >= l->b)
			l->drop_rule = (int)i, l->hit = BP_HIT_STRONG;
	}
	return -1;
}

static int has_literal(const struct bp_rule *r, const struct bp_line *l)
{
	/* (each string needs a punctuation byte or a first code point of
	 * these: none in the row, no string) */
	if (r->lits_quick && !(l->punct[0] & r->lits_punct[0]) && !(l->punct[1] & r->lits_punct[1]) &&
	    !(l->hicp & r->lits_cp))
		return 0;
	for (size_t k = 0; k < r->nlits; k++) {
		const struct bp_needlit *li = &r->litinfo[k];
		/* every ASCII punctuation byte of it must be in the line */
		if ((l->punct[0] & li->punct[0]) != li->punct[0] || (l->punct[1] & li->punct[1]) != li->punct[1])
			continue;
		if (li->single)
			return 1;
		if (li->cpbit && !(l->hicp & li->cpbit))
			continue; /* its first character is not in the line */
		if (find_string(l->s + l->a, l->b - l->a, r->lits[k], li->len))
			return 1;
	}
	return 0;
}

int bp_apply_drops(struct bp_config *c, struct bp_line *l)
{
	if (l->drop_rule >= 0 || l->a >= l->b)
		return -1;
	if (!c->drops)
		make_lists(c);
	size_t n = l->b - l->a;
	if (c->lenmask)
		return drops_by_mask(c, l, n);
	for (size_t k = 0; k < c->ndrops; k++) {
		const struct bp_drop *d = &c->drops[k];
		if (n > d->max_len)
			continue;
		size_t i = d->index;
		struct bp_rule *r = &c->rules[i];
		if (d->needs && !(l->rule_mask >> (i % 64) & 1) && !(d->lits && has_literal(r, l)))
			continue;
		int m = try_drop(c, l, (int)i);
		if (m < 0)
			return (int)i;
		if (m)
			return -1;
	}
	return -1;
}

void bp_undo_trim(struct bp_config *c, struct bp_line *l)
{
	if (l->trim_rule < 0 || l->drop_rule == l->trim_rule)
		return;
	c->rules[l->trim_rule].hits--;
	l->trim_rule = -1;
	l->a = 0;
	l->b = l->n;
	strip(l->s, &l->a, &l->b);
	bp_features(c, l);
}

int bp_prepare(struct bp_config *c, struct bp_line *l)
{
	int lim = bp_apply_trims(c, l);
	if (lim >= 0)
		return lim;
	bp_features(c, l);
	return bp_apply_drops(c, l);
}
