/* cli.h - option parsing shared by every program: the flags of DESIGN.md
 * mean the same everywhere, -h prints usage to stdout, -V the version,
 * usage mistakes exit 2. */
#ifndef COPYDESK_CLI_H
#define COPYDESK_CLI_H

#include <getopt.h>

#include "rules.h"
#include "tsv.h"

/* Which shared flags a program takes. */
enum {
	CLI_FIELD = 1 << 0,         /* -f/--field NAME */
	CLI_RULES = 1 << 1,         /* -r/--rules FILE, --no-default-rules */
	CLI_STATS = 1 << 2,         /* --stats */
	CLI_SKIP_BAD = 1 << 3,      /* --skip-bad */
	CLI_LINE_BUFFERED = 1 << 4, /* --line-buffered */
	CLI_COLUMNS = 1 << 5,       /* --columns LIST */
	CLI_NO_HEADER = 1 << 6,     /* --no-header */
	CLI_PROGRESS = 1 << 7,      /* --progress */
	CLI_MAX_FIELD = 1 << 8,     /* --max-field BYTES */
	/* what every TSV filter takes */
	CLI_TSV_IN = CLI_FIELD | CLI_SKIP_BAD | CLI_LINE_BUFFERED | CLI_COLUMNS | CLI_NO_HEADER |
		     CLI_PROGRESS | CLI_STATS | CLI_MAX_FIELD,
};

struct cli {
	const char *field;       /* default "text" */
	const char **rules;      /* -r files, in order (the array is the cli's: cli_free) */
	int nrules;
	int no_default_rules, stats, skip_bad, line_buffered, no_header, progress;
	const char *columns;
	size_t max_field;        /* the longest line read (default LINES_MAX_DEFAULT) */
	char **files;            /* operands */
	int nfiles;
};

/* A program's own options: returns 0, or -1 for a bad argument (the
 * handler has printed why). */
typedef int (*cli_opt_fn)(int opt, const char *arg, void *ctx);

struct cli_spec {
	const char *name;
	/* The -h text. With options or footer set: usage is the synopsis and
	 * what the program does (ending in a blank line), options the
	 * program's own option lines ("  -x, --long ARG        what"), then
	 * cli.c writes the lines of the shared flags taken (from its table, in
	 * one order for every program), -h and -V, then footer (notes, the
	 * exit status). Without them, usage is printed as is. */
	const char *usage;
	const char *options;
	const char *footer;
	const char *rules_file;       /* the default rules file, for the -r help line */
	unsigned shared;              /* CLI_* flags taken */
	const char *shortopts;        /* the program's own short options */
	const struct option *longopts; /* the program's own, {0} terminated; may be NULL */
	cli_opt_fn fn;
	void *ctx;
};

void cli_parse(int argc, char **argv, const struct cli_spec *spec, struct cli *c);
/* Free what cli_parse allocated (the strings point into argv). */
void cli_free(struct cli *c);
_Noreturn void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The number in an option's argument, from min to max, else a usage error
 * (exit 2) naming opt. */
double cli_number(const char *opt, const char *arg, double min, double max);
/* The reader options the shared flags set. */
struct tsv_opts cli_tsv_opts(const struct cli *c);
/* Load the program's default rules file from rules_default_dir() (unless
 * --no-default-rules) and then each -r file, calling fn on each root in
 * order. A rules file must have "version: 1". */
void rules_load_cli(const struct cli *c, const char *default_name, rules_fn fn, void *ctx);

#endif
