/*
 * gazetteer: one open-addressing hash table for the words and names that
 * news-tag-entities knows.  A slot holds a key (bytes with a length), the
 * word's class flags, the length of the longest name that starts with the
 * word, and the name itself when the key is a whole name.  The tagger asks
 * once per word of the text; only words that start some name lead to
 * further lookups of longer spans, so the cost per byte of text stays
 * small whatever the size of the table.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "buf.h"
#include "err.h"
#include "gazetteer.h"
#include "tsv.h"
#include "utf8.h"

const char *const ent_type_name[ENT_NTYPES] = {
	"PER", "ORG", "GPE", "LOC", "NORP", "DATE", "MONEY"
};

/* 32 bytes, so that two slots share a cache line. */
struct slot {
	const char	*key;		/* NULL: empty slot */
	uint32_t	 len;
	uint32_t	 hash;		/* high bits of the full hash */
	uint32_t	 flags;
	uint32_t	 maxlen;	/* longest name starting with this word */
	int32_t		 name;		/* index into names, or -1 */
	uint32_t	 pad;
};

static struct slot *table;
static uint32_t *tags;			/* per slot: hash tag, 0 when empty */
static size_t cap, count;		/* cap is a power of two */
static unsigned char filter[8192];	/* a bit per quick hash of every key */
static struct gaz_name *names;
static size_t nnames, names_cap;
static char **owned;			/* strings copied from user files */
static size_t nowned, owned_cap;


static uint64_t
rehash(const struct slot *s)
{
	return hash_bytes(s->key, s->len);
}

static void
grow(void)
{
	struct slot *old = table;
	size_t oldcap = cap, i, j;

	cap = cap ? cap * 2 : 8192;
	table = xreallocarray(NULL, cap, sizeof(*table));
	memset(table, 0, cap * sizeof(*table));
	free(tags);
	tags = xreallocarray(NULL, cap, sizeof(*tags));
	memset(tags, 0, cap * sizeof(*tags));
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = rehash(&old[i]) & (cap - 1); tags[j] != 0;
		    j = (j + 1) & (cap - 1))
			;
		table[j] = old[i];
		tags[j] = old[i].hash;
	}
	free(old);
}

/*
 * A quick hash of a key's length and first, second and last bytes: most
 * words of a text are in no table, and the filter bit tells so before the
 * full hash and the probe.
 */
static size_t
quick(const char *s, size_t n)
{
	size_t q;

	if (n == 0)
		return 0;
	q = n * 40503u ^ (unsigned char)s[0] * 131u ^
	    (unsigned char)s[n - 1] * 8191u ^ (unsigned char)s[n > 1] * 31u;
	return (q ^ (q >> 16)) & (sizeof(filter) * 8 - 1);
}

/* The slot of key s[0..n); created empty when absent and create is set. */
static struct slot *
find(const char *s, size_t n, int create)
{
	uint64_t h;
	uint32_t tag;
	size_t j, q = quick(s, n);

	if (create)
		filter[q >> 3] |= (unsigned char)(1u << (q & 7));
	else if (!(filter[q >> 3] & (1u << (q & 7))))
		return NULL;
	h = hash_bytes(s, n);
	if (cap == 0) {
		if (!create)
			return NULL;
		grow();
	}
	tag = (uint32_t)(h >> 32) | 1;
	for (j = h & (cap - 1); tags[j] != 0; j = (j + 1) & (cap - 1))
		if (tags[j] == tag && table[j].len == n &&
		    memcmp(table[j].key, s, n) == 0)
			return &table[j];
	if (!create)
		return NULL;
	if ((count + 1) * 4 > cap * 3) {
		grow();
		return find(s, n, create);
	}
	if (n > UINT32_MAX)
		die("gazetteer: name too long");
	table[j].key = s;
	table[j].len = (uint32_t)n;
	table[j].hash = tag;
	tags[j] = tag;
	table[j].flags = 0;
	table[j].maxlen = 0;
	table[j].name = -1;
	count++;
	return &table[j];
}

