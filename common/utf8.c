/* utf8.c - UTF-8 validation, repair and counting. */
#include "utf8.h"

#include <string.h>

int32_t u8_decode_back(const char *s, size_t i, size_t *len)
{
	size_t start = i - 1;
	/* up to three continuation bytes back */
	while (start > 0 && i - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	size_t l;
	int32_t cp = u8_decode(s + start, i - start, &l);
	if (cp != U8_INVALID && start + l == i) {
		*len = l;
		return cp;
	}
	*len = 1;
	return ((unsigned char)s[i - 1] < 0x80) ? (unsigned char)s[i - 1] : U8_INVALID;
}

size_t u8_encode(int32_t cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t u8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* ASCII fast path, 8 bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		if (u8_decode(s + i, n - i, &len) == U8_INVALID)
			return i;
		i += len;
	}
	return n;
}

size_t u8_repair(const char *s, size_t n, struct buf *out)
{
	size_t bad = 0;
	while (n) {
		size_t ok = u8_valid_prefix(s, n);
		buf_add(out, s, ok);
		if (ok == n)
			break;
		buf_add(out, "\xEF\xBF\xBD", 3);
		bad++;
		s += ok + 1;
		n -= ok + 1;
	}
	return bad;
}

size_t u8_count(const char *s, size_t n)
{
	size_t cnt = 0;
	for (size_t i = 0; i < n;) {
		if (i + 8 <= n) { /* ASCII fast path, 8 bytes at a time */
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ULL)) {
				i += 8, cnt += 8;
				continue;
			}
		}
		size_t len = 1;
		if ((unsigned char)s[i] >= 0x80)
			u8_decode(s + i, n - i, &len);
		i += len;
		cnt++;
	}
	return cnt;
}
