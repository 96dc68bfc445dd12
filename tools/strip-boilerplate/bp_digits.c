/* bp_digits.c - does every match of a pattern hold an ASCII digit? A rule
 * such as a timestamp ("^\W*... \d{1,2}:\d\d\W*$") can then skip a row
 * without one before PCRE2 runs (most short rows of running text have
 * none). The pattern is read as a tree of alternations, sequences and
 * quantified atoms: a sequence needs a digit when one of its atoms does
 * and is repeated at least once; an alternation when each branch does; an
 * atom when it is \d or a class of digits only ([0-9], [\d]), or a group
 * that needs one. Lookarounds consume nothing and count for nothing. What
 * the reader cannot follow (\Q, (?x), conditions, recursion, verbs) makes
 * the answer 0: the rule runs on every row, as before. */
#include "bp.h"

#include <string.h>

struct dp {
	const char *p, *end;
	int bad;
};

static int alt(struct dp *P);

/* A class at P->p ('['): skipped; 1 when it holds digits only. */
static int dclass(struct dp *P)
{
	const char *p = P->p + 1, *end = P->end;
	int digits = 1, items = 0;
	if (p < end && *p == '^')
		digits = 0, p++;
	/* a ']' first is a literal */
	for (int first = 1; p < end; first = 0) {
		char c = *p;
		if (c == ']' && !first)
			break;
		if (c == '[' && p + 1 < end && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			const char *q = p + 2;
			while (q + 1 < end && !(q[0] == p[1] && q[1] == ']'))
				q++;
			if (q + 1 >= end)
				return P->bad = 1, 0;
			p = q + 2, digits = 0, items++;
			continue;
		}
		if (c == '\\') {
			if (p + 1 >= end)
				return P->bad = 1, 0;
			if (p[1] == 'd')
				p += 2, items++;
			else if (p[1] == 'Q' || p[1] == 'E')
				return P->bad = 1, 0;
			else if (p + 2 < end && strchr("xpPNo", p[1]) && p[2] == '{') {
				const char *q = memchr(p, '}', (size_t)(end - p));
				if (!q)
					return P->bad = 1, 0;
				p = q + 1, digits = 0, items++;
			} else
				p += 2, digits = 0, items++;
			continue;
		}
		if (c >= '0' && c <= '9') {
			if (p + 2 < end && p[1] == '-' && p[2] != ']') {
				if (!(p[2] >= c && p[2] <= '9'))
					digits = 0;
				p += 3;
			} else
				p++;
			items++;
			continue;
		}
		digits = 0, items++;
		p++;
	}
	if (p >= end)
		return P->bad = 1, 0;
	P->p = p + 1;
	return digits && items;
}

/* The name of (?<name>, (?'name' or (?P<name>: skipped up to its end. */
static void skip_name(struct dp *P, char close)
{
	const char *q = memchr(P->p, close, (size_t)(P->end - P->p));
	if (!q)
		P->bad = 1;
	else
		P->p = q + 1;
}

