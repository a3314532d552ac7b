/*
 * normalize: make a text field reliable to match and count.
 *
 * A field goes through two passes:
 *
 * 1. clean: decode the stream escapes, HTML character references and
 *    UTF-8 (each maximal invalid subpart becomes U+FFFD); repair
 *    mojibake (UTF-8 that was read as Windows-1252 and encoded again);
 *    drop controls and default-ignorable characters; turn every space
 *    character, TAB and line break into one plain space, collapse runs and
 *    trim; fold compatibility forms (full-width, ligatures, math fonts);
 *    give hyphen, dash and minus variants their plain form; then NFC when a
 *    character needs it.
 * 2. punctuate: choose each quotation mark's form from its neighbours,
 *    apostrophes to ASCII, dashes by role (and ASCII forms with --ascii).
 *
 * Plain ASCII runs are copied with no decoding at all; only the bytes a
 * rule can touch take the slow path.
 *
 * Normalizing twice must give the text normalizing once gives.  Each rule
 * is written so, but a few can expose work for another: a repair can make
 * a new mojibake sequence, dropping an invisible character can join "&"
 * and "amp;", a new curly quote after "Ã" spells mojibake.  A field where
 * that can happen (it repaired something, needed NFC, or holds "&" or a
 * Latin-1 letter that can lead a mojibake sequence) is normalized again
 * until it no longer changes (at most a few rounds).
 */
#include <string.h>

#include "normalize.h"
#include "tsv.h"
#include "unicode.h"
#include "utf8.h"

enum {
	S_NFC = 1,		/* a character that NFC may change */
	S_AMP = 2,		/* an '&' stayed in the text */
	S_LEAD = 4,		/* a character that can lead a mojibake sequence */
	S_REPAIR = 8,		/* a mojibake sequence was repaired */
	S_RISKY = S_NFC | S_AMP | S_LEAD | S_REPAIR,
	MAX_ROUNDS = 5
};

void
normalize_init(struct normalizer *nz, int ascii)
{
	memset(nz, 0, sizeof(*nz));
	nz->ascii = ascii;
}

void
normalize_free(struct normalizer *nz)
{
	buf_free(&nz->t1);
	buf_free(&nz->t2);
	buf_free(&nz->t3);
	buf_free(&nz->result);
}

const struct html_entity *
html_entity_find(const char *s, size_t n)
{
	size_t lo = 0, hi = html_entity_count, mid, m;
	const struct html_entity *e;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		e = &html_entities[mid];
		m = e->len < n ? e->len : n;
		c = memcmp(s, e->name, m);
		if (c == 0)
			c = n < e->len ? -1 : n > e->len;
		if (c == 0)
			return e;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* ---------------------------------------------------------------- clean */

/* Bytes the clean pass copies as they are: printable ASCII but & and \. */
static unsigned char plain[256];
/*
 * Bytes where the punctuate pass looks closer: the ASCII marks and the lead
 * bytes of U+0080-U+00BF (guillemets, acute), U+0280-U+02BF (U+02BC) and
 * U+2000-U+2FFF (quotation marks, dashes, ellipsis).
 */
static unsigned char punct_byte[256];
static unsigned char ready;

static void
init_tables(void)
{
	int c;

	for (c = 0x21; c < 0x7F; c++)
		plain[c] = 1;
	plain['&'] = 0;
	plain['\\'] = 0;
	punct_byte['"'] = punct_byte['\''] = punct_byte['-'] = punct_byte['`'] = 1;
	punct_byte[0xC2] = punct_byte[0xCA] = punct_byte[0xE2] = 1;
	ready = 1;
}

struct clean {
	struct buf	*o;		/* the clean text so far */
	unsigned	 flags;		/* S_* */
};

static uint32_t
last_cp(const struct buf *o)
{
	size_t k;
	long cp;

	if (o->len == 0)
		return 0;
	k = utf8_prev_len(o->data, o->len);
	utf8_decode(o->data + o->len - k, k, &cp);
	return cp < 0 ? 0xFFFD : (uint32_t)cp;
}

static void
put_space(struct clean *c)
{
	if (c->o->len > 0 && c->o->data[c->o->len - 1] != ' ')
		buf_addc(c->o, ' ');
}

/*
 * Joiners and variation selectors are ignorable but hold emoji and
 * scripts together: keep them after a character that can take them, one
 * that NFC leaves as it is (so the choice is the same on a second run).
 */
static int
keep_joiner(uint32_t cp, uint32_t prev)
{
	if (!(cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF)))
		return 0;
	return prev >= 0x300 && !(prev >= 0x2000 && prev <= 0x206F) &&
	    (uni_flags(prev) & UNI_NFC) == 0;
}

