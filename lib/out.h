/*
 * out: the buffered writer for standard output.  Rows are assembled in a
 * 64 KiB buffer and written with write(2), so every write is checked the
 * moment it happens: a full disk or a closed pipe stops the tool with
 * "write error: ..." and exit 1.  SIGPIPE keeps its default action, so
 * "news-split big.txt | head" ends quietly as coreutils tools do.
 */
#ifndef NEWS_OUT_H
#define NEWS_OUT_H

#include <stddef.h>

/* Flush after every row (for slow sources such as tail -f). */
void	 out_set_line_buffered(int on);
void	 out_write(const void *p, size_t n);
void	 out_char(int c);
void	 out_str(const char *s);
/* Write n bytes with the stream escapes \\ \t \n \r applied. */
void	 out_escaped(const char *s, size_t n);
void	 out_tab(void);
/* End a row: newline, and a flush when line-buffered. */
void	 out_end_row(void);
void	 out_flush(void);
/* Flush and close standard output; 0 on success, -1 after reporting. */
int	 out_close(void);

#endif
