/*
 * split_doc: an article to paragraphs, line units and sentence rows.
 *
 * Paragraphs follow FORMAT.md: a whitespace-only line is blank and ends a
 * paragraph; a block of non-blank lines is one paragraph when every line
 * but its last has at most 80 characters (hard-wrapped text), otherwise
 * each line is a paragraph (web text).  Inside a paragraph a line break is
 * a space, except after a line that stands on its own (see stands_alone),
 * which ends its unit.  A dateline at the start of the article is a row of
 * its own.  Each unit is then cut into sentences (sentence.c).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "out.h"
#include "sentence.h"
#include "split.h"
#include "utf8.h"

enum {
	WRAP_LIMIT = 80,	/* FORMAT.md: longest line of a hard-wrapped block */
	MIN_WRAP = 40,		/* narrowest wrap width assumed for early breaks */
	PROSE_WORDS = 10,	/* a sentence this long with a final period is prose */
	DATELINE_PROSE = 2	/* datelines are looked for until this many prose paragraphs */
};

size_t
split_chars(const char *s, size_t n)
{
	size_t i = 0, count = 0;
	long cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			i += utf8_decode(s + i, n - i, &cp);
		count++;
	}
	return count;
}

/* Unicode space characters that make a line blank besides ASCII ones. */
static size_t
uspace_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;				/* NBSP */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xAF))
		return 3;				/* U+2000..200B, 202F */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3;				/* U+205F */
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;				/* U+3000 */
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3;				/* BOM */
	return 0;
}

static int
is_blank(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		if (sent_is_space((unsigned char)s[i]))
			i++;
		else if ((k = uspace_len(s + i, n - i)) > 0)
			i += k;
		else
			return 0;
	}
	return 1;
}

static size_t
trim_end(const char *s, size_t start, size_t end)
{
	while (end > start && sent_is_space((unsigned char)s[end - 1]))
		end--;
	return end;
}

static size_t
skip_space(const char *s, size_t start, size_t end)
{
	while (start < end && sent_is_space((unsigned char)s[start]))
		start++;
	return start;
}

static void
add_row(struct split_doc *d, size_t start, size_t end, unsigned long para,
    unsigned int flags)
{
	struct split_row *r;

	if (d->nrows == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->rows = xreallocarray(d->rows, d->cap, sizeof(*d->rows));
	}
	r = &d->rows[d->nrows++];
	r->start = start;
	r->end = end;
	r->para = para;
	r->flags = flags;
	r->zone = ZONE_BODY;
}