/* Add one decoded character to the clean text. */
static void
put_cp(struct clean *c, uint32_t cp)
{
	const uint32_t *f;
	unsigned flags;
	size_t i, n;

	if (cp < 0x80) {
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			put_space(c);
		else if (cp >= 0x20 && cp != 0x7F) {
			buf_addc(c->o, (int)cp);
			if (cp == '&')
				c->flags |= S_AMP;
		}
		return;		/* other C0 controls and DEL go */
	}
	if (cp < 0xA0) {	/* C1 controls: NEL is a line break */
		if (cp == 0x85)
			put_space(c);
		return;
	}
	flags = uni_flags(cp);
	if (flags & UNI_SPACE) {
		put_space(c);
		return;
	}
	if (flags & UNI_IGNORE) {
		if (keep_joiner(cp, last_cp(c->o)))
			buf_addcp(c->o, cp);
		return;
	}
	if (flags & UNI_FOLD) {
		f = uni_fold_of(cp, &n);
		for (i = 0; i < n; i++)
			put_cp(c, f[i]);	/* never folded again (generator checks) */
		return;
	}
	switch (cp) {
	case 0x2010:		/* hyphen */
	case 0x2011:		/* non-breaking hyphen */
	case 0x2212:		/* minus sign */
	case 0xFE63:		/* small hyphen-minus */
		buf_addc(c->o, '-');
		return;
	case 0x2012:		/* figure dash: the dash between numbers */
		buf_addcp(c->o, 0x2013);
		return;
	case 0x2015:		/* horizontal bar, the quotation dash */
	case 0xFE58:		/* small em dash */
		buf_addcp(c->o, 0x2014);
		return;
	default:
		break;
	}
	if (flags & UNI_NFC)
		c->flags |= S_NFC;
	if (cp >= 0xC2 && cp <= 0xF4)
		c->flags |= S_LEAD;
	buf_addcp(c->o, cp);
}

/*
 * The byte Windows-1252 (with Latin-1 for its five holes) shows as cp, when
 * that byte is a UTF-8 continuation byte 0x80-0xBF; else 0.
 */
static unsigned
cp1252_cont(uint32_t cp)
{
	if (cp >= 0x80 && cp <= 0xBF)
		return cp;
	switch (cp) {
	case 0x20AC: return 0x80;
	case 0x201A: return 0x82;
	case 0x0192: return 0x83;
	case 0x201E: return 0x84;
	case 0x2026: return 0x85;
	case 0x2020: return 0x86;
	case 0x2021: return 0x87;
	case 0x02C6: return 0x88;
	case 0x2030: return 0x89;
	case 0x0160: return 0x8A;
	case 0x2039: return 0x8B;
	case 0x0152: return 0x8C;
	case 0x017D: return 0x8E;
	case 0x2018: return 0x91;
	case 0x2019: return 0x92;
	case 0x201C: return 0x93;
	case 0x201D: return 0x94;
	case 0x2022: return 0x95;
	case 0x2013: return 0x96;
	case 0x2014: return 0x97;
	case 0x02DC: return 0x98;
	case 0x2122: return 0x99;
	case 0x0161: return 0x9A;
	case 0x203A: return 0x9B;
	case 0x0153: return 0x9C;
	case 0x017E: return 0x9E;
	case 0x0178: return 0x9F;
	default:     return 0;
	}
}

/*
 * Mojibake: lead is U+00C2..U+00F4, the Windows-1252 reading of a UTF-8
 * lead byte; the characters at s (n bytes) may be the readings of its
 * continuation bytes.  When the bytes make one valid UTF-8 character that is
 * plausible in text, store it in *out and return how many bytes of s the
 * sequence used; else 0.  A two-byte result must be a Latin, Greek or basic
 * Cyrillic letter or a Latin-1 sign, so that real text such as "CAFÉ”"
 * (C9 94, U+0254) is left alone.  "â€" alone stands for a right double
 * quotation mark whose last byte was lost.
 */
