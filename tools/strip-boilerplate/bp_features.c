/* bp_features.c - what one line looks like: words (scripts written without
 * spaces count two characters as a word), stopwords, capitals, digits,
 * markdown markup (headings, list bullets, images, links) and bare URLs,
 * and whether it ends like a sentence. One pass, ASCII fast path. */
#include "bp.h"
#include "bp_scan.h"
#include "bp_words.h"
#include "unicode.h"
#include "utf8.h"

#include <string.h>

/* The word scan (bp_words.h): 64 bytes at a time, or the reference. */
typedef void scan_fn(struct acc *A, const char *s, size_t n, int link);

size_t bp_lower(const char *w, size_t wn, char *low, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < wn;) {
		unsigned char ch = (unsigned char)w[i];
		if (ch < 0x80) {
			if (k + 1 > cap)
				return 0;
			low[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
			i++;
			continue;
		}
		size_t len;
		int32_t cp = u8_decode(w + i, wn - i, &len);
		if (cp < 0)
			return 0;
		char enc[4];
		size_t el = u8_encode(uni_tolower(cp), enc);
		if (k + el > cap)
			return 0;
		memcpy(low + k, enc, el);
		k += el;
		i += len;
	}
	return k;
}


/* End of a bracketed group starting at s[i] == open, or 0. */
static size_t match_close(const char *s, size_t n, size_t i, char open, char close)
{
	int depth = 0;
	size_t lim = i + 2000 < n ? i + 2000 : n;
	for (size_t k = i; k < lim; k++) {
		if (s[k] == '\\' && k + 1 < lim) {
			k++;
			continue;
		}
		if (s[k] == open)
			depth++;
		else if (s[k] == close && --depth == 0)
			return k;
	}
	return 0;
}

static int prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(s, p, k) == 0;
}

/* The first position from i on where scan_md may find markup: '[', "![",
 * "ht" or "ww" (16 bytes at a time; near the end, i itself). */
static inline size_t md_next(const char *s, size_t i, size_t n)
{
#ifdef BP_SCAN_SSE2
	const __m128i lb = _mm_set1_epi8('['), bang = _mm_set1_epi8('!'), h = _mm_set1_epi8('h');
	const __m128i t = _mm_set1_epi8('t'), w = _mm_set1_epi8('w');
	/* reads s[i .. i + 16], all before n */
	for (; i + 17 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i nx = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
		__m128i at = _mm_or_si128(_mm_cmpeq_epi8(v, lb), _mm_and_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(nx, lb)));
		at = _mm_or_si128(at, _mm_and_si128(_mm_cmpeq_epi8(v, h), _mm_cmpeq_epi8(nx, t)));
		at = _mm_or_si128(at, _mm_and_si128(_mm_cmpeq_epi8(v, w), _mm_cmpeq_epi8(nx, w)));
		unsigned m = (unsigned)_mm_movemask_epi8(at);
		if (m)
			return i + (unsigned)__builtin_ctz(m);
	}
#else
	(void)s, (void)n;
#endif
	return i;
}

static void scan_md(scan_fn *scan_text, struct acc *A, const char *s, size_t n, int link, int depth,
		    unsigned char *img, unsigned char *url)
{
	size_t i = 0, seg = 0;
	while (i < n) {
		i = md_next(s, i, n);
		char ch = s[i];
		if ((ch == '[' || (ch == '!' && i + 1 < n && s[i + 1] == '[')) && depth < 4) {
			size_t lb = ch == '!' ? i + 1 : i;
			size_t rb = match_close(s, n, lb, '[', ']');
			if (rb && rb + 1 < n && s[rb + 1] == '(') {
				size_t rp = match_close(s, n, rb + 1, '(', ')');
				if (rp) {
					scan_text(A, s + seg, i - seg, link);
					if (ch == '!')
						/* 2: with alt text (not visible text), or
						 * after text: a figure or a teaser */
						*img |= rb > lb + 1 || A->visible ? 2 : 1;
					else
						scan_md(scan_text, A, s + lb + 1, rb - lb - 1, 1, depth + 1, img, url);
					i = seg = rp + 1;
					continue;
				}
			}
		} else if ((ch == 'h' && (prefix(s + i, n - i, "http://") || prefix(s + i, n - i, "https://"))) ||
			   (ch == 'w' && prefix(s + i, n - i, "www.") && (i == 0 || s[i - 1] == ' '))) {
			scan_text(A, s + seg, i - seg, link);
			size_t e = i;
			while (e < n && s[e] != ' ' && s[e] != ')' && s[e] != ']')
				e++;
			A->visible += (unsigned)(e - i);
			A->link += (unsigned)(e - i);
			A->last = A->lastsent = 'u';
			*url = 1;
			i = seg = e;
			continue;
		}
		i++;
	}
	scan_text(A, s + seg, n - seg, link);
}