int
gaz_is_word(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)s[i];
	long cp;

	if (c < 0x80) {
		*len = 1;
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z');
	}
	*len = utf8_decode(s + i, n - i, &cp);
	if (cp < 0)
		return 0;
	if (cp < 0xC0)				/* C1, NBSP, Latin-1 punctuation */
		return 0;
	if (cp == 0xD7 || cp == 0xF7)		/* multiplication, division */
		return 0;
	if (cp >= 0x2000 && cp <= 0x2BFF)	/* punctuation, symbols, arrows */
		return 0;
	if (cp >= 0x3000 && cp <= 0x303F)	/* CJK punctuation */
		return 0;
	if (cp >= 0xFF00 && cp <= 0xFF0F)	/* full-width punctuation */
		return 0;
	if (cp >= 0xFFF0 && cp <= 0xFFFF)	/* specials, U+FFFD */
		return 0;
	if (cp >= 0x1F000 && cp <= 0x1FAFF)	/* emoji and pictographs */
		return 0;
	return 1;
}

size_t
gaz_word_end(const char *s, size_t n, size_t i)
{
	size_t len;

	while (i < n && gaz_is_word(s, n, i, &len))
		i += len;
	return i;
}

static void
add_name(const char *alias, size_t alen, const char *canon, size_t clen,
    int type)
{
	struct slot *w, *a;
	size_t wlen = gaz_word_end(alias, alen, 0);

	if (wlen == 0)
		return;
	a = find(alias, alen, 1);
	if (a->name < 0) {
		if (nnames == names_cap) {
			names_cap = names_cap ? names_cap * 2 : 2048;
			names = xreallocarray(names, names_cap, sizeof(*names));
		}
		a->name = (int32_t)nnames++;
	}
	names[a->name].canon = canon;
	names[a->name].canon_len = clen;
	names[a->name].type = type;
	w = find(alias, wlen, 1);	/* after a: find() may move slots */
	if (w->maxlen < alen)
		w->maxlen = (uint32_t)alen;
}

void
gaz_init(void)
{
	struct slot *w;
	size_t i, n;
	const char *s;

	for (i = 0; i < gaz_nwords; i++) {
		s = gaz_words[i].word;
		n = strlen(s);
		if (n > 1 && s[n - 1] == '.')	/* "Mr." is the word "Mr" */
			n--;
		w = find(s, n, 1);
		w->flags |= gaz_words[i].flags;
	}
	/* gaz_builtin lists each alias once, the hand-made rows first */
	for (i = 0; i < gaz_nbuiltin; i++)
		add_name(gaz_builtin[i].alias, strlen(gaz_builtin[i].alias),
		    gaz_builtin[i].canon, strlen(gaz_builtin[i].canon),
		    gaz_builtin[i].type);
}

unsigned long
gaz_word(const char *s, size_t n, size_t *maxlen)
{
	const struct slot *w = find(s, n, 0);

	if (w == NULL) {
		*maxlen = 0;
		return 0;
	}
	*maxlen = w->maxlen;
	return w->flags;
}

const struct gaz_name *
gaz_lookup(const char *s, size_t n)
{
	const struct slot *a = find(s, n, 0);

	return a == NULL || a->name < 0 ? NULL : &names[a->name];
}

int
ent_type_parse(const char *s, size_t n)
{
	int t;

	for (t = 0; t < ENT_NTYPES; t++)
		if (strlen(ent_type_name[t]) == n &&
		    memcmp(ent_type_name[t], s, n) == 0)
			return t;
	return -1;
}

/* ---- user gazetteer files ---- */

_Noreturn static void
bad_file(const char *path, unsigned long line, const char *msg, const char *arg)
{
	if (arg != NULL)
		warn("%s:%lu: %s '%s'", path, line, msg, arg);
	else
		warn("%s:%lu: %s", path, line, msg);
	finish(2);
}

static char *
keep(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	if (nowned == owned_cap) {
		owned_cap = owned_cap ? owned_cap * 2 : 64;
		owned = xreallocarray(owned, owned_cap, sizeof(*owned));
	}
	owned[nowned++] = p;
	return p;
}

/* Split line[0..n) at tabs into fields (offsets); returns the count. */
static size_t
split_fields(const char *line, size_t n, size_t **start, size_t **flen,
    size_t *fcap)
{
	size_t nf = 0, s = 0, i;

	for (i = 0; i <= n; i++) {
		if (i < n && line[i] != '\t')
			continue;
		if (nf == *fcap) {
			*fcap = *fcap ? *fcap * 2 : 8;
			*start = xreallocarray(*start, *fcap, sizeof(**start));
			*flen = xreallocarray(*flen, *fcap, sizeof(**flen));
		}
		(*start)[nf] = s;
		(*flen)[nf] = i - s;
		nf++;
		s = i + 1;
	}
	return nf;
}

