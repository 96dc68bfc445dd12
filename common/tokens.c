/* tokens.c - the token scanner (see tokens.h). ASCII goes through a byte
 * table; other code points through unicode.h's classes. */
#include "tokens.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { C_OTHER, C_SPACE, C_NL, C_UPPER, C_LOWER, C_LETTER, C_DIGIT, C_MARK, C_INVIS };

static unsigned char ascii_cls[128];
/* The fast path of ASCII tokens: bits of each byte (F_* below), and the
 * bytes after which a word (a number) surely ends: white space and
 * punctuation that never joins (so not ' - . for words, not , . : / -
 * for numbers). */
enum { F_UP = 1, F_LO = 2, F_DG = 4, F_WEND = 8, F_NEND = 16, F_QUOTE = 32, F_DASH = 64 };
static unsigned char fast[256]; /* 0 for the bytes >= 0x80 */
static int ready;

static void init(void)
{
	for (int c = 0; c < 128; c++) {
		unsigned char k = C_OTHER;
		if (c == ' ' || c == '\t' || c == '\v' || c == '\f')
			k = C_SPACE;
		else if (c == '\n' || c == '\r')
			k = C_NL;
		else if (c >= 'A' && c <= 'Z')
			k = C_UPPER;
		else if (c >= 'a' && c <= 'z')
			k = C_LOWER;
		else if (c >= '0' && c <= '9')
			k = C_DIGIT;
		else if (c < 32 || c == 127)
			k = C_SPACE;
		ascii_cls[c] = k;
	}
	for (int c = 0; c < 128; c++) {
		int k = ascii_cls[c];
		unsigned char f = k == C_UPPER ? F_UP : k == C_LOWER ? F_LO : k == C_DIGIT ? F_DG : 0;
		if (!f) {
			if (c != '\'' && c != '-' && c != '.')
				f |= F_WEND;
			if (c != ',' && c != '.' && c != ':' && c != '/' && c != '-')
				f |= F_NEND;
			if (uni_is_quote(c))
				f |= F_QUOTE;
			if (uni_is_dash(c))
				f |= F_DASH;
		}
		fast[c] = f;
	}
	ready = 1;
}

static int cls_of(int32_t cp)
{
	if (cp >= 0 && cp < 128)
		return ascii_cls[cp];
	if (cp == U8_INVALID)
		return C_OTHER;
	if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
		return C_NL;
	if (uni_is_space(cp))
		return C_SPACE;
	if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD)
		return C_INVIS;
	if (uni_is_upper(cp))
		return C_UPPER;
	if (uni_is_lower(cp))
		return C_LOWER;
	if (uni_is_letter(cp))
		return C_LETTER;
	if (uni_is_digit(cp))
		return C_DIGIT;
	if (uni_is_mark(cp))
		return C_MARK;
	return C_OTHER;
}

static inline int is_alnum(int k) { return k >= C_UPPER && k <= C_MARK; }
static inline int is_alpha(int k) { return k == C_UPPER || k == C_LOWER || k == C_LETTER || k == C_MARK; }

/* A cursor over the text: the code point at i, its length and class. */
struct cur {
	const char *s;
	size_t n;
};

static inline int32_t at(const struct cur *c, size_t i, size_t *len, int *k)
{
	if (i >= c->n) {
		*len = 0;
		*k = C_SPACE;
		return -2;
	}
	unsigned char b = (unsigned char)c->s[i];
	if (b < 0x80) {
		*len = 1;
		*k = ascii_cls[b];
		return b;
	}
	int32_t cp = u8_decode(c->s + i, c->n - i, len);
	*k = cls_of(cp);
	return cp;
}

static struct token *push(struct toks *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	return &t->v[t->n++];
}

/* The bit masks of the text's bytes, a bit a byte (the first the low bit
 * of the first byte), in three arrays of t->mkstride bytes: ASCII letters,
 * capitals, digits; zeros past the text's end, so 8 bytes
 * read at any byte of the text's bits are all there. */
static void masks(const char *s, size_t n, struct toks *t)
{
	size_t stride = (n / 8 + 24) & ~(size_t)7;
	if (3 * stride > t->mkcap * 8) {
		t->mkcap = 3 * stride / 8 + 64;
		t->mk = xrealloc(t->mk, t->mkcap * 8);
	}
	t->mkstride = stride;
	unsigned char *lt = (unsigned char *)t->mk, *up = lt + stride, *dg = up + stride;
	size_t b = 0;
	for (; b < n; b += 16) {
		const char *p = s + b;
		char tail[16];
		if (n - b < 16) {
			memset(tail, 0, sizeof tail);
			memcpy(tail, p, n - b);
			p = tail;
		}
		uint16_t u, l, d;
#if defined(__SSE2__)
		/* x + (128 - lo) < -128 + width, signed, is lo <= x < lo + width */
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		u = (uint16_t)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - 'A'))),
							      _mm_set1_epi8((char)(-128 + 26))));
		l = (uint16_t)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - 'a'))),
							      _mm_set1_epi8((char)(-128 + 26))));
		d = (uint16_t)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - '0'))),
							      _mm_set1_epi8((char)(-128 + 10))));
