/* bp_params.c - the thresholds of the heuristics: one table of every key
 * with its range and default (the shipped boilerplate.yaml's values), and
 * the reading of a "heuristics:" mapping. */
#include "bp_params.h"

#include <string.h>

const struct bp_param_key bp_param_keys[] = {
#define K(name, lo, hi, d) {#name, offsetof(struct bp_params, name), lo, hi, d}
	K(long_words, 1, 1e6, 25),
	K(long_lower, 0, 1, 0.3),
	K(good_words, 0, 1e6, 10),
	K(near_words, 0, 1e6, 5),
	K(good_stopwords, 0, 1, 0.22),
	K(near_stopwords, 0, 1, 0.12),
	K(max_link_density, 0, 1, 0.5),
	K(max_caps, 0, 1, 0.85),
	K(max_digits, 0, 1, 0.45),
	K(min_doc_stopwords, 0, 1, 0.08),
	K(title_max_words, 0, 1e6, 30),
	K(title_min_words, 0, 1e6, 2),
	K(title_stopwords, 0, 1e6, 2),
	K(body_gap_words, 0, 1e6, 1),
	K(body_prefer_first, 0, 1, 0.35),
	K(body_after_h1, 0, 1, 0.1),
	K(body_bridge_lines, 0, 1e6, 20),
	K(body_bridge_words, 0, 1e9, 30),
	K(body_bridge_paragraphs, 0, 1e6, 3),
	K(body_back_words, 0, 1e9, 10),
	K(body_prose_share, 0, 1, 0.5),
	K(body_nonprose_weight, 0, 1, 0.5),
	K(body_back_paragraphs, 0, 1e6, 1),
	K(lead_lines, 0, 1e6, 6),
	K(body_resume_lines, 0, 1e6, 2),
	K(body_resume_words, 0, 1e9, 20),
	K(body_resume_paragraphs, 0, 1e6, 2),
	K(body_tail_lines, 0, 1e6, 3),
	K(table_rows, 0, 1e6, 3),
	K(roster_commas, 0, 1e6, 3),
	K(alt_caption_bytes, 0, 1e6, 40),
	K(voice_block_lines, 0, 1e6, 6),
	K(story_label_lines, 0, 1e6, 3),
	K(near_weight, -1e6, 1e6, 0.3),
	K(near_weight_nopunct, -1e6, 1e6, 0.1),
	K(short_cost, -1e6, 1e6, 0),
	K(short_run, 0, 1e6, 0.5),
	K(body_run_growth, 0, 4, 2),
	K(image_words, 0, 1e6, 25),
	K(inside_cost, 0, 1e6, 10),
	K(no_text_cost, 0, 1e6, 5),
	K(inside_gap_words, 0, 1e6, 0.5),
	K(inside_decay, 0, 1e6, 0.5),
	K(body_bad_line, 0, 1e6, 12),
	K(repeat_min_docs, 0, 1e9, 4),
	K(repeat_cost, -1, 1e6, -1),
	K(dup_min_words, 0, 1e6, 3),
	K(label_short, 0, 1, 0),
	K(dup_max_words, 0, 1e6, 30),
	K(dup_max_share, 0, 1, 0.2),
	K(dup_near_lines, 0, 1e6, 3),
	K(dup_teaser_lines, 0, 1e6, 8),
	K(repeat_max_words, 0, 1e6, 10),
	K(repeat_digit_words, 0, 1e6, 4),
	K(repeat_window, 0, 1 << 26, 65536),
	K(max_doc_rows, 1, 1e9, 100000),
	K(short_words, 0, 1e6, 20),
	K(credit_words, 0, 1e6, 10),
	K(address_words, 0, 1e6, 15),
	K(prose_words, 1, 1e6, 5),
	K(prose_lower, 0, 1, 0.5),
	K(prose_numeric, 0, 1, 0.35),
	K(prose_lower_alone, 0, 1, 0.7),
	K(nouns_lower, 0, 1, 0.85),
#undef K
};
const size_t bp_nparam_keys = sizeof bp_param_keys / sizeof bp_param_keys[0];

void bp_params_init(struct bp_params *p)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < bp_nparam_keys; i++)
		*(double *)((char *)p + bp_param_keys[i].off) = bp_param_keys[i].def;
	p->keep_title = 1;
}

void bp_params_load(struct bp_params *p, const struct ynode *h)
{
	ymap(h);
	for (size_t i = 0; i + 1 < h->n; i += 2) {
		const struct ynode *k = h->items[i], *v = h->items[i + 1];
		const char *key = yscalar(k);
		if (strcmp(key, "keep_title") == 0) {
			p->keep_title = ybool(v);
			continue;
		}
		size_t j = 0;
		while (j < bp_nparam_keys && strcmp(bp_param_keys[j].key, key) != 0)
			j++;
		if (j == bp_nparam_keys) {
			char list[1024] = "keep_title";
			for (size_t m = 0; m < bp_nparam_keys; m++) {
				strncat(list, ", ", sizeof list - strlen(list) - 1);
				strncat(list, bp_param_keys[m].key, sizeof list - strlen(list) - 1);
			}
			yerr(k, "unknown heuristic '%s' (expected one of: %s)", key, list);
		}
		for (size_t m = 0; m < i; m += 2)
			if (strcmp(h->items[m]->str, key) == 0)
				yerr(k, "key '%s' appears twice", key);
		*(double *)((char *)p + bp_param_keys[j].off) =
			ynumber(v, bp_param_keys[j].min, bp_param_keys[j].max);
	}
}
