/*
 * utf8: decoding one code point at a time.  Invalid bytes are reported, not
 * repaired: only news-normalize repairs text, every other tool carries
 * invalid bytes through unchanged.
 */
#ifndef NEWS_UTF8_H
#define NEWS_UTF8_H

#include <stddef.h>

/*
 * Decode the code point at s (n > 0 bytes available).  Returns its length
 * in bytes and stores it in *cp; for an invalid or truncated sequence
 * returns the length of the maximal invalid subpart (at least 1, as
 * Unicode's "substitution of maximal subparts" counts them) and stores -1.
 */
size_t	 utf8_decode(const char *s, size_t n, long *cp);
/* Number of bytes of the code point ending just before s[i] (i > 0). */
size_t	 utf8_prev_len(const char *s, size_t i);

#endif