#else
		u = l = d = 0;
		for (int q = 0; q < 16; q++) {
			unsigned f = fast[(unsigned char)p[q]];
			u |= (uint16_t)((f & F_UP ? 1u : 0u) << q);
			l |= (uint16_t)((f & F_LO ? 1u : 0u) << q);
			d |= (uint16_t)((f & F_DG ? 1u : 0u) << q);
		}
#endif
		uint16_t a = (uint16_t)(u | l);
		memcpy(lt + b / 8, &a, 2);
		memcpy(up + b / 8, &u, 2);
		memcpy(dg + b / 8, &d, 2);
	}
	memset(lt + b / 8, 0, 8);
	memset(up + b / 8, 0, 8);
	memset(dg + b / 8, 0, 8);
}

/* 57 bits (at least) of mask m from byte i on. */
static inline uint64_t window(const unsigned char *m, size_t i)
{
	uint64_t x;
	memcpy(&x, m + (i >> 3), 8);
	return x >> (i & 7);
}

/* The next token of fast_run, whose v, tn and cap are t's copies in
 * locals: grows t when full. */
static inline struct token *fast_slot(struct toks *t, struct token **v, size_t *tn, size_t *cap)
{
	if (*tn == *cap) {
		t->n = *tn;
		push(t);
		t->n--;
		*v = t->v;
		*cap = t->cap;
	}
	return &(*v)[(*tn)++];
}

/* The fast paths' word: the len ASCII bytes s[i..j) (code point cpos on),
 * its first byte b0, and flags besides TOK_ASCII and TOK_WORD. */
static inline void fast_word(struct token *tk, size_t i, size_t j, unsigned len, uint32_t cpos,
			     unsigned b0, uint32_t flags)
{
	tk->b = (uint32_t)i;
	tk->e = (uint32_t)j;
	tk->cb = cpos;
	tk->ce = cpos + len;
	tk->cp = (int32_t)b0;
	tk->flags = flags | TOK_ASCII | TOK_WORD;
}

/* The common tokens from s[i] on, until one that needs the general
 * path (which gives the same tokens, only slower): single spaces, ASCII
 * words and numbers that end before a byte that never joins, ASCII
 * punctuation that is one token by itself. Returns where it stopped. */
