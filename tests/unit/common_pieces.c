/* common_pieces.c - unit tests of the pieces the document-level and
 * word-reading programs share: the 64-bit map, the word set, folding with
 * its map, slugs, the token scanner, the column layout and the document
 * driver. */
#include "buf.h"
#include "cols.h"
#include "docrows.h"
#include "fold.h"
#include "hash.h"
#include "msg.h"
#include "out.h"
#include "slug.h"
#include "tokens.h"
#include "tsv.h"
#include "unit.h"
#include "wordset.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_h64map(void)
{
	struct h64map m = {0};
	CHECK(h64map_get(&m, 5) == NULL && h64map_get(&m, 0) == NULL);
	int fresh;
	for (uint64_t k = 0; k < 5000; k++)
		*h64map_put(&m, k * 0x10000, &fresh) = k + 1; /* keys with low bits 0, and key 0 */
	CHECK(m.n == 5000);
	int ok = 1;
	for (uint64_t k = 0; k < 5000; k++) {
		uint64_t *v = h64map_get(&m, k * 0x10000);
		ok &= v && *v == k + 1;
	}
	CHECK(ok);
	CHECK(h64map_get(&m, 0x10001) == NULL);
	h64map_put(&m, 0, &fresh);
	CHECK(!fresh);
	h64map_put(&m, 7, &fresh);
	CHECK(fresh && m.n == 5001);
	CHECK(h64map_bytes(&m) >= 2 * 5001 * 8);
	h64map_free(&m);
	/* emptied by its keys only: nothing left, and it fills again */
	uint64_t ks[300];
	for (uint64_t k = 0; k < 300; k++)
		*h64map_put(&m, ks[k] = (k + 1) * 0x9E3779B9ULL, NULL) = k;
	h64map_clear_keys(&m, ks, 300);
	ok = m.n == 0;
	for (uint64_t k = 0; k < 300; k++)
		ok &= h64map_get(&m, (k + 1) * 0x9E3779B9ULL) == NULL;
	CHECK(ok);
	h64map_put(&m, 42, &fresh);
	CHECK(fresh && m.n == 1 && h64map_get(&m, 42) != NULL);
	h64map_free(&m);
	/* the string set numbers strings in order */
	struct strset s = {0};
	CHECK(strset_add(&s, "alpha", 5) && strset_add(&s, "", 0) && strset_add(&s, "beta", 4));
	CHECK(!strset_add(&s, "alpha", 5));
	CHECK(strset_find(&s, "beta", 4) == 2 && strset_find(&s, "", 0) == 1 &&
	      strset_find(&s, "gamma", 5) == -1);
	size_t n;
	const char *p = strset_str(&s, 0, &n);
	CHECK(n == 5 && memcmp(p, "alpha", 5) == 0);
	strset_free(&s);
}

/* hash_short16: the bytes past n are no part of the key; each length and
 * seed its own hash. */
static void test_hash_short16(void)
{
	char a[16], b[16];
	memset(a, 'x', sizeof a);
	memset(b, 'y', sizeof b);
	memcpy(a, "Lenwick", 7);
	memcpy(b, "Lenwick", 7);
	CHECK(hash_short16(a, 7, 1) == hash_short16(b, 7, 1));
	CHECK(hash_short16(a, 7, 1) != hash_short16(a, 7, 2));
	memcpy(a, "Brantel Harbours", 16);
	uint64_t seen[17];
	int distinct = 1;
	for (size_t n = 0; n <= 16; n++) {
		seen[n] = hash_short16(a, n, 1);
		for (size_t k = 0; k < n; k++)
			distinct &= seen[k] != seen[n];
	}
	CHECK(distinct);
	memcpy(b, "Brantel Harbourz", 16);
	CHECK(hash_short16(a, 16, 1) != hash_short16(b, 16, 1));
	CHECK(hash_short16(a, 15, 1) == hash_short16(b, 15, 1));
}

static void test_h64cache(void)
{
	struct h64cache c;
	h64cache_init(&c, 3, 2); /* 4 slots of two values */
	CHECK(c.mask == 3);
	int fresh;
	uint64_t a = 1ULL << 17, b = 5ULL << 17; /* the same slot (bits 17 and up) */
	uint64_t *v = h64cache_put(&c, a, &fresh);
	CHECK(fresh && v[0] == 0 && v[1] == 0);
	v[0] = 7, v[1] = 8;
	v = h64cache_put(&c, a, &fresh);
	CHECK(!fresh && v[0] == 7 && v[1] == 8);
	v = h64cache_put(&c, b, &fresh); /* evicts a */
	CHECK(fresh && v[0] == 0);
	v = h64cache_put(&c, a, &fresh);
	CHECK(fresh && v[1] == 0);
	v = h64cache_put(&c, 2ULL << 17, &fresh); /* another slot: a stays */
	CHECK(fresh);
	CHECK(!(h64cache_put(&c, a, &fresh), fresh));
	h64cache_free(&c);
	CHECK(c.keys == NULL);
}