static size_t
mojibake(uint32_t lead, const char *s, size_t n, uint32_t *out)
{
	char bytes[4];
	size_t need, i, used = 0, k;
	long cp;
	unsigned b;

	need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
	bytes[0] = (char)lead;
	for (i = 1; i <= need; i++) {
		cp = -1;
		k = 0;
		if (used < n && (unsigned char)s[used] >= 0x80)
			k = utf8_decode(s + used, n - used, &cp);
		if (cp < 0 || (b = cp1252_cont((uint32_t)cp)) == 0) {
			/*
			 * "â€" then no third character: the 0x9D of a right
			 * double quotation mark (E2 80 9D), a byte Windows-1252
			 * does not define, was lost on the way.
			 */
			if (i == 2 && lead == 0xE2 && (unsigned char)bytes[1] == 0x80) {
				*out = 0x201D;
				return used;
			}
			return 0;
		}
		bytes[i] = (char)b;
		used += k;
	}
	if (utf8_decode(bytes, need + 1, &cp) != need + 1 || cp < 0)
		return 0;
	if (need == 1 && !((cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x45F)))
		return 0;
	*out = (uint32_t)cp;
	return used;
}

/*
 * A character reference after '&' at s (n bytes): "#123;", "#x7B;" or
 * "name;".  Returns the bytes used (0 when it is none) and the code points.
 * A number that names no character (0, a surrogate, beyond U+10FFFF) is
 * not decoded; 128-159 are read as Windows-1252, as HTML does.
 */
static size_t
char_ref(const char *s, size_t n, uint32_t *cp1, uint32_t *cp2)
{
	const struct html_entity *e;
	uint32_t v = 0;
	size_t i = 0, digits = 0;
	int hex = 0, d;
	unsigned b;

	*cp2 = 0;
	if (n > 0 && s[0] == '#') {
		i = 1;
		if (i < n && (s[i] == 'x' || s[i] == 'X')) {
			hex = 1;
			i++;
		}
		for (; i < n && digits < 8; i++, digits++) {
			if (s[i] >= '0' && s[i] <= '9')
				d = s[i] - '0';
			else if (hex && s[i] >= 'a' && s[i] <= 'f')
				d = s[i] - 'a' + 10;
			else if (hex && s[i] >= 'A' && s[i] <= 'F')
				d = s[i] - 'A' + 10;
			else
				break;
			v = v * (hex ? 16 : 10) + (uint32_t)d;
		}
		if (digits == 0 || i >= n || s[i] != ';' || v == 0 || v > 0x10FFFF ||
		    (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		if (v >= 0x80 && v <= 0x9F) {
			for (b = 0x20; b < 0x3000; b++)	/* the inverse of cp1252_cont */
				if (b >= 0xA0 && cp1252_cont(b) == v)
					break;
			if (b < 0x3000)
				v = b;
		}
		*cp1 = v;
		return i + 1;
	}
	for (i = 0; i < n && i < 40; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			break;
	if (i == 0 || i >= n || s[i] != ';' || (e = html_entity_find(s, i)) == NULL)
		return 0;
	*cp1 = e->cp1;
	*cp2 = e->cp2;
	return i + 1;
}

/*
 * The clean pass: s (n bytes, stream-escaped when escaped is set) into o.
 * Returns the S_* flags.
 */
static unsigned
clean(struct normalizer *nz, const char *s, size_t n, int escaped, struct buf *o)
{
	struct clean c = { o, 0 };
	const char *p = s, *end = s + n;
	char *w;
	uint32_t cp1, cp2;
	size_t k;
	long cp;
	unsigned char b;

	buf_clear(o);
	buf_reserve(o, n + 8);
	w = o->data;
	while (p < end) {
		b = (unsigned char)*p;
		if (plain[b]) {
			*w++ = (char)b;
			p++;
			continue;
		}
		if (b == ' ') {
			if (w != o->data && w[-1] != ' ')
				*w++ = ' ';
			p++;
			continue;
		}
		o->len = (size_t)(w - o->data);
		if (b == '\\') {
			if (!escaped || p + 1 == end) {
				put_cp(&c, '\\');
				p++;
			} else if (p[1] == 't' || p[1] == 'n' || p[1] == 'r') {
				put_space(&c);
				p += 2;
			} else if (p[1] == '\\') {
				put_cp(&c, '\\');
				p += 2;
			} else {
				put_cp(&c, '\\');	/* "\q" stays "\q" */
				p++;
			}
		} else if (b == '&') {
			k = char_ref(p + 1, (size_t)(end - p - 1), &cp1, &cp2);
			if (k == 0) {
				put_cp(&c, '&');
				p++;
			} else {
				p += k + 1;
				/* "&amp;quot;": the '&' starts another reference */
				while (cp1 == '&' && cp2 == 0 &&
				    (k = char_ref(p, (size_t)(end - p), &cp1, &cp2)) != 0)
					p += k;
				put_cp(&c, cp1);
				if (cp2 != 0)
					put_cp(&c, cp2);
			}
		} else if (b < 0x80) {
			put_cp(&c, b);		/* a control */
			p++;
		} else {
			k = utf8_decode(p, (size_t)(end - p), &cp);
			p += k;
			if (cp < 0) {
				nz->invalid++;
				put_cp(&c, 0xFFFD);
			} else if (cp >= 0xC2 && cp <= 0xF4 &&
			    (k = mojibake((uint32_t)cp, p, (size_t)(end - p), &cp1)) != 0) {
				p += k;
				c.flags |= S_REPAIR;
				put_cp(&c, cp1);
			} else
				put_cp(&c, (uint32_t)cp);
		}
		buf_reserve(o, (size_t)(end - p) + 8);
		w = o->data + o->len;
	}
	o->len = (size_t)(w - o->data);
	if (o->len > 0 && o->data[o->len - 1] == ' ')
		o->len--;
	return c.flags;
}

/* ------------------------------------------------------------ punctuate */

enum kind { K_START, K_SPACE, K_OPEN, K_WORD, K_OTHER };

static int
is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD || cp == 0x2BC)
		return 0;	/* U+02BC is an apostrophe mark here */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F))
		return 0;
	return 1;
}

