/* bp_turns.c - speaker turns: an interview or a transcript sets each
 * turn as "Label: words" ("Q: ...", "A: ...", "ADENUGA: ..."), and one
 * line alone reads as a label line, not a sentence. Where two or more
 * labels take turns on the page (each on two lines or more, the label
 * changing from one labelled line to the next three times or more), the
 * lines they open are what someone said: reported speech, judged as
 * sentences by what follows the label, and a rule that takes label lines
 * only does not take them (one that takes any line hits them weakly). */
#include "bp.h"

/* The label of line l: the bytes before the colon that ends it, markdown
 * emphasis ("**Q:") left out; its hash (case folded), 0 when none. */
static uint64_t label_key(const struct bp_line *l)
{
	if (!l->label)
		return 0;
	const char *s = l->s + l->a;
	size_t n = l->b - l->a, i = 0;
	while (i < n && (s[i] == '*' || s[i] == '_' || s[i] == ' '))
		i++;
	size_t j = i;
	while (j < n && j < i + 40 && s[j] != ':')
		j++;
	if (j >= n || s[j] != ':' || j == i)
		return 0;
	size_t e = j;
	while (e > i && (s[e - 1] == '*' || s[e - 1] == '_' || s[e - 1] == ' '))
		e--;
	char low[64] = {0};
	size_t ln = bp_lower(s + i, e - i, low, sizeof low);
	return ln ? hash_bytes(low, ln, 0x7a1c) | 1 : 0;
}

#define MAX_LABELS 16

void bp_speaker_turns(const struct bp_config *c, struct bp_line *L, size_t n)
{
	uint64_t key[MAX_LABELS];
	unsigned count[MAX_LABELS];
	size_t nk = 0, labelled = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t k = label_key(&L[i]);
		if (!k)
			continue;
		labelled++;
		size_t j = 0;
		while (j < nk && key[j] != k)
			j++;
		if (j == nk) {
			if (nk == MAX_LABELS)
				continue;
			key[nk] = k, count[nk] = 0, nk++;
		}
		count[j]++;
	}
	if (labelled < 4)
		return;
	/* the labels that recur, and how often the label changes between
	 * the lines they open */
	unsigned changes = 0, recurring = 0;
	uint64_t last = 0;
	for (size_t j = 0; j < nk; j++)
		recurring += count[j] >= 2;
	if (recurring < 2)
		return;
	for (size_t i = 0; i < n; i++) {
		uint64_t k = label_key(&L[i]);
		size_t j = 0;
		while (k && j < nk && key[j] != k)
			j++;
		if (!k || j == nk || count[j] < 2)
			continue;
		changes += last && k != last;
		last = k;
	}
	if (changes < 3)
		return;
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &L[i];
		uint64_t k = label_key(l);
		size_t j = 0;
		while (k && j < nk && key[j] != k)
			j++;
		if (!k || j == nk || count[j] < 2)
			continue;
		l->label = 0;
		if (!l->speech)
			l->speech = 1;
		l->prose = (unsigned char)bp_is_prose(&c->p, l);
		if (l->prose && l->drop_rule >= 0 && l->hit == BP_HIT_STRONG && l->drop_rule < (int)c->nrules &&
		    c->rules[l->drop_rule].action == BP_DROP) {
			if (c->rules[l->drop_rule].shape == BP_SHAPE_LABEL)
				l->drop_rule = -1, l->hit = BP_HIT_NONE;
			else
				l->hit = BP_HIT_WEAK;
		}
	}
}