static void test_wordset(void)
{
	struct wordset w = {0};
	wordset_add(&w, "the", 3, 1, 0);
	wordset_add(&w, "newsletter", 10, 0, 1u << 3);
	wordset_add(&w, "the", 3, 2, 1u << 5);
	wordset_add(&w, "a\0b", 3, 4, 0); /* not packable */
	wordset_add(&w, "abcdefgh", 8, 8, 0);
	const struct ws_val *v = wordset_get(&w, "the", 3);
	CHECK(v && v->cls == 3 && v->bits == (1u << 5));
	v = wordset_get(&w, "newsletter", 10);
	CHECK(v && v->cls == 0 && v->bits == (1u << 3));
	CHECK(wordset_cls(&w, "a\0b", 3) == 4 && wordset_cls(&w, "a", 1) == 0);
	CHECK(wordset_cls(&w, "abcdefgh", 8) == 8 && wordset_cls(&w, "abcdefg", 7) == 0);
	CHECK(wordset_get(&w, "thee", 4) == NULL);
	CHECK(wordset_maybe(&w, "the", 3) && wordset_maybe_bits(&w, "newsletter", 10));
	CHECK(!wordset_maybe(&w, "averyveryverylongword", 21));
	CHECK(ws_pack("ab", 2) == ('a' | 'b' << 8) && ws_pack("a\0", 2) == 0 && ws_pack("", 0) == 0);
	CHECK(ws_pack_lower("ThE", 3) == ws_pack("the", 3) && ws_pack_lower("a\0", 2) == 0 &&
	      ws_pack_lower("ABCDEFGHI", 9) == 0 && ws_pack_lower("Z@[", 3) == ws_pack("z@[", 3));
	CHECK(wordset_has(&w, "the", 3) && wordset_has(&w, "newsletter", 10) && !wordset_has(&w, "thee", 4));
	CHECK(wordset_has_packed(&w, ws_pack_lower("THE", 3)) && !wordset_has_packed(&w, ws_pack("a", 1)));
	wordset_put(&w, "the", 3, (struct ws_val){9, 0});
	CHECK(wordset_cls(&w, "the", 3) == 9 && wordset_len(&w) == 4);
	/* many words, no false answers */
	char k[32];
	for (int i = 0; i < 3000; i++) {
		int n = snprintf(k, sizeof k, "w%dx", i);
		wordset_add(&w, k, (size_t)n, (uint64_t)i + 100, 0);
	}
	int ok = 1;
	for (int i = 0; i < 3000; i++) {
		int n = snprintf(k, sizeof k, "w%dx", i);
		ok &= wordset_cls(&w, k, (size_t)n) == (uint64_t)i + 100;
		n = snprintf(k, sizeof k, "w%dy", i);
		ok &= wordset_cls(&w, k, (size_t)n) == 0;
	}
	CHECK(ok);
	wordset_free(&w);
}

static const char *folded(const char *s, unsigned flags)
{
	static struct buf b;
	buf_reset(&b);
	fold(s, strlen(s), flags, &b, NULL);
	return buf_str(&b);
}

static void test_fold(void)
{
	CHECK_STR(folded("Guaidó’s “plan” — ok", FOLD_MATCH), "Guaido's \"plan\" - ok");
	CHECK_STR(folded("Guaidó", FOLD_ALL), "guaido");
	CHECK_STR(folded("Gu\xC3\xA1ido", FOLD_CASE), "gu\xC3\xA1ido"); /* case only: accent kept */
	CHECK_STR(folded("GUAIDO\xCC\x81", FOLD_ALL), "guaido");       /* NFD accent */
	CHECK_STR(folded("STRAßE", FOLD_ALL), "strasse");
	CHECK_STR(folded("ﬁnal Ｆ", FOLD_ALL), "final f");
	CHECK_STR(folded("a\xC2\xA0" "b\xE2\x80\x8B" "c", FOLD_MARKS), "a bc");
	CHECK_STR(folded("\xFF" "abc\xC3", FOLD_ALL), "\xFF" "abc\xC3"); /* invalid bytes kept */
	CHECK_STR(folded("한국 Крым", FOLD_ALL), "한국 крым");          /* Hangul recomposed */
	CHECK_STR(folded("हिंदी", FOLD_ALL), "हिंदी");                     /* vowel signs stay */
	/* the map: every folded byte points at its original */
	struct buf b = {0};
	struct fold_map m = {0};
	const char *s = "Ms. Guaidó’s";
	fold(s, strlen(s), FOLD_ALL, &b, &m);
	CHECK_STR(buf_str(&b), "ms. guaido's");
	CHECK(m.src[0] == 0 && m.src[4] == 4 && m.src[9] == 9 /* o of ó */ && m.src[10] == 11 /* ' */);
	CHECK(m.src[11] == 14 && m.src[12] == strlen(s));
	/* appended after what the buffer held */
	buf_reset(&b);
	buf_adds(&b, "xy");
	fold("É", 2, FOLD_ALL, &b, &m);
	CHECK_STR(buf_str(&b), "xye" ) ;
	CHECK(m.src[0] == 0 && m.src[1] == 2);
	buf_free(&b);
	fold_map_free(&m);
}

