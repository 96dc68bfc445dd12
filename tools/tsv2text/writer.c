/* writer.c - rows back to article text. */
#include "writer.h"
#include "msg.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file's name is the final one and ".tmp.XXXXXX". */
#define TMP_SUFFIX_LEN 11

const char *aw_bad_doc_name(const struct article_writer *w, const char *doc, size_t n)
{
	if (n == 0)
		return "empty doc id cannot name a file";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)doc[i] < 0x20 || doc[i] == 0x7F)
			return "doc id holds a control character (a newline, a tab...) that cannot be in a file name";
	if (doc[0] == '/')
		return "doc id is an absolute path";
	size_t ext = w->ext ? strlen(w->ext) : 0;
	if (strlen(w->dir ? w->dir : "") + 1 + n + ext + TMP_SUFFIX_LEN >= PATH_MAX)
		return "doc id is too long for a path";
	const char *p = doc, *end = doc + n;
	for (;;) {
		const char *s = memchr(p, '/', (size_t)(end - p));
		const char *e = s ? s : end;
		size_t k = (size_t)(e - p);
		if (k == 0)
			return "doc id has an empty path component (or ends in '/')";
		if ((k == 1 && p[0] == '.') || (k == 2 && p[0] == '.' && p[1] == '.'))
			return "doc id has a '.' or '..' path component";
		if (k + (s ? 0 : ext + TMP_SUFFIX_LEN) > NAME_MAX)
			return "doc id has a path component too long for a file name";
		if (!s)
			return NULL;
		p = s + 1;
	}
}

void aw_init(struct article_writer *w, const char *dir, const char *ext, int blank_lines)
{
	memset(w, 0, sizeof *w);
	w->dir = dir;
	w->ext = ext;
	w->blank_lines = blank_lines;
	w->o = out_stdout;
}

static void mkdirs(struct article_writer *w, char *path)
{
	/* create the directories leading to path (the doc id may hold '/') */
	for (char *s = path + strlen(w->dir) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST)
			die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
		*s = '/';
	}
}

static void end_line(struct article_writer *w)
{
	if (w->in_line) {
		out_putc(w->o, '\n');
		w->in_line = 0;
	}
}

int aw_doc(struct article_writer *w, const char *doc, size_t n, const char **why)
{
	if (w->in_doc && w->doc.len == n && memcmp(w->doc.p, doc, n) == 0)
		return 0;
	if (w->dir && (*why = aw_bad_doc_name(w, doc, n)))
		return -1;
	if (w->dir && strset_has(&w->seen, doc, n)) {
		*why = "rows of this doc come after another doc's (rows of one doc must be consecutive); "
		       "its file would be overwritten";
		return -1;
	}
	aw_end_doc(w);
	buf_reset(&w->doc);
	buf_add(&w->doc, doc, n);
	buf_reset(&w->para);
	w->in_doc = 1;
	w->docs++;
	if (!w->dir) {
		if (w->docs > 1)
			out_putc(w->o, '\n'); /* a blank line between documents */
		return 0;
	}
	strset_add(&w->seen, doc, n);
	buf_reset(&w->final_path);
	buf_printf(&w->final_path, "%s/%.*s%s", w->dir, (int)n, doc, w->ext);
	buf_reset(&w->tmp_path);
	buf_printf(&w->tmp_path, "%s.tmp.XXXXXX", w->final_path.p);
	mkdirs(w, w->tmp_path.p);
	int fd = mkstemp(w->tmp_path.p);
	if (fd < 0)
		die(EXIT_TROUBLE, "%s: %s", w->tmp_path.p, strerror(errno));
	/* mkstemp makes 0600 files; give the usual 0666 less the umask */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	out_open_fd(&w->file, fd, w->final_path.p);
	w->file_open = 1;
	w->o = &w->file;
	return 0;
}

void aw_text(struct article_writer *w, const char *para, size_t plen, const char *text, size_t n)
{
	int same_para = para && w->in_line && w->para.len == plen && memcmp(w->para.p, para, plen) == 0;
	if (same_para) {
		out_putc(w->o, ' ');
	} else {
		end_line(w);
		if (w->blank_lines && w->paras_in_doc > 0)
			out_putc(w->o, '\n');
		w->paras_in_doc++;
		w->lines++;
		buf_reset(&w->para);
		if (para)
			buf_add(&w->para, para, plen);
	}
	out_write(w->o, text, n);
	w->in_line = 1;
}

void aw_end_doc(struct article_writer *w)
{
	end_line(w);
	w->paras_in_doc = 0;
	w->in_doc = 0;
	if (!w->file_open)
		return;
	w->file_open = 0;
	w->o = out_stdout;
	if (out_close(&w->file) < 0) {
		int e = w->file.err;
		unlink(w->tmp_path.p);
		die(EXIT_TROUBLE, "%s: write error: %s", w->final_path.p, strerror(e));
	}
	if (rename(w->tmp_path.p, w->final_path.p) < 0) {
		int e = errno;
		unlink(w->tmp_path.p);
		die(EXIT_TROUBLE, "%s: %s", w->final_path.p, strerror(e));
	}
}

void aw_abort(struct article_writer *w)
{
	if (!w->file_open)
		return;
	w->file_open = 0;
	close(w->file.fd);
	free(w->file.buf);
	w->file.buf = NULL;
	unlink(w->tmp_path.p);
}

void aw_free(struct article_writer *w)
{
	buf_free(&w->doc);
	buf_free(&w->para);
	buf_free(&w->tmp_path);
	buf_free(&w->final_path);
	strset_free(&w->seen);
}
