/* slug.h - the stable id of a name no list holds: its folded form (accents
 * stripped, case folded, compatibility forms undone), letters and digits
 * kept, apostrophes and periods dropped, every other run of characters one
 * '-': "Juan Guaidó" -> juan-guaido, "O’Brien" -> obrien, "U.S. Navy" ->
 * us-navy. The same name gives the same slug in every document and run;
 * tag-entities, extract-quotes and dedupe all make ids with it. */
#ifndef COPYDESK_SLUG_H
#define COPYDESK_SLUG_H

#include <stddef.h>

#include "buf.h"

/* Append the slug of s[0..n) to out (nothing when s has no letter or
 * digit). Returns the number of bytes appended. */
size_t slug(const char *s, size_t n, struct buf *out);

#endif
