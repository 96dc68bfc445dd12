/* common_foldmixed.c - fold() with the word flags on mixed texts (ASCII
 * with accents, other scripts, combining marks, invalid UTF-8, character
 * references, tags, NBSP): the fast path, which takes the ASCII stretches
 * of such texts, against the general path. The general path is computed
 * twice: in a child process with COPYDESK_NO_FAST_FOLD set (no fast path
 * at all, no map: the code as it was), and here with a map (the map
 * always takes the general path). Fails on the first text where they
 * differ. */
#include "buf.h"
#include "fold.h"
#include "unit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { TEXTS = 120000 };

/* The pieces texts are made of: every class of byte the word flags treat
 * apart, and the sequences around which the two paths could disagree. */
static const char *const pieces[] = {
	"a", "Z", "q", "7", "0", "word", "Words", "ASCIIstretchlongerthansixteen",
	"the quick brown fox jumps over the lazy dog and runs on", "1,000", "U.S.",
	" ", " ", " ", "  ", "\t", "\n", "\r\n", "\v", "\f",
	".", ",", "'", "-", "!", "\"", "(", ")", ":", ";", "?", "@", "[", "]", "\\", "_",
	"{", "}", "#", "%", "*", "/",
	"$", "+", "=", ">", "^", "`", "|", "~", "\x01", "\x1F", "\x7F", "\0",
	"\xC3\xA9", "\xC3\x89", "e\xCC\x81", "\xCC\x81", "\xCC\x88", "\xC3\x9F",   /* é É e+◌́ ◌́ ◌̈ ß */
	"\xC2\xA0", "\xE2\x80\x8B", "\xE2\x80\x99", "\xCA\xBC", "\xE2\x80\x9C", /* NBSP ZWSP ’ ʼ “ */
	"\xE2\x80\x94", "\xE2\x80\xA6", "\xC2\xAB", "\xC2\xBB", "\xC2\xAD",     /* — … « » SHY */
	"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xCE\x91\xCE\xB8", /* Москва Αθ */
	"\xE6\x9D\xB1\xE4\xBA\xAC", "\xD8\xB9\xD8\xB1\xD8\xA8", "\xE0\xA4\xB9\xE0\xA4\xBF", /* 東京 عرب हि */
	"\xEF\xAC\x81", "\xEF\xBC\xA6", "\xC2\xB2", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", /* ﬁ Ｆ ² € 😀 */
	"\xE2\x80\xA8", "\xE3\x80\x80", "\xE2\x80\xAF",                         /* LS, ideographic, narrow NBSP */
	"\xFF", "\xC3", "\xE2\x80", "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", /* invalid */
	"&amp;", "&lt;", "&quot;", "&#39;", "&#x41;", "&#X2019;", "&#0;", "&#xD800;", "&nbsp;",
	"&eacute;", "&Eacute;", "&ntilde;", "&uuml;", "&Ycirc;", "&xacute;", "&hellip;", "&mdash;",
	"&rsquo;", "&bogus;", "&", "&;", "&#;", "&amp", "&#12345678;",
	"<p>", "</p>", "<br/>", "<!-- x -->", "<?x?>", "< 5", "<", "</ a>", "<b", "<AN>",
};

static uint64_t rng = 0x243F6A8885A308D3ULL;

static uint64_t next(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return rng;
}

/* Text t of the sequence (the same in both processes): pieces, or now and
 * then random bytes; its length returned. */
static size_t text(char *s, size_t cap)
{
	size_t n = 0, want = (size_t)(next() % 240);
	int bytes = next() % 8 == 0; /* random bytes of the ranges that matter */
	while (n < want) {
		if (bytes) {
			static const char pick[] = "aZ9 .,'&<;#x\xC3\xA9\xE2\x80\x99\xFF";
			s[n++] = pick[next() % (sizeof pick - 1)];
			continue;
		}
		size_t p = (size_t)(next() % (sizeof pieces / sizeof pieces[0]));
		size_t k = pieces[p][0] ? strlen(pieces[p]) : 1; /* "\0": one NUL */
		if (n + k > cap)
			break;
		memcpy(s + n, pieces[p], k);
		n += k;
	}
	return n;
}

