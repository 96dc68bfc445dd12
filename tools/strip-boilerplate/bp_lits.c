/* bp_lits.c - the required literals of a pattern (bp_lits.h). A small
 * reader of PCRE2 syntax: a branch's literal runs and groups each give a
 * set of strings every match of the branch holds (the best one is kept),
 * the branches of an alternation give the union of theirs. Anything it
 * does not know (\Q, (*VERB), extended mode, a '{' that is no quantifier)
 * gives up, and so does a branch with no literal (it may match anywhere). */
#include "bp_lits.h"
#include "bp_scan.h"
#include "msg.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LITS 64
#define MAX_RUN 64

struct set {
	char **s;
	size_t *len;
	size_t n;
	int ok; /* 0: no set known */
};

struct parser {
	const char *p, *end;
	int fatal;
	int level;         /* alternations entered (1: the pattern's own) */
	struct set second; /* the second best set of the pattern's sequence */
};

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* A code point beyond ASCII that no case folding touches: Latin-1
 * punctuation and symbols (not µ), general punctuation, currency signs. */
static int caseless_char(int32_t cp)
{
	return (cp >= 0xA0 && cp <= 0xBF && cp != 0xB5 && cp != 0xAA && cp != 0xBA) || (cp >= 0x2000 && cp <= 0x206F) ||
	       (cp >= 0x20A0 && cp <= 0x20CF);
}

static void set_free(struct set *S)
{
	for (size_t i = 0; i < S->n; i++)
		free(S->s[i]);
	free(S->s);
	free(S->len);
	memset(S, 0, sizeof *S);
}

static void set_add(struct set *S, const char *s, size_t n)
{
	S->s = xrealloc(S->s, (S->n + 1) * sizeof *S->s);
	S->len = xrealloc(S->len, (S->n + 1) * sizeof *S->len);
	S->s[S->n] = xstrndup(s, n);
	S->len[S->n++] = n;
}

static size_t set_minlen(const struct set *S)
{
	size_t m = (size_t)-1;
	for (size_t i = 0; i < S->n; i++)
		if (S->len[i] < m)
			m = S->len[i];
	return m;
}

/* Is X better than Y (longer shortest literal, then fewer)? */
static int better(const struct set *X, const struct set *Y)
{
	if (!X->ok || !X->n)
		return 0;
	if (!Y->ok)
		return 1;
	size_t my = set_minlen(Y), mx = set_minlen(X);
	return mx > my || (mx == my && X->n < Y->n);
}

/* Keep the best two of *best, *second and X: sets of different items of
 * one sequence, every match holds a literal of each. */
static void consider2(struct set *best, struct set *second, struct set *X)
{
	if (better(X, best)) {
		set_free(second);
		*second = *best;
		*best = *X;
	} else if (better(X, second)) {
		set_free(second);
		*second = *X;
	} else {
		set_free(X);
	}
	memset(X, 0, sizeof *X);
}

/* Keep the better of *best and X (longer shortest literal, then fewer). */
static void consider(struct set *best, struct set *X)
{
	if (!X->ok || !X->n) {
		set_free(X);
		return;
	}
	if (best->ok) {
		size_t mb = set_minlen(best), mx = set_minlen(X);
		if (mx < mb || (mx == mb && X->n >= best->n)) {
			set_free(X);
			return;
		}
		set_free(best);
	}
	*best = *X;
	memset(X, 0, sizeof *X);
}

/* A quantifier at P->p, if any: returns its least count (1: none). */
static unsigned long quantifier(struct parser *P)
{
	if (P->p >= P->end)
		return 1;
	unsigned long min;
	char c = *P->p;
	if (c == '?' || c == '*') {
		min = 0;
		P->p++;
	} else if (c == '+') {
		min = 1;
		P->p++;
	} else if (c == '{') {
		const char *q = P->p + 1;
		if (q >= P->end || *q < '0' || *q > '9') {
			P->fatal = 1; /* a literal '{' or {,n}: not worth knowing */
			return 1;
		}
		min = 0;
		while (q < P->end && *q >= '0' && *q <= '9')
			min = min * 10 + (unsigned long)(*q++ - '0');
		if (q < P->end && *q == ',')
			for (q++; q < P->end && *q >= '0' && *q <= '9'; q++)
				;
		if (q >= P->end || *q != '}') {
			P->fatal = 1;
			return 1;
		}
		P->p = q + 1;
	} else {
		return 1;
	}
	if (P->p < P->end && (*P->p == '?' || *P->p == '+'))
		P->p++; /* lazy or possessive */
	return min;
}

