/* eq_np.c - the noun phrase next to a cue: 'Guaido', 'said Manfredo
 * Gonzalez, a social worker', 'Clinton spokesman Josh Schwerin', 'the
 * senator', 'he' - read forwards after a cue or backwards before one, and
 * its name (the last run of capitalized words, titles stripped) or its
 * head (a role, people or organisation word). */
#include "eq_int.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>


int capword_check(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	if (!word(P, i) || !(P->t.v[i].flags & TOK_CAP) || (P->t.v[i].flags & TOK_CLITIC))
		return 0;
	uint64_t c = tok_cls(R, I, P, i, NULL);
	const struct token *t = &P->t.v[i];
	/* Says, Pen: a verb, unless it goes on a name (Marine Le Pen) */
	if ((c & EQ_W_CUE) && !(i > 0 && !(P->tf[i] & TF_SB) && word(P, i - 1) && (P->t.v[i - 1].flags & TOK_CAP) &&
				!(tok_cls(R, I, P, i - 1, NULL) & (EQ_W_CUE | EQ_W_FUNC | EQ_W_PRON))) &&
	    /* 'Secretary of State' */
	    !(i > 1 && !(P->tf[i] & TF_SB) && word(P, i - 1) && TOK_IS(P, i - 1, "of") && word(P, i - 2) &&
	      (tok_cls(R, I, P, i - 2, NULL) & EQ_W_TITLE) && (P->t.v[i - 2].flags & TOK_CAP)) &&
	    /* '," Read said': a name before a cue */
	    !(i + 1 < P->t.n && word(P, i + 1) && (P->t.v[i + 1].flags & TOK_LOWER) &&
	      (tok_cls(R, I, P, i + 1, NULL) & EQ_W_CUE) && i > 0 && (P->tf[i - 1] & TF_MARK)))
		return 0;
	/* Don't, Won’t: a verb opening a question */
	size_t n = t->e - t->b;
	const char *w = P->s + t->b;
	if (n > 3 && (w[n - 1] == 't' || w[n - 1] == 'T') &&
	    (w[n - 2] == '\'' || (n > 5 && !memcmp(w + n - 4, "\xe2\x80\x99", 3))))
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

int particle(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	return word(P, i) && (P->t.v[i].flags & TOK_LOWER) && P->t.v[i].e - P->t.v[i].b <= 4 &&
	       (tok_cls(R, I, P, i, NULL) & EQ_W_PARTICLE) && capword(R, I, P, i + 1);
}


/* A lowercase word that can modify a head noun: not a function word, a
 * verb of speech or a time word. */
int modifier(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	if (!word(P, i) || (P->t.v[i].flags & TOK_CAP))
		return 0;
	uint64_t c = tok_cls(R, I, P, i, NULL);
	return !(c & (EQ_W_FUNC | EQ_W_CUE | EQ_W_TIME | EQ_W_PRON | EQ_W_PHRASE)) ||
	       (c & (EQ_W_ROLE | EQ_W_ORG | EQ_W_TITLE | EQ_W_PEOPLE));
}

int title_period(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	return tok_punct(P, i, '.') && i > 0 && P->t.v[i - 1].e == P->t.v[i].b &&
	       (tok_cls(R, I, P, i - 1, NULL) & EQ_W_TITLE);
}


/* An 'of' inside a run of names ('Department of Transportation', 'Petra
 * Lindqvist of the U.S. Department of Fisheries', 'Secretary of State'):
 * token i, within (lo, hi), is "of" after a capitalized word or a title's
 * period and before one, maybe after 'the'. How many tokens it joins
 * over before the next capitalized word (1 or 2), or 0. */
static size_t of_link(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, size_t lo, size_t hi)
{
	if (i <= lo || i + 1 >= hi || !word(P, i) || !TOK_IS(P, i, "of"))
		return 0;
	if (!capword(R, I, P, i - 1) && !title_period(R, I, P, i - 1))
		return 0;
	if (capword(R, I, P, i + 1))
		return 1;
	if (i + 2 < hi && TOK_IS(P, i + 1, "the") && capword(R, I, P, i + 2))
		return 2;
	return 0;
}

/* Where the name of a run of capitalized words [s, last] joined by 'of'
 * is: the whole run when its first part ends in an organisation word
 * ('U.S. Department of Fisheries', 'Bank of Eastland'); after the last
 * 'of' when the first part is titles ('Secretary of State Jon Kerrigan');
 * else the first part ('Petra Lindqvist' of 'Petra Lindqvist of Maine'),
 * the rest a place or an affiliation the speaker's text keeps. *s and
 * *last are moved; 1 when the run is an organisation's name. */
static int of_run(const struct eq_rules *R, struct eqi *I, struct par *P, size_t *s, size_t *last)
{
	size_t o = *s;
	while (o < *last && !(TOK_IS(P, o, "of") && of_link(R, I, P, o, *s, *last + 1)))
		o++;
	if (o >= *last)
		return 0;
	if (tok_cls(R, I, P, o - 1, NULL) & EQ_W_ORG)
		return 1;
	int titles = 1;
	for (size_t i = *s; i < o && titles; i++)
		titles = title_period(R, I, P, i) || (tok_cls(R, I, P, i, NULL) & EQ_W_TITLE);
	if (titles) {
		size_t k = *last;
		while (k > o && !TOK_IS(P, k - 1, "of"))
			k--;
		*s = k;
		if (TOK_IS(P, k, "the") && k < *last)
			*s = k + 1;
		/* 'Minister of Finance Ada Obi': the name from a first name on,
		 * else its last two words ('Secretary of Homeland Security Jeh
		 * Johnson'), the last of two ('Secretary of State Kerry') */
		size_t n = 0;
		for (size_t i = *s; i <= *last; i++)
			n += capword(R, I, P, i);
		if (n >= 2 && !(tok_cls(R, I, P, *s, NULL) & EQ_W_TITLE)) {
			size_t f = *s;
			for (size_t i = *s + 1; i < *last && f == *s; i++)
				if (tok_cls(R, I, P, i, NULL) & (EQ_W_MALE | EQ_W_FEMALE))
					f = i;
			if (f == *s && capword(R, I, P, *last) && capword(R, I, P, *last - 1))
				f = n >= 3 ? *last - 1 : *last;
			*s = f;
		}
		return 0;
	}
	*last = o - 1;
	return 0;
}

/* The name part of [a, b): the last run of capitalized words (with
 * particles, title periods and 'of' between names), titles stripped; or,
 * when the phrase ends in a lowercase role or organisation word, the
 * description. */
void np_head(const struct eq_rules *R, struct eqi *I, struct par *P, struct np *np)
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
		for (;;) {
			if (s > a && (capword(R, I, P, s - 1) || particle(R, I, P, s - 1) || title_period(R, I, P, s - 1)))
				s--;
			else if (s > a && of_link(R, I, P, s - 1, a, b) == 1)
				s--;
			else if (s > a + 1 && TOK_IS(P, s - 1, "the") && of_link(R, I, P, s - 2, a, b) == 2)
				s -= 2;
			else
				break;
		}
		if (of_run(R, I, P, &s, &last)) {
			np->n0 = (uint32_t)s;
			np->n1 = (uint32_t)last + 1;
			np->type = M_ORG;
			np->ok = 1;
			return;
		}
		/* strip the titles at its start (President, Sen., Col.) */
		/* 'Republican National Committee Chairman Reince Priebus': the
		 * name starts after the last title in the run */
		for (size_t t = last; t > s; t--) {
			uint64_t ct = tok_cls(R, I, P, t - 1, NULL);
			if ((ct & EQ_W_TITLE) && !(ct & (EQ_W_MALE | EQ_W_FEMALE)) && capword(R, I, P, t) && t - 1 > s) {
				s = t;
				break;
			}
			/* 'New Jersey Gov. Chris Christie' */
			if (t >= s + 3 && title_period(R, I, P, t - 1) && capword(R, I, P, t) &&
			    !(tok_cls(R, I, P, t - 2, NULL) & (EQ_W_MALE | EQ_W_FEMALE))) {
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
		if (det(R, I, P, s, &definite))
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
	if (det(R, I, P, a, &d) && b - a >= 2 && b - a <= 4 && word(P, last) && !(c & (EQ_W_FUNC | EQ_W_CUE))) {
		np->n0 = (uint32_t)a + 1;
		np->n1 = (uint32_t)last + 1;
		np->type = M_DESC;
		np->definite = d;
		np->ok = 1;
	}
}

int pronoun(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, uint64_t *bits)
{
	return word(P, i) && (tok_cls(R, I, P, i, bits) & EQ_W_PRON);
}

/* Does a word of [k, h) look like a verb (-ed, -es)? */
static int verbish(const struct par *P, size_t k, size_t h)
{
	for (size_t i = k; i < h; i++) {
		const struct token *t = &P->t.v[i];
		const char *w = P->s + t->b;
		size_t n = t->e - t->b;
		if (n > 3 && (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 2, "es", 2)))
			return 1;
	}
	return 0;
}

/* The noun phrase starting at token i (before end): 'Manfredo Gonzalez',
 * 'Republican pollster Daron Shaw', 'the senator', 'he'. */
struct np np_forward(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, size_t end)
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
	if (k < end && det(R, I, P, k, &definite))
		k++;
	int seen_cap = 0;
	size_t of_at = 0; /* the last 'of' joined over */
	while (k < end && k < i + 14) {
		if (capword(R, I, P, k) || particle(R, I, P, k) || title_period(R, I, P, k)) {
			seen_cap = 1;
			k++;
			continue;
		}
		if (seen_cap) {
			size_t l = of_link(R, I, P, k, i, end);
			if (l) {
				of_at = k;
				k += l;
				continue;
			}
		}
		/* 'Antonacci of the New York delegation': the name stops at
		 * 'of' (np_speaker keeps the rest) */
		if (of_at && word(P, k) && !(P->t.v[k].flags & TOK_CAP) && !(P->t.v[k].flags & TOK_CLITIC)) {
			/* not after titles: 'Secretary of State Jon Kerrigan urged' */
			int titles = 1;
			for (size_t t = np.a; t < of_at && titles; t++)
				titles = title_period(R, I, P, t) || (tok_cls(R, I, P, t, NULL) & (EQ_W_TITLE | EQ_W_DEF)) ||
					 (!(P->t.v[t].flags & TOK_CAP) && modifier(R, I, P, t));
			if (!titles)
				k = of_at;
			break;
		}
		if ((P->t.v[k].flags & TOK_CLITIC) && k > i) {
			k++;
			continue;
		}
		/* 'a court document filed by ...': a passive participle ends it */
		if (k > i && k + 1 < end && word(P, k) && (P->t.v[k].flags & TOK_LOWER) && TOK_IS(P, k + 1, "by") &&
		    P->t.v[k].e - P->t.v[k].b > 4 && !memcmp(P->s + P->t.v[k].e - 2, "ed", 2))
			break;
		if (word(P, k) && modifier(R, I, P, k)) {
			/* after a name, only words up to a role, people or
			 * organisation word go on (Trump campaign manager Paul) */
			if (seen_cap) {
				size_t h = k;
				while (h < end && h < k + 3 && word(P, h) && modifier(R, I, P, h) &&
				       !(P->t.v[h].flags & TOK_CAP) && !(tok_cls(R, I, P, h, NULL) & HEAD_WORDS))
					h++;
				/* 'Cruz constituent Dan Golvach': a name after nouns (not
				 * 'Wilkerson started Maher's rant') */
				if (h > k && h <= k + 2 && h < end && capword(R, I, P, h) && !verbish(P, k, h)) {
					size_t r = h;
					while (r < end && capword(R, I, P, r))
						r++;
					if (!(r < P->t.n && (P->t.v[r].flags & TOK_CLITIC))) {
						k = h;
						continue;
					}
				}
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
struct np np_backward(const struct eq_rules *R, struct eqi *I, struct par *P, size_t e, size_t start,
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
			/* 'even as he defended Melania Trump, saying': a clause */
			if (word(P, p) && (P->t.v[p].flags & TOK_LOWER) && (tok_cls(R, I, P, p, NULL) & EQ_W_PRON))
				return np;
			const struct token *t = &P->t.v[p];
			if ((t->flags & TOK_PUNCT) && (t->cp == '.' || t->cp == ':' || t->cp == ';') && !title_period(R, I, P, p))
				return np;
			if (tok_punct(P, p, ',')) {
				int d;
				size_t s = p + 1;
				int ok = det(R, I, P, s, &d) || (P->t.v[s].flags & (TOK_NUM | TOK_LOWER)) || TOK_IS(P, s, "who");
				/* 'Clinton spokesman', not 'Ruth Okafor thanked the students' */
				for (size_t h = s; !ok && h + 1 < e && !verbish(P, h, h + 1); h++)
					ok = word(P, h) && !(P->t.v[h].flags & TOK_CAP) && (tok_cls(R, I, P, h, NULL) & HEAD_WORDS);
				if (!ok && capword(R, I, P, s)) {
					/* 'her senior policy adviser, Jake Sullivan, said': a
					 * name set off after a description */
					struct np nm = np_backward(R, I, P, e - 1, s, 0);
					struct np ds = np_backward(R, I, P, p, start, 0);
					if (nm.ok && nm.type != M_PRON && nm.a == s && nm.b + 1 == e && ds.ok &&
					    ds.type == M_DESC && ds.b == p) {
						nm.a = ds.a;
						return nm;
					}
				}
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
		/* 'Department of Transportation', 'Lindqvist of the U.S. ...' */
		if (k < e && of_link(R, I, P, j, start, e) == 1) {
			k = j;
			continue;
		}
		if (k < e && j > start && TOK_IS(P, j, "the") && of_link(R, I, P, j - 1, start, e) == 2) {
			k = j - 1;
			continue;
		}
		if (det(R, I, P, j, &d)) {
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
				if (h > start && det(R, I, P, h - 1, &d) &&
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