static int
has_byte(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != '\0' && strchr(set, s[i]) != NULL)
			return 1;
	return 0;
}

void
gaz_load(const char *path)
{
	FILE *fp;
	char *line = NULL, *canon;
	size_t linecap = 0, *fs = NULL, *fl = NULL, fcap = 0, nf, hdrf = 0, i;
	size_t ccol = 0, tcol = 0, acol = 0, n, clen;
	ssize_t got;
	unsigned long lineno = 0;
	struct buf header = BUF_INIT, field = BUF_INIT, aliases = BUF_INIT;
	const char *p, *end, *bar;
	int type, have_header = 0, seen;

	if ((fp = fopen(path, "r")) == NULL) {
		warn_errno(path);
		finish(2);
	}
	while ((got = getline(&line, &linecap, fp)) >= 0) {
		n = (size_t)got;
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
			memmove(line, line + 3, n - 3);
			n -= 3;
		}
		nf = split_fields(line, n, &fs, &fl, &fcap);
		if (!have_header) {
			buf_add(&header, line, n);
			hdrf = nf;
			for (seen = 0, i = 0; i < nf; i++) {
				buf_clear(&field);
				tsv_unescape(&field, line + fs[i], fl[i]);
				buf_cstr(&field);
				if (strcmp(field.data, "canonical") == 0)
					ccol = i, seen |= 1;
				else if (strcmp(field.data, "type") == 0)
					tcol = i, seen |= 2;
				else if (strcmp(field.data, "aliases") == 0)
					acol = i, seen |= 4;
			}
			if (!(seen & 1))
				bad_file(path, lineno, "missing column", "canonical");
			if (!(seen & 2))
				bad_file(path, lineno, "missing column", "type");
			if (!(seen & 4))
				bad_file(path, lineno, "missing column", "aliases");
			have_header = 1;
			continue;
		}
		if (n == header.len && memcmp(line, header.data, n) == 0)
			continue;
		if (nf != hdrf) {
			warn("%s:%lu: row has %zu field%s, header has %zu", path,
			    lineno, nf, nf == 1 ? "" : "s", hdrf);
			finish(2);
		}
		buf_clear(&field);
		tsv_unescape(&field, line + fs[tcol], fl[tcol]);
		type = ent_type_parse(field.data, field.len);
		if (type < 0)
			bad_file(path, lineno, "unknown type",
			    buf_cstr(&field));
		buf_clear(&field);
		tsv_unescape(&field, line + fs[ccol], fl[ccol]);
		if (field.len == 0)
			bad_file(path, lineno, "empty canonical name", NULL);
		if (has_byte(field.data, field.len, "|\t\n\r"))
			bad_file(path, lineno,
			    "canonical name holds '|', a tab or a newline", NULL);
		if (gaz_word_end(field.data, field.len, 0) == 0)
			bad_file(path, lineno,
			    "a name must start with a letter or digit", NULL);
		clen = field.len;
		canon = keep(field.data, clen);
		add_name(canon, clen, canon, clen, type);
		buf_clear(&aliases);
		tsv_unescape(&aliases, line + fs[acol], fl[acol]);
		if (has_byte(aliases.data, aliases.len, "\t\n\r"))
			bad_file(path, lineno, "alias holds a tab or a newline", NULL);
		p = aliases.data;
		end = p + aliases.len;
		while (p < end) {
			bar = memchr(p, '|', (size_t)(end - p));
			if (bar == NULL)
				bar = end;
			if (bar > p) {
				if (gaz_word_end(p, (size_t)(bar - p), 0) == 0)
					bad_file(path, lineno,
					    "a name must start with a letter or digit",
					    NULL);
				add_name(keep(p, (size_t)(bar - p)),
				    (size_t)(bar - p), canon, clen, type);
			}
			p = bar + 1;
		}
	}
	if (ferror(fp)) {
		warn_errno(path);
		finish(2);
	}
	fclose(fp);
	free(line);
	free(fs);
	free(fl);
	buf_free(&header);
	buf_free(&field);
	buf_free(&aliases);
}

void
gaz_free(void)
{
	size_t i;

	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(table);
	free(tags);
	free(names);
	table = NULL;
	tags = NULL;
	names = NULL;
	owned = NULL;
	cap = count = nnames = names_cap = nowned = owned_cap = 0;
	memset(filter, 0, sizeof(filter));
}
