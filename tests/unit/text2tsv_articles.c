/* text2tsv_articles.c - unit tests of text2tsv's input side from memory:
 * an article's lines, JSON lines (string and integer ids, a bad line
 * skipped and counted), and a conversion from Latin-1. */
#include "unit.h"
#include "articles.h"
#include "msg.h"
#include "out.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The rows written for input s (n bytes), through a temporary file. */
static const char *rows(struct articles *a, const char *s, size_t n, const char *doc)
{
	static char got[4096];
	char path[] = "/tmp/t2t-unit-XXXXXX";
	int fd = mkstemp(path);
	struct out o;
	out_open_fd(&o, fd, path);
	a->W.out = &o;
	lines_open_mem(&a->L, s, n, "(mem)");
	a->L.chunk = 5; /* the refill path too */
	int err = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 2); /* the skipped line's message */
	art_read(a, doc, doc ? strlen(doc) : 0);
	fflush(stderr);
	dup2(err, 2);
	close(err);
	close(null);
	out_close(&o);
	FILE *f = fopen(path, "r");
	size_t k = f ? fread(got, 1, sizeof got - 1, f) : 0;
	got[k] = '\0';
	if (f)
		fclose(f);
	unlink(path);
	return got;
}

int main(void)
{
	progname = "unit";
	struct articles a = {.id_key = "id", .text_key = "body"};
	CHECK(art_init(&a) == 0);
	static const char art[] = "  One.\n\nTwo\tthree\n";
	CHECK_STR(rows(&a, art, sizeof art - 1, "d1"), "d1\t1\tOne.\nd1\t2\tTwo\\tthree\n");
	a.jsonl = 1;
	a.skip_bad = 1;
	static const char jl[] = "{\"id\": \"x/1\", \"body\": \"First.\\nSecond.\"}\n"
				 "not json\n"
				 "   \n"
				 "{\"id\": 42, \"body\": \"Third.\"}\n";
	CHECK_STR(rows(&a, jl, sizeof jl - 1, NULL), "x/1\t1\tFirst.\nx/1\t2\tSecond.\n42\t1\tThird.\n");
	CHECK(a.bad_lines == 1 && a.W.docs == 3);
	art_free(&a);
	struct articles b = {.from = "latin1"};
	CHECK(art_init(&b) == 0);
	CHECK_STR(rows(&b, "caf\xe9 cr\xe8me\n", 11, "c"), "c\t1\tcaf\xc3\xa9 cr\xc3\xa8me\n");
	art_free(&b);
	struct articles bad = {.from = "no-such-encoding"};
	CHECK(art_init(&bad) == -1);
	return unit_done();
}
