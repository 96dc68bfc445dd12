/* eq_feat.c - what tells a quotation from a title, a name or a scare
 * quote: the features of a quote-mark pair (a cue verb next to it, a
 * colon before it, where it stands in its sentence, its length and shape)
 * and their weighted sum, the score, with the weights and thresholds of
 * the rules' `score`. Also finds the cue an attribution turns on. */
#include "eq_int.h"

#include <string.h>

static int is_word(const struct par *P, size_t i)
{
	return i < P->t.n && (P->t.v[i].flags & (TOK_WORD | TOK_NUM));
}

static int is_comma_or_dash(const struct par *P, size_t i)
{
	return i < P->t.n && (P->t.v[i].flags & TOK_PUNCT) &&
	       (P->t.v[i].cp == ',' || (P->t.v[i].flags & TOK_DASH));
}

void cand_context(struct eqi *I, size_t ci, size_t *l0, size_t *r1)
{
	const struct cand *q = &I->c[ci];
	const struct par *P = &I->p[q->par];
	size_t lo = 0;
	if (ci > 0 && I->c[ci - 1].par == q->par)
		lo = I->c[ci - 1].c + 1;
	size_t i = q->o;
	while (i > lo && !(P->tf[i] & TF_SB))
		i--;
	if (i < lo)
		i = lo;
	*l0 = i;
	size_t j = q->c + 1;
	if (q->c >= P->t.n)
		j = P->t.n;
	while (j < P->t.n && !(P->tf[j] & TF_OPEN) && !((P->tf[j] & TF_SB) && j > q->c + 1))
		j++;
	*r1 = j;
}

/* Is the bare form of a speech verb at i a noun? After a lowercase word
 * that cannot be its subject (no pronoun, person, organisation, plural,
 * auxiliary or adverb): 'its latest offer', 'a quick reply', 'the annual
 * report'; or, after a word, before a title or role: 'White House press
 * secretary'. 'Officials say', 'critics say', 'they say', 'to say' and
 * '," say officials' stay cues. */
static int bare_noun(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	if (i == 0 || !is_word(P, i - 1))
		return 0;
	if (i + 1 < P->t.n && is_word(P, i + 1) && (tok_cls(R, I, P, i + 1, NULL) & (EQ_W_TITLE | EQ_W_ROLE)))
		return 1;
	const struct token *w = &P->t.v[i - 1];
	if (!(w->flags & TOK_LOWER) || (P->tf[i] & TF_SB))
		return 0;
	if (tok_cls(R, I, P, i - 1, NULL) & (EQ_W_PRON | EQ_W_PEOPLE | EQ_W_ROLE | EQ_W_ORG | EQ_W_FILL | EQ_W_TIME |
					     EQ_W_FUNC | EQ_W_CUE))
		return 0;
	const char *s = P->s + w->b;
	size_t n = w->e - w->b;
	/* 'parents say', 'the documents say'; and adverbs ('openly admit') */
	if (n > 2 && ((s[n - 1] == 's' && s[n - 2] != 's') || (s[n - 2] == 'l' && s[n - 1] == 'y')))
		return 0;
	return 1;
}

/* cue_at past its first tests (eq_int.h) */
int cue_at_word(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	uint64_t bits = 0, c = tok_cls(R, I, P, i, &bits);
	if (c & EQ_W_CUE) {
		/* a noun after a determiner or a possessive: "his remarks", "Zornick's comment" */
		if (i > 0 && is_word(P, i - 1) && (TOK_IS(P, i - 1, "the") || TOK_IS(P, i - 1, "a") ||
		    TOK_IS(P, i - 1, "his") || TOK_IS(P, i - 1, "her") || TOK_IS(P, i - 1, "their") ||
		    TOK_IS(P, i - 1, "its") || TOK_IS(P, i - 1, "an") || TOK_IS(P, i - 1, "whose") ||
		    (P->t.v[i - 1].flags & TOK_CLITIC)))
			return 0;
		if ((bits & EQ_CUE_BARE) && bare_noun(R, I, P, i))
			return 0;
		/* '," Read said': a capitalized one before a cue is a name */
		if ((P->t.v[i].flags & TOK_CAP) && i + 1 < P->t.n && is_word(P, i + 1) &&
		    (P->t.v[i + 1].flags & TOK_LOWER) && (tok_cls(R, I, P, i + 1, NULL) & EQ_W_CUE))
			return 0;
		return 1;
	}
	if (!(c & EQ_W_PHRASE))
		return 0;
	size_t n = phrase_at(R, I, P, i, P->t.n);
	return n ? (int)n : 0;
}

/* Tokens that may stand between a subject and its verb, or after a verb
 * before its subject: adverbs, auxiliaries, time words. */
static int filler(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	return is_word(P, i) && (tok_cls(R, I, P, i, NULL) & (EQ_W_TIME | EQ_W_FILL));
}

