/* eq_rules.c - loading rules/quotes.yaml (and -r files): quotation marks,
 * speech verbs with their forms, cue phrases, pronouns, titles, roles,
 * organisation heads, places, first names, and the scorer's weights. */
#include "eq.h"
#include "buf.h"
#include "lines.h"
#include "msg.h"
#include "unicode.h"
#include "utf8.h"

#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

const char *const eq_feat_names[EQ_NFEAT] = {
#define EQ_F_NAME(id, name) name,
	EQ_FEATURES(EQ_F_NAME)
#undef EQ_F_NAME
};

void eq_rules_init(struct eq_rules *R)
{
	memset(R, 0, sizeof *R);
	/* grammar, not rules: what may stand between a quotation and its cue
	 * or between a subject and its verb ("has also said") */
	static const char *const fill[] = {
		"has", "had", "have", "would", "will", "also", "then", "later", "once", "again",
		"previously", "recently", "simply", "repeatedly", "quickly", "flatly", "bluntly",
		"publicly", "privately", "loudly", "finally", "ultimately", "further", "went", "on",
		"to", "was", "is", "quoted", "as", "reportedly", "did", "does", "could", "can", "may",
		"might", "just", "only", "even", "still", "often", "always", "never", "already",
		"angrily", "calmly", "softly", "jokingly", "sarcastically", "proudly", "firmly",
		"bitterly", "succinctly", "famously", "tearfully", "emotionally", "earlier", "told", NULL};
	for (const char *const *p = fill; *p; p++)
		wordset_add(&R->words, *p, strlen(*p), EQ_W_FILL, 0);
	static const char *const particles[] = {"de", "da", "del", "della", "di", "du", "van", "von",
						"der", "den", "ter", "ten", "bin", "ibn", "al", "el", "la",
						"le", "dos", "das", "y", "st", "mc", "bint", "abu", NULL};
	for (const char *const *p = particles; *p; p++)
		wordset_add(&R->words, *p, strlen(*p), EQ_W_PARTICLE, 0);
	static const char *const defs[] = {"the", "this", "that", "his", "her", "their", "its", "these", "those", NULL};
	static const char *const indefs[] = {"a", "an", "one", "another", "some", "two", "three", "several", NULL};
	for (const char *const *p = defs; *p; p++)
		wordset_add(&R->words, *p, strlen(*p), EQ_W_DEF, 0);
	for (const char *const *p = indefs; *p; p++)
		wordset_add(&R->words, *p, strlen(*p), EQ_W_INDEF, 0);
	static const char *const preps[] = {"of", "in", "on", "at", "by", "for", "with", "from", "to", "about",
					    "against", "into", "like", "unlike", "over", "under", "without", "among",
					    "between", "through", "toward", "towards", "upon", "within", "despite",
					    "during", "including", "than", "behind", "beside", "besides", "via", "amid",
					    "onto", "per", "except", NULL};
	for (const char *const *p = preps; *p; p++)
		wordset_add(&R->words, *p, strlen(*p), EQ_W_PREP, 0);
	static const char *const subords[] = {"as", "when", "while", "after", "before", "since", "because",
					      "although", "though", "if", "once", "until", "unless", "whereas", NULL};
	for (const char *const *p = subords; *p; p++)
		wordset_add(&R->words, *p, strlen(*p), EQ_W_SUBORD, 0);
	R->marks_are_quotes = 1;
}

void eq_rules_free(struct eq_rules *R)
{
	wordset_free(&R->words);
	for (size_t i = 0; i < R->nphr; i++)
		for (size_t k = 0; k < R->phr[i].nw; k++)
			free(R->phr[i].w[k]);
	free(R->phr);
	free(R->phkey);
	free(R->common.s);
	free(R->male.s);
	free(R->female.s);
	free(R->common.w);
	free(R->male.w);
	free(R->female.w);
	memset(R, 0, sizeof *R);
}

const struct eq_mark *eq_mark_of(const struct eq_rules *R, int32_t cp)
{
	if (cp >= 0 && cp < (int32_t)sizeof R->mark_ix)
		return R->mark_ix[cp] ? &R->marks[R->mark_ix[cp] - 1] : NULL;
	for (size_t i = 0; i < R->nmarks; i++)
		if (R->marks[i].cp == cp)
			return &R->marks[i];
	return NULL;
}

/* A word entry: lowercase, no space, not empty. */
static void check_word(const struct ynode *s)
{
	rules_check_word(s, 1, NULL);
}

/* A trailing period is not part of an entry (Sen. = sen). */
/* A word of class cls is in the set: its signature in cue_sig when it
 * may be a cue. */
