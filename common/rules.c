/* rules.c - YAML rules files through libyaml's event parser. */
#include "rules.h"
#include "buf.h"
#include "msg.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#ifndef COPYDESK_RULES_DIR
#define COPYDESK_RULES_DIR "/usr/local/share/copydesk/rules"
#endif

/* Bound on nodes reachable through aliases, counted with repetition. */
#define MAX_EXPANDED 1000000
#define MAX_DEPTH 64

struct anchor {
	char *name;
	struct ynode *node;
	size_t weight;
};

struct loader {
	yaml_parser_t parser;
	const char *file;
	struct anchor *anchors;
	size_t nanchors, acap;
	size_t expanded;
};

/* every node and file name is kept until rules_free_all */
static void **arena;
static size_t narena, carena;

static void *keep(void *p)
{
	if (narena == carena) {
		carena = carena ? carena * 2 : 256;
		arena = xrealloc(arena, carena * sizeof *arena);
	}
	return arena[narena++] = p;
}

void rules_free_all(void)
{
	for (size_t i = 0; i < narena; i++)
		free(arena[i]);
	free(arena);
	arena = NULL;
	narena = carena = 0;
}

static _Noreturn void fail_at(const char *file, unsigned long line, unsigned long col,
			      const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	fflush(stdout);
	fprintf(stderr, "%s: %s:%lu:%lu: %s\n", progname, file, line, col, msg);
	exit(EXIT_USAGE);
}

static _Noreturn void lerr(struct loader *L, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_at(L->file, m->line + 1, m->column + 1, fmt, ap);
}

void yerr(const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_at(n->file, n->line, n->col, fmt, ap);
}

static void next_event(struct loader *L, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&L->parser, ev)) {
		yaml_parser_t *p = &L->parser;
		const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;
		lerr(L, m, "%s%s%s", p->context ? p->context : "", p->context ? ": " : "",
		     p->problem ? p->problem : "invalid YAML");
	}
}

static struct ynode *new_node(struct loader *L, enum ynode_kind k, const yaml_mark_t *m)
{
	struct ynode *n = keep(xcalloc(1, sizeof *n));
	n->kind = k;
	n->file = L->file;
	n->line = m->line + 1;
	n->col = m->column + 1;
	return n;
}

static void add_item(struct ynode *n, struct ynode *item, size_t *cap)
{
	if (n->n == *cap) {
		size_t old = *cap;
		*cap = *cap ? *cap * 2 : 8;
		struct ynode **items = keep(xcalloc(*cap, sizeof *items));
		if (old)
			memcpy(items, n->items, old * sizeof *items);
		n->items = items; /* old array stays in the arena until the end */
	}
	n->items[n->n++] = item;
}

static void remember_anchor(struct loader *L, const yaml_char_t *name, struct ynode *n, size_t w)
{
	if (!name)
		return;
	if (L->nanchors == L->acap) {
		L->acap = L->acap ? L->acap * 2 : 8;
		L->anchors = xrealloc(L->anchors, L->acap * sizeof *L->anchors);
	}
	L->anchors[L->nanchors].name = xstrdup((const char *)name);
	L->anchors[L->nanchors].node = n;
	L->anchors[L->nanchors++].weight = w;
}

