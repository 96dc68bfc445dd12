/* buf.h - growable byte buffer used everywhere text is built up. */
#ifndef COPYDESK_BUF_H
#define COPYDESK_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char *p;
	size_t len, cap;
};

void buf_grow(struct buf *b, size_t extra);
void buf_free(struct buf *b);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void buf_reset(struct buf *b) { b->len = 0; }

static inline void buf_add(struct buf *b, const void *s, size_t n)
{
	if (b->cap - b->len < n + 1)
		buf_grow(b, n + 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void buf_addc(struct buf *b, char c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 2);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

static inline void buf_adds(struct buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* Terminate the buffer (it always holds a NUL after len once written). */
static inline const char *buf_str(struct buf *b)
{
	if (!b->p)
		buf_grow(b, 1), b->p[0] = '\0';
	return b->p;
}

#endif
