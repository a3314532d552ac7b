/*
 * err: messages to stderr and the one way out of a tool.  Every exit goes
 * through finish(), which flushes and checks standard output, so a failed
 * write is never hidden by an earlier success.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"

const char *prog_name = "newsline";

void
prog_init(const char *name)
{
	prog_name = name;
}

static void
vmsg(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog_name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
warn_errno(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", prog_name, what, strerror(errno));
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	finish(1);
}

void
die_at(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s:%lu: ", prog_name, file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	finish(1);
}

void
die_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog_name);
	exit(2);
}

void
finish(int status)
{
	if (out_close() != 0)
		status = 1;
	exit(status);
}
