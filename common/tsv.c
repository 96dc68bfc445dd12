/* tsv.c - streaming reader for the record format. */
#include "tsv.h"
#include "hash.h"
#include "msg.h"
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *stdin_name[] = {"-"};

/* Next raw line of any input file. 1, or 0 at the end of all input. */
static int next_line(struct tsv_reader *r)
{
	for (;;) {
		if (!r->open) {
			if (r->cur >= r->nfiles)
				return 0;
			const char *path = r->files[r->cur++];
			if (r->mem) {
				lines_open_mem(&r->in, r->mem, r->mem_n, path);
			} else if (lines_try_open(&r->in, path) < 0) {
				/* report it, go on with the next (status 1 at the end) */
				warn_at(path, 0, "%s", strerror(errno));
				note_trouble();
				r->failed++;
				continue;
			}
			r->in.chunk = r->opts.chunk;
			r->in.max = r->opts.max_field;
			r->in.skip_long = r->opts.skip_bad;
			r->open = 1;
		}
		int got = lines_next(&r->in);
		if (r->in.skipped != r->long_seen) { /* too long, reported: bad rows */
			r->bad += r->in.skipped - r->long_seen;
			r->long_seen = r->in.skipped;
		}
		if (got) {
			r->fname = r->in.name;
			r->lineno = r->in.lineno;
			return 1;
		}
		r->failed += (unsigned)lines_report_error(&r->in);
		lines_close(&r->in);
		r->open = 0;
	}
}

static void split(struct tsv_reader *r)
{
	char *p = r->in.line, *end = p + r->in.len;
	r->nf = 0;
	for (;;) {
		if (r->nf == r->fcap) {
			r->fcap = r->fcap ? r->fcap * 2 : 16;
			r->f = xrealloc(r->f, r->fcap * sizeof *r->f);
		}
		char *t = memchr(p, '\t', (size_t)(end - p));
		if (!t) {
			r->f[r->nf].p = p;
			r->f[r->nf++].n = (size_t)(end - p);
			return;
		}
		r->f[r->nf].p = p;
		r->f[r->nf++].n = (size_t)(t - p);
		p = t + 1;
	}
}

static void set_names(struct tsv_reader *r, const char *list, char sep)
{
	r->header = xstrdup(list);
	r->header_len = strlen(r->header);
	char *copy = xstrdup(list);
	size_t n = 1;
	for (char *c = copy; *c; c++)
		n += *c == sep;
	r->names = xcalloc(n, sizeof *r->names);
	r->ncols = 0;
	char *s = copy;
	for (;;) {
		char *e = strchr(s, sep);
		if (e)
			*e = '\0';
		r->names[r->ncols++] = s;
		if (!e)
			break;
		s = e + 1;
	}
	if (sep == ',')
		for (size_t i = 0; i < r->header_len; i++)
			if (r->header[i] == ',')
				r->header[i] = '\t';
	/* each name once (a set: a header of a million columns is read in
	 * linear time) */
	struct strset seen = {0};
	for (size_t i = 0; i < r->ncols; i++) {
		if (!*r->names[i])
			die(EXIT_USAGE, "%s: empty column name in header", r->header_file);
		if (!strset_add(&seen, r->names[i], strlen(r->names[i])))
			die(EXIT_USAGE, "%s: column '%s' appears twice in the header",
			    r->header_file, r->names[i]);
	}
	strset_free(&seen);
}

static int open_all(struct tsv_reader *r);

int tsv_open(struct tsv_reader *r, int nfiles, char **files, const struct tsv_opts *o)
{
	memset(r, 0, sizeof *r);
	if (nfiles == 0)
		files = stdin_name, nfiles = 1;
	r->files = files;
	r->nfiles = nfiles;
	if (o)
		r->opts = *o;
	return open_all(r);
}

int tsv_open_mem(struct tsv_reader *r, const char *s, size_t n, const char *name,
		 const struct tsv_opts *o)
{
	memset(r, 0, sizeof *r);
	r->mem_name = (char *)name; /* files[] is never written through */
	r->files = &r->mem_name;
	r->nfiles = 1;
	r->mem = s ? s : "";
	r->mem_n = n;
	if (o)
		r->opts = *o;
	return open_all(r);
}

/* The header, and the meter. */
static int open_all(struct tsv_reader *r)
{
	if (r->opts.progress) {
		progress_start();
		r->in.progress_rows = &r->rows;
	}
	if (r->opts.columns) {
		r->header_file = "--columns";
		set_names(r, r->opts.columns, ',');
		return 0;
	}
	if (!next_line(r)) {
		tsv_close(r); /* nothing to read: free what was allocated */
		return -1;
	}
	r->header_file = xstrdup(r->fname);
	set_names(r, r->in.line, '\t');
	return 0;
}

