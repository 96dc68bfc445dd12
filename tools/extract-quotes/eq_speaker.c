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
			if (!rel && (det(R, I, P, s, &d) || (P->t.v[s].flags & (TOK_NUM | TOK_LOWER)))) {
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
	if (np->type != M_ORG && det(R, I, P, np->a, &d) && !d && np->n0 == np->a + 1 && np->n1 - np->a <= 5) {
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
