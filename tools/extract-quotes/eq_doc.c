/* eq_doc.c - one document through the engine: the paragraphs that hold a
 * quotation mark are tokenized and their marks paired; a quotation left
 * open at the end of a paragraph runs on into the next paragraph when that
 * one opens with a mark (one quotation, its end counted one character per
 * paragraph break); each pair is scored (eq_feat.c) and, when it is a
 * quotation, given its speaker (eq_speaker.c). Paragraphs without marks
 * are read only when a pronoun looks back into them. */
#include "eq_int.h"
#include "msg.h"
#include "slug.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

void eq_doc_init(struct eq_doc *D, const struct eq_rules *R)
{
	memset(D, 0, sizeof *D);
	D->R = R;
	struct eqi *I = xcalloc(1, sizeof *I);
	for (size_t i = 0; i < R->nmarks; i++) {
		char b[4];
		u8_encode(R->marks[i].cp, b);
		unsigned char lead = (unsigned char)b[0];
		if (lead >= 0x80 && !I->markbyte[lead] && I->nleads < sizeof I->leads)
			I->leads[I->nleads++] = lead;
		I->markbyte[lead] = 1;
	}
	size_t nb = 0;
	for (int b = 0; b < 256; b++)
		if (I->markbyte[b]) {
			if (nb < sizeof I->scan)
				I->scan[nb] = (unsigned char)b;
			nb++;
		}
	I->nscan = nb <= sizeof I->scan ? nb : 0; /* 0: byte by byte */
	D->in = I;
}

void eq_doc_free(struct eq_doc *D)
{
	struct eqi *I = D->in;
	if (I) {
		eq_arena_free(&I->arena);
		toks_free(&I->tokbuf);
		free(I->win.cls);
		free(I->win.bits);
		free(I->win.tf);
		free(I->p);
		free(I->c);
		free(I->m);
		buf_free(&I->low);
		buf_free(&I->tmp);
		free(I->punct);
		h64map_free(&I->names);
		free(I);
	}
	free(D->q);
	buf_free(&D->str);
	memset(D, 0, sizeof *D);
}

static void ready(const struct eq_rules *R, struct eqi *I, uint32_t pi, int keep)
{
	struct par *P = &I->p[pi];
	if (P->ready)
		return;
	par_prepare(R, I, P);
	marks_pair(R, I, P, pi);
	if (!keep) {
		/* read for what comes before a quotation: its marks only tell
		 * what is quoted (no speaker in there), it gives no candidates */
		I->nc = P->c0;
		P->nc = 0;
	}
	par_sentences(R, I, P);
}

void par_ready(const struct eq_rules *R, struct eqi *I, uint32_t pi)
{
	ready(R, I, pi, 0);
}

/* Could the paragraph hold a quotation? A double mark anywhere, or a
 * single one (an apostrophe most of the time) where it could open one:
 * at the start or after white space. */
static int ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A single mark at p[i..i+len) that could open a quotation: at the start
 * or after white space (a no-break space, a dash, another mark, an
 * opening bracket), before something that is neither white space nor a
 * digit ('90s). */
static int single_may_open(const unsigned char *p, size_t n, size_t i, size_t len)
{
	if (i + len >= n || ws(p[i + len]) || (p[i + len] >= '0' && p[i + len] <= '9'))
		return 0;
	return i == 0 || ws(p[i - 1]) || p[i - 1] == '(' || p[i - 1] == '"' ||
	       (i >= 2 && p[i - 2] == 0xC2 && p[i - 1] == 0xA0) || (i >= 3 && p[i - 3] == 0xE2 && p[i - 2] == 0x80);
}

/* A double mark that is not a closing one after a word: what follows a
 * word and stands before white space, ASCII punctuation or the end closes
 * a quotation, and with none open it is a stray mark. */
static int double_may_count(const unsigned char *p, size_t n, size_t i, size_t len)
{
	if (i == 0 || ws(p[i - 1]) || p[i - 1] >= 0x80)
		return 1;
	if (i + len >= n)
		return 0;
	unsigned char c = p[i + len];
	return !(ws(c) || (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))));
}

/* Could the paragraph hold a quotation? A double mark that may open one
 * (a closing mark with nothing open before it is a stray): MAY_DOUBLE; or
 * only a single one where it could open one: MAY_SINGLE (most single
 * marks are apostrophes, and most such paragraphs hold no pair: the
 * caller asks marks_any_pair before it reads the whole paragraph). Found
 * with memchr (a few SIMD passes) rather than byte by byte. */
