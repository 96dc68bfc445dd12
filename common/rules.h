/* rules.h - loading the YAML rules files with libyaml into a small tree,
 * and checking them: every mistake (bad YAML, unknown key, wrong type)
 * stops the program with "file:line:column: message" and exit 2 before any
 * input is read. Aliases are resolved by sharing, and the expanded size is
 * bounded so a "billion laughs" file is an error, not a hang. */
#ifndef COPYDESK_RULES_H
#define COPYDESK_RULES_H

#include <stddef.h>

enum ynode_kind { Y_SCALAR, Y_SEQ, Y_MAP };

struct ynode {
	enum ynode_kind kind;
	const char *file;
	unsigned long line, col; /* 1-based */
	char *str;               /* scalars: the value, NUL-terminated */
	size_t len;
	int plain;               /* scalar was unquoted (so null/true/numbers apply) */
	struct ynode **items;    /* seq: items; map: key, value, key, value... */
	size_t n;                /* number of items (maps: 2 x pairs) */
};

/* Load one file. Returns the root node (a mapping). */
struct ynode *rules_load(const char *path);
/* The same from the n bytes at s; name stands for the file in messages. */
struct ynode *rules_load_mem(const char *name, const char *s, size_t n);
void rules_free_all(void);

/* Default rules directory: $COPYDESK_RULES_DIR, else share/copydesk/rules
 * beside the bin/ holding the program (an installed tree, relocated or
 * staged), else rules/ beside it (the build tree), else the directory
 * compiled in (PREFIX/share/copydesk/rules). */
const char *rules_default_dir(void);

/* What a program does with each rules file it loads (see cli.h's
 * rules_load_cli). */
typedef void (*rules_fn)(const struct ynode *root, void *ctx);

_Noreturn void yerr(const struct ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A list entry that must be one word: not empty, at most 60 bytes, no
 * white space (the error names what to list instead: hint, may be NULL),
 * and with lower set no capitals. An error is yerr's. */
void rules_check_word(const struct ynode *s, int lower, const char *hint);

/* Mapping helpers: check the keys against a NULL-terminated list; look up. */
void ymap_check(const struct ynode *map, const char *const *allowed);
const struct ynode *ymap_get(const struct ynode *map, const char *key);
const struct ynode *ymap_need(const struct ynode *map, const char *key);

const char *yscalar(const struct ynode *n);  /* a string */
/* A path a rules file names (a list file): relative to that file, as a
 * string to free. */
char *ypath(const struct ynode *n);
double ynumber(const struct ynode *n, double min, double max);
long yint(const struct ynode *n, long min, long max);
int ybool(const struct ynode *n);
const struct ynode *yseq(const struct ynode *n); /* a sequence */
const struct ynode *ymap(const struct ynode *n); /* a mapping */
/* A scalar or a sequence of scalars: calls fn for each string. */
void yeach_string(const struct ynode *n, void (*fn)(const struct ynode *s, void *ctx), void *ctx);

#endif
