/* articles.c - what text2tsv reads (see articles.h): files and
 * directories, JSON lines, other encodings, into paragraph rows. */
#include "articles.h"
#include "hash.h"
#include "msg.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int art_init(struct articles *a)
{
	a->conv = (iconv_t)-1;
	if (a->from && (a->conv = iconv_open("UTF-8", a->from)) == (iconv_t)-1)
		return -1;
	return 0;
}

/* Convert one line from --from to UTF-8: a byte with no meaning in that
 * encoding (or an incomplete sequence) becomes U+FFFD and is counted; the
 * output room grows as needed, so nothing is ever dropped. */
static void convert(struct articles *a, const char **s, size_t *n)
{
	buf_reset(&a->convbuf);
	if (a->convbuf.cap < *n * 4 + 16)
		buf_grow(&a->convbuf, *n * 4 + 16);
	char *in = (char *)*s;
	size_t inleft = *n, done = 0;
	iconv(a->conv, NULL, NULL, NULL, NULL);
	while (inleft) {
		char *out = a->convbuf.p + done;
		size_t room = a->convbuf.cap - 1 - done, outleft = room;
		size_t r = iconv(a->conv, &in, &inleft, &out, &outleft);
		done += room - outleft;
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG || a->convbuf.cap - 1 - done < 3) {
			a->convbuf.len = done;
			buf_grow(&a->convbuf, a->convbuf.cap);
			continue;
		}
		/* EILSEQ, EINVAL (or anything else): the byte is replaced */
		memcpy(a->convbuf.p + done, "\xEF\xBF\xBD", 3);
		done += 3;
		in++, inleft--;
		a->W.repaired++;
	}
	*s = a->convbuf.p;
	*n = done;
}

/* 1 the first time id is met in the run (JSON lines), 0 after. */
static int unique_id(struct articles *a, const char *id, size_t n)
{
	int fresh;
	h64map_put(&a->json_ids, hash_bytes(id, n, 0x6a736f6e), &fresh);
	return fresh;
}

/* After a document: the hard-wrap hint, once (then counted). */
static void wrap_hint(struct articles *a)
{
	if (!a->W.wrapped || a->wrapped++)
		return;
	const char *fix = a->W.blanks ? "if blank lines separate the paragraphs, use -b (--blank-lines)"
				      : "join each paragraph's lines first (there are no blank lines, so -b cannot)";
	warn_at(a->L.name, a->jsonl ? a->L.lineno : 0,
		"%lu of %lu lines go on with a lowercase word after a line that ends mid-sentence: "
		"the text looks hard-wrapped, and one row per line cuts its sentences; %s",
		a->W.continued, a->W.lines, fix);
}

static void json_line(struct articles *a, const char *s, size_t n)
{
	json_error_t err;
	json_t *root = json_loadb(s, n, JSON_DECODE_ANY, &err);
	const char *why = NULL;
	char msg[300];
	json_t *id = NULL, *text = NULL;
	if (!root) {
		snprintf(msg, sizeof msg, "bad JSON at column %d: %s", err.column, err.text);
		why = msg;
	} else if (!json_is_object(root)) {
		why = "a JSON line must hold an object";
	} else {
		id = json_object_get(root, a->id_key);
		text = json_object_get(root, a->text_key);
		if (!id || !(json_is_string(id) || json_is_integer(id))) {
			snprintf(msg, sizeof msg, "no string or integer '%s' key (the document id; see --id)", a->id_key);
			why = msg;
		} else if (!text || !json_is_string(text)) {
			snprintf(msg, sizeof msg, "no string '%s' key (the article text; see --text)", a->text_key);
			why = msg;
		}
	}
	char num[32];
	const char *ids = NULL;
	size_t idn = 0;
	if (!why && json_is_integer(id)) {
		idn = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		ids = num;
	} else if (!why) {
		ids = json_string_value(id);
		idn = json_string_length(id);
	}
	if (!why && (idn == 0 || idn > ART_ID_MAX)) {
		snprintf(msg, sizeof msg, "the document id is %s (1 to %d bytes)", idn ? "too long" : "empty",
			 ART_ID_MAX);
		why = msg;
	}
	if (!why && !unique_id(a, ids, idn)) {
		snprintf(msg, sizeof msg, "document id '%.*s' was used by an earlier line (ids are unique in a run)",
			 (int)(idn > 100 ? 100 : idn), ids);
		why = msg;
	}
	if (why) {
		a->bad_lines++;
		if (!a->skip_bad)
			die_at(EXIT_TROUBLE, a->L.name, a->L.lineno, "%s (--skip-bad skips such lines)", why);
		warn_at(a->L.name, a->L.lineno, "%s; skipped", why);
		json_decref(root);
		return;
	}
	para_begin_doc(&a->W, ids, idn);
	para_text(&a->W, json_string_value(text), json_string_length(text));
	para_end_doc(&a->W);
	wrap_hint(a);
	json_decref(root);
}