/* One atom at P->p: 1 when each of its matches holds a digit. */
static int atom(struct dp *P)
{
	const char *end = P->end;
	char c = *P->p;
	if (c == '\\') {
		const char *p = P->p;
		if (p + 1 >= end)
			return P->bad = 1, 0;
		char e = p[1];
		if (e == 'd') {
			P->p += 2;
			return 1;
		}
		if (e == 'Q' || e == 'E')
			return P->bad = 1, 0;
		if (p + 2 < end && strchr("xpPNogk", e) && (p[2] == '{' || (e == 'k' && (p[2] == '<' || p[2] == '\'')) ||
							(e == 'g' && (p[2] == '<' || p[2] == '\'')))) {
			char close = p[2] == '{' ? '}' : p[2] == '<' ? '>' : '\'';
			const char *q = memchr(p + 3, close, (size_t)(end - p - 3));
			if (!q)
				return P->bad = 1, 0;
			P->p = q + 1;
			return 0;
		}
		if ((e == 'p' || e == 'P' || e == 'c') && p + 2 < end)
			P->p += 3;
		else
			P->p += 2; /* (the digits of \x.., \0.., \12 read on as literals: they count for nothing) */
		return 0;
	}
	if (c == '[')
		return dclass(P);
	if (c == '(') {
		P->p++;
		if (P->p >= end || *P->p == '*')
			return P->bad = 1, 0;
		int look = 0;
		if (*P->p == '?') {
			P->p++;
			if (P->p >= end)
				return P->bad = 1, 0;
			char o = *P->p;
			if (o == ':' || o == '>' || o == '|')
				P->p++;
			else if (o == '=' || o == '!')
				P->p++, look = 1;
			else if (o == '<' && P->p + 1 < end && (P->p[1] == '=' || P->p[1] == '!'))
				P->p += 2, look = 1;
			else if (o == '<' || o == '\'')
				P->p++, skip_name(P, o == '<' ? '>' : '\'');
			else if (o == 'P' && P->p + 1 < end && P->p[1] == '<')
				P->p += 2, skip_name(P, '>');
			else if (o == '#') {
				const char *q = memchr(P->p, ')', (size_t)(end - P->p));
				if (!q)
					return P->bad = 1, 0;
				P->p = q + 1;
				return 0;
			} else {
				/* options: (?i) for the rest, (?i: for the group */
				const char *q = P->p;
				while (q < end && (((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || *q == '-' || *q == '^')) {
					if (*q == 'x')
						return P->bad = 1, 0; /* white space and comments */
					q++;
				}
				if (q == P->p || q >= end || (*q != ':' && *q != ')'))
					return P->bad = 1, 0; /* conditions, recursion, back references by name */
				P->p = q + 1;
				if (*q == ')')
					return 0;
			}
			if (P->bad)
				return 0;
		}
		int r = alt(P);
		if (P->bad || P->p >= end || *P->p != ')')
			return P->bad = 1, 0;
		P->p++;
		return look ? 0 : r;
	}
	if ((unsigned char)c >= 0x80) { /* a character beyond ASCII: one atom */
		P->p++;
		while (P->p < end && ((unsigned char)*P->p & 0xC0) == 0x80)
			P->p++;
		return 0;
	}
	P->p++;
	return 0;
}

/* The quantifier at P->p, if any: the fewest repeats it allows (1: none). */
static unsigned quant(struct dp *P)
{
	const char *p = P->p, *end = P->end;
	if (p >= end)
		return 1;
	unsigned min;
	if (*p == '?' || *p == '*')
		min = 0, p++;
	else if (*p == '+')
		min = 1, p++;
	else if (*p == '{') {
		const char *q = p + 1;
		unsigned v = 0;
		int nd = 0;
		while (q < end && *q >= '0' && *q <= '9' && nd < 6)
			v = v * 10 + (unsigned)(*q - '0'), q++, nd++;
		if (!nd || q >= end)
			return 1; /* a literal '{' */
		if (*q == ',') {
			q++;
			while (q < end && *q >= '0' && *q <= '9')
				q++;
		}
		if (q >= end || *q != '}')
			return 1;
		min = v, p = q + 1;
	} else
		return 1;
	if (p < end && (*p == '?' || *p == '+'))
		p++; /* lazy, possessive */
	P->p = p;
	return min;
}

static int seq(struct dp *P)
{
	int need = 0;
	while (P->p < P->end && *P->p != '|' && *P->p != ')' && !P->bad) {
		int a = atom(P);
		if (P->bad)
			return 0;
		unsigned min = quant(P);
		if (a && min >= 1)
			need = 1;
	}
	return need;
}

static int alt(struct dp *P)
{
	int all = 1;
	for (;;) {
		all &= seq(P);
		if (P->bad)
			return 0;
		if (P->p < P->end && *P->p == '|') {
			P->p++;
			continue;
		}
		return all;
	}
}

int bp_pattern_needs_digit(const char *pat, size_t n)
{
	struct dp P = {pat, pat + n, 0};
	int r = alt(&P);
	/* all of it read, up to an unbalanced ')' at most (which PCRE2 rejects) */
	return !P.bad && P.p == P.end && r;
}
