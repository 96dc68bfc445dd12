/* bp_test.h - what the strip-boilerplate unit tests share: a rules text
 * loaded into the engine's configuration C (through the YAML loader,
 * from memory), a line prepared from a string, and the reason a line was
 * dropped ("" when kept). Include after unit.h. */
#ifndef BP_TEST_H
#define BP_TEST_H

#include "bp.h"

#include <string.h>

static struct bp_config C;

static void bp_test_load(const char *yaml, size_t n)
{
	bp_init(&C);
	bp_load(rules_load_mem("(test rules)", yaml, n), &C);
}

static struct bp_line line(const char *s)
{
	struct bp_line l;
	memset(&l, 0, sizeof l);
	l.s = s;
	l.n = strlen(s);
	CHECK(bp_prepare(&C, &l) == -1);
	return l;
}

static const char *why(const struct bp_line *l)
{
	return l->keep ? "" : l->why;
}

#endif