enum { MAY_NONE, MAY_SINGLE, MAY_DOUBLE };

/* What may_quote does at the byte s[at] (a '"', a '\'' or a lead byte of
 * the marks beyond ASCII): MAY_DOUBLE, or else *single set when a single
 * mark may open there. */
static int may_at(const struct eq_rules *R, const char *s, size_t n, size_t at, int *single)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[at] == '"')
		return double_may_count(p, n, at, 1) ? MAY_DOUBLE : MAY_NONE;
	if (p[at] == '\'') {
		if (!*single)
			*single = single_may_open(p, n, at, 1);
		return MAY_NONE;
	}
	size_t len;
	const struct eq_mark *k = eq_mark_of(R, u8_decode(s + at, n - at, &len));
	if (!k)
		return MAY_NONE;
	if (k->fam == 0 && (k->open || double_may_count(p, n, at, len)))
		return MAY_DOUBLE;
	if (k->fam != 0 && !*single)
		*single = single_may_open(p, n, at, len);
	return MAY_NONE;
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define MAY_AVX2 1
/* may_quote in one pass where the CPU has AVX2: the bytes of '"', '\''
 * and the marks' lead bytes (up to 3: the rules' have C2, E2, E3) found
 * 32 at a time, each looked at as may_quote's memchr passes do (the
 * answer depends on no order: a double mark that counts anywhere, else a
 * single one that may open). A row without marks costs this one scan. */
__attribute__((target("avx2"))) static int may_quote_avx2(const struct eq_rules *R, const struct eqi *I,
							   const char *s, size_t n)
{
	/* the leads not there repeat '"' (a byte sought twice is found once) */
	const __m256i q2 = _mm256_set1_epi8('"'), q1 = _mm256_set1_epi8('\'');
	const __m256i l0 = _mm256_set1_epi8((char)(I->nleads > 0 ? I->leads[0] : '"'));
	const __m256i l1 = _mm256_set1_epi8((char)(I->nleads > 1 ? I->leads[1] : '"'));
	const __m256i l2 = _mm256_set1_epi8((char)(I->nleads > 2 ? I->leads[2] : '"'));
	int single = 0;
	char tail[32];
	const char *base = s;
	size_t x = 0, end = n;
	if (n < 32) {
		/* a short row padded with NUL bytes (never one sought) */
		memset(tail, 0, sizeof tail);
		memcpy(tail, s, n);
		base = tail;
		end = 32;
	}
	while (x < end) {
		/* the last 32 bytes for the rest (overlapping what was read;
		 * those bits dropped) */
		size_t at = end - x >= 32 ? x : end - 32;
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(base + at));
		__m256i m = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, q2), _mm256_cmpeq_epi8(v, q1)),
					    _mm256_or_si256(_mm256_cmpeq_epi8(v, l0),
							    _mm256_or_si256(_mm256_cmpeq_epi8(v, l1), _mm256_cmpeq_epi8(v, l2))));
		uint32_t bits = (uint32_t)_mm256_movemask_epi8(m);
		if (__builtin_expect(bits != 0, 0)) {
			bits &= ~0u << (x - at);
			for (; bits; bits &= bits - 1)
				if (may_at(R, s, n, at + (size_t)__builtin_ctz(bits), &single) == MAY_DOUBLE)
					return MAY_DOUBLE;
		}
		x = at + 32;
	}
	return single ? MAY_SINGLE : MAY_NONE;
}
#endif

static int may_quote_memchr(const struct eq_rules *R, const struct eqi *I, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (const char *q = s; (q = memchr(q, '"', (size_t)(s + n - q))); q++)
		if (double_may_count(p, n, (size_t)(q - s), 1))
			return MAY_DOUBLE;
	int single = 0;
	/* the other marks, found by their lead bytes (0xC2 for « », 0xE2 for
	 * the curly ones) */
	for (size_t l = 0; l < I->nleads; l++)
		for (const char *q = s; (q = memchr(q, I->leads[l], (size_t)(s + n - q))); q++) {
			size_t len;
			const struct eq_mark *k = eq_mark_of(R, u8_decode(q, (size_t)(s + n - q), &len));
			size_t at = (size_t)(q - s);
			if (!k)
				continue;
			if (k->fam == 0 && (k->open || double_may_count(p, n, at, len)))
				return MAY_DOUBLE;
			if (k->fam != 0 && !single)
				single = single_may_open(p, n, at, len);
		}
	if (single)
		return MAY_SINGLE;
	for (const char *q = s; (q = memchr(q, '\'', (size_t)(s + n - q))); q++)
		if (single_may_open(p, n, (size_t)(q - s), 1))
			return MAY_SINGLE;
	return MAY_NONE;
}

