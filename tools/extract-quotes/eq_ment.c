/* eq_ment.c - the people and organisations a pronoun can stand for: the
 * mentions of a paragraph outside quotation marks (runs of capitalized
 * words, definite descriptions, pronouns; or the entities column), the
 * subject of each sentence and who speaks in it. What a pronoun stands
 * for is eq_resolve.c's; what the document says about a name,
 * eq_names.c's. */
#include "eq_int.h"
#include "fold.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

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

/* The gender the long first-name lists give token i (0 none), asked once
 * per document and word. */
static int list_gender(const struct eq_rules *R, struct eqi *I, const struct par *P, size_t i)
{
	const struct token *t = &P->t.v[i];
	const char *w = P->s + t->b;
	size_t n = t->e - t->b;
	uint64_t key = hash_bytes(w, n, 0x67656e646572ULL);
	uint64_t *hit = h64map_get(&I->names, key);
	if (hit)
		return (int)*hit;
	if (!(t->flags & TOK_ASCII)) { /* Hélène, Zoë: the lists are written without accents */
		buf_reset(&I->tmp);
		fold(w, n, FOLD_CASE | FOLD_MARKS, &I->tmp, NULL);
		w = I->tmp.p;
		n = I->tmp.len;
	}
	int g = eq_list_has(&R->male, w, n) ? EQ_G_MALE : eq_list_has(&R->female, w, n) ? EQ_G_FEMALE : 0;
	*h64map_put(&I->names, key, NULL) = (uint64_t)g;
	return g;
}

/* The gender of the name [t0, t1): its first word's past titles, from the
 * short first-name lists, or with lists set also from the long ones
 * (before a surname only). */
static int gender_of_name(const struct eq_rules *R, struct eqi *I, struct par *P, size_t t0, size_t t1, int lists)
{
	for (size_t i = t0; i < t1; i++) {
		uint64_t c = tok_cls(R, I, P, i, NULL);
		if (c & EQ_W_MALE)
			return EQ_G_MALE;
		if (c & EQ_W_FEMALE)
			return EQ_G_FEMALE;
		/* a first name of the long lists, before a surname */
		if (lists && i + 1 < t1 && !(c & EQ_W_TITLE))
			return list_gender(R, I, P, i);
		if (!(c & EQ_W_TITLE))
			break;
	}
	return 0;
}

int ment_list_gender(const struct eq_rules *R, struct eqi *I, const struct ment *x)
{
	return gender_of_name(R, I, &I->p[x->par], x->t0, x->t1, 1);
}

/* Does the document write a fuller form of the one word at token s of
 * paragraph pi before it ('Mike Pence' for 'Pence')? */
static int fuller_before(const struct eq_rules *R, struct eqi *I, uint32_t pi, const struct par *P, size_t s)
{
	uint32_t fp = pi, fb = P->t.v[s].b, fe = P->t.v[s].e, b0 = fb;
	full_name(R, I, pi, 0, &fp, &fb, &fe);
	return !(fp == pi && fb == b0);
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
				m->glist = type == M_PER; /* its first name's gender, when asked */
			}
		}
		s = e + 1;
	}
}

/* Is the clitic at token i a possessive ('Christie's plan'), not a
 * verb ('Christie's been', 'Christie's not')? */
static int possessive(const struct par *P, size_t i)
{
	static const char *const verb_next[] = {"been", "got", "gotten", "going", "gone", "not", "never",
						"also", "already", "still", "just", "always", "a", "an", NULL};
	if (i >= P->t.n || !(P->t.v[i].flags & TOK_CLITIC))
		return 0;
	for (const char *const *p = verb_next; *p; p++)
		if (tok_is(P, i + 1, *p))
			return 0;
	return 1;
}

/* Can a mention starting at token a be the subject of its clause? Not
 * when two words or more that are neither determiners nor titles, roles
 * or people words stand between it and the clause's start (the sentence's
 * start or a comma): 'the attacks that left Ambassador Stevens'. */
