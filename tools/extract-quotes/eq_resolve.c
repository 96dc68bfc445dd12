/* eq_resolve.c - what a pronoun or a description stands for, and whether
 * the text leaves no doubt about it.
 *
 * A pronoun: going back sentence by sentence (in its own sentence only a
 * subject before it: 'As Drax left the hall, she said'), the first
 * sentence that mentions someone who fits it outside quotation marks (a
 * person of its gender or of none known; an organisation for "it"); in
 * that sentence who speaks ('Okafor said', 'said Okafor'), else its
 * subject, else one of the right gender, else the last one. It is sure
 * when that one speaks there or is the subject (or is the only one of the
 * pronoun's gender there), is named as a person (a full name, a title, a
 * known first name, a short form of a full name before, someone who
 * speaks; no surname two such people bear), the sentence is near, nobody
 * unnamed speaks in between, and nobody else in it could be meant (see
 * judge). Someone unnamed found first ('a spokesman', the memo, a "he"
 * nobody was found for) keeps the pronoun as written.
 *
 * A description ('the senator', 'the company'): the people (or
 * organisations) nearby that the text described with the same word
 * ('Senator Brandt', 'Brandt, the senator from the coast', 'the Kestrel
 * Freight Company'); sure when there is one. */
#include "eq_int.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

enum { LOOKBACK_PARAS = 4, LOOKBACK_SENTS = 10, SURE_SENTS = 6, MAX_PICKS = 32, MAX_SENTS = 64 };

static int fits(const struct ment *x, uint64_t want)
{
	if (want & EQ_G_NONE)
		return x->type == M_ORG;
	if (x->type != M_PER && x->type != M_UNK)
		return 0;
	if (x->gender && !(x->gender & (int)want))
		return 0;
	return 1;
}


static int same_text(const struct eqi *I, const struct ment *x, size_t i, const struct ment *y, size_t j)
{
	const struct par *P = &I->p[x->par], *Q = &I->p[y->par];
	const struct token *a = &P->t.v[i], *b = &Q->t.v[j];
	return a->e - a->b == b->e - b->b && !memcmp(P->s + a->b, Q->s + b->b, a->e - a->b);
}

/* Two mentions of one person: 'Sanders' and 'Bernie Sanders'. */
static int same_one(const struct eqi *I, int a, int b)
{
	if (a == b)
		return 1;
	const struct ment *x = &I->m[a], *y = &I->m[b];
	return x->type == y->type && same_text(I, x, x->t1 - 1, y, y->t1 - 1);
}

/* Does a one-word name have a fuller form before it in the document
 * ('Rahm Emanuel' for 'Emanuel')? */
static int fuller_form(const struct eq_rules *R, struct eqi *I, struct ment *x)
{
	if (x->fuller || x->t1 != x->t0 + 1 || x->type == M_ORG || x->id)
		return x->fuller > 0;
	x->fuller = -1;
	struct par *P = &I->p[x->par];
	uint32_t fp = x->par, fb = P->t.v[x->t0].b, fe = P->t.v[x->t0].e, b0 = fb;
	full_name(R, I, x->par, 0, &fp, &fb, &fe);
	if (fp == x->par && fb == b0)
		return 0;
	x->fuller = 1;
	return 1;
}

/* Gender of a one-word name mention that has none of its own, from the
 * first names and titles the document writes before it ('Guaido' after
 * 'Juan Guaido'; none for a 'Clinton' after Bill and Hillary). */
static void inherit_gender(const struct eq_rules *R, struct eqi *I, struct ment *x)
{
	if (x->glist) { /* asked once, when a pronoun wants it */
		x->glist = 0;
		if (!x->gender)
			x->gender = ment_list_gender(R, I, x);
	}
	if (x->gender || x->type != M_UNK || x->t1 != x->t0 + 1 || x->id)
		return;
	const struct par *P = &I->p[x->par];
	const struct token *t = &P->t.v[x->t0];
	int f = surname_facts(R, I, x->par, P->s + t->b, t->e - t->b);
	f &= EQ_G_MALE | EQ_G_FEMALE;
	x->gender = f == EQ_G_MALE || f == EQ_G_FEMALE ? f : 0;
}

