/* eq_speaker.c - who said it. The noun phrase next to a quotation's cue
 * ('Guaido said', 'said Manfredo Gonzalez, a social worker', 'the senator
 * told'), reduced to its name with titles stripped; a pronoun or a
 * definite description ('he', 'the businessman') resolved to the most
 * recent fitting person outside quotation marks (the subject of a
 * sentence before the last name in it); a quotation without an
 * attribution of its own takes the speaker of the one it continues. The
 * names come from the `entities` column when the input has one, else from
 * a light finder of capitalized runs (mentions_collect). */
#include "eq_int.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static int word(const struct par *P, size_t i)
{
	return i < P->t.n && (P->t.v[i].flags & TOK_WORD) && !(P->tf[i] & (TF_IN | TF_MARK));
}

static int capword(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	if (!word(P, i) || !(P->t.v[i].flags & TOK_CAP) || (P->t.v[i].flags & TOK_CLITIC))
		return 0;
	uint64_t c = tok_cls(R, I, P, i, NULL);
	const struct token *t = &P->t.v[i];
	if (c & EQ_W_CUE)
		return 0;
	/* January, Monday; an abbreviation only before a period or a number
	 * (Jun. 5, but Ai Jun) */
	if ((c & EQ_W_TIME) && (t->e - t->b > 3 || tok_punct(P, i + 1, '.') ||
				(i + 1 < P->t.n && (P->t.v[i + 1].flags & TOK_NUM))))
		return 0;
	if ((c & EQ_W_PRON) && !(c & (EQ_W_MALE | EQ_W_FEMALE | EQ_W_ORG | EQ_W_PLACE)))
		return 0; /* He, I */
	/* The, But, Watch: capitalized because a sentence starts there (not in
	 * The Hill, Judicial Watch) */
	if ((c & EQ_W_FUNC) && !(c & (EQ_W_MALE | EQ_W_FEMALE | EQ_W_ORG | EQ_W_PLACE)) &&
	    ((P->tf[i] & TF_SB) || i == 0 || (P->tf[i - 1] & TF_MARK) || (P->t.v[i - 1].flags & TOK_PUNCT)))
		return 0;
	return 1;
}

static int particle(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	return word(P, i) && (P->t.v[i].flags & TOK_LOWER) && P->t.v[i].e - P->t.v[i].b <= 4 &&
	       (tok_cls(R, I, P, i, NULL) & EQ_W_PARTICLE) && capword(R, I, P, i + 1);
}

/* A determiner: 1 (with *definite set) or 0. */
static const struct eq_rules *det_rules;
static struct eqi *det_i;
static int det(struct par *P, size_t i, int *definite)
{
	if (!word(P, i) || P->t.v[i].e - P->t.v[i].b > 7)
		return 0;
	uint64_t c = tok_cls(det_rules, det_i, P, i, NULL);
	if (!(c & (EQ_W_DEF | EQ_W_INDEF)))
		return 0;
	*definite = (c & EQ_W_DEF) != 0;
	return 1;
}

/* A lowercase word that can modify a head noun: not a function word, a
 * verb of speech or a time word. */
static int modifier(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	if (!word(P, i) || (P->t.v[i].flags & TOK_CAP))
		return 0;
	uint64_t c = tok_cls(R, I, P, i, NULL);
	return !(c & (EQ_W_FUNC | EQ_W_CUE | EQ_W_TIME | EQ_W_PRON | EQ_W_PHRASE)) ||
	       (c & (EQ_W_ROLE | EQ_W_ORG | EQ_W_TITLE | EQ_W_PEOPLE));
}

static int title_period(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	return tok_punct(P, i, '.') && i > 0 && P->t.v[i - 1].e == P->t.v[i].b &&
	       (tok_cls(R, I, P, i - 1, NULL) & EQ_W_TITLE);
}

enum { HEAD_WORDS = EQ_W_ROLE | EQ_W_ORG | EQ_W_PEOPLE };

struct np {
	int ok, type, definite;
	int resolvable;  /* a definite description of a person: resolved like a pronoun */
	uint32_t a, b;   /* the phrase */
	uint32_t n0, n1; /* its name (or head phrase without the determiner) */
	uint64_t pbits;
};

/* The name part of [a, b): the last run of capitalized words (with
 * particles and title periods), titles stripped; or, when the phrase ends
 * in a lowercase role or organisation word, the description. */
static void np_head(const struct eq_rules *R, struct eqi *I, struct par *P, struct np *np)
{
	size_t a = np->a, b = np->b;
	np->ok = 0;
	if (a >= b)
		return;
	size_t last = b - 1;
	while (last > a && (tok_punct(P, last, '.') || (P->t.v[last].flags & TOK_CLITIC)))
		last--;
	if (capword(R, I, P, last)) {
		size_t s = last;
		while (s > a && (capword(R, I, P, s - 1) || particle(R, I, P, s - 1) || title_period(R, I, P, s - 1)))
			s--;
		/* strip the titles at its start (President, Sen., Col.) */
		/* 'Republican National Committee Chairman Reince Priebus': the
		 * name starts after the last title in the run */
		for (size_t t = last; t > s; t--) {
			uint64_t ct = tok_cls(R, I, P, t - 1, NULL);
			if ((ct & EQ_W_TITLE) && !(ct & (EQ_W_MALE | EQ_W_FEMALE)) && capword(R, I, P, t) && t - 1 > s) {
				s = t;
				break;
			}
		}
		while (s < last && ((tok_cls(R, I, P, s, NULL) & EQ_W_TITLE) || title_period(R, I, P, s)) &&
		       !(tok_cls(R, I, P, s, NULL) & (EQ_W_MALE | EQ_W_FEMALE)))
			s++;
		/* a capitalized role before a first and a last name: 'Treasurer
		 * Amal Okonkwo' (not 'Guy Cecil') */
		while (s + 2 <= last && (tok_cls(R, I, P, s, NULL) & (EQ_W_ROLE | EQ_W_PEOPLE)) &&
		       !(tok_cls(R, I, P, s, NULL) & (EQ_W_MALE | EQ_W_FEMALE)) && capword(R, I, P, s + 1))
			s++;
		while (s < last && !capword(R, I, P, s))
			s++;
		np->n0 = (uint32_t)s;
		np->n1 = (uint32_t)last + 1;
		int org = 0, place = 1;
		for (size_t i = s; i <= last; i++) {
			uint64_t c = tok_cls(R, I, P, i, NULL);
			org |= (c & EQ_W_ORG) != 0;
			if (!(c & EQ_W_PLACE))
				place = 0;
		}
		if (last == s && (P->t.v[s].flags & TOK_UPPER) && P->t.v[s].e - P->t.v[s].b >= 2 &&
		    P->t.v[s].e - P->t.v[s].b <= 5)
			org = 1; /* CNN, GOP */
		np->type = org ? M_ORG : place ? M_UNK : M_PER;
		np->ok = 1; /* a place next to a cue speaks: "Israel said" */
		return;
	}
	uint64_t c = tok_cls(R, I, P, last, NULL);
	if (c & HEAD_WORDS) {
		size_t s = a;
		int definite = 0;
		if (det(P, s, &definite))
			s++;
		np->definite = definite;
		np->n0 = (uint32_t)s;
		np->n1 = (uint32_t)last + 1;
		np->type = (c & (EQ_W_ROLE | EQ_W_PEOPLE)) ? M_DESC : M_ORG;
		np->resolvable = definite && (c & EQ_W_ROLE) && !(c & EQ_W_PEOPLE) && last + 1 - s <= 3;
		np->ok = 1;
		return;
	}
	/* 'the 46-year-old', 'another child': a determiner and up to three
	 * words, kept as written */
	int d;
	if (det(P, a, &d) && b - a >= 2 && b - a <= 4 && word(P, last) && !(c & (EQ_W_FUNC | EQ_W_CUE))) {
		np->n0 = (uint32_t)a + 1;
		np->n1 = (uint32_t)last + 1;
		np->type = M_DESC;
		np->definite = d;
		np->ok = 1;
	}
}

