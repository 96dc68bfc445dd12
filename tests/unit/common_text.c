/* common_text.c - unit tests of escaping, UTF-8 scanning, Unicode
 * normalization and hashing in common/. */
#include "buf.h"
#include "hash.h"
#include "lines.h"
#include "out.h"
#include "tsv.h"
#include "unicode.h"
#include "unit.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *unesc(const char *s, int *rc)
{
	static struct buf b;
	buf_reset(&b);
	*rc = tsv_unescape(s, strlen(s), &b);
	return buf_str(&b);
}

static void test_unescape(void)
{
	int rc;
	CHECK_STR(unesc("plain", &rc), "plain");
	CHECK(rc == 0);
	CHECK_STR(unesc("a\\tb\\nc\\rd\\\\e", &rc), "a\tb\nc\rd\\e");
	CHECK(rc == 0);
	CHECK_STR(unesc("\\\\t", &rc), "\\t");
	/* a backslash that starts no escape is text, and counted */
	CHECK_STR(unesc("not \\q an escape", &rc), "not \\q an escape");
	CHECK(rc == 1);
	CHECK_STR(unesc("\\- item \\[x\\] \\", &rc), "\\- item \\[x\\] \\");
	CHECK(rc == 4);
	CHECK_STR(unesc("", &rc), "");
}

/* Offsets of the unescaped text back in the raw field (for trims). */
static void test_raw_offset(void)
{
	int rc;
	const char *raw = "a\\tb\\\\c\\[d\\";
	size_t n = strlen(raw);
	CHECK_STR(unesc(raw, &rc), "a\tb\\c\\[d\\");
	CHECK(rc == 2); /* "\[" and the trailing backslash */
	CHECK(tsv_raw_offset(raw, n, 0) == 0);
	CHECK(tsv_raw_offset(raw, n, 2) == 3); /* after "a\t" */
	CHECK(tsv_raw_offset(raw, n, 4) == 6); /* after "a\tb\\" */
	CHECK(tsv_raw_offset(raw, n, 6) == 8); /* "\[" is two bytes, two characters */
	CHECK(tsv_raw_offset(raw, n, 9) == n);
	CHECK(tsv_raw_offset(raw, n, 99) == n);
}

/* The line reader over bytes in memory, with every chunk size from one
 * byte up (so the refill path runs on small inputs): the same lines as
 * with the default, a BOM dropped, CRLF and a last line without newline. */
static void test_lines_chunks(void)
{
	struct buf in = {0}, want = {0};
	buf_adds(&in, "\xEF\xBB\xBF" "first\r\n\nthird\n");
	for (int i = 0; i < 3000; i++)
		buf_addc(&in, (char)('a' + i % 26));
	buf_adds(&in, "\nlast, no newline");
	int ok = 1;
	for (size_t chunk = 0; chunk <= 70; chunk = chunk < 9 ? chunk + 1 : chunk * 3) {
		struct lines l = {0};
		l.chunk = chunk;
		lines_open_mem(&l, in.p, in.len, "(mem)");
		struct buf got = {0};
		while (lines_next(&l)) {
			buf_printf(&got, "%lu:%zu:", l.lineno, l.len);
			buf_add(&got, l.line, l.len);
			buf_addc(&got, '|');
			ok &= l.line[l.len] == '\0';
		}
		if (chunk == 0)
			buf_add(&want, got.p, got.len);
		else if (got.len != want.len || memcmp(got.p, want.p, got.len) != 0) {
			fprintf(stderr, "  chunk %zu: %.80s\n", chunk, buf_str(&got));
			ok = 0;
		}
		ok &= l.bytes == in.len;
		lines_free(&l);
		buf_free(&got);
	}
	CHECK(ok);
	CHECK(strncmp(buf_str(&want), "1:5:first|2:0:|3:5:third|4:3000:abc", 35) == 0);
	CHECK(strstr(want.p, "|5:16:last, no newline|") != NULL);
	/* the TSV reader over memory, one byte per read */
	struct tsv_reader r;
	struct tsv_opts o = {.chunk = 1};
	const char tsv[] = "doc\ttext\na\tone\nb\ttwo\\tthree";
	CHECK(tsv_open_mem(&r, tsv, sizeof tsv - 1, "(tsv)", &o) == 0);
	CHECK(r.ncols == 2 && strcmp(r.names[1], "text") == 0);
	CHECK(tsv_next(&r) && r.f[1].n == 3);
	CHECK(tsv_next(&r) && r.f[1].n == 10 && strcmp(r.fname, "(tsv)") == 0 && r.lineno == 3);
	CHECK(!tsv_next(&r));
	tsv_close(&r);
	CHECK(tsv_open_mem(&r, "", 0, "(empty)", NULL) == -1);
	buf_free(&in);
	buf_free(&want);
}

