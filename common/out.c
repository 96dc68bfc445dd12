/* out.c - buffered output writer. */
#include "out.h"
#include "msg.h"

#include <errno.h>
#include <string.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define OUT_BUFSIZE (256 * 1024)

static struct out stdout_writer;
struct out *out_stdout = &stdout_writer;

static void flush_stdout_on_exit(void)
{
	out_flush(out_stdout);
}

void out_open_fd(struct out *o, int fd, const char *name)
{
	o->cap = OUT_BUFSIZE;
	o->buf = xmalloc(o->cap);
	o->len = 0;
	o->fd = fd;
	o->err = 0;
	o->name = name;
	o->line_buffered = 0;
	o->is_stdout = 0;
}

void out_init_stdout(int line_buffered)
{
	signal(SIGPIPE, SIG_IGN);
	if (!out_stdout->buf)
		out_open_fd(out_stdout, STDOUT_FILENO, "standard output");
	out_stdout->is_stdout = 1;
	out_stdout->line_buffered = line_buffered;
	msg_before_exit = flush_stdout_on_exit;
}

static void stdout_failed(struct out *o)
{
	if (o->err == EPIPE) {
		/* the reader went away (| head): end quietly */
		_exit(EXIT_OK);
	}
	msg_before_exit = NULL;
	die(EXIT_TROUBLE, "write error on %s: %s", o->name, strerror(o->err));
}

int out_flush(struct out *o)
{
	size_t off = 0;
	if (o->err) {
		o->len = 0;
		return -1;
	}
	while (off < o->len) {
		ssize_t w = write(o->fd, o->buf + off, o->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			o->err = errno;
			o->len = 0;
			if (o->is_stdout)
				stdout_failed(o);
			return -1;
		}
		off += (size_t)w;
	}
	o->len = 0;
	return 0;
}

void out_drain(struct out *o, size_t need)
{
	out_flush(o);
	if (need > o->cap) {
		while (o->cap < need)
			o->cap *= 2;
		free(o->buf);
		o->buf = xmalloc(o->cap);
	}
}

int out_close(struct out *o)
{
	int r = out_flush(o);
	if (o->is_stdout) {
		msg_before_exit = NULL;
		if (close(o->fd) < 0 && errno != EINTR) {
			o->err = errno;
			stdout_failed(o);
		}
		return 0;
	}
	if (close(o->fd) < 0 && !o->err)
		o->err = errno, r = -1;
	free(o->buf);
	o->buf = NULL;
	return r;
}

static const unsigned char needs_escape[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\',
};

/* Nonzero when one of the 8 bytes of w may need escaping: a byte below
 * 0x0E (TAB, LF and CR are 9, 10 and 13) or a backslash. False positives
 * (other control bytes) are sorted out byte by byte. */
static inline uint64_t may_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t below = (w - ones * 0x0E) & ~w & high;
	uint64_t x = w ^ (ones * '\\');
	uint64_t bs = (x - ones) & ~x & high;
	return below | bs;
}

void out_escaped(struct out *o, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
	while (p < end) {
		/* skip 8 clean bytes at a time */
		while (end - p >= 8) {
			uint64_t w;
			memcpy(&w, p, 8);
			if (may_escape(w))
				break;
			p += 8;
		}
		const unsigned char *stop = end - p >= 8 ? p + 8 : end;
		for (; p < stop; p++) {
			unsigned char e = needs_escape[*p];
			if (!e)
				continue;
			out_write(o, run, (size_t)(p - run));
			char esc[2] = {'\\', (char)e};
			out_write(o, esc, 2);
			run = p + 1;
		}
	}
	out_write(o, run, (size_t)(end - run));
}

void out_uint(struct out *o, unsigned long long v)
{
	char tmp[24];
	size_t k = sizeof tmp;
	do
		tmp[--k] = (char)('0' + v % 10);
	while (v /= 10);
	out_write(o, tmp + k, sizeof tmp - k);
}

char *out_uint_at(char *p, unsigned long long v)
{
	/* the digits counted first, then written from the last one back in
	 * place (two at a time), no copy */
	static const char two[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
				     "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
				     "8081828384858687888990919293949596979899";
	size_t n = 1;
	unsigned long long x = v;
	for (; x >= 10000; x /= 10000)
		n += 4;
	n += (x >= 10) + (x >= 100) + (x >= 1000);
	char *q = p + n;
	while (v >= 100) {
		unsigned d = (unsigned)(v % 100);
		v /= 100;
		q -= 2;
		memcpy(q, two + 2 * d, 2);
	}
	if (v >= 10) {
		q -= 2;
		memcpy(q, two + 2 * v, 2);
	} else
		*--q = (char)('0' + v);
	return p + n;
}

char *out_escaped_at(char *p, const char *s, size_t n)
{
	size_t i = 0;
	/* 8 bytes at a time while none may need escaping */
	for (uint64_t w; i + 8 <= n; i += 8, p += 8) {
		memcpy(&w, s + i, 8);
		if (may_escape(w))
			break;
		memcpy(p, &w, 8);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i], e = needs_escape[c];
		if (__builtin_expect(e != 0, 0)) {
			*p++ = '\\';
			c = e;
		}
		*p++ = (char)c;
	}
	return p;
}