static int pronoun(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, uint64_t *bits)
{
	return word(P, i) && (tok_cls(R, I, P, i, bits) & EQ_W_PRON);
}

/* The noun phrase starting at token i (before end): 'Manfredo Gonzalez',
 * 'Republican pollster Daron Shaw', 'the senator', 'he'. */
static struct np np_forward(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, size_t end)
{
	struct np np = {0};
	np.a = (uint32_t)i;
	uint64_t bits;
	if (i < end && pronoun(R, I, P, i, &bits)) {
		np.ok = 1;
		np.type = M_PRON;
		np.pbits = bits;
		np.b = np.n1 = (uint32_t)i + 1;
		np.n0 = (uint32_t)i;
		return np;
	}
	size_t k = i;
	int definite;
	if (k < end && det(P, k, &definite))
		k++;
	int seen_cap = 0;
	while (k < end && k < i + 14) {
		if (capword(R, I, P, k) || particle(R, I, P, k) || title_period(R, I, P, k)) {
			seen_cap = 1;
			k++;
			continue;
		}
		if ((P->t.v[k].flags & TOK_CLITIC) && k > i) {
			k++;
			continue;
		}
		if (word(P, k) && modifier(R, I, P, k)) {
			/* after a name, only words up to a role, people or
			 * organisation word go on (Trump campaign manager Paul) */
			if (seen_cap) {
				size_t h = k;
				while (h < end && h < k + 3 && word(P, h) && modifier(R, I, P, h) &&
				       !(tok_cls(R, I, P, h, NULL) & HEAD_WORDS))
					h++;
				if (!(h < end && word(P, h) && !(P->t.v[h].flags & TOK_CAP) &&
				      (tok_cls(R, I, P, h, NULL) & HEAD_WORDS)))
					break;
				k = h + 1;
				continue;
			}
			k++;
			continue;
		}
		if ((P->t.v[k].flags & TOK_NUM) && !seen_cap) {
			k++;
			continue;
		}
		break;
	}
	np.b = (uint32_t)k;
	np_head(R, I, P, &np);
	return np;
}

/* The noun phrase ending just before token e (not before start): 'Guaido',
 * 'Fabiana Rosales, a 26-year-old journalist,', 'Clinton spokesman Josh
 * Schwerin', 'he'. */
static struct np np_backward(const struct eq_rules *R, struct eqi *I, struct par *P, size_t e, size_t start,
			     int appositive)
{
	struct np np = {0};
	if (e <= start)
		return np;
	uint64_t bits;
	if (pronoun(R, I, P, e - 1, &bits)) {
		np.ok = 1;
		np.type = M_PRON;
		np.pbits = bits;
		np.a = np.n0 = (uint32_t)e - 1;
		np.b = np.n1 = (uint32_t)e;
		return np;
	}
	if (tok_punct(P, e - 1, ')')) {
		/* Rep. Jim McDermott (D-Wash.) said */
		size_t p = e - 1;
		while (p > start && p + 8 > e && !tok_punct(P, p, '('))
			p--;
		if (tok_punct(P, p, '(') && p > start) {
			struct np in = np_backward(R, I, P, p, start, 0);
			if (in.ok && in.type != M_PRON)
				in.b = (uint32_t)e;
			return in;
		}
		return np;
	}
	if (appositive && tok_punct(P, e - 1, ',')) {
		/* NAME, APPOSITIVE, said */
		size_t p = e - 1;
		while (p > start && p + 20 > e) {
			p--;
			if (P->tf[p] & (TF_IN | TF_MARK))
				return np;
			const struct token *t = &P->t.v[p];
			if ((t->flags & TOK_PUNCT) && (t->cp == '.' || t->cp == ':' || t->cp == ';') && !title_period(R, I, P, p))
				return np;
			if (tok_punct(P, p, ',')) {
				int d;
				size_t s = p + 1;
				int ok = det(P, s, &d) || (P->t.v[s].flags & (TOK_NUM | TOK_LOWER)) || TOK_IS(P, s, "who");
				for (size_t h = s; !ok && h + 1 < e; h++)
					ok = word(P, h) && !(P->t.v[h].flags & TOK_CAP) && (tok_cls(R, I, P, h, NULL) & HEAD_WORDS);
				if (!ok)
					return np;
				struct np in = np_backward(R, I, P, p, start, 0);
				if (in.ok && in.type != M_PRON && in.b == p) {
					in.b = (uint32_t)e - 1;
					return in;
				}
				break;
			}
		}
		/* a comma with no appositive before it: 'Gov. John Kasich (R-OH),
		 * said' - when the name starts its clause ('vote for Hillary
		 * Clinton, saying' is no attribution to her) */
		if (e - 1 > start && (capword(R, I, P, e - 2) || tok_punct(P, e - 2, ')'))) {
			struct np in = np_backward(R, I, P, e - 1, start, 0);
			if (in.ok && (in.a == start || (P->tf[in.a] & TF_SB) ||
				      (in.a > 0 && (P->t.v[in.a - 1].flags & TOK_PUNCT))))
				return in;
		}
		return np;
	}
	size_t k = e;
	int head_lower = 0;
	while (k > start && k + 14 > e) {
		size_t j = k - 1;
		int d;
		if (capword(R, I, P, j) || particle(R, I, P, j) || title_period(R, I, P, j) ||
		    ((P->t.v[j].flags & TOK_CLITIC) && j + 1 < e)) {
			k = j;
			continue;
		}
		if (det(P, j, &d)) {
			k = j;
			break;
		}
		if (word(P, j) && modifier(R, I, P, j)) {
			uint64_t c = tok_cls(R, I, P, j, NULL);
			if (k == e && !(c & HEAD_WORDS)) {
				/* 'another child responded': a determiner within three words */
				size_t h = j;
				while (h > start && h + 4 > j && word(P, h - 1) && modifier(R, I, P, h - 1) &&
				       !(P->t.v[h - 1].flags & TOK_CAP))
					h--;
				if (h > start && det(P, h - 1, &d) &&
				    (h - 1 == start || (P->tf[h - 1] & TF_SB) || (P->t.v[h - 2].flags & TOK_PUNCT))) {
					k = h - 1;
					break;
				}
				break; /* the head is a role, people or organisation word */
			}
			if (k == e)
				head_lower = 1;
			k = j;
			continue;
		}
		if ((P->t.v[j].flags & TOK_NUM) && k < e) {
			k = j;
			continue;
		}
		break;
	}
	(void)head_lower;
	np.a = (uint32_t)k;
	np.b = (uint32_t)e;
	np_head(R, I, P, &np);
	return np;
}