static int
is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

struct punct {
	const char	*s, *end;	/* the clean text */
	struct buf	*o;
	int		 ascii;
	size_t		 open_end;	/* o->len just after an opening mark */
	size_t		 apos_end;	/* o->len just after an apostrophe */
	size_t		 elide_end;	/* o->len just after an elided "'n" */
	int		 sq_open;	/* single quotation marks open */
	int		 dq_open;	/* double quotation marks open */
};

/* The character at p, or 0 at the end. */
static uint32_t
peek(const struct punct *u, const char *p, size_t *len)
{
	long cp;

	if (p >= u->end) {
		*len = 0;
		return 0;
	}
	*len = utf8_decode(p, (size_t)(u->end - p), &cp);
	return cp < 0 ? 0xFFFD : (uint32_t)cp;
}

/* What comes before the next output character. */
static enum kind
prev_kind(const struct punct *u)
{
	uint32_t cp;

	if (u->o->len == 0)
		return K_START;
	if (u->o->len == u->open_end)
		return K_OPEN;
	if (u->o->len == u->apos_end)
		return K_WORD;
	cp = last_cp(u->o);
	switch (cp) {
	case ' ':
		return K_SPACE;
	case '(': case '[': case '{': case '-':
	case 0x2013: case 0x2014: case 0x201C: case 0x2018:
		return K_OPEN;
	default:
		return is_word(cp) ? K_WORD : K_OTHER;
	}
}

/*
 * Words that start with an elided letter: 'em, 'n', 'til, 'tis, 'twas,
 * 'cause.  p is just after the mark.
 */
static int
elision(const struct punct *u, const char *p)
{
	static const char *const words[] = {
		"n", "em", "til", "tis", "twas", "cause", "Tis", "Twas"
	};
	size_t i, n, avail = (size_t)(u->end - p), k;
	uint32_t next;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i]);
		if (avail < n || memcmp(p, words[i], n) != 0)
			continue;
		next = peek(u, p + n, &k);
		if (!is_word(next))
			return 1;
	}
	return 0;
}

static void
put_apostrophe(struct punct *u)
{
	buf_addc(u->o, '\'');
	u->apos_end = u->o->len;
}

static void
put_quote(struct punct *u, int dbl, int open)
{
	if (u->ascii)
		buf_addc(u->o, dbl ? '"' : '\'');
	else
		buf_addcp(u->o, dbl ? (open ? 0x201C : 0x201D) : (open ? 0x2018 : 0x2019));
	if (open)
		u->open_end = u->o->len;
}