/* A one-word name that two people of the document a pronoun (want) can
 * mean bear (Eric and Donald Trump for a "he"; not Donald and Ivanka). */
static int shared_name(const struct eq_rules *R, struct eqi *I, const struct ment *x, uint64_t want)
{
	if (x->type != M_UNK || x->t1 != x->t0 + 1 || x->id)
		return 0;
	const struct par *P = &I->p[x->par];
	const struct token *t = &P->t.v[x->t0];
	int f = surname_facts(R, I, x->par, P->s + t->b, t->e - t->b);
	return ((want & EQ_G_MALE) && (f & SURNAME_SHARED_MALE)) || ((want & EQ_G_FEMALE) && (f & SURNAME_SHARED_FEMALE));
}

/* Is x (mentioned as m: itself, or a pronoun standing for it) named as
 * someone who can be meant? */
static int credible(const struct eq_rules *R, struct eqi *I, struct ment *x, const struct ment *m, uint64_t want)
{
	if (m->type == M_PRON || m->type == M_DESC)
		return 1; /* its own resolution was sure */
	if (want & EQ_G_NONE)
		return x->type == M_ORG;
	if (shared_name(R, I, x, want))
		return 0;
	if (x->gender || m->speaks || x->a0 < x->t0)
		return 1; /* a first name, 'Okafor said', a title */
	if (m->subject && m->t1 < I->p[m->par].t.n) {
		/* the subject of a verb: 'Velko called the plan ...' */
		const struct par *P = &I->p[m->par];
		const struct token *v = &P->t.v[m->t1];
		size_t n = v->e - v->b;
		if ((v->flags & TOK_LOWER) && n > 3 && (!memcmp(P->s + v->e - 2, "ed", 2) || P->s[v->e - 1] == 's'))
			return 1;
	}
	if (x->type == M_PER) {
		/* 'Vietnam War', 'South American': no person */
		const struct par *P = &I->p[x->par];
		for (size_t i = x->t0; i < x->t1; i++)
			if (tok_cls(R, I, (struct par *)P, i, NULL) & (EQ_W_PLACE | EQ_W_ORG | EQ_W_TIME | EQ_W_ROLE))
				return 0;
		return 1;
	}
	return fuller_form(R, I, x);
}

/* A candidate in a sentence: the mention m there, what it stands for (x;
 * -1 for someone the text does not name: 'a spokesman'), its rank. */
struct pick {
	int x, m, rank, sure;
};

static int pick_same(const struct eqi *I, const struct pick *a, const struct pick *b)
{
	if (a->x < 0 || b->x < 0)
		return a->m == b->m;
	return same_one(I, a->x, b->x);
}

static int pick_credible(const struct eq_rules *R, struct eqi *I, const struct pick *c, uint64_t want)
{
	return c->x < 0 || credible(R, I, &I->m[c->x], &I->m[c->m], want);
}

static int pick_gender(const struct eqi *I, const struct pick *c)
{
	return c->x < 0 ? I->m[c->m].gender : I->m[c->x].gender;
}

/* Is the pick b of a sentence's picks beyond doubt? The one who speaks
 * there, unless another speaks too; its subject, unless someone else
 * could be meant who is not in a prepositional phrase or a possessive
 * ('Cruz played down the deal with Kasich' is sure, 'Renner met Salas'
 * is not); the one person of the right gender in the sentence. */
static int judge(const struct eq_rules *R, struct eqi *I, const struct pick *c, int nc, int b, uint64_t want)
{
	const struct pick *B = &c[b];
	if (B->x < 0 || B->rank < 2 || !B->sure || !pick_credible(R, I, B, want))
		return 0;
	int g = pick_gender(I, B);
	if (B->rank == 2 && !(g & (int)want))
		return 0;
	for (int i = 0; i < nc; i++) {
		if (i == b || pick_same(I, &c[i], B) || !pick_credible(R, I, &c[i], want))
			continue;
		if (B->rank == 2 || c[i].rank == 4)
			return 0;
		if (B->rank == 3 && !I->m[c[i].m].oblique)
			return 0;
		if (!g && (pick_gender(I, &c[i]) & (int)want))
			return 0;
	}
	return 1;
}