static void features(const struct bp_config *c, struct bp_line *l, scan_fn *scan_text)
{
	struct acc A;
	bp_acc_clear(&A);
	A.c = c;
	A.sent_start = 1;
	const char *s = l->s + l->a;
	size_t n = l->b - l->a, i = 0;
	/* a line longer than every rule with trigger words needs only a sample
	 * of its words looked up, for the stopword share */
	unsigned lookup_max = n > c->needs_max_len ? BP_STOP_SAMPLE_PLAIN : n > BP_SAMPLE_LEN ? BP_STOP_SAMPLE : ~0u;
	int trig = n > BP_SAMPLE_LEN && n <= c->needs_max_len;
	A.lookup_max = lookup_max;
	A.trig = trig;
	l->heading = l->bullet = l->list_heading = 0;
	/* markdown block markers */
	while (i < n && s[i] == '#' && i < 6)
		i++;
	if (i && i < n && s[i] == ' ')
		l->heading = (unsigned char)i;
	else
		i = 0;
	if (!l->heading) {
		if (n >= 2 && (s[0] == '*' || s[0] == '-' || s[0] == '+' || s[0] == '>') && s[1] == ' ')
			l->bullet = s[0] == '>' ? 2 : 1, i = 2, l->list_heading = n > 2 && s[2] == '#';
		else {
			size_t k = 0;
			while (k < n && k < 4 && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k && k + 1 < n && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ')
				l->bullet = 3, i = k + 2;
		}
	}
	unsigned char img = 0, url = 0;
	bp_words_init();
	/* most lines have no markup: scan them as plain text, and again with
	 * markup when a bracket, "://" or "www" turned up. A long line that
	 * no rule with trigger words looks at is scanned at both ends only,
	 * when its middle is plain ASCII: there its words are counted by
	 * spaces (the ratios come from the ends). */
	size_t cut1 = 0, cut2 = 0;
	if (n - i > BP_SCAN_FULL) {
		/* (a line no rule with trigger words looks at needs fewer
		 * words at its head and only its end at its tail) */
		int plain = n > c->needs_max_len;
		cut1 = i + (plain ? BP_SCAN_HEAD_PLAIN : BP_SCAN_HEAD);
		while (cut1 < n && s[cut1] != ' ')
			cut1++;
		cut2 = n - (plain ? BP_SCAN_TAIL_PLAIN : BP_SCAN_TAIL);
		while (cut2 > cut1 && s[cut2] != ' ')
			cut2--;
		if (cut2 <= cut1 + BP_SCAN_TAIL_PLAIN)
			cut1 = cut2 = 0;
	}
	if (cut2) {
		/* words start after a space; a bracket, a URL or a script
		 * written without spaces needs the full scan */
		unsigned sp;
		if (!bp_mid_plain_fast(s, cut1, cut2, &sp))
			cut1 = cut2 = 0; /* not plain: scan it all */
		else {
			scan_text(&A, s + i, cut1 - i, 0);
			A.words += sp;
			A.middle = sp;
			A.visible += (unsigned)(cut2 - cut1) - sp;
			scan_text(&A, s + cut2, n - cut2, 0);
		}
	}
	if (!cut2)
		scan_text(&A, s + i, n - i, 0);
	/* the middle of a cut line holds no "://", and the cuts are at
	 * spaces: the flag tells whether the whole line holds one */
	if ((A.punct[1] >> ('[' - 64) & 1) || A.www || A.url3) {
		uint64_t p0 = A.punct[0], p1 = A.punct[1], hc = A.hicp;
		bp_acc_clear(&A);
		A.c = c;
		A.sent_start = 1;
		A.lookup_max = lookup_max;
		A.trig = trig;
		scan_md(scan_text, &A, s + i, n - i, 0, 0, &img, &url);
		A.punct[0] = p0, A.punct[1] = p1, A.hicp = hc;
	}
	l->hicp = A.hicp;
	l->punct[0] = A.punct[0];
	l->punct[1] = A.punct[1];
	l->has_url = url;
	l->rule_mask = A.rules;
	l->cap_stops = (unsigned char)(A.cap_stops < 255 ? A.cap_stops : 255);
	l->image = img;
	float w = (float)A.words + (float)A.cjk * 0.5f;
	l->words = w;
	l->visible = A.visible;
	l->no_text = A.letters + A.digits == 0;
	l->stop = A.looked ? (float)A.stop / (float)A.looked : 0;
	if (A.cjk * 2 > A.letters)
		l->stop = -1; /* no stopword cue for this script */
	l->links = A.visible ? (float)A.link / (float)A.visible : 0;
	l->caps = A.letters ? (float)A.upper / (float)A.letters : 0;
	l->digits = A.letters + A.digits ? (float)A.digits / (float)(A.letters + A.digits) : 0;
	l->titlecase = A.words - A.middle ? (float)A.capwords / (float)(A.words - A.middle) : 0;
	int32_t e = A.lastsent;
	l->ends_punct = e == '.' || e == '!' || e == '?' || e == 0x2026 || e == 0x3002 ||
			e == 0xFF01 || e == 0xFF1F || e == 0x0964 || e == 0x061F;
	if (!l->ends_punct && (e == ':' || e == ';'))
		l->ends_punct = 2;
#define CAP8(x) (unsigned char)((x) < 255 ? (x) : 255)
	l->verbs = CAP8(A.verbs);
	l->speech = CAP8(A.speech);
	l->address = CAP8(A.address);
	l->lower = CAP8(A.lower);
	l->numeric = CAP8(A.numeric);
	l->commas = CAP8(A.commas);
	l->looked = CAP8(A.looked);
#undef CAP8
	l->label = A.colon == 1 || A.colon == 2 ? (unsigned char)A.colon : 0;
	int32_t f = A.first, z = A.last;
	int qf = f == '"' || f == 0x201C || f == 0x201E || f == 0xAB || f == 0xBB;
	int qz = z == '"' || z == 0x201D || z == 0x201C || z == 0xBB || z == 0xAB;
	l->quote = A.quotes ? (qf && qz && l->ends_punct == 1 ? 2 : 1) : 0;
	l->prose = (unsigned char)bp_is_prose(&c->p, l);
}

void bp_features(const struct bp_config *c, struct bp_line *l)
{
	features(c, l, bp_scan_words);
}

void bp_features_ref(const struct bp_config *c, struct bp_line *l)
{
	features(c, l, bp_scan_words_ref);
}

int bp_is_prose(const struct bp_params *p, const struct bp_line *l)
{
	if (l->quote == 2)
		return 1; /* a quoted statement, however short */
	/* a sentence end (or a colon that opens a quotation or a list) */
	if (!(l->ends_punct == 1 || (l->ends_punct == 2 && l->words >= 2 * p->prose_words)))
		return 0;
	if (l->words < p->prose_words || l->looked == 0 || l->heading || l->list_heading || l->has_url ||
	    l->image || l->links > 0 || l->label == 1)
		return 0;
	double n = l->looked;
	if (l->lower < p->prose_lower * n || l->numeric > p->prose_numeric * n)
		return 0;
	/* a finite verb, or so many lowercase words that it is not a name,
	 * a title or a label */
	return l->verbs + l->speech > 0 || l->quote ||
	       (l->words >= p->prose_words + 3 && l->lower >= p->prose_lower_alone * n);
}