static void skip_class(struct parser *P)
{
	P->p++; /* '[' */
	if (P->p < P->end && *P->p == '^')
		P->p++;
	if (P->p < P->end && *P->p == ']')
		P->p++;
	while (P->p < P->end) {
		char c = *P->p;
		if (c == '\\') {
			P->p += 2;
		} else if (c == '[' && P->p + 1 < P->end && P->p[1] == ':') {
			const char *q = P->p + 2;
			while (q + 1 < P->end && !(q[0] == ':' && q[1] == ']'))
				q++;
			P->p = q + 2;
		} else if (c == ']') {
			P->p++;
			return;
		} else {
			P->p++;
		}
	}
	P->fatal = 1;
}

/* Skip a group whose content is not looked at (P->p at '('). */
static void skip_group(struct parser *P)
{
	int depth = 0;
	while (P->p < P->end) {
		char c = *P->p;
		if (c == '\\')
			P->p += 2;
		else if (c == '[')
			skip_class(P);
		else if (c == '(')
			depth++, P->p++;
		else if (c == ')') {
			P->p++;
			if (--depth == 0)
				return;
		} else
			P->p++;
	}
	P->fatal = 1;
}

/* An escape that is not a literal character (P->p after the backslash). */
static void skip_escape(struct parser *P)
{
	char e = *P->p++;
	if (e == 'Q' || e == 'E' || e == 'g' || e == 'k' || e == 'c') {
		P->fatal = 1;
		return;
	}
	if (e == 'p' || e == 'P' || e == 'x' || e == 'o' || e == 'N') {
		if (P->p < P->end && *P->p == '{') {
			while (P->p < P->end && *P->p != '}')
				P->p++;
			if (P->p >= P->end) {
				P->fatal = 1;
				return;
			}
			P->p++;
		} else if (e == 'p' || e == 'P') {
			P->p++;
		} else if (e == 'x') {
			for (int k = 0; k < 2 && P->p < P->end &&
					((*P->p >= '0' && *P->p <= '9') || ((*P->p | 0x20) >= 'a' && (*P->p | 0x20) <= 'f'));
			     k++)
				P->p++;
		} else if (e == 'o') {
			P->fatal = 1;
		}
		return;
	}
	if (e >= '0' && e <= '9')
		while (P->p < P->end && *P->p >= '0' && *P->p <= '9')
			P->p++;
}

static struct set parse_alt(struct parser *P);

/* (the pattern's own sequence keeps its second best set too) */
static void keep(struct parser *P, struct set *best, struct set *X)
{
	if (P->level == 1)
		consider2(best, &P->second, X);
	else
		consider(best, X);
}

static void flush(struct parser *P, struct set *best, char *run, size_t *rn)
{
	if (!*rn)
		return;
	struct set X = {0};
	X.ok = 1;
	set_add(&X, run, *rn);
	*rn = 0;
	keep(P, best, &X);
}

