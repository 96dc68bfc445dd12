/* te-candidates.c - the measurement behind tag-entities' speed plan
 * (issue 10, session 7): how much of a corpus a candidate-driven tagger
 * could leave untokenized, and how often a capitalized run comes back in
 * its document. Reads rows (a header with the columns doc and text; the
 * text taken as written, escapes and all), tokenizes each text with
 * common/tokens.h and loads the default rules through the engine, then
 * prints:
 *   - the tokens that may start or touch a mention (a capital, a digit, a
 *     byte of 0x80 or more, a pattern trigger as the rules list them, and
 *     every token when some alias starts in lower case or folds case), and
 *     the share of all tokens within K tokens of one (K = 0 to 8), and in
 *     the windows the tagger reads around them: what a tagger that
 *     tokenizes only windows around the candidates would still have to
 *     tokenize;
 *   - the rows (and their bytes) with no candidate at all;
 *   - the runs of capitalized words (2+ bytes) and the share whose text
 *     came earlier in the same document, alone and with the token before
 *     and after it (what a per-document cache of run typing could reuse).
 * Not built by make; build and run from the checkout with
 *   make && cc -O2 -D_GNU_SOURCE -Icommon -Itools/tag-entities -o /tmp/tc \
 *     bench/te-candidates.c build/plain/engine-tag-entities.a \
 *     build/plain/libcopydesk.a -lpcre2-8 -lyaml -lutf8proc -lxxhash -lm
 *   COPYDESK_RULES_DIR=$PWD/rules /tmp/tc < ~/.cache/copydesk/chronam-slice-27500.tsv */
#include "cli.h"
#include "hash.h"
#include "te.h"
#include "tokens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KMAX = 8 };

/* May token k of s start or touch a mention, by the rules in t? 1: a
 * name or number may start there, 2: only a pattern's trigger. */
static int candidate(const struct te *t, const char *s, const struct token *k)
{
	if (t->nlowstart || t->any_fold_case)
		return 1;
	if (k->flags & (TOK_CAP | TOK_UPPER | TOK_DIGIT))
		return 1;
	if (!(k->flags & TOK_ASCII))
		return 1;
	size_t len = k->e - k->b;
	if (!(t->trig_first[(unsigned char)s[k->b]] >> (len < 31 ? len : 31) & 1))
		return 0;
	return wordset_get(&t->triggers, s + k->b, len) ? 2 : 0;
}

/* The tokens the tagger reads around a candidate (te_tag.c): 2 before
 * and 5 after a name's word (particles, speech verbs, the word before;
 * "X, a union spokeswoman"), 4 before and 8 after a trigger (PAT_BACK,
 * PAT_AHEAD). */
enum { NAME_BACK = 2, NAME_AHEAD = 5, TRIG_BACK = 4, TRIG_AHEAD = 8 };

static int capword(const struct token *k)
{
	return (k->flags & (TOK_WORD | TOK_CLITIC)) == TOK_WORD && (k->flags & (TOK_CAP | TOK_UPPER)) &&
	       k->e - k->b > 1;
}

