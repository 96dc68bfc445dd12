/* te_make.h - the gazetteer builder: labelled mention rows in, a
 * gazetteer (id type name) out. */
#ifndef TE_MAKE_H
#define TE_MAKE_H

#include "cli.h"

/* Read the inputs of c (rows with the columns type and mention, and id
 * when there is one) and write every distinct mention with its most
 * frequent type (the first seen on a tie) and the id it was given most
 * often with that type (else its slug), in the order first seen. */
int te_make_gazetteer(const struct cli *c);

#endif