/* One branch, up to '|' or ')' or the end. */
static struct set parse_seq(struct parser *P)
{
	struct set best = {0};
	char run[MAX_RUN];
	size_t rn = 0;
	while (P->p < P->end && !P->fatal && *P->p != '|' && *P->p != ')') {
		unsigned char c = (unsigned char)*P->p;
		if (c == '\\') {
			P->p++;
			if (P->p >= P->end) {
				P->fatal = 1;
				break;
			}
			unsigned char e = (unsigned char)*P->p;
			if (e >= 0x80) {
				P->fatal = 1;
				break;
			}
			if ((e >= '0' && e <= '9') || ((e | 0x20) >= 'a' && (e | 0x20) <= 'z')) {
				skip_escape(P);
				flush(P, &best, run, &rn);
				quantifier(P);
				continue;
			}
			c = e; /* an escaped punctuation character stands for itself */
		} else if (c == '[') {
			skip_class(P);
			flush(P, &best, run, &rn);
			quantifier(P);
			continue;
		} else if (c == '(') {
			flush(P, &best, run, &rn);
			const char *q = P->p + 1;
			if (q < P->end && *q == '*') {
				P->fatal = 1;
				break;
			}
			int descend = 1;
			if (q < P->end && *q == '?') {
				q++;
				const char *o = q;
				while (o < P->end && (((*o | 0x20) >= 'a' && (*o | 0x20) <= 'z') || *o == '-' || *o == '^'))
					o++;
				if (o < P->end && (*o == ':' || *o == ')')) {
					for (const char *k = q; k < o; k++)
						if (*k == 'x')
							P->fatal = 1; /* extended: spaces mean nothing */
					if (*o == ')') { /* options for the rest: zero width */
						P->p = o + 1;
						continue;
					}
					q = o + 1;
				} else if (q < P->end && *q == '#') {
					P->fatal = 1;
					break;
				} else {
					descend = 0; /* assertions, atomic, named, ... */
				}
			}
			if (!descend) {
				skip_group(P);
				quantifier(P);
				continue;
			}
			P->p = q;
			struct set g = parse_alt(P);
			if (P->p >= P->end || *P->p != ')')
				P->fatal = 1;
			else
				P->p++;
			if (quantifier(P) >= 1)
				keep(P, &best, &g);
			else
				set_free(&g);
			continue;
		} else if (c == '.' || c == '^' || c == '$') {
			P->p++;
			flush(P, &best, run, &rn);
			quantifier(P);
			continue;
		} else if (c == '?' || c == '*' || c == '+' || c == '{') {
			P->fatal = 1;
			break;
		} else if (c >= 0x80) {
			/* not ASCII: a character without case (punctuation and
			 * symbols such as © ’ … «) is itself in every match; the
			 * case folding of others is not this file's business */
			const char *ch = P->p;
			size_t clen;
			int32_t cp = u8_decode(ch, (size_t)(P->end - ch), &clen);
			P->p++;
			while (P->p < P->end && ((unsigned char)*P->p & 0xC0) == 0x80)
				P->p++;
			if (cp < 0 || P->p != ch + clen || !caseless_char(cp)) {
				flush(P, &best, run, &rn);
				quantifier(P);
				continue;
			}
			const char *qs = P->p;
			unsigned long min = quantifier(P);
			if (rn + clen > MAX_RUN)
				flush(P, &best, run, &rn);
			if (P->p == qs || min >= 1)
				memcpy(run + rn, ch, clen), rn += clen;
			if (P->p != qs)
				flush(P, &best, run, &rn);
			continue;
		}
		/* the literal character c */
		P->p++;
		const char *qs = P->p;
		unsigned long min = quantifier(P);
		if (P->p != qs) {
			if (min >= 1 && rn < MAX_RUN)
				run[rn++] = (char)lower(c);
			flush(P, &best, run, &rn);
			continue;
		}
		if (rn == MAX_RUN)
			flush(P, &best, run, &rn);
		run[rn++] = (char)lower(c);
	}
	flush(P, &best, run, &rn);
	return best;
}

static struct set parse_alt(struct parser *P)
{
	struct set acc = {0};
	acc.ok = 1;
	P->level++;
	for (int nb = 0;; nb++) {
		if (nb && P->level == 1)
			set_free(&P->second); /* (a union of branches has none) */
		struct set b = parse_seq(P);
		if (!b.ok || !b.n)
			acc.ok = 0;
		for (size_t i = 0; acc.ok && i < b.n; i++)
			set_add(&acc, b.s[i], b.len[i]);
		set_free(&b);
		if (acc.n > MAX_LITS)
			acc.ok = 0;
		if (!acc.ok)
			set_free(&acc); /* stays unknown; go on reading */
		if (P->p < P->end && *P->p == '|' && !P->fatal) {
			P->p++;
			if (P->level == 1)
				set_free(&P->second);
			continue;
		}
		break;
	}
	P->level--;
	return acc;
}

static unsigned pair_hash(unsigned char a, unsigned char b)
{
	return ((unsigned)(lower(a) & 63) << 6) | (lower(b) & 63);
}

/* The nibble buckets (bp_lits.h) of L's literals, both cases of a letter,
 * and the two characters of bp_lits_search that fold to ASCII. */
static void nib_add(struct bp_lits *L, int pos, unsigned char c, unsigned bit)
{
	L->nib[2 * pos][c & 15] |= (uint8_t)bit;
	L->nib[2 * pos + 1][c >> 4] |= (uint8_t)bit;
	if (c >= 'a' && c <= 'z')
		nib_add(L, pos, (unsigned char)(c - 32), bit);
}

