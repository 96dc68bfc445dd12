/* dedupe - drop (or, with --mark, mark) the rows whose text repeats an
 * earlier row's: exactly after normalization, or nearly with --near; with
 * --by doc whole documents. --state keeps the seen-set across runs (cron),
 * --keys / --clusters / --apply split the work over a cluster. The CLI:
 * options, the row loop and the output; the engine is dd_*.c (dd.h). */
#include "cli.h"
#include "cols.h"
#include "dd.h"
#include "dd_run.h"
#include "docrows.h"
#include "msg.h"
#include "out.h"
#include "rules.h"
#include "tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: dedupe [options] [FILE]...\n"
	"Drop the rows whose text repeats an earlier row's (keep-first), or mark them.\n"
	"Exact (the default): the same text once case, accents, quotes, dashes,\n"
	"spaces, punctuation and markup are set aside (digits count). --near: also\n"
	"copies with a few words changed, a dateline or credit added, cut short.\n"
	"No FILE, or '-', reads standard input.\n"
	"\n"
	"  -n, --near T          near copies too: T (0..1, 0.8 is good) is the share of\n"
	"                        the aligned words two texts must have in common\n"
	"  -m, --mark            keep every row; add 'dup_of' before the text: empty for\n"
	"                        a first occurrence, else the doc:para:sent of the row\n"
	"                        it repeats\n"
	"      --by doc          compare whole documents (rows of a doc are consecutive)\n"
	"      --state FILE      remember what was seen across runs in FILE (cron);\n"
	"                        locked, written atomically, checked on load\n"
	"  -o, --output FILE     write the rows to FILE, committed with the state\n"
	"      --wait            wait for a run holding the state (the default)\n"
	"      --no-wait         fail (exit 1) when another run holds the state\n"
	"      --keys            sharded mode, step 1: write the band keys of each row\n"
	"      --part N          the number of this part of the input (--keys, --apply)\n"
	"      --row-col NAME    the rows' numbers are in column NAME, not their places\n"
	"                        in the part (--keys, --apply)\n"
	"      --clusters        step 2: read keys grouped by key, write the links\n"
	"      --apply LINKS     step 3: drop or mark the rows by the links\n"
	"      --edge-max N      longest dateline or credit forgiven, in words (12)\n"
	"      --sketch S        minhash, oph or bottom (default: minhash)\n"
	"      --shingle K       words per shingle (default: 2)\n"
	"      --bands B         bands (or keys indexed, for bottom)\n"
	"      --rows R          values per band (or keys looked up, for bottom)\n"
	"      --bucket-cap N    texts a band key holds at most, the first N offered\n"
	"                        (default: 256; 0: no cap)\n"
	"  -f, --field NAME      the text column (default: text)\n"
	"  -r, --rules FILE      more word lists (YAML), after the default dedupe.yaml\n"
	"      --no-default-rules  start without the default word lists\n"
	"      --stats           print counts and memory on stderr at the end\n"
	"      --skip-bad        report bad rows on stderr and go on\n"
	"      --line-buffered   flush after every row\n"
	"      --columns LIST    the input has no header; these are its columns\n"
	"      --no-header       leave the header line out of the output\n"
	"      --progress        show rows, MB and MB/s on stderr (a terminal only)\n"
	"  -h, --help            this help\n"
	"  -V, --version         version\n"
	"\n"
	"Exit status: 0 success, 1 data or I/O trouble, 2 usage, rules or state file error.\n";

enum {
	OPT_BY = 2000, /* above the shared options of cli.c */
	OPT_STATE,
	OPT_WAIT,
	OPT_NO_WAIT,
	OPT_KEYS,
	OPT_PART,
	OPT_CLUSTERS,
	OPT_APPLY,
	OPT_EDGE_MAX,
	OPT_SKETCH,
	OPT_SHINGLE,
	OPT_BANDS,
	OPT_ROWS,
	OPT_ROW_COL,
	OPT_BUCKET_CAP,
};

static struct dd_run R;

