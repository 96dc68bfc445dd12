/* bp_escape.c - reading the text field leniently: the four escapes of the
 * record format are undone, and a backslash before anything else (as
 * markdown converters write "\[" or "\-") is taken literally, so such text
 * is classified and passed through byte for byte instead of failing. */
#include "bp.h"

#include <string.h>

size_t bp_unescape(const char *s, size_t n, char *out, size_t *outn)
{
	size_t bad = 0, o = 0;
	const char *end = s + n;
	while (s < end) {
		const char *bs = memchr(s, '\\', (size_t)(end - s));
		size_t run = bs ? (size_t)(bs - s) : (size_t)(end - s);
		memcpy(out + o, s, run);
		o += run;
		if (!bs)
			break;
		char c = bs + 1 < end ? bs[1] : 0;
		switch (c) {
		case 't': out[o++] = '\t'; s = bs + 2; break;
		case 'n': out[o++] = '\n'; s = bs + 2; break;
		case 'r': out[o++] = '\r'; s = bs + 2; break;
		case '\\': out[o++] = '\\'; s = bs + 2; break;
		default: out[o++] = '\\'; s = bs + 1; bad++; break;
		}
	}
	*outn = o;
	return bad;
}

size_t bp_raw_offset(const char *raw, size_t rawn, size_t u)
{
	size_t r = 0, k = 0;
	while (r < rawn && k < u) {
		if (raw[r] == '\\' && r + 1 < rawn &&
		    (raw[r + 1] == 't' || raw[r + 1] == 'n' || raw[r + 1] == 'r' || raw[r + 1] == '\\'))
			r += 2;
		else
			r++;
		k++;
	}
	return r;
}
