/* articles.c - what text2tsv reads (see articles.h): files and
 * directories, JSON lines, other encodings, into paragraph rows. */
#include "articles.h"
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

/* Convert one line from --from to UTF-8. */
static void convert(struct articles *a, const char **s, size_t *n)
{
	buf_reset(&a->convbuf);
	if (a->convbuf.cap < *n * 4 + 16)
		buf_grow(&a->convbuf, *n * 4 + 16);
	char *in = (char *)*s, *out = a->convbuf.p;
	size_t inleft = *n, outleft = a->convbuf.cap - 1;
	iconv(a->conv, NULL, NULL, NULL, NULL);
	while (inleft) {
		if (iconv(a->conv, &in, &inleft, &out, &outleft) == (size_t)-1) {
			if (errno == EILSEQ || errno == EINVAL) {
				/* a byte with no meaning in that encoding */
				if (outleft < 3)
					break;
				memcpy(out, "\xEF\xBF\xBD", 3);
				out += 3, outleft -= 3;
				in++, inleft--;
				a->W.repaired++;
				continue;
			}
			break; /* E2BIG cannot happen with 4x room */
		}
	}
	*s = a->convbuf.p;
	*n = (size_t)(out - a->convbuf.p);
}

static void doc_from_path(struct articles *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	buf_reset(&a->docname);
	buf_add(&a->docname, base, n);
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
	if (why) {
		a->bad_lines++;
		if (!a->skip_bad)
			die_at(EXIT_TROUBLE, a->L.name, a->L.lineno, "%s (--skip-bad skips such lines)", why);
		warn_at(a->L.name, a->L.lineno, "%s; skipped", why);
		json_decref(root);
		return;
	}
	char num[32];
	if (json_is_integer(id)) {
		int k = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		para_begin_doc(&a->W, num, (size_t)k);
	} else {
		para_begin_doc(&a->W, json_string_value(id), json_string_length(id));
	}
	para_text(&a->W, json_string_value(text), json_string_length(text));
	para_end_doc(&a->W);
	json_decref(root);
}

void art_read(struct articles *a, const char *doc, size_t docn)
{
	unsigned long long before = a->W.repaired;
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
	if (!a->jsonl)
		para_end_doc(&a->W);
	lines_report_error(&a->L);
	lines_close(&a->L);
	if (a->W.repaired > before)
		warn_at(a->L.name, 0, "replaced %llu invalid %s sequence%s with U+FFFD",
			a->W.repaired - before, a->conv != (iconv_t)-1 ? a->from : "UTF-8",
			a->W.repaired - before == 1 ? "" : "s");
}

static void do_file(struct articles *a, const char *path)
{
	if (lines_try_open(&a->L, path) < 0) {
		/* report it, go on with the next (status 1 at the end) */
		warn_at(path, 0, "%s", strerror(errno));
		note_trouble();
		return;
	}
	if (strcmp(path, "-") == 0) {
		buf_reset(&a->docname);
		buf_adds(&a->docname, "stdin");
	} else {
		doc_from_path(a, path);
	}
	art_read(a, a->docname.p, a->docname.len);
}

static int cmp_names(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

void art_path(struct articles *a, const char *path)
{
	struct stat st;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		struct dirent **ents;
		int n = scandir(path, &ents, not_hidden, cmp_names);
		if (n < 0) {
			warn_at(path, 0, "%s", strerror(errno));
			note_trouble();
			return;
		}
		for (int i = 0; i < n; i++) {
			struct buf p = {0};
			buf_printf(&p, "%s/%s", path, ents[i]->d_name);
			struct stat es;
			if (stat(p.p, &es) < 0) { /* a link that points nowhere */
				warn_at(p.p, 0, "%s", strerror(errno));
				note_trouble();
			} else if (S_ISDIR(es.st_mode) || S_ISREG(es.st_mode)) {
				art_path(a, p.p);
			}
			buf_free(&p);
			free(ents[i]);
		}
		free(ents);
		return;
	}
	do_file(a, path);
}

void art_free(struct articles *a)
{
	para_free(&a->W);
	lines_free(&a->L);
	buf_free(&a->convbuf);
	buf_free(&a->docname);
	if (a->conv != (iconv_t)-1)
		iconv_close(a->conv);
}
