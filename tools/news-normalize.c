/*
 * news-normalize: rewrite one column of a newsline stream (text by default)
 * so that matching and counting are reliable: NFC, HTML references decoded,
 * mojibake repaired, invisible characters dropped, spaces made plain and
 * single, apostrophes ASCII, quotation marks and dashes chosen by role.
 * Every other column passes through byte for byte.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "normalize.h"
#include "opt.h"
#include "out.h"
#include "tsv.h"

static const char usage[] =
"usage: news-normalize [-a] [-c NAME] [--line-buffered] [file ...]\n"
"\n"
"Clean the text column of a newsline stream so that matching and counting\n"
"are reliable: Unicode NFC; HTML character references decoded (&amp; &#8217;\n"
"&nbsp;); mojibake repaired (UTF-8 read as Windows-1252, as in \"â€™\");\n"
"invisible characters and controls removed; every space character, TAB and\n"
"line break made one plain space, runs collapsed, ends trimmed; full-width\n"
"forms and ligatures folded; apostrophes made ASCII '; quotation marks made\n"
"“ ” and ‘ ’ by their neighbours (opening at the start, after a space, an\n"
"opening bracket or a dash; closing elsewhere), never added or removed;\n"
"dashes by role: a spaced -, -- or – and a -- between words become —\n"
"(– between two numbers: a score or a range).\n"
"Invalid UTF-8 becomes U+FFFD and the count is reported once per input.\n"
"Other columns pass through unchanged.  Running it twice changes nothing.\n"
"\n"
"Options:\n"
"  -a, --ascii          ASCII punctuation instead: \" ' - (-- for an em dash\n"
"                       between words) and ... for the ellipsis\n"
"  -c, --column NAME    the column to clean (default: text)\n"
"  -h, --help           show this help and exit\n"
"      --version        show the version and exit\n"
"      --line-buffered  write each row at once (for slow sources)\n"
"\n"
"Example:\n"
"  $ news-split corpus/articles/*.txt | news-normalize | news-tag-entities\n";

static const struct option longopts[] = {
	{ "ascii", no_argument, NULL, 'a' },
	{ "column", required_argument, NULL, 'c' },
	OPT_COMMON
};

struct options {
	int		 ascii;
	const char	*column;
};

static void
parse_args(int argc, char *argv[], struct options *opt)
{
	int c;

	opt->ascii = 0;
	opt->column = "text";
	while ((c = opt_next(argc, argv, "ac:h", longopts, usage)) != -1) {
		switch (c) {
		case 'a':
			opt->ascii = 1;
			break;
		case 'c':
			opt->column = optarg;
			break;
		default:
			die_usage("unknown option");
		}
	}
}

/* The count of invalid sequences, once per input that had any. */
static void
report_invalid(const char *name, unsigned long n)
{
	if (n > 0)
		warn("%s: %lu invalid UTF-8 sequence%s replaced", name, n,
		    n == 1 ? "" : "s");
}

int
main(int argc, char *argv[])
{
	struct options opt;
	struct tsv_in in;
	struct normalizer nz;
	const char *raw, *clean, *file = NULL;
	size_t col, n, len;
	int file_index = -1;

	prog_init("news-normalize");
	parse_args(argc, argv, &opt);
	tsv_open(&in, argc - optind, argv + optind);
	normalize_init(&nz, opt.ascii);
	if (tsv_read_header(&in)) {
		col = tsv_column(&in, opt.column, strcmp(opt.column, "text") == 0 ?
		    "news-split" : NULL);
		if (strcmp(opt.column, "text") == 0 && tsv_find_column(&in, "entities") >= 0)
			die_at(in.header_file, 1, "the stream already has 'entities', whose "
			    "offsets point into 'text': run news-normalize before "
			    "news-tag-entities");
		tsv_write_header(&in);
		while (tsv_next(&in)) {
			if (in.next_file != file_index) {
				report_invalid(file, nz.invalid);
				nz.invalid = 0;
				file_index = in.next_file;
				file = in.name;
			}
			raw = tsv_raw(&in, col, &n);
			clean = normalize_field(&nz, raw, n, 1, &len);
			tsv_set_escaped(&in, col, clean, len);
			tsv_write_row(&in);
		}
		report_invalid(file, nz.invalid);
	}
	normalize_free(&nz);
	finish(tsv_close(&in));
}
