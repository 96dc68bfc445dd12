/* rules.c - fuzz the YAML rules loaders: common/rules.c (the YAML tree:
 * anchors, aliases, nesting, sizes) and each program's loader of it
 * (strip-boilerplate's rules and patterns, split-sentences' word lists,
 * tag-entities' entries, cues, patterns and lists, extract-quotes' marks,
 * cues and weights, dedupe's word classes). The first byte picks the
 * loader; the rest is the rules file, read as if it were FUZZ_RULES_DIR/
 * fuzz.yaml (so "lists/..." names the shipped lists). A bad file must be
 * an error: the program's exit (status 2) comes back here as an outcome
 * (fuzz.h: exit is wrapped) — anything else, a crash, a hang, a timeout, a
 * status other than 2, is a finding. A file that loads is then used: the
 * engine runs on a few fixed rows and on the file's own lines (patterns
 * meet text shaped like themselves), so a pattern that backtracks must be
 * stopped by the PCRE2 limits. Leaks are not checked here (an error exit
 * leaves the loader's memory behind by design): FUZZ_NO_LEAKS, and
 * LLVMFuzzerInitialize adds -detect_leaks=0. */
#include "bp.h"
#include "dd.h"
#include "eq.h"
#define FUZZ_NO_LEAKS
#include "fuzz.h"
#include "segment.h"
#include "te.h"

static const char *const sample[] = {
	"Home | News | Sport | Contact us",
	"BRINDLE, March 3 (Tarrow Wire) - The council of Brindle voted on Tuesday to keep the ferry.",
	"\"We will not let the crossing close,\" said Mayor Ada Quellin, 52, at the town hall.",
	"Dr. Pell told reporters: \xe2\x80\x9cIt is the right choice for the U.S. and for us.\xe2\x80\x9d",
	"Read more: Ferry timetable changes \xc2\xbb",
	"\xc2\xa9 2026 Tarrow Wire. All rights reserved.",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
	"He said the Harlow Mill Co. would reopen on Jan. 5 at 9 a.m. ET.",
};
enum { NSAMPLE = sizeof sample / sizeof *sample, MAX_OWN = 64, MAX_LEN = 512 };

static const char *rows[NSAMPLE + MAX_OWN];
static size_t lens[NSAMPLE + MAX_OWN];
static size_t nrows;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet();
	/* -detect_leaks=0 unless the command line says otherwise */
	for (int i = 1; i < *argc; i++)
		if (!strncmp((*argv)[i], "-detect_leaks=", 14))
			return 0;
	char **v = xmalloc((size_t)(*argc + 2) * sizeof *v);
	memcpy(v, *argv, (size_t)*argc * sizeof *v);
	v[*argc] = "-detect_leaks=0";
	v[*argc + 1] = NULL;
	(*argc)++;
	*argv = v;
	return 0;
}

/* The rows the engines read: the samples, then the file's first lines. */
static void make_rows(const char *s, size_t n)
{
	nrows = 0;
	for (size_t i = 0; i < NSAMPLE; i++) {
		rows[nrows] = sample[i];
		lens[nrows++] = strlen(sample[i]);
	}
	size_t at = 0;
	while (at < n && nrows < NSAMPLE + MAX_OWN) {
		const char *nl = memchr(s + at, '\n', n - at);
		size_t e = nl ? (size_t)(nl - s) : n;
		rows[nrows] = s + at;
		lens[nrows++] = e - at < MAX_LEN ? e - at : MAX_LEN;
		at = e + 1;
	}
}

static void use_bp(struct bp_config *B)
{
	struct bp_line *L = xcalloc(nrows, sizeof *L);
	size_t n = 0;
	for (size_t i = 0; i < nrows; i++) {
		L[n].s = rows[i];
		L[n].n = lens[i];
		if (bp_prepare(B, &L[n]) < 0)
			n++;
	}
	if (n)
		bp_classify(B, L, n);
	free(L);
}

static void use_sr(struct sent_rules *R)
{
	struct sent_list out = {0};
	for (size_t i = 0; i < nrows; i++)
		sent_split(R, rows[i], lens[i], &out);
	sent_list_free(&out);
}

static void use_te(struct te *T)
{
	te_finish(T);
	struct te_tagger *G = xcalloc(1, sizeof *G);
	te_tagger_init(G, T);
	struct te_row in[NSAMPLE + MAX_OWN];
	for (size_t i = 0; i < nrows; i++)
		in[i].s = rows[i], in[i].n = lens[i];
	te_tag_doc(G, in, nrows);
	te_tagger_free(G);
	free(G);
}

static void use_eq(struct eq_rules *R)
{
	struct eq_doc D;
	eq_doc_init(&D, R);
	struct eq_para_in in[NSAMPLE + MAX_OWN];
	for (size_t i = 0; i < nrows; i++)
		in[i] = (struct eq_para_in){rows[i], lens[i], NULL, 0};
	eq_doc_run(&D, in, nrows);
	eq_doc_free(&D);
}

static void use_dd(struct dd_words *W)
{
	struct dd_opts o = {.near = 1,
			    .keys = 1,
			    .verify = {.threshold = 0.5, .edge_max = 12, .min_match = 3},
			    .sketch = {.kind = DD_SK_OPH, .shingle = 2, .bands = 8, .rows = 2, .cap = 256}};
	struct dd_engine E;
	dd_engine_init(&E, &o, W);
	for (size_t i = 0; i < nrows; i++) {
		uint32_t of;
		dd_judge(&E, rows[i], lens[i], "k", 1, &of);
	}
	dd_engine_free(&E);
}

/* The loaders' state (static: a longjmp out of a loader leaves it as it
 * was, and it is set up afresh for each input). */
static struct bp_config B;
static struct sent_rules S;
static struct te T;
static struct eq_rules Q;
static struct dd_words W;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static char path[4096];
	snprintf(path, sizeof path, "%s/fuzz.yaml", fuzz_rules(""));
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	int which = data[0] % 5, st;
	/* set up outside FUZZ_TRY (an exit there is the harness's fault) */
	switch (which) {
	case 0: bp_init(&B); break;
	case 1: memset(&S, 0, sizeof S); break;
	case 2: te_init(&T); break;
	case 3: eq_rules_init(&Q); break;
	case 4: dd_words_init(&W); break;
	}
	make_rows(s, n);
	FUZZ_TRY(st, {
		const struct ynode *root = rules_load_mem(path, s, n);
		switch (which) {
		case 0: bp_load(root, &B); use_bp(&B); break;
		case 1: sr_load_yaml(root, &S); use_sr(&S); break;
		case 2: te_load_yaml(root, &T); use_te(&T); break;
		case 3: eq_rules_load(root, &Q); use_eq(&Q); break;
		case 4: dd_words_load(root, &W); use_dd(&W); break;
		}
	});
	if (st && st != EXIT_USAGE)
		abort(); /* a rules file's mistake is a usage error (2) */
	if (!st) {
		switch (which) {
		case 0: bp_free(&B); break;
		case 1: sr_free(&S); break;
		case 2: te_free(&T); break;
		case 3: eq_rules_free(&Q); break;
		case 4: dd_words_free(&W); break;
		}
	}
	rules_free_all();
	return 0;
}
