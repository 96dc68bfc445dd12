/* strip-boilerplate_scan.c - unit tests of bp_scan.h (the 16-bytes-at-a-time
 * loops of the features) against plain byte-by-byte references, on random
 * text rich in letters, digits, spaces, brackets, colons and UTF-8 lead
 * bytes, and on plain text (a middle without markup) short and long. */
#include "unit.h"
#include "strip-boilerplate/bp_scan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static unsigned rnd_state = 12345;

static unsigned rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 16) & 0x7FFF;
}

static char rnd_byte(void)
{
	static const char pick[] = "aZz09AMq  [:-'.\"//";
	unsigned r = rnd() % 10;
	if (r < 6)
		return pick[rnd() % (sizeof pick - 1)];
	if (r < 8)
		return (char)(0xE0 + rnd() % 16); /* lead bytes around 0xE3..0xE9 */
	return (char)(rnd() % 256);
}

static uint32_t ref_run16(const char *p, unsigned *len)
{
	uint32_t r = 0;
	unsigned k = 0;
	for (; k < 16; k++) {
		unsigned char c = (unsigned char)p[k];
		if (c >= 'A' && c <= 'Z')
			r += 1;
		else if (c >= '0' && c <= '9')
			r += 1u << 16;
		else if (!(c >= 'a' && c <= 'z'))
			break;
	}
	*len = k;
	return r;
}

struct bp_mid { unsigned sp, br, colon, cjk, url; };

static void ref_mid(const char *s, size_t a, size_t b, struct bp_mid *m)
{
	memset(m, 0, sizeof *m);
	for (size_t k = a; k + 1 < b; k++) {
		unsigned char ch = (unsigned char)s[k];
		m->sp += ch == ' ' && s[k + 1] != ' ';
		m->br += ch == '[';
		m->colon += ch == ':';
		m->cjk += ch >= 0xE3 && ch <= 0xE9;
		m->url += k + 3 <= b && memcmp(s + k, "://", 3) == 0;
	}
}

/* bp_mid_plain against the reference on s[a..b); 1 when they agree. */
static int mid_agrees(const char *s, size_t a, size_t b)
{
	struct bp_mid m;
	ref_mid(s, a, b, &m);
	unsigned sp = 12345, sp2 = 54321;
	int plain = bp_mid_plain(s, a, b, &sp);
	if (plain != !(m.br || m.cjk || m.url))
		return 0;
	/* (and 32 bytes at a time, where the machine has AVX2) */
	if (bp_mid_plain_fast(s, a, b, &sp2) != plain || (plain && sp2 != sp))
		return 0;
	return !plain || sp == m.sp;
}

int main(void)
{
	char buf[300];
	int run_ok = 1, mid_ok = 1, plain_seen = 0;
	for (int t = 0; t < 20000; t++) {
		for (size_t i = 0; i < sizeof buf; i++)
			buf[i] = rnd_byte();
		/* long runs of letters and digits too */
		if (t % 3 == 0) {
			size_t at = rnd() % 200, len = rnd() % 40;
			for (size_t i = 0; i < len; i++)
				buf[at + i] = "abcXYZ019"[rnd() % 9];
		}
		size_t off = rnd() % 200;
		unsigned l1, l2;
		uint32_t c1 = bp_run16(buf + off, &l1), c2 = ref_run16(buf + off, &l2);
		if (c1 != c2 || l1 != l2)
			run_ok = 0;
		/* plain text with a rare colon, slash or bracket */
		if (t % 4 == 1)
			for (size_t i = 0; i < sizeof buf; i++)
				buf[i] = rnd() % 50 ? "ab Z09  -'.\""[rnd() % 12] : ":/[\xe5"[rnd() % 4];
		size_t a = rnd() % 150, b = a + rnd() % 150;
		if (!mid_agrees(buf, a, b))
			mid_ok = 0;
		plain_seen += bp_mid_plain(buf, a, b, &l1);
	}
	CHECK(run_ok);
	CHECK(mid_ok);
	CHECK(plain_seen > 1000);
	/* more than 255 blocks of 16 (the byte counts are summed then) */
	static char big[9000];
	for (size_t i = 0; i < sizeof big; i++)
		big[i] = i % 3 == 2 ? ' ' : 'x';
	CHECK(mid_agrees(big, 0, sizeof big) && mid_agrees(big, 5, sizeof big - 7));
	unsigned sp;
	CHECK(bp_mid_plain(big, 0, sizeof big, &sp) && sp == sizeof big / 3 - 1); /* (not the last byte) */
	big[8000] = '[';
	CHECK(!bp_mid_plain(big, 0, sizeof big, &sp) && bp_mid_plain(big, 0, 8000, &sp) && mid_agrees(big, 1, 8001));
	/* fixed cases */
	unsigned len;
	CHECK(bp_run16("Hello World 1234", &len) == 1 && len == 5);
	CHECK(bp_run16("ABCdef0123456789", &len) == (3u + (10u << 16)) && len == 16);
	CHECK(bp_run16("\xc3\xa9t\xc3\xa9 and more...", &len) == 0 && len == 0);
	CHECK(bp_pop16(0xFFFF) == 16 && bp_pop16(0) == 0 && bp_pop16(0x8001) == 2);
	const char *s = "a  b c: d e                x";
	CHECK(bp_mid_plain(s, 0, strlen(s), &sp) && sp == 5);
	s = "a  b [c]: d e";
	CHECK(!bp_mid_plain(s, 0, strlen(s), &sp));
	s = "a  b c: d\xe3\x81\x82 e";
	CHECK(!bp_mid_plain(s, 0, strlen(s), &sp));
	s = "see http://example.com and also more words than sixteen bytes";
	CHECK(!bp_mid_plain(s, 0, strlen(s), &sp));
	s = "a line that ends in a colon and two slashes, more than sixteen bytes long:/";
	CHECK(bp_mid_plain(s, 0, strlen(s), &sp)); /* "://" would need one more byte */
	return unit_done();
}