/* Parse the node starting with ev; returns it and its expanded weight. */
static struct ynode *parse_node(struct loader *L, yaml_event_t *ev, int depth, size_t *weight)
{
	if (depth > MAX_DEPTH)
		lerr(L, &ev->start_mark, "rules nested deeper than %d levels", MAX_DEPTH);
	struct ynode *n;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(L, Y_SCALAR, &ev->start_mark);
		n->str = keep(xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length));
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		*weight = 1;
		remember_anchor(L, ev->data.scalar.anchor, n, 1);
		yaml_event_delete(ev);
		return n;
	case YAML_ALIAS_EVENT: {
		const char *a = (const char *)ev->data.alias.anchor;
		for (size_t i = L->nanchors; i-- > 0;) {
			if (strcmp(L->anchors[i].name, a) == 0) {
				*weight = L->anchors[i].weight;
				L->expanded += *weight;
				if (L->expanded > MAX_EXPANDED)
					lerr(L, &ev->start_mark,
					     "aliases expand to more than %d nodes", MAX_EXPANDED);
				n = L->anchors[i].node;
				yaml_event_delete(ev);
				return n;
			}
		}
		lerr(L, &ev->start_mark, "unknown alias '*%s'", a);
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int is_map = ev->type == YAML_MAPPING_START_EVENT;
		yaml_char_t *anchor = is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
		char *aname = anchor ? xstrdup((const char *)anchor) : NULL;
		n = new_node(L, is_map ? Y_MAP : Y_SEQ, &ev->start_mark);
		yaml_event_delete(ev);
		size_t cap = 0, w = 1;
		for (;;) {
			yaml_event_t c;
			next_event(L, &c);
			if (c.type == YAML_SEQUENCE_END_EVENT || c.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&c);
				break;
			}
			size_t cw;
			struct ynode *child = parse_node(L, &c, depth + 1, &cw);
			w += cw;
			if (w > MAX_EXPANDED)
				lerr(L, &c.start_mark, "aliases expand to more than %d nodes", MAX_EXPANDED);
			add_item(n, child, &cap);
		}
		remember_anchor(L, (const yaml_char_t *)aname, n, w);
		free(aname);
		*weight = w;
		return n;
	}
	default:
		lerr(L, &ev->start_mark, "unexpected YAML event");
	}
}

/* Parse what the parser was set up to read; name is the file in messages. */
static struct ynode *load(struct loader *L)
{
	yaml_event_t ev;
	struct ynode *root = NULL;
	for (;;) {
		next_event(L, &ev);
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT) {
			if (root)
				lerr(L, &ev.start_mark, "one YAML document per rules file");
			yaml_event_delete(&ev);
			next_event(L, &ev);
			size_t w;
			root = parse_node(L, &ev, 0, &w);
			continue;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&L->parser);
	for (size_t i = 0; i < L->nanchors; i++)
		free(L->anchors[i].name);
	free(L->anchors);
	if (!root || root->kind != Y_MAP) {
		fprintf(stderr, "%s: %s:1:1: a rules file is a mapping with a 'version:' key\n",
			progname, L->file);
		exit(EXIT_USAGE);
	}
	const struct ynode *v = ymap_get(root, "version");
	if (!v)
		yerr(root, "missing 'version:' key (this program reads version 1)");
	if (yint(v, 0, LONG_MAX) != 1)
		yerr(v, "rules version %s is not supported (this program reads version 1)", v->str);
	return root;
}

struct ynode *rules_load(const char *path)
{
	struct loader L = {0};
	L.file = keep(xstrdup(path));
	FILE *fp = fopen(path, "rb");
	struct stat st;
	if (fp && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		fp = NULL;
		errno = EISDIR;
	}
	if (!fp) {
		fprintf(stderr, "%s: %s: %s\n", progname, path,
			errno == EISDIR ? "is a directory, not a rules file" : strerror(errno));
		exit(EXIT_USAGE);
	}
	yaml_parser_initialize(&L.parser);
	yaml_parser_set_input_file(&L.parser, fp);
	struct ynode *root = load(&L);
	fclose(fp);
	return root;
}

struct ynode *rules_load_mem(const char *name, const char *s, size_t n)
{
	struct loader L = {0};
	L.file = keep(xstrdup(name));
	yaml_parser_initialize(&L.parser);
	yaml_parser_set_input_string(&L.parser, (const unsigned char *)s, n);
	return load(&L);
}

const char *rules_default_dir(void)
{
	static char dir[4200];
	const char *env = getenv("COPYDESK_RULES_DIR");
	if (env && *env)
		return env;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0'; /* the directory of the program (bin/) ... */
			if ((slash = strrchr(exe, '/'))) {
				*slash = '\0'; /* ... and the one above it */
				/* an installed tree, wherever it was copied or staged
				 * (DESTDIR), then the build tree */
				snprintf(dir, sizeof dir, "%s/share/copydesk/rules", exe);
				if (access(dir, R_OK) == 0)
					return dir;
				snprintf(dir, sizeof dir, "%s/rules", exe);
				if (access(dir, R_OK) == 0)
					return dir;
			}
		}
	}
	return COPYDESK_RULES_DIR;
}

const struct ynode *ymap(const struct ynode *n)
{
	if (n->kind != Y_MAP)
		yerr(n, "expected a mapping (key: value lines)");
	return n;
}

