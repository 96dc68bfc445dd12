/* bp_features.c - what one line looks like: words (scripts written without
 * spaces count two characters as a word), stopwords, capitals, digits,
 * markdown markup (headings, list bullets, images, links) and bare URLs,
 * and whether it ends like a sentence. One pass, ASCII fast path. */
#include "bp.h"
#include "bp_scan.h"
#include "unicode.h"
#include "utf8.h"

#include <string.h>

struct acc {
	const struct bp_config *c;
	unsigned words, stop, capwords, upper, letters, digits, visible, link, cjk;
	uint64_t rules;
	uint64_t punct[2]; /* ASCII punctuation seen (bit per byte value) */
	uint64_t hicp;     /* non-ASCII code points seen (bit cp % 64) */
	int www;           /* a word "www" */
	int url3;          /* "://" in the text scanned */
	unsigned looked, lookup_max; /* words looked up, and the most to look up */
	int trig;          /* after those, look up the words that may be trigger words */
	unsigned cap_stops;  /* capitalized stopwords inside a sentence, first words */
	int sent_start;      /* the next word starts a sentence */
	unsigned verbs, speech, address, lower, numeric, commas; /* sentence shape (bp_line.h) */
	unsigned quotes;     /* quotation marks */
	int inq;             /* inside a quotation: 1, or 2 after a low opening mark */
	int colon;           /* a "Label:" at the start: 3 while its next word is awaited */
	int32_t first;       /* first visible code point */
	unsigned middle;   /* words counted by spaces only */
	int32_t last;     /* last visible non-space code point */
	int32_t lastsent; /* last one that is not a closing quote or bracket */
};

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


enum { K_LOWER = 1, K_UPPER = 2, K_DIGIT = 4, K_SPACE = 8, K_CLOSER = 16, K_SENT = 32 };
static unsigned char ktab[256];
static unsigned char klow[256];   /* ASCII lowercase */
static uint32_t kcnt[256];        /* 1 for a capital, 1 << 16 for a digit, K_ALNUM_BIT for both and lowercase */
#define K_ALNUM_BIT (1u << 31)

static void init_ktab(void)
{
	if (ktab['a'])
		return;
	for (int c = 0; c < 256; c++)
		klow[c] = (unsigned char)c;
	for (int c = 'a'; c <= 'z'; c++)
		ktab[c] = K_LOWER, ktab[c - 32] = K_UPPER, klow[c - 32] = (unsigned char)c, kcnt[c - 32] = 1;
	for (int c = '0'; c <= '9'; c++)
		ktab[c] = K_DIGIT, kcnt[c] = 1 << 16;
	for (int c = 0; c < 256; c++)
		if (ktab[c] & (K_LOWER | K_UPPER | K_DIGIT))
			kcnt[c] |= K_ALNUM_BIT;
	ktab[' '] = ktab['\t'] = ktab['\n'] = ktab['\r'] = ktab['\v'] = ktab['\f'] = K_SPACE;
	ktab['"'] = ktab['\''] = ktab[')'] = ktab[']'] = ktab['*'] = ktab['_'] = K_CLOSER;
	/* a sentence starts after these */
	ktab['.'] |= K_SENT, ktab['!'] |= K_SENT, ktab['?'] |= K_SENT;
	ktab[':'] |= K_SENT, ktab['"'] |= K_SENT, ktab['('] |= K_SENT;
}

/* The signature (ws_sig) of the lowercase form of the ASCII word w. */
static inline unsigned ascii_sig(const char *w, size_t wn)
{
	const unsigned char *u = (const unsigned char *)w;
	return ws_sig_of(klow[u[0]], klow[u[wn > 1]], klow[u[wn - 1]], wn);
}

/* What the word set holds for a word: its class flags (BP_STOPWORD ...),
 * and its rules' bits ORed into *rules; 0 when absent. */
static inline unsigned found(const struct ws_val *v, uint64_t *rules)
{
	if (!v)
		return 0;
	*rules |= v->bits;
	return (unsigned)v->cls;
}

/* Look a word up (stopword? trigger of rules?); slow: it is not all
 * ASCII. Returns its class flags. Out of line: the scan loop only
 * counts, and lowercases nothing. */
static __attribute__((noinline)) unsigned lookup_slow(struct acc *A, const char *w, size_t wn, int slow);