/* The flag sets dedupe and the other users pass, and the word flags with
 * each of the others alone. */
static const unsigned flagsets[] = {
	FOLD_WORDS,
	FOLD_NOPUNCT | FOLD_SPACE1,
	FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_CASE,
	FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_MARKUP,
	FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_MARKS,
	FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_ACCENTS,
	FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_COMPAT,
	FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_ALL,
	FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_MARKUP | FOLD_CASE,
	FOLD_NOPUNCT, FOLD_SPACE1, FOLD_MARKUP, FOLD_NOPUNCT | FOLD_MARKUP | FOLD_ALL,
	FOLD_SPACE1 | FOLD_MARKUP | FOLD_ALL,
};
enum { NFLAGS = sizeof flagsets / sizeof flagsets[0] };

/* The child: every text folded by the general path, written to f as a
 * length and the bytes. */
static void general(FILE *f)
{
	setenv("COPYDESK_NO_FAST_FOLD", "1", 1);
	static char s[4096];
	struct buf b = {0};
	for (int t = 0; t < TEXTS; t++) {
		size_t n = text(s, sizeof s);
		buf_reset(&b);
		fold(s, n, flagsets[t % NFLAGS], &b, NULL);
		uint32_t len = (uint32_t)b.len;
		fwrite(&len, sizeof len, 1, f);
		fwrite(b.p, 1, b.len, f);
	}
	buf_free(&b);
	fflush(f);
	_exit(ferror(f) ? 1 : 0);
}

static void test_mixed(void)
{
	FILE *f = tmpfile();
	CHECK(f != NULL);
	if (!f)
		return;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		general(f);
	int st = 0;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	rewind(f);
	static char s[4096], ref[8192];
	struct buf a = {0}, m = {0};
	struct fold_map map = {0};
	int same = 1, checked = 0;
	for (int t = 0; t < TEXTS && same; t++) {
		size_t n = text(s, sizeof s);
		unsigned flags = flagsets[t % NFLAGS];
		uint32_t len = 0;
		if (fread(&len, sizeof len, 1, f) != 1 || len > sizeof ref || fread(ref, 1, len, f) != len) {
			same = 0;
			fprintf(stderr, "text %d: the general path's output is missing\n", t);
			break;
		}
		buf_reset(&a);
		buf_reset(&m);
		fold(s, n, flags, &a, NULL);
		fold(s, n, flags, &m, &map);
		same = a.len == len && !memcmp(a.p, ref, len) && m.len == len && !memcmp(m.p, ref, len);
		if (!same)
			fprintf(stderr, "text %d (flags %#x) differs: '%.*s'\n  fast    '%s'\n  general '%.*s'\n  mapped  '%s'\n",
				t, flags, (int)n, s, buf_str(&a), (int)len, ref, buf_str(&m));
		checked++;
	}
	CHECK(same);
	CHECK(checked == TEXTS);
	fclose(f);
	buf_free(&a);
	buf_free(&m);
	fold_map_free(&map);
}

/* The stretches at the edges: a joining byte between a letter that is
 * not ASCII and an ASCII one, the stretch ending or starting on it. */
static void test_edges(void)
{
	static struct buf b;
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"caf\xC3\xA9's long enough stretch of ascii here", "cafes long enough stretch of ascii here"},
		{"a long enough stretch of ascii text,\xC3\xA9t\xC3\xA9", "a long enough stretch of ascii textete"},
		{"a long enough stretch of ascii text, \xC3\xA9t\xC3\xA9", "a long enough stretch of ascii text ete"},
		{"\xC3\xA9.a long enough stretch of ascii text. \xC3\xA9", "ea long enough stretch of ascii text e"},
		{"  &amp; a long enough stretch of ascii text &amp;  ", "a long enough stretch of ascii text"},
		{"x&nbsp;a long enough stretch of ascii text&#39;s", "x a long enough stretch of ascii texts"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_reset(&b);
		fold(cases[i].in, strlen(cases[i].in), FOLD_WORDS, &b, NULL);
		CHECK_STR(buf_str(&b), cases[i].want);
	}
	buf_free(&b);
}

int main(void)
{
	test_edges();
	test_mixed();
	return unit_done();
}
