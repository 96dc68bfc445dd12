/* msg.h - program name, diagnostics in the shared "prog: file:line: msg"
 * form, exit codes, and allocation that cannot fail silently. */
#ifndef COPYDESK_MSG_H
#define COPYDESK_MSG_H

#include <stddef.h>

enum {
	EXIT_OK = 0,
	EXIT_TROUBLE = 1, /* data or I/O trouble */
	EXIT_USAGE = 2,   /* usage or configuration; nothing was processed */
};

extern const char *progname;

/* Called before exiting on an error, to flush what was written so far
 * (set by the output module). */
extern void (*msg_before_exit)(void);

void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_at(const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
_Noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
_Noreturn void die_at(int status, const char *file, unsigned long line,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Trouble that did not stop the run (an unreadable file among several):
 * reported where it happened, and the exit status is 1 at the end. */
void note_trouble(void);
/* EXIT_OK, or EXIT_TROUBLE after note_trouble: what main returns. */
int exit_status(void);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