/* Where the sentences of P start (at most max); their number. */
static int sentence_starts(const struct par *P, uint32_t *ss, int max)
{
	int n = 0;
	if (P->t.n && n < max)
		ss[n++] = 0;
	for (size_t i = 1; i < P->t.n && n < max; i++)
		if (P->tf[i] & TF_SB)
			ss[n++] = (uint32_t)i;
	return n;
}

/* Does someone speak in sentence s of P whom no mention there shows
 * ('Small, who attended the rally, said that ...' with no name found)? */
static int unknown_speaker(const struct eq_rules *R, struct eqi *I, struct par *P, const uint32_t *ss, int ns, int s)
{
	if (s >= ns)
		return 0;
	for (size_t k = P->m0; k < P->m0 + P->nm; k++)
		if ((int)I->m[k].sent == s && I->m[k].speaks)
			return 0;
	size_t end = s + 1 < ns ? ss[s + 1] : P->t.n;
	for (size_t i = ss[s]; i < end; i++)
		if (word(P, i) && (P->t.v[i].flags & TOK_LOWER) && (tok_cls(R, I, P, i, NULL) & EQ_W_CUE) &&
		    cue_at(R, I, P, i) == 1)
			return 1;
	return 0;
}

/* The sentence of token tok of P, from the mentions before it (kend: the
 * first mention at or after tok): no count from the paragraph's start. */
static int sent_at(const struct eqi *I, const struct par *P, size_t kend, size_t tok)
{
	size_t from = 1;
	int s = 0;
	if (kend > P->m0) {
		const struct ment *m = &I->m[kend - 1];
		from = m->t0 + 1;
		s = (int)m->sent;
	}
	for (size_t t = from; t <= tok && t < P->t.n; t++)
		if (P->tf[t] & TF_SB)
			s++;
	return s;
}

int resolve(const struct eq_rules *R, struct eqi *I, uint32_t pi, size_t tok, uint64_t want, int depth, int *sure)
{
	int sents = 0, gap = 0;
	*sure = 0;
	for (uint32_t p = pi + 1; p-- > 0 && p + LOOKBACK_PARAS >= pi;) {
		mentions_collect(R, I, p);
		struct par *P = &I->p[p];
		/* the mentions before the pronoun, a sentence at a time backwards */
		size_t kend = P->m0 + P->nm;
		if (p == pi) {
			size_t lo = P->m0, hi = kend;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (I->m[mid].t0 < tok)
					lo = mid + 1;
				else
					hi = mid;
			}
			kend = lo;
		}
		uint32_t ss[MAX_SENTS];
		int ns = -1; /* the sentence starts, counted when needed */
		int cur;
		if (p == pi) {
			cur = sent_at(I, P, kend, tok);
		} else {
			ns = sentence_starts(P, ss, MAX_SENTS);
			cur = ns - 1;
			if (P->nm && (int)I->m[P->m0 + P->nm - 1].sent > cur)
				cur = (int)I->m[P->m0 + P->nm - 1].sent;
		}
		for (int s = cur; s >= 0; s--) {
			struct pick c[MAX_PICKS];
			int nc = 0;
			int own = p == pi && s == cur;
			size_t kb = kend;
			while (kb > P->m0 && (int)I->m[kb - 1].sent >= s)
				kb--;
			for (size_t k = kb; k < kend && nc < MAX_PICKS; k++) {
				struct ment *m = &I->m[k];
				if ((int)m->sent != s)
					continue;
				/* in the pronoun's own sentence only a subject before it
				 * ('As Guaido seeks ..., he said'), not 'with MTVu, he' */
				if (own && !m->subject && !m->clause_subject)
					continue;
				/* a "he" never stands for the one a "she" means */
				if (m->type == M_PRON && m->gender && !(m->gender & (int)want))
					continue;
				int xs;
				int x = referent(R, I, k, depth, &xs);
				int g;
				if (x >= 0) {
					inherit_gender(R, I, &I->m[x]);
					if (!fits(&I->m[x], want))
						continue;
					g = I->m[x].gender;
				} else if ((m->type == M_DESC || m->type == M_PRON) && (!m->gender || (m->gender & (int)want)) &&
					   (m->type == M_PRON ? !((m->gender & EQ_G_NONE) && (m->gender & EQ_G_MALE))
							      : !(want & EQ_G_NONE) || m->gender == EQ_G_NONE)) {
					/* 'a spokesman', 'the memo', or a 'he' no name was found
					 * for: someone not named */
					g = m->gender;
				} else {
					continue;
				}
				int rank = m->speaks ? 4 : (m->subject || (own && m->clause_subject)) ? 3
					   : (g & (int)want) ? 2 : 1;
				c[nc++] = (struct pick){x, (int)k, rank, xs};
			}
			kend = kb;
			if (nc) {
				/* who speaks first, then the subject, then the last one
				 * of the right gender, then the last one */
				int b = 0;
				for (int i = 1; i < nc; i++)
					if (c[i].rank > c[b].rank || (c[i].rank == c[b].rank && c[i].rank < 3))
						b = i;
				*sure = sents < SURE_SENTS && !gap && judge(R, I, c, nc, b, want);
				if (c[b].x < 0)
					*sure = 0;
				return c[b].x;
			}
			/* nobody fits here; someone unnamed speaking makes any
			 * answer further back unsure */
			if (!gap && !own) {
				if (ns < 0)
					ns = sentence_starts(P, ss, MAX_SENTS);
				gap = unknown_speaker(R, I, P, ss, ns, s);
			}
			if (++sents > LOOKBACK_SENTS)
				return -1;
		}
	}
	return -1;
}