static void cue_note(struct eq_rules *R, const char *s, size_t n, uint64_t cls)
{
	if (!(cls & (EQ_W_CUE | EQ_W_PHRASE)) || !n)
		return;
	unsigned g = ws_sig(s, n);
	R->cue_sig[g >> 6] |= (uint64_t)1 << (g & 63);
	if (n > R->cue_maxlen)
		R->cue_maxlen = n;
}

static void words_add(struct eq_rules *R, const char *s, size_t n, uint64_t cls, uint64_t bits)
{
	wordset_add(&R->words, s, n, cls, bits);
	cue_note(R, s, n, cls);
}

static size_t bare_len(const struct ynode *s)
{
	return s->len > 1 && s->str[s->len - 1] == '.' ? s->len - 1 : s->len;
}

struct addw {
	struct eq_rules *R;
	uint64_t cls, bits;
};

static void add_word(const struct ynode *s, void *ctx)
{
	struct addw *a = ctx;
	check_word(s);
	words_add(a->R, s->str, bare_len(s), a->cls, a->bits);
}

static void word_list(struct eq_rules *R, const struct ynode *root, const char *key, uint64_t cls)
{
	const struct ynode *v = ymap_get(root, key);
	if (!v)
		return;
	if (v->kind != Y_SEQ)
		yerr(v, "'%s' must be a list of words", key);
	struct addw a = {R, cls, 0};
	yeach_string(v, add_word, &a);
}

/* "OPEN CLOSE": two code points (or one mark used both ways) */
static void add_pair(struct eq_rules *R, const struct ynode *s, int fam)
{
	yscalar(s);
	const char *p = s->str, *end = s->str + s->len;
	int32_t cp[2];
	for (int k = 0; k < 2; k++) {
		while (p < end && *p == ' ')
			p++;
		size_t len;
		if (p >= end || (cp[k] = u8_decode(p, (size_t)(end - p), &len)) == U8_INVALID || cp[k] < 0)
			yerr(s, "a mark pair is two characters separated by a space: \"“ ”\"");
		p += len;
	}
	while (p < end && *p == ' ')
		p++;
	if (p != end)
		yerr(s, "a mark pair is two characters separated by a space: \"“ ”\"");
	for (int k = 0; k < 2; k++) {
		if (cp[k] < 0x80 && cp[k] != '"' && cp[k] != '\'' && cp[k] != '`')
			yerr(s, "'%c' cannot be a quotation mark", (char)cp[k]);
		struct eq_mark *m = NULL;
		for (size_t i = 0; i < R->nmarks; i++)
			if (R->marks[i].cp == cp[k])
				m = &R->marks[i];
		if (m && m->fam != fam)
			yerr(s, "a mark cannot be both double and single");
		if (!m) {
			if (R->nmarks == sizeof R->marks / sizeof R->marks[0])
				yerr(s, "too many quotation marks (64 at most)");
			m = &R->marks[R->nmarks++];
			m->cp = cp[k];
			if (!uni_is_quote(cp[k]))
				R->marks_are_quotes = 0;
			m->fam = (unsigned char)fam;
			m->open = m->close = 0;
		}
		if (k == 0)
			m->open = 1;
		else
			m->close = 1;
		if (cp[k] < (int32_t)sizeof R->mark_ix)
			R->mark_ix[cp[k]] = (unsigned char)(m - R->marks + 1);
	}
}

static void load_marks(struct eq_rules *R, const struct ynode *v)
{
	static const char *const keys[] = {"double", "single", NULL};
	ymap_check(v, keys);
	for (int fam = 0; fam < 2; fam++) {
		const struct ynode *l = ymap_get(v, keys[fam]);
		if (!l)
			continue;
		yseq(l);
		for (size_t i = 0; i < l->n; i++)
			add_pair(R, l->items[i], fam);
	}
}

static void load_verbs(struct eq_rules *R, const struct ynode *v)
{
	ymap(v);
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const struct ynode *lemma = v->items[i], *forms = v->items[i + 1];
		check_word(lemma);
		uint64_t id = ++R->nlemmas;
		if (forms->kind != Y_SEQ)
			yerr(forms, "the forms of '%s' must be a list: %s: [forms]", lemma->str, lemma->str);
		words_add(R, lemma->str, lemma->len, EQ_W_CUE, forms->n ? EQ_CUE_BARE : 0);
		struct addw a = {R, EQ_W_CUE, 0};
		(void)id;
		yeach_string(forms, add_word, &a);
	}
}

