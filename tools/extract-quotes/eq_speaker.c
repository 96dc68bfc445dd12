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

/* ---- speakers of the quotations ---- */

static void set_text(struct cand *q, uint32_t par, uint32_t b, uint32_t e)
{
	q->sp_par = (int)par;
	q->sp_b = b;
	q->sp_e = e;
	q->cut_b = q->cut_e = 0;
}

/* The id of a named speaker: the mention of the entities column in
 * tokens [t0, t1), else the slug of the fullest form of the name. */
static void name_id(const struct eq_rules *R, struct eqi *I, struct cand *q, uint32_t par, uint32_t t0, uint32_t t1)
{
	struct par *P = &I->p[par];
	if (I->has_ents) {
		mentions_collect(R, I, par);
		for (size_t k = P->m0 + P->nm; k-- > P->m0;) {
			struct ment *m = &I->m[k];
			if (m->id && m->t0 < t1 && m->t1 > t0) {
				q->id_ent = m->id;
				q->nid_ent = m->nid;
				return;
			}
		}
	}
	uint32_t fp = par, fb = P->t.v[t0].b, fe = P->t.v[t1 - 1].e;
	full_name(R, I, par, 0, &fp, &fb, &fe);
	q->id_par = (int)fp;
	q->id_b = fb;
	q->id_e = fe;
}

/* Where a named speaker's text starts when titles are dropped: at the
 * name n0 when nothing but titles comes before it from a ('Col. Jose Luis
 * Silva', 'former Sen. Evan Bayh', 'Treasurer Amal Okonkwo'); a
 * description before the name stays ('council spokesman Ivo Brandl',
 * 'Cleveland Police Chief Calvin Williams'). */
static uint32_t after_titles(const struct eq_rules *R, struct eqi *I, struct par *P, uint32_t a, uint32_t n0)
{
	int titles = 0, d;
	/* 'said that New Jersey Gov. Chris Christie': a conjunction */
	if (a < n0 && TOK_IS(P, a, "that") && capword(R, I, P, a + 1))
		a++;
	/* 'a defiant Trump', 'the embattled Clinton': the name */
	if (a + 1 < n0 && det(R, I, P, a, &d)) {
		size_t i = a + 1;
		while (i < n0 && word(P, i) && (P->t.v[i].flags & TOK_LOWER) &&
		       !(tok_cls(R, I, P, i, NULL) & (EQ_W_TITLE | EQ_W_ROLE | EQ_W_PEOPLE | EQ_W_ORG | EQ_W_FUNC)))
			i++;
		if (i == n0)
			return n0;
	}
	int of = 0;
	for (size_t i = a; i < n0; i++) {
		if (title_period(R, I, P, i))
			continue;
		if (!word(P, i))
			return a;
		/* 'Minister of Finance', 'Secretary of the Navy' */
		if (of && (capword(R, I, P, i) || (TOK_IS(P, i, "the") && i + 1 < n0)))
			continue;
		uint64_t c = tok_cls(R, I, P, i, NULL);
		/* Col., President, and a capitalized role used as one: Treasurer */
		if ((c & (EQ_W_TITLE | EQ_W_ROLE | EQ_W_PEOPLE)) && !(c & (EQ_W_MALE | EQ_W_FEMALE | EQ_W_TEXT)) &&
		    (P->t.v[i].flags & TOK_CAP)) {
			titles++;
			continue;
		}
		if (i == a && (TOK_IS(P, i, "the") || TOK_IS(P, i, "former")))
			continue;
		/* 'el alcalde Tomás Ibarra', 'der Bürgermeister' */
		if (i == a && i + 2 == n0 && (P->t.v[i].flags & TOK_LOWER) &&
		    (tok_cls(R, I, P, i, NULL) & EQ_W_PARTICLE) && word(P, i + 1) &&
		    (tok_cls(R, I, P, i + 1, NULL) & EQ_W_TITLE))
			return n0;
		if (TOK_IS(P, i, "of") && titles && i + 1 < n0) {
			of = 1;
			continue;
		}
		return a;
	}
	return titles ? n0 : a;
}

/* The speaker a mention stands for, into q: its name as written, or with
 * full set, its fullest form ('Juan Guaido' for a 'he' after 'Guaido'; of
 * a first name of the gender want). */
