/*
 * split: one article's text to sentence rows with paragraph numbers and
 * zones (the core of news-split, kept out of main so it can be driven
 * from a buffer).
 *
 * Rows are spans of the caller's text: nothing is copied, and a line
 * break inside a row is to be written as a space (split_write_text()).
 */
#ifndef NEWS_SPLIT_H
#define NEWS_SPLIT_H

#include <stddef.h>

/* A word or phrase and its length: an entry of the splitter's word lists. */
struct word {
	const char	*s;
	size_t		 n;
};

#define W(x) { x, sizeof(x) - 1 }

/*
 * Each NULL-terminated word list gets an index by first byte on first use
 * (word_index_of), so a lookup compares only the words that start with the
 * right byte: by[start[b]..start[b+1]) start with byte b.
 */
struct word_index {
	const struct word	 *list;
	const struct word	**by;
	unsigned short		  start[257];
};

const struct word_index *word_index_of(const struct word *list);

enum split_zone {
	ZONE_BODY,
	ZONE_TITLE,
	ZONE_HEADING,
	ZONE_BYLINE,
	ZONE_META,
	ZONE_CAPTION,
	ZONE_BOILERPLATE
};

/* Row flags. */
enum {
	ROW_UNIT = 1 << 0,	/* the row is a whole line unit (a segment) */
	ROW_DATELINE = 1 << 1,	/* a dateline at the start of the article */
	ROW_PARA_FIRST = 1 << 2,
	ROW_PARA_LAST = 1 << 3,
	ROW_SEG_LAST = 1 << 4	/* the last row of its segment */
};

struct split_row {
	size_t		 start, end;	/* bytes of the text, trimmed */
	unsigned long	 para;		/* 1-based */
	unsigned int	 flags;
	int		 zone;
};

struct split_span {
	size_t		 start, end;
};

struct split_doc {
	struct split_row	*rows;
	size_t			 nrows, cap;
	struct split_span	*lines;	/* scratch: the current block's lines */
	size_t			 nlines, linecap;
	int			 prose;	/* prose paragraphs seen so far */
	void			*zone_info;	/* scratch for split_zones() */
	size_t			 zone_cap;
};

#define SPLIT_DOC_INIT { NULL, 0, 0, NULL, 0, 0, 0, NULL, 0 }

/*
 * Split text[0..n) into rows (d->rows, d->nrows), replacing the rows of
 * the previous call, and label their zones.  The arrays are reused.
 */
void	 split_document(struct split_doc *d, const char *text, size_t n);
void	 split_doc_free(struct split_doc *d);

/* Label the zones of d's rows (called by split_document). */
void	 split_zones(struct split_doc *d, const char *text);
const char *split_zone_name(int zone);

/*
 * The length of a dateline at the start of s ("KYIV, Feb 2 (Reuters) -",
 * "WASHINGTON (AP) —", "BAKU:", "date 2025-02-02"), through its
 * separator, or 0 when there is none.  Whitespace must follow it.
 */
size_t	 split_dateline(const char *s, size_t n);

/* Write a row's text escaped, each line break with the blanks around it as one space. */
void	 split_write_text(const char *s, size_t n);

/* The number of characters in s[0..n): UTF-8 code points, invalid bytes one each. */
size_t	 split_chars(const char *s, size_t n);

#endif
