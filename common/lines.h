/* lines.h - line reader over a file descriptor with large read(2) calls
 * (or over bytes in memory, read the same way, for tests and fuzzing):
 * hands out each line NUL-terminated in place, without its "\n" or "\r\n",
 * a UTF-8 byte order mark dropped from the first line, and a last line
 * without a newline still delivered. */
#ifndef COPYDESK_LINES_H
#define COPYDESK_LINES_H

#include <stddef.h>

/* The longest line (so the longest field) the programs read unless
 * --max-field says otherwise: 64 MiB. */
#define LINES_MAX_DEFAULT ((size_t)64 << 20)

struct lines {
	int fd;
	const char *name;      /* for messages; "(stdin)" for standard input */
	const char *mem;       /* lines_open_mem: the bytes read instead of fd */
	size_t mem_n, mem_at;
	size_t chunk;          /* most bytes taken per read (0: 1 MiB or more, as
				* there is room); set before the first read */
	int err;               /* errno of a read error that ended the input early
				* (EISDIR for a directory); 0: none */
	size_t max;            /* a longer line is an error (0: no limit) ... */
	int skip_long;         /* ... or, set, reported and skipped */
	const char *max_what;  /* set: the limit's name in the error, status 2 (a list
				* file's), and no --max-field or --skip-bad hint */
	unsigned long long skipped; /* lines skipped so (all inputs) */
	char *buf;
	size_t cap, start, end;
	int eof, at_start;
	unsigned long lineno;
	unsigned long long bytes; /* read so far, all files */
	const unsigned long long *progress_rows; /* non-NULL: tick the meter */
	char *line;
	size_t len;
};

/* Open path ("-" is standard input); exits 1 naming the file if it cannot.
 * The buffer of a previous file is reused. */
void lines_open(struct lines *l, const char *path);
/* The same, but -1 (errno set, nothing printed) when it cannot. */
int lines_try_open(struct lines *l, const char *path);
/* Read an open file descriptor (not closed by lines_close when it is
 * standard input); name is for messages. */
void lines_open_fd(struct lines *l, int fd, const char *name);
/* Read the n bytes at s (kept by reference until the end). */
void lines_open_mem(struct lines *l, const char *s, size_t n, const char *name);
/* Next line: 1, or 0 at the end of the file, or at a read error (err set;
 * the bytes after the last whole line are dropped). */
int lines_next(struct lines *l);
/* Close the file (the buffer is kept for the next lines_open). */
/* The bytes read so far and not yet handed out, reading once if there are
 * none (to look at the start of an input); consumes nothing. */
void lines_peek(struct lines *l, const char **p, size_t *n);
void lines_close(struct lines *l);
/* Report a read error of the input that just ended ("NAME: is a
 * directory", "NAME: read error: ..."), as trouble that lets the run go on
 * (note_trouble); returns 1 if there was one. */
int lines_report_error(const struct lines *l);
void lines_free(struct lines *l);

#endif
