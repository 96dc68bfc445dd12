/* common_rules.c - unit tests of rules loading (libyaml) and the PCRE2
 * wrapper: good files load, every mistake exits 2 with file:line:col, YAML
 * bombs are refused, runaway patterns hit the limit instead of hanging. */
#include "msg.h"
#include "rules.h"
#include "rx.h"
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/copydesk-unit-XXXXXX";

static const char *write_file(const char *name, const char *text)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* Run fn(arg) in a child; returns its exit status and stderr in err. */
static int in_child(void (*fn)(const char *), const char *arg, char *err, size_t errsz)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		fn(arg);
		exit(0);
	}
	close(fds[1]);
	size_t got = 0;
	ssize_t n;
	while ((n = read(fds[0], err + got, errsz - 1 - got)) > 0)
		got += (size_t)n;
	err[got] = '\0';
	close(fds[0]);
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static const char *const keys[] = {"version", "name", "limit", "words", "on", NULL};

static void load_and_check(const char *path)
{
	const struct ynode *root = rules_load(path);
	ymap_check(root, keys);
	const struct ynode *v;
	if ((v = ymap_get(root, "limit")))
		ynumber(v, 0, 1);
	if ((v = ymap_get(root, "words")))
		yseq(v);
	if ((v = ymap_get(root, "on")))
		ybool(v);
	if ((v = ymap_get(root, "name")))
		yscalar(v);
}

static void expect_error(const char *name, const char *yaml, const char *want)
{
	const char *path = write_file(name, yaml);
	char err[1024], prefix[300];
	int st = in_child(load_and_check, path, err, sizeof err);
	CHECK(st == 2);
	snprintf(prefix, sizeof prefix, "test: %s:", path);
	CHECK(strncmp(err, prefix, strlen(prefix)) == 0);
	if (!strstr(err, want)) {
		fprintf(stderr, "  %s: stderr was: %s", name, err);
		CHECK(0);
	} else {
		CHECK(1);
	}
}

static void test_good(void)
{
	const char *path = write_file("good.yaml",
				      "version: 1\n"
				      "name: \"quoted: yes\"\n"
				      "limit: 0.5\n"
				      "words: &w [a, b, c]\n"
				      "on: true\n");
	char err[512];
	CHECK(in_child(load_and_check, path, err, sizeof err) == 0);
	const struct ynode *root = rules_load(path);
	CHECK_STR(yscalar(ymap_get(root, "name")), "quoted: yes");
	CHECK(ynumber(ymap_get(root, "limit"), 0, 1) == 0.5);
	const struct ynode *w = ymap_get(root, "words");
	CHECK(w->kind == Y_SEQ && w->n == 3 && strcmp(w->items[2]->str, "c") == 0);
	CHECK(ybool(ymap_get(root, "on")) == 1);
	CHECK(ymap_get(root, "limit")->line == 3 && ymap_get(root, "limit")->col == 8);
}

static void test_errors(void)
{
	expect_error("unknown.yaml", "version: 1\nnmae: x\n", "2:1: unknown key 'nmae' (expected one of:");
	expect_error("type.yaml", "version: 1\nlimit: lots\n", "2:8: expected a number, found 'lots'");
	expect_error("range.yaml", "version: 1\nlimit: 2\n", "2:8: 2 is out of range");
	expect_error("bool.yaml", "version: 1\non: maybe\n", "expected true or false");
	expect_error("seq.yaml", "version: 1\nwords: a\n", "2:8: expected a list");
	expect_error("noversion.yaml", "name: x\n", "missing 'version:' key");
	expect_error("version2.yaml", "version: 2\n", "rules version 2 is not supported");
	expect_error("syntax.yaml", "version: 1\nwords: [a, b\n", "3:1:");
	expect_error("dupkey.yaml", "version: 1\nname: a\nname: b\n", "3:1: key 'name' appears twice");
	expect_error("notmap.yaml", "- a\n- b\n", "1:1: a rules file is a mapping");
	expect_error("alias.yaml", "version: 1\nwords: *nope\n", "unknown alias");
	expect_error("bomb.yaml",
		     "version: 1\n"
		     "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		     "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
		     "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
		     "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n",
		     "aliases expand to more than");
	char err[512];
	CHECK(in_child(load_and_check, "/nonexistent/rules.yaml", err, sizeof err) == 2);
	CHECK(strstr(err, "/nonexistent/rules.yaml: No such file") != NULL);
}

/* The same text from memory: the same tree, messages name the given name. */
static const char mem_text[] = "version: 1\nname: x\nwords: [a, b]\nlimit: lots\n";

static void load_mem_and_check(const char *name)
{
	const struct ynode *root = rules_load_mem(name, mem_text, sizeof mem_text - 1);
	ymap_check(root, keys);
	ynumber(ymap_get(root, "limit"), 0, 1);
}

static void test_mem(void)
{
	const struct ynode *root = rules_load_mem("(text)", mem_text, sizeof mem_text - 1);
	CHECK_STR(yscalar(ymap_get(root, "name")), "x");
	CHECK(ymap_get(root, "words")->n == 2 && ymap_get(root, "words")->line == 3);
	CHECK_STR(ymap_get(root, "words")->file, "(text)");
	char err[512];
	CHECK(in_child(load_mem_and_check, "inline.yaml", err, sizeof err) == 2);
	CHECK(strstr(err, "test: inline.yaml:4:8: expected a number, found 'lots'") != NULL);
	/* not NUL-terminated: only n bytes are read */
	root = rules_load_mem("(cut)", "version: 1\nname: yz", 18);
	CHECK_STR(yscalar(ymap_get(root, "name")), "y");
}

