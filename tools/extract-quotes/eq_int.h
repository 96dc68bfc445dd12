/* eq_int.h - what the engine's files share inside: a paragraph's tokens
 * with their word classes, quote depth and sentence starts; the
 * quote-mark pairs found in it (candidates); the mentions of people and
 * organisations a pronoun can be resolved to. */
#ifndef EQ_INT_H
#define EQ_INT_H

#include "eq.h"
#include "tokens.h"

/* Per-token flags (struct par.tf). */
enum {
	TF_IN = 1 << 0,    /* inside a quote-mark pair (any depth) */
	TF_SB = 1 << 1,    /* a sentence begins at this token */
	TF_OPEN = 1 << 2,  /* an opening mark of a pair */
	TF_CLOSE = 1 << 3, /* a closing mark of a pair */
	TF_MARK = 1 << 4,  /* a quotation mark (paired or not; not an apostrophe) */
	TF_CLS = 1 << 5,   /* cls[] is filled in */
};

/* A paragraph's tokens: tok_scan's, copied into the document's arena
 * (struct eq_arena) at their exact size. */
struct ptoks {
	struct token *v;
	size_t n;
};

struct par {
	const char *s;
	size_t n;
	const char *ents; /* entities field (NULL: none) */
	size_t nents;
	struct ptoks t;
	uint64_t *cls;    /* word class (EQ_W_*), when TF_CLS */
	uint64_t *bits;
	uint8_t *tf;
	int ready;        /* tokens and sentences done */
	int mentions;     /* mentions collected */
	size_t c0, nc;    /* its candidates: cand[c0 .. c0+nc) */
	size_t m0, nm;    /* its mentions */
};

/* A quote-mark pair at depth 0 of its paragraph (nested pairs belong to
 * the outer one). */
struct cand {
	uint32_t par;
	uint32_t o, c;    /* token of the opening and the closing mark (c = ntok: none) */
	uint32_t b, e;    /* content bytes in par (trimmed of spaces) */
	int fam;
	int unclosed;
	int next, prev;   /* the candidate it runs on into / from (multi-paragraph), -1 */
	uint8_t f[EQ_NFEAT]; /* 0 or 1 each */
	double score;
	int kind;
	int group;
	/* attribution */
	int cue_par, cue_t, cue_n; /* cue tokens (cue_par -1: none) */
	int cue_side;              /* +1 after the quote, -1 before, 0 none */
	int spk_how;               /* EQ_SPK_* */
	int sp_par;                /* speaker text: bytes [sp_b, sp_e) of paragraph sp_par (-1: none) */
	uint32_t sp_b, sp_e;
	uint32_t cut_b, cut_e;     /* bytes of it left out (a title inside: 'chief executive Dr. Amira ...'), or equal */
	int id_par;                /* its id: the slug of bytes [id_b, id_e) of paragraph id_par ... */
	uint32_t id_b, id_e;
	const char *id_ent;        /* ... or the id of the entities column */
	size_t nid_ent;
	int pron;                  /* the speaker was a pronoun or a description, resolved or not */
	int resolved;              /* 1 to a name, sure; 2 a guess (EQ_RESOLVE_ALL) */
};

enum { M_PER = 1, M_ORG = 2, M_UNK = 3, M_PRON = 4, M_DESC = 5 };

/* A mention: a name, a pronoun or a description, outside quotes. */
struct ment {
	uint32_t par, t0, t1;   /* tokens [t0, t1): the name, titles stripped */
	uint32_t a0;            /* where its phrase starts (titles, determiner) */
	int type;               /* M_* */
	int gender;             /* EQ_G_* bits, 0 unknown */
	int subject;            /* the subject of its sentence */
	int clause_subject;     /* the subject of a clause before it: 'As Drax left the hall, ...' */
	int oblique;            /* after a preposition or a possessive: 'with Kasich', 'Obama's' */
	int speaks;             /* next to a cue: 'Stovall said', 'said Wilcox' */
	uint32_t sent;          /* sentence number in its paragraph */
	int ante;               /* a pronoun or description: the mention it stands for (-1 none, -2 not yet) */
	int sure;               /* ... and the text leaves no doubt about it (eq_resolve.c) */
	int fuller;             /* a one-word name: 1 a fuller form comes before it, -1 none, 0 not asked */
	int glist;              /* the long first-name lists not asked yet for its gender */
	const char *id;         /* from the entities column (not NUL-terminated) */
	size_t nid;
};

/* The tokens, classes and flags of a document's paragraphs: blocks
 * handed out in order and reused from the first for the next document,
 * so what is held is what the longest document needed (a paragraph's
 * tokens at their exact count, not at tok_scan's growing capacity). */
struct eq_arena {
	struct eq_block {
		char *p;
		size_t size;
	} *blk;
	size_t nblk, cur, used;
#ifdef __SANITIZE_ADDRESS__
	void **own; /* under ASan each piece is its own allocation, so an
		     * access past a paragraph's tokens is caught */
	size_t nown, capown;
#endif
};

/* The arena's block size: a news document's paragraphs fit in one. */
#define EQ_ARENA_BLOCK ((size_t)1 << 20)
void eq_arena_reset(struct eq_arena *A);
void eq_arena_free(struct eq_arena *A);

