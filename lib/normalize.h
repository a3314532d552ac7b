/*
 * normalize: the text clean-up of news-normalize, as a library so that
 * other tools and tests can call it.  See tools/news-normalize.1 for the
 * rules; normalize.c explains each one.
 */
#ifndef NEWS_NORMALIZE_H
#define NEWS_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct normalizer {
	int		 ascii;		/* ASCII punctuation instead of typographic */
	unsigned long	 invalid;	/* invalid UTF-8 sequences replaced so far */
	struct buf	 t1, t2, t3;	/* scratch, reused from field to field */
	struct buf	 result;	/* the last result, escaped */
};

void	 normalize_init(struct normalizer *nz, int ascii);
void	 normalize_free(struct normalizer *nz);
/*
 * Normalize one field.  s holds n bytes; when escaped is set they are a
 * stream field with the escapes \\ \t \n \r, and the result is escaped the
 * same way (no TAB, newline or CR can remain, so only backslashes are).
 * Returns a pointer to the result and its length in *len, valid until the
 * next call.  Invalid UTF-8 sequences add to nz->invalid.
 */
const char *normalize_field(struct normalizer *nz, const char *s, size_t n,
	    int escaped, size_t *len);

/* The HTML5 named character references (html_entities.c, generated). */
struct html_entity {
	const char	*name;	/* without '&' and ';' */
	uint8_t		 len;
	uint32_t	 cp1, cp2;	/* cp2 is 0 for a single code point */
};
extern const struct html_entity html_entities[];
extern const size_t html_entity_count;

/* The code points of entity name s (n bytes, no '&' or ';'), or NULL. */
const struct html_entity *html_entity_find(const char *s, size_t n);

#endif
