/* msg.c - diagnostics and checked allocation. */
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *progname = "copydesk";
void (*msg_before_exit)(void);
static int trouble;

void note_trouble(void) { trouble = 1; }
int exit_status(void) { return trouble ? EXIT_TROUBLE : EXIT_OK; }

static void vmsg(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	char msg[2048];
	vsnprintf(msg, sizeof msg, fmt, ap);
	fflush(stdout);
	/* one write per message, so messages of parallel jobs do not interleave */
	if (file && line)
		fprintf(stderr, "%s: %s:%lu: %s\n", progname, file, line, msg);
	else if (file)
		fprintf(stderr, "%s: %s: %s\n", progname, file, msg);
	else
		fprintf(stderr, "%s: %s\n", progname, msg);
}

void warnx(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void warn_at(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
}

static _Noreturn void leave(int status)
{
	void (*f)(void) = msg_before_exit;
	msg_before_exit = NULL; /* no recursion if flushing fails */
	if (f && status != EXIT_USAGE)
		f();
	exit(status);
}

void die(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	leave(status);
}

void die_at(int status, const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
	leave(status);
}

static _Noreturn void oom(size_t n)
{
	fprintf(stderr, "%s: out of memory (asked for %zu bytes)\n", progname, n);
	exit(EXIT_TROUBLE);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