static const char *slugged(const char *s)
{
	static struct buf b;
	buf_reset(&b);
	slug(s, strlen(s), &b);
	return buf_str(&b);
}

static void test_slug(void)
{
	CHECK_STR(slugged("Juan Guaidó"), "juan-guaido");
	CHECK_STR(slugged("  Juan   GUAIDO "), "juan-guaido");
	CHECK_STR(slugged("O’Brien"), "obrien");
	CHECK_STR(slugged("U.S. Navy"), "us-navy");
	CHECK_STR(slugged("Jean-Luc Picard"), "jean-luc-picard");
	CHECK_STR(slugged("Владимир Путин"), "владимир-путин");
	CHECK_STR(slugged("—"), "");
	CHECK_STR(slugged("A&B 2019"), "a-b-2019");
}

static const char *toks_str(const char *s)
{
	static struct buf b;
	static struct toks t;
	buf_reset(&b);
	buf_add(&b, "", 0);
	tok_scan(s, strlen(s), &t);
	for (size_t i = 0; i < t.n; i++) {
		if (i)
			buf_addc(&b, '|');
		buf_add(&b, s + t.v[i].b, t.v[i].e - t.v[i].b);
	}
	return buf_str(&b);
}

static void test_tokens(void)
{
	CHECK_STR(toks_str("Guaido’s plan, don't."), "Guaido|’s|plan|,|don't|.");
	CHECK_STR(toks_str("The U.S. and Ph.D. e.g. J. Smith"), "The|U.S.|and|Ph.D.|e.g.|J.|Smith");
	CHECK_STR(toks_str("end.Then St.Louis Inc. Mr."), "end|.|Then|St|.|Louis|Inc|.|Mr|.");
	CHECK_STR(toks_str("al-Assad 26-year-old COVID-19 a -- b ..."),
		  "al-Assad|26-year-old|COVID-19|a|--|b|...");
	CHECK_STR(toks_str("1,000 3.5 10:30 1990s 5pm $20."), "1,000|3.5|10:30|1990s|5pm|$|20|.");
	CHECK_STR(toks_str("“Yes,” he said."), "“|Yes|,|”|he|said|.");
	CHECK_STR(toks_str("rock ’n’ roll, the ’90s"), "rock|’|n|’|roll|,|the|’|90s");
	CHECK_STR(toks_str("Nicolás\xC2\xA0Maduro"), "Nicolás|Maduro");
	CHECK_STR(toks_str(""), "");
	CHECK_STR(toks_str("\xFF\xFE ok"), "\xFF|\xFE|ok");
	struct toks t = {0};
	/* joined across an apostrophe, hyphen, period or comma, or not */
	const char *jn = "al-Assad don't U.S. 1,000 Guaido J. Ébano-Ruiz 26-year-old";
	tok_scan(jn, strlen(jn), &t);
	unsigned joined = 0;
	for (size_t i = 0; i < t.n; i++)
		joined |= (unsigned)!!(t.v[i].flags & TOK_JOINED) << i;
	CHECK(t.n == 8 && joined == (1u | 2 | 4 | 8 | 64 | 128));
	const char *s = "Ébano SAID\n“x” — y";
	tok_scan(s, strlen(s), &t);
	CHECK(t.n == 7);
	CHECK(t.v[0].flags & TOK_CAP && !(t.v[0].flags & TOK_UPPER) && !(t.v[0].flags & TOK_ASCII));
	CHECK(t.v[0].cb == 0 && t.v[0].ce == 5 && t.v[0].b == 0 && t.v[0].e == 6);
	CHECK(t.v[1].flags & TOK_UPPER && t.v[1].flags & TOK_CAP && t.v[1].cb == 6);
	CHECK(t.v[2].flags & TOK_QUOTE && t.v[2].flags & TOK_LINE && t.v[2].cb == 11);
	CHECK(t.v[3].flags & TOK_LOWER && !(t.v[3].flags & TOK_SPACE));
	CHECK(t.v[5].flags & TOK_DASH && t.v[5].cp == 0x2014);
	CHECK(t.v[6].cb == 17 && t.v[6].ce == 18);
	toks_free(&t);
}