/* Does a list item start at s ("- ", "* ", "• ", "1. ", "2) ")? */
static int
list_marker(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (n >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0)
		return 1;
	while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

/*
 * A line that stands on its own inside a paragraph (a heading, a name, a
 * menu or share line): it has no final . ? ! : or other mark that carries
 * on (, ; -), it is short — it broke before the wrap width, which a
 * wrapped line never does, since the next line's first word would have
 * fit — and the next line starts with a capital, a digit, a quotation
 * mark and a capital, or a list marker.
 */
static int
stands_alone(const char *s, const struct split_span *line, const struct split_span *next,
    size_t width)
{
	size_t end = trim_end(s, line->start, line->end), k, len, w;
	size_t ns = skip_space(s, next->start, next->end);
	unsigned char last;
	int c;

	if (end == line->start || ns == next->end)
		return 0;
	last = (unsigned char)s[end - 1];
	if (strchr(".?!:,;-", last) != NULL || (last >= 0x80 && end - line->start >= 3 &&
	    ((unsigned char)s[end - 3] == 0xE2 && (unsigned char)s[end - 2] == 0x80 &&
	    (last == 0x93 || last == 0x94 || last == 0xA6))))
		return 0;	/* ends in punctuation, – — or … */
	if (list_marker(s + ns, next->end - ns))
		return 1;
	c = sent_letter_case(s + ns, next->end - ns, &len);
	if (c < 0)
		return 0;
	if (c == 0 && !(s[ns] >= '0' && s[ns] <= '9')) {
		if (s[ns] != '"' && s[ns] != '\'' && !(next->end - ns >= 3 &&
		    (unsigned char)s[ns] == 0xE2 && (unsigned char)s[ns + 1] == 0x80 &&
		    ((unsigned char)s[ns + 2] == 0x9C || (unsigned char)s[ns + 2] == 0x98)))
			return 0;
	}
	for (w = ns; w < next->end && !sent_is_space((unsigned char)s[w]); w++)
		;
	if (width == (size_t)-1)
		return 1;
	k = split_chars(s + line->start, end - line->start);
	return k + 1 + split_chars(s + ns, w - ns) <= width;
}

/*
 * Does the line end a sentence: a final . ? ! (after closing quotes and
 * brackets) not after an abbreviation?  A line that stands on its own
 * after such a line is a unit of its own too (a subheading inside a
 * block).
 */
static int
ends_sentence(const char *s, const struct split_span *line)
{
	size_t end = trim_end(s, line->start, line->end), w;
	unsigned char c;

	while (end > line->start) {
		c = (unsigned char)s[end - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']')
			end--;
		else if (end - line->start >= 3 && (unsigned char)s[end - 3] == 0xE2 &&
		    (unsigned char)s[end - 2] == 0x80 && (c == 0x9D || c == 0x99))
			end -= 3;
		else
			break;
	}
	if (end == line->start)
		return 0;
	c = (unsigned char)s[end - 1];
	if (c == '?' || c == '!')
		return 1;
	if (c != '.')
		return 0;
	for (w = end - 1; w > line->start && !sent_is_space((unsigned char)s[w - 1]); w--)
		;
	return sent_abbr_class(s + w, end - 1 - w) == SENT_ABBR_NONE;
}

/* Cut the unit s[start..end) into sentence rows. */
static void
add_sentences(struct split_doc *d, const char *s, size_t start, size_t end,
    unsigned long para, int dateline)
{
	size_t first = d->nrows, len, dl;

	start = skip_space(s, start, end);
	end = trim_end(s, start, end);
	if (dateline && start < end && (dl = split_dateline(s + start, end - start)) > 0) {
		add_row(d, start, start + dl, para, ROW_DATELINE);
		start = skip_space(s, start + dl, end);
		first = d->nrows;
	}
	while (start < end) {
		len = sentence_length(s + start, end - start);
		if (len == 0)		/* cannot happen; never loop forever */
			len = end - start;
		add_row(d, start, start + len, para, 0);
		start = skip_space(s, start + len, end);
	}
	if (d->nrows == first + 1)
		d->rows[first].flags |= ROW_UNIT;
	if (d->nrows > first)
		d->rows[d->nrows - 1].flags |= ROW_SEG_LAST;
}

/* Do the rows from first on hold a sentence of prose (long, with a final mark)? */
static int
prose_paragraph(const struct split_doc *d, const char *s, size_t first)
{
	size_t i, k, words;
	const struct split_row *r;
	unsigned char last;

	for (i = first; i < d->nrows; i++) {
		r = &d->rows[i];
		last = (unsigned char)s[r->end - 1];
		if (last != '.' && last != '?' && last != '!' && last != '"' &&
		    last != 0x9D && last != 0x99)
			continue;
		words = 1;
		for (k = r->start; k < r->end && words < PROSE_WORDS; k++)
			if (s[k] == ' ')
				words++;
		if (words >= PROSE_WORDS)
			return 1;
	}
	return 0;
}

/* One paragraph made of lines[0..nlines). */
static void
add_paragraph(struct split_doc *d, const char *s, const struct split_span *lines,
    size_t nlines, unsigned long para, int *want_dateline)
{
	size_t i, ustart, width = MIN_WRAP, k, first = d->nrows, full = 0;

	if (nlines > 1) {
		for (i = 0; i < nlines; i++) {
			k = split_chars(s + lines[i].start,
			    trim_end(s, lines[i].start, lines[i].end) - lines[i].start);
			if (k > width)
				width = k;
		}
		/*
		 * A block of three lines or more where fewer than half the
		 * lines (but the last) reach 3/4 of the longest is not wrapped
		 * prose but a list of lines (a menu, a banner, a footer): every
		 * line of it counts as short.
		 */
		for (i = 0; i + 1 < nlines; i++)
			if (4 * split_chars(s + lines[i].start, trim_end(s, lines[i].start,
			    lines[i].end) - lines[i].start) >= 3 * width)
				full++;
		if (nlines >= 3 && 2 * full < nlines - 1)
			width = (size_t)-1;
	}
	ustart = 0;
	for (i = 0; i < nlines; i++) {
		if (i + 1 < nlines && !stands_alone(s, &lines[i], &lines[i + 1], width) &&
		    !(i + 2 < nlines && ends_sentence(s, &lines[i]) &&
		    stands_alone(s, &lines[i + 1], &lines[i + 2], width)))
			continue;
		add_sentences(d, s, lines[ustart].start, lines[i].end, para,
		    *want_dateline && ustart == 0);
		ustart = i + 1;
	}
	if (d->nrows > first) {
		d->rows[first].flags |= ROW_PARA_FIRST;
		d->rows[d->nrows - 1].flags |= ROW_PARA_LAST;
		if (d->rows[first].flags & ROW_DATELINE)
			*want_dateline = 0;
	}
	if (*want_dateline && prose_paragraph(d, s, first) && ++d->prose >= DATELINE_PROSE)
		*want_dateline = 0;
}

static void
add_line(struct split_doc *d, size_t start, size_t end)
{
	if (d->nlines == d->linecap) {
		d->linecap = d->linecap ? d->linecap * 2 : 64;
		d->lines = xreallocarray(d->lines, d->linecap, sizeof(*d->lines));
	}
	d->lines[d->nlines].start = start;
	d->lines[d->nlines].end = end;
	d->nlines++;
}

/* The block of lines d->lines: one paragraph or one per line. */
static void
add_block(struct split_doc *d, const char *s, unsigned long *para, int *want_dateline)
{
	size_t i, len;
	int wrapped = 1;

	for (i = 0; i + 1 < d->nlines && wrapped; i++) {
		len = trim_end(s, d->lines[i].start, d->lines[i].end) - d->lines[i].start;
		if (len > WRAP_LIMIT && (len > 4 * WRAP_LIMIT ||
		    split_chars(s + d->lines[i].start, len) > WRAP_LIMIT))
			wrapped = 0;
	}
	if (wrapped) {
		add_paragraph(d, s, d->lines, d->nlines, ++*para, want_dateline);
	} else {
		for (i = 0; i < d->nlines; i++)
			add_paragraph(d, s, &d->lines[i], 1, ++*para, want_dateline);
	}
	d->nlines = 0;
}

void
split_document(struct split_doc *d, const char *s, size_t n)
{
	size_t pos = 0, end, next;
	const char *nl;
	unsigned long para = 0;
	int want_dateline = 1;

	d->nrows = 0;
	d->nlines = 0;
	d->prose = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < n) {
		nl = memchr(s + pos, '\n', n - pos);
		end = nl != NULL ? (size_t)(nl - s) : n;
		next = nl != NULL ? end + 1 : n;
		if (is_blank(s + pos, end - pos)) {
			if (d->nlines > 0)
				add_block(d, s, &para, &want_dateline);
		} else {
			add_line(d, pos, end);
		}
		pos = next;
	}
	if (d->nlines > 0)
		add_block(d, s, &para, &want_dateline);
	split_zones(d, s);
}

