/* cli.c - shared option parsing. */
#include "cli.h"
#include "msg.h"
#include "out.h"

#include <errno.h>
#include <math.h>
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
	OPT_MAX_FIELD,
};

/* The shared flags, in the order -h lists them; %s in a help text is the
 * program's default rules file. */
static const struct {
	unsigned flag;
	struct option opt;
	const char *shortopt;
	const char *arg, *help; /* for -h: "-f, --field NAME", what it does */
} shared[] = {
	{CLI_FIELD, {"field", required_argument, NULL, 'f'}, "f:",
	 "-f, --field NAME", "the text column (default: text)"},
	{CLI_RULES, {"rules", required_argument, NULL, 'r'}, "r:",
	 "-r, --rules FILE", "more rules after %s (YAML; may be repeated)"},
	{CLI_RULES, {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES}, "",
	 "    --no-default-rules", "start without %s"},
	{CLI_STATS, {"stats", no_argument, NULL, OPT_STATS}, "",
	 "    --stats", "print counts on stderr at the end"},
	{CLI_SKIP_BAD, {"skip-bad", no_argument, NULL, OPT_SKIP_BAD}, "",
	 "    --skip-bad", "report bad input rows on stderr and go on"},
	{CLI_LINE_BUFFERED, {"line-buffered", no_argument, NULL, OPT_LINE_BUFFERED}, "",
	 "    --line-buffered", "write rows out as soon as they are done"},
	{CLI_COLUMNS, {"columns", required_argument, NULL, OPT_COLUMNS}, "",
	 "    --columns LIST", "the input has no header; these are its columns"},
	{CLI_NO_HEADER, {"no-header", no_argument, NULL, OPT_NO_HEADER}, "",
	 "    --no-header", "leave the header line out of the output"},
	{CLI_PROGRESS, {"progress", no_argument, NULL, OPT_PROGRESS}, "",
	 "    --progress", "show rows, MB and MB/s on stderr (a terminal only)"},
	{CLI_MAX_FIELD, {"max-field", required_argument, NULL, OPT_MAX_FIELD}, "",
	 "    --max-field N", "a longer line (field) is a bad row (bytes; K, M, G; default 64M)"},
	{0, {"help", no_argument, NULL, 'h'}, "h", "-h, --help", "this help"},
	{0, {"version", no_argument, NULL, 'V'}, "V", "-V, --version", "version"},
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

/* A size in bytes, with an optional K, M or G (powers of 1024); at least
 * 1; 0 when arg is not one. */
static size_t size_arg(const char *arg)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(arg, &end, 10);
	unsigned shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20
		       : *end == 'G' || *end == 'g' ? 30 : 0;
	if (shift)
		end++;
	if (errno || end == arg || *end || arg[0] == '-' || v > (1ULL << 40) >> shift)
		return 0;
	return (size_t)(v << shift);
}

/* The -h text: the program's part, the shared flags it takes, its end. */
static void help(const struct cli_spec *spec)
{
	fputs(spec->usage, stdout);
	if (!spec->options && !spec->footer)
		return;
	if (spec->options)
		fputs(spec->options, stdout);
	for (size_t i = 0; i < NSHARED; i++) {
		if (shared[i].flag && !(spec->shared & shared[i].flag))
			continue;
		int n = printf("  %s", shared[i].arg);
		printf("%*s", n < 22 ? 24 - n : 2, "");
		printf(shared[i].help, spec->rules_file ? spec->rules_file : "rules file");
		putchar('\n');
	}
	if (spec->footer)
		fputs(spec->footer, stdout);
}

double cli_number(const char *opt, const char *arg, double min, double max)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || isnan(v) || v < min || v > max)
		cli_usage_error("%s: '%s' is not a number from %g to %g", opt, arg, min, max);
	return v;
}

void cli_parse(int argc, char **argv, const struct cli_spec *spec, struct cli *c)
{
	memset(c, 0, sizeof *c);
	c->field = "text";
	c->max_field = LINES_MAX_DEFAULT;
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
			free(lo);
			help(spec);
			if (fflush(stdout) == EOF || ferror(stdout))
				die(EXIT_TROUBLE, "write error on standard output");
			exit(EXIT_OK);
		case 'V':
			free(lo);
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
		case OPT_MAX_FIELD:
			if (!(c->max_field = size_arg(optarg))) {
				free(lo);
				cli_usage_error("--max-field: '%s' is not a size in bytes (a number, then K, "
						"M or G)", optarg);
			}
			break;
		case ':':
			free(lo);
			if (optopt)
				cli_usage_error("option '-%c' needs an argument", optopt);
			cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
		case '?':
			free(lo);
			if (optopt)
				cli_usage_error("unknown option '-%c'", optopt);
			cli_usage_error("unknown option '%s'", argv[optind - 1]);
		default:
			if (!spec->fn || spec->fn(opt, optarg, spec->ctx) < 0) {
				free(lo);
				cli_usage_error("bad use of option '%s'", argv[optind - 1]);
			}
		}
	}
	free(lo);
	c->files = argv + optind;
	c->nfiles = argc - optind;
	out_init_stdout(c->line_buffered);
}

void cli_free(struct cli *c)
{
	free(c->rules);
	c->rules = NULL;
	c->nrules = 0;
}

struct tsv_opts cli_tsv_opts(const struct cli *c)
{
	struct tsv_opts o = {.columns = c->columns, .skip_bad = c->skip_bad, .progress = c->progress,
			     .max_field = c->max_field};
	return o;
}