/* An em dash; spaced tells --ascii whether "-" or "--" stands for it. */
static void
put_em(struct punct *u, int spaced)
{
	if (!u->ascii)
		buf_addcp(u->o, 0x2014);
	else if (spaced)
		buf_addc(u->o, '-');
	else
		buf_add(u->o, "--", 2);
}

/* A single quotation mark; after points just past it. */
static void
single_mark(struct punct *u, enum kind pk, const char *after)
{
	size_t k, k2, k3;
	uint32_t n1 = peek(u, after, &k), n2, n3;
	uint32_t last = last_cp(u->o);
	int opener = pk == K_START || pk == K_SPACE || pk == K_OPEN;

	if (pk == K_WORD && is_word(n1)) {
		put_apostrophe(u);		/* don't, Ukraine's, O'Neill */
		return;
	}
	if (opener) {
		n2 = peek(u, after + k, &k2);
		n3 = peek(u, after + k + k2, &k3);
		if (is_digit(n1) && is_digit(n2) && !is_digit(n3)) {
			put_apostrophe(u);	/* '90s */
			return;
		}
		if (elision(u, after)) {
			put_apostrophe(u);
			if (n1 == 'n')
				u->elide_end = u->o->len + 1;
			return;
		}
		if (pk == K_SPACE && (n1 == 0 || n1 == ' ') && u->sq_open > 0) {
			u->sq_open--;		/* a stray space before a close */
			put_quote(u, 0, 0);
			return;
		}
		put_quote(u, 0, 1);
		u->sq_open++;
		return;
	}
	if (pk == K_WORD && u->elide_end == u->o->len) {
		put_apostrophe(u);		/* rock 'n' roll */
		return;
	}
	if (pk == K_WORD && u->sq_open == 0 && (last == 's' || last == 'S')) {
		put_apostrophe(u);		/* the troops' morale */
		return;
	}
	if (last == '.' && n1 == 's' && !is_word(peek(u, after + k, &k2))) {
		put_apostrophe(u);		/* the U.S.'s role */
		return;
	}
	if (u->sq_open > 0)
		u->sq_open--;
	put_quote(u, 0, 0);
}

/*
 * A double quotation mark opens after the start, a space, an opening bracket,
 * dash or mark; else it closes.  A mark with a space on both sides (a stray
 * space inside the quotation) closes when a quotation is open in the field.
 */
static void
double_mark(struct punct *u, enum kind pk, uint32_t next)
{
	int open = pk == K_START || pk == K_SPACE || pk == K_OPEN;

	if (pk == K_SPACE && (next == 0 || next == ' ') && u->dq_open > 0)
		open = 0;
	if (open)
		u->dq_open++;
	else if (u->dq_open > 0)
		u->dq_open--;
	put_quote(u, 1, open);
}

/*
 * A spaced dash between numbers ("won 2 - 1", "10 - 12 May") is a score or
 * a range: an en dash, not the em dash of a spaced dash between words.
 */
static void
put_spaced_dash(struct punct *u, const char *after)
{
	const struct buf *o = u->o;

	if (o->len >= 2 && o->data[o->len - 1] == ' ' &&
	    is_digit((unsigned char)o->data[o->len - 2]) &&
	    u->end - after >= 2 && after[0] == ' ' && is_digit((unsigned char)after[1])) {
		if (u->ascii)
			buf_addc(u->o, '-');
		else
			buf_addcp(u->o, 0x2013);
	} else
		put_em(u, 1);
}

/*
 * With --ascii, dashes next to each other can leave "--" between spaces,
 * which a second run reads as one spaced dash: write it as one "-" now.
 */
static void
merge_ascii_dashes(struct buf *o)
{
	size_t i, j, w = 0;

	for (i = 0; i < o->len; i++) {
		if (o->data[i] == '-' && i + 1 < o->len && o->data[i + 1] == '-' &&
		    (i + 2 == o->len || o->data[i + 2] == ' ') &&
		    (i == 0 || o->data[i - 1] == ' ') && !(i == 0 && i + 2 == o->len)) {
			o->data[w++] = '-';
			i++;
			continue;
		}
		if (o->data[i] == '-') {	/* copy a whole run of other length */
			for (j = i; j < o->len && o->data[j] == '-'; j++)
				o->data[w++] = '-';
			i = j - 1;
			continue;
		}
		o->data[w++] = o->data[i];
	}
	o->len = w;
}

