/* bp_repeat.c - lines that come back: a line's hash with case, digits and
 * punctuation folded away (digits kept in the key of a line whose numbers
 * are not what varies in it); the window of the short lines of recent
 * documents (a fixed-size common/hash h64cache); the set of frequent lines
 * read by --frequent. */
#include "bp.h"

/* The line's folded bytes hashed as they are folded (FNV-1a), the one hash
 * of the suite that is not XXH3: its bits pick the slot of the window of
 * recent lines, so another hash makes other lines collide there and the
 * output changes (by a few rows in 1e5: measured with XXH3 over the folded
 * bytes, the eval's F1 stayed the same to three decimals). To change with
 * the next re-tuning of the rules, not in a refactoring. */
static uint64_t line_hash(const struct bp_line *l, int fold_digits)
{
	uint64_t h = 1469598103934665603ULL;
	int any = 0;
	for (size_t i = l->a; i < l->b; i++) {
		unsigned char ch = (unsigned char)l->s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch |= 0x20;
		else if (ch >= '0' && ch <= '9')
			ch = fold_digits ? '0' : ch;
		else if (ch < 0x80 && !(ch >= 'a' && ch <= 'z'))
			continue;
		h = (h ^ ch) * 1099511628211ULL;
		any = 1;
	}
	return any ? h | 1 : 0;
}

uint64_t bp_line_hash(const struct bp_line *l)
{
	return line_hash(l, 1);
}

uint64_t bp_line_key(const struct bp_params *p, const struct bp_line *l)
{
	return line_hash(l, (double)l->words - l->numeric <= p->repeat_digit_words);
}

/* Count l in the table of lines seen in recent documents; returns the
 * number of documents it was seen in, this one included. */
unsigned bp_seen_in_docs(struct bp_config *c, uint64_t h)
{
	struct bp_run *run = &c->run;
	if (!run->rep.keys)
		h64cache_init(&run->rep, (size_t)c->p.repeat_window, 2);
	int fresh;
	uint64_t *v = h64cache_put(&run->rep, h, &fresh); /* documents, the last one */
	if (fresh) {
		v[0] = 1;
		v[1] = run->doc_seq;
	} else if (v[1] != run->doc_seq) {
		v[0]++;
		v[1] = run->doc_seq;
	}
	return (unsigned)v[0];
}

void bp_freq_add(struct bp_config *c, uint64_t h)
{
	if (h)
		h64map_put(&c->freq, h, NULL);
}

int bp_freq_has(const struct bp_config *c, uint64_t h)
{
	return h && h64map_get(&c->freq, h) != NULL;
}
