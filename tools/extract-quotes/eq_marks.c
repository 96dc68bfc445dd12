/* eq_marks.c - pairing the quotation marks of a paragraph.
 *
 * Each mark is read as opening or closing from what touches it: a mark
 * with a word right after it and space (or an opening bracket, a dash,
 * another mark) before it opens; one with a word or punctuation before it
 * and space or punctuation after it closes; the glyph decides only when
 * the sides do not (a straight " then closes an open one). A closing mark
 * closes the nearest open mark of its family (double or single); what lay
 * open above it was not a quotation. Single marks are apostrophes where
 * they can be: before a number ('90s) or an elision ('em, 'n'), and after a
 * word (the voters' choice) unless a single quotation is open. A mark left
 * open at the end of the paragraph is a quotation running to its end (it
 * may run on into the next paragraph; eq_doc.c decides); nothing pairs
 * across paragraphs, so an unbalanced mark never swallows more. */
#include "eq_int.h"
#include "msg.h"

#include <string.h>

enum { ROLE_NONE, ROLE_OPEN, ROLE_CLOSE };

static int adjacent(const struct toks *t, size_t a, size_t b)
{
	return a < t->n && b < t->n && t->v[a].e == t->v[b].b;
}

static int opening_punct(const struct token *t)
{
	return (t->flags & TOK_DASH) || t->cp == '(' || t->cp == '[' || t->cp == '{' || t->cp == '/';
}

static int role_of(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i,
		   const struct eq_mark *m, int single_open /* a mark of its family is open */)
{
	const struct toks *T = &P->t;
	const struct token *v = T->v;
	int padj = i > 0 && adjacent(T, i - 1, i);
	int nadj = adjacent(T, i, i + 1);
	int palnum = padj && (v[i - 1].flags & (TOK_WORD | TOK_NUM));
	int nalnum = nadj && (v[i + 1].flags & (TOK_WORD | TOK_NUM));
	if (m->fam == 1) {
		/* an apostrophe? */
		if (!palnum && nalnum) {
			if (v[i + 1].flags & TOK_NUM)
				return ROLE_NONE; /* '90s */
			if ((tok_cls(R, I, P, i + 1, NULL) & EQ_W_ELISION) &&
			    !(adjacent(T, i + 1, i + 2) && (v[i + 2].flags & (TOK_WORD | TOK_NUM))))
				return ROLE_NONE; /* 'em, 'n' */
			return ROLE_OPEN;
		}
		if (palnum && !nalnum)
			return single_open ? ROLE_CLOSE : ROLE_NONE;
		if (palnum && nalnum)
			return ROLE_NONE;
		/* punctuation on one side: .' or '( */
		if (padj && !nadj)
			return single_open ? ROLE_CLOSE : ROLE_NONE;
		if (nadj && !padj)
			return ROLE_OPEN;
		if (padj && nadj)
			return single_open ? ROLE_CLOSE : ROLE_NONE;
		return ROLE_NONE;
	}
	/* a mark that only closes closes what is open, whatever touches it
	 * (« Le quai », with French spaces); one that only opens opens when
	 * nothing is */
	if (m->close && !m->open && single_open)
		return ROLE_CLOSE;
	if (m->open && !m->close && !single_open && !(padj && !nadj))
		return ROLE_OPEN;
	int left = nadj && (!padj || opening_punct(&v[i - 1]) || (v[i - 1].flags & TOK_QUOTE));
	int right = padj && (!nadj || (v[i + 1].flags & TOK_PUNCT));
	if (left && !right)
		return ROLE_OPEN;
	if (right && !left)
		return ROLE_CLOSE;
	if (m->open && !m->close)
		return ROLE_OPEN;
	if (m->close && !m->open)
		return ROLE_CLOSE;
	return -1; /* either: the caller decides from what is open */
}

struct open_mark {
	size_t tok;
	int fam;
};