static void test_escape_roundtrip(void)
{
	/* out_escaped into a pipe, read back, unescape: same bytes */
	int fds[2];
	CHECK(pipe(fds) == 0);
	struct out o;
	out_open_fd(&o, fds[1], "pipe");
	const char src[] = "tab\there\nnew\rcr\\bs \xff end";
	out_escaped(&o, src, sizeof src - 1);
	CHECK(out_close(&o) == 0);
	char got[256];
	ssize_t n = read(fds[0], got, sizeof got - 1);
	close(fds[0]);
	CHECK(n > 0);
	got[n > 0 ? n : 0] = '\0';
	CHECK_STR(got, "tab\\there\\nnew\\rcr\\\\bs \xff end");
	CHECK(strchr(got, '\t') == NULL && strchr(got, '\n') == NULL);
	int rc;
	CHECK_STR(unesc(got, &rc), src);
}

/* out_escaped (8 bytes at a time) against a byte-by-byte reference, on
 * random strings over all 256 byte values and over the bytes near the
 * escapes, at every alignment. */
static void test_escape_random(void)
{
	unsigned seed = 12345, mismatches = 0;
	for (int round = 0; round < 2000; round++) {
		char src[80];
		size_t n = (size_t)(round % 80);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			static const char near[] = "\t\n\r\\\x0b\x0c\x0e\x00\x5b\x5d a";
			src[i] = (round & 1) ? (char)(r & 0xFF) : near[r % (sizeof near - 1)];
		}
		int fds[2];
		if (pipe(fds) != 0)
			return;
		struct out o;
		out_open_fd(&o, fds[1], "pipe");
		out_escaped(&o, src, n);
		out_close(&o);
		char got[256], want[256];
		ssize_t g = read(fds[0], got, sizeof got);
		close(fds[0]);
		size_t w = 0;
		for (size_t i = 0; i < n; i++) {
			char c = src[i], e = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\\' ? '\\' : 0;
			if (e)
				want[w++] = '\\', want[w++] = e;
			else
				want[w++] = c;
		}
		if (g < 0 || (size_t)g != w || memcmp(got, want, w) != 0)
			mismatches++;
	}
	CHECK(mismatches == 0);
}

