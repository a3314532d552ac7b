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
