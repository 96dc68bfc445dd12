/* strip-boilerplate_params.c - the defaults of the heuristics' thresholds
 * (bp_params.c) are the values of the shipped rules/boilerplate.yaml, key
 * for key, so --no-default-rules with a file that leaves the heuristics
 * out judges as the default rules do; and the table and the file name the
 * same keys. */
#include "unit.h"
#include "bp_params.h"
#include "msg.h"

#include <string.h>

int main(void)
{
	progname = "unit";
	struct bp_params d;
	bp_params_init(&d);
	const struct ynode *root = rules_load("rules/boilerplate.yaml");
	const struct ynode *h = ymap_get(root, "heuristics");
	CHECK(h != NULL);
	if (!h)
		return unit_done();
	for (size_t i = 0; i < bp_nparam_keys; i++) {
		const struct bp_param_key *k = &bp_param_keys[i];
		const struct ynode *v = ymap_get(h, k->key);
		double have = *(const double *)((const char *)&d + k->off);
		if (!v) {
			fprintf(stderr, "  boilerplate.yaml has no heuristic '%s'\n", k->key);
			CHECK(0);
			continue;
		}
		double want = ynumber(v, k->min, k->max);
		if (have != want || k->def != want)
			fprintf(stderr, "  %s: default %g, boilerplate.yaml %g\n", k->key, have, want);
		CHECK(have == want);
	}
	/* every key of the file is in the table (or keep_title) */
	CHECK(h->n / 2 == bp_nparam_keys + 1);
	const struct ynode *kt = ymap_get(h, "keep_title");
	CHECK(kt && ybool(kt) == d.keep_title);
	/* loading the file's block over the defaults changes nothing */
	struct bp_params y;
	bp_params_init(&y);
	bp_params_load(&y, h);
	CHECK(memcmp(&y, &d, sizeof y) == 0);
	rules_free_all();
	return unit_done();
}