static void add_cand(struct eqi *I, struct par *P, uint32_t pi, size_t o, size_t c, int fam)
{
	size_t b = P->t.v[o].e, e = c < P->t.n ? P->t.v[c].b : P->n;
	while (b < e && (P->s[b] == ' ' || P->s[b] == '\t' || P->s[b] == '\n'))
		b++;
	while (e > b && (P->s[e - 1] == ' ' || P->s[e - 1] == '\t' || P->s[e - 1] == '\n'))
		e--;
	P->tf[o] |= TF_OPEN | TF_MARK;
	if (c < P->t.n)
		P->tf[c] |= TF_CLOSE | TF_MARK;
	for (size_t k = o + 1; k < c && k < P->t.n; k++)
		P->tf[k] |= TF_IN;
	if (e <= b)
		return;
	if (I->nc == I->capc) {
		I->capc = I->capc ? 2 * I->capc : 64;
		I->c = xrealloc(I->c, I->capc * sizeof *I->c);
	}
	struct cand *q = &I->c[I->nc++];
	memset(q, 0, sizeof *q);
	q->par = pi;
	q->o = (uint32_t)o;
	q->c = (uint32_t)c;
	q->b = (uint32_t)b;
	q->e = (uint32_t)e;
	q->fam = fam;
	q->unclosed = c >= P->t.n;
	q->next = q->prev = -1;
	q->cue_par = -1;
	q->sp_par = q->id_par = -1;
	q->group = -1;
	P->nc++;
}

void marks_pair(const struct eq_rules *R, struct eqi *I, struct par *P, uint32_t pi)
{
	P->c0 = I->nc;
	P->nc = 0;
	struct open_mark st[16];
	size_t ns = 0;
	/* depth-0 pairs are recorded when they close, nested ones only marked */
	size_t pend_o[64], pend_c[64];
	int pend_f[64];
	size_t npend = 0;
	const struct toks *T = &P->t;
	uint32_t want = R->marks_are_quotes ? TOK_QUOTE : TOK_PUNCT;
	I->npunct = 0;
	if (I->cappunct < T->n) {
		I->cappunct = T->n + 64;
		I->punct = xrealloc(I->punct, I->cappunct * sizeof *I->punct);
	}
	for (size_t i = 0; i < T->n; i++) {
		const struct token *t = &T->v[i];
		if (!(t->flags & (TOK_PUNCT | TOK_DOT)))
			continue;
		I->punct[I->npunct++] = (uint32_t)i; /* for par_sentences */
		if (!(t->flags & want) || t->cp < '"')
			continue;
		const struct eq_mark *m = eq_mark_of(R, t->cp);
		if (!m)
			continue;
		/* is a quotation of this family open (above the nearest one of the other)? */
		int open_same = 0;
		for (size_t k = ns; k-- > 0;)
			if (st[k].fam == m->fam) {
				open_same = 1;
				break;
			}
		int role = role_of(R, I, P, i, m, open_same);
		if (role == -1)
			role = open_same ? ROLE_CLOSE : ROLE_OPEN;
		if (role == ROLE_NONE)
			continue;
		P->tf[i] |= TF_MARK;
		if (role == ROLE_CLOSE) {
			size_t k = ns;
			while (k-- > 0)
				if (st[k].fam == m->fam)
					break;
			if (k == (size_t)-1)
				continue; /* a stray closing mark */
			size_t o = st[k].tok;
			ns = k;
			if (ns == 0) {
				if (npend == sizeof pend_o / sizeof pend_o[0]) {
					for (size_t q = 0; q < npend; q++)
						add_cand(I, P, pi, pend_o[q], pend_c[q], pend_f[q]);
					npend = 0;
				}
				pend_o[npend] = o;
				pend_c[npend] = i;
				pend_f[npend++] = m->fam;
			} else {
				P->tf[o] |= TF_IN;
				P->tf[i] |= TF_IN;
			}
			continue;
		}
		if (ns == sizeof st / sizeof st[0])
			continue; /* deeper than anyone writes */
		st[ns].tok = i;
		st[ns++].fam = m->fam;
	}
	for (size_t q = 0; q < npend; q++)
		add_cand(I, P, pi, pend_o[q], pend_c[q], pend_f[q]);
	/* the first double mark left open runs to the end of the paragraph;
	 * anything opened above it belongs to it */
	for (size_t k = 0; k < ns; k++)
		if (st[k].fam == 0) {
			/* a pair recorded after it lies inside it: drop those */
			while (I->nc > P->c0 && I->c[I->nc - 1].o > st[k].tok) {
				I->nc--;
				P->nc--;
			}
			add_cand(I, P, pi, st[k].tok, T->n, 0);
			break;
		}
}
