/* strip-boilerplate_prefilter.c - the rules' prefilters never keep a rule
 * from a row its pattern matches: for every rule of rules/boilerplate.yaml
 * (and a few of its own), on rows made of boilerplate-like pieces, a match
 * of the regex always passes the first-byte and second-letter tables of
 * anchored patterns (PCRE2 partial matching), the required literals of
 * the others, and the gates of their branches (bp_gates.h); a rule
 * searched branch by branch (bp_branches.c) answers as its whole pattern
 * does; and patterns whose branches cannot be read alone get no gates.
 * A rule whose every match holds a digit (bp_digits.c) matches no row
 * without one, from where its search starts. */
#include "unit.h"
#include "bp.h"
#include "rules.h"
#include "bp_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned rs = 99;
static unsigned rnd(void)
{
	rs = rs * 1103515245u + 12345u;
	return (rs >> 16) & 0x7FFF;
}

static const char *const pieces[] = {
	"WASHINGTON", "NEW YORK, N.Y.", "PARIS (AFP)", " — ", " - ", "--", "By", "by", "Jane", "Doe",
	"READ MORE:", "Photo:", "Getty Images", "(AP Photo/John Roe)", "Share", "this", "Tweet",
	"Copyright", "©", "2019", "All rights reserved", "Updated", "January 5, 2019", "10:30 am",
	"4 min read", "Follow us on Twitter", "Sign up for our newsletter", "Subscribe", "email us at",
	"Got a news tip?", "Report an error", "Skip to content", "Menu", "Privacy Policy", "cookies",
	"left", "right", ", left,", "(center)", "* ### Headline", "Also on example.com", "## About the author",
	"click here", "unsubscribe", "comments", "said:", "Tel:", "Fax:", "E-mail:", "Staff Writer",
	"is a reporter", "become a member", "Opinions expressed", "are their own", "affiliate links",
	"The", "man", "said", "it", "was", "a", "fine", "day", ".", ",", "?", "!", "\xc5\xbfubscribe",
	"\xe2\x80\x94", "Doe/Reuters", "via", "AP", "handout", "This handout photo shows", "Lee también:",
	"Image caption", "Image 3 of 5", "Advertisement", "Story continues below", "Most Read", "Related:",
	"Medically reviewed by", "x", "\xc3\x89T\xc3\x89", "Mehr zum Thema:", "%d bloggers like this:"};
#define NP (sizeof pieces / sizeof pieces[0])

static size_t make_row(char *buf, size_t cap)
{
	size_t k = 0, np = 1 + rnd() % 8;
	for (size_t i = 0; i < np; i++) {
		const char *p = pieces[rnd() % NP];
		size_t pl = strlen(p);
		if (k + pl + 2 >= cap)
			break;
		if (k && rnd() % 4)
			buf[k++] = ' ';
		memcpy(buf + k, p, pl);
		k += pl;
	}
	buf[k] = '\0';
	return k;
}

static struct bp_config C;

static void load_text(const char *text)
{
	char path[] = "/tmp/bp-prefilter-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		exit(2);
	close(fd);
	bp_load(rules_load(path), &C);
	unlink(path);
}

static const char own_rules[] =
	"version: 1\n"
	"rules:\n"
	"  - name: anch-caps\n"
	"    action: drop\n"
	"    pattern: '^\\p{Lu}[\\p{Lu} .-]{2,}\\s*[—-]'\n"
	"  - name: anch-opt\n"
	"    action: drop\n"
	"    pattern: '^(?:By|Photo)?:?\\s*\\w+'\n"
	"  - name: anch-caseless\n"
	"    action: drop\n"
	"    pattern: '^(?:subscribe|skip) \\w+'\n"
	"    caseless: true\n"
	"  - name: unanch\n"
	"    action: drop\n"
	"    pattern: '\\b(?:follow|sign up) (?:us|for)\\b'\n"
	"    caseless: true\n"
	"  - name: tail-branches\n"
	"    action: drop\n"
	"    tail: 24\n"
	"    pattern: '(?:photo|image):\\s*\\w+$|\xc2\xa9\\s*\\w+$|/\\s*(?:ap|afp|reuters)\\W*$|\\bvia \\w+$'\n"
	"    caseless: true\n"
	"  - name: branches\n"
	"    action: drop\n"
	"    pattern: '^\\W*(?:by|photo)\\b|\\ball rights reserved\\b|\\bskip to\\b'\n"
	"    caseless: true\n"
	"  - name: branch-open\n"
	"    action: drop\n"
	"    pattern: '\\bsubscribe\\b|\\d+\\.'\n"
	"  - name: options-rest\n"
	"    action: drop\n"
	"    pattern: '\\bshare\\b|(?i)tweet this'\n"
	"  - name: backref\n"
	"    action: drop\n"
	"    pattern: '(menu) \\1|\\bskip to content\\b'\n";