static void ment_speaker(const struct eq_rules *R, struct eqi *I, struct cand *q, int x, int full, int want)
{
	struct ment *m = &I->m[x];
	struct par *P = &I->p[m->par];
	uint32_t t0 = m->t0;
	/* 'the campaign': a description keeps its article; a name the
	 * description before it ('Cleveland Police Chief Calvin Williams') */
	if (m->a0 != UINT32_MAX && m->a0 + 1 == m->t0 && !(P->t.v[m->t0].flags & TOK_CAP))
		t0 = m->a0;
	else if (!full && m->a0 != UINT32_MAX && m->a0 < m->t0)
		t0 = after_titles(R, I, P, m->a0, m->t0);
	set_text(q, m->par, P->t.v[t0].b, P->t.v[m->t1 - 1].e);
	if (m->id) {
		q->id_ent = m->id;
		q->nid_ent = m->nid;
		return;
	}
	uint32_t fp = m->par, fb = P->t.v[m->t0].b, fe = P->t.v[m->t1 - 1].e;
	full_name(R, I, m->par, full ? want : 0, &fp, &fb, &fe);
	if (full && t0 == m->t0)
		set_text(q, fp, fb, fe);
	q->id_par = (int)fp;
	q->id_b = fb;
	q->id_e = fe;
}

/* A pronoun or description resolved to mention x (sure or a guess). */
static void resolved_speaker(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, struct cand *q, int x,
			     int sure, int how, int want)
{
	ment_speaker(R, I, q, x, 1, want);
	q->resolved = sure ? 1 : 2;
	q->pron = 1;
	q->spk_how = how;
	if (how == EQ_SPK_PRONOUN)
		D->st.pronouns_resolved++;
	else
		D->st.descriptions_resolved++;
}

