/*
 * tsv-selftest: drives the stream library for tests/lib.bats.
 *	tsv-selftest escape		stdin bytes -> escaped
 *	tsv-selftest unescape		stdin bytes -> unescaped
 *	tsv-selftest copy COL... [-- FILE...]	stream -> header + rows, each row
 *				re-written through tsv_write_row with the named
 *				columns set to their own decoded value upper-cased
 *				(appended when new)
 *	tsv-selftest docs [FILE...]	print the doc column's runs
 *	tsv-selftest utf8		stdin -> one line per code point or error
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "out.h"
#include "tsv.h"
#include "utf8.h"

static void
read_all(struct buf *b)
{
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		buf_add(b, chunk, n);
}

int
main(int argc, char *argv[])
{
	struct buf b = BUF_INIT, v = BUF_INIT;
	struct tsv_in in;
	struct doc_seen seen = { BUF_INIT, 0, NULL, 0, 0 };
	size_t cols[16], ncols = 0, i, j, n, k;
	const char *raw;
	int files = argc;
	long cp;

	prog_init("tsv-selftest");
	if (argc < 2)
		die_usage("which test?");
	if (strcmp(argv[1], "escape") == 0 || strcmp(argv[1], "unescape") == 0) {
		read_all(&b);
		if (argv[1][0] == 'e')
			tsv_escape(&v, b.data, b.len);
		else
			tsv_unescape(&v, b.data, b.len);
		out_write(v.data, v.len);
	} else if (strcmp(argv[1], "utf8") == 0) {
		read_all(&b);
		for (i = 0; i < b.len; i += n) {
			n = utf8_decode(b.data + i, b.len - i, &cp);
			char line[64];

			if (cp < 0)
				snprintf(line, sizeof(line), "bad %zu\n", n);
			else
				snprintf(line, sizeof(line), "U+%04lX %zu\n", (unsigned long)cp, n);
			out_str(line);
		}
	} else if (strcmp(argv[1], "copy") == 0) {
		for (i = 2; i < (size_t)argc; i++)
			if (strcmp(argv[i], "--") == 0) {
				files = (int)i + 1;
				break;
			}
		tsv_open(&in, argc - files, argv + files);
		if (tsv_read_header(&in)) {
			for (i = 2; i < (size_t)files && (int)i < argc &&
			    strcmp(argv[i], "--") != 0 && ncols < 16; i++)
				cols[ncols++] = tsv_add_column(&in, argv[i]);
			tsv_write_header(&in);
			while (tsv_next(&in)) {
				for (j = 0; j < ncols; j++) {
					buf_clear(&v);
					if (cols[j] < in.ncols) {
						raw = tsv_raw(&in, cols[j], &n);
						tsv_unescape(&v, raw, n);
					}
					for (k = 0; k < v.len; k++)
						v.data[k] = (char)toupper((unsigned char)v.data[k]);
					tsv_set(&in, cols[j], v.data, v.len);
				}
				tsv_write_row(&in);
			}
		}
		finish(tsv_close(&in));
	} else if (strcmp(argv[1], "docs") == 0) {
		tsv_open(&in, argc - 2, argv + 2);
		if (tsv_read_header(&in)) {
			j = tsv_column(&in, "doc", "news-split");
			while (tsv_next(&in)) {
				raw = tsv_raw(&in, j, &n);
				if (doc_start(&seen, &in, raw, n)) {
					out_write(raw, n);
					out_end_row();
				}
			}
		}
		doc_seen_free(&seen);
		finish(tsv_close(&in));
	} else {
		die_usage("unknown test '%s'", argv[1]);
	}
	buf_free(&b);
	buf_free(&v);
	finish(0);
}
