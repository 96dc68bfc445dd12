/* te_doc.c - one document: every row tagged (te_tag.c), then what the
 * document knows applied to it. A name typed with evidence (a list, a
 * pattern, a cue) keeps that type and id wherever it comes back; a later
 * short form of a person's name (the last word of "Juan Guaidó") gets the
 * full form's type and id; a guess is replaced by what the document says,
 * and a capitalized word at a sentence start that nothing supports is
 * dropped. Lines in capitals (headlines) get the names the rest of the
 * document has typed. Ids of names no list holds are slugs of the name. */
#include "te_row.h"
#include "msg.h"
#include "slug.h"

#include <stdlib.h>
#include <string.h>

enum { SHORT_SEED = 0x5407 };

struct mkey {
	uint64_t full;  /* folded n-gram hash of the mention */
	uint64_t last;  /* short-form key of its last word (PER names of 2+ words) */
	uint64_t self;  /* short-form key of the mention when it is one word */
	uint64_t mid;   /* short-form key of the second word of a person of 3+ words */
	uint64_t bare;  /* an organisation without its legal form ("Brantel" of "Brantel SA") */
	uint32_t words;
	uint32_t rfull; /* the context record of full + 1 (0: none), once te_tag_doc made it */
};

void te_tagger_init(struct te_tagger *g, const struct te *t)
{
	memset(g, 0, sizeof *g);
	g->t = t;
	g->th_both = t->alias.mask >= BIG_ALIAS && t->starts.bits;
}

void te_tagger_free(struct te_tagger *g)
{
	free(g->m);
	buf_free(&g->ids);
	toks_free(&g->tk);
	free(g->th);
	free(g->thb);
	free(g->wc);
	buf_free(&g->scratch);
	buf_free(&g->scratch2);
	h64map_free(&g->ctx);
	free(g->cr);
	free(g->ctxkey);
	free(g->keys);
	free(g->shape_of);
	free(g->cands);
	free(g->pieces);
	free(g->sortbuf);
	free(g->mtmp);
	free(g->cover);
	free(g->hot);
	free(g->trig);
	free(g->cap);
	free(g->pass);
	memset(g, 0, sizeof *g);
}

/* The keys of the mentions [from, g->nm) of the current row. */
static void row_keys(struct te_tagger *g, size_t from)
{
	if (g->nm > g->capkeys) {
		g->capkeys = g->nm + 256;
		g->keys = xrealloc(g->keys, g->capkeys * sizeof *g->keys);
	}
	for (size_t k = from; k < g->nm; k++) {
		const struct te_mention *m = &g->m[k];
		struct mkey *y = &g->keys[k];
		uint64_t h = 0, lastw = 0, second = 0;
		uint32_t words = 0;
		for (size_t i = m->tb; i < m->te; i++) {
			uint64_t th = te_th(g, i, 1);
			h = i == m->tb ? th : te_ngram(h, th);
			const struct token *t = &g->tk.v[i];
			if (t->flags & TOK_WORD) {
				words++;
				lastw = th;
				if (words == 2 && (t->flags & TOK_CAP) && !(t->flags & TOK_DOT) && t->ce - t->cb > 2)
					second = th;
			}
		}
		y->full = h;
		y->words = words;
		/* Brantel SA, Northgate Shipping Co.: the name without its legal form */
		y->bare = 0;
		if (m->type == TE_ORG && words >= 2 && !m->weak) {
			size_t z = m->te;
			if (z - m->tb >= 2 && (g->tk.v[z - 1].flags & TOK_PUNCT))
				z--; /* Co. */
			if (z - m->tb >= 2 && (te_wcls(g, z - 1) & W_ORG_FORM)) {
				uint64_t hb = 0;
				for (size_t i = m->tb; i + 1 < z; i++)
					hb = i == m->tb ? te_th(g, i, 1) : te_ngram(hb, te_th(g, i, 1));
				y->bare = hb;
			}
		}
		uint64_t sk = te_ngram(SHORT_SEED, lastw);
		y->self = words == 1 ? sk : 0;
		/* von Harsdorf, van der Molen: a surname with its particles in
		 * lower case is the short form of Lotte von Harsdorf too */
		if (m->type == TE_PER && words >= 2 && words <= 3 && (g->tk.v[m->tb].flags & TOK_LOWER)) {
			size_t i = m->tb;
			while (i + 1 < m->te && (g->tk.v[i].flags & TOK_LOWER) && (te_wcls(g, i) & W_JOIN))
				i++;
			if (i + 1 == m->te)
				y->self = sk;
		}
		y->last = words >= 2 && m->type == TE_PER ? sk : 0;
		/* Marisol Quintero Vidal: Quintero too */
		y->mid = words >= 3 && m->type == TE_PER && second ? te_ngram(SHORT_SEED, second) : 0;
	}
}

