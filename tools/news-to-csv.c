/*
 * news-to-csv: write any newsline stream as RFC 4180 CSV, the form
 * spreadsheets, csvkit and Python's csv module read back to the same table.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "tsv.h"

static const char usage[] =
"usage: news-to-csv [--line-buffered] [file ...]\n"
"\n"
"Convert a newsline stream (TSV with a header) to RFC 4180 CSV: the header\n"
"is the first record, fields are separated by commas, records end in CRLF,\n"
"a field is quoted only when it holds a comma, a quotation mark, CR or LF\n"
"(or is empty and alone in its record), and a quotation mark inside a field\n"
"is doubled.  The stream escapes \\\\ \\t \\n \\r become the real\n"
"characters.  No byte order mark is written.\n"
"\n"
"Options:\n"
"  -h, --help         show this help and exit\n"
"      --version      show the version and exit\n"
"      --line-buffered  write each record at once (for slow sources)\n"
"\n"
"Example:\n"
"  $ news-split corpus/articles/*.txt | news-to-csv > sentences.csv\n";

static const struct option longopts[] = { OPT_COMMON };

/* Write one decoded field, quoted when RFC 4180 needs it. */
static void
write_csv_field(const char *s, size_t n, int alone)
{
	const char *end = s + n, *p;
	int quote = alone && n == 0;	/* a bare empty line reads as no record */

	for (p = s; p < end; p++)
		if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r') {
			quote = 1;
			break;
		}
	if (!quote) {
		out_write(s, n);
		return;
	}
	out_char('"');
	while (s < end) {
		p = memchr(s, '"', (size_t)(end - s));
		if (p == NULL) {
			out_write(s, (size_t)(end - s));
			break;
		}
		out_write(s, (size_t)(p - s) + 1);
		out_char('"');
		s = p + 1;
	}
	out_char('"');
}

static void
write_csv_record(const struct tsv_in *in, size_t ncols, int header, struct buf *field)
{
	size_t i, n;
	const char *raw;

	for (i = 0; i < ncols; i++) {
		if (i > 0)
			out_char(',');
		buf_clear(field);
		if (header) {
			buf_adds(field, in->cols[i]);
		} else {
			raw = tsv_raw(in, i, &n);
			tsv_unescape(field, raw, n);
		}
		write_csv_field(field->data, field->len, ncols == 1);
	}
	out_write("\r\n", 2);
}

int
main(int argc, char *argv[])
{
	struct tsv_in in;
	struct buf field = BUF_INIT;

	prog_init("news-to-csv");
	while (opt_next(argc, argv, "h", longopts, usage) != -1)
		die_usage("unknown option");
	tsv_open(&in, argc - optind, argv + optind);
	if (tsv_read_header(&in)) {
		write_csv_record(&in, in.ncols, 1, &field);
		while (tsv_next(&in))
			write_csv_record(&in, in.ncols, 0, &field);
	}
	buf_free(&field);
	finish(tsv_close(&in));
}