/* Could the tokens [a, b) be the subject of a cue ('he', 'Guaido', 'Fabiana
 * Rosales, a 26-year-old journalist,', 'the senator')? */
static int subject_like(const struct eq_rules *R, struct eqi *I, struct par *P, size_t a, size_t b)
{
	if (a >= b || b - a > 16)
		return 0;
	const struct token *v = P->t.v;
	uint64_t c0 = tok_cls(R, I, P, a, NULL);
	if (!(v[a].flags & (TOK_CAP | TOK_WORD)))
		return 0;
	int named = 0, paren = 0;
	for (size_t i = a; i < b; i++)
		if ((v[i].flags & TOK_CAP) || (tok_cls(R, I, P, i, NULL) & (EQ_W_ROLE | EQ_W_ORG | EQ_W_PEOPLE)))
			named = 1;
	if (!(v[a].flags & TOK_CAP) && !(c0 & (EQ_W_PRON | EQ_W_ROLE | EQ_W_ORG | EQ_W_PEOPLE)) && !named)
		return 0;
	for (size_t i = a; i < b; i++) {
		if (P->tf[i] & (TF_MARK | TF_IN))
			return 0;
		if (tok_punct(P, i, '('))
			paren++;
		else if (tok_punct(P, i, ')') && paren)
			paren--;
		if (paren)
			continue; /* (D-Wash.) */
		if ((v[i].flags & TOK_PUNCT) &&
		    (v[i].cp == '.' || v[i].cp == '?' || v[i].cp == '!' || v[i].cp == ';' || v[i].cp == ':')) {
			/* the period of an abbreviation (Sen. Tom Udall) */
			if (v[i].cp == '.' && i > a && (tok_cls(R, I, P, i - 1, NULL) & EQ_W_TITLE))
				continue;
			return 0;
		}
	}
	return 1;
}

/* Find a cue in the attribution after a quotation: tokens [j, r1).
 * Returns the cue's token and sets *n to its length, or -1. */
static long cue_after(const struct eq_rules *R, struct eqi *I, struct par *P, size_t j, size_t r1, int *n)
{
	if (j < r1 && is_comma_or_dash(P, j))
		j++;
	size_t k = j;
	while (k < r1 && k < j + 2 && filler(R, I, P, k) && !cue_at(R, I, P, k))
		k++;
	int m;
	if (k < r1 && (m = cue_at(R, I, P, k))) {
		*n = m;
		return (long)k;
	}
	for (k = j + 1; k < r1 && k < j + 18; k++) {
		if ((m = cue_at(R, I, P, k))) {
			size_t e = k;
			while (e > j && filler(R, I, P, e - 1))
				e--;
			if (subject_like(R, I, P, j, e)) {
				*n = m;
				return (long)k;
			}
			return -1;
		}
	}
	return -1;
}

/* Find a cue before a quotation, in [l0, o): 'X said: "', 'X told
 * reporters, "', 'according to X, "'. */
static long cue_before(const struct eq_rules *R, struct eqi *I, struct par *P, size_t l0, size_t o, int *n)
{
	if (o <= l0)
		return -1;
	size_t last = o - 1;
	int m;
	if (tok_punct(P, last, ':') || tok_punct(P, last, ',') || (P->t.v[last].flags & TOK_DASH)) {
		for (size_t k = last; k-- > l0 && k + 12 >= last;) {
			if ((m = cue_at(R, I, P, k))) {
				*n = m;
				return (long)k;
			}
		}
		return -1;
	}
	if ((m = cue_at(R, I, P, last))) {
		*n = m;
		return (long)last;
	}
	return -1;
}