/* ---- descriptions ---- */

/* A title's short form and the word a description uses for it. */
static const char *const title_words[][2] = {
	{"sen", "senator"}, {"rep", "representative"}, {"rep", "congressman"}, {"rep", "congresswoman"},
	{"gov", "governor"}, {"gen", "general"}, {"col", "colonel"}, {"lt", "lieutenant"},
	{"adm", "admiral"}, {"sgt", "sergeant"}, {"capt", "captain"}, {"pres", "president"},
	{"prof", "professor"}, {"dr", "doctor"}, {"rev", "reverend"}, {"sec", "secretary"},
	{"atty", "attorney"}, {"amb", "ambassador"}, {"supt", "superintendent"}, {"det", "detective"},
};

/* Does token i of P name what the head word h of Q names ('Senator',
 * 'Sen.' and 'senator'; case ignored)? */
static int names_head(const struct par *P, size_t i, const struct par *Q, size_t h)
{
	if (i >= P->t.n || !(P->t.v[i].flags & TOK_WORD))
		return 0;
	const struct token *a = &P->t.v[i], *b = &Q->t.v[h];
	size_t an = a->e - a->b, bn = b->e - b->b;
	if (an == bn && !strncasecmp(P->s + a->b, Q->s + b->b, an))
		return 1;
	for (size_t k = 0; k < sizeof title_words / sizeof title_words[0]; k++) {
		size_t sn = strlen(title_words[k][0]), ln = strlen(title_words[k][1]);
		if (an == sn && bn == ln && !strncasecmp(P->s + a->b, title_words[k][0], sn) &&
		    !strncasecmp(Q->s + b->b, title_words[k][1], ln))
			return 1;
	}
	return 0;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* Do the first pn bytes of paragraph P hold the head word h of Q or a
 * short form of it (case ignored)? */
static int may_name_head(const struct par *P, size_t pn, const struct par *Q, size_t h)
{
	const struct token *b = &Q->t.v[h];
	const char *w = Q->s + b->b;
	size_t wn = b->e - b->b;
	const char *alt[8];
	size_t na = 0;
	alt[na++] = w;
	for (size_t k = 0; k < sizeof title_words / sizeof title_words[0] && na < 8; k++)
		if (strlen(title_words[k][1]) == wn && !strncasecmp(title_words[k][1], w, wn))
			alt[na++] = title_words[k][0];
	for (size_t k = 0; k < na; k++) {
		size_t n = k ? strlen(alt[k]) : wn;
		char c = alt[k][0];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 0x20);
		for (int up = 0; up < 2; up++) {
			char f = up && c >= 'a' && c <= 'z' ? (char)(c & ~0x20) : c;
			if (up && f == c)
				break;
			const char *s = P->s, *end = P->s + pn, *at = s;
			while (end - at >= (ptrdiff_t)n && (at = memchr(at, f, (size_t)(end - at - (ptrdiff_t)n + 1)))) {
				size_t i = (size_t)(at - s);
				at++;
				if ((i == 0 || !is_alpha(s[i - 1])) && (i + n == pn || !is_alpha(s[i + n])) &&
				    !strncasecmp(s + i, alt[k], n))
					return 1;
			}
		}
	}
	return 0;
}

