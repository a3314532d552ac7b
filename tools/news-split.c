/*
 * news-split: raw article text to one row per sentence, with its paragraph
 * number, sentence number and zone (title, heading, byline, meta, body,
 * caption, boilerplate).  The first tool of the pipeline.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "split.h"
#include "tsv.h"

static const char usage[] =
"usage: news-split [-t] [-d NAME] [--line-buffered] [file ...]\n"
"\n"
"Split English news articles into sentences.  Each file is one article (no\n"
"file, or -, reads standard input); with --tsv the input is instead a stream\n"
"with doc and text columns, one whole article per row.  The output has one\n"
"row per sentence: doc para sent zone text, plus in --tsv mode the input's\n"
"other columns.  doc is the file's base name without its extension (stdin\n"
"for standard input); para and sent count from 1 in each document; zone is\n"
"title, heading, byline, meta, body, caption or boilerplate; text is the\n"
"sentence in the document's own characters, a line break read as a space.\n"
"\n"
"Options:\n"
"  -t, --tsv          read a stream with doc and text columns\n"
"  -d, --doc NAME     use NAME as the doc of the (single) input\n"
"  -h, --help         show this help and exit\n"
"      --version      show the version and exit\n"
"      --line-buffered  write each row at once (for slow sources)\n"
"\n"
"Example:\n"
"  $ news-split corpus/articles/*.txt | news-normalize | news-to-csv\n";

static const struct option longopts[] = {
	{ "tsv", no_argument, NULL, 't' },
	{ "doc", required_argument, NULL, 'd' },
	OPT_COMMON
};

/* The columns news-split writes first. */
static const char *const own_columns[] = { "doc", "para", "sent", "zone", "text" };

/* Write n in decimal. */
static void
out_number(unsigned long n)
{
	char b[24], *p = b + sizeof(b);

	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	out_write(p, (size_t)(b + sizeof(b) - p));
}

/*
 * Write the rows of one document.  doc is already escaped; extra, when
 * not NULL, is the escaped tail of other columns (with its leading tab).
 */
static void
write_rows(const struct split_doc *d, const char *text, const char *doc, size_t doclen,
    const char *extra, size_t extralen)
{
	const struct split_row *r;
	size_t i;

	for (i = 0; i < d->nrows; i++) {
		r = &d->rows[i];
		out_write(doc, doclen);
		out_tab();
		out_number(r->para);
		out_tab();
		out_number(i + 1);
		out_tab();
		out_str(split_zone_name(r->zone));
		out_tab();
		split_write_text(text + r->start, r->end - r->start);
		if (extra != NULL)
			out_write(extra, extralen);
		out_end_row();
	}
}

/* "dir/name.txt" -> "name"; "-" -> "stdin". */
static char *
doc_name(const char *path)
{
	const char *base, *dot;
	size_t n;
	char *s;

	if (strcmp(path, "-") == 0)
		return xstrdup("stdin");
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	for (base = path + n; base > path && base[-1] != '/'; base--)
		;
	dot = NULL;
	for (const char *p = base + 1; p < path + n; p++)
		if (*p == '.')
			dot = p;
	if (dot != NULL)
		n = (size_t)(dot - path);
	s = xmalloc(n - (size_t)(base - path) + 1);
	memcpy(s, base, n - (size_t)(base - path));
	s[n - (size_t)(base - path)] = '\0';
	return s;
}

struct input {
	const char	*path;
	char		*doc;
};

static int
cmp_input(const void *a, const void *b)
{
	const struct input *x = a, *y = b;
	int c = strcmp(x->doc, y->doc);

	if (c != 0)
		return c;
	return x->path < y->path ? -1 : x->path > y->path;
}

/* Stop, before any output, when two inputs give the same doc. */
static void
check_names(struct input *in, size_t n)
{
	struct input *sorted;
	size_t i;

	sorted = xreallocarray(NULL, n, sizeof(*sorted));
	memcpy(sorted, in, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_input);
	for (i = 1; i < n; i++)
		if (strcmp(sorted[i - 1].doc, sorted[i].doc) == 0) {
			const char *a = sorted[i - 1].path, *b = sorted[i].path;

			/* name them in command-line order */
			if (sorted[i - 1].path > sorted[i].path) {
				a = sorted[i].path;
				b = sorted[i - 1].path;
			}
			die("%s and %s both give document '%s'",
			    strcmp(a, "-") == 0 ? "<stdin>" : a,
			    strcmp(b, "-") == 0 ? "<stdin>" : b, sorted[i].doc);
		}
	free(sorted);
}

