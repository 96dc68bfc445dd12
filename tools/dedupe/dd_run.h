/* dd_run.h - a run of dedupe over its inputs: the row (or document) loop,
 * the output (standard output, or a file committed with the state), the
 * state file and the sharded steps. main.c fills a struct dd_run from the
 * command line. */
#ifndef COPYDESK_DD_RUN_H
#define COPYDESK_DD_RUN_H

#include "cli.h"
#include "dd.h"

enum dd_step { DD_STEP_FILTER, DD_STEP_KEYS, DD_STEP_CLUSTERS, DD_STEP_APPLY };

struct dd_run {
	struct cli cli;
	struct dd_opts opts;
	const struct dd_words *words;
	int mark, by_doc, wait, sketch_set;
	enum dd_step step;
	const char *state, *outfile, *links, *row_col;
	unsigned long part;
	uint64_t *in_hash;   /* when set, the loop hashes the input it reads here */
	uint64_t in_size;    /* the loop: the input's bytes when all are regular files, else 0 */
	uint64_t in_read;    /* the loop: the bytes of the rows read so far */
	struct dd_engine *pipe; /* the exact filter's engine: the loop judges each row
				 * after folding the next (dd_run.c) */
};

void dd_run_defaults(struct dd_run *r);
/* Run; returns the exit status. */
int dd_run(struct dd_run *r);

/* The row loop over the inputs (dd_run.c), shared by the filter, --keys
 * and --apply: decide() is called for each row (each document with --by
 * doc) with its text, its key (doc:para:sent) and its number (0-based, in
 * input order); it returns 1 for a repeat, setting the key it repeats, or
 * 0. Rows are then written (kept ones, or all with --mark) unless quiet. */
typedef int (*dd_decide_fn)(void *ctx, const char *text, size_t n, const char *key, size_t klen,
			    unsigned long long index, const char **dup, size_t *ndup);

struct out;
struct dd_loop_stats {
	unsigned long long rows, docs, out, repeats;
};
void dd_loop(struct dd_run *r, struct out *o, int quiet, dd_decide_fn decide, void *ctx,
	     struct dd_loop_stats *st);

/* The output file: written to FILE.tmp (dd_open_output returns its fd),
 * flushed and synced by dd_close_output (errors exit 1, the temporary
 * removed); the caller renames it into place. */
int dd_open_output(const char *path, struct out *o, struct buf *tmpname);
void dd_close_output(struct out *o, int fd, const char *tmpname);
/* The temporary is in place (renamed) or left on purpose: no longer
 * removed at exit. */
void dd_output_done(void);

/* The state file protocol (dd_state.c) and the sharded steps (dd_shard.c). */
int dd_run_state(struct dd_run *r);
int dd_run_keys(struct dd_run *r);
int dd_run_clusters(struct dd_run *r);
int dd_run_apply(struct dd_run *r);

/* The filter's decide() over an engine, and its --stats line. */
int dd_engine_decide(void *ctx, const char *text, size_t n, const char *key, size_t klen,
		     unsigned long long index, const char **dup, size_t *ndup);
void dd_print_stats(const struct dd_run *r, const struct dd_engine *e, const struct dd_loop_stats *st);

#endif
