/*
 * utf8: a strict UTF-8 decoder (no overlongs, no surrogates, nothing above
 * U+10FFFF), following the Unicode "maximal subpart" rule for errors.
 */
#include "utf8.h"

size_t
utf8_decode(const char *str, size_t n, long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;
	long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 1;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 2;
		c = s[0] & 0x0F;
		if (s[0] == 0xE0)
			lo = 0xA0;
		else if (s[0] == 0xED)
			hi = 0x9F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 3;
		c = s[0] & 0x07;
		if (s[0] == 0xF0)
			lo = 0x90;
		else if (s[0] == 0xF4)
			hi = 0x8F;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*cp = -1;
			return i;
		}
		c = (c << 6) | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = c;
	return need + 1;
}

size_t
utf8_prev_len(const char *str, size_t i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t k;

	for (k = 1; k <= 4 && k <= i; k++)
		if ((s[i - k] & 0xC0) != 0x80)
			return s[i - k] >= 0xC0 ? k : 1;
	return 1;
}
