/* bp_words.c - the word scan of bp_features one byte at a time: the
 * reference that bp_wscan.c's 16-byte scan must agree with, and the scan
 * of machines without SSE2. Also the byte classes and the slow word
 * lookup (bp_words.h). */
#include "bp_words.h"
#include "bp_scan.h"
#include "unicode.h"
#include "utf8.h"

unsigned char bp_ktab[256];
unsigned char bp_klow[256];
static uint32_t kcnt[256];        /* 1 for a capital, 1 << 16 for a digit, K_ALNUM_BIT for both and lowercase */
#define K_ALNUM_BIT (1u << 31)

void bp_words_init(void)
{
	if (bp_ktab['a'])
		return;
	for (int c = 0; c < 256; c++)
		bp_klow[c] = (unsigned char)c;
	for (int c = 'a'; c <= 'z'; c++)
		bp_ktab[c] = K_LOWER, bp_ktab[c - 32] = K_UPPER, bp_klow[c - 32] = (unsigned char)c, kcnt[c - 32] = 1;
	for (int c = '0'; c <= '9'; c++)
		bp_ktab[c] = K_DIGIT, kcnt[c] = 1 << 16;
	for (int c = 0; c < 256; c++)
		if (bp_ktab[c] & (K_LOWER | K_UPPER | K_DIGIT))
			kcnt[c] |= K_ALNUM_BIT;
	bp_ktab[' '] = bp_ktab['\t'] = bp_ktab['\n'] = bp_ktab['\r'] = bp_ktab['\v'] = bp_ktab['\f'] = K_SPACE;
	bp_ktab['"'] = bp_ktab['\''] = bp_ktab[')'] = bp_ktab[']'] = bp_ktab['*'] = bp_ktab['_'] = K_CLOSER;
	/* a sentence starts after these */
	bp_ktab['.'] |= K_SENT, bp_ktab['!'] |= K_SENT, bp_ktab['?'] |= K_SENT;
	bp_ktab[':'] |= K_SENT, bp_ktab['"'] |= K_SENT, bp_ktab['('] |= K_SENT;
}

unsigned bp_lookup_slow(struct acc *A, const char *w, size_t wn, int slow)
{
	const struct wordset *ws = &A->c->words;
	char buf[64];
	if (!slow) {
		if (wn == 3 && bp_klow[(unsigned char)w[0]] == 'w' && bp_klow[(unsigned char)w[1]] == 'w' &&
		    bp_klow[(unsigned char)w[2]] == 'w')
			A->www = 1;
		if (wn <= ws->maxlen && wn <= sizeof buf && ws_filter_has(ws->sig, bp_ascii_sig(w, wn))) {
			for (size_t k = 0; k < wn; k++)
				buf[k] = (char)bp_klow[(unsigned char)w[k]];
			return bp_found(wordset_get(ws, buf, wn), &A->rules);
		}
	} else if (wn <= ws->maxlen * 2 + 2) { /* else longer than any word in the set */
		size_t k = bp_lower(w, wn, buf, sizeof buf);
		if (k)
			return bp_found(wordset_get(ws, buf, k), &A->rules);
	}
	return 0;
}

void bp_scan_words_ref(struct acc *A, const char *s, size_t n, int link)
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
		unsigned f = bp_ktab[ch];
		if (f & (K_LOWER | K_UPPER | K_DIGIT)) {
			if (!inword) {
				inword = 1, w0 = i, cap = (f & K_UPPER) != 0, slow = 0;
				low = (f & K_LOWER) != 0, num = (f & K_DIGIT) != 0;
				BP_START_WORD(low);
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
				    (bp_ktab[(unsigned char)s[j + 1]] & (K_LOWER | K_UPPER))) {
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
			    (bp_ktab[(unsigned char)s[i + 1]] & (K_LOWER | K_UPPER))) {
				visible++;
				last = ch;
				i++;
				continue;
			}
			if (inword) {
				BP_END_WORD(s + w0, i - w0, inq);
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
				BP_END_WORD(s + w0, i - w0, inq);
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
			   (bp_ktab[(unsigned char)s[i + len]] & (K_LOWER | K_UPPER))) {
			alnum = 1; /* a typographic apostrophe inside a word */
		}
		if (alnum) {
			if (!inword) {
				inword = 1, w0 = i, cap = up;
				low = !up && uni_is_letter(cp), num = !low && !up;
				BP_START_WORD(low);
			}
			slow = 1;
		} else if (inword) {
			BP_END_WORD(s + w0, i - w0, inq);
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
		BP_END_WORD(s + w0, n - w0, inq);
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