static void
punctuate(int ascii, const char *s, size_t n, struct buf *o)
{
	struct punct u = { s, s + n, o, ascii, (size_t)-1, (size_t)-1, (size_t)-1, 0, 0 };
	const char *p = s, *q, *end = s + n, *after;
	enum kind pk;
	uint32_t cp, nx;
	size_t k, k2, run;
	int spaced_before, spaced_after;

	buf_clear(o);
	buf_reserve(o, n + 16);
	while (p < end) {
		for (q = p; q < end && !punct_byte[(unsigned char)*q]; q++)
			;
		buf_add(o, p, (size_t)(q - p));
		if (q == end)
			break;
		p = q;
		cp = peek(&u, p, &k);
		after = p + k;
		pk = prev_kind(&u);
		if (cp == '-') {
			for (run = 1; p + run < end && p[run] == '-'; run++)
				;
			after = p + run;
			nx = peek(&u, after, &k2);
			spaced_before = pk == K_START || pk == K_SPACE;
			spaced_after = nx == 0 || nx == ' ';
			if (run <= 2 && spaced_before && spaced_after &&
			    !(pk == K_START && nx == 0))
				put_spaced_dash(&u, after);
			else if (run == 2 && pk == K_WORD && is_word(nx))
				put_em(&u, 0);
			else
				buf_add(o, p, run);
			p = after;
			continue;
		}
		nx = peek(&u, after, &k2);
		spaced_before = pk == K_START || pk == K_SPACE;
		spaced_after = nx == 0 || nx == ' ';
		switch (cp) {
		case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
			double_mark(&u, pk, nx);
			break;
		case '\'': case 0x2018: case 0x2019: case 0x201B:
			single_mark(&u, pk, after);
			break;
		case '`': case 0xB4: case 0x2BC:
			if (pk == K_WORD && is_word(nx))
				put_apostrophe(&u);
			else
				buf_add(o, p, k);
			break;
		case 0x2013:
			if (spaced_before && spaced_after && !(pk == K_START && nx == 0))
				put_spaced_dash(&u, after);
			else if (ascii)
				buf_addc(o, '-');
			else
				buf_add(o, p, k);
			break;
		case 0x2014:
			put_em(&u, spaced_before || spaced_after);
			break;
		case 0x2026:
			if (ascii)
				buf_add(o, "...", 3);
			else
				buf_add(o, p, k);
			break;
		case 0xAB: case 0xBB:
			if (ascii)
				buf_addc(o, '"');
			else
				buf_add(o, p, k);
			break;
		default:
			buf_add(o, p, k);
			break;
		}
		p = after;
	}
	if (ascii && o->len > 0 && memchr(o->data, '-', o->len) != NULL)
		merge_ascii_dashes(o);
}

/* --------------------------------------------------------------- driver */

/* One round: clean, NFC if needed, punctuate; the result in nz->t3. */
static unsigned
one_round(struct normalizer *nz, const char *s, size_t n, int escaped)
{
	unsigned flags = clean(nz, s, n, escaped, &nz->t1);
	struct buf *text = &nz->t1;

	if (flags & S_NFC) {
		buf_clear(&nz->t2);
		uni_nfc(nz->t1.data, nz->t1.len, &nz->t2);
		text = &nz->t2;
	}
	punctuate(nz->ascii, text->data, text->len, &nz->t3);
	return flags;
}

const char *
normalize_field(struct normalizer *nz, const char *s, size_t n, int escaped,
    size_t *len)
{
	unsigned flags;
	int round;

	if (!ready)
		init_tables();
	flags = one_round(nz, s, n, escaped);
	for (round = 1; (flags & S_RISKY) && round < MAX_ROUNDS; round++) {
		buf_clear(&nz->result);
		buf_add(&nz->result, nz->t3.data, nz->t3.len);
		flags = one_round(nz, nz->result.data, nz->result.len, 0);
		if (nz->t3.len == nz->result.len && (nz->t3.len == 0 ||
		    memcmp(nz->t3.data, nz->result.data, nz->result.len) == 0))
			break;
	}
	if (!escaped || nz->t3.len == 0 || memchr(nz->t3.data, '\\', nz->t3.len) == NULL) {
		*len = nz->t3.len;
		return nz->t3.data != NULL ? nz->t3.data : "";
	}
	buf_clear(&nz->result);
	tsv_escape(&nz->result, nz->t3.data, nz->t3.len);
	*len = nz->result.len;
	return nz->result.data;
}
