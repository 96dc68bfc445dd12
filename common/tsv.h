/* tsv.h - reader for the record format (DESIGN.md): a header naming the
 * columns, one record per line, TAB between fields, four backslash
 * escapes inside fields. Reads the named files in order (or stdin for none
 * or "-") with large read(2) calls; fields are handed out raw (still
 * escaped) so untouched columns pass through at memcpy speed. A file that
 * cannot be opened or read is reported and skipped, and the run goes on
 * with the next (note_trouble: the program's status is 1 at the end). */
#ifndef COPYDESK_TSV_H
#define COPYDESK_TSV_H

#include <stddef.h>

#include "buf.h"
#include "lines.h"
#include "out.h"

struct tsv_field {
	const char *p;
	size_t n;
};

struct tsv_opts {
	const char *columns; /* comma-separated names for headerless input */
	int skip_bad;        /* report malformed rows on stderr and go on */
	int progress;        /* rows/MB/MBps on stderr when it is a terminal */
	size_t chunk;        /* bytes per read (0: the line reader's default; tests) */
	size_t max_field;    /* a longer line is a bad row (0: no limit) */
};

struct tsv_reader {
	char **files;
	int nfiles, cur; /* next file to open */
	const char *mem; /* tsv_open_mem: the bytes read instead of files */
	size_t mem_n;
	char *mem_name;
	struct tsv_opts opts;
	struct lines in; /* the current file */
	int open;
	/* the current record (fields point into in.line) */
	const char *fname;
	unsigned long lineno;
	struct tsv_field *f;
	size_t nf, fcap;
	/* the header */
	char **names;
	size_t ncols;
	char *header; /* raw header line, NUL-terminated */
	size_t header_len;
	const char *header_file;
	/* counts */
	unsigned long long rows, bad;
	unsigned failed; /* inputs that could not be read (reported; status 1) */
	unsigned long long long_seen; /* lines past max_field counted into bad */
	unsigned long long literal_backslashes; /* see tsv_field_text */
	const char *literal_file;
	unsigned long literal_line;
	int literal_reported;
};

/* Open the inputs and read the header (the first line of the first
 * non-empty file, or --columns). Returns 0, or -1 when the input is empty
 * (no header at all): the caller then writes nothing (the reader is
 * already closed; calling tsv_close again is harmless). */
int tsv_open(struct tsv_reader *r, int nfiles, char **files, const struct tsv_opts *o);
/* The same over the n bytes at s (kept by reference); name stands for the
 * file in messages. */
int tsv_open_mem(struct tsv_reader *r, const char *s, size_t n, const char *name,
		 const struct tsv_opts *o);
/* Next row: 1, or 0 at the end of the input. Malformed rows are reported
 * (and skipped with --skip-bad; otherwise the program exits 1). */
int tsv_next(struct tsv_reader *r);
void tsv_close(struct tsv_reader *r);

/* Index of a column by name; -1 if absent. */
int tsv_col(const struct tsv_reader *r, const char *name);
/* Index of a column the program needs: exits 2 naming the columns there are. */
int tsv_need_col(const struct tsv_reader *r, const char *name);

/* Report the current row as bad: with --skip-bad prints the message and
 * the row on stderr, counts it and returns; otherwise exits 1. */
void tsv_bad(struct tsv_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Undo the four escapes into out (appended). A backslash before anything
 * else (or at the end) is not an escape: it is kept as text, so text that
 * was never escaped (markdown's "\\-", a Windows path) passes through.
 * Returns the number of such backslashes. */
int tsv_unescape(const char *s, size_t n, struct buf *out);
/* The byte offset in the escaped field raw[0..rawn) of byte u of its
 * unescaped text (each escape is two bytes of raw for one of text; a
 * backslash kept as text is one for one). */
size_t tsv_raw_offset(const char *raw, size_t rawn, size_t u);
/* Unescape field i of the current row into out; backslashes kept as text
 * are counted and reported once, at the end of the input, with the line of
 * the first ("N backslashes not starting one of the escapes ... were read
 * as text"). Returns the number of them in this field (never negative). */
int tsv_field_text(struct tsv_reader *r, size_t i, struct buf *out);

#endif