static void content_shape(const struct eq_rules *R, struct eqi *I, struct par *P, const struct cand *q,
			  uint8_t *f)
{
	const struct token *v = P->t.v;
	size_t end = q->c < P->t.n ? q->c : P->t.n;
	size_t words = 0, caps = 0, first = 0, last = 0, sents = 0;
	int have_first = 0;
	size_t i;
	for (i = q->o + 1; i < end; i++) {
		if (v[i].flags & (TOK_WORD | TOK_NUM)) {
			if (!have_first) {
				first = i;
				have_first = 1;
			}
			words++;
			if ((v[i].flags & TOK_CAP) || (v[i].flags & TOK_NUM) || v[i].e - v[i].b <= 3)
				caps++;
			if (i > q->o + 1 && (v[i].flags & TOK_CAP) && (v[i - 1].flags & TOK_PUNCT) &&
			    (v[i - 1].cp == '.' || v[i - 1].cp == '?' || v[i - 1].cp == '!'))
				sents++;
			if (words > 8 && sents)
				break; /* long, several sentences: nothing more to count */
		}
		if (!(P->tf[i] & TF_MARK) || (v[i].flags & TOK_WORD))
			last = i;
	}
	if (i < end) /* the last token that is no mark, from the end */
		for (size_t k = end; k-- > i;)
			if (!(P->tf[k] & TF_MARK) || (v[k].flags & TOK_WORD)) {
				last = k;
				break;
			}
	(void)R;
	(void)I;
	if (have_first) {
		if (v[first].flags & (TOK_CAP | TOK_DIGIT))
			f[EQ_F_CAP_START] = 1;
		else if (v[first].flags & TOK_LOWER)
			f[EQ_F_LOWER_START] = 1;
	}
	if (last && (v[last].flags & TOK_PUNCT) &&
	    (v[last].cp == ',' || v[last].cp == '.' || v[last].cp == '?' || v[last].cp == '!' ||
	     v[last].cp == 0x2026 || (v[last].flags & TOK_DASH)))
		f[EQ_F_END_PUNCT] = 1;
	if (words <= 3)
		f[EQ_F_SHORT] = 1;
	else if (words <= 7)
		f[EQ_F_MEDIUM] = 1;
	else
		f[EQ_F_LONG] = 1;
	if (sents)
		f[EQ_F_MULTI_SENT] = 1;
	/* every word capitalized, not only by the sentences they open
	 * ('Early. Everyone,' is two sentences, not a title) */
	if (words && words <= 8 && caps == words && (v[first].flags & TOK_CAP) && !(words > 1 && sents + 1 >= words))
		f[EQ_F_TITLE_CASE] = 1;
}

void cand_features(const struct eq_rules *R, struct eqi *I, size_t ci)
{
	struct cand *q = &I->c[ci];
	struct par *P = &I->p[q->par];
	uint8_t *f = q->f;
	memset(f, 0, sizeof q->f);
	size_t l0, r1;
	cand_context(I, ci, &l0, &r1);
	content_shape(R, I, P, q, f);
	const struct token *v = P->t.v;
	int n;
	long k;
	/* the attribution after it */
	if (q->c < P->t.n && (k = cue_after(R, I, P, q->c + 1, r1, &n)) >= 0) {
		f[EQ_F_CUE_AFTER] = 1;
		q->cue_par = (int)q->par;
		q->cue_t = (int)k;
		q->cue_n = n;
		q->cue_side = 1;
	}
	if ((k = cue_before(R, I, P, l0, q->o, &n)) >= 0) {
		f[EQ_F_CUE_BEFORE] = 1;
		/* '... wrote, "...." Zornick's comment ...': after a period inside
		 * the marks the attribution is the one before */
		if (q->cue_side > 0 && q->c > 0 && tok_punct(P, q->c - 1, '.') && q->cue_t > (int)q->c + 1)
			q->cue_par = -1;
		if (q->cue_par < 0) {
			q->cue_par = (int)q->par;
			q->cue_t = (int)k;
			q->cue_n = n;
			q->cue_side = -1;
		}
	} else if (q->o > l0 && tok_punct(P, q->o - 1, ':')) {
		f[EQ_F_COLON_BEFORE] = 1;
	}
	if (!f[EQ_F_CUE_AFTER] && !f[EQ_F_CUE_BEFORE]) {
		/* the clause around it, not what is quoted */
		for (size_t i = l0; i < r1 && i < q->o; i++)
			if (cue_at(R, I, P, i)) {
				f[EQ_F_CUE_NEAR] = 1;
				break;
			}
		for (size_t i = q->c + 1 > l0 ? q->c + 1 : l0; !f[EQ_F_CUE_NEAR] && i < r1; i++)
			if (cue_at(R, I, P, i)) {
				f[EQ_F_CUE_NEAR] = 1;
				break;
			}
	}
	if (q->o == l0)
		f[EQ_F_SENT_START] = 1;
	{
		size_t j = q->c + 1;
		while (j < r1 && (v[j].flags & TOK_PUNCT) && !(P->tf[j] & TF_MARK))
			j++;
		if (q->c >= P->t.n || j >= r1)
			f[EQ_F_SENT_END] = 1;
		if (q->c + 1 < P->t.n && is_word(P, q->c + 1))
			f[EQ_F_WORD_AFTER] = 1;
	}
	if (q->o == 0 && (q->c >= P->t.n || q->c + 1 == P->t.n ||
			  (q->c + 2 == P->t.n && (v[q->c + 1].flags & TOK_PUNCT))))
		f[EQ_F_WHOLE_PARA] = 1;
	if (q->o > 0 && is_word(P, q->o - 1)) {
		if (!f[EQ_F_CUE_BEFORE])
			f[EQ_F_WORD_BEFORE] = 1;
		uint64_t wc = tok_cls(R, I, P, q->o - 1, NULL);
		if (wc & EQ_W_SCARE)
			f[EQ_F_SCARE_BEFORE] = 1;
		if (wc & EQ_W_TERM)
			f[EQ_F_TERM_BEFORE] = 1;
	}
	/* 'Trump's reality TV show, "The Apprentice," who ...', 'his new
	 * book, "Crippled America: ...,"': a title in apposition to a noun */
	if (f[EQ_F_TITLE_CASE] && q->o > 1 && tok_punct(P, q->o - 1, ',') && is_word(P, q->o - 2) &&
	    (v[q->o - 2].flags & TOK_LOWER) && !cue_at(R, I, P, q->o - 2))
		f[EQ_F_TITLE_APPOS] = 1;
	if (q->unclosed && q->next < 0)
		f[EQ_F_UNCLOSED] = 1;
	if (q->next >= 0 || q->prev >= 0)
		f[EQ_F_CONTINUED] = 1;
	if (q->fam == 1)
		f[EQ_F_SINGLE] = 1;
	if (q->o > l0 && is_word(P, q->o - 1) && cue_at(R, I, P, q->o - 1))
		f[EQ_F_CUE_ADJ] = 1;
	/* a split quotation: the one before it in the paragraph has its
	 * attribution between the two */
	if (ci > 0 && I->c[ci - 1].par == q->par) {
		const struct cand *p = &I->c[ci - 1];
		if (p->cue_side == 1 && p->cue_t > (int)p->c && p->cue_t < (int)q->o)
			f[EQ_F_SPLIT] = 1;
	}
	if (q->par > 0 && q->o == 0) {
		struct par *pp = &I->p[q->par - 1];
		/* from its text, read or not: a colon or a cue verb at its end */
		size_t e = pp->n;
		while (e > 0 && (pp->s[e - 1] == ' ' || pp->s[e - 1] == '\t'))
			e--;
		if (e > 0 && pp->s[e - 1] == ':') {
			f[EQ_F_INTRO_PREV] = 1;
		} else {
			size_t b = e;
			while (b > 0 && b + 20 > e && ((pp->s[b - 1] >= 'a' && pp->s[b - 1] <= 'z') ||
						       (pp->s[b - 1] >= 'A' && pp->s[b - 1] <= 'Z')))
				b--;
			char w[24];
			size_t wn = e - b;
			if (wn && wn < sizeof w && (b == 0 || pp->s[b - 1] == ' ')) {
				for (size_t x = 0; x < wn; x++)
					w[x] = (char)(pp->s[b + x] | 0x20);
				if (wordset_cls(&R->words, w, wn) & EQ_W_CUE)
					f[EQ_F_INTRO_PREV] = 1;
			}
		}
		if (pp->ready && pp->t.n) {
			for (size_t c = pp->c0; c < pp->c0 + pp->nc; c++)
				if (I->c[c].cue_par >= 0 || I->c[c].kind == EQ_DIRECT)
					f[EQ_F_QUOTE_PREV] = 1;
		}
	}
}