/* ---- mentions ---- */

static struct ment *new_ment(struct eqi *I)
{
	if (I->nm == I->capm) {
		I->capm = I->capm ? 2 * I->capm : 256;
		I->m = xrealloc(I->m, I->capm * sizeof *I->m);
	}
	struct ment *m = &I->m[I->nm++];
	memset(m, 0, sizeof *m);
	m->ante = -2;
	m->a0 = UINT32_MAX;
	return m;
}

static int gender_of_name(const struct eq_rules *R, struct eqi *I, struct par *P, size_t t0, size_t t1)
{
	for (size_t i = t0; i < t1; i++) {
		uint64_t c = tok_cls(R, I, P, i, NULL);
		if (c & EQ_W_MALE)
			return EQ_G_MALE;
		if (c & EQ_W_FEMALE)
			return EQ_G_FEMALE;
		if (!(c & EQ_W_TITLE))
			break;
	}
	return 0;
}

static int title_gender(const struct par *P, size_t i)
{
	if (TOK_IS(P, i, "mr") || TOK_IS(P, i, "sir") || TOK_IS(P, i, "king") || TOK_IS(P, i, "prince") ||
	    TOK_IS(P, i, "father") || TOK_IS(P, i, "congressman") || TOK_IS(P, i, "councilman") ||
	    TOK_IS(P, i, "chairman") || TOK_IS(P, i, "lord"))
		return EQ_G_MALE;
	if (TOK_IS(P, i, "mrs") || TOK_IS(P, i, "ms") || TOK_IS(P, i, "miss") || TOK_IS(P, i, "queen") ||
	    TOK_IS(P, i, "princess") || TOK_IS(P, i, "lady") || TOK_IS(P, i, "dame") ||
	    TOK_IS(P, i, "congresswoman") || TOK_IS(P, i, "councilwoman") || TOK_IS(P, i, "chairwoman"))
		return EQ_G_FEMALE;
	return 0;
}

/* Code point offset -> token index (the first token starting at or after
 * cp). */