/* Is the input not text (a NUL byte in its first block)? Then it is
 * skipped, and counted. */
static int not_text(struct articles *a)
{
	const char *p;
	size_t n;
	lines_peek(&a->L, &p, &n);
	if (!memchr(p, '\0', n < ART_PEEK ? n : ART_PEEK))
		return 0;
	if (!a->not_text++)
		buf_adds(&a->first_not_text, a->L.name);
	return 1;
}

void art_read(struct articles *a, const char *doc, size_t docn)
{
	unsigned long long before = a->W.repaired;
	if (not_text(a)) {
		lines_close(&a->L);
		return;
	}
	if (!a->jsonl)
		para_begin_doc(&a->W, doc, docn);
	while (lines_next(&a->L)) {
		const char *s = a->L.line;
		size_t n = a->L.len;
		if (a->conv != (iconv_t)-1)
			convert(a, &s, &n);
		if (a->jsonl) {
			size_t k = 0;
			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k < n)
				json_line(a, s, n);
		} else {
			para_line(&a->W, s, n);
		}
	}
	if (!a->jsonl) {
		para_end_doc(&a->W);
		wrap_hint(a);
	}
	lines_report_error(&a->L);
	lines_close(&a->L);
	if (a->W.repaired > before)
		warn_at(a->L.name, 0, "replaced %llu invalid %s sequence%s with U+FFFD",
			a->W.repaired - before, a->conv != (iconv_t)-1 ? a->from : "UTF-8",
			a->W.repaired - before == 1 ? "" : "s");
}

/* An input to read: its path, and its doc id (an article's). */
static void add_input(struct articles *a, const char *path, const char *doc, size_t docn)
{
	if (a->nin == a->capin) {
		a->capin = a->capin ? 2 * a->capin : 64;
		a->in = xrealloc(a->in, a->capin * sizeof *a->in);
	}
	struct art_input *in = &a->in[a->nin++];
	in->path = a->arena.len;
	buf_add(&a->arena, path, strlen(path) + 1);
	in->doc = a->arena.len;
	in->docn = docn;
	buf_add(&a->arena, doc, docn);
	buf_addc(&a->arena, '\0');
}

/* The doc id of a file: its path below the operand (or, for a file named
 * on the command line, its name), without the extension. */
static size_t strip_ext(const char *rel)
{
	const char *base = strrchr(rel, '/');
	base = base ? base + 1 : rel;
	const char *dot = strrchr(base, '.');
	return dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
}

static int wanted_ext(const struct articles *a, const char *name)
{
	if (!a->exts)
		return 1;
	const char *dot = strrchr(name, '.');
	if (!dot || dot == name)
		return 0;
	size_t n = strlen(dot + 1);
	for (const char *e = a->exts; *e;) {
		size_t k = strcspn(e, ",");
		if (k == n && memcmp(e, dot + 1, n) == 0)
			return 1;
		e += k + (e[k] == ',');
	}
	return 0;
}

