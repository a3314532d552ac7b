/*
 * tsv: reading and writing the newsline stream (see README, "The stream").
 *
 * A reader walks the named files in turn (none, or "-", means standard
 * input), takes line 1 as the header, skips later lines identical to it,
 * checks every row's field count and strips "\r\n" line ends and a UTF-8
 * BOM.  Fields stay escaped in the line buffer; decode only what you read.
 * Errors in the data stop the tool: "news-TOOL: FILE:LINE: message", exit 1.
 * A file that cannot be opened is reported and skipped, and tsv_finish()
 * returns 1 for it.
 *
 * Output rows: tools that keep the row shape call tsv_add_column() for each
 * column they write, tsv_write_header(), then per row tsv_set*() and
 * tsv_write_row().  Columns they do not set pass through byte for byte.
 */
#ifndef NEWS_TSV_H
#define NEWS_TSV_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

struct tsv_in {
	char		**files;	/* the operands; none means stdin */
	int		  nfiles;
	int		  next_file;
	FILE		 *fp;		/* NULL between files */
	const char	 *name;		/* current file, "<stdin>" for stdin */
	unsigned long	  lineno;	/* line number in the current file */
	char		 *line;		/* the current line without its line end */
	size_t		  linecap;
	size_t		  len;
	int		  have_header;
	struct buf	  header;	/* line 1, raw */
	char		 *header_file;	/* where it came from, for messages */
	size_t		  ncols;	/* input columns */
	size_t		  nout;		/* output columns: input + added */
	char		**cols;		/* output column names, decoded */
	size_t		 *fstart;	/* the current row's fields in line */
	size_t		 *flen;
	struct buf	 *value;	/* values set for the current row */
	unsigned char	 *isset;
	int		  status;	/* 1 after an unreadable file */
};

/* Prepare to read files[0..nfiles-1], or stdin when nfiles is 0. */
void	 tsv_open(struct tsv_in *in, int nfiles, char **files);
/*
 * Read the header.  Returns 0 when the whole input is empty (no bytes):
 * the tool then writes nothing and exits 0.
 */
int	 tsv_read_header(struct tsv_in *in);
/*
 * The index of an input column; a missing column stops the tool with
 * "FILE:1: missing column 'NAME' (PRODUCER writes it)".  A name that
 * appears twice is ambiguous and is an error as well.
 */
size_t	 tsv_column(struct tsv_in *in, const char *name, const char *producer);
/* Like tsv_column() but returns -1 when the column is absent. */
long	 tsv_find_column(const struct tsv_in *in, const char *name);
/*
 * An output column the tool writes: the input's own column of that name
 * when it has one (a re-run replaces it in place), else a new column
 * appended after the others.  Call before tsv_write_header().
 */
size_t	 tsv_add_column(struct tsv_in *in, const char *name);
void	 tsv_write_header(const struct tsv_in *in);
/* Read the next row; 0 at the end of the input. */
int	 tsv_next(struct tsv_in *in);
/* A field of the current row, still escaped; valid until tsv_next(). */
const char *tsv_raw(const struct tsv_in *in, size_t col, size_t *len);
/* Append the decoded field to b. */
void	 tsv_get(const struct tsv_in *in, size_t col, struct buf *b);
/* Set an output column of the current row to n raw (unescaped) bytes. */
void	 tsv_set(struct tsv_in *in, size_t col, const char *s, size_t n);
/* Set an output column to bytes that are already escaped. */
void	 tsv_set_escaped(struct tsv_in *in, size_t col, const char *s, size_t n);
/* Forget the values set, so the columns pass through again. */
void	 tsv_unset_all(struct tsv_in *in);
/* Write the current row with the values set; they stay set. */
void	 tsv_write_row(struct tsv_in *in);
/* Report a data error at the current line and exit 1. */
_Noreturn void tsv_die(const struct tsv_in *in, const char *fmt, ...);
/* Release the input; returns the exit status so far (0 or 1). */
int	 tsv_close(struct tsv_in *in);

/* The four escapes: decode s into b (appending), and encode. */
void	 tsv_unescape(struct buf *b, const char *s, size_t n);
void	 tsv_escape(struct buf *b, const char *s, size_t n);

/*
 * Documents in a stream come as maximal runs of rows with one doc value.
 * doc_start() returns 1 when doc begins a new run, 0 when it continues the
 * current one, and stops the tool with "document 'X' appears again" when
 * an earlier, finished document comes back.
 */
struct doc_seen {
	struct buf	  current;
	int		  any;
	char		**names;	/* open-addressing hash set of finished docs */
	size_t		  cap, count;
};
int	 doc_start(struct doc_seen *d, const struct tsv_in *in, const char *doc, size_t n);
void	 doc_seen_free(struct doc_seen *d);

#endif