static struct ctxrec *rec(struct te_tagger *g, uint64_t key, int add)
{
	if (!key)
		return NULL;
	if (!add) {
		const uint64_t *v = h64map_get(&g->ctx, key);
		return v ? &g->cr[*v - 1] : NULL;
	}
	int fresh;
	uint64_t *v = h64map_put(&g->ctx, key, &fresh);
	if (fresh) {
		if (g->ncr == g->capcr) {
			g->capcr = g->capcr ? 2 * g->capcr : 64;
			g->cr = xrealloc(g->cr, g->capcr * sizeof *g->cr);
		}
		memset(&g->cr[g->ncr], 0, sizeof *g->cr);
		if (g->ncr >= g->capctxkey) {
			g->capctxkey = g->capcr;
			g->ctxkey = xrealloc(g->ctxkey, g->capctxkey * sizeof *g->ctxkey);
		}
		g->ctxkey[g->ncr] = key;
		*v = ++g->ncr;
	}
	return &g->cr[*v - 1];
}

/* The id of mention k: its list entry's, else the slug of its text. */
static void id_of(struct te_tagger *g, const struct te_row *rows, size_t k)
{
	struct te_mention *m = &g->m[k];
	if (m->id != TE_NO_ID)
		return;
	if (m->ent) { /* the entry's id, where the rules keep it */
		m->id = TE_ID_ENTRY | (m->ent - 1);
		return;
	}
	m->id = (uint32_t)g->ids.len;
	slug(rows[m->row].s + m->b, m->e - m->b, &g->ids);
	buf_addc(&g->ids, '\0');
}

static void set_ctx(struct te_tagger *g, const struct te_row *rows, struct te_mention *m,
		    const struct ctxrec *c, int type)
{
	id_of(g, rows, c->src);
	m->type = (uint8_t)type;
	m->id = g->m[c->src].id;
	m->how = HOW_CONTEXT;
	m->src = (uint16_t)g->t->src_context;
	m->weak = 0;
}

/* The mentions of the rows [0, n0) come in order, then those of
 * caps_rows [n0, n), in order too: one merge from the back puts them all
 * in order of row and offset (their places are all different). */
static void merge_mentions(struct te_tagger *g, size_t n0, size_t n)
{
	size_t nt = n - n0;
	if (!nt || !n0)
		return;
	if (nt > g->capmtmp) {
		g->capmtmp = nt + 64;
		g->mtmp = xrealloc(g->mtmp, g->capmtmp * sizeof *g->mtmp);
	}
	struct te_mention *v = g->m, *t = g->mtmp;
	memcpy(t, v + n0, nt * sizeof *v);
	size_t i = n0, j = nt, k = n;
	while (j > 0) {
		if (i > 0 && (v[i - 1].row > t[j - 1].row ||
			      (v[i - 1].row == t[j - 1].row && v[i - 1].cb > t[j - 1].cb)))
			v[--k] = v[--i];
		else
			v[--k] = t[--j];
	}
}

enum { DROPPED = 3 }; /* weak: a mention the document passes left out */