/* The same, inline for the common case: an ASCII word of at most 8 bytes
 * with 8 bytes to read (avail: bytes from w to the end of the text). */
static inline unsigned lookup_word(struct acc *A, const char *w, size_t wn, int slow, size_t avail)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (!slow && wn <= 8 && avail >= 8) {
		const struct wordset *ws = &A->c->words;
		/* the word's bytes are letters, digits, apostrophes and
		 * hyphens: setting bit 5 of each lowercases it (and packs it
		 * as ws_pack does) */
		uint64_t key;
		memcpy(&key, w, 8);
		key |= 0x2020202020202020ULL;
		if (wn < 8)
			key &= (1ULL << (8 * wn)) - 1;
		if (key == 0x777777) /* "www" */
			A->www = 1;
		unsigned h = bp_wfilter_slot(key);
		if (A->c->wfilter[h >> 6] >> (h & 63) & 1)
			return found(wordset_get_packed(ws, key), &A->rules);
		return 0;
	}
#else
	(void)avail;
#endif
	if (!slow && wn > 8) {
		/* a longer ASCII word: most are not in the set */
		const struct wordset *ws = &A->c->words;
		if (wn > ws->maxlen || !ws_filter_has(ws->sig, ascii_sig(w, wn)))
			return 0;
	}
	return lookup_slow(A, w, wn, slow);
}

static unsigned lookup_slow(struct acc *A, const char *w, size_t wn, int slow)
{
	const struct wordset *ws = &A->c->words;
	char buf[64];
	if (!slow) {
		if (wn == 3 && klow[(unsigned char)w[0]] == 'w' && klow[(unsigned char)w[1]] == 'w' &&
		    klow[(unsigned char)w[2]] == 'w')
			A->www = 1;
		if (wn <= ws->maxlen && wn <= sizeof buf && ws_filter_has(ws->sig, ascii_sig(w, wn))) {
			for (size_t k = 0; k < wn; k++)
				buf[k] = (char)klow[(unsigned char)w[k]];
			return found(wordset_get(ws, buf, wn), &A->rules);
		}
	} else if (wn <= ws->maxlen * 2 + 2) { /* else longer than any word in the set */
		size_t k = bp_lower(w, wn, buf, sizeof buf);
		if (k)
			return found(wordset_get(ws, buf, k), &A->rules);
	}
	return 0;
}

/* Could the ASCII word w be a trigger word of a rule? (avail: bytes from
 * w to the end of the text) */
static inline int may_trigger(const struct bp_config *c, const char *w, size_t wn, size_t avail)
{
	const struct wordset *ws = &c->words;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (wn <= 8 && avail >= 8) {
		uint64_t key;
		memcpy(&key, w, 8);
		key |= 0x2020202020202020ULL;
		if (wn < 8)
			key &= (1ULL << (8 * wn)) - 1;
		unsigned h = bp_wfilter_slot(key);
		return c->tfilter[h >> 6] >> (h & 63) & 1;
	}
#else
	(void)avail;
#endif
	return wn <= ws->bits_maxlen && ws_filter_has(ws->bits_sig, ascii_sig(w, wn));
}

/* A word ended: count it and look it up while the line's lookups last,
 * then only where it may be a trigger word (trig). "To", "In", "Of"
 * capitalized inside a sentence count as title case. The looked-up words
 * also give the shape of a sentence: verbs (a lowercase English word in
 * -ed after the first counts as one), reported speech, words addressing
 * the reader outside quotation marks, lowercase and numeric words. */
#define END_WORD(w, wn)                                                                  \
	do {                                                                             \
		unsigned idx_ = words++;                                                 \
		capwords += cap;                                                         \
		int mid_ = !sent_start;                                                  \
		sent_start = 0;                                                          \
		if (looked < lookup_max) {                                               \
			looked++;                                                        \
			unsigned k_ = lookup_word(A, (w), (wn), slow, (size_t)(s + n - (w))); \
			nstop += k_ & BP_STOPWORD;                                       \
			cap_stops += (k_ & BP_STOPWORD) && cap && mid_ && idx_ < BP_TITLE_WORDS; \
			if (k_ & (BP_VERB | BP_SPEECH | BP_ADDRESS | BP_ADDRESS_CAP)) {  \
				verbs += (k_ & BP_VERB) != 0;                            \
				speech += (k_ & BP_SPEECH) != 0;                         \
				/* (not "US", the country) */                            \
				address += !inq && (((k_ & BP_ADDRESS) && !(cap && (wn) == 2 && (w)[1] == 'S')) || \
						    ((k_ & BP_ADDRESS_CAP) && cap && mid_)); \
			} else if (!slow && low && idx_ && (wn) >= 4 && (w)[(wn) - 1] == 'd' && \
				   (w)[(wn) - 2] == 'e') {                               \
				verbs++;                                                 \
			}                                                                \
			lower += low;                                                    \
			numeric += num;                                                  \
		} else if (trig && (slow || may_trigger(A->c, (w), (wn), (size_t)(s + n - (w))))) { \
			lookup_word(A, (w), (wn), slow, (size_t)(s + n - (w)));                                 \
		}                                                                        \
	} while (0)

