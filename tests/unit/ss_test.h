/* ss_test.h - what the split-sentences unit tests share: the default
 * rules loaded into R, and split(), the sentences of a paragraph joined
 * with " | " after checking that the pieces and the whitespace between
 * them give back the paragraph exactly. Include after unit.h. */
#ifndef SS_TEST_H
#define SS_TEST_H

#include "buf.h"
#include "rules.h"
/* the engine headers, as tools/NAME/x.h (-Itools) or x.h (-Itools/NAME) */
#if defined(__has_include)
#if __has_include("split-sentences/segment.h")
#include "split-sentences/hotbytes.h"
#include "split-sentences/seg.h"
#else
#include "hotbytes.h"
#include "seg.h"
#endif
#else
#include "split-sentences/hotbytes.h"
#include "split-sentences/seg.h"
#endif
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct sent_rules R;
static struct sent_list L;

/* The sentences of s joined with " | ", after checking that the pieces
 * and the whitespace between them give back s exactly. */
static const char *split(const char *s)
{
	static struct buf b;
	size_t n = strlen(s);
	sent_split(&R, s, n, &L);
	buf_reset(&b);
	buf_add(&b, "", 0);
	size_t at = 0;
	for (size_t k = 0; k < L.n; k++) {
		for (size_t i = at; i < L.v[k].start; i++)
			if (!strchr(" \t\n\r\xc2\xa0\xe2\x80\xaf\x89", s[i])) {
				fprintf(stderr, "non-space byte between sentences at %zu in: %s\n", i, s);
				unit_fail++;
			}
		if (L.v[k].start < at || L.v[k].end <= L.v[k].start || L.v[k].end > n) {
			fprintf(stderr, "bad span %zu..%zu in: %s\n", L.v[k].start, L.v[k].end, s);
			unit_fail++;
			return "";
		}
		if (k)
			buf_adds(&b, " | ");
		buf_add(&b, s + L.v[k].start, L.v[k].end - L.v[k].start);
		at = L.v[k].end;
	}
	return buf_str(&b);
}

#define SAME(s) CHECK_STR(split(s), s)
#define SPLIT(s, want) CHECK_STR(split(s), want)

static struct buf rules_path;

/* the default rules: $COPYDESK_RULES_DIR, else found from this file's
 * path (make runs at the top of the tree) */
static void ss_load_rules(void)
{
	const char *f = __FILE__, *t = strstr(f, "tests/unit/"), *env = getenv("COPYDESK_RULES_DIR");
	if (env && *env) {
		buf_adds(&rules_path, env);
		buf_adds(&rules_path, "/");
	} else {
		buf_add(&rules_path, f, t ? (size_t)(t - f) : 0);
		buf_adds(&rules_path, "rules/");
	}
	buf_adds(&rules_path, "sentences.yaml");
	sr_load_yaml(rules_load(rules_path.p), &R);
}

static void ss_free(void)
{
	sr_free(&R);
	sent_list_free(&L);
	rules_free_all();
	buf_free(&rules_path);
}

#endif
