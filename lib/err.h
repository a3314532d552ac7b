/*
 * err: the only code that writes to stderr.  One message format for every
 * tool:
 *	news-TOOL: FILE:LINE: message	bad data in a stream (exit 1)
 *	news-TOOL: FILE: strerror	a file that cannot be read (exit 1)
 *	news-TOOL: message		anything else
 * Messages are lowercase with no final period; standard input is "<stdin>".
 */
#ifndef NEWS_ERR_H
#define NEWS_ERR_H

#include <stdarg.h>

extern const char *prog_name;

void	 prog_init(const char *name);
/* Print "prog: message" and exit 1, after flushing the rows written so far. */
_Noreturn void	 die(const char *fmt, ...);
/* Print "prog: file:line: message" and exit 1. */
_Noreturn void	 die_at(const char *file, unsigned long line, const char *fmt, ...);
/* Print "prog: message" and "Try 'prog --help'..." and exit 2. */
_Noreturn void	 die_usage(const char *fmt, ...);
/* Print "prog: message" and return. */
void	 warn(const char *fmt, ...);
/* Print "prog: what: strerror(errno)" and return. */
void	 warn_errno(const char *what);
/* Leave with status after the usual output checks (see out_close). */
_Noreturn void	 finish(int status);

#endif