static size_t tok_at_cp(const struct par *P, uint32_t cp)
{
	size_t lo = 0, hi = P->t.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (P->t.v[mid].cb < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The mentions of the entities column: START,END,TYPE,ID;... */
static void ents_collect(struct eqi *I, struct par *P, uint32_t pi)
{
	const char *s = P->ents, *end = P->ents + P->nents;
	while (s < end) {
		const char *e = memchr(s, ';', (size_t)(end - s));
		if (!e)
			e = end;
		const char *f[4];
		size_t nf = 0;
		const char *p = s;
		f[nf++] = p;
		while (p < e && nf < 4) {
			if (*p == ',')
				f[nf++] = p + 1;
			p++;
		}
		char *x;
		unsigned long a = 0, b = 0;
		int ok = nf == 4;
		if (ok) {
			a = strtoul(f[0], &x, 10);
			ok = x == f[1] - 1;
			b = strtoul(f[1], &x, 10);
			ok = ok && x == f[2] - 1 && b > a;
		}
		if (!ok) {
			I->bad_ents++;
			s = e + 1;
			continue;
		}
		size_t tl = (size_t)(f[3] - 1 - f[2]);
		int type = tl == 3 && !memcmp(f[2], "PER", 3) ? M_PER : tl == 3 && !memcmp(f[2], "ORG", 3) ? M_ORG : 0;
		if (type) {
			size_t t0 = tok_at_cp(P, (uint32_t)a), t1 = t0;
			while (t1 < P->t.n && P->t.v[t1].ce <= b)
				t1++;
			if (t1 > t0 && !(P->tf[t0] & (TF_IN | TF_MARK))) {
				struct ment *m = new_ment(I);
				m->par = pi;
				m->t0 = (uint32_t)t0;
				m->t1 = (uint32_t)t1;
				m->type = type;
				m->ante = -1;
				m->id = f[3];
				m->nid = (size_t)(e - f[3]);
			}
		}
		s = e + 1;
	}
}

static int letter_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Is the capitalized word w (ASCII capital first) written lowercase as a
 * word near paragraph pi ('Federal mandates ...' beside 'a federal
 * department')? Then a sentence starting with it is no name. Cached per
 * document with the full names. */
static int low_somewhere(struct eqi *I, uint32_t pi, const char *w, size_t wn)
{
	if (wn < 2 || wn > 40 || w[0] < 'A' || w[0] > 'Z')
		return 0;
	char lw[40];
	memcpy(lw, w, wn);
	lw[0] = (char)(lw[0] | 0x20);
	uint64_t key = hash_bytes(lw, wn, 0x6c6f77 + pi) & ~1ULL; /* even: apart from full_name's odd keys */
	uint64_t *hit = h64map_get(&I->names, key);
	if (hit)
		return (int)*hit;
	int found = 0;
	/* the paragraphs around it: a whole front page is too far to look */
	for (size_t p = pi > 3 ? pi - 3 : 0; p < I->np && p <= pi + 3 && !found; p++) {
		const char *s = I->p[p].s, *end = s + I->p[p].n, *at = s;
		while (at < end && (at = memchr(at, lw[0], (size_t)(end - at)))) {
			size_t o = (size_t)(at - s);
			at++;
			if ((size_t)(end - s) - o < wn || s[o + 1] != lw[1] || memcmp(s + o, lw, wn) != 0)
				continue;
			if ((o + wn < (size_t)(end - s) && letter_at(s, o + wn)) || (o > 0 && letter_at(s, o - 1)))
				continue;
			found = 1;
			break;
		}
	}
	*h64map_put(&I->names, key, NULL) = (uint64_t)found;
	return found;
}

static int cmp_ment(const void *a, const void *b)
{
	const struct ment *x = a, *y = b;
	return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

void mentions_collect(const struct eq_rules *R, struct eqi *I, uint32_t pi)
{
	det_rules = R;
	det_i = I;
	struct par *P = &I->p[pi];
	if (P->mentions)
		return;
	par_ready(R, I, pi);
	P->mentions = 1;
	P->m0 = I->nm;
	if (I->has_ents && P->ents) {
		ents_collect(I, P, pi);
	}
	size_t n = P->t.n;
	for (size_t i = 0; i < n;) {
		if (P->tf[i] & (TF_IN | TF_MARK) || !(P->t.v[i].flags & TOK_WORD)) {
			i++;
			continue;
		}
		uint64_t bits = 0;
		const struct token *ti = &P->t.v[i];
		/* most words are lowercase and longer than a pronoun: no lookup */
		if (!(ti->flags & TOK_CAP) && ti->e - ti->b > 5 && !(ti->flags & TOK_CLITIC)) {
			i++;
			continue;
		}
		uint64_t c = tok_cls(R, I, P, i, &bits);
		if ((c & EQ_W_PRON) && (bits & EQ_P_THIRD)) {
			struct ment *m = new_ment(I);
			m->par = pi;
			m->t0 = (uint32_t)i;
			m->t1 = (uint32_t)i + 1;
			m->type = M_PRON;
			m->gender = (int)(bits & (EQ_G_MALE | EQ_G_FEMALE | EQ_G_NONE));
			i++;
			continue;
		}
		int d;
		if (det(P, i, &d) && d) {
			/* the senator, the Florida senator, the campaign */
			size_t k = i + 1;
			while (k < n && k < i + 4 && (capword(R, I, P, k) || modifier(R, I, P, k)) &&
			       !(tok_cls(R, I, P, k, NULL) & (EQ_W_ROLE | EQ_W_ORG)))
				k++;
			if (k < n && word(P, k) && !(P->t.v[k].flags & TOK_CAP) &&
			    (tok_cls(R, I, P, k, NULL) & (EQ_W_ROLE | EQ_W_ORG)) &&
			    !(k + 1 < n && (P->t.v[k + 1].flags & TOK_CAP) && word(P, k + 1))) {
				struct ment *m = new_ment(I);
				m->par = pi;
				m->t0 = (uint32_t)i + 1;
				m->t1 = (uint32_t)k + 1;
				m->a0 = (uint32_t)i;
				m->type = (tok_cls(R, I, P, k, NULL) & EQ_W_ROLE) ? M_DESC : M_ORG;
				i = k + 1;
				continue;
			}
		}
		if (I->has_ents && P->ents) {
			i++;
			continue;
		}
		if (!capword(R, I, P, i) && !((c & EQ_W_TITLE) && (P->t.v[i].flags & TOK_CAP))) {
			i++;
			continue;
		}
		if (i > 0 && tok_punct(P, i - 1, '(') && i + 1 < n &&
		    (tok_punct(P, i + 1, ')') || tok_punct(P, i + 1, '.') || tok_punct(P, i + 1, ','))) {
			i++; /* a party and state after a name: (D), (I-Vt.) */
			continue;
		}
		size_t k = i;
		int g = 0;
		while (k < n && (((tok_cls(R, I, P, k, NULL) & EQ_W_TITLE) && (P->t.v[k].flags & TOK_CAP) &&
				  !(tok_cls(R, I, P, k, NULL) & (EQ_W_MALE | EQ_W_FEMALE)) &&
				  (capword(R, I, P, k + 1) || title_period(R, I, P, k + 1))) ||
				 title_period(R, I, P, k))) {
			g |= title_gender(P, k);
			k++;
		}
		size_t s = k;
		while (k < n && (capword(R, I, P, k) || particle(R, I, P, k) || title_period(R, I, P, k)))
			k++;
		if (k == s) {
			i = k > i ? k : i + 1;
			continue;
		}
		size_t e = k;
		while (e > s && tok_punct(P, e - 1, '.'))
			e--;
		while (s + 2 < e && (tok_cls(R, I, P, s, NULL) & (EQ_W_ROLE | EQ_W_PEOPLE)) &&
		       !(tok_cls(R, I, P, s, NULL) & (EQ_W_MALE | EQ_W_FEMALE)))
			s++; /* Treasurer Amal Okonkwo */
		/* a name that modifies the next one: 'Democratic presidential
		 * candidate Bernie Sanders', 'McConnell spokesman Don Stewart' */
		{
			size_t h = k;
			while (h < n && h < k + 3 && word(P, h) && !(P->t.v[h].flags & TOK_CAP) && modifier(R, I, P, h))
				h++;
			if (h > k && capword(R, I, P, h) && (tok_cls(R, I, P, h - 1, NULL) & (HEAD_WORDS | EQ_W_TITLE))) {
				i = h;
				continue;
			}
		}
		/* a capitalized first word of a sentence that is no name: 'Backing
		 * Clinton, ...' */
		if ((P->tf[s] & TF_SB) || (s > 0 && (P->tf[s - 1] & TF_SB) && !word(P, s - 1))) {
			const struct token *t = &P->t.v[s];
			size_t len = t->e - t->b;
			const char *w = P->s + t->b;
			int drop = !gender_of_name(R, I, P, s, s + 1) &&
				   ((len > 4 && !memcmp(w + len - 3, "ing", 3)) || (len > 4 && !memcmp(w + len - 2, "ly", 2)) ||
				    (len > 4 && !memcmp(w + len - 2, "ed", 2)));
			if (drop) {
				s++;
				if (s >= e) {
					i = k;
					continue;
				}
			}
		}
		int org = 0, place = 1;
		for (size_t j = s; j < e; j++) {
			uint64_t cj = tok_cls(R, I, P, j, NULL);
			org |= (cj & EQ_W_ORG) != 0;
			if (!(cj & EQ_W_PLACE))
				place = 0;
		}
		if (e == s + 1 && (P->t.v[s].flags & TOK_UPPER) && P->t.v[s].e - P->t.v[s].b >= 2)
			org = 1;
		if (e == s + 1 && (tok_cls(R, I, P, s, NULL) & (EQ_W_ROLE | EQ_W_PEOPLE | EQ_W_TITLE)) &&
		    !(tok_cls(R, I, P, s, NULL) & (EQ_W_MALE | EQ_W_FEMALE))) {
			i = k; /* 'the ranking Democrat': a description, no name */
			continue;
		}
		/* a first word of a sentence the document also writes lowercase
		 * is no name ('Federal mandates', 'Victims of ...') */
		if (e == s + 1 && ((P->tf[s] & TF_SB) || (s > 0 && (P->tf[s - 1] & TF_MARK))) && !g &&
		    !gender_of_name(R, I, P, s, e) && low_somewhere(I, pi, P->s + P->t.v[s].b, P->t.v[s].e - P->t.v[s].b)) {
			i = k;
			continue;
		}
		if (e > s && (!place || org)) {
			struct ment *m = new_ment(I);
			m->par = pi;
			m->t0 = (uint32_t)s;
			m->t1 = (uint32_t)e;
			m->a0 = (uint32_t)i;
			m->type = org ? M_ORG : (e - s >= 2 || g) ? M_PER : M_UNK;
			m->gender = g ? g : gender_of_name(R, I, P, s, e);
			m->ante = -1;
		}
		i = k;
	}
	P->nm = I->nm - P->m0;
	if (I->has_ents && P->ents)
		qsort(I->m + P->m0, P->nm, sizeof *I->m, cmp_ment);
	/* sentence numbers and subjects */
	size_t sent = 0, t = 0;
	int have_subj = 0;
	for (size_t k = P->m0; k < I->nm; k++) {
		struct ment *m = &I->m[k];
		while (t <= m->t0 && t < n) {
			if ((P->tf[t] & TF_SB) && t > 0) {
				sent++;
				have_subj = 0;
			}
			t++;
		}
		m->sent = (uint32_t)sent;
		{
			size_t a = m->a0 != UINT32_MAX && m->a0 < m->t0 ? m->a0 : m->t0;
			size_t e = m->t1;
			while (e < n && word(P, e) && (tok_cls(R, I, P, e, NULL) & (EQ_W_FILL | EQ_W_TIME)) &&
			       !(tok_cls(R, I, P, e, NULL) & EQ_W_CUE))
				e++;
			if ((e < n && word(P, e) && cue_at(R, I, P, e) == 1 && !(P->t.v[e].flags & TOK_CLITIC)) ||
			    (a > 0 && word(P, a - 1) && cue_at(R, I, P, a - 1) == 1 &&
			     !(tok_cls(R, I, P, a - 1, NULL) & EQ_W_OBJVERB)))
				m->speaks = 1;
		}
		if (!have_subj) {
			have_subj = 1;
			size_t before = m->a0 != UINT32_MAX && m->a0 < m->t0 ? m->a0 : m->t0;
			int prep = before > 0 && word(P, before - 1) && (tok_cls(R, I, P, before - 1, NULL) & EQ_W_FUNC) &&
				   !TOK_IS(P, before - 1, "and") && !TOK_IS(P, before - 1, "but");
			int poss = m->t1 < n && (P->t.v[m->t1].flags & TOK_CLITIC);
			if (!prep && !poss)
				m->subject = 1;
			else
				have_subj = 0;
		}
	}
}

/* ---- resolution ---- */

static int fits(const struct eqi *I, const struct ment *x, uint64_t want)
{
	(void)I;
	if (want & EQ_G_NONE) {
		return x->type == M_ORG;
	}
	if (x->type != M_PER && x->type != M_UNK)
		return 0;
	if (x->gender && !(x->gender & (int)want))
		return 0;
	return 1;
}

static int ment_of_sent_tok(const struct eqi *I, const struct par *P, size_t tok)
{
	(void)I;
	size_t s = 0;
	for (size_t t = 1; t <= tok && t < P->t.n; t++)
		if (P->tf[t] & TF_SB)
			s++;
	return (int)s;
}

static int resolve(const struct eq_rules *R, struct eqi *I, uint32_t pi, size_t tok, uint64_t want, int depth);

/* What a mention stands for: itself for a name, its antecedent for a
 * pronoun or description (resolved on demand). */
static int referent(const struct eq_rules *R, struct eqi *I, size_t mi, int depth)
{
	struct ment *m = &I->m[mi];
	if (m->type != M_PRON && m->type != M_DESC)
		return (int)mi;
	if (m->ante == -2) {
		m->ante = -1;
		if (depth < 6) {
			uint64_t want = m->type == M_DESC ? (EQ_G_MALE | EQ_G_FEMALE) : (uint64_t)m->gender;
			if (m->type == M_PRON && (want & EQ_G_NONE) && (want & EQ_G_MALE))
				want = 0; /* they: not resolved */
			if (want)
				m->ante = resolve(R, I, m->par, m->t0, want, depth + 1);
			/* "he" tells the gender of whom it stands for */
			if (m->ante >= 0 && m->type == M_PRON && !I->m[m->ante].gender &&
			    (m->gender == EQ_G_MALE || m->gender == EQ_G_FEMALE))
				I->m[m->ante].gender = m->gender;
		}
	}
	return m->ante;
}

/* Gender of a name mention, from an earlier fuller form of it when it has
 * none of its own ('Guaido' after 'Juan Guaido'). */
static void inherit_gender(struct eqi *I, struct ment *x)
{
	if (x->gender || x->type != M_UNK)
		return;
	const struct par *P = &I->p[x->par];
	const struct token *lt = &P->t.v[x->t1 - 1];
	for (size_t k = 0; k < I->nm; k++) {
		struct ment *y = &I->m[k];
		if (y == x || y->type != M_PER || !y->gender)
			continue;
		const struct par *Q = &I->p[y->par];
		const struct token *yt = &Q->t.v[y->t1 - 1];
		if (yt->e - yt->b == lt->e - lt->b && !memcmp(Q->s + yt->b, P->s + lt->b, lt->e - lt->b)) {
			x->gender = y->gender;
			return;
		}
	}
}

enum { LOOKBACK_PARAS = 4, LOOKBACK_SENTS = 10 };

static int resolve(const struct eq_rules *R, struct eqi *I, uint32_t pi, size_t tok, uint64_t want, int depth)
{
	int sents = 0;
	for (uint32_t p = pi + 1; p-- > 0 && p + LOOKBACK_PARAS >= pi;) {
		mentions_collect(R, I, p);
		struct par *P = &I->p[p];
		int cur = p == pi ? ment_of_sent_tok(I, P, tok) : -1;
		if (cur < 0 && P->nm)
			cur = (int)I->m[P->m0 + P->nm - 1].sent;
		for (int s = cur; s >= 0; s--) {
			int best = -1, best_rank = 0;
			for (size_t k = P->m0; k < P->m0 + P->nm; k++) {
				struct ment *m = &I->m[k];
				if ((int)m->sent != s || (p == pi && m->t0 >= tok))
					continue;
				/* in the pronoun's own sentence only a subject before it
				 * ('As Guaido seeks ..., he said'), not 'with MTVu, he' */
				if (p == pi && s == cur && !m->subject)
					continue;
				/* a "he" never stands for the one a "she" means */
				if (m->type == M_PRON && m->gender && !(m->gender & (int)want))
					continue;
				int x = referent(R, I, k, depth);
				if (x < 0)
					continue;
				inherit_gender(I, &I->m[x]);
				if (!fits(I, &I->m[x], want))
					continue;
				/* who speaks in the sentence first, then its subject, then
				 * one of the right gender, then the last one */
				int rank = m->speaks ? 4 : m->subject ? 3 : (I->m[x].gender & (int)want) ? 2 : 1;
				if (rank >= best_rank) {
					if (rank > best_rank || rank < 3) /* the first speaker or subject, the last other */
						best = x;
					best_rank = rank;
				}
			}
			if (best >= 0)
				return best;
			if (++sents > LOOKBACK_SENTS)
				return -1;
		}
	}
	return -1;
}

/* ---- the full name of a short form ---- */

static int cap_at(const char *s, size_t n)
{
	size_t len;
	int32_t cp = u8_decode(s, n, &len);
	return cp >= 0 && uni_is_upper(cp);
}

/* The first fuller form 'Juan Guaido' of a one-word name 'Guaido' in the
 * document up to paragraph pi: the capitalized words right before it. */
static void full_name(const struct eq_rules *R, struct eqi *I, uint32_t pi, uint32_t *fp, uint32_t *fb, uint32_t *fe)
{
	struct par *P = &I->p[*fp];
	const char *w = P->s + *fb;
	size_t wn = *fe - *fb;
	if (!wn || memchr(w, ' ', wn))
		return;
	/* asked before in this document? (paragraph + 1, start, end packed) */
	uint64_t key = hash_bytes(w, wn, 0x66756c6c) | 1;
	const uint64_t MISS = 1ULL << 63;
	uint64_t *hit = h64map_get(&I->names, key);
	if (hit) {
		if (*hit & MISS) {
			if ((*hit & ~MISS) >= pi)
				return; /* not there up to pi */
		} else {
			uint32_t hp = (uint32_t)(*hit >> 42) - 1;
			if (hp <= pi) {
				*fp = hp;
				*fb = (uint32_t)(*hit >> 21) & 0x1FFFFF;
				*fe = (uint32_t)*hit & 0x1FFFFF;
			}
			return; /* its first fuller form, before pi or not */
		}
	}
	*h64map_put(&I->names, key, NULL) = MISS | pi;
	for (uint32_t p = 0; p <= pi; p++) {
		struct par *Q = &I->p[p];
		const char *s = Q->s, *end = Q->s + Q->n, *at = s;
		while (at < end && (at = memchr(at, w[0], (size_t)(end - at)))) {
			if ((size_t)(end - at) < wn || memcmp(at, w, wn) != 0) {
				at++;
				continue;
			}
			size_t o = (size_t)(at - s);
			at += wn;
			if (at < end && ((*at >= 'a' && *at <= 'z') || (*at >= 'A' && *at <= 'Z') || (unsigned char)*at >= 0x80))
				continue;
			/* the capitalized words before it, titles not included */
			size_t b = o, words = 0;
			while (words < 2 && b >= 2 && s[b - 1] == ' ') {
				size_t q = b - 1;
				while (q > 0 && s[q - 1] != ' ' && s[q - 1] != '\t' && s[q - 1] != '\n' && s[q - 1] != '"')
					q--;
				if (q >= b - 1 || !cap_at(s + q, b - 1 - q))
					break;
				const char *x = s + q;
				size_t xn = b - 1 - q;
				if (!xn || !letter_at(x, xn - 1) || ((unsigned char)x[xn - 1] >= 0x80 &&
								      (unsigned char)x[xn - 1] < 0xC0 && xn >= 3 &&
								      (unsigned char)x[xn - 3] == 0xE2))
					break; /* 'Cruz,”' is no part of a name */
				buf_reset(&I->low);
				for (size_t k = 0; k < xn; k++)
					buf_addc(&I->low, x[k] >= 'A' && x[k] <= 'Z' ? (char)(x[k] | 0x20) : x[k]);
				uint64_t c = wordset_cls(&R->words, I->low.p, I->low.len);
				if (c & (EQ_W_TITLE | EQ_W_FUNC | EQ_W_PRON | EQ_W_CUE | EQ_W_TIME | EQ_W_ORG) &&
				    !(c & (EQ_W_MALE | EQ_W_FEMALE)))
					break;
				b = q;
				words++;
			}
			if (words) {
				*fp = p;
				*fb = (uint32_t)b;
				*fe = (uint32_t)(o + wn);
				if (p < (1u << 21) && o + wn < (1u << 21))
					*h64map_put(&I->names, key, NULL) =
						((uint64_t)(p + 1) << 42) | ((uint64_t)b << 21) | (uint64_t)(o + wn);
				return;
			}
		}
	}
}

/* ---- speakers of the quotations ---- */

static void set_text(struct cand *q, uint32_t par, uint32_t b, uint32_t e)
{
	q->sp_par = (int)par;
	q->sp_b = b;
	q->sp_e = e;
}

static void name_speaker(const struct eq_rules *R, struct eqi *I, struct cand *q, uint32_t par, uint32_t t0, uint32_t t1)
{
	struct par *P = &I->p[par];
	/* a mention of the entities column in it gives its text and id */
	if (I->has_ents) {
		mentions_collect(R, I, par);
		for (size_t k = P->m0 + P->nm; k-- > P->m0;) {
			struct ment *m = &I->m[k];
			if (m->id && m->t0 < t1 && m->t1 > t0) {
				set_text(q, par, P->t.v[m->t0].b, P->t.v[m->t1 - 1].e);
				q->id_ent = m->id;
				q->nid_ent = m->nid;
				return;
			}
		}
	}
	uint32_t b = P->t.v[t0].b, e = P->t.v[t1 - 1].e;
	set_text(q, par, b, e);
	uint32_t fp = par, fb = b, fe = e;
	full_name(R, I, par, &fp, &fb, &fe);
	q->id_par = (int)fp;
	q->id_b = fb;
	q->id_e = fe;
}

/* The speaker a mention stands for, into q. */
static void ment_speaker(const struct eq_rules *R, struct eqi *I, struct cand *q, int x)
{
	struct ment *m = &I->m[x];
	struct par *P = &I->p[m->par];
	if (m->id) {
		set_text(q, m->par, P->t.v[m->t0].b, P->t.v[m->t1 - 1].e);
		q->id_ent = m->id;
		q->nid_ent = m->nid;
		return;
	}
	uint32_t fp = m->par, fb = P->t.v[m->t0].b, fe = P->t.v[m->t1 - 1].e;
	full_name(R, I, m->par, &fp, &fb, &fe);
	set_text(q, fp, fb, fe);
	q->id_par = (int)fp;
	q->id_b = fb;
	q->id_e = fe;
}

static void np_speaker(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, struct cand *q, uint32_t par,
		       const struct np *np)
{
	struct par *P = &I->p[par];
	if (D->as_written) {
		size_t b = np->b;
		/* a party tag and a place after a name: '(D-S.C.)', 'of Ohio' */
		if (np->type != M_PRON && b < P->t.n && tok_punct(P, b, '(')) {
			size_t k = b + 1;
			while (k < P->t.n && k < b + 8 && !tok_punct(P, k, ')') && !(P->tf[k] & (TF_MARK | TF_IN)))
				k++;
			if (tok_punct(P, k, ')'))
				b = k + 1;
		}
		if (np->type != M_PRON && b + 1 < P->t.n && TOK_IS(P, b, "of") && capword(R, I, P, b + 1)) {
			size_t k = b + 1;
			while (k < P->t.n && (capword(R, I, P, k) || particle(R, I, P, k) || TOK_IS(P, k, "the")))
				k++;
			b = k;
		}
		/* the appositive after a name: ', a social worker' */
		if (np->type != M_PRON && b + 1 < P->t.n && tok_punct(P, b, ',') && b > np->a &&
		    !tok_punct(P, b - 1, ',')) {
			int d;
			size_t s = b + 1, e = s;
			int rel = TOK_IS(P, s, "who") || TOK_IS(P, s, "which") || TOK_IS(P, s, "whose") ||
				  TOK_IS(P, s, "that") || TOK_IS(P, s, "where") || TOK_IS(P, s, "whom");
			if (!rel && (det(P, s, &d) || (P->t.v[s].flags & (TOK_NUM | TOK_LOWER)))) {
				while (e < P->t.n && e < s + 25 && !(P->tf[e] & (TF_MARK | TF_IN | TF_SB)) &&
				       !TOK_IS(P, e, "who") && !TOK_IS(P, e, "which") && !TOK_IS(P, e, "whose") &&
				       !(P->t.v[e].flags & TOK_PUNCT && (P->t.v[e].cp == ',' || P->t.v[e].cp == '.' ||
									  P->t.v[e].cp == ';' || P->t.v[e].cp == ':')) &&
				       !(word(P, e) && (tok_cls(R, I, P, e, NULL) & EQ_W_CUE)))
					e++;
				if (e > s && (e >= P->t.n || !(word(P, e) && (tok_cls(R, I, P, e, NULL) & EQ_W_CUE))))
					b = e;
			}
		}
		set_text(q, par, P->t.v[np->a].b, P->t.v[b - 1].e);
		if (np->type != M_PRON) {
			q->id_par = (int)par;
			q->id_b = P->t.v[np->n0].b;
			q->id_e = P->t.v[np->n1 - 1].e;
		}
		q->spk_how = np->type == M_PRON ? EQ_SPK_PRONOUN : EQ_SPK_NAME;
		return;
	}
	if (np->type == M_PRON) {
		q->pron = 1;
		D->st.pronouns++;
		uint64_t want = np->pbits & (EQ_G_MALE | EQ_G_FEMALE | EQ_G_NONE);
		int x = -1;
		/* he, she, it; not they (a group the text rarely names) */
		if ((np->pbits & EQ_P_THIRD) && !((want & EQ_G_NONE) && (want & EQ_G_MALE)))
			x = resolve(R, I, par, np->a, want, 0);
		if (x >= 0 && !I->m[x].gender && (want == EQ_G_MALE || want == EQ_G_FEMALE))
			I->m[x].gender = (int)want; /* "he said": a man from now on */
		if (x >= 0) {
			ment_speaker(R, I, q, x);
			q->resolved = 1;
			D->st.pronouns_resolved++;
		} else {
			set_text(q, par, P->t.v[np->a].b, P->t.v[np->a].e);
		}
		q->spk_how = EQ_SPK_PRONOUN;
		return;
	}
	if (np->type == M_DESC && np->resolvable) {
		int x = resolve(R, I, par, np->a, EQ_G_MALE | EQ_G_FEMALE, 0);
		if (x >= 0) {
			ment_speaker(R, I, q, x);
			q->resolved = 1;
			q->pron = 1;
			q->spk_how = EQ_SPK_DESC;
			D->st.descriptions_resolved++;
			return;
		}
	}
	if (np->type == M_DESC || (np->type == M_ORG && !capword(R, I, P, np->n1 - 1))) {
		set_text(q, par, P->t.v[np->a].b, P->t.v[np->b - 1].e);
		q->id_par = (int)par;
		q->id_b = P->t.v[np->n0].b;
		q->id_e = P->t.v[np->n1 - 1].e;
		q->spk_how = EQ_SPK_DESC;
		return;
	}
	int d;
	if (np->type != M_ORG && det(P, np->a, &d) && !d && np->n0 == np->a + 1 && np->n1 - np->a <= 5) {
		/* 'a New Hampshire Republican': a description, as written */
		set_text(q, par, P->t.v[np->a].b, P->t.v[np->n1 - 1].e);
		q->id_par = (int)par;
		q->id_b = P->t.v[np->n0].b;
		q->id_e = P->t.v[np->n1 - 1].e;
		q->spk_how = EQ_SPK_DESC;
		return;
	}
	name_speaker(R, I, q, par, np->n0, np->n1);
	q->spk_how = EQ_SPK_NAME;
}

static int skip_fillers_fwd(const struct eq_rules *R, struct eqi *I, struct par *P, size_t k, size_t end)
{
	while (k < end && (tok_punct(P, k, ',') || (word(P, k) && (tok_cls(R, I, P, k, NULL) & EQ_W_TIME) &&
						 !(P->t.v[k].flags & TOK_CAP))))
		k++;
	while (k < end && word(P, k) && (tok_cls(R, I, P, k, NULL) & EQ_W_TIME))
		k++;
	return (int)k;
}

/* Skip the auxiliaries and adverbs before a cue: 'has also said'. */
static size_t before_fillers(const struct eq_rules *R, struct eqi *I, struct par *P, size_t e, size_t lo)
{
	static const char *const w[] = {"has", "had", "have", "also", "then", "later", "would", "will",
					"once", "again", "further", "simply", "previously", "recently",
					"repeatedly", "reportedly", "often", "quickly", "just", "only",
					"even", "still", "never", "always", "publicly", "privately", NULL};
	while (e > lo && word(P, e - 1) && !(P->t.v[e - 1].flags & TOK_CAP)) {
		int f = (tok_cls(R, I, P, e - 1, NULL) & EQ_W_TIME) != 0;
		for (const char *const *p = w; *p && !f; p++)
			f = tok_is(P, e - 1, *p);
		if (!f)
			break;
		e--;
	}
	return e;
}

/* The speaker of a mention (a name, or a pronoun resolved). */
static int ment_to_speaker(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, struct cand *q, size_t mi)
{
	struct ment *m = &I->m[mi];
	if (D->as_written) {
		struct par *P = &I->p[m->par];
		set_text(q, m->par, P->t.v[m->t0].b, P->t.v[m->t1 - 1].e);
		q->spk_how = m->type == M_PRON ? EQ_SPK_PRONOUN : EQ_SPK_NAME;
		return 1;
	}
	if (m->type == M_PRON || m->type == M_DESC) {
		struct par *P = &I->p[m->par];
		int x = referent(R, I, mi, 0);
		q->pron = 1;
		if (m->type == M_PRON)
			D->st.pronouns++;
		if (x >= 0) {
			ment_speaker(R, I, q, x);
			q->resolved = 1;
			if (m->type == M_PRON)
				D->st.pronouns_resolved++;
			else
				D->st.descriptions_resolved++;
		} else {
			set_text(q, m->par, P->t.v[m->t0].b, P->t.v[m->t1 - 1].e);
		}
		q->spk_how = m->type == M_PRON ? EQ_SPK_PRONOUN : EQ_SPK_DESC;
		return 1;
	}
	ment_speaker(R, I, q, mi);
	q->spk_how = EQ_SPK_NAME;
	return 1;
}

/* The subject of the clause a cue stands in when no phrase is next to
 * it: 'Trump joked ..., but went on to say, "' - the first mention of
 * the sentence before the cue. */
static int subject_speaker(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, struct cand *q,
			   uint32_t par, size_t cue)
{
	mentions_collect(R, I, par);
	struct par *P = &I->p[par];
	size_t s0 = cue;
	while (s0 > 0 && !(P->tf[s0] & TF_SB))
		s0--;
	{
		size_t a = s0;
		while (a < cue && (TOK_IS(P, a, "but") || TOK_IS(P, a, "and") || TOK_IS(P, a, "so") ||
				   TOK_IS(P, a, "yet") || TOK_IS(P, a, "still") || TOK_IS(P, a, "then")))
			a++;
		struct np np = np_forward(R, I, P, a, cue);
		if (np.ok && np.type != M_PRON && np.b < cue && np.b > a && !tok_punct(P, np.b, ',') &&
		    word(P, np.b) && !(tok_cls(R, I, P, np.b, NULL) & EQ_W_FUNC)) {
			np_speaker(R, I, D, q, par, &np);
			return 1;
		}
	}
	for (size_t k = P->m0; k < P->m0 + P->nm; k++) {
		struct ment *m = &I->m[k];
		if (m->t0 < s0 || m->t0 >= cue)
			continue;
		if (!m->subject || m->type == M_UNK)
			return 0;
		return ment_to_speaker(R, I, D, q, k);
	}
	return 0;
}

static void find_speaker(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, size_t ci)
{
	struct cand *q = &I->c[ci];
	struct par *P = &I->p[q->par];
	size_t l0, r1;
	cand_context(I, ci, &l0, &r1);
	struct np np = {0};
	if (q->cue_par < 0 && q->kind == EQ_PARTIAL) {
		/* a few words quoted in reported speech: the cue before them in
		 * the sentence ('Okonkwo warned of "serious consequences"') */
		for (size_t k = q->o; k-- > l0;) {
			if (word(P, k) && cue_at(R, I, P, k) == 1) {
				q->cue_par = (int)q->par;
				q->cue_t = (int)k;
				q->cue_n = 1;
				q->cue_side = -1;
				break;
			}
		}
		if (q->cue_par < 0)
			return;
	}
	if (q->cue_par < 0) {
		/* 'Republican pollster Daron Shaw: "...' and '"..." - Bernie Sanders' */
		if (q->o > l0 && tok_punct(P, q->o - 1, ':')) {
			np = np_backward(R, I, P, q->o - 1, l0, 1);
			if (np.ok && np.type != M_PRON) {
				q->cue_par = (int)q->par;
				q->cue_t = (int)q->o - 1;
				q->cue_n = 1;
				np_speaker(R, I, D, q, q->par, &np);
			}
		} else if (q->c + 1 < P->t.n && (P->t.v[q->c + 1].flags & TOK_DASH) && r1 == P->t.n) {
			np = np_forward(R, I, P, q->c + 2, r1);
			if (np.ok && np.type != M_PRON && np.b + 1 >= r1) {
				q->cue_par = (int)q->par;
				q->cue_t = (int)q->c + 1;
				q->cue_n = 1;
				np_speaker(R, I, D, q, q->par, &np);
			}
		}
		return;
	}
	P = &I->p[q->cue_par];
	size_t k = (size_t)q->cue_t, n = (size_t)q->cue_n;
	int objverb = (tok_cls(R, I, P, k, NULL) & EQ_W_OBJVERB) != 0;
	/* '"...," promising the Friends of Abe': a participle has its subject
	 * before it, never after */
	{
		const struct token *ct = &P->t.v[k];
		if (n == 1 && ct->e - ct->b > 4 && !memcmp(P->s + ct->e - 3, "ing", 3))
			objverb = 1;
	}
	if (q->cue_side > 0) {
		size_t j = q->c + 1;
		if (j < r1 && (tok_punct(P, j, ',') || (P->t.v[j].flags & TOK_DASH)))
			j++;
		if (k > j) {
			size_t e = before_fillers(R, I, P, k, j);
			np = np_backward(R, I, P, e, j, 1);
			if (np.ok && D->as_written && np.type != M_PRON) {
				np.a = (uint32_t)j; /* all of '," Sen. Tom Udall of New Mexico, who ..., said' */
				np.b = (uint32_t)e;
				while (np.b > np.a + 1 && tok_punct(P, np.b - 1, ','))
					np.b--;
			}
		}
		if (!np.ok && k <= j + 2 && !objverb)
			np = np_forward(R, I, P, (size_t)skip_fillers_fwd(R, I, P, k + n, r1), r1);
	} else {
		if (n > 1) /* according to X */
			np = np_forward(R, I, P, k + n, q->o);
		if (!np.ok)
			np = np_backward(R, I, P, before_fillers(R, I, P, k, l0), l0, 1);
		if (!np.ok && !objverb && n == 1)
			np = np_forward(R, I, P, (size_t)skip_fillers_fwd(R, I, P, k + n, q->o), q->o);
	}
	if (np.ok)
		np_speaker(R, I, D, q, (uint32_t)q->cue_par, &np);
	else
		subject_speaker(R, I, D, q, (uint32_t)q->cue_par, k);
}

/* The speaker of a paragraph that ends 'Smith continued:' */
static int intro_speaker(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, struct cand *q, uint32_t pp)
{
	par_ready(R, I, pp);
	struct par *P = &I->p[pp];
	size_t n = P->t.n;
	if (n < 2 || !tok_punct(P, n - 1, ':'))
		return 0;
	size_t e = n - 1;
	size_t s = e;
	while (s > 0 && !(P->tf[s] & TF_SB))
		s--;
	for (size_t k = e; k-- > s;) {
		uint64_t c = word(P, k) ? tok_cls(R, I, P, k, NULL) : 0;
		if (c & EQ_W_CUE) {
			struct np np = np_backward(R, I, P, k, s, 1);
			if (!np.ok)
				np = np_forward(R, I, P, k + 1, e);
			if (np.ok) {
				np_speaker(R, I, D, q, pp, &np);
				q->cue_par = (int)pp;
				q->cue_t = (int)k;
				q->cue_n = 1;
				return 1;
			}
			return 0;
		}
	}
	return 0;
}

static void copy_speaker(struct cand *q, const struct cand *from)
{
	q->sp_par = from->sp_par;
	q->sp_b = from->sp_b;
	q->sp_e = from->sp_e;
	q->id_par = from->id_par;
	q->id_b = from->id_b;
	q->id_e = from->id_e;
	q->id_ent = from->id_ent;
	q->nid_ent = from->nid_ent;
	q->resolved = from->resolved;
	if (q->cue_par < 0) {
		q->cue_par = from->cue_par;
		q->cue_t = from->cue_t;
		q->cue_n = from->cue_n;
	}
	q->spk_how = EQ_SPK_INHERIT;
}

void speakers_find(const struct eq_rules *R, struct eqi *I, struct eq_doc *D)
{
	det_rules = R;
	det_i = I;
	int last_direct = -1; /* the last direct quotation with a speaker */
	for (size_t ci = 0; ci < I->nc; ci++) {
		struct cand *q = &I->c[ci];
		if (q->kind == EQ_NONE || q->prev >= 0)
			continue;
		find_speaker(R, I, D, ci);
		/* a quotation over paragraphs: the attribution may follow its last part */
		for (int k = q->next; k >= 0 && q->sp_par < 0; k = I->c[k].next) {
			find_speaker(R, I, D, (size_t)k);
			if (I->c[k].sp_par >= 0)
				copy_speaker(q, &I->c[k]);
		}
		if (q->sp_par < 0 && q->kind == EQ_DIRECT && q->cue_par >= 0 && last_direct >= 0 &&
		    I->c[last_direct].par == q->par) {
			/* '"A," Cruz said, adding: "B."' - the cue found nobody of its own */
			copy_speaker(q, &I->c[last_direct]);
			q->group = I->c[last_direct].group;
		}
		if (q->sp_par < 0 && q->kind == EQ_DIRECT && q->cue_par < 0) {
			const struct cand *p = last_direct >= 0 ? &I->c[last_direct] : NULL;
			if (p && p->par == q->par) {
				copy_speaker(q, p); /* "A," he said. "B." */
				q->group = p->group;
			} else if (q->o == 0 && q->par > 0 && intro_speaker(R, I, D, q, q->par - 1)) {
				q->spk_how = EQ_SPK_INHERIT;
			} else if (p && q->o == 0 && p->par + 1 == q->par) {
				copy_speaker(q, p); /* a paragraph of quotation after a quoted one */
			} else if (q->o == 0 && q->par > 0) {
				/* after a paragraph whose last sentence has someone speak:
				 * '... , Rubio said Sunday.' */
				uint32_t pp = q->par - 1;
				mentions_collect(R, I, pp);
				struct par *PP = &I->p[pp];
				if (PP->nm) {
					uint32_t last = I->m[PP->m0 + PP->nm - 1].sent;
					for (size_t k = PP->m0 + PP->nm; k-- > PP->m0 && I->m[k].sent == last;)
						if (I->m[k].speaks && I->m[k].type != M_UNK) {
							ment_to_speaker(R, I, D, q, k);
							q->spk_how = EQ_SPK_INHERIT;
							break;
						}
				}
			}
		}
		if (q->group < 0)
			q->group = (int)ci;
		if (q->kind == EQ_DIRECT && q->sp_par >= 0)
			last_direct = (int)ci;
	}
}