static void nib_build(struct bp_lits *L)
{
	memset(L->nib, 0, sizeof L->nib);
	for (size_t k = 0; k < L->n; k++) {
		unsigned bit = 1u << (k & 7);
		nib_add(L, 0, (unsigned char)L->s[k][0], bit);
		nib_add(L, 1, (unsigned char)L->s[k][1], bit);
	}
	nib_add(L, 0, 0xC5, 1), nib_add(L, 1, 0xBF, 1);
	nib_add(L, 0, 0xE2, 1), nib_add(L, 1, 0x84, 1);
}

/* L's grp from its sph. */
static void grp_build(struct bp_lits *L)
{
	size_t q = 0;
	for (unsigned c = 0; c < 64; c++) {
		L->grp[c] = (uint32_t)q;
		while (q < L->n && L->sph[q] >> 6 == c)
			q++;
	}
	L->grp[64] = (uint32_t)q;
}

/* L's ord, sph and grp (bp_lits.h), in the order of the literals where
 * their ph is equal (an insertion sort: a set has some dozens). */
static void order_build(struct bp_lits *L)
{
	free(L->ord);
	free(L->sph);
	L->ord = xcalloc(L->n ? L->n : 1, sizeof *L->ord);
	L->sph = xcalloc(L->n ? L->n : 1, sizeof *L->sph);
	for (size_t k = 0; k < L->n; k++) {
		size_t q = k;
		for (; q > 0 && L->sph[q - 1] > L->ph[k]; q--)
			L->ord[q] = L->ord[q - 1], L->sph[q] = L->sph[q - 1];
		L->ord[q] = (uint32_t)k, L->sph[q] = L->ph[k];
	}
	grp_build(L);
}

/* The order of L (its first n0 literals, in order) and of F (the next
 * ones) merged into L's. */
static void order_merge(struct bp_lits *L, size_t n0, const struct bp_lits *F)
{
	uint32_t *ord = xcalloc(L->n ? L->n : 1, sizeof *ord);
	uint16_t *sph = xcalloc(L->n ? L->n : 1, sizeof *sph);
	size_t a = 0, b = 0, q = 0;
	while (a < n0 || b < F->n) {
		if (b == F->n || (a < n0 && L->sph[a] <= F->sph[b]))
			ord[q] = L->ord[a], sph[q++] = L->sph[a++];
		else
			ord[q] = (uint32_t)n0 + F->ord[b], sph[q++] = F->sph[b++];
	}
	free(L->ord);
	free(L->sph);
	L->ord = ord, L->sph = sph;
	grp_build(L);
}

static void fill(struct bp_lits *L, struct set *S);

int bp_lits_from_pattern(struct bp_lits *L, const char *pat, size_t n, size_t min_len)
{
	return bp_lits_from_pattern2(L, NULL, pat, n, min_len);
}

int bp_lits_from_pattern2(struct bp_lits *L, struct bp_lits *L2, const char *pat, size_t n, size_t min_len)
{
	memset(L, 0, sizeof *L);
	if (L2)
		memset(L2, 0, sizeof *L2);
	struct parser P = {pat, pat + n, 0, 0, {0}};
	struct set S = parse_alt(&P);
	if (P.fatal || P.p != P.end || !S.ok || !S.n || set_minlen(&S) < min_len || min_len < 2) {
		set_free(&S);
		set_free(&P.second);
		return 0;
	}
	fill(L, &S);
	if (L2 && P.second.ok && P.second.n && set_minlen(&P.second) >= min_len)
		fill(L2, &P.second);
	else
		set_free(&P.second);
	return 1;
}

/* L from the set S (taken). */
static void fill(struct bp_lits *L, struct set *S)
{
	L->s = S->s;
	L->len = S->len;
	L->n = S->n;
	L->ph = xcalloc(L->n, sizeof *L->ph);
	for (size_t i = 0; i < L->n; i++) {
		unsigned h = pair_hash((unsigned char)L->s[i][0], (unsigned char)L->s[i][1]);
		L->pair[h >> 6] |= 1ULL << (h & 63);
		L->ph[i] = (uint16_t)h;
	}
	/* U+017F and U+212A fold to ASCII s and k: a row holding them is
	 * let through (see bp_lits_search) */
	unsigned h = pair_hash(0xC5, 0xBF);
	L->pair[h >> 6] |= 1ULL << (h & 63);
	h = pair_hash(0xE2, 0x84);
	L->pair[h >> 6] |= 1ULL << (h & 63);
	nib_build(L);
	order_build(L);
}

