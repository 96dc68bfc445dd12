/* rx.c - PCRE2 wrapper with JIT and limits. */
#include "rx.h"
#include "msg.h"
#include "rules.h"
#include "unicode.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pcre2_match_context *mctx;
static pcre2_jit_stack *jstack;
static unsigned match_limit = 1000000, depth_limit = 10000;

static void setup(void)
{
	if (mctx)
		return;
	mctx = pcre2_match_context_create(NULL);
	if (!mctx)
		die(EXIT_TROUBLE, "out of memory (PCRE2 match context)");
	pcre2_set_match_limit(mctx, match_limit);
	pcre2_set_depth_limit(mctx, depth_limit);
	jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (jstack)
		pcre2_jit_stack_assign(mctx, NULL, jstack);
}

void rx_set_limits(unsigned ml, unsigned dl)
{
	match_limit = ml;
	depth_limit = dl;
	if (mctx) {
		pcre2_set_match_limit(mctx, ml);
		pcre2_set_depth_limit(mctx, dl);
	}
}

/* PCRE2 10.42's JIT with PCRE2_MATCH_INVALID_UTF and without UCP does not
 * match a non-ASCII character with a bare \W, \D or \S (the interpreter
 * does; inside brackets the JIT does too). The same pattern with each
 * bare one written [\W], [\D], [\S] means the same and works; returns it
 * (malloc'd), or NULL when there is nothing to rewrite. */
static char *bracket_negated(const char *p, size_t n, size_t *outn)
{
	char *o = NULL;
	size_t k = 0;
	int in_class = 0, any = 0;
	if (!memchr(p, '\\', n))
		return NULL;
	o = malloc(n * 2 + 1);
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == '\\' && i + 1 < n) {
			char e = p[i + 1];
			if (e == 'Q') { /* quoted up to \E */
				size_t j = i + 2;
				while (j + 1 < n && !(p[j] == '\\' && p[j + 1] == 'E'))
					j++;
				j = j + 1 < n ? j + 2 : n;
				memcpy(o + k, p + i, j - i);
				k += j - i;
				i = j - 1;
				continue;
			}
			if (!in_class && (e == 'W' || e == 'D' || e == 'S')) {
				o[k++] = '[', o[k++] = '\\', o[k++] = e, o[k++] = ']';
				any = 1;
			} else {
				o[k++] = c, o[k++] = e;
			}
			i++;
			continue;
		}
		o[k++] = c;
		if (!in_class && c == '[') {
			in_class = 1;
			if (i + 1 < n && p[i + 1] == '^')
				o[k++] = p[++i];
			if (i + 1 < n && p[i + 1] == ']') /* a ']' first is literal */
				o[k++] = p[++i];
		} else if (in_class && c == '[' && i + 1 < n && p[i + 1] == ':') {
			while (++i < n) { /* [:alpha:] */
				o[k++] = p[i];
				if (p[i] == ']')
					break;
			}
		} else if (in_class && c == ']') {
			in_class = 0;
		}
	}
	if (!any) {
		free(o);
		return NULL;
	}
	*outn = k;
	return o;
}

/* Whether a \b or \B of the pattern may test a letter outside ASCII,
 * which without UCP counts as no word character: a letter before \b
 * (publié\b), also at the end of a group's alternative ((?:publié|mis)\b),
 * or after \b (\bété, \b(?:été|hiver)). Classes and other escapes count as
 * no letter. */
static int wants_ucp(const char *p, size_t n)
{
	enum { DEPTH = 32 };
	struct {
		unsigned char after_b, end_letter;
	} g[DEPTH + 1] = {{0, 0}};
	int d = 0;
	int prev_b = 0;      /* the last token was \b or \B */
	int last_letter = 0; /* the last atom ends in a letter outside ASCII */
	int alt_start = 1;   /* at the start of an alternative */
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)p[i];
		int is_b = 0, letter = 0;
		if (c == '\\' && i + 1 < n) {
			is_b = p[i + 1] == 'b' || p[i + 1] == 'B';
			if (is_b && last_letter)
				return 1;
			i += 2;
		} else if (c == '[') { /* a class: up to its ']' (one first is literal) */
			size_t j = i + 1;
			if (j < n && p[j] == '^')
				j++;
			if (j < n && p[j] == ']')
				j++;
			for (; j < n && p[j] != ']'; j++)
				if (p[j] == '\\')
					j++;
			i = j + 1;
		} else if (c == '(') {
			i++;
			if (i < n && p[i] == '?') { /* (?: (?= (?! (?> (?<= (?<! (?<name> (?i) */
				size_t j = i + 1;
				if (j < n && p[j] == '<' && j + 1 < n && (p[j + 1] == '=' || p[j + 1] == '!'))
					j += 2;
				else if (j < n && strchr(":=!>|", p[j]))
					j++;
				else if (j < n && (p[j] == '<' || p[j] == 'P' || p[j] == '\'')) {
					char close = p[j] == '\'' ? '\'' : '>';
					for (j++; j < n && p[j] != close; j++)
						;
					j++;
				} else { /* options, (?i) or (?i: */
					while (j < n && p[j] != ')' && p[j] != ':')
						j++;
					if (j < n && p[j] == ')') {
						i = j + 1;
						continue;
					}
				}
				i = j;
			}
			if (d < DEPTH)
				d++;
			g[d].after_b = (unsigned char)prev_b, g[d].end_letter = 0;
			alt_start = 1, prev_b = 0, last_letter = 0;
			continue;
		} else if (c == '|' || c == ')') {
			if (last_letter)
				g[d].end_letter = 1;
			i++;
			if (c == ')') {
				int end = g[d].end_letter;
				if (d > 0)
					d--;
				while (i < n && (p[i] == '?' || p[i] == '*' || p[i] == '+'))
					i++;
				last_letter = end, prev_b = 0, alt_start = 0;
			} else {
				alt_start = 1, prev_b = 0, last_letter = 0;
			}
			continue;
		} else if (c == '?' || c == '*' || c == '+') {
			i++;
			continue; /* a quantifier keeps the atom before it */
		} else if (c >= 0x80) {
			size_t l;
			int32_t cp = u8_decode(p + i, n - i, &l);
			letter = cp >= 0 && uni_is_letter(cp);
			if (letter && (prev_b || (alt_start && g[d].after_b)))
				return 1;
			i += l;
		} else {
			i++;
		}
		if (!is_b)
			alt_start = 0;
		prev_b = is_b;
		last_letter = letter;
	}
	return 0;
}

