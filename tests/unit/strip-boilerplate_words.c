/* strip-boilerplate_words.c - the word scan 64 bytes at a time gives every
 * feature of a line exactly as the reference scan one byte at a time
 * (bp_features against bp_features_ref, with the shipped rules and
 * stopwords): on random lines made of words, stopwords, trigger words,
 * capitals, digits, apostrophes and hyphens, quotation marks, labels,
 * links, images, URLs, letters beyond ASCII, CJK, invalid bytes and control
 * characters, short and long (a long line is read at its ends only, or
 * whole when its middle holds markup). With a file argument, also on the
 * text column of each of its rows. */
#include "unit.h"
#include "bp.h"
#include "rules.h"
#include "buf.h"
#include "tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned rs = 4242;
static unsigned rnd(void)
{
	rs = rs * 1103515245u + 12345u;
	return (rs >> 16) & 0x7FFF;
}

static const char *const pieces[] = {
	"the", "The", "of", "and", "a", "to", "in", "In", "To", "Of", "is", "was", "said", "says", "told",
	"you", "your", "You", "we", "our", "US", "us", "Sie", "Ihr", "ihnen", "est", "dijo", "disse",
	"Share", "share", "photo", "Photo", "Getty", "Images", "copyright", "Copyright", "rights", "by",
	"By", "Updated", "January", "jan", "Jan.", "May", "may", "follow", "Follow", "newsletter", "sign",
	"up", "cookies", "privacy", "left", "right", "click", "here", "comments", "also", "read", "more",
	"READ", "MORE:", "WATCH:", "Related:", "Label:", "By:", "www", "WWW", "www.example.com",
	"http://x.org/a", "https://example.com/p?q=1", "a://b", "://", "[link](http://x.y)", "[a [b]](c)",
	"![alt](img.png)", "![](i.jpg)", "[", "]", "(", ")", "(c)", "(AP)", "don't", "it's", "e-mail",
	"rock-'n'-roll", "'quoted'", "-dash", "dash-", "--", " - ", "a-b-c", "x'", "'y", "O'Neil",
	"mid-1990s", "3-D", "co-op's", "\"", "\"Quote", "end.\"", "\"", "..", "...", "?", "!", ",", ";",
	":", ": ", "*", "_", "#", "## Heading", "* item", "1. first", "> quote", "12", "2019", "10:30",
	"$100,000", "A.B.C.", "U.S.", "Mr.", "NEW", "YORK", "WASHINGTON", "abcdefgh", "abcdefghi",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "reported", "edited", "ed", "Wed", "supersedes",
	"caf\xc3\xa9", "\xc3\x89T\xc3\x89", "Stra\xc3\x9f" "e", "\xc3\xa9t\xc3\xa9-l\xc3\xa0", "na\xc3\xafve",
	"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", "\xe6\x9d\xb1\xe4\xba\xac", "\xe3\x81\x82\xe3\x81\x84",
	"\xe2\x80\x9cquoted\xe2\x80\x9d", "\xe2\x80\x9e" "Zitat\xe2\x80\x9c", "\xc2\xab" "cit\xc3\xa9\xc2\xbb",
	"don\xe2\x80\x99t", "\xe2\x80\x99", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\xa6", "\xc2\xa9",
	"\xc2\xa0", "\xe2\x80\xba", "\xc2\xbb", "\xef\xbc\x81", "\xe3\x80\x82", "\xd9\xa3\xd9\xa4",
	"\xff", "\xc3", "\x80x", "\xe2\x80", "\t", "\x01", "\x7f", "\xc5\xbfubscribe", "\xe2\x84\xaa" "elvin",
};
#define NP (sizeof pieces / sizeof pieces[0])