struct eqi {
	struct par *p;
	size_t np, capp;
	struct cand *c;
	size_t nc, capc;
	struct ment *m;
	size_t nm, capm;
	struct buf low;         /* a token lowercased */
	struct buf tmp;
	struct h64map names;    /* full names found, per document (see full_name) */
	uint32_t *punct;        /* the last paragraph paired: its punctuation and dotted words */
	size_t npunct, cappunct;
	int has_ents;
	unsigned long long bad_ents;
	struct eq_arena arena;
	struct toks tokbuf;     /* tok_scan's buffers, for every paragraph */
	struct par win;         /* a few words around marks (marks_any_pair) */
	size_t wincap;          /* win's cls, bits, tf */
	unsigned char markbyte[256]; /* first bytes of the marks */
	unsigned char scan[8];       /* ... each once, when there are at most 8 */
	size_t nscan;
	unsigned char leads[8];      /* the first bytes of the marks beyond ASCII */
	size_t nleads;
};

/* eq_text.c */
/* Paragraph P tokenized: its tokens, classes and flags in the document's
 * arena (win: in I->win's own buffers, reused for each window). */
void par_prepare(const struct eq_rules *R, struct eqi *I, struct par *P);
uint64_t tok_cls_lookup(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, uint64_t *bits);
/* The rules' word class of token i (EQ_W_*; *bits its bits), looked up
 * once and kept. */
static inline uint64_t tok_cls(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, uint64_t *bits)
{
	if (i < P->t.n && (P->tf[i] & TF_CLS)) {
		if (bits)
			*bits = P->bits[i];
		return P->cls[i];
	}
	return tok_cls_lookup(R, I, P, i, bits);
}
/* 0 when token i (i < ntok) is surely no cue word (EQ_W_CUE, EQ_W_PHRASE):
 * an ASCII word whose lowercase signature the rules' cue words do not
 * have; 1 when it may be one (or is not ASCII: tok_cls folds it). */
static inline int cue_maybe(const struct eq_rules *R, const struct par *P, size_t i)
{
	const struct token *t = &P->t.v[i];
	if (!(t->flags & TOK_WORD))
		return 0; /* tok_cls gives 0 */
	if (!(t->flags & TOK_ASCII))
		return 1;
	const unsigned char *s = (const unsigned char *)P->s + t->b;
	size_t n = t->e - t->b;
	if (n > 1 && s[n - 1] == '.')
		n--; /* as tok_cls_lookup: U.S. -> u.s */
	if (n > R->cue_maxlen)
		return 0;
	unsigned a = s[0], b = s[n > 1], z = s[n - 1];
	a += a - 'A' < 26u ? 32 : 0;
	b += b - 'A' < 26u ? 32 : 0;
	z += z - 'A' < 26u ? 32 : 0;
	return ws_filter_has(R->cue_sig, ws_sig_of(a, b, z, n));
}
int tok_is(const struct par *P, size_t i, const char *lit);
int tok_is_n(const struct par *P, size_t i, const char *lit, size_t n);
/* tok_is for a string literal: the length is known, compared first */
#define TOK_IS(P, i, lit) tok_is_n((P), (i), (lit), sizeof(lit) - 1)
/* Token i is the punctuation cp. */
static inline int tok_punct(const struct par *P, size_t i, int32_t cp)
{
	return i < P->t.n && (P->t.v[i].flags & TOK_PUNCT) && P->t.v[i].cp == cp;
}
size_t phrase_at(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, size_t end);
/* Sentence starts (TF_SB) of the paragraph marks_pair saw last. */
void par_sentences(const struct eq_rules *R, struct eqi *I, struct par *P);

/* eq_marks.c: pairs of marks of one paragraph into I->c (depth 0) and
 * TF_* flags of its tokens. */
void marks_pair(const struct eq_rules *R, struct eqi *I, struct par *P, uint32_t pi);
/* Would marks_pair find a pair in the paragraph s[0..n)? The same reading
 * of the marks, on the tokens of the words around each of them only. */
int marks_any_pair(const struct eq_rules *R, struct eqi *I, const char *s, size_t n);

/* eq_feat.c */
/* cue_at for a word that passed its first tests */
int cue_at_word(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i);
/* A cue at token i: 0, or its length in tokens (a verb form not after a
 * determiner, or a cue phrase). Inline: most tokens stop at its first
 * tests. */
__attribute__((always_inline)) static inline int cue_at(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	if (i >= P->t.n || !(P->t.v[i].flags & (TOK_WORD | TOK_NUM)) || (P->tf[i] & TF_IN))
		return 0;
	/* capitalized inside a sentence it is a name ("the United States") */
	if ((P->t.v[i].flags & TOK_CAP) && i > 0 && !(P->tf[i] & TF_SB) && !(P->t.v[i - 1].flags & TOK_PUNCT))
		return 0;
	if (!cue_maybe(R, P, i))
		return 0;
	return cue_at_word(R, I, P, i);
}
void cand_features(const struct eq_rules *R, struct eqi *I, size_t ci);
void cand_score(const struct eq_rules *R, struct eqi *I, size_t ci);
/* The token range of a candidate's clause around it: [*l0, o) before,
 * (c, *r1) after. */
