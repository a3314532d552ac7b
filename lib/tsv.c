/*
 * tsv: the newsline stream reader and row writer.  One getline buffer serves
 * the whole stream; fields are located with memchr and left escaped, so a
 * tool pays for decoding only the columns it reads and pass-through columns
 * are copied byte for byte.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "err.h"
#include "out.h"
#include "tsv.h"

static char stdin_operand[] = "-";
static char *stdin_only[] = { stdin_operand };

void
tsv_open(struct tsv_in *in, int nfiles, char **files)
{
	memset(in, 0, sizeof(*in));
	if (nfiles <= 0) {
		files = stdin_only;
		nfiles = 1;
	}
	in->files = files;
	in->nfiles = nfiles;
}

void
tsv_die(const struct tsv_in *in, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s:%lu: ", prog_name, in->name ? in->name : "<stdin>",
	    in->lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	finish(1);
}

static int
open_next_file(struct tsv_in *in)
{
	const char *path;

	while (in->next_file < in->nfiles) {
		path = in->files[in->next_file++];
		in->lineno = 0;
		if (strcmp(path, "-") == 0) {
			in->fp = stdin;
			in->name = "<stdin>";
			return 1;
		}
		in->name = path;
		if ((in->fp = fopen(path, "r")) != NULL)
			return 1;
		warn_errno(path);
		in->status = 1;
	}
	return 0;
}

static void
close_file(struct tsv_in *in)
{
	if (ferror(in->fp)) {
		warn_errno(in->name);
		in->status = 1;
	}
	if (in->fp != stdin)
		fclose(in->fp);
	else
		clearerr(stdin);
	in->fp = NULL;
}

/* Read the next line of the input into in->line; 0 at the end of all files. */
static int
next_line(struct tsv_in *in)
{
	ssize_t n;

	for (;;) {
		if (in->fp == NULL && !open_next_file(in))
			return 0;
		errno = 0;
		n = getline(&in->line, &in->linecap, in->fp);
		if (n >= 0)
			break;
		close_file(in);
	}
	in->lineno++;
	if (n > 0 && in->line[n - 1] == '\n')
		n--;
	if (n > 0 && in->line[n - 1] == '\r')
		n--;
	if (in->lineno == 1 && n >= 3 && memcmp(in->line, "\xEF\xBB\xBF", 3) == 0) {
		memmove(in->line, in->line + 3, (size_t)n - 3);
		n -= 3;
	}
	in->len = (size_t)n;
	return 1;
}

static size_t
count_fields(const char *s, size_t n)
{
	const char *end = s + n, *p;
	size_t count = 1;

	while ((p = memchr(s, '\t', (size_t)(end - s))) != NULL) {
		count++;
		s = p + 1;
	}
	return count;
}

static void
grow_columns(struct tsv_in *in, size_t n)
{
	size_t i, old = in->nout;

	in->cols = xreallocarray(in->cols, n, sizeof(*in->cols));
	in->value = xreallocarray(in->value, n, sizeof(*in->value));
	in->isset = xreallocarray(in->isset, n, 1);
	for (i = old; i < n; i++) {
		in->cols[i] = NULL;
		memset(&in->value[i], 0, sizeof(in->value[i]));
		in->isset[i] = 0;
	}
}

int
tsv_read_header(struct tsv_in *in)
{
	struct buf name = BUF_INIT;
	const char *s, *end, *p;
	size_t i;

	if (!next_line(in))
		return 0;
	buf_reserve(&in->header, in->len);	/* data not NULL for an empty header */
	buf_add(&in->header, in->line, in->len);
	in->header_file = xstrdup(in->name);
	in->have_header = 1;
	in->ncols = count_fields(in->line, in->len);
	grow_columns(in, in->ncols);
	in->nout = in->ncols;
	in->fstart = xreallocarray(NULL, in->ncols, sizeof(size_t));
	in->flen = xreallocarray(NULL, in->ncols, sizeof(size_t));
	s = in->line;
	end = s + in->len;
	for (i = 0; i < in->ncols; i++) {
		p = memchr(s, '\t', (size_t)(end - s));
		if (p == NULL)
			p = end;
		buf_clear(&name);
		tsv_unescape(&name, s, (size_t)(p - s));
		if (memchr(name.data, '\0', name.len) != NULL)
			tsv_die(in, "column %zu's name holds a NUL byte", i + 1);
		in->cols[i] = xstrdup(buf_cstr(&name));
		s = p + 1;
	}
	buf_free(&name);
	return 1;
}