void tsv_bad(struct tsv_reader *r, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->bad++;
	if (!r->opts.skip_bad)
		die_at(EXIT_TROUBLE, r->fname, r->lineno, "%s (--skip-bad skips such rows)", msg);
	/* the whole row goes to stderr, however long, so nothing is lost */
	struct buf b = {0};
	buf_printf(&b, "%s: %s:%lu: %s; skipped: ", progname, r->fname, r->lineno, msg);
	buf_add(&b, r->in.line, r->in.len);
	buf_addc(&b, '\n');
	fflush(stdout);
	fwrite(b.p, 1, b.len, stderr);
	buf_free(&b);
}

int tsv_next(struct tsv_reader *r)
{
	while (next_line(r)) {
		if (r->lineno == 1 && !r->opts.columns) {
			/* header of a later file: must match the first */
			if (r->in.len != r->header_len || memcmp(r->in.line, r->header, r->in.len) != 0)
				die_at(EXIT_TROUBLE, r->fname, 1,
				       "header differs from the header of %s", r->header_file);
			continue;
		}
		split(r);
		if (r->nf != r->ncols) {
			tsv_bad(r, "row has %zu field%s, %s %zu", r->nf, r->nf == 1 ? "" : "s",
				r->opts.columns ? "--columns names" : "header has", r->ncols);
			continue;
		}
		r->rows++;
		return 1;
	}
	if (r->opts.progress)
		progress_tick(r->rows, r->in.bytes, 1);
	if (r->literal_backslashes && !r->literal_reported) {
		r->literal_reported = 1;
		warn_at(r->literal_file, r->literal_line,
			"%llu backslash%s not starting one of the escapes \\t \\n \\r \\\\ %s read as text "
			"(the first on this line)", r->literal_backslashes,
			r->literal_backslashes == 1 ? "" : "es", r->literal_backslashes == 1 ? "was" : "were");
	}
	return 0;
}

void tsv_close(struct tsv_reader *r)
{
	lines_free(&r->in);
	free(r->f);
	if (r->names)
		free(r->names[0]);
	free(r->names);
	free(r->header);
	if (r->header_file && !r->opts.columns)
		free((char *)r->header_file);
	memset(r, 0, sizeof *r);
}

int tsv_col(const struct tsv_reader *r, const char *name)
{
	for (size_t i = 0; i < r->ncols; i++)
		if (strcmp(r->names[i], name) == 0)
			return (int)i;
	return -1;
}

int tsv_need_col(const struct tsv_reader *r, const char *name)
{
	int i = tsv_col(r, name);
	if (i >= 0)
		return i;
	struct buf b = {0};
	for (size_t k = 0; k < r->ncols; k++) {
		if (k)
			buf_adds(&b, ", ");
		buf_adds(&b, r->names[k]);
	}
	/* a first line that reads as data (a name that is a number or holds a
	 * space) is likely no header at all */
	int data = 0;
	for (size_t k = 0; k < r->ncols && !r->opts.columns; k++) {
		const char *nm = r->names[k];
		data |= strchr(nm, ' ') != NULL || (*nm && strspn(nm, "0123456789") == strlen(nm));
	}
	die(EXIT_USAGE, "%s: no column '%s' (the columns are: %s)%s", r->header_file, name,
	    buf_str(&b), data ? "; input without a header line needs --columns NAME,..." : "");
}

int tsv_unescape(const char *s, size_t n, struct buf *out)
{
	const char *end = s + n;
	int literal = 0;
	if (out->cap - out->len < n + 1)
		buf_grow(out, n + 1);
	char *d = out->p + out->len;
	while (s < end) {
		const char *bs = memchr(s, '\\', (size_t)(end - s));
		size_t run = bs ? (size_t)(bs - s) : (size_t)(end - s);
		memcpy(d, s, run);
		d += run;
		if (!bs)
			break;
		switch (bs + 1 < end ? bs[1] : '\0') {
		case 't': *d++ = '\t'; s = bs + 2; break;
		case 'n': *d++ = '\n'; s = bs + 2; break;
		case 'r': *d++ = '\r'; s = bs + 2; break;
		case '\\': *d++ = '\\'; s = bs + 2; break;
		default: /* not an escape: the backslash is text */
			*d++ = '\\';
			s = bs + 1;
			literal++;
		}
	}
	out->len = (size_t)(d - out->p);
	*d = '\0';
	return literal;
}

int tsv_field_text(struct tsv_reader *r, size_t i, struct buf *out)
{
	int literal = tsv_unescape(r->f[i].p, r->f[i].n, out);
	if (literal) {
		if (!r->literal_backslashes) {
			r->literal_file = r->fname;
			r->literal_line = r->lineno;
		}
		r->literal_backslashes += (unsigned long long)literal;
	}
	return literal;
}

size_t tsv_raw_offset(const char *raw, size_t rawn, size_t u)
{
	size_t r = 0, k = 0;
	while (r < rawn && k < u) {
		if (raw[r] == '\\' && r + 1 < rawn &&
		    (raw[r + 1] == 't' || raw[r + 1] == 'n' || raw[r + 1] == 'r' || raw[r + 1] == '\\'))
			r += 2;
		else
			r++;
		k++;
	}
	return r;
}