/* 1 when may_quote_avx2 can be used: the CPU has AVX2 and the rules'
 * marks have at most 3 lead bytes (set by eq_doc_init) */
static int use_avx2(const struct eqi *I)
{
#ifdef MAY_AVX2
	static int avx2 = -1;
	if (avx2 < 0) {
		__builtin_cpu_init();
		avx2 = __builtin_cpu_supports("avx2") != 0;
	}
	return avx2 && I->nleads <= 3;
#else
	(void)I;
	return 0;
#endif
}

static inline int may_quote(const struct eq_rules *R, const struct eqi *I, const char *s, size_t n, int avx2)
{
#ifdef MAY_AVX2
	if (avx2)
		return may_quote_avx2(R, I, s, n);
#else
	(void)avx2;
#endif
	return may_quote_memchr(R, I, s, n);
}

int eq_may_quote(const struct eq_rules *R, const struct eqi *I, const char *s, size_t n, int fast)
{
	return may_quote(R, I, s, n, fast && use_avx2(I));
}

static size_t add_str(struct eq_doc *D, const char *s, size_t n)
{
	size_t at = D->str.len;
	buf_add(&D->str, s, n);
	return at;
}

/* The code points of P->s[0..e): from its last token ending by e (no
 * counting from the start of a long paragraph for each quotation). */
static size_t cp_before(const struct par *P, size_t e)
{
	if (!P->ready || !P->t.n)
		return u8_count(P->s, e);
	size_t lo = 0, hi = P->t.n; /* the first token ending after e */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (P->t.v[mid].e <= e)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return u8_count(P->s, e);
	const struct token *t = &P->t.v[lo - 1];
	return t->ce + u8_count(P->s + t->e, e - t->e);
}

static void emit(struct eq_doc *D, struct eqi *I, size_t ci)
{
	const struct cand *q = &I->c[ci];
	size_t last = ci;
	while (I->c[last].next >= 0)
		last = (size_t)I->c[last].next;
	if (D->nq == D->capq) {
		D->capq = D->capq ? 2 * D->capq : 32;
		D->q = xrealloc(D->q, D->capq * sizeof *D->q);
	}
	struct eq_quote *o = &D->q[D->nq++];
	memset(o, 0, sizeof *o);
	o->para = q->par;
	o->epara = I->c[last].par;
	o->b = q->b;
	o->e = I->c[last].e;
	const struct par *P = &I->p[q->par];
	/* the tokens' code point offsets, and the white space add_cand
	 * trimmed (ASCII) */
	o->cb = P->t.v[q->o].ce + (uint32_t)(q->b - P->t.v[q->o].e);
	uint64_t ce = 0;
	for (uint32_t p = q->par; p < o->epara; p++)
		ce += cp_before(&I->p[p], I->p[p].n) + 1;
	ce += cp_before(&I->p[o->epara], o->e);
	o->ce = (uint32_t)ce;
	o->kind = q->kind;
	o->group = q->group;
	o->score = q->score;
	o->f = q->f;
	o->spk_how = q->spk_how;
	o->resolved = q->pron ? q->resolved : 0;
	if (q->sp_par >= 0) {
		const struct par *S = &I->p[q->sp_par];
		if (q->cut_e > q->cut_b && q->cut_b >= q->sp_b && q->cut_e <= q->sp_e) {
			o->speaker = add_str(D, S->s + q->sp_b, q->cut_b - q->sp_b);
			add_str(D, S->s + q->cut_e, q->sp_e - q->cut_e);
			o->nspeaker = q->sp_e - q->sp_b - (q->cut_e - q->cut_b);
		} else {
			o->speaker = add_str(D, S->s + q->sp_b, q->sp_e - q->sp_b);
			o->nspeaker = q->sp_e - q->sp_b;
		}
	}
	if (q->id_ent) {
		o->id = add_str(D, q->id_ent, q->nid_ent);
		o->nid = q->nid_ent;
	} else if (q->id_par >= 0) {
		const struct par *S = &I->p[q->id_par];
		o->id = D->str.len;
		o->nid = slug(S->s + q->id_b, q->id_e - q->id_b, &D->str);
	}
	if (q->cue_par >= 0) {
		const struct par *C = &I->p[q->cue_par];
		size_t b = C->t.v[q->cue_t].b, e = C->t.v[q->cue_t + q->cue_n - 1].e;
		o->cue = add_str(D, C->s + b, e - b);
		o->ncue = e - b;
	}
	if (q->kind == EQ_DIRECT) {
		D->st.direct++;
		if (q->sp_par >= 0)
			D->st.attributed++;
		else
			D->st.unattributed++;
	} else if (q->kind == EQ_PARTIAL)
		D->st.partial++;
	if (q->id_ent)
		D->st.entity_speakers++;
}