const struct ynode *yseq(const struct ynode *n)
{
	if (n->kind != Y_SEQ)
		yerr(n, "expected a list");
	return n;
}

void ymap_check(const struct ynode *map, const char *const *allowed)
{
	ymap(map);
	for (size_t i = 0; i < map->n; i += 2) {
		const struct ynode *k = map->items[i];
		if (k->kind != Y_SCALAR)
			yerr(k, "a key must be a plain string");
		int ok = 0;
		for (const char *const *a = allowed; *a; a++)
			ok |= strcmp(*a, k->str) == 0;
		if (!ok) {
			char list[1024] = "";
			for (const char *const *a = allowed; *a; a++) {
				if (a != allowed)
					strncat(list, ", ", sizeof list - strlen(list) - 1);
				strncat(list, *a, sizeof list - strlen(list) - 1);
			}
			yerr(k, "unknown key '%s' (expected one of: %s)", k->str, list);
		}
		for (size_t j = 0; j < i; j += 2)
			if (strcmp(map->items[j]->str, k->str) == 0)
				yerr(k, "key '%s' appears twice", k->str);
	}
}

const struct ynode *ymap_get(const struct ynode *map, const char *key)
{
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (map->items[i]->kind == Y_SCALAR && strcmp(map->items[i]->str, key) == 0)
			return map->items[i + 1];
	return NULL;
}

const struct ynode *ymap_need(const struct ynode *map, const char *key)
{
	const struct ynode *v = ymap_get(map, key);
	if (!v)
		yerr(map, "missing key '%s'", key);
	return v;
}

const char *yscalar(const struct ynode *n)
{
	if (n->kind != Y_SCALAR)
		yerr(n, "expected a string, found a %s", n->kind == Y_SEQ ? "list" : "mapping");
	return n->str;
}

char *ypath(const struct ynode *n)
{
	const char *p = yscalar(n);
	if (p[0] == '/' || !n->file)
		return xstrdup(p);
	const char *slash = strrchr(n->file, '/');
	struct buf b = {0};
	if (slash)
		buf_add(&b, n->file, (size_t)(slash - n->file) + 1);
	buf_adds(&b, p);
	return b.p;
}

double ynumber(const struct ynode *n, double min, double max)
{
	const char *s = yscalar(n);
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (!n->plain || errno || end == s || *end || isnan(v))
		yerr(n, "expected a number, found '%s'", s);
	if (v < min || v > max)
		yerr(n, "%s is out of range (%g to %g)", s, min, max);
	return v;
}

long yint(const struct ynode *n, long min, long max)
{
	const char *s = yscalar(n);
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!n->plain || errno || end == s || *end)
		yerr(n, "expected a whole number, found '%s'", s);
	if (v < min || v > max)
		yerr(n, "%s is out of range (%ld to %ld)", s, min, max);
	return v;
}

int ybool(const struct ynode *n)
{
	const char *s = yscalar(n);
	if (n->plain && (!strcmp(s, "true") || !strcmp(s, "yes")))
		return 1;
	if (n->plain && (!strcmp(s, "false") || !strcmp(s, "no")))
		return 0;
	yerr(n, "expected true or false, found '%s'", s);
}

void yeach_string(const struct ynode *n, void (*fn)(const struct ynode *s, void *ctx), void *ctx)
{
	if (n->kind == Y_SCALAR) {
		fn(n, ctx);
		return;
	}
	yseq(n);
	for (size_t i = 0; i < n->n; i++) {
		yscalar(n->items[i]);
		fn(n->items[i], ctx);
	}
}

void rules_check_word(const struct ynode *s, int lower, const char *hint)
{
	if (s->len == 0)
		yerr(s, "an empty entry");
	if (s->len > 60)
		yerr(s, "entry '%.20s...' is too long (60 bytes at most)", s->str);
	for (size_t i = 0; i < s->len; i++) {
		unsigned char c = (unsigned char)s->str[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			yerr(s, "entry '%s' holds a space: list single words%s%s%s", s->str, hint ? " (" : "",
			     hint ? hint : "", hint ? ")" : "");
		if (lower && c >= 'A' && c <= 'Z')
			yerr(s, "entry '%s' has capitals: words are matched lowercase", s->str);
	}
}