/* The conjunctions of features the weights need (a sum cannot say 'a cue
 * before and a lowercase start'). */
static void conjunctions(uint8_t *f)
{
	f[EQ_F_CUE_BEFORE_LOWER] = f[EQ_F_CUE_BEFORE] * f[EQ_F_LOWER_START];
	f[EQ_F_CUE_BEFORE_END] = f[EQ_F_CUE_BEFORE] * f[EQ_F_SENT_END];
	f[EQ_F_CUE_AFTER_CAP] = f[EQ_F_CUE_AFTER] * f[EQ_F_CAP_START];
	f[EQ_F_SHORT_CUE] = f[EQ_F_SHORT] * (f[EQ_F_CUE_AFTER] || f[EQ_F_CUE_BEFORE]);
	f[EQ_F_SPLIT_END] = f[EQ_F_SPLIT] * f[EQ_F_SENT_END];
	f[EQ_F_WORD_BEFORE_LOWER] = f[EQ_F_WORD_BEFORE] * f[EQ_F_LOWER_START];
}

void cand_score(const struct eq_rules *R, struct eqi *I, size_t ci)
{
	conjunctions(I->c[ci].f);
	struct cand *q = &I->c[ci];
	double s = R->bias;
	for (int k = 0; k < EQ_NFEAT; k++)
		if (q->f[k]) /* 1: its weight, in the same order as w * f */
			s += R->w[k];
	q->score = s;
	if (s >= R->direct)
		q->kind = EQ_DIRECT;
	else if ((q->f[EQ_F_CUE_NEAR] || q->f[EQ_F_CUE_BEFORE] || q->f[EQ_F_CUE_AFTER]) && !q->f[EQ_F_TITLE_CASE] &&
		 !q->f[EQ_F_TERM_BEFORE] && s >= R->partial)
		q->kind = EQ_PARTIAL;
	else
		q->kind = EQ_NONE;
}
