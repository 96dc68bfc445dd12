/* out.h - buffered output with the record format's escaping.
 * One writer serves standard output (errors end the program: EPIPE quietly
 * with status 0, anything else with status 1); others write files and keep
 * the first error for the caller to check. */
#ifndef COPYDESK_OUT_H
#define COPYDESK_OUT_H

#include <stddef.h>
#include <string.h>

struct out {
	char *buf;
	size_t len, cap;
	int fd;
	int line_buffered;
	int err;          /* first errno seen, 0 if none */
	int is_stdout;    /* errors end the program */
	const char *name; /* for messages */
};

extern struct out *out_stdout;

/* Set up the standard-output writer (ignores SIGPIPE, registers flush
 * on error exit). */
void out_init_stdout(int line_buffered);
void out_open_fd(struct out *o, int fd, const char *name);
int out_flush(struct out *o);          /* 0 or -1 (errno in o->err) */
/* Flush and close; for stdout reports a failed write or close as exit 1. */
int out_close(struct out *o);
void out_drain(struct out *o, size_t need);

static inline void out_write(struct out *o, const void *s, size_t n)
{
	if (!n)
		return; /* s may be NULL for an empty field */
	if (o->cap - o->len < n)
		out_drain(o, n);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static inline void out_putc(struct out *o, char c)
{
	if (o->len == o->cap)
		out_drain(o, 1);
	o->buf[o->len++] = c;
}

static inline void out_puts(struct out *o, const char *s) { out_write(o, s, strlen(s)); }

/* Write a number in decimal. */
void out_uint(struct out *o, unsigned long long v);
/* Write s escaped as a field: TAB, LF, CR and backslash become \t \n \r \\. */
void out_escaped(struct out *o, const char *s, size_t n);
/* Writing in place, for a record's fields in one go: out_room gives room
 * for n bytes at the end of the buffer, the fields are written there
 * (out_uint_at, out_escaped_at, memcpy), and out_done ends them at p. */
static inline char *out_room(struct out *o, size_t n)
{
	if (o->cap - o->len < n)
		out_drain(o, n);
	return o->buf + o->len;
}
static inline void out_done(struct out *o, char *p) { o->len = (size_t)(p - o->buf); }
/* v in decimal at p (room for 20 bytes); returns the end. */
char *out_uint_at(char *p, unsigned long long v);
/* s escaped as out_escaped does, at p (room for 2 n bytes); returns the end. */
char *out_escaped_at(char *p, const char *s, size_t n);
/* End a record: newline, and a flush when line-buffered. */
static inline void out_endrow(struct out *o)
{
	out_putc(o, '\n');
	if (o->line_buffered)
		out_flush(o);
}

#endif