static void load_phrases(struct eq_rules *R, const struct ynode *v)
{
	yseq(v);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *s = v->items[i];
		yscalar(s);
		struct eq_phrase ph = {{0}, {0}, 0};
		const char *p = s->str;
		while (*p) {
			while (*p == ' ')
				p++;
			const char *w = p;
			while (*p && *p != ' ') {
				if (*p >= 'A' && *p <= 'Z')
					yerr(s, "phrase '%s' has capitals: words are matched lowercase", s->str);
				p++;
			}
			if (p == w)
				break;
			if (ph.nw == sizeof ph.w / sizeof ph.w[0])
				yerr(s, "phrase '%s' is too long (6 words at most)", s->str);
			ph.wl[ph.nw] = (size_t)(p - w);
			ph.w[ph.nw++] = xstrndup(w, (size_t)(p - w));
		}
		if (ph.nw < 2)
			yerr(s, "a cue phrase has two words or more (one word goes to speech-verbs)");
		if (R->nphr == R->capphr) {
			R->capphr = R->capphr ? 2 * R->capphr : 16;
			R->phr = xrealloc(R->phr, R->capphr * sizeof *R->phr);
			R->phkey = xrealloc(R->phkey, R->capphr * sizeof *R->phkey);
		}
		R->phkey[R->nphr] = eq_phrase_key(ph.wl[0], (unsigned char)ph.w[0][0], (unsigned char)ph.w[0][ph.wl[0] - 1]);
		R->phr[R->nphr++] = ph;
		words_add(R, ph.w[0], strlen(ph.w[0]), EQ_W_PHRASE, 0);
	}
}

static void load_pronouns(struct eq_rules *R, const struct ynode *v)
{
	ymap(v);
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const struct ynode *w = v->items[i], *f = v->items[i + 1];
		check_word(w);
		if (f->kind != Y_SEQ || f->n != 3)
			yerr(f, "a pronoun has [gender, number, person]: he: [male, one, third]");
		uint64_t bits = 0;
		static const struct {
			int slot;
			const char *name;
			uint64_t bits;
		} vals[] = {
			{0, "male", EQ_G_MALE}, {0, "female", EQ_G_FEMALE}, {0, "any", EQ_G_MALE | EQ_G_FEMALE | EQ_G_NONE},
			{0, "none", EQ_G_NONE}, {1, "one", EQ_N_ONE}, {1, "many", EQ_N_MANY},
			{1, "any", EQ_N_ONE | EQ_N_MANY}, {2, "first", EQ_P_FIRST}, {2, "second", EQ_P_SECOND},
			{2, "third", EQ_P_THIRD},
		};
		for (int slot = 0; slot < 3; slot++) {
			const char *s = yscalar(f->items[slot]);
			int ok = 0;
			for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++)
				if (vals[k].slot == slot && !strcmp(vals[k].name, s)) {
					bits |= vals[k].bits;
					ok = 1;
				}
			if (!ok)
				yerr(f->items[slot], "unknown %s '%s'", slot == 0 ? "gender (male, female, any, none)"
						: slot == 1 ? "number (one, many, any)" : "person (first, second, third)", s);
		}
		struct ws_val val = {EQ_W_PRON, bits};
		const struct ws_val *old = wordset_get(&R->words, w->str, w->len);
		if (old)
			val.cls |= old->cls & ~(uint64_t)EQ_W_PRON;
		wordset_put(&R->words, w->str, w->len, val);
		cue_note(R, w->str, w->len, val.cls);
	}
}

/* A list file {file: PATH, source, licence}: one lowercase word a line,
 * sorted as by LC_ALL=C sort, '#' comment lines at its top. Read whole and
 * looked up by binary search (no hashing of 60,000 words at start-up); a
 * sample of its lines is checked for the order. A later file replaces an
 * earlier one. */
static void list_index(struct eq_list *L, size_t start);

/* The longest word list: its offsets are 32-bit, and a list that never
 * ends (/dev/zero) stops here with an error, not by filling the memory. */
#define EQ_LIST_MAX ((size_t)256 << 20)