void
split_doc_free(struct split_doc *d)
{
	free(d->rows);
	free(d->lines);
	free(d->zone_info);
	memset(d, 0, sizeof(*d));
}

void
split_write_text(const char *s, size_t n)
{
	static struct buf b;
	const char *nl, *end = s + n;
	size_t k;

	k = sent_find4(s, 0, n, '\\', '\t', '\n', '\r');
	if (k == n) {
		out_write(s, n);	/* the common case: nothing to escape */
		return;
	}
	if ((nl = memchr(s + k, '\n', n - k)) == NULL) {
		out_escaped(s, n);
		return;
	}
	buf_clear(&b);
	while (nl != NULL) {
		k = (size_t)(nl - s);
		while (k > 0 && sent_is_space((unsigned char)s[k - 1]))
			k--;
		buf_add(&b, s, k);
		buf_addc(&b, ' ');
		s = nl + 1;
		while (s < end && sent_is_space((unsigned char)*s))
			s++;
		nl = memchr(s, '\n', (size_t)(end - s));
	}
	buf_add(&b, s, (size_t)(end - s));
	out_escaped(b.data, b.len);
}

/* A word of a dateline's place part: "KYIV," "THE" "Feb" "2" "(Reuters)". */
static int
all_caps_word(const char *s, size_t n)
{
	size_t i = 0, len, letters = 0;
	int c;

	while (i < n) {
		c = sent_letter_case(s + i, n - i, &len);
		if (c < 0)
			return 0;
		if (c > 0)
			letters++;
		else if (strchr("/-'.,", s[i]) == NULL || s[i] == '\0')
			return 0;
		i += len;
	}
	return letters >= 2;
}

