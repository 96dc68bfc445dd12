/* common_tokens_fast.c - the token scanner's ASCII fast paths (a word of
 * letters ended by a space or plain punctuation, plain punctuation, a word
 * ended by a sentence's period) give the tokens the general path gives:
 * the same spans, code point offsets and flags, next to the cases that
 * must leave the fast path (dotted words, initials, numbers, a possessive
 * 's; words joined across a hyphen or an apostrophe stay on it). */
#include "tokens.h"
#include "unit.h"

#include <stdio.h>
#include <string.h>

static char out[4096];

/* "text/flags@cp|..." with a letter per flag: W word, P punct, C cap, U
 * upper, L lower, Q quote, D dot, A ascii, S space before, N line before
 * (the start of the text counts as both), 9 a digit in it. */
static const char *show(const char *s)
{
	struct toks t = {0};
	tok_scan(s, strlen(s), &t);
	out[0] = 0;
	for (size_t i = 0; i < t.n; i++) {
		const struct token *k = &t.v[i];
		char f[16];
		size_t n = 0;
		static const struct {
			unsigned flag;
			char c;
		} fl[] = {{TOK_WORD, 'W'}, {TOK_PUNCT, 'P'}, {TOK_CAP, 'C'}, {TOK_UPPER, 'U'}, {TOK_LOWER, 'L'},
			  {TOK_QUOTE, 'Q'}, {TOK_DOT, 'D'}, {TOK_ASCII, 'A'}, {TOK_SPACE, 'S'}, {TOK_LINE, 'N'},
			  {TOK_DIGIT, '9'}};
		for (size_t j = 0; j < sizeof fl / sizeof fl[0]; j++)
			if (k->flags & fl[j].flag)
				f[n++] = fl[j].c;
		f[n] = 0;
		char one[256];
		snprintf(one, sizeof one, "%s%.*s/%s@%u", i ? "|" : "", (int)(k->e - k->b), s + k->b, f, k->cb);
		strncat(out, one, sizeof out - strlen(out) - 1);
	}
	toks_free(&t);
	return out;
}

int main(void)
{
	/* words ended by each plain terminator, and at the end */
	CHECK_STR(show("ab, Cd; ef: (gh) ij! kl? \"mn\" op\tqr\nst"),
		  "ab/WLASN@0|,/PA@2|Cd/WCAS@4|;/PA@6|ef/WLAS@8|:/PA@10|(/PAS@12|gh/WLA@13|)/PA@15|"
		  "ij/WLAS@17|!/PA@19|kl/WLAS@21|?/PA@23|\"/PQAS@25|mn/WLA@26|\"/PQA@28|op/WLAS@30|"
		  "qr/WLAS@33|st/WLASN@36");
	/* single capitals are upper; a period after three letters ends a sentence */
	CHECK_STR(show("I saw A cat. Then Mr. J. Ph.D. U.S. abc.def"),
		  "I/WCUASN@0|saw/WLAS@2|A/WCUAS@6|cat/WLAS@8|./PA@11|Then/WCAS@13|Mr/WCAS@18|./PA@20|"
		  "J./WCUDAS@22|Ph.D./WCDAS@25|U.S./WCUDAS@31|abc/WLAS@36|./PA@39|def/WLA@40");
	/* joiners keep words whole; numbers join across , . : / */
	CHECK_STR(show("don't al-Assad e.g. 1,000.5 10:30 a/b x--y ..."),
		  "don't/WLASN@0|al-Assad/WLAS@6|e.g./WLDAS@15|1,000.5/AS9@20|10:30/AS9@28|a/WLAS@34|"
		  "//PA@35|b/WLA@36|x/WLAS@38|--/PA@39|y/WLA@41|.../PAS@43");
	/* words in lower case and a space (the commonest token), one with a
	 * digit, two spaces, a word at the end */
	CHECK_STR(show("ab cd3 ef  gh x1y zzz"),
		  "ab/WLASN@0|cd3/WLAS9@3|ef/WLAS@7|gh/WLAS@11|x1y/WLAS9@14|zzz/WLAS@18");
	/* capitalized words and words in capitals, then a space (a fast path
	 * too), a capital alone, one with a digit, one at the end */
	CHECK_STR(show("ABC Def gHi X Y2 Z"),
		  "ABC/WCUASN@0|Def/WCAS@4|gHi/WLAS@8|X/WCUAS@12|Y2/WCUAS9@14|Z/WCUAS@17");
	/* non-ASCII before, inside and after ASCII words: offsets in code points */
	CHECK_STR(show("“Señor,” dijo Ana’s niño."),
		  "“/PQSN@0|Señor/WC@1|,/PA@6|”/PQ@7|dijo/WLAS@9|Ana/WCAS@14|’s/WL@17|niño/WLS@20|./PA@24");
	/* words of 56, 57 and 70 letters (the masks read 57 bits a word), a
	 * word over a 64-byte line, and one at the text's very end */
	CHECK_STR(show("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1 "
		       "Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, "
		       "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC x9"),
		  "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1/WCASN9@0|"
		  "Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/WCAS@57|,/PA@114|"
		  "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC/WCUAS@116|x9/WLAS9@187");
	/* words joined across a hyphen or an apostrophe (the fast path reads
	 * them too), a possessive 's after them, apostrophes that are marks,
	 * a joiner with nothing after it, and a joined word of 61 bytes (past
	 * the masks' 57 bits: the general path) */
	CHECK_STR(show("So-called rock'n'roll, it's the voters' 'Ok' A-1 O'Brien's x'S ab-c- d'"),
		  "So-called/WCASN@0|rock'n'roll/WLAS@10|,/PA@21|it/WLAS@23|'s/WLA@25|the/WLAS@28|voters/WLAS@32|"
		  "'/PQA@38|'/PQAS@40|Ok/WCA@41|'/PQA@43|A-1/WCUAS9@45|O'Brien/WCAS@49|'s/WLA@56|x/WLAS@59|'S/WLA@60|"
		  "ab-c/WLAS@63|-/PA@67|d/WLAS@69|'/PQA@70");
	CHECK_STR(show("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb's end"),
		  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/WLASN@0|'s/WLA@61|end/WLAS@64");
	return unit_done();
}
