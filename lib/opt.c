/*
 * opt: common option handling.  getopt's own messages are switched off so
 * that every complaint has the project's form and the "Try --help" line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"

int
opt_next(int argc, char *argv[], const char *shortopts,
    const struct option *longopts, const char *usage)
{
	static char *quiet;	/* shortopts with a leading ':' */
	int c;

	if (quiet == NULL) {
		quiet = xmalloc(strlen(shortopts) + 2);
		quiet[0] = ':';
		strcpy(quiet + 1, shortopts);
	}
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, quiet, longopts, NULL);
		switch (c) {
		case 'h':
			out_str(usage);
			finish(0);
		case OPT_VERSION:
			out_str(prog_name);
			out_str(" (newsline) " NEWS_VERSION "\n");
			finish(0);
		case OPT_LINE_BUFFERED:
			out_set_line_buffered(1);
			continue;
		case ':':
			/* a long option's alias is in optopt: name what was typed */
			if (strncmp(argv[optind - 1], "--", 2) == 0)
				die_usage("option '%s' needs an argument", argv[optind - 1]);
			die_usage("option '-%c' needs an argument", optopt);
		case '?':
			if (strncmp(argv[optind - 1], "--", 2) == 0 || optopt == 0 ||
			    optopt >= 0x100)
				die_usage("unknown option '%s'", argv[optind - 1]);
			die_usage("unknown option '-%c'", optopt);
		default:
			return c;
		}
	}
}

long
opt_number(const char *arg, const char *name, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		die_usage("%s takes a whole number from %ld to %ld, not '%s'",
		    name, min, max, arg);
	return v;
}
