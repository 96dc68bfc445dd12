/* unit.h - a minimal unit test harness: CHECK counts passes and failures,
 * unit_done() prints "N passed, N failed" and gives the exit status. */
#ifndef COPYDESK_UNIT_H
#define COPYDESK_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (cond)                                                            \
			unit_pass++;                                                 \
		else {                                                               \
			unit_fail++;                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
				#cond);                                              \
		}                                                                    \
	} while (0)

#define CHECK_STR(got, want)                                                              \
	do {                                                                              \
		const char *g_ = (got), *w_ = (want);                                     \
		if (g_ && w_ && strcmp(g_, w_) == 0)                                      \
			unit_pass++;                                                      \
		else {                                                                    \
			unit_fail++;                                                      \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
				g_ ? g_ : "(null)", w_ ? w_ : "(null)");                   \
		}                                                                         \
	} while (0)

static inline int unit_done(void)
{
	printf("%d passed, %d failed\n", unit_pass, unit_fail);
	return unit_fail ? 1 : 0;
}

#endif
