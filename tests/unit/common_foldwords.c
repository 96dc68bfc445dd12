/* common_foldwords.c - fold() with the word flags (FOLD_NOPUNCT,
 * FOLD_SPACE1, FOLD_MARKUP): what dedupe compares. */
#include "buf.h"
#include "fold.h"
#include "unit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *folded(const char *s, unsigned flags)
{
	static struct buf b;
	buf_reset(&b);
	fold(s, strlen(s), flags, &b, NULL);
	return buf_str(&b);
}

static void test_words(void)
{
	/* punctuation breaks words, joins them between letters or digits */
	CHECK_STR(folded("Hello, world! (It's 1,000.5 U.S. dlrs.)", FOLD_WORDS),
		  "hello world its 10005 us dlrs");
	CHECK_STR(folded("co-managing — the “plan”…", FOLD_WORDS), "co managing the plan");
	CHECK_STR(folded("Guaidó’s Mr. Smith", FOLD_WORDS), "guaidos mr smith");
	CHECK_STR(folded("  a \t\n b  ", FOLD_WORDS), "a b");
	CHECK_STR(folded("a\xC2\xA0\xC2\xA0" "b\xE2\x80\x8B" "c", FOLD_WORDS), "a bc");
	CHECK_STR(folded("$5 + 3 = 8", FOLD_WORDS), "$5 + 3 = 8"); /* symbols stay */
	CHECK_STR(folded("Sales - 1,789", FOLD_WORDS), "sales 1789");
	CHECK_STR(folded("GUAIDO\xCC\x81 ﬁnal", FOLD_WORDS), "guaido final");
	CHECK_STR(folded("", FOLD_WORDS), "");
	CHECK_STR(folded("...", FOLD_WORDS), "");
	/* without FOLD_SPACE1 a break is one space and white space stays */
	CHECK_STR(folded("a,b. c\td", FOLD_NOPUNCT), "ab  c\td");
	CHECK_STR(folded("U.S.", FOLD_NOPUNCT), "US ");
	/* invalid bytes pass */
	CHECK_STR(folded("\xFF" "abc\xC3", FOLD_WORDS), "\xFF" "abc\xC3");
}

static void test_markup(void)
{
	CHECK_STR(folded("Japan&#39;s &quot;plan&quot;&nbsp;", FOLD_WORDS), "japans plan");
	CHECK_STR(folded("caf&eacute; &Eacute;T&Eacute; &#x41;&#66;", FOLD_WORDS), "cafe ete ab");
	CHECK_STR(folded("caf&eacute;", FOLD_MARKUP), "caf\xC3\xA9"); /* composed */
	CHECK_STR(folded("<p>One<br/>two</p> <!-- x --> x < 5 > 3", FOLD_WORDS), "one two x < 5 > 3");
	CHECK_STR(folded("AT&T &bogus; &#0; & ;", FOLD_WORDS), "at t bogus 0");
	CHECK_STR(folded("Amoco Corp <AN> rose", FOLD_WORDS), "amoco corp rose");
	CHECK_STR(folded("&hellip;&mdash;&amp;", FOLD_WORDS), "");
}

static void test_map(void)
{
	struct buf b = {0};
	struct fold_map m = {0};
	const char *s = " Ms. Guaidó&#39;s";
	fold(s, strlen(s), FOLD_WORDS, &b, &m);
	CHECK_STR(buf_str(&b), "ms guaidos");
	
	CHECK(m.src[0] == 1 && m.src[1] == 2 && m.src[2] == 3 /* the break at the period */ && m.src[3] == 5);
	CHECK(m.src[8] == 10 /* o of ó */ && m.src[9] == 17 && m.src[10] == strlen(s));
	buf_free(&b);
	fold_map_free(&m);
}

/* Without a map (single spaces go through the 16-byte runs) against with
 * one, on random texts of the bytes that matter: letters, digits, joining
 * bytes, punctuation, white space, symbols, control characters. */
static void test_fast_path(void)
{
	static const char alphabet[] = "aZ09 .,'-!\"()$+=>^`|~\t\n\x01\x7F_/:;?@[]{}#%*\\";
	uint64_t r = 0x9E3779B97F4A7C15ULL;
	struct buf a = {0}, b = {0};
	struct fold_map m = {0};
	static const unsigned flagsets[] = {FOLD_WORDS, FOLD_NOPUNCT | FOLD_SPACE1,
					    FOLD_NOPUNCT | FOLD_SPACE1 | FOLD_CASE};
	int same = 1;
	for (int t = 0; t < 20000 && same; t++) {
		char s[40];
		size_t n = (size_t)(t % 37);
		for (size_t i = 0; i < n; i++) {
			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			s[i] = alphabet[r % (sizeof alphabet - 1)];
		}
		unsigned flags = flagsets[t % 3];
		buf_reset(&a);
		buf_reset(&b);
		fold(s, n, flags, &a, NULL);
		fold(s, n, flags, &b, &m);
		same = a.len == b.len && !memcmp(buf_str(&a), buf_str(&b), a.len);
		if (!same)
			fprintf(stderr, "no map differs on '%.*s': '%s' vs '%s'\n", (int)n, s, buf_str(&a), buf_str(&b));
	}
	CHECK(same);
	/* a text after other bytes in the buffer: appended */
	buf_reset(&a);
	buf_add(&a, "x", 1);
	fold(" A.b, c ", 8, FOLD_WORDS, &a, NULL);
	CHECK_STR(buf_str(&a), "xab c");
	buf_free(&a);
	buf_free(&b);
	fold_map_free(&m);
}

int main(void)
{
	test_fast_path();
	test_words();
	test_markup();
	test_map();
	return unit_done();
}
