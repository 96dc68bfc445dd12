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
#include "utf8.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { ROLE_NONE, ROLE_OPEN, ROLE_CLOSE };

static int adjacent(const struct ptoks *t, size_t a, size_t b)
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
	const struct ptoks *T = &P->t;
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
		/* the second mark of 'n' (rock 'n' roll, fish ’n’ chips) */
		if (palnum && i >= 2 && adjacent(T, i - 2, i - 1) && (v[i - 2].flags & TOK_QUOTE) &&
		    v[i - 1].e - v[i - 1].b == 1 && (P->s[v[i - 1].b] | 0x20) == 'n' &&
		    !(i >= 3 && adjacent(T, i - 3, i - 2) && (v[i - 3].flags & (TOK_WORD | TOK_NUM))))
			return ROLE_NONE;
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
	size_t end; /* the byte after it (plus the caller's base) */
	int fam;
};

/* The marks open at a point of the paragraph, innermost last. */
struct open_marks {
	struct open_mark st[16];
	size_t ns;
};

enum { STEP_NONE, STEP_MARK, STEP_OPEN, STEP_CLOSE0, STEP_CLOSE_IN };

/* Token i of P through the open marks: STEP_NONE when it is no mark (an
 * apostrophe, punctuation), STEP_MARK for a mark that does nothing (a
 * stray closing one, one opened deeper than anyone writes), STEP_OPEN,
 * STEP_CLOSE0 when it closes a pair at depth 0 and STEP_CLOSE_IN a nested
 * one (*o: the opening mark). base is added to the byte offsets kept. */
static int mark_step(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, uint32_t want,
		     struct open_marks *S, size_t base, struct open_mark *o)
{
	const struct token *t = &P->t.v[i];
	if (!(t->flags & want) || t->cp < '"')
		return STEP_NONE;
	const struct eq_mark *m = eq_mark_of(R, t->cp);
	if (!m)
		return STEP_NONE;
	/* is a quotation of this family open (above the nearest one of the other)? */
	int open_same = 0;
	for (size_t k = S->ns; k-- > 0;)
		if (S->st[k].fam == m->fam) {
			open_same = 1;
			break;
		}
	int role = role_of(R, I, P, i, m, open_same);
	if (role == -1)
		role = open_same ? ROLE_CLOSE : ROLE_OPEN;
	if (role == ROLE_NONE)
		return STEP_NONE;
	if (role == ROLE_CLOSE) {
		size_t k = S->ns;
		while (k-- > 0)
			if (S->st[k].fam == m->fam)
				break;
		if (k == (size_t)-1)
			return STEP_MARK; /* a stray closing mark */
		*o = S->st[k];
		S->ns = k;
		return k == 0 ? STEP_CLOSE0 : STEP_CLOSE_IN;
	}
	if (S->ns == sizeof S->st / sizeof S->st[0])
		return STEP_MARK; /* deeper than anyone writes */
	S->st[S->ns].tok = i;
	S->st[S->ns].end = base + t->e;
	S->st[S->ns++].fam = m->fam;
	return STEP_OPEN;
}

/* Bytes other than the white space add_cand trims in s[b, e)? */
static int has_content(const char *s, size_t b, size_t e)
{
	for (; b < e; b++)
		if (s[b] != ' ' && s[b] != '\t' && s[b] != '\n')
			return 1;
	return 0;
}

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
	/* TF_IN between them, 8 flags at a time (a quotation left open runs
	 * to the end of a long paragraph) */
	size_t k = o + 1, end = c < P->t.n ? c : P->t.n;
	for (; k + 8 <= end; k += 8) {
		uint64_t x;
		memcpy(&x, P->tf + k, 8);
		x |= 0x0101010101010101ULL * TF_IN;
		memcpy(P->tf + k, &x, 8);
	}
	for (; k < end; k++)
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
	struct open_marks S;
	S.ns = 0;
	/* depth-0 pairs are recorded when they close, nested ones only marked */
	size_t pend_o[64], pend_c[64];
	int pend_f[64];
	size_t npend = 0;
	const struct ptoks *T = &P->t;
	uint32_t want = R->marks_are_quotes ? TOK_QUOTE : TOK_PUNCT;
	I->npunct = 0;
	if (I->cappunct < T->n) {
		I->cappunct = T->n + 64;
		I->punct = xrealloc(I->punct, I->cappunct * sizeof *I->punct);
	}
	uint32_t *punct = I->punct;
	size_t npunct = 0;
	for (size_t i = 0; i < T->n; i++) {
		const struct token *t = &T->v[i];
		/* its punctuation and dotted words for par_sentences, without a
		 * branch (a quarter of the tokens, in no order a predictor learns) */
		punct[npunct] = (uint32_t)i;
		npunct += (t->flags & (TOK_PUNCT | TOK_DOT)) != 0;
		if (__builtin_expect(!(t->flags & want) || t->cp < '"', 1))
			continue; /* no mark (mark_step's first test, here for speed; want is punctuation) */
		struct open_mark o;
		int step = mark_step(R, I, P, i, want, &S, 0, &o);
		if (step == STEP_NONE)
			continue;
		P->tf[i] |= TF_MARK;
		if (step == STEP_CLOSE0) {
			if (npend == sizeof pend_o / sizeof pend_o[0]) {
				for (size_t q = 0; q < npend; q++)
					add_cand(I, P, pi, pend_o[q], pend_c[q], pend_f[q]);
				npend = 0;
			}
			pend_o[npend] = o.tok;
			pend_c[npend] = i;
			pend_f[npend++] = o.fam;
		} else if (step == STEP_CLOSE_IN) {
			P->tf[o.tok] |= TF_IN;
			P->tf[i] |= TF_IN;
		}
	}
	I->npunct = npunct;
	for (size_t q = 0; q < npend; q++)
		add_cand(I, P, pi, pend_o[q], pend_c[q], pend_f[q]);
	/* the first double mark left open runs to the end of the paragraph;
	 * anything opened above it belongs to it */
	for (size_t k = 0; k < S.ns; k++)
		if (S.st[k].fam == 0) {
			/* a pair recorded after it lies inside it: drop those */
			while (I->nc > P->c0 && I->c[I->nc - 1].o > S.st[k].tok) {
				I->nc--;
				P->nc--;
			}
			add_cand(I, P, pi, S.st[k].tok, T->n, 0);
			break;
		}
}

