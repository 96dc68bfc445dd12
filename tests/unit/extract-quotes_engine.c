/* extract-quotes_engine.c - unit tests of the extract-quotes engine on
 * sentences written for these tests (invented people and events): quote
 * marks and apostrophes, paragraphs a quotation runs over, split
 * quotations, speakers from names, pronouns and the entities column, and
 * the rules' mark table. */
#include "eq.h"
#include "eq_int.h"
#include "rules.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct eq_rules R;
static struct eq_doc D;

static void load(void)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/quotes.yaml", rules_default_dir());
	eq_rules_init(&R);
	eq_rules_load(rules_load(path), &R);
	eq_doc_init(&D, &R);
}

/* Run the engine on the paragraphs (NULL-terminated). */
static void run(const char *const *paras)
{
	static struct eq_para_in in[32];
	size_t n = 0;
	for (; paras[n]; n++) {
		in[n].s = paras[n];
		in[n].n = strlen(paras[n]);
		in[n].ents = NULL;
		in[n].nents = 0;
	}
	eq_doc_run(&D, in, n);
}

static int is_str(size_t at, size_t n, const char *want)
{
	return n == strlen(want) && memcmp(D.str.p + at, want, n) == 0;
}

static int content_is(const char *const *paras, const struct eq_quote *q, const char *want)
{
	if (q->para != q->epara)
		return 0;
	const char *s = paras[q->para];
	return q->e - q->b == strlen(want) && memcmp(s + q->b, want, q->e - q->b) == 0;
}

static void test_marks(void)
{
	static const char *const kinds[][2] = {
		{"\"The ferry sails at noon,\" said Captain Vera Nakash.", "The ferry sails at noon,"},
		{"“The ferry sails at noon,” said Captain Vera Nakash.", "The ferry sails at noon,"},
		{"«The ferry sails at noon», said Captain Vera Nakash.", "The ferry sails at noon"},
		{"„The ferry sails at noon“, said Captain Vera Nakash.", "The ferry sails at noon"},
		{"“My aunt said ‘not today’ and I stayed,” said Vera Nakash.", "My aunt said ‘not today’ and I stayed,"},
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		const char *p[] = {kinds[k][0], NULL};
		run(p);
		CHECK(D.nq == 1);
		if (D.nq == 1) {
			CHECK(D.q[0].kind == EQ_DIRECT);
			CHECK(content_is(p, &D.q[0], kinds[k][1]));
			CHECK(is_str(D.q[0].speaker, D.q[0].nspeaker, "Vera Nakash"));
			CHECK(is_str(D.q[0].id, D.q[0].nid, "vera-nakash"));
			CHECK(is_str(D.q[0].cue, D.q[0].ncue, "said"));
		}
	}
	/* apostrophes are never marks: nothing to pair */
	static const char *const apos[] = {
		"Vera doesn’t miss the ’90s or rock ’n’ roll on the ferries’ decks.",
		"Vera doesn't miss the '90s or rock 'n' roll on the ferries' decks.",
		"They sailed ’til dawn and caught ’em all, the pilots’ union said.",
	};
	for (size_t k = 0; k < sizeof apos / sizeof apos[0]; k++) {
		const char *p[] = {apos[k], NULL};
		unsigned long long before = D.st.pairs;
		run(p);
		CHECK(D.nq == 0 && D.st.pairs == before);
	}
}

static void test_unbalanced(void)
{
	/* a mark left open ends with its paragraph: the next paragraphs do
	 * not open with a mark, so nothing runs on */
	const char *p[] = {"The sign said \"closed for the season and that was all.",
			   "Nakash said the pier would open in May.",
			   "\"We are ready,\" Nakash said.", NULL};
	run(p);
	int over = 0, ready = 0;
	for (size_t k = 0; k < D.nq; k++) {
		over |= D.q[k].epara != D.q[k].para;
		ready |= D.q[k].para == 2 && D.q[k].kind == EQ_DIRECT;
	}
	CHECK(!over && ready);
}

static void test_run_on(void)
{
	const char *p[] = {"Vera Nakash read from her notes:", "\"We waited all spring.",
			   "\"Then we built the boat ourselves,\" she said.", NULL};
	run(p);
	CHECK(D.nq == 1);
	if (D.nq == 1) {
		const struct eq_quote *q = &D.q[0];
		CHECK(q->para == 1 && q->epara == 2 && q->kind == EQ_DIRECT);
		CHECK(q->cb == 1);
		/* the end counts one character per paragraph break */
		CHECK(q->ce == strlen(p[1]) + 1 + strlen("\"Then we built the boat ourselves,"));
		CHECK(is_str(q->speaker, q->nspeaker, "Vera Nakash"));
	}
}

