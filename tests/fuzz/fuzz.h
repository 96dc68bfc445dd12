/* fuzz.h - what the libFuzzer harnesses share (tests/fuzz/README): the
 * programs' messages silenced (FUZZ_VERBOSE=1 keeps them; the sanitizers
 * and libFuzzer still write to fd 2), the shipped rules directory, a
 * /dev/null output writer, the input split into rows (by newline; a row
 * "\f" or an empty row starts a new document) with columns by TAB, and,
 * for the rules harness, exit() turned into a return to the harness
 * (fuzz_try) so that an error the program reports and exits on is an
 * ordinary outcome, not a crash. */
#ifndef COPYDESK_FUZZ_H
#define COPYDESK_FUZZ_H

#include <fcntl.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buf.h"
#include "msg.h"
#include "out.h"
#include "rules.h"
#include "rx.h"
#include "tsv.h"

#ifndef FUZZ_RULES_DIR
#define FUZZ_RULES_DIR "rules"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The programs' own messages go to /dev/null unless FUZZ_VERBOSE is set. */
static inline void fuzz_quiet(void)
{
	if (getenv("FUZZ_VERBOSE"))
		return;
	FILE *f = fopen("/dev/null", "w");
	if (f)
		stderr = f;
}

/* The shipped rules file NAME (rules/NAME), or $COPYDESK_RULES_DIR/NAME. */
static inline const char *fuzz_rules(const char *name)
{
	static char path[4096];
	const char *dir = getenv("COPYDESK_RULES_DIR");
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : FUZZ_RULES_DIR, name);
	return path;
}

/* A writer that throws its bytes away (still escaping and buffering). */
static inline struct out *fuzz_null_out(void)
{
	static struct out o;
	static int opened;
	if (!opened) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd < 0)
			abort();
		out_open_fd(&o, fd, "/dev/null");
		opened = 1;
	}
	return &o;
}

/* The input as rows: row i is rows[i] (a copy, NUL-terminated, in its
 * own allocation so ASan sees reads past its end). */
struct fuzz_rows {
	char **v;
	size_t *n;
	size_t nrows, cap;
};

static inline void fuzz_rows_split(struct fuzz_rows *r, const uint8_t *data, size_t size)
{
	r->nrows = 0;
	size_t i = 0;
	while (i < size) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t e = nl ? (size_t)(nl - data) : size;
		if (r->nrows == r->cap) {
			r->cap = r->cap ? 2 * r->cap : 16;
			r->v = xrealloc(r->v, r->cap * sizeof *r->v);
			r->n = xrealloc(r->n, r->cap * sizeof *r->n);
		}
		r->v[r->nrows] = xstrndup((const char *)data + i, e - i);
		r->n[r->nrows] = e - i;
		r->nrows++;
		i = e + 1;
	}
}

static inline void fuzz_rows_clear(struct fuzz_rows *r)
{
	for (size_t i = 0; i < r->nrows; i++)
		free(r->v[i]);
	r->nrows = 0;
}

/* Row text s[0..n) unescaped as the record format has it, in its own
 * allocation (so ASan sees reads past its end); its length in *len. */
static inline char *fuzz_unescaped(const char *s, size_t n, size_t *len)
{
	struct buf t = {0};
	tsv_unescape(s, n, &t);
	char *c = xmalloc(t.len ? t.len : 1);
	memcpy(c, t.p, t.len);
	*len = t.len;
	buf_free(&t);
	return c;
}

/* Does row i start a new document (an empty row or a form feed)? */
static inline int fuzz_doc_break(const struct fuzz_rows *r, size_t i)
{
	return r->n[i] == 0 || (r->n[i] == 1 && r->v[i][0] == '\f');
}

/* exit() from the code under test, while fuzz_armed, jumps back to the
 * FUZZ_TRY that armed it (the harness links with -Wl,--wrap=exit). */
static jmp_buf fuzz_jmp;
static volatile int fuzz_armed;
static volatile int fuzz_exit_status;
/* The YAML parser being used (-Wl,--wrap=yaml_parser_initialize and
 * _delete): an error exit leaves it open, and the jump back frees it
 * while its frame still stands (else a long run of bad rules files runs
 * out of memory). */
static yaml_parser_t *fuzz_yaml_open;
int __real_yaml_parser_initialize(yaml_parser_t *p);
int __wrap_yaml_parser_initialize(yaml_parser_t *p);
int __wrap_yaml_parser_initialize(yaml_parser_t *p)
{
	fuzz_yaml_open = p;
	return __real_yaml_parser_initialize(p);
}
void __real_yaml_parser_delete(yaml_parser_t *p);
void __wrap_yaml_parser_delete(yaml_parser_t *p);
void __wrap_yaml_parser_delete(yaml_parser_t *p)
{
	if (p == fuzz_yaml_open)
		fuzz_yaml_open = NULL;
	__real_yaml_parser_delete(p);
}
void __real_exit(int status) __attribute__((noreturn));
void __wrap_exit(int status) __attribute__((noreturn));
void __wrap_exit(int status)
{
	if (fuzz_armed) {
		if (fuzz_yaml_open)
			__wrap_yaml_parser_delete(fuzz_yaml_open);
		fuzz_armed = 0;
		fuzz_exit_status = status;
		longjmp(fuzz_jmp, 1);
	}
	__real_exit(status);
}
/* FUZZ_TRY(status, stmt): run stmt; status is 0 when it returned, else
 * the status it exited with. */
#define FUZZ_TRY(status, stmt)                    \
	do {                                      \
		if (setjmp(fuzz_jmp) == 0) {      \
			fuzz_armed = 1;           \
			stmt;                     \
			fuzz_armed = 0;           \
			(status) = 0;             \
		} else {                          \
			(status) = fuzz_exit_status; \
		}                                 \
	} while (0)

/* Memory an error exit leaves behind is no leak (the program ends):
 * the allocations made under the functions that exit on bad input. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:set_names\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#ifdef FUZZ_NO_LEAKS
/* a harness whose inputs end in error exits: no leak checks at all */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}
#endif

#endif