static void compile_bad(const char *pattern)
{
	const char *path = write_file("rx.yaml", "version: 1\nname: x\n");
	const struct ynode *root = rules_load(path);
	struct rx r;
	rx_compile(&r, pattern, strlen(pattern), 0, "my-rule", ymap_get(root, "name"));
}

static void test_rx(void)
{
	struct rx r;
	size_t ms, me;
	rx_compile(&r, "(?i)read more", 13, 0, "read-more", NULL);
	CHECK(rx_search(&r, "x READ MORE: y", 14, 0, &ms, &me) == RX_MATCH && ms == 2 && me == 11);
	CHECK(rx_search(&r, "nothing", 7, 0, &ms, &me) == RX_NOMATCH);
	rx_free(&r);
	/* invalid UTF-8 in the subject is matched around, not rejected */
	rx_compile(&r, "caf\xC3\xA9", 5, RX_CASELESS, "cafe", NULL);
	CHECK(rx_search(&r, "\xFF CAF\xC3\x89 \xFE", 9, 0, &ms, &me) == RX_MATCH && ms == 2);
	rx_free(&r);
	/* \w by Unicode properties only with RX_UCP */
	rx_compile(&r, "^\\w+$", 5, RX_UCP, "ucp", NULL);
	CHECK(rx_search(&r, "Guaid\xC3\xB3", 7, 0, &ms, &me) == RX_MATCH);
	rx_free(&r);
	/* RX_UCP_AUTO: UCP when a \b sits next to a letter outside ASCII,
	 * at a group's end or start too; not for a letter \b does not test */
	static const struct {
		const char *pat, *subject;
		int match;
	} autos[] = {
		{"^publi\xC3\xA9\\b", "Publi\xC3\xA9 le 3 mars", 1},
		{"^(?:modifi\xC3\xA9|mis \xC3\xA0 jour)\\b", "Modifi\xC3\xA9 le 3 mars", 1},
		{"^(?i)(?:ver|modifi\xC3\xA9" "e?)\\b", "MODIFI\xC3\x89" "E le 3", 1},
		{"\\b(?:\xC3\xA9t\xC3\xA9|hiver)\\b", "en \xC3\xA9t\xC3\xA9 2024", 1},
		{"\\b\xC3\xA9t\xC3\xA9", "r\xC3\xA9\xC3\xA9t\xC3\xA9", 0},
		{"(?:\xC3\xA9 )?\\bproibida\\b", "\xC3\xA9 proibida a", 1},
	};
	for (size_t k = 0; k < sizeof autos / sizeof *autos; k++) {
		rx_compile(&r, autos[k].pat, strlen(autos[k].pat), RX_UCP_AUTO | RX_CASELESS, "auto", NULL);
		CHECK((rx_search(&r, autos[k].subject, strlen(autos[k].subject), 0, &ms, &me) == RX_MATCH) ==
		      autos[k].match);
		rx_free(&r);
	}
	/* without it, ASCII rules: the bug RX_UCP_AUTO mends */
	rx_compile(&r, "^publi\xC3\xA9\\b", strlen("^publi\xC3\xA9\\b"), RX_CASELESS, "ascii", NULL);
	CHECK(rx_search(&r, "publi\xC3\xA9 le", strlen("publi\xC3\xA9 le"), 0, &ms, &me) == RX_NOMATCH);
	rx_free(&r);
	/* PCRE2 10.42's JIT misses non-ASCII characters with a bare \W, \D or
	 * \S under MATCH_INVALID_UTF; rx_compile brackets them */
	rx_compile(&r, "more\\W*$", strlen("more\\W*$"), 0, "jit-w", NULL);
	CHECK(rx_search(&r, "Read more\xE2\x80\xA6", 12, 0, &ms, &me) == RX_MATCH && ms == 5);
	rx_free(&r);
	rx_compile(&r, "^\\S+\\s\\D+$", strlen("^\\S+\\s\\D+$"), 0, "jit-sd", NULL);
	CHECK(rx_search(&r, "\xC2\xBB \xC3\xA9t\xC3\xA9", 8, 0, &ms, &me) == RX_MATCH);
	rx_free(&r);
	rx_compile(&r, "[^\\W]\\Q\\W\\E", strlen("[^\\W]\\Q\\W\\E"), 0, "jit-q", NULL); /* \Q..\E and classes untouched */
	CHECK(rx_search(&r, "a\\W", 3, 0, &ms, &me) == RX_MATCH);
	rx_free(&r);
	/* catastrophic backtracking stops at the limit */
	rx_set_limits(100000, 1000);
	rx_compile(&r, "^(a+)+$", 7, 0, "evil", NULL);
	char subject[64];
	memset(subject, 'a', 40);
	subject[40] = 'b';
	CHECK(rx_search(&r, subject, 41, 0, &ms, &me) == RX_LIMIT);
	rx_free(&r);
	/* a bad pattern is a rules error at the pattern's position, exit 2 */
	char err[512];
	CHECK(in_child(compile_bad, "(unclosed", err, sizeof err) == 2);
	CHECK(strstr(err, "rx.yaml:2:7: rule 'my-rule': bad pattern at offset 9") != NULL);
}

int main(void)
{
	progname = "test";
	if (!mkdtemp(dir))
		return 1;
	test_good();
	test_errors();
	test_mem();
	test_rx();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		CHECK(0);
	rules_free_all();
	return unit_done();
}
