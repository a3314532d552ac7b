/*
 * sentence: an English sentence splitter for news text.
 *
 * It works on the document's own bytes: a line break inside the text is
 * read as a space, invalid UTF-8 and NUL bytes are ordinary characters,
 * and a boundary is only ever placed at whitespace, so joining the
 * sentences with single spaces gives the text back with each run of
 * whitespace reduced to one space.
 */
#ifndef NEWS_SENTENCE_H
#define NEWS_SENTENCE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * The length of the first sentence of s[0..n): s starts the sentence (at
 * a non-blank byte) and the result excludes any whitespace after it.
 * Without a boundary in the text the whole text (trimmed) is one sentence.
 */
size_t	 sentence_length(const char *s, size_t n);

/* Whitespace as the splitter sees it: space, tab, CR, LF, VT, FF. */
static inline int
sent_is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * Word-at-a-time search: the offset of the first byte of s[i..n) equal to
 * one of a, b, c, d, or n.  Eight bytes are tested at once (the zero-byte
 * trick of "Bit Twiddling Hacks"), the last few one by one.
 */
static inline uint64_t
sent_has_byte(uint64_t x, unsigned char b)
{
	uint64_t y = x ^ (0x0101010101010101ULL * b);

	return (y - 0x0101010101010101ULL) & ~y & 0x8080808080808080ULL;
}

static inline size_t
sent_find4(const char *s, size_t i, size_t n, unsigned char a, unsigned char b,
    unsigned char c, unsigned char d)
{
	uint64_t x;
	unsigned char u;

	while (n - i >= 8) {
		memcpy(&x, s + i, 8);
		if (sent_has_byte(x, a) | sent_has_byte(x, b) | sent_has_byte(x, c) |
		    sent_has_byte(x, d))
			break;
		i += 8;
	}
	for (; i < n; i++) {
		u = (unsigned char)s[i];
		if (u == a || u == b || u == c || u == d)
			break;
	}
	return i;
}

/*
 * The case of the letter at s (n > 0 bytes): 1 upper-case, -1 lower-case,
 * 0 anything else (digits, punctuation, invalid bytes, uncased scripts).
 * *len receives the length of the character in bytes.
 */
int	 sent_letter_case(const char *s, size_t n, size_t *len);

/*
 * Whether the word s[0..n) (a token without its final period) is a known
 * abbreviation class: see SENT_ABBR_* below.
 */
enum {
	SENT_ABBR_NONE,
	SENT_ABBR_TITLE,	/* Mr, Dr, Gen: a name follows, never an end */
	SENT_ABBR_NUMBER,	/* No, Art, p: a number follows */
	SENT_ABBR_INNER,	/* e.g, i.e, vs: always inside a sentence */
	SENT_ABBR_END		/* U.S, Inc, Feb, initials: may end a sentence */
};
int	 sent_abbr_class(const char *s, size_t n);

#endif