static int own_opt(int opt, const char *arg, void *ctx)
{
	struct dd_run *r = ctx;
	switch (opt) {
	case 'n':
		r->opts.near = 1;
		r->opts.verify.threshold = cli_number("--near", arg, 0, 1);
		return 0;
	case 'm': r->mark = 1; return 0;
	case 'o': r->outfile = arg; return 0;
	case OPT_BY:
		if (strcmp(arg, "doc") != 0)
			cli_usage_error("--by: '%s' is not 'doc'", arg);
		r->by_doc = 1;
		return 0;
	case OPT_STATE: r->state = arg; return 0;
	case OPT_WAIT: r->wait = 1; return 0;
	case OPT_NO_WAIT: r->wait = 0; return 0;
	case OPT_KEYS: r->step = DD_STEP_KEYS; return 0;
	case OPT_CLUSTERS: r->step = DD_STEP_CLUSTERS; return 0;
	case OPT_APPLY: r->step = DD_STEP_APPLY; r->links = arg; return 0;
	case OPT_ROW_COL: r->row_col = arg; return 0;
	case OPT_PART: r->part = (unsigned long)cli_number("--part", arg, 0, 4294967295.0); return 0;
	case OPT_EDGE_MAX: r->opts.verify.edge_max = (unsigned)cli_number("--edge-max", arg, 0, 1000); return 0;
	case OPT_SHINGLE: r->opts.sketch.shingle = (unsigned)cli_number("--shingle", arg, 1, 4); return 0;
	case OPT_BANDS: r->opts.sketch.bands = (unsigned)cli_number("--bands", arg, 1, DD_MAXKEYS); return 0;
	case OPT_BUCKET_CAP: r->opts.sketch.cap = (unsigned)cli_number("--bucket-cap", arg, 0, 1000000); return 0;
	case OPT_ROWS: r->opts.sketch.rows = (unsigned)cli_number("--rows", arg, 1, DD_MAXKEYS); return 0;
	case OPT_SKETCH:
		if (!strcmp(arg, "minhash"))
			r->opts.sketch.kind = DD_SK_MINHASH;
		else if (!strcmp(arg, "oph"))
			r->opts.sketch.kind = DD_SK_OPH;
		else if (!strcmp(arg, "bottom"))
			r->opts.sketch.kind = DD_SK_BOTTOM;
		else
			cli_usage_error("--sketch: '%s' is not minhash, oph or bottom", arg);
		r->sketch_set = 1;
		return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{"near", required_argument, NULL, 'n'},
		{"mark", no_argument, NULL, 'm'},
		{"output", required_argument, NULL, 'o'},
		{"by", required_argument, NULL, OPT_BY},
		{"state", required_argument, NULL, OPT_STATE},
		{"wait", no_argument, NULL, OPT_WAIT},
		{"no-wait", no_argument, NULL, OPT_NO_WAIT},
		{"keys", no_argument, NULL, OPT_KEYS},
		{"part", required_argument, NULL, OPT_PART},
		{"clusters", no_argument, NULL, OPT_CLUSTERS},
		{"apply", required_argument, NULL, OPT_APPLY},
		{"edge-max", required_argument, NULL, OPT_EDGE_MAX},
		{"sketch", required_argument, NULL, OPT_SKETCH},
		{"shingle", required_argument, NULL, OPT_SHINGLE},
		{"bands", required_argument, NULL, OPT_BANDS},
		{"rows", required_argument, NULL, OPT_ROWS},
		{"row-col", required_argument, NULL, OPT_ROW_COL},
		{"bucket-cap", required_argument, NULL, OPT_BUCKET_CAP},
		{0},
	};
	dd_run_defaults(&R);
	struct cli_spec spec = {
		.name = "dedupe", .usage = usage,
		.shared = CLI_TSV_IN | CLI_RULES,
		.shortopts = "n:mo:", .longopts = lo, .fn = own_opt, .ctx = &R,
	};
	cli_parse(argc, argv, &spec, &R.cli);
	static struct dd_words W;
	dd_words_init(&W);
	rules_load_cli(&R.cli, "dedupe.yaml", dd_words_load, &W);
	R.words = &W;
	int status = dd_run(&R);
	dd_words_free(&W);
	rules_free_all();
	free(R.cli.rules);
	return status != EXIT_OK ? status : exit_status(); /* an input unreadable: 1 */
}