long
tsv_find_column(const struct tsv_in *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->ncols; i++)
		if (strcmp(in->cols[i], name) == 0)
			return (long)i;
	return -1;
}

size_t
tsv_column(struct tsv_in *in, const char *name, const char *producer)
{
	long i = tsv_find_column(in, name);
	size_t j;

	if (i < 0) {
		if (producer != NULL)
			die_at(in->header_file, 1, "missing column '%s' (%s writes it)",
			    name, producer);
		die_at(in->header_file, 1, "missing column '%s'", name);
	}
	for (j = (size_t)i + 1; j < in->ncols; j++)
		if (strcmp(in->cols[j], name) == 0)
			die_at(in->header_file, 1, "column '%s' appears twice", name);
	return (size_t)i;
}

size_t
tsv_add_column(struct tsv_in *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->nout; i++)
		if (strcmp(in->cols[i], name) == 0)
			return i;
	grow_columns(in, in->nout + 1);
	in->cols[in->nout] = xstrdup(name);
	return in->nout++;
}

void
tsv_write_header(const struct tsv_in *in)
{
	size_t i;

	for (i = 0; i < in->nout; i++) {
		if (i > 0)
			out_tab();
		out_escaped(in->cols[i], strlen(in->cols[i]));
	}
	out_end_row();
}

int
tsv_next(struct tsv_in *in)
{
	const char *s, *end, *p;
	size_t i, n;

	for (;;) {
		if (!next_line(in))
			return 0;
		if (in->len == in->header.len &&
		    memcmp(in->line, in->header.data, in->len) == 0)
			continue;	/* a repeated header, e.g. from cat a b */
		if (in->lineno == 1)
			tsv_die(in, "header differs from the header of %s",
			    in->header_file);
		break;
	}
	n = count_fields(in->line, in->len);
	if (n != in->ncols)
		tsv_die(in, "row has %zu field%s, header has %zu", n,
		    n == 1 ? "" : "s", in->ncols);
	s = in->line;
	end = s + in->len;
	for (i = 0; i < n; i++) {
		p = memchr(s, '\t', (size_t)(end - s));
		if (p == NULL)
			p = end;
		in->fstart[i] = (size_t)(s - in->line);
		in->flen[i] = (size_t)(p - s);
		s = p + 1;
	}
	tsv_unset_all(in);
	return 1;
}

const char *
tsv_raw(const struct tsv_in *in, size_t col, size_t *len)
{
	*len = in->flen[col];
	return in->line + in->fstart[col];
}

void
tsv_get(const struct tsv_in *in, size_t col, struct buf *b)
{
	tsv_unescape(b, in->line + in->fstart[col], in->flen[col]);
}

void
tsv_set(struct tsv_in *in, size_t col, const char *s, size_t n)
{
	buf_clear(&in->value[col]);
	tsv_escape(&in->value[col], s, n);
	in->isset[col] = 1;
}

void
tsv_set_escaped(struct tsv_in *in, size_t col, const char *s, size_t n)
{
	buf_clear(&in->value[col]);
	buf_add(&in->value[col], s, n);
	in->isset[col] = 1;
}

void
tsv_unset_all(struct tsv_in *in)
{
	memset(in->isset, 0, in->nout);
}

void
tsv_write_row(struct tsv_in *in)
{
	size_t i;

	for (i = 0; i < in->nout; i++) {
		if (i > 0)
			out_tab();
		if (in->isset[i])
			out_write(in->value[i].data, in->value[i].len);
		else if (i < in->ncols)
			out_write(in->line + in->fstart[i], in->flen[i]);
	}
	out_end_row();
}

