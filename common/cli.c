/* cli.c - shared option parsing. */
#include "cli.h"
#include "buf.h"
#include "msg.h"
#include "out.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef COPYDESK_VERSION
#define COPYDESK_VERSION "0.0"
#endif

enum {
	OPT_STATS = 1000,
	OPT_SKIP_BAD,
	OPT_LINE_BUFFERED,
	OPT_COLUMNS,
	OPT_NO_HEADER,
	OPT_PROGRESS,
	OPT_NO_DEFAULT_RULES,
};

static const struct {
	unsigned flag;
	struct option opt;
	const char *shortopt;
} shared[] = {
	{0, {"help", no_argument, NULL, 'h'}, "h"},
	{0, {"version", no_argument, NULL, 'V'}, "V"},
	{CLI_FIELD, {"field", required_argument, NULL, 'f'}, "f:"},
	{CLI_RULES, {"rules", required_argument, NULL, 'r'}, "r:"},
	{CLI_RULES, {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES}, ""},
	{CLI_STATS, {"stats", no_argument, NULL, OPT_STATS}, ""},
	{CLI_SKIP_BAD, {"skip-bad", no_argument, NULL, OPT_SKIP_BAD}, ""},
	{CLI_LINE_BUFFERED, {"line-buffered", no_argument, NULL, OPT_LINE_BUFFERED}, ""},
	{CLI_COLUMNS, {"columns", required_argument, NULL, OPT_COLUMNS}, ""},
	{CLI_NO_HEADER, {"no-header", no_argument, NULL, OPT_NO_HEADER}, ""},
	{CLI_PROGRESS, {"progress", no_argument, NULL, OPT_PROGRESS}, ""},
};
#define NSHARED (sizeof shared / sizeof shared[0])

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
	exit(EXIT_USAGE);
}

void cli_parse(int argc, char **argv, const struct cli_spec *spec, struct cli *c)
{
	memset(c, 0, sizeof *c);
	c->field = "text";
	progname = spec->name;

	size_t nown = 0;
	while (spec->longopts && spec->longopts[nown].name)
		nown++;
	struct option *lo = xcalloc(NSHARED + nown + 1, sizeof *lo);
	char shortopts[128] = ":"; /* ':' first: report a missing argument as such */
	size_t nl = 0;
	for (size_t i = 0; i < NSHARED; i++) {
		if (shared[i].flag && !(spec->shared & shared[i].flag))
			continue;
		lo[nl++] = shared[i].opt;
		strcat(shortopts, shared[i].shortopt);
	}
	for (size_t i = 0; i < nown; i++)
		lo[nl++] = spec->longopts[i];
	if (spec->shortopts)
		strncat(shortopts, spec->shortopts, sizeof shortopts - strlen(shortopts) - 1);

	int opt;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, shortopts, lo, NULL)) != -1) {
		switch (opt) {
		case 'h':
			fputs(spec->usage, stdout);
			if (fflush(stdout) == EOF || ferror(stdout))
				die(EXIT_TROUBLE, "write error on standard output");
			exit(EXIT_OK);
		case 'V':
			printf("%s (copydesk) %s\n", spec->name, COPYDESK_VERSION);
			if (fflush(stdout) == EOF)
				die(EXIT_TROUBLE, "write error on standard output");
			exit(EXIT_OK);
		case 'f': c->field = optarg; break;
		case 'r':
			c->rules = xrealloc(c->rules, (size_t)(c->nrules + 1) * sizeof *c->rules);
			c->rules[c->nrules++] = optarg;
			break;
		case OPT_NO_DEFAULT_RULES: c->no_default_rules = 1; break;
		case OPT_STATS: c->stats = 1; break;
		case OPT_SKIP_BAD: c->skip_bad = 1; break;
		case OPT_LINE_BUFFERED: c->line_buffered = 1; break;
		case OPT_COLUMNS: c->columns = optarg; break;
		case OPT_NO_HEADER: c->no_header = 1; break;
		case OPT_PROGRESS: c->progress = 1; break;
		case ':':
			if (optopt)
				cli_usage_error("option '-%c' needs an argument", optopt);
			cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
		case '?':
			if (optopt)
				cli_usage_error("unknown option '-%c'", optopt);
			cli_usage_error("unknown option '%s'", argv[optind - 1]);
		default:
			if (!spec->fn || spec->fn(opt, optarg, spec->ctx) < 0)
				cli_usage_error("bad use of option '%s'", argv[optind - 1]);
		}
	}
	free(lo);
	c->files = argv + optind;
	c->nfiles = argc - optind;
	out_init_stdout(c->line_buffered);
}

struct tsv_opts cli_tsv_opts(const struct cli *c)
{
	struct tsv_opts o = {.columns = c->columns, .skip_bad = c->skip_bad, .progress = c->progress};
	return o;
}

void rules_load_cli(const struct cli *c, const char *default_name, rules_fn fn, void *ctx)
{
	if (!c->no_default_rules) {
		struct buf path = {0};
		buf_printf(&path, "%s/%s", rules_default_dir(), default_name);
		fn(rules_load(path.p), ctx);
		buf_free(&path);
	}
	for (int i = 0; i < c->nrules; i++)
		fn(rules_load(c->rules[i]), ctx);
}