size_t bp_lits_branches(const char *pat, size_t n, size_t *start, size_t *len, size_t max)
{
	struct parser P = {pat, pat + n, 0, 0, {0}};
	size_t nb = 0, b0 = 0;
	int depth = 0;
	while (P.p < P.end && !P.fatal) {
		char c = *P.p;
		if (c == '\\') {
			if (P.p + 1 >= P.end)
				return 0;
			char e = P.p[1];
			/* back references, \Q quoting, \K: not readable alone */
			if ((e >= '0' && e <= '9') || e == 'g' || e == 'k' || e == 'Q' || e == 'E' || e == 'K')
				return 0;
			P.p += 2;
		} else if (c == '[') {
			skip_class(&P);
		} else if (c == '(') {
			const char *q = P.p + 1;
			if (q < P.end && *q == '*')
				return 0; /* (*VERB) */
			if (q < P.end && *q == '?') {
				q++;
				const char *o = q;
				while (o < P.end && (((*o | 0x20) >= 'a' && (*o | 0x20) <= 'z') || *o == '-' || *o == '^'))
					o++;
				if (o >= P.end)
					return 0;
				if (o > q && *o == ':')
					; /* options of the group only */
				else if (o == q && (*q == ':' || *q == '=' || *q == '!' || *q == '>'))
					;
				else if (o == q && *q == '<' && q + 1 < P.end && (q[1] == '=' || q[1] == '!'))
					;
				else
					return 0; /* options for the rest, names, recursion, conditions, (?| */
			}
			depth++;
			P.p++;
		} else if (c == ')') {
			if (--depth < 0)
				return 0;
			P.p++;
		} else if (c == '|' && depth == 0) {
			if (nb == max)
				return 0;
			start[nb] = b0, len[nb++] = (size_t)(P.p - pat) - b0;
			b0 = (size_t)(P.p - pat) + 1;
			P.p++;
		} else {
			P.p++;
		}
	}
	if (P.fatal || depth || nb == max)
		return 0;
	start[nb] = b0, len[nb++] = n - b0;
	return nb;
}

void bp_lits_append(struct bp_lits *L, struct bp_lits *from)
{
	L->s = xrealloc(L->s, (L->n + from->n) * sizeof *L->s);
	L->len = xrealloc(L->len, (L->n + from->n) * sizeof *L->len);
	L->ph = xrealloc(L->ph, (L->n + from->n) * sizeof *L->ph);
	size_t n0 = L->n;
	for (size_t i = 0; i < from->n; i++)
		L->s[L->n] = from->s[i], L->len[L->n] = from->len[i], L->ph[L->n++] = from->ph[i];
	for (int k = 0; k < 64; k++)
		L->pair[k] |= from->pair[k];
	nib_build(L);
	order_merge(L, n0, from);
	free(from->s);
	free(from->len);
	free(from->ph);
	free(from->ord);
	free(from->sph);
	memset(from, 0, sizeof *from);
}

int bp_lits_search(const struct bp_lits *L, const char *s, size_t n)
{
	return bp_lits_search_mask(L, s, n, NULL, 0);
}

/* pair_hash of two bytes from the low six bits of the lowercase form of
 * each (without a branch) */
#define LOW6(c) (((unsigned)(c) + ((unsigned)((c) - 'A') < 26 ? 32u : 0u)) & 63)

/* What the scan below does at u[i] (h: the pair hash of u[i], u[i + 1]):
 * 1 when it is done, the answer in *ret. */
static inline int lits_at(const struct bp_lits *L, const unsigned char *u, size_t n, size_t i, unsigned h,
			  const uint64_t *owner, uint64_t want, int first, uint64_t *found, uint64_t *ret)
{
	if (!(L->pair[h >> 6] >> (h & 63) & 1))
		return 0;
	if ((u[i] == 0xC5 && u[i + 1] == 0xBF) || (u[i] == 0xE2 && u[i + 1] == 0x84)) {
		*ret = first ? 1 : want;
		return 1;
	}
	for (size_t q = L->grp[h >> 6], qe = L->grp[(h >> 6) + 1]; q < qe; q++) {
		size_t k = L->ord[q], m = L->len[k];
		if (L->sph[q] != h || m > n - i)
			continue;
		uint64_t o = owner ? owner[k] & want : ~0ULL;
		if (!(o & ~*found))
			continue;
		const char *t = L->s[k];
		size_t j = 0;
		while (j < m && lower(u[i + j]) == (unsigned char)t[j])
			j++;
		if (j < m)
			continue;
		if (first) {
			*ret = 1;
			return 1;
		}
		if ((*found |= o) == want) {
			*ret = want;
			return 1;
		}
	}
	return 0;
}

