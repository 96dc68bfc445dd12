/* hotbytes.h - finds, 64 bytes at a time, the bytes the sentence scanner
 * must look at: terminators (. ? !), line breaks, colons, semicolons and
 * "<" (labels, emoticons), lead bytes of 0xE2 and above (… • 。 emoji and
 * the like), and the capitals that open the words of a heading glued to a
 * sentence, after a space (In On At Ac Af Al Fo De Du: "... in any
 * constituency In the New Territories"). */
#ifndef SPLIT_SENTENCES_HOTBYTES_H
#define SPLIT_SENTENCES_HOTBYTES_H

#include <stdint.h>

/* Bit k set if p[k] (k < 64) is hot. Reads p[-1] .. p[64]. Uses AVX2 when
 * the CPU has it, else SSE2, else a byte loop. */
uint64_t hot64(const char *p);
/* The same with a byte loop (for the tests). */
uint64_t hot64_ref(const char *p);

#endif