/* A word starts: after "Label: " its case says whether a label or a
 * sentence goes on. */
#define START_WORD(islow)                                                                \
	do {                                                                             \
		if (colon == 3)                                                          \
			colon = (islow) ? 2 : 1;                                         \
	} while (0)

/* Plain text (no markup) s[0..n); link: it is the text of a link. The
 * counters live in locals (stores through A could alias the text). */
static void scan_text(struct acc *A, const char *s, size_t n, int link)
{
	size_t i = 0, w0 = 0;
	int inword = 0, cap = 0, slow = 0, low = 0, num = 0;
	unsigned letters = 0, upper = 0, digits = 0, visible = 0, lnk = 0, cjk = 0;
	int32_t last = A->last, lastsent = A->lastsent;
	uint64_t p0 = 0, p1 = 0, hicp = 0;
	unsigned words = A->words, capwords = A->capwords, looked = A->looked, nstop = A->stop;
	unsigned cap_stops = A->cap_stops;
	const unsigned lookup_max = A->lookup_max;
	const int trig = A->trig;
	int sent_start = A->sent_start;
	unsigned verbs = A->verbs, speech = A->speech, address = A->address, lower = A->lower;
	unsigned numeric = A->numeric, commas = A->commas, quotes = A->quotes;
	int inq = A->inq, colon = A->colon;
	int32_t first = A->first;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		unsigned f = ktab[ch];
		if (f & (K_LOWER | K_UPPER | K_DIGIT)) {
			if (!inword) {
				inword = 1, w0 = i, cap = (f & K_UPPER) != 0, slow = 0;
				low = (f & K_LOWER) != 0, num = (f & K_DIGIT) != 0;
				START_WORD(low);
				if (!first)
					first = ch;
			}
			/* the run of ASCII letters and digits, with apostrophes and
			 * hyphens between letters, in one tight loop */
			size_t j = i;
			uint32_t cnt = 0;
			unsigned inner = 0;
			for (;;) {
				/* 16 bytes at a time while they last ... */
				while (j + 16 <= n) {
					unsigned k;
					cnt += bp_run16(s + j, &k);
					j += k;
					if (k < 16)
						goto run_end;
				}
				/* ... then one at a time */
				while (j < n) {
					uint32_t v = kcnt[(unsigned char)s[j]];
					if (!(v & K_ALNUM_BIT))
						break;
					cnt += v;
					j++;
				}
			run_end:;
				unsigned char c2 = j < n ? (unsigned char)s[j] : 0;
				if ((c2 == '\'' || c2 == '-') && j + 1 < n &&
				    (ktab[(unsigned char)s[j + 1]] & (K_LOWER | K_UPPER))) {
					inner++;
					j++;
					continue;
				}
				break;
			}
			unsigned nd = (cnt >> 16) & 0x7FFF;
			digits += nd;
			upper += cnt & 0xFFFF;
			visible += (unsigned)(j - i);
			/* apostrophes and hyphens inside are neither letters nor digits */
			letters += (unsigned)(j - i) - nd - inner;
			last = lastsent = (unsigned char)s[j - 1];
			i = j;
			continue;
		}
		if (ch < 0x80) {
			/* an apostrophe or hyphen between letters stays inside the word */
			if (inword && (ch == '\'' || ch == '-') && i + 1 < n &&
			    (ktab[(unsigned char)s[i + 1]] & (K_LOWER | K_UPPER))) {
				visible++;
				last = ch;
				i++;
				continue;
			}
			if (inword) {
				END_WORD(s + w0, i - w0);
				inword = 0;
			}
			if (f & K_SENT) {
				sent_start = 1;
				if (ch == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/')
					A->url3 = 1;
				else if (ch == ':' && !colon && words >= 1 && words <= 3 && i + 1 < n && s[i + 1] == ' ')
					colon = 3;
				else if (ch == '"')
					inq = !inq, quotes++;
			}
			if (ch == ',')
				commas++;
			if (!(f & K_SPACE)) {
				if (ch < 64)
					p0 |= 1ULL << ch;
				else
					p1 |= 1ULL << (ch - 64);
				if (!first)
					first = ch;
				visible++;
				last = ch;
				if (!(f & K_CLOSER))
					lastsent = ch;
			}
			i++;
			continue;
		}
		size_t len;
		int32_t cp = u8_decode(s + i, n - i, &len);
		int alnum = 0, up = 0;
		if (cp < 0) {
			alnum = 0;
		} else if (bp_is_cjk(cp)) {
			/* no spaces between words: each character stands alone */
			if (inword) {
				END_WORD(s + w0, i - w0);
				inword = 0;
			}
			cjk++;
			letters++;
			if (!first)
				first = cp;
			visible++;
			hicp |= 1ULL << (cp & 63);
			last = lastsent = cp;
			i += len;
			continue;
		} else if (uni_is_letter(cp)) {
			alnum = 1;
			up = uni_is_upper(cp);
			letters++;
			upper += up;
		} else if (uni_is_digit(cp)) {
			alnum = 1;
			digits++;
		} else if (cp == 0x2019 && inword && i + len < n &&
			   (ktab[(unsigned char)s[i + len]] & (K_LOWER | K_UPPER))) {
			alnum = 1; /* a typographic apostrophe inside a word */
		}
		if (alnum) {
			if (!inword) {
				inword = 1, w0 = i, cap = up;
				low = !up && uni_is_letter(cp), num = !low && !up;
				START_WORD(low);
			}
			slow = 1;
		} else if (inword) {
			END_WORD(s + w0, i - w0);
			inword = 0;
		}
		/* quotation marks: “ ” „ « » (a “ after „ closes it) */
		if (cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0xBB) {
			quotes++;
			inq = cp == 0x201E ? 2 : cp == 0x201C && inq == 2 ? 0 : inq ? 0 : 1;
		} else if (cp == 0x201D) {
			quotes++;
			inq = 0;
		}
		if (cp >= 0)
			hicp |= 1ULL << (cp & 63);
		if (cp < 0 || !uni_is_space(cp)) {
			if (!first)
				first = cp < 0 ? 0xFFFD : cp;
			visible++;
			if (cp >= 0) {
				last = cp;
				if (!uni_is_closer(cp))
					lastsent = cp;
			}
		}
		i += len;
	}
	if (inword)
		END_WORD(s + w0, n - w0);
	A->words = words;
	A->capwords = capwords;
	A->looked = looked;
	A->stop = nstop;
	A->cap_stops = cap_stops;
	A->sent_start = sent_start;
	A->verbs = verbs, A->speech = speech, A->address = address, A->lower = lower;
	A->numeric = numeric, A->commas = commas, A->quotes = quotes;
	A->inq = inq, A->colon = colon, A->first = first;
	A->letters += letters;
	A->upper += upper;
	A->digits += digits;
	A->visible += visible;
	A->cjk += cjk;
	A->link += link ? visible : lnk;
	A->last = last;
	A->lastsent = lastsent;
	A->punct[0] |= p0;
	A->punct[1] |= p1;
	A->hicp |= hicp;
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

static void scan_md(struct acc *A, const char *s, size_t n, int link, int depth, unsigned char *img,
		    unsigned char *url)
{
	size_t i = 0, seg = 0;
	while (i < n) {
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
						scan_md(A, s + lb + 1, rb - lb - 1, 1, depth + 1, img, url);
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

void bp_features(const struct bp_config *c, struct bp_line *l)
{
	struct acc A;
	memset(&A, 0, sizeof A);
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
	init_ktab();
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
		struct bp_mid m;
		bp_mid_count(s, cut1, cut2, &m);
		unsigned sp = m.sp;
		if (m.br || m.cjk || m.url)
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
		memset(&A, 0, sizeof A);
		A.c = c;
		A.sent_start = 1;
		A.lookup_max = lookup_max;
		A.trig = trig;
		scan_md(&A, s + i, n - i, 0, 0, &img, &url);
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