static int subject_place(const struct eq_rules *R, struct eqi *I, struct par *P, size_t a)
{
	int words = 0;
	for (size_t i = a; i > 0 && !(P->tf[i] & TF_SB);) {
		i--;
		const struct token *t = &P->t.v[i];
		if ((P->tf[i] & TF_MARK) || ((t->flags & TOK_PUNCT) && (t->cp == ',' || t->cp == ';' || t->cp == ':' ||
									 t->cp == '(')) ||
		    (t->flags & TOK_DASH))
			break;
		if ((t->flags & TOK_WORD) && (t->flags & TOK_LOWER) && !(t->flags & TOK_CLITIC)) {
			int d;
			if (!det(R, I, P, i, &d) && !(tok_cls(R, I, P, i, NULL) & (EQ_W_TITLE | EQ_W_ROLE | EQ_W_PEOPLE)) &&
			    ++words >= 2)
				return 0;
		}
	}
	return 1;
}

/* The gender a person noun tells (spokesman, woman, mother): an EQ_G_*
 * bit, 0 none, -1 a plural (officials, men). */
int head_gender(const struct par *P, size_t i)
{
	static const char *const male[] = {"boy", "father", "son", "husband", "brother", "uncle", "nephew",
					   "grandfather", "king", "prince", "actor", "dad", "gentleman", NULL};
	static const char *const female[] = {"girl", "mother", "daughter", "wife", "sister", "aunt", "niece",
					     "grandmother", "queen", "princess", "actress", "mom", "lady", "widow", NULL};
	static const char *const plural[] = {"people", "crowd", "police", "staff", "couple", NULL};
	const struct token *t = &P->t.v[i];
	const char *w = P->s + t->b;
	size_t n = t->e - t->b;
	for (const char *const *p = plural; *p; p++)
		if (tok_is(P, i, *p))
			return -1;
	if ((n >= 3 && !memcmp(w + n - 3, "men", 3)) ||
	    (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i'))
		return -1; /* officials, spokeswomen */
	if (n >= 5 && !memcmp(w + n - 5, "woman", 5))
		return EQ_G_FEMALE;
	if (n >= 3 && !memcmp(w + n - 3, "man", 3))
		return EQ_G_MALE;
	for (const char *const *p = male; *p; p++)
		if (tok_is(P, i, *p))
			return EQ_G_MALE;
	for (const char *const *p = female; *p; p++)
		if (tok_is(P, i, *p))
			return EQ_G_FEMALE;
	return 0;
}

/* Republicans, Democrats: the plural of a role or people word. */
static int plural_role(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	const struct token *t = &P->t.v[i];
	size_t n = t->e - t->b;
	if (!(t->flags & TOK_ASCII) || n < 4 || n > 32 || P->s[t->e - 1] != 's')
		return 0;
	char low[32];
	for (size_t k = 0; k + 1 < n; k++) {
		char ch = P->s[t->b + k];
		low[k] = ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
	}
	(void)I;
	return (wordset_cls(&R->words, low, n - 1) & (EQ_W_ROLE | EQ_W_PEOPLE)) != 0;
}

/* Does the paragraph open with a dateline: capitals (a place, an agency
 * in brackets) up to a dash, within its first six tokens? */
int dateline(const struct par *P)
{
	for (size_t i = 0; i < P->t.n && i < 6; i++) {
		const struct token *t = &P->t.v[i];
		if (t->flags & TOK_DASH)
			return i > 0;
		if ((t->flags & TOK_WORD) && !(t->flags & TOK_UPPER))
			return 0;
	}
	return 0;
}

static int cmp_ment(const void *a, const void *b)
{
	const struct ment *x = a, *y = b;
	return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

void mentions_collect(const struct eq_rules *R, struct eqi *I, uint32_t pi)
{
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
		/* an indefinite one only before a person word: 'a spokesman', 'a
		 * Clinton aide' (no look-up of the words after every 'a') */
		if (det(R, I, P, i, &d) &&
		    (d || (i + 1 < n && word(P, i + 1) &&
			   ((!(P->t.v[i + 1].flags & TOK_CAP) && (tok_cls(R, I, P, i + 1, NULL) & (EQ_W_ROLE | EQ_W_PEOPLE))) ||
			    (i + 2 < n && word(P, i + 2) && !(P->t.v[i + 2].flags & TOK_CAP) &&
			     (tok_cls(R, I, P, i + 2, NULL) & (EQ_W_ROLE | EQ_W_PEOPLE))))))) {
			/* the senator, the Florida senator, the campaign, the
			 * campaign spokesman; a spokesman, an aide (someone the text
			 * does not name) */
			size_t k = i + 1;
			while (k < n && k < i + 4 && (capword(R, I, P, k) || modifier(R, I, P, k)) &&
			       !(tok_cls(R, I, P, k, NULL) & HEAD_WORDS))
				k++;
			while (k + 1 < n && k < i + 5 && word(P, k + 1) && !(P->t.v[k + 1].flags & TOK_CAP) &&
			       (tok_cls(R, I, P, k + 1, NULL) & HEAD_WORDS) && (tok_cls(R, I, P, k, NULL) & HEAD_WORDS))
				k++;
			uint64_t hc = k < n ? tok_cls(R, I, P, k, NULL) : 0;
			int person = (hc & (EQ_W_ROLE | EQ_W_PEOPLE)) != 0;
			if (k < n && word(P, k) && !(P->t.v[k].flags & TOK_CAP) && (hc & HEAD_WORDS) && (d || person) &&
			    !(k + 1 < n && (P->t.v[k + 1].flags & TOK_CAP) && word(P, k + 1))) {
				int g = person && !(hc & EQ_W_TEXT) ? head_gender(P, k) : 0;
				if (g >= 0) { /* not a plural: officials, voters */
					struct ment *m = new_ment(I);
					m->par = pi;
					m->t0 = (uint32_t)i + 1;
					m->t1 = (uint32_t)k + 1;
					m->a0 = (uint32_t)i;
					m->type = person ? M_DESC : M_ORG;
					m->gender = (hc & EQ_W_TEXT) ? EQ_G_NONE : g; /* 'the memo': an it */
					if (!d)
						m->ante = -1; /* 'a spokesman': nobody named before */
				}
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
		if (i == 0 && (P->t.v[0].flags & TOK_UPPER) && dateline(P)) {
			while (i < n && !(P->t.v[i].flags & TOK_DASH))
				i++; /* 'WASHINGTON —', 'BERLIN (AP) —': a dateline */
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
		/* 'House Majority Leader Kevin McCarthy': the person's name starts
		 * after the last title of the run */
		for (size_t t = e; t > s + 1; t--) {
			uint64_t ct = tok_cls(R, I, P, t - 1, NULL);
			if ((ct & EQ_W_TITLE) && !(ct & (EQ_W_MALE | EQ_W_FEMALE)) && t + 1 < e + 1 && capword(R, I, P, t) &&
			    t < e && (gender_of_name(R, I, P, t, e, 1) || e - t >= 2)) {
				s = t;
				break;
			}
		}
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
			int drop = !gender_of_name(R, I, P, s, s + 1, 0) &&
				   ((len > 4 && !memcmp(w + len - 3, "ing", 3)) || (len > 4 && !memcmp(w + len - 2, "ly", 2)) ||
				    (len > 4 && !memcmp(w + len - 2, "ed", 2)) ||
				    /* an everyday word: 'Soon, ...', 'Footage shows',
				     * 'Understated Perez'; not 'Pence said', nor a Sessions
				     * after Jeff Sessions */
				    (!(g & (EQ_G_MALE | EQ_G_FEMALE)) && eq_common_word(R, w, len) &&
				     !(s + 1 < n && word(P, s + 1) && (P->t.v[s + 1].flags & TOK_LOWER) &&
				       (tok_cls(R, I, P, s + 1, NULL) & EQ_W_CUE)) &&
				     (e > s + 1 || !fuller_before(R, I, pi, P, s))));
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
		if (e == s + 1 && plural_role(R, I, P, s)) {
			i = k; /* Republicans, Democrats: a group */
			continue;
		}
		/* a first word of a sentence the document also writes lowercase
		 * is no name ('Federal mandates', 'Victims of ...') */
		if (e == s + 1 &&
		    ((P->tf[s] & TF_SB) || (s > 0 && (P->tf[s - 1] & TF_MARK)) ||
		     (s > 0 && (P->tf[s - 1] & TF_SB) && !word(P, s - 1))) && !g && /* '– Country less safe –' */
		    !gender_of_name(R, I, P, s, e, 0) && low_somewhere(I, pi, P->s + P->t.v[s].b, P->t.v[s].e - P->t.v[s].b)) {
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
			m->gender = g ? g : gender_of_name(R, I, P, s, e, 0);
			/* the long lists are asked when a pronoun wants it
			 * (ment_list_gender): most names never need a gender */
			m->glist = !m->gender && e - s >= 2;
			m->ante = -1;
		}
		i = k;
	}
	P->nm = I->nm - P->m0;
	if (I->has_ents && P->ents)
		qsort(I->m + P->m0, P->nm, sizeof *I->m, cmp_ment);
	/* sentence numbers, subjects, who speaks */
	size_t sent = 0, t = 0;
	int have_subj = 0;
	struct ment *subj = NULL; /* the subject mention of the sentence */
	for (size_t k = P->m0; k < I->nm; k++) {
		struct ment *m = &I->m[k];
		while (t <= m->t0 && t < n) {
			if ((P->tf[t] & TF_SB) && t > 0) {
				sent++;
				have_subj = 0;
				subj = NULL;
			}
			t++;
		}
		m->sent = (uint32_t)sent;
		size_t a = m->a0 != UINT32_MAX && m->a0 < m->t0 ? m->a0 : m->t0;
		{
			/* 'Okafor said', 'Okafor (D-Ore.) said', 'Okafor, the mayor,
			 * said', 'Okafor, who said', 'said Okafor' */
			size_t e = m->t1;
			if (e < n && tok_punct(P, e, '(')) {
				size_t j = e + 1;
				while (j < n && j < e + 8 && !tok_punct(P, j, ')') && !(P->tf[j] & (TF_MARK | TF_IN)))
					j++;
				if (tok_punct(P, j, ')'))
					e = j + 1;
			}
			if (e + 1 < n && tok_punct(P, e, ',')) {
				size_t j = e + 1;
				if (TOK_IS(P, j, "who"))
					e = j + 1;
				else {
					while (j < n && j < e + 14 && word(P, j) && !(P->tf[j] & TF_SB))
						j++;
					if (j > e + 1 && j + 1 < n && tok_punct(P, j, ',') && word(P, j + 1))
						e = j + 1 + TOK_IS(P, j + 1, "who");
				}
			}
			while (e < n && word(P, e) && (tok_cls(R, I, P, e, NULL) & (EQ_W_FILL | EQ_W_TIME)) &&
			       !(tok_cls(R, I, P, e, NULL) & EQ_W_CUE))
				e++;
			/* 'said Okafor' inverted after a quotation or a comma, not
			 * 'to praise Okafor's record' */
			int inverted = a > 0 && word(P, a - 1) && cue_at(R, I, P, a - 1) == 1 &&
				       !(tok_cls(R, I, P, a - 1, NULL) & EQ_W_OBJVERB) && !possessive(P, m->t1) &&
				       (a == 1 || (P->tf[a - 1] & TF_SB) || (P->t.v[a - 2].flags & TOK_PUNCT) ||
					(P->tf[a - 2] & TF_MARK));
			if ((e < n && word(P, e) && cue_at(R, I, P, e) == 1 && !(P->t.v[e].flags & TOK_CLITIC)) || inverted)
				m->speaks = 1;
		}
		int poss = possessive(P, m->t1);
		m->oblique = poss || (a > 0 && word(P, a - 1) && (tok_cls(R, I, P, a - 1, NULL) & EQ_W_PREP));
		if (subj && !poss && a >= 1 && subj->t1 + 1 == a && TOK_IS(P, a - 1, "and")) {
			m->subject = 1; /* 'Amsel and Castel met' */
			subj = m;
			continue;
		}
		/* him, her, them: never the subject */
		if (m->type == M_PRON && !TOK_IS(P, m->t0, "he") && !TOK_IS(P, m->t0, "she") &&
		    !TOK_IS(P, m->t0, "it") && !TOK_IS(P, m->t0, "they"))
			continue;
		if (!have_subj && !subject_place(R, I, P, a)) {
			have_subj = 1; /* 'Did the inquiry find ... that left Ambassador Stevens' */
			continue;
		}
		if (!have_subj) {
			size_t before = a;
			int prep = before > 0 && word(P, before - 1) && (tok_cls(R, I, P, before - 1, NULL) & EQ_W_FUNC) &&
				   !TOK_IS(P, before - 1, "and") && !TOK_IS(P, before - 1, "but") && !TOK_IS(P, before - 1, "the") &&
				   !TOK_IS(P, before - 1, "a") && !TOK_IS(P, before - 1, "an");
			if (!prep && !poss) {
				m->subject = 1;
				have_subj = 1;
				subj = m;
			} else if (!poss && (tok_cls(R, I, P, before - 1, NULL) & EQ_W_SUBORD)) {
				/* 'As Drax left the hall, she said': the subject of a
				 * clause before the sentence's own */
				m->clause_subject = 1;
			}
		}
	}
}