static void test_utf8(void)
{
	size_t len;
	CHECK(u8_decode("A", 1, &len) == 'A' && len == 1);
	CHECK(u8_decode("\xC3\xA9", 2, &len) == 0xE9 && len == 2);
	CHECK(u8_decode("\xE2\x80\x9C", 3, &len) == 0x201C && len == 3);
	CHECK(u8_decode("\xF0\x9F\x98\x80", 4, &len) == 0x1F600 && len == 4);
	CHECK(u8_decode("\xC3", 1, &len) == U8_INVALID && len == 1);     /* truncated */
	CHECK(u8_decode("\xC0\xAF", 2, &len) == U8_INVALID);             /* overlong */
	CHECK(u8_decode("\xED\xA0\x80", 3, &len) == U8_INVALID);         /* surrogate */
	CHECK(u8_decode("\xF4\x90\x80\x80", 4, &len) == U8_INVALID);     /* > U+10FFFF */
	CHECK(u8_decode("\xFF", 1, &len) == U8_INVALID && len == 1);
	const char *s = "ab\xC3\xA9";
	CHECK(u8_decode_back(s, 4, &len) == 0xE9 && len == 2);
	CHECK(u8_decode_back(s, 2, &len) == 'b' && len == 1);
	CHECK(u8_decode_back("a\x80", 2, &len) == U8_INVALID && len == 1);
	char e[4];
	CHECK(u8_encode(0x201D, e) == 3 && memcmp(e, "\xE2\x80\x9D", 3) == 0);
	CHECK(u8_valid_prefix("abcdefghijklmnop\xC3\xA9xyz", 21) == 21);
	CHECK(u8_valid_prefix("abcdefghij\xFFzz", 13) == 10);
	struct buf b = {0};
	CHECK(u8_repair("a\xFF" "b\xC3", 4, &b) == 2);
	CHECK_STR(buf_str(&b), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	buf_free(&b);
	CHECK(u8_count("caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D", 13) == 8);
	CHECK(u8_count("\xFF\xFE", 2) == 2);
}

static const char *norm(const char *s, unsigned flags)
{
	static struct buf b;
	buf_reset(&b);
	uni_normalize(s, strlen(s), flags, &b);
	return buf_str(&b);
}

static void test_unicode(void)
{
	CHECK_STR(norm("Guaid\xC3\xB3", UNI_STRIP_ACCENTS), "Guaido");
	CHECK_STR(norm("Guaido\xCC\x81", UNI_NFC), "Guaid\xC3\xB3"); /* combining acute composed */
	CHECK_STR(norm("Nicol\xC3\xA1s MADURO", UNI_CASEFOLD | UNI_STRIP_ACCENTS), "nicolas maduro");
	CHECK_STR(norm("\xE2\x80\x9CHi,\xE2\x80\x9D she\xE2\x80\x99s \xE2\x80\x94 ok", UNI_PLAIN_PUNCT),
		  "\"Hi,\" she's - ok");
	CHECK_STR(norm("a\xC2\xA0" "b\xE2\x80\x8B" "c\xE2\x80\xAF" "d", UNI_PLAIN_PUNCT), "a bc d");
	CHECK_STR(norm("\xEF\xAC\x81" "le", UNI_NFKC), "file"); /* the fi ligature */
	/* invalid bytes pass through untouched, the rest is still normalized */
	CHECK_STR(norm("\xFF" "Caf\xC3\xA9\xFE", UNI_CASEFOLD | UNI_STRIP_ACCENTS), "\xFF" "cafe\xFE");
	CHECK_STR(norm("", UNI_NFC), "");
	CHECK(uni_is_upper('A') && !uni_is_upper('a') && uni_is_upper(0xC9) && !uni_is_upper(0xE9));
	CHECK(uni_is_letter(0x4E2D) && !uni_is_letter('1') && uni_is_digit(0x0663));
	CHECK(uni_is_space(0xA0) && uni_is_space(0x2009) && !uni_is_space('x'));
	CHECK(uni_is_punct(0x201C) && uni_is_punct('.') && !uni_is_punct('a'));
	CHECK(uni_tolower(0xC9) == 0xE9 && uni_tolower('Q') == 'q');
}

static void test_hash(void)
{
	CHECK(hash_bytes("abc", 3, 0) == hash_bytes("abc", 3, 0));
	CHECK(hash_bytes("abc", 3, 0) != hash_bytes("abd", 3, 0));
	CHECK(hash_bytes("abc", 3, 0) != hash_bytes("abc", 3, 1));
	CHECK(hash_bytes("abcdefgh", 8, 0) != hash_bytes("abcdefgh\0", 9, 0));
	struct strset s = {0};
	char name[32];
	int fresh = 0;
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(name, sizeof name, "doc-%d", i % 500);
		fresh += strset_add(&s, name, (size_t)n);
	}
	CHECK(fresh == 500 && s.len == 500);
	CHECK(strset_has(&s, "doc-499", 7) && !strset_has(&s, "doc-500", 7));
	CHECK(strset_add(&s, "a\0b", 3) == 1 && strset_add(&s, "a\0c", 3) == 1);
	strset_free(&s);
}

int main(void)
{
	test_unescape();
	test_raw_offset();
	test_lines_chunks();
	test_escape_roundtrip();
	test_escape_random();
	test_utf8();
	test_unicode();
	test_hash();
	return unit_done();
}