static void test_split_and_pronouns(void)
{
	const char *p[] = {"Harbour chief Peter Lindqvist met Mayor Susan Sethi on Friday.",
			   "\"We shook hands,\" he said. \"The pier deal is done.\"",
			   "\"Nobody asked Mr. Lindqvist about the fees,\" she wrote.", NULL};
	run(p);
	CHECK(D.nq == 3);
	if (D.nq == 3) {
		CHECK(D.q[0].group == D.q[1].group);
		CHECK(is_str(D.q[0].speaker, D.q[0].nspeaker, "Peter Lindqvist"));
		CHECK(is_str(D.q[1].speaker, D.q[1].nspeaker, "Peter Lindqvist"));
		CHECK(D.q[0].resolved == 1);
		/* she: the woman before, never the man named inside the quote */
		CHECK(is_str(D.q[2].speaker, D.q[2].nspeaker, "Susan Sethi"));
	}
	/* names the rules do not know the gender of: who met whom is no
	 * sure answer, so the pronouns stay as written */
	const char *u[] = {"Harbour chief Oskar Lindqvist met Mayor Yarden Sethi on Friday.",
			   "\"We shook hands,\" he said.", NULL};
	run(u);
	CHECK(D.nq == 1);
	if (D.nq == 1) {
		CHECK(is_str(D.q[0].speaker, D.q[0].nspeaker, "he"));
		CHECK(D.q[0].nid == 0);
		CHECK(D.q[0].resolved == 0);
	}
	D.resolve = EQ_RESOLVE_ALL; /* the best guess: the subject */
	run(u);
	CHECK(D.nq == 1 && is_str(D.q[0].speaker, D.q[0].nspeaker, "Oskar Lindqvist") && D.q[0].resolved == 2);
	D.resolve = EQ_RESOLVE_SURE;
}

/* The long first-name lists give a gender before a surname only; a
 * sentence that opens with an everyday word opens with no name. */
static void test_gender_lists_and_common_words(void)
{
	const char *p[] = {"Harbour chief Teodor Lindqvist met Mayor Wilma Sethi on Friday.",
			   "\"We shook hands,\" she said.", NULL};
	run(p);
	CHECK(D.nq == 1 && is_str(D.q[0].speaker, D.q[0].nspeaker, "Wilma Sethi"));
	const char *w[] = {"Warren said on Monday that the pier was sold.", "\"The pier is ours,\" she said.", NULL};
	run(w); /* 'Warren' alone is no first name: no gender, and she is sure */
	CHECK(D.nq == 1 && is_str(D.q[0].speaker, D.q[0].nspeaker, "Warren"));
	CHECK(eq_common_word(&R, "Soon", 4) && eq_common_word(&R, "footage", 7));
	CHECK(!eq_common_word(&R, "Lindqvist", 9) && !eq_common_word(&R, "S", 1) && !eq_common_word(&R, "So\xc3\xb1", 4));
	const char *c[] = {"Tomas Brandt chaired the harbour board for ten years.",
			   "Soon, Brandt turned to the fees, telling reporters, \"The pier pays for itself.\"", NULL};
	run(c);
	CHECK(D.nq == 1 && is_str(D.q[0].speaker, D.q[0].nspeaker, "Brandt")); /* not 'Soon' */
}

static void test_scare_and_partial(void)
{
	const char *p[] = {"The so-called \"blue bridge\" is grey.",
			   "Sethi was on \"Morning Harbour\" with the crew.",
			   "Lindqvist warned of \"higher fees\" next year.", NULL};
	run(p);
	int direct = 0, partial = 0;
	for (size_t k = 0; k < D.nq; k++) {
		direct += D.q[k].kind == EQ_DIRECT;
		partial += D.q[k].kind == EQ_PARTIAL;
	}
	CHECK(direct == 0 && partial == 1);
}

static void test_entities(void)
{
	static struct eq_para_in in[2];
	const char *a = "Oskar Lindqvist toured the yard.";
	const char *b = "\"It is a fine yard,\" he said.";
	in[0] = (struct eq_para_in){a, strlen(a), "0,15,PER,lindqvist-o", 20};
	in[1] = (struct eq_para_in){b, strlen(b), "", 0};
	eq_doc_run(&D, in, 2);
	CHECK(D.nq == 1);
	if (D.nq == 1) {
		CHECK(is_str(D.q[0].speaker, D.q[0].nspeaker, "Oskar Lindqvist"));
		CHECK(is_str(D.q[0].id, D.q[0].nid, "lindqvist-o"));
	}
}

static void test_mark_table(void)
{
	for (size_t i = 0; i < R.nmarks; i++)
		CHECK(eq_mark_of(&R, R.marks[i].cp) == &R.marks[i]);
	CHECK(eq_mark_of(&R, 'a') == NULL && eq_mark_of(&R, 0x1F600) == NULL);
	const struct eq_mark *m = eq_mark_of(&R, 0x201C);
	CHECK(m && m->fam == 0 && m->open);
	m = eq_mark_of(&R, 0x2019);
	CHECK(m && m->fam == 1 && m->close);
}