/* Does every lowercase word before the head word h of the description
 * starting at token a of Q stand within three words of token i of P
 * ('the vice president' is not President Obama; 'the former president'
 * wants 'former President Bush')? Capitalized ones (the Florida senator)
 * and the determiner are not asked for. */
static int mods_near(const struct eq_rules *R, struct eqi *I, const struct par *P, size_t i, const struct par *Q,
		     size_t a, size_t h)
{
	for (size_t k = a; k < h; k++) {
		int d;
		if (!(Q->t.v[k].flags & TOK_LOWER) || det(R, I, (struct par *)Q, k, &d))
			continue;
		const struct token *w = &Q->t.v[k];
		size_t wn = w->e - w->b;
		int seen = 0;
		for (size_t j = i > 3 ? i - 3 : 0; j < P->t.n && j <= i + 3 && !seen; j++)
			seen = j != i && P->t.v[j].e - P->t.v[j].b == wn && !strncasecmp(P->s + P->t.v[j].b, Q->s + w->b, wn);
		if (!seen)
			return 0;
	}
	return 1;
}

/* Did the text describe mention x with the head word h of Q: a title or
 * a modifier before the name ('Senator Brandt', 'Florida senator Marco
 * Rubio'), an appositive after it ('Brandt, the senator from the coast'),
 * or, for an organisation, a word of its name ('Kestrel Freight
 * Company')? */
static int described(const struct eq_rules *R, struct eqi *I, const struct ment *x, const struct par *Q, size_t qa,
		     size_t h)
{
	struct par *P = &I->p[x->par];
	if (x->type == M_ORG) {
		for (size_t i = x->t0; i < x->t1; i++)
			if (names_head(P, i, Q, h) && mods_near(R, I, P, i, Q, qa, h))
				return 1;
		return 0;
	}
	size_t a = x->a0 != UINT32_MAX && x->a0 < x->t0 ? x->a0 : x->t0;
	for (size_t i = a; i < x->t0; i++)
		if (names_head(P, i, Q, h) && mods_near(R, I, P, i, Q, qa, h))
			return 1;
	/* the words right before it that modify it: 'Florida senator Marco
	 * Rubio', not 'the suit says that Gowdy' */
	for (size_t i = a, k = 0; i > 0 && k < 3; k++) {
		i--;
		if (!(P->t.v[i].flags & TOK_WORD) || (P->tf[i] & (TF_IN | TF_MARK)) ||
		    (tok_cls(R, I, P, i, NULL) & (EQ_W_FUNC | EQ_W_CUE | EQ_W_PRON)))
			break;
		if (names_head(P, i, Q, h) && mods_near(R, I, P, i, Q, qa, h))
			return 1;
	}
	/* 'Brandt, the senator from the coast', 'Fiorina, the former CEO' */
	if (x->t1 < P->t.n && tok_punct(P, x->t1, ',')) {
		for (size_t i = x->t1 + 1; i < P->t.n && i < x->t1 + 8; i++) {
			int d;
			if (P->t.v[i].flags & TOK_PUNCT || (P->tf[i] & (TF_IN | TF_MARK)))
				break;
			if (names_head(P, i, Q, h) && mods_near(R, I, P, i, Q, qa, h))
				return 1;
			if ((tok_cls(R, I, P, i, NULL) & (EQ_W_FUNC | EQ_W_CUE)) && !det(R, I, P, i, &d) &&
			    !TOK_IS(P, i, "former"))
				break;
		}
	}
	return 0;
}

