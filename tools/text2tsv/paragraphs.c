/* paragraphs.c - article lines to paragraph rows. */
#include "paragraphs.h"
#include "utf8.h"

#include <string.h>

static int is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_ascii_space(**s))
		(*s)++, (*n)--;
	while (*n && is_ascii_space((*s)[*n - 1]))
		(*n)--;
}

void para_begin_doc(struct para_writer *w, const char *doc, size_t len)
{
	buf_reset(&w->doc);
	buf_reset(&w->cur);
	struct buf raw = {0};
	w->repaired += u8_repair(doc, len, &raw);
	/* escape the id once, reuse for every row */
	for (size_t i = 0; i < raw.len; i++) {
		char c = raw.p[i];
		switch (c) {
		case '\t': buf_add(&w->doc, "\\t", 2); break;
		case '\n': buf_add(&w->doc, "\\n", 2); break;
		case '\r': buf_add(&w->doc, "\\r", 2); break;
		case '\\': buf_add(&w->doc, "\\\\", 2); break;
		default: buf_addc(&w->doc, c);
		}
	}
	buf_free(&raw);
	buf_str(&w->doc);
	w->para = 0;
	w->lines = w->continued = w->blanks = 0;
	w->prev_open = w->wrapped = 0;
	w->docs++;
}

static void emit(struct para_writer *w, const char *s, size_t n)
{
	if (n == 0)
		return;
	size_t ok = u8_valid_prefix(s, n);
	if (ok < n) {
		buf_reset(&w->fixed);
		w->repaired += u8_repair(s, n, &w->fixed);
		s = w->fixed.p;
		n = w->fixed.len;
	}
	struct out *o = w->out;
	out_write(o, w->doc.p, w->doc.len);
	out_putc(o, '\t');
	out_uint(o, ++w->para);
	out_putc(o, '\t');
	out_escaped(o, s, n);
	out_endrow(o);
	w->rows++;
}

/* Does a line of n bytes end a sentence or a clause a paragraph can end
 * on (a stop, a closing quote or bracket)? */
static int ends_sentence(const char *s, size_t n)
{
	size_t len;
	int32_t cp = u8_decode_back(s, n, &len);
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' ||
	       cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
	       cp == 0x2019 || cp == 0xBB || cp == 0x2026;
}

/* A lowercase letter of ASCII or Latin-1 (a hint needs no more, and
 * text2tsv does not link utf8proc). */
static int starts_lower(const char *s, size_t n)
{
	size_t len;
	int32_t cp = u8_decode(s, n, &len);
	return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

/* Hard-wrap evidence of one trimmed line (one row per line mode). */
static void wrap_evidence(struct para_writer *w, const char *s, size_t n)
{
	if (n == 0) {
		w->blanks++;
		w->prev_open = 0;
		return;
	}
	w->lines++;
	if (w->prev_open && starts_lower(s, n))
		w->continued++;
	w->prev_open = n >= 30 && !ends_sentence(s, n);
}

void para_line(struct para_writer *w, const char *s, size_t n)
{
	trim(&s, &n);
	if (!w->blank_lines) {
		wrap_evidence(w, s, n);
		emit(w, s, n);
		return;
	}
	if (n == 0) {
		emit(w, w->cur.p, w->cur.len);
		buf_reset(&w->cur);
		return;
	}
	if (w->cur.len)
		buf_addc(&w->cur, ' ');
	buf_add(&w->cur, s, n);
}

void para_text(struct para_writer *w, const char *s, size_t n)
{
	const char *end = s + n;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		para_line(w, s, (size_t)(e - s));
		s = nl ? nl + 1 : end;
	}
}

void para_end_doc(struct para_writer *w)
{
	if (w->blank_lines && w->cur.len)
		emit(w, w->cur.p, w->cur.len);
	buf_reset(&w->cur);
	w->wrapped = !w->blank_lines && w->continued >= 3 && w->continued * 5 >= w->lines;
}

void para_free(struct para_writer *w)
{
	buf_free(&w->doc);
	buf_free(&w->cur);
	buf_free(&w->fixed);
}