static void load_list(const struct ynode *v, struct eq_list *L)
{
	static const char *const keys[] = {"file", "source", "licence", "license", NULL};
	if (v->kind != Y_MAP)
		yerr(v, "a word list is {file: PATH, source: ..., licence: ...}");
	ymap_check(v, keys);
	const struct ynode *fn = ymap_need(v, "file");
	char *path = ypath(fn);
	FILE *f = fopen(path, "rb");
	if (!f)
		yerr(fn, "cannot read the word list %s", path);
	struct buf b = {0};
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && st.st_size > 0 && st.st_size <= (off_t)EQ_LIST_MAX)
		buf_grow(&b, (size_t)st.st_size + 2);
	size_t got;
	do {
		buf_grow(&b, 65536);
		got = fread(b.p + b.len, 1, b.cap - b.len - 1, f);
		b.len += got;
		if (b.len > EQ_LIST_MAX) /* checked as it grows: /dev/zero ends here */
			yerr(fn, "the word list %s is too long (256 MB at most)", path);
	} while (got > 0);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		yerr(fn, "cannot read the word list %s", path);
	if (b.len && b.p[b.len - 1] != '\n')
		buf_addc(&b, '\n');
	size_t at = 0; /* past the comments (left in place: the words' offsets start after them) */
	while (at < b.len && b.p[at] == '#')
		at = (size_t)((char *)memchr(b.p + at, '\n', b.len - at) - b.p) + 1;
	/* sorted, lowercase? 64 lines spread over it, each against the next
	 * one (not every byte: the list is read at every start) */
	const char *w0 = b.p + at;
	size_t wlen = b.len - at;
	for (int k = 1; k < 64 && wlen; k++) {
		const char *x = w0 + (size_t)((double)wlen * k / 64);
		while (x > w0 && x[-1] != '\n')
			x--;
		const char *y = (const char *)memchr(x, '\n', (size_t)(w0 + wlen - x)) + 1;
		if (y >= w0 + wlen)
			break;
		size_t xn = (size_t)((const char *)memchr(x, '\n', (size_t)(w0 + wlen - x)) - x);
		size_t yn = (size_t)((const char *)memchr(y, '\n', (size_t)(w0 + wlen - y)) - y);
		int c = memcmp(x, y, xn < yn ? xn : yn);
		if (c > 0 || (c == 0 && xn > yn))
			yerr(fn, "%s is not sorted (LC_ALL=C sort)", path);
		for (size_t i = 0; i < xn; i++)
			if (x[i] == '\r' || x[i] == ' ' || x[i] == '\t' || (x[i] >= 'A' && x[i] <= 'Z'))
				yerr(fn, "%s: one lowercase word a line", path);
	}
	free(path);
	free(L->s);
	free(L->w);
	L->s = b.p;
	L->n = b.len;
	list_index(L, at);
}

/* The first word of L's words [lo, hi) at or after key[0..n); *found
 * when it is key. */
static size_t list_bound(const struct eq_list *L, size_t lo, size_t hi, const char *key, size_t n, int *found)
{
	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *x = L->s + L->w[mid];
		size_t ln = L->w[mid + 1] - L->w[mid] - 1, m = ln < n ? ln : n, i = 0;
		while (i < m && x[i] == key[i]) /* short words: no library call */
			i++;
		int c = i < m ? (unsigned char)x[i] - (unsigned char)key[i] : ln < n ? -1 : ln > n ? 1 : 0;
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* L->w, one offset a word, and L->at, each two-letter prefix's first
 * word, so a look-up searches only the words that begin like it. */
static void list_index(struct eq_list *L, size_t start)
{
	/* a word a line, most a few bytes: the line ends found 16 bytes at
	 * a time (a memchr a line cost more than the search) */
	size_t cap = (L->n - start) / 8 + 64;
	L->w = xrealloc(NULL, cap * sizeof *L->w);
	L->nw = 0;
	const char *s = L->s;
	size_t n = L->n, i = start;
	if (i < n)
		L->w[L->nw++] = (uint32_t)i;
#if defined(__SSE2__)
	const __m128i nl = _mm_set1_epi8('\n');
	for (; i + 16 <= n; i += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), nl));
		if (L->nw + 17 > cap) {
			cap *= 2;
			L->w = xrealloc(L->w, cap * sizeof *L->w);
		}
		for (; m; m &= m - 1)
			L->w[L->nw++] = (uint32_t)(i + (size_t)__builtin_ctz(m) + 1);
	}
#endif
	for (; i < n; i++)
		if (s[i] == '\n') {
			if (L->nw + 2 > cap) {
				cap *= 2;
				L->w = xrealloc(L->w, cap * sizeof *L->w);
			}
			L->w[L->nw++] = (uint32_t)(i + 1);
		}
	/* the last line ends the text (load_list adds its '\n'): its end is
	 * no word's start */
	if (L->nw && L->w[L->nw - 1] == n)
		L->nw--;
	L->w[L->nw] = (uint32_t)L->n;
	int found;
	for (int k = 0; k < 26 * 26; k++) {
		char key[2] = {(char)('a' + k / 26), (char)('a' + k % 26)};
		L->at[k] = (uint32_t)list_bound(L, k ? L->at[k - 1] : 0, L->nw, key, 2, &found);
	}
	L->at[26 * 26] = (uint32_t)L->nw;
}