static __attribute__((noinline)) size_t fast_run(const char *s, size_t n, size_t i, uint32_t *cpos_, uint32_t *pre_, struct toks *t)
{
	uint32_t cpos = *cpos_, pre = *pre_;
	struct token *v = t->v;
	size_t tn = t->n, cap = t->cap;
	const unsigned char *lt_m = (const unsigned char *)t->mk, *up_m = lt_m + t->mkstride,
			    *dg_m = up_m + t->mkstride;
	while (i < n) {
		/* the words first (fast[] has no letter bit for a space or a byte
		 * of 0x80 or more, tested after them) */
		unsigned b0 = (unsigned char)s[i];
		unsigned fb = fast[b0];
		uint32_t fl;
		size_t j;
		if (fb & F_LO) {
			/* most tokens: a word in lower case, no digit in it, then a
			 * space (what the general steps below give, in fewer; a
			 * digit after the letters is no space) */
			uint64_t w = window(lt_m, i);
			unsigned len = (unsigned)__builtin_ctzll(~w | (uint64_t)1 << 57);
			j = i + len;
			if (len < 57 && j < n && s[j] == ' ') {
				fast_word(fast_slot(t, &v, &tn, &cap), i, j, len, cpos, b0, pre | TOK_LOWER);
				pre = TOK_SPACE;
				cpos += len + 1;
				i = j + 1;
				continue;
			}
		}
		if (fb & F_UP) {
			/* a capitalized word or one in capitals, no digit, then a
			 * space (not a lone capital: J. takes its period) */
			unsigned len = (unsigned)__builtin_ctzll(~window(lt_m, i) | (uint64_t)1 << 57);
			uint64_t rm = ((uint64_t)1 << len) - 1;
			j = i + len;
			if (len < 57 && j < n && s[j] == ' ') {
				uint64_t up = window(up_m, i) & rm;
				fast_word(fast_slot(t, &v, &tn, &cap), i, j, len, cpos, b0,
					  pre | TOK_CAP | (up == rm ? TOK_UPPER : 0));
				pre = TOK_SPACE;
				cpos += len + 1;
				i = j + 1;
				continue;
			}
		}
		if (b0 == ' ') {
			pre |= TOK_SPACE;
			i++;
			cpos++;
			continue;
		}
		if (b0 >= 0x80)
			break;
		if (fb & (F_UP | F_LO | F_DG)) {
			unsigned len = (unsigned)__builtin_ctzll(~(window(lt_m, i) | window(dg_m, i)) | (uint64_t)1 << 57);
			if (__builtin_expect(len == 57, 0))
				break; /* 57 letters or more */
			j = i + len;
			unsigned nx = j < n ? (unsigned char)s[j] : ' ';
			int num = (fb & F_DG) != 0;
			if (nx >= 0x80)
				break;
			uint32_t joined = 0;
			while (!(fast[nx] >> num & F_WEND)) { /* F_NEND is F_WEND << 1 */
				/* a joiner needs a letter or digit after it; a lone letter takes a period */
				unsigned n2 = j + 1 < n ? (unsigned char)s[j + 1] : ' ';
				if (n2 >= 0x80 || (nx == '.' && !num && len == 1))
					goto out; /* the general path */
				if (!(fast[n2] & (F_UP | F_LO | F_DG)))
					break;
				/* a word joined across a hyphen or an apostrophe (so-called,
				 * don't), not before a possessive 's (the general path's
				 * clitic) nor across a period (U.S) */
				if (num || (nx != '-' && nx != '\''))
					goto out;
				if (nx == '\'' && (n2 | 0x20) == 's') {
					unsigned n3 = j + 2 < n ? (unsigned char)s[j + 2] : ' ';
					if (n3 >= 0x80)
						goto out;
					if (!(fast[n3] & (F_UP | F_LO | F_DG)))
						break; /* the word ends before 's */
				}
				size_t k = j + 1;
				unsigned more = (unsigned)__builtin_ctzll(~(window(lt_m, k) | window(dg_m, k)) | (uint64_t)1 << 57);
				if (k - i + more >= 57)
					goto out;
				j = k + more;
				len = (unsigned)(j - i);
				nx = j < n ? (unsigned char)s[j] : ' ';
				if (nx >= 0x80)
					goto out;
				joined = TOK_JOINED;
			}
			uint64_t rm = ((uint64_t)1 << len) - 1;
			uint64_t up = window(up_m, i) & rm, dg = window(dg_m, i) & rm;
			uint64_t letters = joined ? window(lt_m, i) & rm & ~dg : rm & ~dg;
			fl = pre | joined | TOK_ASCII | (num ? TOK_NUM : TOK_WORD) | (dg ? TOK_DIGIT : 0);
			if (letters) {
				fl |= up & letters & (0 - letters) ? TOK_CAP : TOK_LOWER;
				if (up == letters)
					fl |= TOK_UPPER;
			}
		} else if (ascii_cls[b0] == C_OTHER &&
			   ((fb & F_WEND) || i + 1 >= n || (unsigned char)s[i + 1] != b0) &&
			   (b0 != '\'' || i + 1 >= n || ((unsigned char)s[i + 1] | 0x20) != 's')) {
			/* (an apostrophe before s may be a possessive 's: the general path) */
			j = i + 1;
			fl = pre | TOK_PUNCT | TOK_ASCII | (fb & F_QUOTE ? TOK_QUOTE : 0) | (fb & F_DASH ? TOK_DASH : 0);
		} else
			break;
		struct token *tk = fast_slot(t, &v, &tn, &cap);
		tk->b = (uint32_t)i;
		tk->e = (uint32_t)j;
		tk->cb = cpos;
		cpos += (uint32_t)(j - i);
		tk->ce = cpos;
		tk->cp = (int32_t)b0;
		tk->flags = fl;
		/* a single space after it, without a branch (TOK_SPACE of the next) */
		unsigned sp = j < n && s[j] == ' ';
		pre = sp ? TOK_SPACE : 0;
		cpos += sp;
		i = j + sp;
	}
out:
	*cpos_ = cpos;
	*pre_ = pre;
	t->n = tn;
	return i;
}

static int is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