/* Lines in capitals: the names the document typed, matched whatever the case. */
static void caps_rows(struct te_tagger *g, const struct te_row *rows, size_t nrows,
		      const unsigned char *shape)
{
	size_t nm0 = g->nm, k = 0;
	for (size_t r = 0; r < nrows; r++) {
		if (shape[r] == ROW_PLAIN)
			continue;
		while (k < nm0 && g->m[k].row < r)
			k++;
		size_t k0 = k;
		while (k < nm0 && g->m[k].row == r)
			k++;
		tok_scan(rows[r].s, rows[r].n, &g->tk);
		te_row_begin(g, rows[r].s, rows[r].n);
		size_t n = g->tk.n, cm = k0;
		for (size_t i = 0; i < n;) {
			while (cm < k && (g->m[cm].te <= i || g->m[cm].weak == DROPPED))
				cm++;
			if (cm < k && g->m[cm].tb <= i) {
				i = g->m[cm].te;
				continue;
			}
			const struct token *tk = &g->tk.v[i];
			if (!(tk->flags & TOK_WORD) || (tk->flags & TOK_CLITIC) ||
			    !(tk->flags & (TOK_CAP | TOK_UPPER)) || (te_wcls(g, i) & W_STOP)) {
				i++;
				continue;
			}
			/* the longest typed name from i, up to 6 tokens, not into a mention */
			size_t lim = cm < k ? g->m[cm].tb : n, best = 0;
			const struct ctxrec *bc = NULL;
			int btype = 0;
			uint64_t h = 0;
			for (size_t j = i; j < lim && j < i + 6; j++) {
				uint64_t th = te_th(g, j, 1);
				h = j == i ? th : te_ngram(h, th);
				const struct ctxrec *c = rec(g, h, 0);
				if (c && c->strong && (g->tk.v[j].flags & TOK_WORD))
					best = j + 1, bc = c, btype = c->type;
			}
			if (!bc) {
				const struct ctxrec *c = rec(g, te_ngram(SHORT_SEED, te_th(g, i, 1)), 0);
				if (c && c->strong)
					best = i + 1, bc = c, btype = TE_PER;
			}
			if (!bc) {
				i++;
				continue;
			}
			uint32_t src = bc->src;
			te_push(g, (uint32_t)r, i, best, btype, HOW_CONTEXT, 0, g->t->src_context, 0);
			id_of(g, rows, src);
			g->m[g->nm - 1].id = g->m[src].id;
			i = best;
		}
	}
}

/* Does the guessed mention k stay a person (not one dropped unless the
 * document says so): no name typed with evidence
 * has its text, and the guesses of its text vote PER? */
static int guessed_per(struct te_tagger *g, size_t k)
{
	const struct ctxrec *c = g->keys[k].rfull ? &g->cr[g->keys[k].rfull - 1] : NULL;
	if (!c || c->strong)
		return 0;
	for (int ty = 0; ty < 4; ty++)
		if (c->weakvote[ty] > c->weakvote[TE_PER])
			return 0;
	return g->m[k].type == TE_PER && g->m[k].weak == 1;
}