/* A random line of about target bytes. */
static size_t make_line(char *buf, size_t cap, size_t target)
{
	size_t k = 0;
	while (k < target) {
		const char *p = pieces[rnd() % NP];
		size_t pl = strlen(p);
		if (k + pl + 2 >= cap)
			break;
		unsigned sep = rnd() % 16;
		if (k && sep < 13)
			buf[k++] = ' ';
		else if (k && sep == 13)
			buf[k++] = ' ', buf[k++] = ' ';
		memcpy(buf + k, p, pl);
		k += pl;
	}
	return k;
}

static struct bp_config C;
static unsigned long compared, differ;

/* Both scans on s[0..n) (trimmed as the engine does first). */
static void compare(const char *s, size_t n)
{
	struct bp_line a, b;
	memset(&a, 0, sizeof a);
	a.s = s;
	a.n = n;
	bp_apply_trims(&C, &a);
	b = a;
	bp_features(&C, &a);
	bp_features_ref(&C, &b);
	compared++;
	if (memcmp(&a, &b, sizeof a) != 0 && differ++ < 5)
		fprintf(stderr,
			"features differ on '%.*s':\n  words %g/%g stop %g/%g caps %g/%g digits %g/%g links %g/%g "
			"title %g/%g visible %u/%u rules %llx/%llx punct %llx,%llx/%llx,%llx ends %d/%d verbs %d/%d "
			"address %d/%d lower %d/%d looked %d/%d label %d/%d quote %d/%d cap_stops %d/%d\n",
			(int)(n < 300 ? n : 300), s, a.words, b.words, a.stop, b.stop, a.caps, b.caps, a.digits,
			b.digits, a.links, b.links, a.titlecase, b.titlecase, a.visible, b.visible,
			(unsigned long long)a.rule_mask, (unsigned long long)b.rule_mask,
			(unsigned long long)a.punct[0], (unsigned long long)a.punct[1],
			(unsigned long long)b.punct[0], (unsigned long long)b.punct[1], a.ends_punct, b.ends_punct,
			a.verbs, b.verbs, a.address, b.address, a.lower, b.lower, a.looked, b.looked, a.label,
			b.label, a.quote, b.quote, a.cap_stops, b.cap_stops);
}

static void compare_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	struct buf t = {0};
	while ((got = getline(&line, &cap, f)) > 0) {
		size_t len = (size_t)got;
		if (line[len - 1] == '\n')
			len--;
		const char *tab = memrchr(line, '\t', len);
		const char *txt = tab ? tab + 1 : line;
		buf_reset(&t);
		tsv_unescape(txt, len - (size_t)(txt - line), &t);
		compare(t.p ? t.p : "", t.len);
	}
	free(line);
	buf_free(&t);
	fclose(f);
}

int main(int argc, char **argv)
{
	bp_init(&C);
	if (access("rules/boilerplate.yaml", R_OK) == 0)
		bp_load(rules_load("rules/boilerplate.yaml"), &C);
	else
		printf("rules/boilerplate.yaml not found: no rules, no stopwords\n");
	static char buf[12000];
	static const size_t sizes[] = {8, 30, 90, 180, 210, 300, 330, 500, 690, 720, 1500, 5000, 11000};
	for (int t = 0; t < 60000; t++) {
		size_t n = make_line(buf, sizeof buf, sizes[t % 13] + rnd() % 40);
		if (t % 7 == 0 && n > 40) { /* a run of capitals, letters or spaces */
			size_t at = rnd() % (n - 20), len = 1 + rnd() % 20;
			for (size_t i = 0; i < len; i++)
				buf[at + i] = "AZaz09 '-"[(t / 7 + (int)i * (t % 3)) % 9];
		}
		/* the scans must not read past the line: copy it to a buffer
		 * of its own size */
		char *own = malloc(n ? n : 1);
		memcpy(own, buf, n);
		compare(own, n);
		free(own);
	}
	for (int k = 1; k < argc; k++)
		compare_file(argv[k]);
	printf("%lu lines compared, %lu differ\n", compared, differ);
	CHECK(compared >= 60000);
	CHECK(differ == 0);
	bp_free(&C);
	return unit_done();
}
