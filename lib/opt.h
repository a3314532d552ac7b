/*
 * opt: the options every tool shares, over getopt_long(3).  getopt_long is
 * not POSIX but glibc, musl and the BSD libcs all have it, and FORMAT.md
 * allows it; one implementation here serves every tool.
 *
 * A tool lists its own options, then OPT_COMMON, in its struct option
 * array, and loops on opt_next(), which handles --help, --version,
 * --line-buffered and every usage error itself (exit 0, 0 and 2).
 */
#ifndef NEWS_OPT_H
#define NEWS_OPT_H

#include <getopt.h>

#define NEWS_VERSION "0.1.0"

enum {
	OPT_VERSION = 0x100,
	OPT_LINE_BUFFERED,
	OPT_TOOL		/* tools number their long-only options from here */
};

#define OPT_COMMON \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, OPT_VERSION }, \
	{ "line-buffered", no_argument, NULL, OPT_LINE_BUFFERED }, \
	{ NULL, 0, NULL, 0 }

/*
 * The next tool-specific option, or -1 when the options end (optind then
 * indexes the first operand).  shortopts must include "h".  usage is the
 * full --help text.
 */
int	 opt_next(int argc, char *argv[], const char *shortopts,
	    const struct option *longopts, const char *usage);
/* A whole number in [min, max] for option name, or exit 2. */
long	 opt_number(const char *arg, const char *name, long min, long max);

#endif