void cand_context(struct eqi *I, size_t ci, size_t *l0, size_t *r1);

/* eq_np.c: words and noun phrases */
/* Token i is a word outside quotation marks. */
static inline int word(const struct par *P, size_t i)
{
	return i < P->t.n && (P->t.v[i].flags & TOK_WORD) && !(P->tf[i] & (TF_IN | TF_MARK));
}
int capword_check(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i);
/* A capitalized word that may be part of a name (not He, The at a
 * sentence's start, Monday, a verb). */
static inline int capword(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i)
{
	if (i >= P->t.n || (P->t.v[i].flags & (TOK_CAP | TOK_WORD | TOK_CLITIC)) != (TOK_CAP | TOK_WORD))
		return 0;
	return capword_check(R, I, P, i);
}
int particle(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i);
/* A determiner: 1 (with *definite set) or 0. */
static inline int det(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, int *definite)
{
	if (!word(P, i) || P->t.v[i].e - P->t.v[i].b > 7)
		return 0;
	uint64_t c = tok_cls(R, I, P, i, NULL);
	if (!(c & (EQ_W_DEF | EQ_W_INDEF)))
		return 0;
	*definite = (c & EQ_W_DEF) != 0;
	return 1;
}
int modifier(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i);
int title_period(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i);
int pronoun(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, uint64_t *bits);
enum { HEAD_WORDS = EQ_W_ROLE | EQ_W_ORG | EQ_W_PEOPLE };

struct np {
	int ok, type, definite;
	int resolvable;  /* a definite description of a person: resolved like a pronoun */
	uint32_t a, b;   /* the phrase */
	uint32_t n0, n1; /* its name (or head phrase without the determiner) */
	uint64_t pbits;
};
void np_head(const struct eq_rules *R, struct eqi *I, struct par *P, struct np *np);
struct np np_forward(const struct eq_rules *R, struct eqi *I, struct par *P, size_t i, size_t end);
struct np np_backward(const struct eq_rules *R, struct eqi *I, struct par *P, size_t e, size_t start,
		      int appositive);

/* eq_ment.c: mentions */
void mentions_collect(const struct eq_rules *R, struct eqi *I, uint32_t pi);

/* The gender the long first-name lists give name mention x (0 none). */
int ment_list_gender(const struct eq_rules *R, struct eqi *I, const struct ment *x);

/* eq_names.c: what the document says about a name */
/* Is the capitalized word w written lowercase as a word near paragraph pi? */
int low_somewhere(struct eqi *I, uint32_t pi, const char *w, size_t wn);
void full_name(const struct eq_rules *R, struct eqi *I, uint32_t pi, int want, uint32_t *fp, uint32_t *fb, uint32_t *fe);
/* What the document up to paragraph pi writes before the one-word name w:
 * the genders (EQ_G_MALE | EQ_G_FEMALE bits) of the first names and
 * titles, and SURNAME_SHARED_* when two men (women) may bear it (two
 * first names of the gender or of none known). */
enum { SURNAME_SHARED_MALE = 1 << 8, SURNAME_SHARED_FEMALE = 1 << 9 };
int surname_facts(const struct eq_rules *R, struct eqi *I, uint32_t pi, const char *w, size_t wn);

/* The gender a person noun tells (spokesman, woman): an EQ_G_* bit, 0
 * none, -1 a plural. */
int head_gender(const struct par *P, size_t i);
/* The paragraph opens with a dateline ('WASHINGTON —', 'BERLIN (AP) —'). */
int dateline(const struct par *P);

/* eq_resolve.c: the mention a pronoun (want: EQ_G_* bits) at token tok of
 * paragraph pi stands for, -1 none; *sure: the text leaves no doubt. */
int resolve(const struct eq_rules *R, struct eqi *I, uint32_t pi, size_t tok, uint64_t want, int depth, int *sure);
/* The person a definite description ('the senator': tokens a to its head
 * word at token head) stands for, -1 none; *sure as for resolve. */
int resolve_desc(const struct eq_rules *R, struct eqi *I, uint32_t pi, size_t a, size_t head, int *sure);
/* What mention mi stands for: itself for a name, its antecedent for a
 * pronoun or description (resolved once, on demand); *sure as above. */
int referent(const struct eq_rules *R, struct eqi *I, size_t mi, int depth, int *sure);

/* eq_speaker.c */
void speakers_find(const struct eq_rules *R, struct eqi *I, struct eq_doc *D);
/* eq_doc.c: could the paragraph s[0..n) hold a quotation? 0 no, 1 only
 * single marks that may open one, 2 a double one; fast: in one AVX2 pass
 * where the CPU has it (the same answer as the memchr passes, fast 0) */
int eq_may_quote(const struct eq_rules *R, const struct eqi *I, const char *s, size_t n, int fast);
/* eq_doc.c: make paragraph pi ready (tokens, marks, sentences) */
void par_ready(const struct eq_rules *R, struct eqi *I, uint32_t pi);

#endif