/* Compile into r; 1, or 0 with the error's code and offset. */
static int compile(struct rx *r, const char *pattern, size_t len, unsigned flags, const char *name,
		   int *errcode, PCRE2_SIZE *erroff)
{
	setup();
	if ((flags & RX_UCP_AUTO) && wants_ucp(pattern, len))
		flags |= RX_UCP;
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
	if (flags & RX_CASELESS)
		opts |= PCRE2_CASELESS;
	if (flags & RX_UCP)
		opts |= PCRE2_UCP;
	r->name = name;
	r->code = pcre2_compile((PCRE2_SPTR)pattern, len, opts, errcode, erroff, NULL);
	if (!r->code)
		return 0;
	size_t bn;
	char *b = (flags & RX_UCP) ? NULL : bracket_negated(pattern, len, &bn);
	if (b) { /* errors are reported against the pattern as written */
		int e2;
		PCRE2_SIZE o2;
		pcre2_code *bc = pcre2_compile((PCRE2_SPTR)b, bn, opts, &e2, &o2, NULL);
		if (bc) {
			pcre2_code_free(r->code);
			r->code = bc;
		}
		free(b);
	}
	r->jit = -1; /* JIT-compiled on first use (rx_search): many rules never run */
	r->md = pcre2_match_data_create_from_pattern(r->code, NULL);
	if (!r->md)
		die(EXIT_TROUBLE, "out of memory (PCRE2 match data)");
	return 1;
}

void rx_compile(struct rx *r, const char *pattern, size_t len, unsigned flags,
		const char *name, const struct ynode *where)
{
	int errcode;
	PCRE2_SIZE erroff;
	if (!compile(r, pattern, len, flags, name, &errcode, &erroff)) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof msg);
		if (where)
			yerr(where, "rule '%s': bad pattern at offset %zu: %s", name, (size_t)erroff,
			     (const char *)msg);
		die(EXIT_USAGE, "built-in pattern '%s': offset %zu: %s", name, (size_t)erroff,
		    (const char *)msg);
	}
}

int rx_compile_try(struct rx *r, const char *pattern, size_t len, unsigned flags, const char *name)
{
	int errcode;
	PCRE2_SIZE erroff;
	if (compile(r, pattern, len, flags, name, &errcode, &erroff))
		return 1;
	r->code = NULL, r->md = NULL, r->jit = 0;
	return 0;
}

void rx_free(struct rx *r)
{
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->code);
	r->md = NULL;
	r->code = NULL;
}

int rx_search(struct rx *r, const char *s, size_t n, size_t off, size_t *ms, size_t *me)
{
	if (r->jit < 0)
		r->jit = pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) == 0;
	int rc = r->jit ? pcre2_jit_match(r->code, (PCRE2_SPTR)s, n, off, 0, r->md, mctx)
			: pcre2_match(r->code, (PCRE2_SPTR)s, n, off, 0, r->md, mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return RX_NOMATCH;
	if (rc < 0) /* a limit (match, depth, JIT stack, heap), or input PCRE2 cannot match in */
		return RX_LIMIT;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	*ms = ov[0];
	*me = ov[1];
	return RX_MATCH;
}

void rx_group(const struct rx *r, int g, size_t *gs, size_t *ge)
{
	uint32_t cnt = pcre2_get_ovector_count(r->md);
	if (g < 0 || (uint32_t)g >= cnt) {
		*gs = *ge = PCRE2_UNSET;
		return;
	}
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	*gs = ov[2 * g];
	*ge = ov[2 * g + 1];
}