static int ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first byte at or after x that may start a mark (n: none). */
static size_t next_mark_byte(const struct eqi *I, const unsigned char *u, size_t x, size_t n)
{
#if defined(__SSE2__)
	if (I->nscan) {
		__m128i b[sizeof I->scan];
		for (size_t k = 0; k < I->nscan; k++)
			b[k] = _mm_set1_epi8((char)I->scan[k]);
		for (; x + 16 <= n; x += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + x));
			__m128i m = _mm_cmpeq_epi8(v, b[0]);
			for (size_t k = 1; k < I->nscan; k++)
				m = _mm_or_si128(m, _mm_cmpeq_epi8(v, b[k]));
			unsigned bits = (unsigned)_mm_movemask_epi8(m);
			if (bits)
				return x + (size_t)__builtin_ctz(bits);
		}
	}
#endif
	while (x < n && !I->markbyte[u[x]])
		x++;
	return x;
}

static int ascii_letter(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* The run u[a..z) is ASCII letters and apostrophes between letters that
 * the tokenizer joins into a word (don't, o'clock, rock'n'roll) or that
 * end it as a possessive 's (it's): tokens with no punctuation, so no
 * mark, to read. */
static int word_apostrophes(const unsigned char *u, size_t a, size_t z)
{
	if (!ascii_letter(u[a]))
		return 0;
	for (size_t p = a + 1; p < z; p++) {
		if (ascii_letter(u[p]))
			continue;
		if (u[p] != '\'' || p + 1 >= z || !ascii_letter(u[p + 1]))
			return 0;
		/* 's before what is no letter is a possessive; only at the end */
		if ((u[p + 1] | 0x20) == 's' && p + 2 < z && !ascii_letter(u[p + 2]))
			return 0;
	}
	return 1;
}

int marks_any_pair(const struct eq_rules *R, struct eqi *I, const char *s, size_t n)
{
	struct par *W = &I->win;
	struct open_marks S;
	S.ns = 0;
	uint32_t want = R->marks_are_quotes ? TOK_QUOTE : TOK_PUNCT;
	const unsigned char *u = (const unsigned char *)s;
	size_t x = 0;
	for (;;) {
		x = next_mark_byte(I, u, x, n);
		if (x >= n)
			break;
		if (u[x] >= 0x80) {
			/* a lead byte: of a mark (not of a dash, a bullet)? */
			size_t len;
			if (!eq_mark_of(R, u8_decode(s + x, n - x, &len))) {
				x += len ? len : 1;
				continue;
			}
		}
		/* the run of bytes between white space around it: no token
		 * crosses white space, so its tokens are the paragraph's */
		size_t a = x, z = x;
		while (a > 0 && !ws(u[a - 1]))
			a--;
		while (z < n && !ws(u[z]))
			z++;
		if (u[x] == '\'' && word_apostrophes(u, a, z)) {
			x = z;
			continue;
		}
		W->s = s + a;
		W->n = z - a;
		W->ready = 0;
		par_prepare(R, I, W);
		for (size_t i = 0; i < W->t.n; i++) {
			if (!(W->t.v[i].flags & TOK_PUNCT))
				continue;
			/* a double mark at the bottom leaves only when a double
			 * closes it, and what it holds so far is in that pair, or
			 * in the quotation running to the end */
			if (S.ns && S.st[0].fam == 0 && has_content(s, S.st[0].end, a + W->t.v[i].b))
				return 1;
			struct open_mark o;
			int step = mark_step(R, I, W, i, want, &S, a, &o);
			/* a pair closed at depth 0 stays a candidate (a double
			 * mark left open later opened after it) if it holds
			 * anything */
			if (step == STEP_CLOSE0 && has_content(s, o.end, a + W->t.v[i].b))
				return 1;
		}
		x = z;
	}
	for (size_t k = 0; k < S.ns; k++)
		if (S.st[k].fam == 0)
			return has_content(s, S.st[k].end, n);
	return 0;
}