void te_tag_doc(struct te_tagger *g, const struct te_row *rows, size_t nrows)
{
	g->nm = 0;
	buf_reset(&g->ids);
	/* the table of what the last document knew, emptied */
	if (g->ncr)
		h64map_clear_keys(&g->ctx, g->ctxkey, g->ncr);
	g->ncr = 0;
	if (nrows > g->capshape) {
		g->capshape = nrows + 64;
		g->shape_of = xrealloc(g->shape_of, g->capshape);
	}
	int any_caps = 0;
	for (size_t r = 0; r < nrows; r++) {
		size_t from = g->nm;
		te_tag_row(g, (uint32_t)r, rows[r].s, rows[r].n);
		g->shape_of[r] = (unsigned char)g->shape;
		any_caps |= g->shape != ROW_PLAIN;
		row_keys(g, from);
	}
	size_t nm = g->nm;
	if (!nm)
		return;
	/* the table of what the document knows, emptied, with room for it all */
	if (g->ctx.keys && g->ctx.mask + 1 > 64 * (4 * nm + 16))
		h64map_free(&g->ctx);
	h64map_reserve(&g->ctx, 2 * nm);
	/* the short forms of people named in full with evidence ... */
	for (size_t k = 0; k < nm; k++) {
		const struct te_mention *m = &g->m[k];
		if (!g->keys[k].last || m->weak)
			continue;
		for (int q = 0; q < 2; q++) {
			uint64_t key = q ? g->keys[k].mid : g->keys[k].last;
			if (!key)
				continue;
			struct ctxrec *s = rec(g, key, 1);
			if (!s->strong) {
				s->strong = 1;
				s->type = TE_PER;
				s->src = (uint32_t)k;
				s->first = (uint32_t)k;
			}
		}
	}
	/* ... and of people named in full by guess only ("Donald Trump said"
	 * with no list or cue behind it): a short form that is a guess too
	 * takes the full form's id */
	for (size_t k = 0; k < nm; k++) {
		const struct te_mention *m = &g->m[k];
		if (!g->keys[k].last || !m->weak)
			continue;
		struct ctxrec *s = rec(g, g->keys[k].last, 1);
		if (!s->strong && !s->guess) {
			s->guess = 1;
			s->src = (uint32_t)k;
			s->first = (uint32_t)k;
		}
	}
	/* an organisation named with its legal form: the bare name is it too */
	for (size_t k = 0; k < nm; k++) {
		if (!g->keys[k].bare)
			continue;
		struct ctxrec *c = rec(g, g->keys[k].bare, 1);
		if (!c->strong) {
			c->strong = 1;
			c->type = TE_ORG;
			c->src = (uint32_t)k;
			c->first = (uint32_t)k;
		}
	}
	/* ... and what the document typed with evidence (a one-word person
	 * takes the id of the full name it is the short form of) */
	for (size_t k = 0; k < nm; k++) {
		struct te_mention *m = &g->m[k];
		struct mkey *y = &g->keys[k];
		struct ctxrec *c = rec(g, y->full, 1);
		y->rfull = c ? (uint32_t)(c - g->cr) + 1 : 0;
		if (!m->weak) {
			if (!c->strong) {
				const struct ctxrec *s = rec(g, y->self, 0);
				c->strong = 1;
				c->type = m->type;
				c->src = s && s->strong && m->type == TE_PER ? s->src : (uint32_t)k;
				c->first = (uint32_t)k;
			}
		} else if (m->type < 4) {
			c->weakvote[m->type]++;
			if (!c->wfirst)
				c->wfirst = (uint8_t)(m->type + 1);
		}
	}
	for (size_t k = 0; k < nm; k++) {
		struct te_mention *m = &g->m[k];
		struct mkey *y = &g->keys[k];
		const struct ctxrec *c = y->rfull ? &g->cr[y->rfull - 1] : NULL;
		const struct ctxrec *s = rec(g, y->self, 0);
		if (m->weak) {
			if (s && s->strong && (!c || !c->strong || c->type == TE_PER))
				set_ctx(g, rows, m, s, TE_PER);
			else if (c && c->strong)
				set_ctx(g, rows, m, c, c->type);
			else if (s && s->guess && guessed_per(g, s->src))
				set_ctx(g, rows, m, s, TE_PER);
			else if (m->weak == 2)
				m->weak = DROPPED;
			else if (c) {
				/* one type for a name in a document: the most guessed,
				 * on a tie the first ("in Haverford Mills", then
				 * "Haverford Mills lost": a place both times) */
				int best = c->wfirst ? c->wfirst - 1 : m->type;
				for (int ty = 0; ty < 4; ty++)
					if (c->weakvote[ty] > c->weakvote[best])
						best = ty;
				m->type = (uint8_t)best;
			}
		} else if (m->how == HOW_CUE && m->type == TE_PER && c && c->strong && c->type == TE_ORG &&
			   c->src != k) {
			/* a cue says a person ("Harbour Link said"), the document
			 * names an organisation so ("Harbour Link Ltd."): organisations
			 * speak too */
			set_ctx(g, rows, m, c, TE_ORG);
		} else if (s && s->strong && (s->first < k || m->type == TE_PER) && s->src != k) {
			id_of(g, rows, s->src);
			id_of(g, rows, k);
			if (m->type != TE_PER || strcmp(te_mention_id(g, m), te_mention_id(g, &g->m[s->src])) != 0)
				set_ctx(g, rows, m, s, TE_PER);
		} else if (s && s->guess && m->type == TE_PER && !m->ent && guessed_per(g, s->src))
			set_ctx(g, rows, m, s, TE_PER); /* "said Trump" after a guessed "Donald Trump" */
	}
	if (any_caps)
		caps_rows(g, rows, nrows, g->shape_of);
	/* ids, and the dropped ones out */
	size_t w = 0, w0 = 0;
	for (size_t k = 0; k < g->nm; k++) {
		if (k == nm)
			w0 = w; /* where the mentions of caps_rows start */
		if (g->m[k].weak == DROPPED)
			continue;
		id_of(g, rows, k);
		g->m[w++] = g->m[k];
	}
	if (g->nm == nm)
		w0 = w;
	g->nm = w;
	merge_mentions(g, w0, w);
}