int
tsv_close(struct tsv_in *in)
{
	size_t i;

	if (in->fp != NULL)
		close_file(in);
	for (i = 0; i < in->nout; i++) {
		free(in->cols[i]);
		buf_free(&in->value[i]);
	}
	free(in->cols);
	free(in->value);
	free(in->isset);
	free(in->fstart);
	free(in->flen);
	free(in->line);
	free(in->header_file);
	buf_free(&in->header);
	return in->status;
}

/* Decoding table: the byte after a backslash -> the byte it stands for. */
static const char unescape_map[256] = {
	['\\'] = '\\', ['t'] = '\t', ['n'] = '\n', ['r'] = '\r',
};

void
tsv_unescape(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n, *p;
	char c;

	buf_reserve(b, n);
	while (s < end) {
		p = memchr(s, '\\', (size_t)(end - s));
		if (p == NULL || p + 1 == end) {
			buf_add(b, s, (size_t)(end - s));
			return;
		}
		buf_add(b, s, (size_t)(p - s));
		c = unescape_map[(unsigned char)p[1]];
		if (c != 0)
			buf_addc(b, c);
		else
			buf_add(b, p, 2);	/* an unknown pair stays itself */
		s = p + 2;
	}
}

void
tsv_escape(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n;

	buf_reserve(b, n);
	for (; s < end; s++) {
		switch (*s) {
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		default:   buf_addc(b, *s); break;
		}
	}
}

/* Finished document names: stored as a length-prefixed copy. */
static char *
doc_slot_key(const char *e, size_t *n)
{
	memcpy(n, e, sizeof(*n));
	return (char *)e + sizeof(*n);
}

static int
doc_set_has(const struct doc_seen *d, const char *s, size_t n, size_t *slot)
{
	size_t i = (size_t)hash_bytes(s, n) & (d->cap - 1), kn;
	const char *k;

	for (;; i = (i + 1) & (d->cap - 1)) {
		if (d->names[i] == NULL) {
			*slot = i;
			return 0;
		}
		k = doc_slot_key(d->names[i], &kn);
		if (kn == n && memcmp(k, s, n) == 0)
			return 1;
	}
}

static void
doc_set_add(struct doc_seen *d, const char *s, size_t n)
{
	char **old = d->names, *e;
	size_t oldcap = d->cap, i, slot, kn;
	const char *k;

	if (d->count + 1 > d->cap / 2) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->names = xreallocarray(NULL, d->cap, sizeof(*d->names));
		memset(d->names, 0, d->cap * sizeof(*d->names));
		for (i = 0; i < oldcap; i++) {
			if (old[i] == NULL)
				continue;
			k = doc_slot_key(old[i], &kn);
			doc_set_has(d, k, kn, &slot);
			d->names[slot] = old[i];
		}
		free(old);
	}
	if (doc_set_has(d, s, n, &slot))
		return;
	e = xmalloc(sizeof(n) + n);
	memcpy(e, &n, sizeof(n));
	memcpy(e + sizeof(n), s, n);
	d->names[slot] = e;
	d->count++;
}

int
doc_start(struct doc_seen *d, const struct tsv_in *in, const char *doc, size_t n)
{
	size_t slot;
	struct buf shown = BUF_INIT;

	if (d->any && d->current.len == n && memcmp(d->current.data, doc, n) == 0)
		return 0;
	if (d->any)
		doc_set_add(d, d->current.data, d->current.len);
	if (d->cap > 0 && doc_set_has(d, doc, n, &slot)) {
		tsv_unescape(&shown, doc, n);
		tsv_die(in, "document '%s' appears again", buf_cstr(&shown));
	}
	buf_clear(&d->current);
	buf_reserve(&d->current, n);	/* data is never NULL, even for doc '' */
	buf_add(&d->current, doc, n);
	d->any = 1;
	return 1;
}

void
doc_seen_free(struct doc_seen *d)
{
	size_t i;

	for (i = 0; i < d->cap; i++)
		free(d->names[i]);
	free(d->names);
	buf_free(&d->current);
	memset(d, 0, sizeof(*d));
}