int main(void)
{
	bp_init(&C);
	if (access("rules/boilerplate.yaml", R_OK) == 0)
		bp_load(rules_load("rules/boilerplate.yaml"), &C);
	else
		printf("rules/boilerplate.yaml not found: own rules only\n");
	load_text(own_rules);
	CHECK(C.nrules > 0);
	size_t matched = 0, bad = 0, branched = 0, tailed = 0, digits = 0;
	char buf[600];
	for (int t = 0; t < 40000; t++) {
		size_t n = make_row(buf, sizeof buf);
		for (size_t i = 0; i < C.nrules; i++) {
			struct bp_rule *r = &C.rules[i];
			if (r->action == BP_OFF)
				continue;
			size_t ms, me;
			int whole = rx_search(&r->rx, buf, n, 0, &ms, &me) == RX_MATCH;
			if (r->br.n) {
				/* branch by branch: the same answer, every branch
				 * searched or only those the gates let through */
				int all = bp_branches_search(&r->br, r->name, buf, n, 0, ~0ULL);
				int gated = bp_branches_search(&r->br, r->name, buf, n, 0, bp_gates_which(&r->gates, buf, n));
				branched++;
				if ((all != whole || gated != whole) && bad++ < 5)
					fprintf(stderr, "rule %s: '%s' whole %d, branches %d, gated %d\n", r->name, buf, whole,
						all, gated);
			}
			if (r->tail && r->br.n && n > r->tail) {
				/* a tail rule: its gates look at the tail only */
				size_t off = n - r->tail;
				while (off < n && ((unsigned char)buf[off] & 0xC0) == 0x80)
					off++;
				int wt = rx_search(&r->rx, buf, n, off, &ms, &me) == RX_MATCH;
				int gt = bp_branches_search(&r->br, r->name, buf, n, off,
							    bp_gates_which_at(&r->gates, buf, n, off));
				tailed++;
				if (wt != gt && bad++ < 5)
					fprintf(stderr, "rule %s: '%s' from %zu whole %d, gated %d\n", r->name, buf, off, wt,
						gt);
			}
			if (r->need_digit && r->tail && n > r->tail) {
				size_t off = n - r->tail;
				while (off < n && ((unsigned char)buf[off] & 0xC0) == 0x80)
					off++;
				if (rx_search(&r->rx, buf, n, off, &ms, &me) == RX_MATCH && !bp_has_digit(buf + off, n - off) &&
				    bad++ < 5)
					fprintf(stderr, "rule %s matches the tail of '%s' without a digit\n", r->name, buf);
			}
			if (!whole)
				continue;
			matched++;
			digits += r->need_digit;
			unsigned char c0 = (unsigned char)buf[0], c1 = (unsigned char)buf[1];
			int ok = 1;
			if (r->anchored_first && n && !(r->first[c0 >> 3] >> (c0 & 7) & 1))
				ok = 0;
			if (r->anchored && n && c0 < 0x80 && !(r->ascii_first[c0 >> 6] >> (c0 & 63) & 1))
				ok = 0;
			if (r->has_second && n >= 2 && c0 < 0x80 && c1 >= 'a' && c1 <= 'z' &&
			    (r->second[c0] >> (c1 - 'a') & 1))
				ok = 0;
			if (r->req.n && !bp_lits_search(&r->req, buf, n))
				ok = 0;
			if (r->gates.n && !bp_gates_pass(&r->gates, buf, n))
				ok = 0;
			if (r->need_digit && !bp_has_digit(buf, n))
				ok = 0;
			if (!ok && bad++ < 5)
				fprintf(stderr, "rule %s matches '%s' but its prefilter says no\n", r->name, buf);
		}
	}
	CHECK(bad == 0);
	CHECK(matched > 1000);
	CHECK(branched > 1000);
	CHECK(tailed > 100);
	printf("matches of rules that need a digit: %zu\n", digits);
	CHECK(digits > 100);
	/* which patterns need a digit */
#define ND(p) bp_pattern_needs_digit(p, strlen(p))
	CHECK(ND("\\d"));
	CHECK(ND("^\\W*\\d{1,2}:\\d\\d\\W*$"));
	CHECK(ND("a[0-9]b|(?:x|y)\\d+"));
	CHECK(ND("(?i:on )?(?:[1-9]|\\d\\d)"));
	CHECK(ND("(?<year>\\d{4})"));
	CHECK(ND("[\\d]{2}(?=x)"));
	CHECK(!ND("\\d?"));
	CHECK(!ND("\\d*x"));
	CHECK(!ND("\\d{0,2}"));
	CHECK(!ND("x|\\d"));
	CHECK(!ND("(?:\\d|x)"));
	CHECK(!ND("[0-9a]"));
	CHECK(!ND("[^0-9]"));
	CHECK(!ND("(?=\\d)\\w"));
	CHECK(!ND("(?<=\\d)x"));
	CHECK(!ND("\\Q\\d\\E"));
	CHECK(!ND("(?x) \\d"));
	CHECK(!ND("(?(1)\\d|\\d)"));
	CHECK(!ND("\\d)"));
	CHECK(!ND("(\\d"));
	CHECK(!ND("[\\d"));
	CHECK(ND("\\x{41}\\d"));
	CHECK(ND("x{1,2}\\d{1}"));
	CHECK(!ND("(?:\\d){0}"));
#undef ND
	/* branches gated by two sets of literals (bp_gates.h: two) */
	size_t two = 0;
	for (size_t i = 0; i < C.nrules; i++)
		two += (size_t)__builtin_popcountll(C.rules[i].gates.two);
	printf("branches with two sets of literals: %zu\n", two);
	CHECK(two > 0);
	printf("tail rules searched from an offset: %zu rows\n", tailed);
	/* the tables say no where they should */
	for (size_t i = 0; i < C.nrules; i++) {
		struct bp_rule *r = &C.rules[i];
		if (strcmp(r->name, "anch-caps") == 0) {
			CHECK(r->anchored && !(r->ascii_first['a' >> 6] >> ('a' & 63) & 1));
			CHECK(r->ascii_first['W' >> 6] >> ('W' & 63) & 1);
			CHECK(r->has_second && (r->second['T'] >> ('h' - 'a') & 1));
		}
		/* its two literals gate its one branch (and the required
		 * literals, the same, are not searched a second time) */
		if (strcmp(r->name, "unanch") == 0)
			CHECK(r->gates.n == 1 && r->gates.all.n == 2 && r->req.n == 0);
		if (strcmp(r->name, "branches") == 0) {
			CHECK(r->gates.n == 3 && r->gates.g[0].anchored && !r->gates.g[1].anchored);
			CHECK(!bp_gates_pass(&r->gates, "The photo was taken", 19));
			CHECK(bp_gates_pass(&r->gates, "Photo by Jane Doe", 17));
			CHECK(bp_gates_pass(&r->gates, "The site. All Rights Reserved", 29));
			CHECK(!bp_gates_pass(&r->gates, "The site. All rights", 20));
		}
		if (strcmp(r->name, "branch-open") == 0 || strcmp(r->name, "options-rest") == 0 ||
		    strcmp(r->name, "backref") == 0)
			CHECK(r->gates.n == 0);
		if (strcmp(r->name, "copyright") == 0)
			CHECK(r->gates.n > 10 && r->br.n == r->gates.n);
		if (strcmp(r->name, "timestamp-intl") == 0 || strcmp(r->name, "caption-scene") == 0)
			CHECK(r->need_digit);
		if (strcmp(r->name, "timestamp") == 0 || strcmp(r->name, "anch-opt") == 0)
			CHECK(!r->need_digit);
	}
	/* the drop rules by bit masks pick the same rule as the plain loop */
	int same = 1;
	for (int t = 0; t < 20000; t++) {
		size_t n = make_row(buf, sizeof buf);
		struct bp_line a, b;
		memset(&a, 0, sizeof a);
		a.s = buf;
		a.n = n;
		b = a;
		bp_prepare(&C, &a);
		if (!C.lenmask)
			same = 0;
		uint64_t *keep = C.lenmask;
		C.lenmask = NULL; /* the loop */
		bp_prepare(&C, &b);
		C.lenmask = keep;
		if (a.drop_rule != b.drop_rule || a.trim_rule != b.trim_rule || a.a != b.a || a.b != b.b)
			same = 0;
	}
	CHECK(same);
	bp_free(&C);
	return unit_done();
}