/* Read a whole file into b; 0 on success, -1 after reporting. */
static int
read_file(const char *path, struct buf *b)
{
	FILE *fp;
	struct stat st;
	size_t got;
	int err;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	buf_clear(b);
	if (strcmp(path, "-") == 0) {
		fp = stdin;
	} else if ((fp = fopen(path, "r")) == NULL) {
		warn_errno(name);
		return -1;
	}
	/* a regular file: room for all of it at once, so memory ~ the document */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size < SIZE_MAX / 2 &&
	    b->cap < (size_t)st.st_size + 4096) {
		b->data = xrealloc(b->data, (size_t)st.st_size + 4096);
		b->cap = (size_t)st.st_size + 4096;
	}
	for (;;) {
		if (b->cap - b->len < 4096)
			buf_reserve(b, b->len < (1 << 16) ? (1 << 16) : b->len);
		got = fread(b->data + b->len, 1, b->cap - b->len, fp);
		b->len += got;
		if (got == 0)
			break;
	}
	err = ferror(fp);
	if (err)
		warn_errno(name);
	if (fp != stdin)
		fclose(fp);
	else
		clearerr(stdin);
	return err ? -1 : 0;
}

static int
split_files(int nfiles, char **files, const char *docopt)
{
	static char stdin_path[] = "-";
	static char *stdin_only[] = { stdin_path };
	struct input *in;
	struct split_doc d = SPLIT_DOC_INIT;
	struct buf text = BUF_INIT, doc = BUF_INIT;
	size_t i, n;
	int status = 0;

	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	n = (size_t)nfiles;
	in = xreallocarray(NULL, n, sizeof(*in));
	for (i = 0; i < n; i++) {
		in[i].path = files[i];
		in[i].doc = docopt != NULL ? xstrdup(docopt) : doc_name(files[i]);
	}
	check_names(in, n);
	out_str("doc\tpara\tsent\tzone\ttext\n");
	for (i = 0; i < n; i++) {
		if (read_file(in[i].path, &text) != 0) {
			status = 1;
			continue;
		}
		buf_clear(&doc);
		tsv_escape(&doc, in[i].doc, strlen(in[i].doc));
		split_document(&d, text.data, text.len);
		write_rows(&d, text.data, doc.data, doc.len, NULL, 0);
	}
	for (i = 0; i < n; i++)
		free(in[i].doc);
	free(in);
	buf_free(&text);
	buf_free(&doc);
	split_doc_free(&d);
	return status;
}

static int
split_stream(int nfiles, char **files)
{
	struct tsv_in in;
	struct doc_seen seen = { BUF_INIT, 0, NULL, 0, 0 };
	struct split_doc d = SPLIT_DOC_INIT;
	struct buf text = BUF_INIT, extra = BUF_INIT;
	size_t doccol, textcol, i, k, n;
	const char *doc, *raw;
	long c;

	tsv_open(&in, nfiles, files);
	if (!tsv_read_header(&in))
		return tsv_close(&in);
	doccol = tsv_column(&in, "doc", NULL);
	textcol = tsv_column(&in, "text", NULL);
	for (k = 1; k < 4; k++)
		if ((c = tsv_find_column(&in, own_columns[k])) >= 0)
			die_at(in.header_file, 1, "input already has column '%s' "
			    "(--tsv reads one article per row)", own_columns[k]);
	out_str("doc\tpara\tsent\tzone\ttext");
	for (i = 0; i < in.ncols; i++)
		if (i != doccol && i != textcol) {
			out_tab();
			out_escaped(in.cols[i], strlen(in.cols[i]));
		}
	out_end_row();
	while (tsv_next(&in)) {
		doc = tsv_raw(&in, doccol, &n);
		if (!doc_start(&seen, &in, doc, n)) {
			buf_clear(&text);
			tsv_unescape(&text, doc, n);
			tsv_die(&in, "document '%s' appears again", buf_cstr(&text));
		}
		buf_clear(&extra);
		for (i = 0; i < in.ncols; i++)
			if (i != doccol && i != textcol) {
				buf_addc(&extra, '\t');
				raw = tsv_raw(&in, i, &k);
				buf_add(&extra, raw, k);
			}
		buf_clear(&text);
		tsv_get(&in, textcol, &text);
		split_document(&d, text.data, text.len);
		doc = tsv_raw(&in, doccol, &n);
		write_rows(&d, text.data, doc, n, extra.data, extra.len);
	}
	buf_free(&text);
	buf_free(&extra);
	split_doc_free(&d);
	doc_seen_free(&seen);
	return tsv_close(&in);
}

int
main(int argc, char *argv[])
{
	const char *docopt = NULL;
	int c, tsv = 0;

	prog_init("news-split");
	while ((c = opt_next(argc, argv, "htd:", longopts, usage)) != -1) {
		switch (c) {
		case 't':
			tsv = 1;
			break;
		case 'd':
			docopt = optarg;
			break;
		default:
			die_usage("unknown option");
		}
	}
	if (tsv && docopt != NULL)
		die_usage("--doc cannot be used with --tsv (the doc column names the documents)");
	if (tsv)
		finish(split_stream(argc - optind, argv + optind));
	finish(split_files(argc - optind, argv + optind, docopt));
}