int eq_list_has(const struct eq_list *L, const char *w, size_t n)
{
	char low[32];
	if (!L->n || n < 2 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = w[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 0x20);
		else if (c < 'a' || c > 'z')
			return 0;
		low[i] = c;
	}
	/* binary search over the bytes of the words that begin like it */
	int k = (low[0] - 'a') * 26 + (low[1] - 'a'), found;
	list_bound(L, L->at[k], L->at[k + 1], low, n, &found);
	return found;
}

static void load_names(struct eq_rules *R, const struct ynode *v)
{
	static const char *const keys[] = {"male", "female", "male-list", "female-list", NULL};
	ymap_check(v, keys);
	word_list(R, v, "male", EQ_W_MALE);
	word_list(R, v, "female", EQ_W_FEMALE);
	const struct ynode *f;
	if ((f = ymap_get(v, "male-list")))
		load_list(f, &R->male);
	if ((f = ymap_get(v, "female-list")))
		load_list(f, &R->female);
}

static void load_score(struct eq_rules *R, const struct ynode *v)
{
	ymap(v);
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const struct ynode *k = v->items[i];
		const char *key = yscalar(k);
		double x = ynumber(v->items[i + 1], -100, 100);
		if (!strcmp(key, "bias"))
			R->bias = x;
		else if (!strcmp(key, "direct"))
			R->direct = x;
		else if (!strcmp(key, "partial"))
			R->partial = x;
		else {
			int f = -1;
			for (int j = 0; j < EQ_NFEAT; j++)
				if (!strcmp(eq_feat_names[j], key))
					f = j;
			if (f < 0) {
				char list[1024] = "bias, direct, partial";
				for (int j = 0; j < EQ_NFEAT; j++) {
					strncat(list, ", ", sizeof list - strlen(list) - 1);
					strncat(list, eq_feat_names[j], sizeof list - strlen(list) - 1);
				}
				yerr(k, "unknown score key '%s' (expected one of: %s)", key, list);
			}
			R->w[f] = x;
		}
	}
}

static void forget(const struct ynode *s, void *ctx)
{
	struct eq_rules *R = ctx;
	check_word(s);
	if (wordset_get(&R->words, s->str, bare_len(s)))
		wordset_put(&R->words, s->str, bare_len(s), (struct ws_val){0, 0});
}

void eq_rules_load(const struct ynode *root, void *ctx)
{
	struct eq_rules *R = ctx;
	static const char *const keys[] = {"version", "marks", "elisions", "speech-verbs", "cue-phrases",
					   "pronouns", "titles", "roles", "people", "texts", "object-verbs", "org-heads", "places",
					   "first-names", "function-words", "time-words", "scare-words", "term-words",
					   "score", "forget", "common-words", NULL};
	ymap_check(root, keys);
	const struct ynode *v;
	if ((v = ymap_get(root, "forget"))) {
		if (v->kind != Y_SEQ)
			yerr(v, "'forget' must be a list of words");
		yeach_string(v, forget, R);
	}
	if ((v = ymap_get(root, "marks")))
		load_marks(R, v);
	if ((v = ymap_get(root, "speech-verbs")))
		load_verbs(R, v);
	if ((v = ymap_get(root, "cue-phrases")))
		load_phrases(R, v);
	if ((v = ymap_get(root, "pronouns")))
		load_pronouns(R, v);
	if ((v = ymap_get(root, "first-names")))
		load_names(R, v);
	if ((v = ymap_get(root, "score")))
		load_score(R, v);
	if ((v = ymap_get(root, "common-words")))
		load_list(v, &R->common);
	word_list(R, root, "elisions", EQ_W_ELISION);
	word_list(R, root, "titles", EQ_W_TITLE);
	word_list(R, root, "roles", EQ_W_ROLE);
	word_list(R, root, "people", EQ_W_PEOPLE);
	word_list(R, root, "texts", EQ_W_PEOPLE | EQ_W_TEXT);
	word_list(R, root, "object-verbs", EQ_W_OBJVERB);
	word_list(R, root, "org-heads", EQ_W_ORG);
	word_list(R, root, "places", EQ_W_PLACE);
	word_list(R, root, "function-words", EQ_W_FUNC);
	word_list(R, root, "time-words", EQ_W_TIME);
	word_list(R, root, "scare-words", EQ_W_SCARE);
	word_list(R, root, "term-words", EQ_W_TERM);
}