int resolve_desc(const struct eq_rules *R, struct eqi *I, uint32_t pi, size_t a, size_t head, int *sure)
{
	*sure = 0;
	const struct par *Q = &I->p[pi];
	uint64_t hc = tok_cls(R, I, &I->p[pi], head, NULL);
	int org = !(hc & (EQ_W_ROLE | EQ_W_PEOPLE | EQ_W_TITLE)) && (hc & EQ_W_ORG);
	int found = -1, n = 0;
	for (uint32_t p = pi + 1; p-- > 0 && p + LOOKBACK_PARAS >= pi;) {
		if (!may_name_head(&I->p[p], p == pi ? Q->t.v[a].b : I->p[p].n, Q, head))
			continue; /* the word is nowhere before it: no need for its mentions */
		mentions_collect(R, I, p);
		const struct par *P = &I->p[p];
		for (size_t k = P->m0 + P->nm; k-- > P->m0;) {
			const struct ment *x = &I->m[k];
			if (p == pi && x->t1 > a)
				continue; /* after it, or itself */
			if (org ? x->type != M_ORG : (x->type != M_PER && x->type != M_UNK))
				continue;
			if (!described(R, I, x, Q, a, head))
				continue;
			if (found < 0) {
				found = (int)k;
				n = 1;
			} else if (!same_one(I, found, (int)k)) {
				n++;
			}
		}
	}
	*sure = found >= 0 && n == 1;
	return found;
}

int referent(const struct eq_rules *R, struct eqi *I, size_t mi, int depth, int *sure)
{
	struct ment *m = &I->m[mi];
	if (m->type != M_PRON && m->type != M_DESC) {
		*sure = 1;
		return (int)mi;
	}
	if (m->ante == -2) {
		m->ante = -1;
		m->sure = 0;
		/* 'The founder, Irene Castellano, said', 'The head of the
		 * Alpine Rail Authority, Hélène Favre-Duret, said': a
		 * description (and its 'of' phrase) with a name set off after it
		 * is that one */
		if (m->type == M_DESC) {
			const struct par *P = &I->p[m->par];
			uint32_t c = m->t1;
			if (c < P->t.n && word(P, c) && (TOK_IS(P, c, "of") || TOK_IS(P, c, "at") || TOK_IS(P, c, "for")))
				while (c < P->t.n && c < m->t1 + 10 && !(P->tf[c] & (TF_MARK | TF_SB)) &&
				       (word(P, c) || tok_punct(P, c, '.') || (P->t.v[c].flags & TOK_DASH)))
					c++;
			size_t nx = mi + 1;
			while (nx < I->nm && I->m[nx].par == m->par && I->m[nx].t0 <= c)
				nx++;
			if (c < P->t.n && tok_punct(P, c, ',') && nx < I->nm && I->m[nx].par == m->par &&
			    (I->m[nx].type == M_PER || I->m[nx].type == M_UNK) && I->m[nx].t0 == c + 1 &&
			    I->m[nx].a0 >= c + 1) {
				uint32_t e = I->m[nx].t1;
				if (e >= P->t.n || tok_punct(P, e, ',') || tok_punct(P, e, '.') || (P->tf[e] & TF_MARK)) {
					m->ante = (int)nx;
					m->sure = 1;
					*sure = 1;
					return m->ante;
				}
			}
		}
		if (depth < 6) {
			if (m->type == M_DESC) {
				m->ante = resolve_desc(R, I, m->par, m->a0 != UINT32_MAX ? m->a0 : m->t0, m->t1 - 1, &m->sure);
			} else {
				uint64_t want = (uint64_t)m->gender;
				if ((want & EQ_G_NONE) && (want & EQ_G_MALE))
					want = 0; /* they: not resolved */
				if (want)
					m->ante = resolve(R, I, m->par, m->t0, want, depth + 1, &m->sure);
				/* "he" tells the gender of whom it stands for */
				if (m->ante >= 0 && m->sure && !I->m[m->ante].gender &&
				    (m->gender == EQ_G_MALE || m->gender == EQ_G_FEMALE))
					I->m[m->ante].gender = m->gender;
			}
		}
	}
	*sure = m->sure;
	return m->ante;
}