/* The document driver and the layout, over rows in a temporary file. */
static char tmpfile_path[64];
static const char *write_tmp(const char *text)
{
	strcpy(tmpfile_path, "/tmp/cp-unit-XXXXXX");
	int fd = mkstemp(tmpfile_path);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		exit(2);
	close(fd);
	return tmpfile_path;
}

struct seen {
	struct buf log;
};

static void on_doc(struct docrows *d, void *ctx)
{
	struct seen *s = ctx;
	size_t n;
	const char *id = docrows_doc(d, &n);
	buf_printf(&s->log, "[%.*s%s:", (int)n, id, d->continued ? "+" : "");
	for (size_t i = 0; i < d->n; i++) {
		const struct docrow *w = &d->v[i];
		buf_printf(&s->log, " {%.*s|%s|%.*s}", (int)w->nbefore, d->raw.p + w->before,
			   docrow_text(d, w), (int)w->nafter, d->raw.p + w->after);
	}
	buf_adds(&s->log, "]");
}

static int on_row(struct docrows *d, struct docrow *w, void *ctx)
{
	(void)ctx;
	return strcmp(docrow_text(d, w), "drop me") == 0 ? -1 : 0;
}

static void test_docrows(void)
{
	const char *path = write_tmp("doc\tmark\ttext\tx\n"
				     "a\told\tone\\tt\t1\n"
				     "a\told\tdrop me\t2\n"
				     "b\t\tthree\t3\n"
				     "b\t\tfour\t4\n"
				     "b\t\tfive\t5\n");
	char *files[] = {(char *)path};
	struct tsv_reader r;
	CHECK(tsv_open(&r, 1, files, NULL) == 0);
	static const char *const added[] = {"mark"};
	struct cols c;
	cols_init(&c, &r, 2, COLS_INSERT, added, 1);
	CHECK(c.skip[1] && !c.skip[0] && !c.plain);
	struct docrows d;
	docrows_init(&d, &r, &c, 2, 2, 0);
	struct seen s = {{0}};
	docrows_run(&d, on_row, on_doc, &s);
	CHECK_STR(buf_str(&s.log), "[a: {a\t|one\tt|\t1}][b: {b\t|three|\t3} {b\t|four|\t4}][b+: {b\t|five|\t5}]");
	CHECK(d.docs == 2 && d.left_out == 1);
	docrows_free(&d);
	cols_free(&c);
	tsv_close(&r);
	/* every column copied: the row in one piece, cut around the text;
	 * a document met again after another is left out (--skip-bad) */
	path = write_tmp("x\ttext\tdoc\n" "1\tone\ta\n" "2\ttwo\\\\\tb\n" "3\tagain\ta\n" "4\tlast\tb\n");
	files[0] = (char *)path;
	struct tsv_opts skip = {.skip_bad = 1};
	CHECK(tsv_open(&r, 1, files, &skip) == 0);
	cols_init(&c, &r, 1, COLS_INSERT, added, 1);
	CHECK(c.plain);
	docrows_init(&d, &r, &c, 1, 0, 0);
	buf_reset(&s.log);
	fflush(stderr);
	int err = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 2); /* the skipped row's message */
	docrows_run(&d, NULL, on_doc, &s);
	dup2(err, 2);
	close(err);
	close(null);
	CHECK_STR(buf_str(&s.log), "[a: {1\t|one|\ta}][b: {2\t|two\\|\tb} {4\t|last|\tb}]");
	CHECK(d.left_out == 1 && r.bad == 1);
	CHECK(d.v[1].nfield == 4 && memcmp(docrow_field(&d, &d.v[1]), "last", 4) == 0);
	docrows_free(&d);
	cols_free(&c);
	tsv_close(&r);
	unlink(path);
	/* a replaced layout: the text and the replaced column go */
	path = write_tmp("doc\ttext\tstart\n" "z\thello\t9\n");
	files[0] = (char *)path;
	CHECK(tsv_open(&r, 1, files, NULL) == 0);
	static const char *const added2[] = {"start", "end"};
	cols_init(&c, &r, 1, COLS_REPLACE, added2, 2);
	CHECK(tsv_next(&r));
	struct buf b = {0};
	cols_before_buf(&c, r.f, &b);
	cols_after_buf(&c, r.f, &b);
	CHECK_STR(buf_str(&b), "z\t");
	buf_free(&b);
	cols_free(&c);
	tsv_close(&r);
	unlink(path);
	buf_free(&s.log);
}

int main(void)
{
	test_h64map();
	test_hash_short16();
	test_h64cache();
	test_wordset();
	test_fold();
	test_slug();
	test_tokens();
	test_docrows();
	return unit_done();
}