static int cmp_names(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Hidden files and an editor's backup and autosave files ("a.txt~",
 * "#a.txt#") are no articles: a directory walk leaves them out (a backup
 * would also give its original's doc id). */
static int walked(const struct dirent *d)
{
	const char *s = d->d_name;
	size_t n = strlen(s);
	return s[0] != '.' && s[n - 1] != '~' && !(n > 1 && s[0] == '#' && s[n - 1] == '#');
}

/* The files below dir, in sorted order; rel is where the part below the
 * operand starts in the paths. */
static void walk(struct articles *a, const char *dir, size_t rel)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, walked, cmp_names);
	if (n < 0) {
		warn_at(dir, 0, "%s", strerror(errno));
		note_trouble();
		return;
	}
	struct buf p = {0};
	for (int i = 0; i < n; i++) {
		buf_reset(&p);
		buf_printf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", ents[i]->d_name);
		if (!rel)
			rel = (size_t)(strrchr(p.p, '/') - p.p) + 1;
		struct stat st;
		if (stat(p.p, &st) < 0) { /* a link that points nowhere */
			warn_at(p.p, 0, "%s", strerror(errno));
			note_trouble();
		} else if (S_ISDIR(st.st_mode)) {
			walk(a, p.p, rel);
		} else if (S_ISREG(st.st_mode) && wanted_ext(a, ents[i]->d_name)) {
			add_input(a, p.p, p.p + rel, strip_ext(p.p + rel));
		}
		free(ents[i]);
	}
	free(ents);
	buf_free(&p);
}

void art_add(struct articles *a, const char *path)
{
	struct stat st;
	if (strcmp(path, "-") == 0)
		add_input(a, path, "stdin", 5);
	else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		walk(a, path, 0);
	else {
		const char *base = strrchr(path, '/');
		base = base && base[1] ? base + 1 : path;
		add_input(a, path, base, strip_ext(base));
	}
}

void art_run(struct articles *a)
{
	const char *ar = a->arena.p;
	if (!a->jsonl) {
		/* a doc id names one document in a run */
		struct strset ids = {0};
		for (size_t i = 0; i < a->nin; i++) {
			const struct art_input *in = &a->in[i];
			long have = strset_find(&ids, ar + in->doc, in->docn);
			if (have >= 0)
				die(EXIT_USAGE, "%s: doc id '%s' is that of %s too (the id of a file is its path "
						"below the directory given, or its name, without extension)",
				    ar + in->path, ar + in->doc, ar + a->in[have].path);
			strset_add(&ids, ar + in->doc, in->docn);
		}
		strset_free(&ids);
	}
	for (size_t i = 0; i < a->nin; i++) {
		const struct art_input *in = &a->in[i];
		if (lines_try_open(&a->L, ar + in->path) < 0) {
			/* report it, go on with the next (status 1 at the end) */
			warn_at(ar + in->path, 0, "%s", strerror(errno));
			note_trouble();
			continue;
		}
		art_read(a, ar + in->doc, in->docn);
	}
	if (a->not_text)
		warnx("%llu file%s skipped: not text (a NUL byte in the first %d bytes), the first %s",
		      a->not_text, a->not_text == 1 ? "" : "s", ART_PEEK, buf_str(&a->first_not_text));
	if (a->wrapped > 1)
		warnx("%llu more document%s looked hard-wrapped", a->wrapped - 1, a->wrapped == 2 ? "" : "s");
}

void art_free(struct articles *a)
{
	para_free(&a->W);
	lines_free(&a->L);
	buf_free(&a->convbuf);
	buf_free(&a->arena);
	buf_free(&a->first_not_text);
	free(a->in);
	h64map_free(&a->json_ids);
	if (a->conv != (iconv_t)-1)
		iconv_close(a->conv);
}
