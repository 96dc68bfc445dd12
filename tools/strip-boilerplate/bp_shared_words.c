/* bp_shared_words.c - the words a line shares with a story's lead: a
 * headline names what its lead paragraph tells (the people, the place,
 * the thing), a byline, a date or a section label do not. Words are
 * tok_scan's, lowercase, without stopwords and words of fewer than three
 * bytes; words of five bytes or more compare by their first five (a
 * cheap stem: "titles", "title"; "seconds", "second"). */
#include "bp.h"
#include "tokens.h"

#include <stdlib.h>
#include <string.h>

/* The keys of the content words of s[0..n) into k (at most cap); returns
 * how many. The line is tokenized 512 bytes at a time, cut at a space (no
 * token spans one), and no further than the words wanted: a lead can be
 * a page long. */
static size_t word_keys(const struct bp_config *c, const char *s, size_t n, struct toks *t, uint64_t *k, size_t cap)
{
	size_t m = 0;
	uint64_t seen[256] = {0}; /* the keys taken, open addressing (0: none) */
	for (size_t a = 0; a < n && m < cap;) {
		size_t b = n;
		if (n - a > 512) {
			b = a + 512;
			while (b > a && s[b] != ' ')
				b--;
			if (b == a) {
				const char *sp = memchr(s + a + 512, ' ', n - a - 512);
				b = sp ? (size_t)(sp - s) : n;
			}
		}
		tok_scan(s + a, b - a, t);
		for (size_t i = 0; i < t->n && m < cap; i++) {
			const struct token *w = &t->v[i];
			if (!(w->flags & TOK_WORD) || (w->flags & TOK_CLITIC) || w->e - w->b < 3)
				continue;
			char low[64];
			const char *wb = s + a + w->b;
			size_t wn = w->e - w->b, ln = 0;
			/* (an ASCII word lowercased in place of bp_lower, which
			 * gives the same) */
			uint64_t hi = 0;
			for (size_t q = 0; q < wn && q < sizeof low; q++) {
				unsigned char ch = (unsigned char)wb[q];
				hi |= ch;
				low[q] = (char)(ch + ((unsigned)(ch - 'A') < 26u ? 32 : 0));
			}
			if (wn <= sizeof low && !(hi & 0x80))
				ln = wn;
			else
				ln = bp_lower(wb, wn, low, sizeof low);
			if (ln == 0 || (wordset_cls(&c->words, low, ln) & BP_STOPWORD))
				continue;
			uint64_t h = hash_bytes(low, ln >= 5 ? 5 : ln, 0x1ead);
			uint64_t sk = h ? h : 1;
			size_t j = (size_t)(sk >> 56);
			while (seen[j] && seen[j] != sk)
				j = (j + 1) & 255;
			if (!seen[j]) {
				seen[j] = sk;
				k[m++] = h;
			}
		}
		a = b;
	}
	return m;
}

/* The words of the lines added to lead and not yet read, in order. */
static void lead_read(const struct bp_config *c, struct bp_lead *lead, struct toks *t)
{
	size_t cap = sizeof lead->key / sizeof lead->key[0];
	for (size_t i = 0; i < lead->nsrc; i++)
		lead->n += word_keys(c, lead->src[i], lead->srcn[i], t, lead->key + lead->n, cap - lead->n);
	lead->nsrc = 0;
}

void bp_lead_words(const struct bp_config *c, struct bp_lead *lead, const char *s, size_t n)
{
	if (lead->nsrc == BP_LEAD_LINES) {
		struct toks t = {0};
		lead_read(c, lead, &t);
		toks_free(&t);
	}
	lead->src[lead->nsrc] = s;
	lead->srcn[lead->nsrc++] = n;
}

unsigned bp_shared_words(const struct bp_config *c, struct bp_lead *lead, const char *s, size_t n,
			 unsigned *words)
{
	struct toks t = {0};
	lead_read(c, lead, &t);
	uint64_t k[BP_LEAD_WORDS];
	size_t m = word_keys(c, s, n, &t, k, BP_LEAD_WORDS);
	toks_free(&t);
	unsigned shared = 0;
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < lead->n; j++)
			if (k[i] == lead->key[j]) {
				shared++;
				break;
			}
	if (words)
		*words = (unsigned)m;
	return shared;
}
