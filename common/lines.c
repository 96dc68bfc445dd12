/* lines.c - buffered line reader. */
#include "lines.h"
#include "msg.h"
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (1024 * 1024)

static void start(struct lines *l)
{
	l->start = l->end = 0;
	l->eof = 0;
	l->err = 0;
	l->at_start = 1;
	l->lineno = 0;
}

int lines_try_open(struct lines *l, const char *path)
{
	if (strcmp(path, "-") == 0) {
		lines_open_fd(l, STDIN_FILENO, "(stdin)");
		return 0;
	}
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	lines_open_fd(l, fd, path);
	return 0;
}

void lines_open(struct lines *l, const char *path)
{
	if (lines_try_open(l, path) < 0)
		die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
}

void lines_open_fd(struct lines *l, int fd, const char *name)
{
	l->fd = fd;
	l->name = name;
	l->mem = NULL;
	start(l);
}

void lines_open_mem(struct lines *l, const char *s, size_t n, const char *name)
{
	l->fd = -1;
	l->name = name;
	l->mem = s ? s : "";
	l->mem_n = n;
	l->mem_at = 0;
	start(l);
}

void lines_close(struct lines *l)
{
	if (l->fd > STDIN_FILENO)
		close(l->fd);
	l->fd = -1;
	l->mem = NULL;
}

int lines_report_error(const struct lines *l)
{
	if (!l->err)
		return 0;
	if (l->err == EISDIR)
		warn_at(l->name, 0, "is a directory");
	else
		warn_at(l->name, 0, "read error: %s", strerror(l->err));
	note_trouble();
	return 1;
}

void lines_free(struct lines *l)
{
	lines_close(l);
	free(l->buf);
	l->buf = NULL;
	l->cap = 0;
}

/* The next bytes of the input: from the file, or from memory. */
static ssize_t get(struct lines *l, char *to, size_t room)
{
	if (!l->mem)
		return read(l->fd, to, room);
	size_t n = l->mem_n - l->mem_at < room ? l->mem_n - l->mem_at : room;
	memcpy(to, l->mem + l->mem_at, n);
	l->mem_at += n;
	return (ssize_t)n;
}

static int fill(struct lines *l)
{
	if (l->eof)
		return 0;
	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	size_t chunk = l->chunk ? l->chunk : READ_CHUNK;
	if (l->cap - l->end < (chunk + 1) / 2) {
		l->cap = l->cap ? l->cap * 2 : 4 * chunk;
		l->buf = xrealloc(l->buf, l->cap + 1); /* +1: room for a final NUL */
	}
	for (;;) {
		size_t room = l->cap - l->end;
		ssize_t n = get(l, l->buf + l->end, l->chunk && room > l->chunk ? l->chunk : room);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			l->err = errno;
			l->eof = 1;
			return 0;
		}
		if (n == 0) {
			l->eof = 1;
			return 0;
		}
		l->end += (size_t)n;
		l->bytes += (unsigned long long)n;
		if (l->progress_rows)
			progress_tick(*l->progress_rows, l->bytes, 0);
		return 1;
	}
}

void lines_peek(struct lines *l, const char **p, size_t *n)
{
	if (!l->buf || l->start == l->end)
		fill(l);
	*p = l->buf ? l->buf + l->start : "";
	*n = l->end - l->start;
}

/* The line at start runs past l->max bytes: an error naming it, or with
 * skip_long reported and read past. */
static void too_long(struct lines *l, char *nl)
{
	unsigned long at = l->lineno + 1;
	if (l->max_what)
		die_at(EXIT_USAGE, l->name, at, "a line longer than %zu bytes (%s)", l->max, l->max_what);
	if (!l->skip_long)
		die_at(EXIT_TROUBLE, l->name, at, "a line longer than %zu bytes (the --max-field limit; "
			"--skip-bad skips such lines)", l->max);
	warn_at(l->name, at, "a line longer than %zu bytes (the --max-field limit); skipped", l->max);
	l->skipped++;
	l->lineno++;
	l->at_start = 0;
	while (!nl) { /* read on to its end, keeping nothing */
		l->start = l->end;
		if (!fill(l))
			return;
		nl = memchr(l->buf + l->start, '\n', l->end - l->start);
	}
	l->start = (size_t)(nl - l->buf) + 1;
}

/* The end of the next line when it is not whole in the buffer (or is too
 * long): reads on; NULL at the end of the input. */
static char *next_slow(struct lines *l, char *nl)
{
	size_t seen = 0; /* bytes after start known to hold no newline */
	for (;;) {
		if (nl && (!l->max || (size_t)(nl - l->buf) - l->start <= l->max))
			return nl;
		if (nl || (l->max && l->end - l->start > l->max)) {
			too_long(l, nl);
			seen = 0;
		} else {
			seen = l->end - l->start;
			if (!fill(l)) {
				if (l->err)
					l->start = l->end; /* a line the error cut short is not a line */
				if (l->start == l->end)
					return NULL;
				nl = l->buf + l->end; /* a last line without newline */
				l->end++;             /* into the spare byte */
				return nl;
			}
		}
		nl = memchr(l->buf + l->start + seen, '\n', l->end - l->start - seen);
	}
}

int lines_next(struct lines *l)
{
	char *nl = l->buf ? memchr(l->buf + l->start, '\n', l->end - l->start) : NULL;
	if (!nl || (l->max && (size_t)(nl - l->buf) - l->start > l->max))
		if (!(nl = next_slow(l, nl)))
			return 0;
	l->line = l->buf + l->start;
	l->len = (size_t)(nl - l->line);
	l->start = (size_t)(nl - l->buf) + 1;
	l->lineno++;
	if (l->at_start) {
		l->at_start = 0;
		if (l->len >= 3 && memcmp(l->line, "\xEF\xBB\xBF", 3) == 0)
			l->line += 3, l->len -= 3;
	}
	if (l->len && l->line[l->len - 1] == '\r')
		l->len--;
	l->line[l->len] = '\0';
	return 1;
}