/* The scan of bp_lits_search_mask (first: stop at the first literal of
 * an owner in want, return 1) and bp_lits_owners (the owners in want
 * whose literal occurs); owner NULL: every literal counts. From u[i0]
 * (the bytes before it hold no literal's start). */
static inline uint64_t lits_scan_from(const struct bp_lits *L, const unsigned char *u, size_t n, size_t i0,
				      const uint64_t *owner, uint64_t want, int first, uint64_t found)
{
	uint64_t ret;
	unsigned prev = i0 < n ? LOW6(u[i0]) : 0;
	for (size_t i = i0; i + 1 < n; i++) {
		unsigned cur = LOW6(u[i + 1]), h = prev << 6 | cur;
		prev = cur;
		if (lits_at(L, u, n, i, h, owner, want, first, &found, &ret))
			return ret;
	}
	return found;
}

#ifdef BP_SCAN_AVX2
/* The same, 32 positions at a time where the machine has AVX2 (n >= 33):
 * the positions whose two bytes may start a literal of some bucket (nib)
 * are looked at as above, in order. */
__attribute__((target("avx2"))) static uint64_t lits_scan_avx2(const struct bp_lits *L, const unsigned char *u,
							       size_t n, const uint64_t *owner, uint64_t want,
							       int first)
{
	const __m256i lo0 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)L->nib[0]));
	const __m256i hi0 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)L->nib[1]));
	const __m256i lo1 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)L->nib[2]));
	const __m256i hi1 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)L->nib[3]));
	const __m256i m15 = _mm256_set1_epi8(15), zero = _mm256_setzero_si256();
	uint64_t found = 0, ret;
	/* reads u[i .. i + 32], all before n (n >= 33); the last window
	 * ends at the end, its positions looked at before left out */
	for (size_t i = 0; i + 1 < n;) {
		size_t j = i + 33 <= n ? i : n - 33;
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(u + j));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(u + j + 1));
		__m256i ca = _mm256_and_si256(_mm256_shuffle_epi8(lo0, _mm256_and_si256(a, m15)),
					      _mm256_shuffle_epi8(hi0, _mm256_and_si256(_mm256_srli_epi16(a, 4), m15)));
		__m256i cb = _mm256_and_si256(_mm256_shuffle_epi8(lo1, _mm256_and_si256(b, m15)),
					      _mm256_shuffle_epi8(hi1, _mm256_and_si256(_mm256_srli_epi16(b, 4), m15)));
		unsigned cand = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(ca, cb), zero));
		cand &= ~0u << (i - j); /* (i - j < 32: i <= n - 2) */
		for (; cand; cand &= cand - 1) {
			size_t at = j + (unsigned)__builtin_ctz(cand);
			unsigned h = LOW6(u[at]) << 6 | LOW6(u[at + 1]);
			if (lits_at(L, u, n, at, h, owner, want, first, &found, &ret))
				return ret;
		}
		i = j + 32;
	}
	return found;
}
#endif

static inline uint64_t lits_scan(const struct bp_lits *L, const char *s, size_t n, const uint64_t *owner,
				 uint64_t want, int first)
{
	const unsigned char *u = (const unsigned char *)s;
#ifdef BP_SCAN_AVX2
	if (n >= 33 && bp_have_avx2())
		return lits_scan_avx2(L, u, n, owner, want, first);
#endif
	return lits_scan_from(L, u, n, 0, owner, want, first, 0);
}

int bp_lits_search_mask(const struct bp_lits *L, const char *s, size_t n, const uint64_t *owner, uint64_t want)
{
	if (!L->n)
		return 1;
	return lits_scan(L, s, n, owner, want, 1) != 0;
}

uint64_t bp_lits_owners(const struct bp_lits *L, const char *s, size_t n, const uint64_t *owner, uint64_t want)
{
	return lits_scan(L, s, n, owner, want, 0);
}

void bp_lits_free(struct bp_lits *L)
{
	for (size_t i = 0; i < L->n; i++)
		free(L->s[i]);
	free(L->s);
	free(L->len);
	free(L->ph);
	free(L->ord);
	free(L->sph);
	memset(L, 0, sizeof *L);
}