void tok_scan(const char *s, size_t n, struct toks *t)
{
	if (!ready)
		init();
	t->n = 0;
	masks(s, n, t);
	struct cur c = {s, n};
	size_t i = 0;
	uint32_t cpos = 0; /* code points before i */
	uint32_t pre = TOK_SPACE | TOK_LINE;
	while (i < n) {
		i = fast_run(s, n, i, &cpos, &pre, t);
		if (i >= n)
			break;
		size_t len;
		int k;
		int32_t cp = at(&c, i, &len, &k);
		if (k == C_SPACE || k == C_NL || k == C_INVIS) {
			if (k == C_NL)
				pre |= TOK_LINE | TOK_SPACE;
			else if (k == C_SPACE)
				pre |= TOK_SPACE;
			i += len;
			cpos++;
			continue;
		}
		struct token *tk = push(t);
		tk->b = (uint32_t)i;
		tk->cb = cpos;
		tk->cp = cp;
		uint32_t fl = pre;
		pre = 0;
		int ascii = 1;
		if (is_alnum(k)) {
			int num = k == C_DIGIT;
			int first_letter = 1, all_upper = 1, letters = 0;
			size_t piece = 0; /* letters since the start or the last inner period */
			int dotted = 0;
			size_t j = i;
			uint32_t cj = cpos;
			for (;;) {
				size_t l2;
				int k2;
				int32_t c2 = at(&c, j, &l2, &k2);
				if (is_alnum(k2)) {
					if (c2 >= 0x80)
						ascii = 0;
					if (is_alpha(k2)) {
						if (first_letter && k2 != C_MARK) {
							fl |= k2 == C_UPPER ? TOK_CAP : k2 == C_LOWER ? TOK_LOWER : 0;
							first_letter = 0;
						}
						if (k2 == C_LOWER)
							all_upper = 0;
						if (k2 != C_MARK)
							letters++;
						piece++;
					} else {
						fl |= TOK_DIGIT;
					}
					j += l2;
					cj++;
					continue;
				}
				/* a joiner between two alphanumerics? */
				size_t l3;
				int k3;
				int32_t c3 = at(&c, j + l2, &l3, &k3);
				(void)c3;
				if (!is_alnum(k3))
					break;
				if (num) {
					if (c2 == ',' || c2 == '.' || c2 == ':' || c2 == '/' || is_hyphen(c2)) {
						if (k3 != C_DIGIT && !is_hyphen(c2))
							break;
					} else
						break;
				} else if (is_apos(c2)) {
					/* a possessive 's ends the word: "Guaido's" */
					if ((c3 == 's' || c3 == 'S')) {
						size_t l4;
						int k4;
						at(&c, j + l2 + l3, &l4, &k4);
						if (!is_alnum(k4))
							break;
					}
				} else if (c2 == '.') {
					/* U.S, Ph.D, e.g: short pieces on both sides */
					if (piece > 2 || !is_alpha(k3))
						break;
					size_t q = j + l2, run = 0;
					for (;;) {
						size_t l5;
						int k5;
						at(&c, q, &l5, &k5);
						if (!is_alpha(k5))
							break;
						run++;
						q += l5;
					}
					if (run > 2)
						break;
					dotted = 1;
				} else if (!(is_hyphen(c2) || c2 == 0xB7)) {
					break;
				}
				if (c2 >= 0x80)
					ascii = 0;
				fl |= TOK_JOINED;
				j += l2;
				cj++;
				piece = 0;
			}
			/* the final period of U.S. or of an initial J. */
			if (!num && j < n && s[j] == '.' && (dotted || (letters == 1 && cj - cpos == 1))) {
				j++;
				cj++;
				fl |= TOK_DOT;
			}
			fl |= num ? TOK_NUM : TOK_WORD;
			if (letters && all_upper && !(fl & TOK_LOWER))
				fl |= TOK_UPPER;
			tk->e = (uint32_t)j;
			tk->ce = cj;
			cpos = cj;
			i = j;
		} else {
			size_t j = i + len;
			uint32_t cj = cpos + 1;
			/* 's after a word */
			if (is_apos(cp) && t->n > 1 && (t->v[t->n - 2].flags & (TOK_WORD | TOK_NUM)) &&
			    t->v[t->n - 2].e == i && j < n && (s[j] == 's' || s[j] == 'S')) {
				size_t l4;
				int k4;
				at(&c, j + 1, &l4, &k4);
				if (!is_alnum(k4)) {
					j++;
					cj++;
					fl |= TOK_WORD | TOK_CLITIC | TOK_LOWER;
				}
			}
			if (!(fl & TOK_WORD)) {
				fl |= TOK_PUNCT;
				if (uni_is_quote(cp))
					fl |= TOK_QUOTE;
				if (uni_is_dash(cp))
					fl |= TOK_DASH;
				/* "..." and "--" as one token */
				if ((cp == '.' || cp == '-') && j < n && s[j] == (char)cp) {
					size_t q = j;
					while (q < n && s[q] == (char)cp)
						q++;
					cj += (uint32_t)(q - j);
					j = q;
				}
			}
			if (cp >= 0x80 || cp < 0)
				ascii = 0;
			tk->e = (uint32_t)j;
			tk->ce = cj;
			cpos = cj;
			i = j;
		}
		if (ascii)
			fl |= TOK_ASCII;
		tk->flags = fl;
	}
}

void toks_free(struct toks *t)
{
	free(t->v);
	free(t->mk);
	memset(t, 0, sizeof *t);
}