static void np_speaker(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, struct cand *q, uint32_t par,
		       const struct np *np)
{
	struct par *P = &I->p[par];
	/* as written (-w), a pronoun or a description resolved gives the
	 * id only; the text stays as the text has it */
	int resolving = D->resolve != EQ_RESOLVE_NONE, have_id = 0;
	if (np->type == M_PRON) {
		q->pron = 1;
		D->st.pronouns++;
		uint64_t want = np->pbits & (EQ_G_MALE | EQ_G_FEMALE | EQ_G_NONE);
		/* he, she, it; not they (a group the text rarely names) */
		if (resolving && (np->pbits & EQ_P_THIRD) && !((want & EQ_G_NONE) && (want & EQ_G_MALE))) {
			int sure;
			int x = resolve(R, I, par, np->a, want, 0, &sure);
			if (x >= 0 && sure && !I->m[x].gender && (want == EQ_G_MALE || want == EQ_G_FEMALE))
				I->m[x].gender = (int)want; /* "he said": a man from now on */
			if (x >= 0 && (sure || D->resolve == EQ_RESOLVE_ALL)) {
				resolved_speaker(R, I, D, q, x, sure, EQ_SPK_PRONOUN, (int)want);
				if (D->as_written)
					set_text(q, par, P->t.v[np->a].b, P->t.v[np->a].e);
				return;
			}
		}
		set_text(q, par, P->t.v[np->a].b, P->t.v[np->a].e);
		q->spk_how = EQ_SPK_PRONOUN;
		return;
	}
	/* 'the senator', 'the company' */
	if (resolving && np->definite && np->n1 > np->n0 && !(tok_cls(R, I, P, np->n1 - 1, NULL) & EQ_W_TEXT) &&
	    (np->type == M_DESC || (np->type == M_ORG && !capword(R, I, P, np->n1 - 1)))) {
		int sure;
		int x = resolve_desc(R, I, par, np->a, np->n1 - 1, &sure);
		if (x < 0 && D->resolve == EQ_RESOLVE_ALL && np->resolvable) {
			int g = head_gender(P, np->n1 - 1);
			x = resolve(R, I, par, np->a, g > 0 ? (uint64_t)g : EQ_G_MALE | EQ_G_FEMALE, 0, &sure);
		}
		if (x >= 0 && (sure || D->resolve == EQ_RESOLVE_ALL)) {
			resolved_speaker(R, I, D, q, x, sure, EQ_SPK_DESC, 0);
			if (!D->as_written)
				return;
			have_id = 1;
		}
	}
	/* the phrase as the text has it, with a party tag and a place after a
	 * name ('(D-S.C.)', 'of Ohio') and an appositive ('a social worker') */
	size_t b = np->b;
	if (b < P->t.n && tok_punct(P, b, '(')) {
		size_t k = b + 1;
		while (k < P->t.n && k < b + 8 && !tok_punct(P, k, ')') && !(P->tf[k] & (TF_MARK | TF_IN)))
			k++;
		if (tok_punct(P, k, ')'))
			b = k + 1;
	}
	if (b + 1 < P->t.n && TOK_IS(P, b, "of")) {
		/* 'of Ohio', 'of the New York delegation', 'of Human Rights Watch' */
		size_t k = b + 1, caps = 0, last = 0;
		int d;
		if (det(R, I, P, k, &d))
			k++;
		while (k < P->t.n && k < b + 8 &&
		       (capword(R, I, P, k) || particle(R, I, P, k) || TOK_IS(P, k, "the") ||
			(word(P, k) && modifier(R, I, P, k) && !(tok_cls(R, I, P, k, NULL) & EQ_W_CUE)))) {
			if (capword(R, I, P, k))
				caps++;
			k++;
			last = k;
		}
		if (caps && last && (last >= P->t.n || (P->t.v[last].flags & TOK_PUNCT)))
			b = last;
	}
	if (b + 1 < P->t.n && tok_punct(P, b, ',') && b > np->a && !tok_punct(P, b - 1, ',')) {
		int d;
		size_t s = b + 1, e = s;
		int rel = TOK_IS(P, s, "who") || TOK_IS(P, s, "which") || TOK_IS(P, s, "whose") ||
			  TOK_IS(P, s, "that") || TOK_IS(P, s, "where") || TOK_IS(P, s, "whom");
		const struct token *st = &P->t.v[s];
		int participle = (st->flags & TOK_LOWER) && st->e - st->b > 4 &&
				 (!memcmp(P->s + st->e - 3, "ing", 3) || !memcmp(P->s + st->e - 2, "ed", 2));
		/* 'Ben Okri, Obama's deputy adviser': a possessive opens it too */
		size_t pe = s;
		while (pe < P->t.n && pe < s + 4 && (capword(R, I, P, pe) || title_period(R, I, P, pe)))
			pe++;
		int poss = pe > s && pe < P->t.n && (P->t.v[pe].flags & TOK_CLITIC) && P->t.v[pe - 1].e == P->t.v[pe].b;
		if (!rel && !participle && (det(R, I, P, s, &d) || poss || (st->flags & (TOK_NUM | TOK_LOWER)))) {
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
	/* as written, a relative clause about the speaker too: ', who supports
	 * eliminating half the party's superdelegates' */
	if (D->as_written && b + 1 < P->t.n && tok_punct(P, b, ',') &&
	    (TOK_IS(P, b + 1, "who") || TOK_IS(P, b + 1, "whose") || TOK_IS(P, b + 1, "which"))) {
		size_t e = b + 1;
		while (e < P->t.n && e < b + 40 && !(P->tf[e] & (TF_MARK | TF_IN | TF_SB)) &&
		       !(P->t.v[e].flags & TOK_PUNCT && (P->t.v[e].cp == '.' || P->t.v[e].cp == ';' || P->t.v[e].cp == ':')))
			e++;
		while (e > b + 2 && tok_punct(P, e - 1, ','))
			e--;
		b = e;
	}
	uint32_t a = np->a;
	if (!D->as_written) {
		a = after_titles(R, I, P, np->a, np->n0);
		/* not a clause about the speaker: ', who voted against ...',
		 * ', noting the size of ...' */
		for (size_t i = a + 1; i + 1 < b; i++) {
			if (!tok_punct(P, i, ','))
				continue;
			const struct token *t = &P->t.v[i + 1];
			if (TOK_IS(P, i + 1, "who") || TOK_IS(P, i + 1, "whose") || TOK_IS(P, i + 1, "which") ||
			    TOK_IS(P, i + 1, "whom") || TOK_IS(P, i + 1, "where") || TOK_IS(P, i + 1, "when") ||
			    ((t->flags & TOK_LOWER) && t->e - t->b > 4 &&
			     (!memcmp(P->s + t->e - 3, "ing", 3) || !memcmp(P->s + t->e - 2, "ed", 2)))) {
				b = i;
				break;
			}
		}
	}
	int id_par = q->id_par;
	uint32_t id_b = q->id_b, id_e = q->id_e;
	set_text(q, par, P->t.v[a].b, P->t.v[b - 1].e);
	if (have_id) { /* as written, the description resolved */
		q->id_par = id_par;
		q->id_b = id_b;
		q->id_e = id_e;
		return;
	}
	if (!D->as_written && a < np->n0 && np->type == M_PER) {
		/* titles between a description and the name go: 'chief
		 * executive Dr. Amira Castellanos' */
		size_t t = np->n0;
		/* abbreviated ones only (Dr., Sen.): 'executive Director' is a
		 * description */
		while (t > a + 2 && title_period(R, I, P, t - 1) && (P->t.v[t - 2].flags & TOK_CAP))
			t -= 2;
		if (t < np->n0 && word(P, t - 1) && (P->t.v[t - 1].flags & TOK_LOWER)) {
			q->cut_b = P->t.v[t].b;
			q->cut_e = P->t.v[np->n0].b;
		}
	}
	q->spk_how = np->type == M_DESC ? EQ_SPK_DESC : EQ_SPK_NAME;
	if (np->type == M_DESC || (np->type == M_ORG && !capword(R, I, P, np->n1 - 1))) {
		q->id_par = (int)par;
		q->id_b = P->t.v[np->n0].b;
		q->id_e = P->t.v[np->n1 - 1].e;
		return;
	}
	name_id(R, I, q, par, np->n0, np->n1);
}

/* Does the stretch [j, a) before the phrase a cue after a quotation has
 * ('," former Sen. Evan Bayh said') belong to it: a comma or a bracket
 * (an appositive, a party tag: 'Katie Packer, who chairs Our Principles
 * PAC'), or nothing but words that open a noun phrase (not '," a dit
 * Tomas Reyes')? */
static int stretch_is_np(const struct eq_rules *R, struct eqi *I, struct par *P, size_t j, size_t a)
{
	for (size_t i = j; i < a; i++)
		if (tok_punct(P, i, ',') || tok_punct(P, i, '('))
			return 1;
	for (size_t i = j; i < a; i++) {
		int d;
		if (!word(P, i) || (P->t.v[i].flags & TOK_CAP) || det(R, I, P, i, &d))
			continue;
		if (!(tok_cls(R, I, P, i, NULL) & (EQ_W_TITLE | EQ_W_ROLE | EQ_W_PEOPLE | EQ_W_ORG)) &&
		    !TOK_IS(P, i, "for") && !TOK_IS(P, i, "of") && !TOK_IS(P, i, "at") && !TOK_IS(P, i, "with"))
			return 0;
	}
	return 1;
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
	struct par *P = &I->p[m->par];
	if (D->as_written) {
		/* the id of whom it stands for, the text as written */
		uint32_t t0 = m->a0 != UINT32_MAX && m->a0 < m->t0 ? m->a0 : m->t0;
		D->as_written = 0;
		ment_to_speaker(R, I, D, q, mi);
		D->as_written = 1;
		set_text(q, m->par, P->t.v[t0].b, P->t.v[m->t1 - 1].e);
		return 1;
	}
	if (m->type == M_PRON || m->type == M_DESC) {
		int how = m->type == M_PRON ? EQ_SPK_PRONOUN : EQ_SPK_DESC;
		if (m->type == M_PRON)
			D->st.pronouns++;
		int sure = 0, x = D->resolve == EQ_RESOLVE_NONE ? -1 : referent(R, I, mi, 0, &sure);
		if (x >= 0 && (sure || D->resolve == EQ_RESOLVE_ALL)) {
			resolved_speaker(R, I, D, q, x, sure, how, m->type == M_PRON ? m->gender : 0);
			return 1;
		}
		uint32_t t0 = m->type == M_DESC && m->a0 != UINT32_MAX ? m->a0 : m->t0;
		set_text(q, m->par, P->t.v[t0].b, P->t.v[m->t1 - 1].e);
		q->pron = 1;
		q->spk_how = how;
		return 1;
	}
	ment_speaker(R, I, q, (int)mi, 0, 0);
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
		if (a == 0 && dateline(P))
			while (a < cue && !(P->t.v[a++].flags & TOK_DASH))
				; /* past 'WASHINGTON —' */
		while (a < cue && (TOK_IS(P, a, "but") || TOK_IS(P, a, "and") || TOK_IS(P, a, "so") ||
				   TOK_IS(P, a, "yet") || TOK_IS(P, a, "still") || TOK_IS(P, a, "then") ||
				   /* 'Former Secretary of State Ada Obuya urged ...' */
				   (TOK_IS(P, a, "former") && a + 1 < cue &&
				    (P->t.v[a + 1].flags & TOK_CAP))))
			a++;
		struct np np = np_forward(R, I, P, a, cue);
		if (np.ok && np.type != M_PRON && np.b < cue && np.b > a && !tok_punct(P, np.b, ',') &&
		    word(P, np.b) && !(tok_cls(R, I, P, np.b, NULL) & EQ_W_FUNC)) {
			np_speaker(R, I, D, q, par, &np);
			return 1;
		}
	}
	/* 'The head of the Alpine Rail Authority, Hélène Favre-Duret, said': a
	 * name set off by commas right before the cue */
	if (cue > s0 + 3 && tok_punct(P, cue - 1, ',')) {
		size_t p = cue - 1;
		while (p > s0 + 1 && p + 8 > cue && !tok_punct(P, p - 1, ','))
			p--;
		if (p > s0 + 1 && tok_punct(P, p - 1, ',') && capword(R, I, P, p)) {
			struct np nm = np_forward(R, I, P, p, cue - 1);
			if (nm.ok && nm.type == M_PER && nm.a == p && nm.b == cue - 1) {
				np_speaker(R, I, D, q, par, &nm);
				return 1;
			}
		}
	}
	/* who speaks in the clause before: 'In an interview with journalist
	 * Matei Rosca, Lazar said he ... and added, "' */
	for (size_t k = P->m0; k < P->m0 + P->nm; k++) {
		struct ment *m = &I->m[k];
		if (m->t0 < s0 || m->t0 >= cue)
			continue;
		if (m->speaks && !m->oblique && m->type != M_PRON)
			return ment_to_speaker(R, I, D, q, k);
	}
	for (size_t k = P->m0; k < P->m0 + P->nm; k++) {
		struct ment *m = &I->m[k];
		if (m->t0 < s0 || m->t0 >= cue || !m->subject)
			continue; /* 'Appearing at NLD headquarters, Suu Kyi said ...' */
		return ment_to_speaker(R, I, D, q, k);
	}
	return 0;
}

/* A cue in -ing: 'saying', 'adding'. */
static int ct_participle(const struct par *P, size_t k)
{
	const struct token *ct = &P->t.v[k];
	return ct->e - ct->b > 4 && !memcmp(P->s + ct->e - 3, "ing", 3);
}

/* 'said Halvorsen's spokeswoman, Tara Quill': a description with a name
 * set off after it names that one; np (a description) takes the name as
 * its own, and its phrase runs to the name's end. The name must end the
 * phrase before hi, or its clause (a comma, a period, a bracket). */
static void appositive_name(const struct eq_rules *R, struct eqi *I, struct par *P, struct np *np, size_t hi)
{
	if (!np->ok || np->type != M_DESC || np->b + 1 >= hi || !tok_punct(P, np->b, ',') ||
	    !capword(R, I, P, np->b + 1))
		return;
	struct np nm = np_forward(R, I, P, np->b + 1, hi);
	if (!nm.ok || nm.type != M_PER || nm.n0 != np->b + 1 || nm.n1 != nm.b)
		return;
	if (nm.b < hi && !tok_punct(P, nm.b, ',') && !tok_punct(P, nm.b, '.') && !tok_punct(P, nm.b, '(') &&
	    !(P->tf[nm.b] & (TF_MARK | TF_SB)))
		return;
	np->n0 = nm.n0;
	np->n1 = nm.n1;
	np->b = nm.b;
	np->type = M_PER;
	np->definite = np->resolvable = 0;
}

/* 'according to a statement released by the council': a text with its
 * author after it names the author. */
static void by_agent(const struct eq_rules *R, struct eqi *I, struct par *P, struct np *np, size_t hi)
{
	if (!np->ok || np->type != M_DESC || np->n1 <= np->n0 || !(tok_cls(R, I, P, np->n1 - 1, NULL) & EQ_W_TEXT) ||
	    np->b + 2 >= hi || !TOK_IS(P, np->b + 1, "by"))
		return;
	struct np by = np_forward(R, I, P, np->b + 2, hi);
	if (by.ok && by.type != M_PRON)
		*np = by;
}

/* 'Kasich resisted: "...', 'Clinton has since apologized for what
 * happened: "...': the subject of a short clause that opens its sentence
 * and ends in the colon before the quotation (a few lowercase words after
 * it, no comma), the verb its cue. */
static void colon_subject(const struct eq_rules *R, struct eqi *I, struct eq_doc *D, struct cand *q, size_t l0)
{
	struct par *P = &I->p[q->par];
	size_t colon = q->o - 1, a = colon;
	while (a > l0 && !(P->tf[a] & TF_SB))
		a--;
	if (a == 0 && dateline(P))
		return;
	struct np np = np_forward(R, I, P, a, colon);
	if (!np.ok || np.b >= colon || np.b + 7 < colon || !word(P, np.b) || !(P->t.v[np.b].flags & TOK_LOWER) ||
	    (np.type != M_PRON && np.type != M_PER && np.type != M_ORG && np.type != M_DESC))
		return;
	if (np.type == M_PRON && !(np.pbits & EQ_P_THIRD))
		return;
	for (size_t k = np.b; k < colon; k++)
		if (!word(P, k) || !(P->t.v[k].flags & TOK_LOWER) || (tok_cls(R, I, P, k, NULL) & EQ_W_PRON))
			return; /* 'Trump has a new name for him:' */
	size_t v = np.b; /* the verb: past 'has since' */
	while (v + 1 < colon && (tok_cls(R, I, P, v, NULL) & (EQ_W_FILL | EQ_W_TIME | EQ_W_FUNC)))
		v++;
	q->cue_par = (int)q->par;
	q->cue_t = (int)v;
	q->cue_n = 1;
	q->cue_side = -1;
	np_speaker(R, I, D, q, q->par, &np);
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
			} else {
				colon_subject(R, I, D, q, l0);
			}
		} else if (q->o >= 3 && tok_punct(P, q->o - 1, '.') && word(P, q->o - 2) &&
			   (P->t.v[q->o - 2].flags & TOK_LOWER) && cue_at(R, I, P, q->o - 2) == 1 &&
			   !ct_participle(P, q->o - 2) &&
			   !(ci > 0 && I->c[ci - 1].par == q->par && I->c[ci - 1].cue_par == (int)q->par &&
			     I->c[ci - 1].cue_t == (int)q->o - 2 && I->c[ci - 1].sp_par >= 0)) {
			/* 'Asked about it, Mulhern shrugged. "...': a sentence that
			 * ends in its cue verb right before the quotation (not the
			 * cue of the quotation before when that found its speaker,
			 * whom this one then shares: '"A," he said. "B."') */
			size_t k = q->o - 2, s0 = k;
			while (s0 > 0 && !(P->tf[s0] & TF_SB))
				s0--;
			np = np_backward(R, I, P, k, s0, 1);
			if (np.ok && (np.type == M_PER || np.type == M_PRON || np.type == M_UNK) && np.b == k) {
				q->cue_par = (int)q->par;
				q->cue_t = (int)k;
				q->cue_n = 1;
				q->cue_side = -1;
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
	if (n == 1 && ct_participle(P, k))
		objverb = 1;
	if (q->cue_side > 0) {
		size_t j = q->c + 1;
		if (j < r1 && (tok_punct(P, j, ',') || (P->t.v[j].flags & TOK_DASH)))
			j++;
		if (k > j) {
			size_t e = before_fillers(R, I, P, k, j);
			np = np_backward(R, I, P, e, j, 1);
			struct np np0 = np;
			if (np.ok && np.type != M_PRON && (D->as_written || stretch_is_np(R, I, P, j, np0.a))) {
				/* all between the quotation and its cue names the speaker:
				 * '," Sen. Tom Udall of New Mexico, who ..., said'; its
				 * name is the phrase it opens with ('Katie Packer, who
				 * chairs Our Principles PAC') */
				np.a = (uint32_t)j;
				np.b = (uint32_t)e;
				while (np.b > np.a + 1 && tok_punct(P, np.b - 1, ','))
					np.b--;
				/* its name: the last capitalized run of its first part
				 * ('Cruz constituent Dan Golvach, 52, ...') */
				struct np f = {0};
				f.a = (uint32_t)j;
				f.b = (uint32_t)j;
				while (f.b < np.b && !tok_punct(P, f.b, ',') && !tok_punct(P, f.b, '(') && !TOK_IS(P, f.b, "who"))
					f.b++;
				np_head(R, I, P, &f);
				appositive_name(R, I, P, &f, np.b);
				if (f.ok && f.type != M_PRON) {
					np.n0 = f.n0;
					np.n1 = f.n1;
					np.type = f.type;
					np.definite = f.definite;
					np.resolvable = f.resolvable;
				}
			}
		}
		if (!np.ok && k <= j + 2 && !objverb) {
			np = np_forward(R, I, P, (size_t)skip_fillers_fwd(R, I, P, k + n, r1), r1);
			if (n > 1)
				by_agent(R, I, P, &np, r1);
			appositive_name(R, I, P, &np, r1);
		}
	} else {
		/* 'banners that read "...', 'a letter which said "...': a
		 * relative clause of a thing; a person's ('an aide who said')
		 * or a group's has its antecedent before it */
		size_t e = before_fillers(R, I, P, k, l0);
		if (e > l0 + 1 && word(P, e - 1) && (TOK_IS(P, e - 1, "that") || TOK_IS(P, e - 1, "which")) &&
		    word(P, e - 2)) {
			/* not a demonstrative: 'responded to that tweet', 'called
			 * that report a lie' */
			uint64_t c = tok_cls(R, I, P, e - 2, NULL);
			const struct token *t = &P->t.v[e - 2];
			int verb = t->e - t->b > 3 && !memcmp(P->s + t->e - 2, "ed", 2);
			if (!(c & (EQ_W_FUNC | EQ_W_CUE)) && !verb &&
			    ((c & EQ_W_TEXT) || !(capword(R, I, P, e - 2) || (c & HEAD_WORDS)))) {
				/* no one speaks; what is written on a thing (not a
				 * text: 'a letter which said') is no quotation */
				if (!(c & EQ_W_TEXT))
					q->kind = EQ_NONE;
				return;
			}
		}
		if (n > 1) { /* according to X */
			np = np_forward(R, I, P, k + n, q->o);
			by_agent(R, I, P, &np, q->o);
			appositive_name(R, I, P, &np, q->o);
		}
		if (!np.ok)
			np = np_backward(R, I, P, before_fillers(R, I, P, k, l0), l0, 1);
		if (!np.ok && !objverb && n == 1) {
			np = np_forward(R, I, P, (size_t)skip_fillers_fwd(R, I, P, k + n, q->o), q->o);
			/* 'said the tunnel would open "...': a phrase with its verb
			 * after it is the subject of what was said, not who said it */
			if (np.ok && np.type != M_PER && np.b < q->o && word(P, np.b))
				np.ok = 0;
		}
	}
	/* 'she released a statement saying, "': the text is what she
	 * released; who speaks is the clause's subject */
	if (np.ok && np.type == M_DESC && n == 1 && q->cue_side < 0 && np.n1 > np.n0 &&
	    (tok_cls(R, I, P, np.n1 - 1, NULL) & EQ_W_TEXT) && ct_participle(P, k) &&
	    subject_speaker(R, I, D, q, (uint32_t)q->cue_par, np.a))
		return;
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
	q->cut_b = from->cut_b;
	q->cut_e = from->cut_e;
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
	int last_direct = -1; /* the last direct quotation with a speaker */
	for (size_t ci = 0; ci < I->nc; ci++) {
		struct cand *q = &I->c[ci];
		if (q->kind == EQ_NONE || q->prev >= 0)
			continue;
		find_speaker(R, I, D, ci);
		if (q->kind == EQ_NONE)
			continue; /* 'T-shirts that said "..."' */
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