void eq_doc_run(struct eq_doc *D, const struct eq_para_in *in, size_t np)
{
	const struct eq_rules *R = D->R;
	struct eqi *I = D->in;
	D->nq = 0;
	buf_reset(&D->str);
	if (np > I->capp) {
		size_t cap = np + np / 2 + 8;
		I->p = xrealloc(I->p, cap * sizeof *I->p);
		memset(I->p + I->capp, 0, (cap - I->capp) * sizeof *I->p);
		I->capp = cap;
	}
	I->np = np;
	I->nc = I->nm = 0;
	if (I->names.n)
		h64map_free(&I->names);
	I->has_ents = 0;
	eq_arena_reset(&I->arena);
	int any = 0;
	for (size_t i = 0; i < np; i++) {
		struct par *P = &I->p[i];
		P->s = in[i].s;
		P->n = in[i].n;
		P->ents = in[i].ents;
		P->nents = in[i].nents;
		if (P->ents)
			I->has_ents = 1;
		P->ready = P->mentions = 0;
		P->nc = P->nm = 0;
		P->c0 = P->m0 = 0;
		P->t.v = NULL; /* the arena's, from the document before */
		P->cls = P->bits = NULL;
		P->tf = NULL;
		P->t.n = 0;
	}
	/* the paragraphs with marks, in order, so the candidates are in order */
	int avx2 = use_avx2(I);
	for (size_t i = 0; i < np; i++) {
		int may = may_quote(R, I, in[i].s, in[i].n, avx2);
		if (may == MAY_DOUBLE || (may == MAY_SINGLE && marks_any_pair(R, I, in[i].s, in[i].n))) {
			ready(R, I, (uint32_t)i, 1);
			any |= I->p[i].nc > 0;
		}
	}
	if (!any)
		return;
	/* a quotation open at the end of a paragraph runs on into the next
	 * one when that opens with a mark */
	for (size_t ci = 0; ci < I->nc; ci++) {
		struct cand *q = &I->c[ci];
		if (!q->unclosed || q->fam != 0 || q->par + 1 >= np)
			continue;
		struct par *N = &I->p[q->par + 1], *P = &I->p[q->par];
		/* not a few words quoted mid-sentence whose closing mark was forgotten */
		if (q->o > 0 && (P->t.v[q->o - 1].flags & (TOK_WORD | TOK_NUM)))
			continue;
		if (q->o + 1 < P->t.n && (P->t.v[q->o + 1].flags & TOK_LOWER))
			continue;
		if (N->nc && I->c[N->c0].o == 0 && I->c[N->c0].fam == 0) {
			q->next = (int)N->c0;
			I->c[N->c0].prev = (int)ci;
		}
	}
	D->st.pairs += I->nc;
	for (size_t ci = 0; ci < I->nc; ci++) {
		cand_features(R, I, ci);
		cand_score(R, I, ci);
	}
	/* a quotation over several paragraphs is as direct as its best part */
	for (size_t ci = 0; ci < I->nc; ci++) {
		struct cand *q = &I->c[ci];
		if (q->prev >= 0 || q->next < 0)
			continue;
		int kind = q->kind;
		for (int k = q->next; k >= 0; k = I->c[k].next)
			if (I->c[k].kind == EQ_DIRECT)
				kind = EQ_DIRECT;
		q->kind = kind;
	}
	speakers_find(R, I, D);
	for (size_t ci = 0; ci < I->nc; ci++) {
		const struct cand *q = &I->c[ci];
		if (q->prev >= 0)
			continue;
		if (q->kind == EQ_NONE) {
			D->st.rejected++;
			if (!D->explain)
				continue;
		}
		emit(D, I, ci);
	}
	D->st.bad_entities = I->bad_ents;
}