int main(void)
{
	static struct te T;
	struct cli C = {0};
	te_init(&T);
	rules_load_cli(&C, "entities.yaml", te_load_yaml, &T);
	te_finish(&T);

	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (n <= 0)
		return 1;
	/* the columns doc and text */
	int doc_col = -1, text_col = -1, col = 0;
	for (char *p = line, *q; p; p = q, col++) {
		q = strchr(p, '\t');
		size_t l = q ? (size_t)(q - p) : strcspn(p, "\r\n");
		if (l == 3 && !memcmp(p, "doc", 3))
			doc_col = col;
		if (l == 4 && !memcmp(p, "text", 4))
			text_col = col;
		if (q)
			q++;
	}
	if (doc_col < 0 || text_col < 0) {
		fprintf(stderr, "te-candidates: no doc or text column\n");
		return 1;
	}
	struct toks tk = {0};
	unsigned char *dist = NULL, *kind = NULL, *need = NULL;
	size_t capd = 0;
	unsigned long long tokens = 0, cands = 0, needed = 0, within[KMAX + 1] = {0}, rows = 0, bytes = 0, empty_rows = 0,
			   empty_bytes = 0, runs = 0, rep_bare = 0, rep_ctx = 0;
	struct h64map seen_bare = {0}, seen_ctx = {0};
	char *doc = NULL;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = 0;
		const char *f[2] = {NULL, NULL};
		size_t fl[2] = {0, 0};
		col = 0;
		for (char *p = line, *q; p; p = q, col++) {
			q = strchr(p, '\t');
			size_t l = q ? (size_t)(q - p) : strlen(p);
			if (col == doc_col)
				f[0] = p, fl[0] = l;
			if (col == text_col)
				f[1] = p, fl[1] = l;
			if (q)
				q++;
		}
		if (!f[0] || !f[1])
			continue;
		if (!doc || strlen(doc) != fl[0] || memcmp(doc, f[0], fl[0])) {
			free(doc);
			doc = strndup(f[0], fl[0]);
			h64map_free(&seen_bare);
			h64map_free(&seen_ctx);
		}
		const char *s = f[1];
		size_t sn = fl[1];
		tok_scan(s, sn, &tk);
		rows++;
		bytes += sn;
		tokens += tk.n;
		if (tk.n > capd) {
			capd = 2 * tk.n;
			dist = realloc(dist, capd);
			kind = realloc(kind, capd);
			need = realloc(need, capd);
		}
		for (size_t i = 0; i < tk.n; i++)
			kind[i] = (unsigned char)candidate(&T, s, &tk.v[i]);
		/* the tagger's own windows */
		memset(need, 0, tk.n);
		for (size_t i = 0; i < tk.n; i++) {
			if (!kind[i])
				continue;
			size_t back = kind[i] == 1 ? NAME_BACK : TRIG_BACK, ahead = kind[i] == 1 ? NAME_AHEAD : TRIG_AHEAD;
			size_t a = i > back ? i - back : 0, z = i + ahead + 1 < tk.n ? i + ahead + 1 : tk.n;
			memset(need + a, 1, z - a);
		}
		for (size_t i = 0; i < tk.n; i++)
			needed += need[i];
		/* the distance of each token to the nearest candidate (capped) */
		unsigned d = KMAX + 1;
		int any = 0;
		for (size_t i = 0; i < tk.n; i++) {
			if (kind[i])
				d = 0, any = 1, cands++;
			else if (d <= KMAX)
				d++;
			dist[i] = (unsigned char)d;
		}
		d = KMAX + 1;
		for (size_t i = tk.n; i-- > 0;) {
			if (dist[i] == 0)
				d = 0;
			else if (d <= KMAX)
				d++;
			if (d < dist[i])
				dist[i] = (unsigned char)d;
			for (unsigned k = dist[i]; k <= KMAX; k++)
				within[k]++;
		}
		if (!any)
			empty_rows++, empty_bytes += sn;
		/* the runs of capitalized words */
		for (size_t i = 0; i < tk.n;) {
			if (!capword(&tk.v[i])) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < tk.n && capword(&tk.v[j]))
				j++;
			size_t a = i ? i - 1 : i, z = j < tk.n ? j + 1 : j;
			uint64_t hb = hash_bytes(s + tk.v[i].b, tk.v[j - 1].e - tk.v[i].b, 1) | 1;
			uint64_t hc = hash_bytes(s + tk.v[a].b, tk.v[z - 1].e - tk.v[a].b, 2) | 1;
			int fresh;
			runs++;
			h64map_put(&seen_bare, hb, &fresh);
			rep_bare += !fresh;
			h64map_put(&seen_ctx, hc, &fresh);
			rep_ctx += !fresh;
			i = j;
		}
	}
	printf("rows %llu, %llu bytes, %llu tokens; candidates %.1f %% of the tokens\n", rows, bytes, tokens,
	       100.0 * (double)cands / (double)(tokens ? tokens : 1));
	printf("tokens within K of a candidate:");
	for (int k = 0; k <= KMAX; k++)
		printf(" K=%d %.1f %%", k, 100.0 * (double)within[k] / (double)(tokens ? tokens : 1));
	printf("\ntokens in the tagger's windows (%d before and %d after a name's word, %d and %d around a trigger): %.1f %%\n",
	       NAME_BACK, NAME_AHEAD, TRIG_BACK, TRIG_AHEAD, 100.0 * (double)needed / (double)(tokens ? tokens : 1));
	printf("rows without a candidate: %.2f %% of the rows, %.2f %% of the bytes\n",
	       100.0 * (double)empty_rows / (double)(rows ? rows : 1),
	       100.0 * (double)empty_bytes / (double)(bytes ? bytes : 1));
	printf("capitalized runs %llu: text seen before in the document %.1f %%, with the token before and after %.1f %%\n",
	       runs, 100.0 * (double)rep_bare / (double)(runs ? runs : 1),
	       100.0 * (double)rep_ctx / (double)(runs ? runs : 1));
	free(line);
	free(doc);
	free(dist);
	free(kind);
	free(need);
	toks_free(&tk);
	h64map_free(&seen_bare);
	h64map_free(&seen_ctx);
	te_free(&T);
	return 0;
}