/* marks_any_pair, which reads only the words around each mark, says what
 * marks_pair says of the whole paragraph: on random paragraphs of pieces
 * that make apostrophes, marks of both families, nesting, empty pairs
 * and words joined across ' - . (each case failing prints the text). */
static void test_any_pair(void)
{
	static const char *const pieces[] = {
		"Vera", "don't", "'", "'", "’", "‘", "\"", "“", "”", "«", "»", " ", " ", " ", "  ", "\n", "\t",
		"90", "'s", "’s", ".", ",", "(", ")", "-", "—", "rock", "'n'", "'em", "x'y", "5'6", "3-don't",
		"ferries'", "U.S.", "J.", "...", "''", "\"\"", "a", "5pm", "é", "\xc2\xa0", "\r",
	};
	size_t npieces = sizeof pieces / sizeof pieces[0];
	struct eqi *I = D.in;
	struct par P;
	memset(&P, 0, sizeof P);
	unsigned long long x = 88172645463325252ULL;
	char text[512];
	int agree = 0, cases = 20000, with = 0;
	for (int c = 0; c < cases; c++) {
		size_t n = 0;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		size_t k = 1 + x % 24;
		for (size_t j = 0; j < k; j++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			const char *pc = pieces[x % npieces];
			size_t l = strlen(pc);
			memcpy(text + n, pc, l);
			n += l;
		}
		P.s = text;
		P.n = n;
		P.ready = 0;
		I->nc = 0;
		eq_arena_reset(&I->arena); /* P's tokens: one paragraph at a time */
		par_prepare(&R, I, &P);
		marks_pair(&R, I, &P, 0);
		int full = P.nc > 0;
		int any = marks_any_pair(&R, I, text, n);
		with += full;
		if (full == any)
			agree++;
		else
			fprintf(stderr, "marks_any_pair %d, marks_pair %d: [%.*s]\n", any, full, (int)n, text);
	}
	I->nc = 0;
	CHECK(agree == cases);
	CHECK(with > cases / 10 && with < cases - cases / 10); /* both answers are tried */
	eq_arena_reset(&I->arena); /* P's tokens are the arena's */
}

/* eq_may_quote's one pass (AVX2, where the CPU has it) answers as its
 * memchr passes do: random rows of the pieces above and of bytes that
 * only look like marks' (a dash, an ellipsis, a bullet, a lone lead
 * byte), of every length around the 32-byte steps. */
static void test_may_quote(void)
{
	static const char *const pieces[] = {
		"Vera", "don't", "'", "’", "‘", "\"", "“", "”", "«", "»", "„", "‹", "「", "』", " ", "  ", "\n",
		"90", "'s", ".", ",", "(", "-", "—", "…", "•", "\xc2\xa0", "\xe2", "\xc2", "\xe3\x80", "é",
		"rock", "'n'", "ferries'", "a", "abcdefghijklmnopqrstuvwxyz0123456789",
	};
	size_t npieces = sizeof pieces / sizeof pieces[0];
	struct eqi *I = D.in;
	unsigned long long x = 0x9E3779B97F4A7C15ULL;
	char text[2048];
	int agree = 0, cases = 20000, kinds[3] = {0, 0, 0};
	for (int c = 0; c < cases; c++) {
		size_t n = 0;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		size_t k = x % 40;
		for (size_t j = 0; j < k; j++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* mostly letters and spaces, as rows are */
			const char *pc = x % 3 ? (x % 7 ? "word " : "Name ") : pieces[(x >> 8) % npieces];
			size_t l = strlen(pc);
			memcpy(text + n, pc, l);
			n += l;
		}
		int slow = eq_may_quote(&R, I, text, n, 0), fast = eq_may_quote(&R, I, text, n, 1);
		kinds[slow]++;
		if (slow == fast)
			agree++;
		else
			fprintf(stderr, "eq_may_quote memchr %d, one pass %d: [%.*s]\n", slow, fast, (int)n, text);
	}
	CHECK(agree == cases);
	CHECK(kinds[0] > cases / 20 && kinds[1] > cases / 20 && kinds[2] > cases / 20); /* every answer tried */
}

int main(void)
{
	load();
	test_marks();
	test_unbalanced();
	test_run_on();
	test_split_and_pronouns();
	test_gender_lists_and_common_words();
	test_scare_and_partial();
	test_entities();
	test_mark_table();
	test_any_pair();
	test_may_quote();
	eq_doc_free(&D);
	eq_rules_free(&R);
	rules_free_all();
	return unit_done();
}