/*
 * The separator of a dateline: " - ", " -- ", " — ", " – ", "— " or ": ".
 * Returns the offset of its start in *sep and its end, or 0 when the
 * prefix holds sentence punctuation first.
 */
static size_t
dateline_separator(const char *s, size_t n, size_t *sep, int *colon)
{
	size_t i, lim = n < 100 ? n : 100, k;
	const unsigned char *u = (const unsigned char *)s;

	for (i = 1; i < lim; i++) {
		if (s[i] == '?' || s[i] == '!' || s[i] == ';' || s[i] == '"' || s[i] == '\0')
			return 0;
		if (s[i] == ':' && i + 1 < n && sent_is_space(u[i + 1])) {
			*sep = i;
			*colon = 1;
			return i + 1;
		}
		k = 0;
		if (s[i] == '-')
			k = (i + 1 < n && s[i + 1] == '-') ? 2 : 1;
		else if (i + 2 < n && u[i] == 0xE2 && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0x93 || u[i + 2] == 0x94))
			k = 3;
		else if (u[i] == 0xE2 && i + 1 < n && u[i + 1] == 0x80)
			return 0;		/* “ ” and other marks */
		if (k == 0)
			continue;
		if (i + k < n && sent_is_space(u[i + k]) &&
		    (sent_is_space(u[i - 1]) || k == 3)) {
			*sep = sent_is_space(u[i - 1]) ? i - 1 : i;
			*colon = 0;
			return i + k;
		}
	}
	return 0;
}

/* All-capital labels that open a paragraph like a dateline but are none. */
static int
label_word(const char *s, size_t n)
{
	static const char *const labels[] = {
		"WATCH", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "LIVE",
		"ANALYSIS", "OPINION", "PHOTOS", "PHOTO", "VIDEO", "READ", "LISTEN",
		"RELATED", "CORRECTION", "EDITOR'S", "NOTE", "WARNING", "ALERT",
		"FACT", "FILE", "SEE", "MORE", "ALSO", "URGENT", "FLASH",
		"COMMENT", "REVIEW", "INTERVIEW", "PODCAST", "Q&A", "FAQ", NULL
	};
	size_t i, k;

	while (n > 0 && (s[n - 1] == ',' || s[n - 1] == ':'))
		n--;
	for (i = 0; labels[i] != NULL; i++) {
		k = strlen(labels[i]);
		if (k == n && memcmp(labels[i], s, n) == 0)
			return 1;
	}
	return 0;
}

size_t
split_dateline(const char *s, size_t n)
{
	size_t end, sep, i, w, q, words = 0, len;
	int colon, caps, punct = 0, c;

	if (n >= 15 && memcmp(s, "date ", 5) == 0) {
		for (i = 5; i < 15; i++)
			if ((i == 9 || i == 12) ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
				break;
		if (i == 15 && (n == 15 || sent_is_space((unsigned char)s[15])))
			return 15;
	}
	if ((end = dateline_separator(s, n, &sep, &colon)) == 0)
		return 0;
	/* what follows: a capital, a digit or a quotation mark */
	q = skip_space(s, end, n);
	if (q == end || q >= n)
		return 0;
	c = sent_letter_case(s + q, n - q, &len);
	if (c < 0 || (c == 0 && !(s[q] >= '0' && s[q] <= '9') && s[q] != '"' &&
	    (unsigned char)s[q] != 0xE2))
		return 0;
	/* the place part: words that start with a capital, a digit or "(" */
	w = 0;
	while (w < sep) {
		for (i = w; i < sep && s[i] != ' '; i++)
			;
		if (i > w) {
			c = sent_letter_case(s + w, sep - w, &len);
			if (c <= 0 && !(s[w] >= '0' && s[w] <= '9') && s[w] != '(' && s[w] != '/')
				return 0;	/* "/PRNewswire/" is allowed */
			if (memchr(s + w, ',', i - w) != NULL || memchr(s + w, '/', i - w) != NULL ||
			    s[w] == '(')
				punct = 1;
			words++;
		}
		w = i + 1;
	}
	for (i = 0; i < sep && s[i] != ' '; i++)
		;
	caps = all_caps_word(s, i);
	if (caps && label_word(s, i))
		return 0;		/* "WATCH: ...", "UPDATE - ..." */
	if (words == 0 || words > 8)
		return 0;
	if (caps || (punct && (!colon || s[sep - 1] == ')')))
		return end;
	return 0;
}
