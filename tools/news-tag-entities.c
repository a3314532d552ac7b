/*
 * news-tag-entities: find the people, organisations, places, groups, dates
 * and sums of money named in each sentence row and write them, with byte
 * offsets into the row's text and a canonical name, to the entities column.
 *
 * Known names come from the built-in gazetteer (lib/gazetteer.[ch]) and
 * the user's --gazetteer files.  Other names are found from the text:
 * runs of capitalized words, read with the help of the words around them
 * (titles and roles, honorifics, organisation and place head words,
 * speech verbs, appositions, given-name and surname tables).  A document
 * is read twice: the first pass collects the full names it contains, so
 * that in the second a surname or a first name alone, an acronym or a
 * bracketed short form resolves to the full name, wherever in the
 * document it stands.  The rows of a document are held until it ends (or
 * until HOLD_MAX bytes; after that its rows stream with the names seen so
 * far), so memory is bounded by that limit and the longest row.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "gazetteer.h"
#include "opt.h"
#include "out.h"
#include "tsv.h"
#include "utf8.h"

static const char usage[] =
"usage: news-tag-entities [--gazetteer FILE]... [--line-buffered] [file ...]\n"
"\n"
"Tag the names in the text column of a sentence stream (from news-split and\n"
"news-normalize): people (PER), organisations (ORG), countries, cities and\n"
"states (GPE), other places (LOC), nationalities and groups (NORP), dates\n"
"(DATE) and sums of money (MONEY).  The column entities gets one item per\n"
"mention, TYPE:START-END:Canonical Name, joined by '|'; START and END are\n"
"byte offsets into the unescaped text, END exclusive.  Names come from a\n"
"built-in gazetteer and from the text itself (titles, honorifics, speech\n"
"verbs, organisation words, given names); short forms and spelling\n"
"variants take the full name seen in the same document.  Other columns pass\n"
"through; an existing entities column is replaced in place.\n"
"\n"
"Options:\n"
"  -g, --gazetteer FILE  add names from FILE, a stream with the header\n"
"                        'canonical type aliases' (repeatable; wins over the\n"
"                        built-in names)\n"
"  -h, --help            show this help and exit\n"
"      --version         show the version and exit\n"
"      --line-buffered   write each row at once (a document's rows are then\n"
"                        not held back for the look-ahead pass)\n"
"\n"
"Example:\n"
"  $ news-split article.txt | news-normalize | news-tag-entities\n";

enum { OPT_GAZETTEER = OPT_TOOL };

static const struct option longopts[] = {
	{ "gazetteer", required_argument, NULL, OPT_GAZETTEER },
	OPT_COMMON
};

#define HOLD_MAX	(4UL << 20)	/* bytes of one document held back */
#define MAX_PIECE	6		/* words in a name found from the text */
#define SEG_MAX		16384		/* bytes of text tagged at a time */
#define DOC_NAMES_MAX	65536		/* short forms remembered per document */

/* Token classes. */
#define T_CAP		0x01	/* starts with a capital letter */
#define T_LOWER		0x02	/* starts with a small letter */
#define T_DIGIT		0x04	/* starts with a digit */
#define T_ALLCAP	0x08	/* two or more letters, all capitals */
#define T_CAMEL		0x10	/* a capital after a small letter: LinkedIn */
#define T_POSS		0x20	/* the s of 's or ’s */
#define T_INITIAL	0x40	/* first word of a sentence or clause */
#define T_HASDIGIT	0x80

/* 40 bytes: the first pass keeps these for the second (tokcache). */
struct tok {
	size_t		 s, e;		/* bytes of the word in the text */
	uint32_t	 wf;		/* word classes (W_* fit in 32 bits) */
	uint32_t	 gmax;		/* longest name starting here, capped */
	uint32_t	 wf2;		/* the same for the title-cased word */
	uint32_t	 gmax2;
	unsigned char	 cls;
	unsigned char	 brk;		/* the gap before it ends a clause */
	unsigned char	 used;		/* inside a mention already */
};

struct ment {
	size_t		 s, e;
	int		 type;
	const char	*canon;
	size_t		 clen;
};

/* One row's text and what the tagger found in it. */
struct row {
	const char	*t;		/* the unescaped text */
	size_t		 n;
	size_t		 seg_s, seg_e;	/* the part being tagged (see tag_row) */
	struct buf	 tc;		/* text with ALL-CAPS words title-cased */
	int		 have_tc;	/* tc holds a copy of this row's text */
	size_t		 nout;		/* mentions written so far */
	int		 headline;	/* Title Case: read more carefully */
	int		 shouting;	/* mostly in capitals: no acronyms */
	struct tok	*tok;
	size_t		 ntok, tokcap;
	struct ment	*m;
	size_t		 nm, mcap;
};

/* The names of the current document, for short forms (see doc_*). */
struct dname {
	char		*key;		/* NULL: empty slot */
	size_t		 klen;
	char		*canon;		/* NULL: ambiguous */
	size_t		 clen;
	int		 type;
	int		 known;		/* the canonical name is the gazetteer's */
};

static struct dname *dtab;
static size_t dcap, dcount;
static char **pkeys;			/* the one-word person keys of dtab */
static size_t *pklen, npkeys, pkeys_cap;
static int collecting;			/* pass 1: register names only */

/* ---- characters and words ---- */

static int
cp_upper(long cp)
{
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == 0;
	return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

static int
cp_lower(long cp)
{
	if (cp >= 0xDF && cp <= 0xFF)
		return cp != 0xF7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == 1;
	return (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

/* Is t[a..b) an apostrophe (' or ’)? */
static int
is_apos(const char *t, size_t a, size_t b)
{
	return (b == a + 1 && t[a] == '\'') ||
	    (b == a + 3 && memcmp(t + a, "\xE2\x80\x99", 3) == 0);
}

static void
push_tok(struct row *r, size_t s, size_t e, unsigned char cls)
{
	struct tok *k;

	if (r->ntok == r->tokcap) {
		r->tokcap = r->tokcap ? r->tokcap * 2 : 64;
		r->tok = xreallocarray(r->tok, r->tokcap, sizeof(*r->tok));
	}
	k = &r->tok[r->ntok++];
	k->s = s;
	k->e = e;
	k->cls = cls;
	k->brk = 0;
	k->used = 0;
	k->wf = k->wf2 = 0;
	k->gmax = k->gmax2 = 0;
}

/* Does the gap t[a..b) between two words end a clause? */
static int
gap_breaks(const char *t, size_t a, size_t b)
{
	size_t i;

	if (b == a + 1 && t[a] == ' ')
		return 0;
	for (i = a; i < b; i++) {
		switch (t[i]) {
		case '.': case '!': case '?': case ':': case ';': case '"':
		case '(': case '[': case '\n':
			return 1;
		case '\xE2':	/* “ ” ‘ — – */
			if (i + 2 < b + 0 && (unsigned char)t[i + 1] == 0x80 &&
			    ((unsigned char)t[i + 2] == 0x9C ||
			    (unsigned char)t[i + 2] == 0x9D ||
			    (unsigned char)t[i + 2] == 0x98 ||
			    (unsigned char)t[i + 2] == 0x94 ||
			    (unsigned char)t[i + 2] == 0x93))
				return 1;
			break;
		}
	}
	return 0;
}

/* ASCII word characters: 'U'pper, 'L'ower, 'D'igit; 0 for the rest. */
static const char ascii_kind[128] = {
	['0'] = 'D', ['1'] = 'D', ['2'] = 'D', ['3'] = 'D', ['4'] = 'D',
	['5'] = 'D', ['6'] = 'D', ['7'] = 'D', ['8'] = 'D', ['9'] = 'D',
	['A'] = 'U', ['B'] = 'U', ['C'] = 'U', ['D'] = 'U', ['E'] = 'U',
	['F'] = 'U', ['G'] = 'U', ['H'] = 'U', ['I'] = 'U', ['J'] = 'U',
	['K'] = 'U', ['L'] = 'U', ['M'] = 'U', ['N'] = 'U', ['O'] = 'U',
	['P'] = 'U', ['Q'] = 'U', ['R'] = 'U', ['S'] = 'U', ['T'] = 'U',
	['U'] = 'U', ['V'] = 'U', ['W'] = 'U', ['X'] = 'U', ['Y'] = 'U',
	['Z'] = 'U',
	['a'] = 'L', ['b'] = 'L', ['c'] = 'L', ['d'] = 'L', ['e'] = 'L',
	['f'] = 'L', ['g'] = 'L', ['h'] = 'L', ['i'] = 'L', ['j'] = 'L',
	['k'] = 'L', ['l'] = 'L', ['m'] = 'L', ['n'] = 'L', ['o'] = 'L',
	['p'] = 'L', ['q'] = 'L', ['r'] = 'L', ['s'] = 'L', ['t'] = 'L',
	['u'] = 'L', ['v'] = 'L', ['w'] = 'L', ['x'] = 'L', ['y'] = 'L',
	['z'] = 'L',
};

static void title_case(struct row *);

static void
tokenize(struct row *r)
{
	const char *t = r->t;
	size_t n = r->seg_e, i = r->seg_s, len, s, k, ml;
	unsigned char cls;
	int upper, lower, letters, prev_lower, any_allcap = 0, kind;
	long cp;
	struct tok *tk;

	r->ntok = 0;
	while (i < n) {
		if ((unsigned char)t[i] < 0x80) {
			if (ascii_kind[(unsigned char)t[i]] == 0) {
				i++;
				continue;
			}
		} else if (!gaz_is_word(t, n, i, &len)) {
			i += len;
			continue;
		}
		s = i;
		cls = 0;
		upper = lower = letters = prev_lower = 0;
		for (;;) {
			unsigned char c;

			if (i >= n)
				break;
			c = (unsigned char)t[i];
			if (c < 0x80) {
				kind = ascii_kind[c];
				if (kind == 0)
					break;
				len = 1;
			} else {
				if (!gaz_is_word(t, n, i, &len))
					break;
				utf8_decode(t + i, n - i, &cp);
				kind = cp_upper(cp) ? 'U' : cp_lower(cp) ? 'L' : 'O';
			}
			if (i == s)
				cls |= kind == 'U' ? T_CAP : kind == 'L' ? T_LOWER :
				    kind == 'D' ? T_DIGIT : 0;
			if (kind == 'D')
				cls |= T_HASDIGIT;
			if (kind == 'U') {
				upper++;
				if (prev_lower)
					cls |= T_CAMEL;
			}
			if (kind == 'U' || kind == 'L' || kind == 'O')
				letters++;
			i += len;
			if (kind == 'L') {
				/* the common case: a run of small ASCII letters */
				lower++;
				while (i < n && (unsigned char)t[i] >= 'a' &&
				    (unsigned char)t[i] <= 'z')
					i++;
				prev_lower = 1;
			} else
				prev_lower = 0;
		}
		if (upper >= 2 && lower == 0) {
			cls |= T_ALLCAP;
			any_allcap = 1;
		}
		push_tok(r, s, i, cls);
	}
	/* possessive s, sentence starts */
	for (k = 0; k < r->ntok; k++) {
		tk = &r->tok[k];
		if (k == 0) {
			tk->cls |= T_INITIAL;
			continue;
		}
		if (tk->e == tk->s + 1 && t[tk->s] == 's' &&
		    is_apos(t, r->tok[k - 1].e, tk->s))
			tk->cls |= T_POSS;
		if (gap_breaks(t, r->tok[k - 1].e, tk->s)) {
			/* "U.S. troops", "Mr. Smith": a dot after an abbreviation */
			const struct tok *p = &r->tok[k - 1];

			tk->brk = 1;
			if (tk->s == p->e + 2 && t[p->e] == '.' &&
			    (p->e - p->s == 1 || (p->cls & T_ALLCAP)))
				continue;
			tk->cls |= T_INITIAL;
		}
	}
	if (any_allcap)
		title_case(r);
	for (k = 0; k < r->ntok; k++) {
		tk = &r->tok[k];
		tk->wf = (uint32_t)gaz_word(t + tk->s, tk->e - tk->s, &ml);
		tk->gmax = ml > UINT32_MAX ? UINT32_MAX : (uint32_t)ml;
		if ((tk->cls & T_ALLCAP) && r->have_tc) {
			tk->wf2 = (uint32_t)gaz_word(r->tc.data + tk->s,
			    tk->e - tk->s, &ml);
			tk->gmax2 = ml > UINT32_MAX ? UINT32_MAX : (uint32_t)ml;
		}
	}
}

/*
 * The title-cased copy for names in capitals: THE HAGUE -> The Hague.  One
 * copy of the whole text per row, so that canonical names that point into
 * it stay valid while later parts are tagged.
 */
static void
title_case(struct row *r)
{
	const struct tok *tk;
	size_t k, j;

	if (!r->have_tc) {
		buf_clear(&r->tc);
		buf_add(&r->tc, r->t, r->n);
		r->have_tc = 1;
	}
	for (k = 0; k < r->ntok; k++) {
		tk = &r->tok[k];
		if (!(tk->cls & T_ALLCAP))
			continue;
		for (j = tk->s + 1; j < tk->e; j++)
			if (r->tc.data[j] >= 'A' && r->tc.data[j] <= 'Z')
				r->tc.data[j] += 'a' - 'A';
	}
}

/* Title Case rows (most headlines): fewer guesses there. */
static int
is_headline(const struct row *r)
{
	size_t k, cap = 0;
	const struct tok *tk;

	for (k = 0; k < r->ntok; k++) {
		tk = &r->tok[k];
		if ((tk->wf & W_CONNECTOR) || (tk->cls & T_POSS))
			continue;
		if (tk->cls & T_CAP)
			cap++;
		else if ((tk->cls & T_LOWER) && !(tk->wf & W_MINOR))
			return 0;	/* most rows end here, after a few words */
	}
	return cap >= 3;
}

/* A row mostly in capitals (a headline or a caption in capitals). */
static int
is_shouting(const struct row *r)
{
	size_t k, caps = 0, words = 0;

	for (k = 0; k < r->ntok; k++) {
		if (r->tok[k].cls & (T_DIGIT | T_POSS))
			continue;
		words++;
		if (r->tok[k].cls & T_ALLCAP)
			caps++;
	}
	return words >= 3 && caps * 5 >= words * 3;
}

/* ---- mentions ---- */

static struct ment *
emit(struct row *r, size_t a, size_t b, int type, const char *canon,
    size_t clen)
{
	struct ment *m;
	size_t k, i;

	for (k = a; k < b; k++)
		r->tok[k].used = 1;
	if (r->nm == r->mcap) {
		r->mcap = r->mcap ? r->mcap * 2 : 16;
		r->m = xreallocarray(r->m, r->mcap, sizeof(*r->m));
	}
	/* keep them in text order: nearly always appended at the end */
	i = r->nm++;
	while (i > 0 && r->m[i - 1].s > r->tok[a].s) {
		r->m[i] = r->m[i - 1];
		i--;
	}
	m = &r->m[i];
	m->s = r->tok[a].s;
	m->e = r->tok[b - 1].e;
	m->type = type;
	m->canon = canon;
	m->clen = clen;
	return m;
}

/* A mention whose bytes are not exactly its words (U.S. with its dot, $5m). */
static void
emit_bytes(struct row *r, size_t a, size_t b, size_t s, size_t e, int type,
    const char *canon, size_t clen)
{
	struct ment *m = emit(r, a, b, type, canon, clen);

	m->s = s;
	m->e = e;
}

/* ---- the document's own names ---- */

static struct dname *
doc_slot(const char *k, size_t n)
{
	size_t j;

	if (dcap == 0)
		return NULL;
	for (j = hash_bytes(k, n) & (dcap - 1); dtab[j].key != NULL;
	    j = (j + 1) & (dcap - 1))
		if (dtab[j].klen == n && memcmp(dtab[j].key, k, n) == 0)
			return &dtab[j];
	return &dtab[j];
}

static const struct dname *
doc_lookup(const char *k, size_t n)
{
	const struct dname *d = doc_slot(k, n);

	return d == NULL || d->key == NULL || d->canon == NULL ? NULL : d;
}

static void
doc_add(const char *k, size_t n, const char *canon, size_t clen, int type,
    int known)
{
	struct dname *d, *old;
	size_t oldcap, i;

	if (!collecting || n == 0 || dcount >= DOC_NAMES_MAX)
		return;
	if ((dcount + 1) * 2 > dcap) {
		old = dtab;
		oldcap = dcap;
		dcap = dcap ? dcap * 2 : 64;
		dtab = xreallocarray(NULL, dcap, sizeof(*dtab));
		memset(dtab, 0, dcap * sizeof(*dtab));
		dcount = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].key != NULL) {
				d = doc_slot(old[i].key, old[i].klen);
				*d = old[i];
				dcount++;
			}
		free(old);
	}
	d = doc_slot(k, n);
	if (d->key != NULL) {
		if (d->canon != NULL && (d->type != type || d->clen != clen ||
		    memcmp(d->canon, canon, clen) != 0)) {
			free(d->canon);
			d->canon = NULL;	/* two people share it */
		}
		return;
	}
	d->key = xmalloc(n);
	memcpy(d->key, k, n);
	d->klen = n;
	d->canon = xmalloc(clen ? clen : 1);
	memcpy(d->canon, canon, clen);
	d->clen = clen;
	d->type = type;
	d->known = known;
	dcount++;
	if (type == ENT_PER && memchr(k, ' ', n) == NULL) {
		if (npkeys == pkeys_cap) {
			pkeys_cap = pkeys_cap ? pkeys_cap * 2 : 64;
			pkeys = xreallocarray(pkeys, pkeys_cap, sizeof(*pkeys));
			pklen = xreallocarray(pklen, pkeys_cap, sizeof(*pklen));
		}
		pklen[npkeys] = n;
		pkeys[npkeys++] = d->key;
	}
}

static void
doc_clear(void)
{
	size_t i;

	for (i = 0; i < dcap; i++) {
		free(dtab[i].key);
		free(dtab[i].canon);
	}
	free(dtab);
	dtab = NULL;
	dcap = dcount = 0;
	npkeys = 0;
}

/* A word that may stand for a person on its own. */
static int
name_word(const struct tok *tk)
{
	return (tk->cls & T_CAP) && !(tk->cls & T_HASDIGIT) &&
	    !(tk->wf & (W_STOP | W_TITLE | W_HONORIFIC | W_PARTICLE | W_MONTH |
	    W_WEEKDAY | W_ORGHEAD | W_CONNECTOR)) && tk->e - tk->s > 1;
}

/* Remember a person's full name so that its parts resolve to it. */
static void
doc_person(const struct row *r, size_t a, size_t b, const char *canon,
    size_t clen, int known)
{
	const struct tok *ta = &r->tok[a], *tb = &r->tok[b - 1];
	const char *t = r->t;
	size_t cw;

	if (!collecting || memchr(canon, ' ', clen) == NULL)
		return;
	doc_add(t + ta->s, tb->e - ta->s, canon, clen, ENT_PER, known);
	if (b - a >= 2) {
		if (name_word(ta))
			doc_add(t + ta->s, ta->e - ta->s, canon, clen, ENT_PER,
			    known);
		if (name_word(tb))
			doc_add(t + tb->s, tb->e - tb->s, canon, clen, ENT_PER,
			    known);
		if (b - a >= 3)
			doc_add(t + r->tok[a + 1].s, tb->e - r->tok[a + 1].s,
			    canon, clen, ENT_PER, known);
	}
	/* the canonical name's own first and last words: Keith Kellogg ->
	 * Keith, Kellogg */
	for (cw = clen; cw > 0 && canon[cw - 1] != ' '; cw--)
		;
	if (cw > 0 && clen - cw > 2)
		doc_add(canon + cw, clen - cw, canon, clen, ENT_PER, known);
	for (cw = 0; cw < clen && canon[cw] != ' '; cw++)
		;
	if (cw > 2 && cw < clen && canon[0] >= 'A' && canon[0] <= 'Z')
		doc_add(canon, cw, canon, clen, ENT_PER, known);
}

/* An organisation's initials: World Health Organization -> WHO. */
static void
doc_org(const struct row *r, size_t a, size_t b, const char *canon,
    size_t clen, int type)
{
	char ini[16];
	size_t k, n = 0;

	if (!collecting || b - a < 2)
		return;
	for (k = a; k < b && n < sizeof(ini); k++) {
		if (r->tok[k].wf & W_CONNECTOR)
			continue;
		if (!(r->tok[k].cls & T_CAP))
			return;
		ini[n++] = r->t[r->tok[k].s];
	}
	if (n >= 2 && n < sizeof(ini))
		doc_add(ini, n, canon, clen, type, 0);
}

static int word_is_n(const struct row *, const struct tok *, const char *,
    size_t);

/*
 * Veltrix Systems -> Veltrix, Reform Party -> Reform, Selby United -> Selby:
 * a brand word before a company's, a party's or a club's head word names it
 * alone later on.  Not for heads named after their place (Hexley Council).
 */
static int
brand_head(const struct row *r, const struct tok *tk)
{
	static const char *const w[] = { "Party", "Group", "Inc", "Ltd", "LLC",
	    "plc", "PLC", "Corp", "Corporation", "Company", "Holdings",
	    "Airlines", "Airways", "Motors", "Cars", "Systems", "Technologies",
	    "Industries", "Pharmaceuticals", "Pharma", "Labs", "Laboratories",
	    "Studios", "Records", "Entertainment", "Communications", "Telecom",
	    "Electronics", "Semiconductor", "Semiconductors", "Securities",
	    "Networks", "Energy", "Petroleum", "Steel", "Mining", "Capital",
	    "Partners", "Ventures", "Investments", "Insurance", "Therapeutics",
	    "Biosciences", "Bancorp", "United", "FC", "AFC", "Rovers",
	    "Athletic", "Wanderers", "Rangers", "Albion", "Hotspur", "Foods",
	    "Brands", "Beverages", "Stores", "Logistics", "Software", "Robotics",
	    "Aerospace", "Automotive", "Chemicals", "Resources", "Minerals",
	    "AG", "SA", "SE", "NV", "GmbH", "ASA", "Oyj", "SpA", NULL };
	size_t i;

	for (i = 0; w[i] != NULL; i++)
		if (word_is_n(r, tk, w[i], strlen(w[i])))
			return 1;
	return 0;
}

static void
doc_brand(const struct row *r, size_t a, size_t b, const char *canon,
    size_t clen)
{
	const struct tok *ta = &r->tok[a];

	if (!collecting || b - a != 2 || !name_word(ta) || ta->gmax != 0 ||
	    ta->gmax2 != 0 || (ta->wf & (W_PORTFOLIO | W_FIRST)) ||
	    !brand_head(r, &r->tok[b - 1]))
		return;
	doc_add(r->t + ta->s, ta->e - ta->s, canon, clen, ENT_ORG, 0);
}

/*
 * "the Commission" for the European Commission: an organisation's head word
 * (the last organisation word before "of", "for") stands for it.
 */
static void
doc_orghead(const char *canon, size_t clen)
{
	size_t i = 0, s, hs = 0, hn = 0, ml;
	unsigned long wf;

	if (!collecting)
		return;
	while (i < clen) {
		for (s = i; i < clen && canon[i] != ' '; i++)
			;
		wf = gaz_word(canon + s, i - s, &ml);
		if ((wf & W_CONNECTOR) && canon[s] >= 'a' && canon[s] <= 'z')
			break;
		if ((wf & W_ORGHEAD) && canon[s] >= 'A' && canon[s] <= 'Z') {
			hs = s;
			hn = i - s;
		}
		i++;
	}
	if (hn > 0 && hn < clen)
		doc_add(canon + hs, hn, canon, clen, ENT_ORG, 0);
}

/* "Party for Freedom (PVV)": the bracketed capitals name the same. */
static void
doc_bracket(const struct row *r, size_t b, const char *canon, size_t clen,
    int type)
{
	const struct tok *nx;

	if (!collecting || b >= r->ntok)
		return;
	nx = &r->tok[b];
	if (!(nx->cls & T_ALLCAP) || nx->s < 2 || nx->e >= r->n ||
	    r->t[nx->e] != ')' || r->t[nx->s - 1] != '(' ||
	    nx->s - 2 != r->tok[b - 1].e || r->t[nx->s - 2] != ' ')
		return;
	doc_add(r->t + nx->s, nx->e - nx->s, canon, clen, type, 0);
}

/* ---- gazetteer matches ---- */

/*
 * The longest known name starting at token i: its last token in *last,
 * its end byte in *end (a final dot may belong to it).  Tries the text as
 * it is, then the title-cased copy for words in capitals.
 */
static const struct gaz_name *
gaz_at(struct row *r, size_t i, size_t *last, size_t *end)
{
	const struct tok *ti = &r->tok[i];
	const struct gaz_name *g;
	const char *src;
	size_t j, jmax, e, gmax, pass, dot;

	for (pass = 0; pass < 2; pass++) {
		if (pass == 0) {
			src = r->t;
			gmax = ti->gmax;
		} else {
			if (!r->have_tc || !(ti->cls & T_ALLCAP))
				break;
			src = r->tc.data;
			gmax = ti->gmax2;
		}
		if (gmax == 0)
			continue;
		for (jmax = i; jmax + 1 < r->ntok &&
		    r->tok[jmax + 1].e - ti->s <= gmax &&
		    !r->tok[jmax + 1].used; jmax++)
			;
		for (j = jmax + 1; j-- > i;) {
			if (r->tok[j].used)
				continue;
			for (dot = 2; dot-- > 0;) {
				e = r->tok[j].e + dot;
				if (dot && (e > r->n || r->t[e - 1] != '.' ||
				    e - ti->s > gmax))
					continue;
				if (dot && e < r->n) {
					size_t len;

					if (gaz_is_word(r->t, r->n, e, &len))
						continue;
				}
				g = gaz_lookup(src + ti->s, e - ti->s);
				if (g != NULL) {
					*last = j;
					*end = e;
					return g;
				}
			}
		}
	}
	return NULL;
}

/* ---- dates and money ---- */

static long
num_value(const struct row *r, const struct tok *tk)
{
	long v = 0;
	size_t i;

	if (tk->e - tk->s > 6)
		return -1;
	for (i = tk->s; i < tk->e; i++) {
		if (r->t[i] < '0' || r->t[i] > '9')
			return -1;
		v = v * 10 + (r->t[i] - '0');
	}
	return v;
}

static int
sep_is_n(const struct row *r, size_t k, const char *s, size_t n)
{
	size_t a = r->tok[k - 1].e, b = r->tok[k].s;

	return b - a == n && (n == 1 ? r->t[a] == s[0] :
	    memcmp(r->t + a, s, n) == 0);
}

static int
word_is_n(const struct row *r, const struct tok *tk, const char *w, size_t n)
{
	return tk->e - tk->s == n && memcmp(r->t + tk->s, w, n) == 0;
}

/* Literal strings only: the length is known at compile time. */
#define word_is(r, tk, w)	word_is_n(r, tk, w, sizeof(w) - 1)
#define sep_is(r, k, s)		sep_is_n(r, k, s, sizeof(s) - 1)

/* A date starting at token i: returns the last token + 1, or 0. */
static size_t
date_at(const struct row *r, size_t i)
{
	const struct tok *tk = r->tok;
	size_t n = r->ntok, j;
	long v;

	if (tk[i].wf & W_WEEKDAY)
		return i + 1;
	if (tk[i].wf & W_DAYWORD)
		return i + 1;
	if (tk[i].wf & W_MONTH) {
		j = i + 1;
		if (j < n && (sep_is(r, j, " ") || sep_is(r, j, ". ")) &&
		    (v = num_value(r, &tk[j])) > 0) {
			if (v <= 31) {
				if (j + 1 < n && (sep_is(r, j + 1, ", ") ||
				    sep_is(r, j + 1, " ")) &&
				    (v = num_value(r, &tk[j + 1])) >= 1000 &&
				    v <= 2999)
					return j + 2;
				return j + 1;
			}
			if (v >= 1000 && v <= 2999)
				return j + 1;
		}
		/* a full month name alone; not May (a verb) or abbreviations */
		if (tk[i].e - tk[i].s >= 4 && !(tk[i].e - tk[i].s == 3) &&
		    memcmp(r->t + tk[i].s, "May", 3) != 0 &&
		    !(i + 1 < n && sep_is(r, i + 1, ".")))
			return i + 1;
		return 0;
	}
	if (tk[i].cls & T_DIGIT) {
		v = num_value(r, &tk[i]);
		/* 2025-02-02, 02/02/2025 */
		if (i + 2 < n && v >= 1000 && tk[i].e - tk[i].s == 4 &&
		    sep_is(r, i + 1, "-") && sep_is(r, i + 2, "-") &&
		    tk[i + 1].e - tk[i + 1].s == 2 && tk[i + 2].e - tk[i + 2].s == 2 &&
		    num_value(r, &tk[i + 1]) >= 1 && num_value(r, &tk[i + 1]) <= 12)
			return i + 3;
		if (i + 2 < n && v >= 1 && v <= 31 && sep_is(r, i + 1, "/") &&
		    sep_is(r, i + 2, "/") && num_value(r, &tk[i + 1]) >= 1 &&
		    num_value(r, &tk[i + 1]) <= 31 &&
		    tk[i + 2].e - tk[i + 2].s == 4)
			return i + 3;
		/* 2 February [2025] */
		if (v >= 1 && v <= 31 && i + 1 < n && sep_is(r, i + 1, " ") &&
		    (tk[i + 1].wf & W_MONTH)) {
			if (i + 2 < n && sep_is(r, i + 2, " ") &&
			    (v = num_value(r, &tk[i + 2])) >= 1000 && v <= 2999)
				return i + 3;
			return i + 2;
		}
		/* in 2022, since 1991 */
		if (v >= 1900 && v <= 2099 && tk[i].e - tk[i].s == 4 && i > 0 &&
		    sep_is(r, i, " ") && (tk[i - 1].cls & T_LOWER)) {
			if (tk[i - 1].wf & W_YEARPREP)
				return i + 1;
		}
		return 0;
	}
	/* last winter, next week, earlier this month */
	if (tk[i].wf & W_RELDATE) {
		for (j = i + 1; j < n && sep_is(r, j, " ") &&
		    (tk[j].wf & W_RELDATE) && j < i + 3; j++)
			;
		if (j < n && sep_is(r, j, " ") &&
		    (tk[j].wf & (W_SEASON | W_WEEKDAY | W_MONTH)) &&
		    !(tk[j].cls & T_CAP && (tk[j].wf & W_SEASON)))
			return j + 1;
	}
	return 0;
}



/* The currency symbol that ends just before byte e, or 0. */
static size_t
symbol_before(const struct row *r, size_t e)
{
	static const char *const sym[] = { "$", "\xE2\x82\xAC", "\xC2\xA3",
	    "\xC2\xA5", "\xE2\x82\xB4", "\xE2\x82\xBD", "\xE2\x82\xB9", NULL };
	size_t i, n;

	for (i = 0; sym[i] != NULL; i++) {
		n = strlen(sym[i]);
		if (e >= n && memcmp(r->t + e - n, sym[i], n) == 0)
			return n;
	}
	return 0;
}

/*
 * A sum of money starting at token i ($64.1 billion, €5m, US$3bn, 300
 * million euros).  Returns the last token + 1 or 0; the span in *s, *e.
 */
static size_t
money_at(const struct row *r, size_t i, size_t *s, size_t *e)
{
	const struct tok *tk = r->tok;
	size_t n = r->ntok, j, sym, start, d;
	int have_sym = 0;

	start = tk[i].s;
	if (!(tk[i].cls & T_DIGIT)) {
		/* US$5: letters glued to a symbol glued to a number */
		if (!(tk[i].cls & T_ALLCAP) || tk[i].e - tk[i].s > 2 ||
		    i + 1 >= n || !(tk[i + 1].cls & T_DIGIT))
			return 0;
		sym = symbol_before(r, tk[i + 1].s);
		if (sym == 0 || tk[i + 1].s - sym != tk[i].e)
			return 0;
		i++;
		have_sym = 1;
	} else if ((sym = symbol_before(r, tk[i].s)) != 0) {
		start = tk[i].s - sym;
		have_sym = 1;
	}
	/* the number: 64.1, 1,200,000 */
	for (j = i; j + 1 < n && (sep_is(r, j + 1, ".") || sep_is(r, j + 1, ",")) &&
	    (tk[j + 1].cls & T_DIGIT) && (tk[j].cls & T_DIGIT); j++)
		;
	/* a suffix glued to the number: 5m, 3.2bn */
	for (d = tk[j].s; d < tk[j].e && r->t[d] >= '0' && r->t[d] <= '9'; d++)
		;
	if (d < tk[j].e) {
		if (!have_sym)
			return 0;
		if (!(gaz_word(r->t + d, tk[j].e - d, &sym) & W_SCALE))
			return 0;
		*s = start;
		*e = tk[j].e;
		return j + 1;
	}
	if (j + 1 < n && sep_is(r, j + 1, " ") && (tk[j + 1].wf & W_SCALE) &&
	    (tk[j + 1].cls & T_LOWER))
		j++;
	if (j + 1 < n && sep_is(r, j + 1, " ") && (tk[j + 1].wf & W_CURRENCY) &&
	    (tk[j + 1].cls & T_LOWER) && !have_sym)
		j++;
	else if (!have_sym)
		return 0;
	*s = start;
	*e = tk[j].e;
	return j + 1;
}

/* ---- names found from the text ---- */

/* Is there a speech verb right after token b-1 ("X said")? */
static int
cue_after(const struct row *r, size_t b)
{
	const struct tok *tk;

	if (b >= r->ntok)
		return 0;
	tk = &r->tok[b];
	if (tk->cls & T_POSS)
		return 0;
	if (!sep_is(r, b, " "))
		return 0;
	if ((tk->wf & W_CUE) && (tk->cls & T_LOWER))
		return 1;
	/* X has said, X also said */
	if (b + 1 < r->ntok && (tk->cls & T_LOWER) && sep_is(r, b + 1, " ") &&
	    (r->tok[b + 1].wf & W_CUE) && (r->tok[b + 1].cls & T_LOWER) &&
	    (word_is(r, tk, "also") || word_is(r, tk, "has") ||
	    word_is(r, tk, "had") || word_is(r, tk, "later") ||
	    word_is(r, tk, "then") || word_is(r, tk, "previously")))
		return 1;
	return 0;
}

/* "said X", "according to X" */
static int
cue_before(const struct row *r, size_t a)
{
	const struct tok *p;

	if (a == 0 || !sep_is(r, a, " "))
		return 0;
	p = &r->tok[a - 1];
	if ((p->wf & W_CUE) && (p->cls & T_LOWER))
		return 1;
	return a >= 2 && word_is(r, p, "to") && sep_is(r, a - 1, " ") &&
	    (word_is(r, &r->tok[a - 2], "according") ||
	    word_is(r, &r->tok[a - 2], "According"));
}

/* "Andriy Yermak, his chief of staff", "George Kurtz, the CEO of ..." */
static int
apposition(const struct row *r, size_t b)
{
	size_t k;
	const struct tok *tk;

	if (b >= r->ntok || !sep_is(r, b, ", "))
		return 0;

	for (k = b; k < r->ntok && k < b + 5; k++) {
		tk = &r->tok[k];
		if (k > b && !sep_is(r, k, " ") && !(tk->cls & T_POSS))
			return 0;
		if (tk->wf & W_TITLE)
			return 1;
		if ((tk->cls & T_POSS) || tk->gmax > 0 ||
		    (tk->wf & (W_PORTFOLIO | W_DET)))
			continue;
		return 0;
	}
	return 0;
}

/* "Gordon Leech, 61, of ...", "Vitinha, who scored": a person's marks. */
static int
person_after(const struct row *r, size_t b)
{
	const struct tok *tk;

	if (b >= r->ntok || !sep_is(r, b, ", "))
		return 0;
	tk = &r->tok[b];
	if ((tk->cls & T_LOWER) && (word_is(r, tk, "who") ||
	    word_is(r, tk, "whose")))
		return 1;
	return (tk->cls & T_DIGIT) && tk->e - tk->s <= 3 &&
	    num_value(r, tk) >= 1 && num_value(r, tk) <= 120 &&
	    b + 1 < r->ntok && (sep_is(r, b + 1, ", ") || sep_is(r, b + 1, ". "));
}

/* The canonical form of a name found in the text: itself, or title-cased. */
static void
surface(const struct row *r, size_t a, size_t b, const char **p, size_t *n)
{
	size_t k;
	int allcap = r->have_tc && b - a >= 2;

	for (k = a; k < b && allcap; k++)
		if (!(r->tok[k].cls & T_ALLCAP) && !(r->tok[k].wf & W_PARTICLE))
			allcap = 0;
	*p = (allcap ? r->tc.data : r->t) + r->tok[a].s;
	*n = r->tok[b - 1].e - r->tok[a].s;
}

/* Do two words differ by one letter added, dropped, changed or swapped? */
static int
near_spelling(const char *x, size_t nx, const char *y, size_t ny)
{
	size_t i = 0;

	if (nx < 6 || ny < 6 || (nx > ny ? nx - ny : ny - nx) > 1 || x[0] != y[0])
		return 0;
	while (i < nx && i < ny && x[i] == y[i])
		i++;
	if (nx == ny) {
		if (i == nx)
			return 0;	/* the same word */
		if (memcmp(x + i + 1, y + i + 1, nx - i - 1) == 0)
			return 1;	/* one letter changed */
		return i + 1 < nx && x[i] == y[i + 1] && x[i + 1] == y[i] &&
		    memcmp(x + i + 2, y + i + 2, nx - i - 2) == 0;
	}
	if (nx > ny)
		return memcmp(x + i + 1, y + i, nx - i - 1) == 0;
	return memcmp(x + i, y + i + 1, ny - i - 1) == 0;
}

/*
 * A spelling or transliteration variant of a person named in the document
 * (Zelenksiy, Zelenskiy -> Volodymyr Zelensky): the piece's last word is
 * one letter away from a surname the document gave a full name to, and its
 * first word, when it has two, is that name's first word.
 */
/*
 * The same over the built-in people: a surname one letter away from one of
 * theirs (Zelenksiy).  Returns a table entry made for the purpose.
 */
static const struct dname *
gaz_variant(const char *first, size_t fl, const char *last, size_t ll)
{
	static struct dname found;
	static size_t *surnames, *slen;		/* one-word PER aliases */
	static size_t from[257];		/* by first byte */
	static int ready;
	const struct gaz_builtin *g, *hit = NULL;
	size_t i, n, c;

	if (!ready) {
		surnames = xreallocarray(NULL, gaz_nbuiltin, sizeof(*surnames));
		slen = xreallocarray(NULL, gaz_nbuiltin, sizeof(*slen));
		for (n = 0, c = 0; c < 256; c++) {
			from[c] = n;
			for (i = 0; i < gaz_nbuiltin; i++)
				if (gaz_builtin[i].type == ENT_PER &&
				    (unsigned char)gaz_builtin[i].alias[0] == c &&
				    strchr(gaz_builtin[i].alias, ' ') == NULL) {
					slen[n] = strlen(gaz_builtin[i].alias);
					surnames[n++] = i;
				}
		}
		from[256] = n;
		ready = 1;
	}
	if (first == NULL && last == NULL) {	/* the end: free the list */
		free(surnames);
		free(slen);
		return NULL;
	}
	c = (unsigned char)last[0];
	for (i = from[c]; i < from[c + 1]; i++) {
		g = &gaz_builtin[surnames[i]];
		if (!near_spelling(last, ll, g->alias, slen[i]))
			continue;
		n = strlen(g->canon);
		if (first != NULL && (n <= fl || memcmp(g->canon, first, fl) != 0 ||
		    g->canon[fl] != ' '))
			continue;
		if (hit != NULL && strcmp(hit->canon, g->canon) != 0)
			return NULL;
		hit = g;
	}
	if (hit == NULL)
		return NULL;
	found.key = NULL;
	found.canon = (char *)hit->canon;	/* never freed: type only */
	found.clen = strlen(hit->canon);
	found.type = ENT_PER;
	found.known = 1;
	return &found;
}

static const struct dname *
variant_of(const char *first, size_t fl, const char *last, size_t ll,
    int known_only)
{
	const struct dname *d, *hit = NULL;
	size_t i;
	int many = 0;

	if (collecting || dcount > 4096)
		return NULL;
	for (i = 0; i < npkeys; i++) {
		if (pkeys[i][0] != last[0] ||
		    !near_spelling(last, ll, pkeys[i], pklen[i]))
			continue;
		d = doc_slot(pkeys[i], pklen[i]);
		if (d == NULL || d->key == NULL || d->canon == NULL ||
		    d->type != ENT_PER)
			continue;
		if (first != NULL && (d->clen <= fl || memcmp(d->canon,
		    first, fl) != 0 || d->canon[fl] != ' '))
			continue;
		if (known_only && !d->known)
			continue;
		if (hit != NULL && (hit->clen != d->clen ||
		    memcmp(hit->canon, d->canon, d->clen) != 0)) {
			/* two candidates: the gazetteer's, if just one is */
			if (d->known && !hit->known)
				hit = d;
			else if (d->known == hit->known)
				many = 1;
			continue;
		}
		hit = d;
	}
	if (hit == NULL && !many)
		hit = gaz_variant(first, fl, last, ll);
	return many ? NULL : hit;
}

static const struct dname *
doc_variant(const struct row *r, size_t a, size_t b, int known_only)
{
	const struct tok *ta = &r->tok[a], *tb = &r->tok[b - 1];

	return variant_of(b - a >= 2 ? r->t + ta->s : NULL, ta->e - ta->s,
	    r->t + tb->s, tb->e - tb->s, known_only);
}

/* The same for a name the document table gave: Zelenksiy -> Volodymyr
 * Zelenksiy -> Volodymyr Zelensky. */
static const struct dname *
canon_variant(const struct dname *d)
{
	const struct dname *v;
	size_t f, l;

	if (d == NULL || d->type != ENT_PER)
		return d;
	for (f = 0; f < d->clen && d->canon[f] != ' '; f++)
		;
	for (l = d->clen; l > 0 && d->canon[l - 1] != ' '; l--)
		;
	if (f == d->clen)
		return d;
	if (d->known)
		return d;
	v = variant_of(d->canon, f, d->canon + l, d->clen - l, 1);
	return v != NULL ? v : d;
}

static void
emit_person(struct row *r, size_t a, size_t b)
{
	const struct dname *d, *v;
	const char *p;
	size_t n;

	surface(r, a, b, &p, &n);
	d = collecting ? NULL : doc_lookup(r->t + r->tok[a].s,
	    r->tok[b - 1].e - r->tok[a].s);
	if (!collecting && d == NULL && (v = doc_variant(r, a, b, 0)) != NULL)
		d = v;
	else if (!collecting && d != NULL && d->clen == n &&
	    memcmp(d->canon, p, n) == 0 && (v = doc_variant(r, a, b, 1)) != NULL)
		d = v;
	d = canon_variant(d);
	if (d != NULL && d->type == ENT_PER) {
		emit(r, a, b, ENT_PER, d->canon, d->clen);
		return;
	}
	emit(r, a, b, ENT_PER, p, n);
	doc_person(r, a, b, p, n, 0);
}

static void
emit_org(struct row *r, size_t a, size_t b)
{
	const struct tok *tb = &r->tok[b - 1];
	const char *p;
	size_t n;

	surface(r, a, b, &p, &n);
	/* Inc., Ltd., Corp., Co. keep their dot */
	if (tb->e < r->n && r->t[tb->e] == '.' && (word_is(r, tb, "Inc") ||
	    word_is(r, tb, "Ltd") || word_is(r, tb, "Corp") ||
	    word_is(r, tb, "Co")) && b - a >= 2) {
		emit_bytes(r, a, b, r->tok[a].s, tb->e + 1, ENT_ORG, p, n + 1);
		doc_org(r, a, b, p, n + 1, ENT_ORG);
		return;
	}
	emit(r, a, b, ENT_ORG, p, n);
	doc_org(r, a, b, p, n, ENT_ORG);
	doc_brand(r, a, b, p, n);
	doc_bracket(r, b, p, n, ENT_ORG);
	doc_orghead(p, n);
}

/* Is token b the s of a possessive ("X's")? */
static int
poss_after(const struct row *r, size_t b)
{
	return b < r->ntok && (r->tok[b].cls & T_POSS);
}

/* Is token b a bracketed acronym right after the name: "Name (ABC)"? */
static int
bracket_after(const struct row *r, size_t b)
{
	const struct tok *nx;

	if (b >= r->ntok)
		return 0;
	nx = &r->tok[b];
	return (nx->cls & T_ALLCAP) && !(nx->cls & T_HASDIGIT) &&
	    nx->e < r->n && r->t[nx->e] == ')' && sep_is(r, b, " (");
}

/* Rebellion, Movement, Justice: endings of abstract nouns, not of names. */
static int
abstract_noun(const struct row *r, const struct tok *tk)
{
	static const char *const end[] = { "tion", "sion", "ment", "ness",
	    "ity", "ism", "ship", NULL };
	size_t i, n, len = tk->e - tk->s;

	for (i = 0; end[i] != NULL; i++) {
		n = strlen(end[i]);
		if (len > n + 2 && memcmp(r->t + tk->e - n, end[i], n) == 0)
			return 1;
	}
	return 0;
}

/* "at Old Trafford", "in Ribera": a preposition of place before token a. */
static int
place_before(const struct row *r, size_t a)
{
	return a > 0 && sep_is(r, a, " ") &&
	    (r->tok[a - 1].wf & W_PLACEPREP) && (r->tok[a - 1].cls & T_LOWER);
}

/* "Reporting by", "Editing by", "Writing by": a wire credit; token i is
 * "by" and a person's name follows. */
static int
credit_by(const struct row *r, size_t i)
{
	const struct tok *p;

	if (i == 0 || !word_is(r, &r->tok[i], "by") || !sep_is(r, i, " "))
		return 0;
	p = &r->tok[i - 1];
	return word_is(r, p, "Reporting") || word_is(r, p, "reporting") ||
	    word_is(r, p, "Editing") || word_is(r, p, "Writing") ||
	    word_is(r, p, "Compiled") || word_is(r, p, "Photographs") ||
	    word_is(r, p, "Photograph") || word_is(r, p, "Produced");
}

/* KC, MP, OBE: letters after a person's name, not part of it. */
static int
postnominal(const struct row *r, const struct tok *tk)
{
	static const char *const w[] = { "KC", "QC", "MP", "MEP", "MSP", "MLA",
	    "MS", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", NULL };
	size_t i;

	for (i = 0; w[i] != NULL; i++)
		if (word_is_n(r, tk, w[i], strlen(w[i])))
			return 1;
	return 0;
}

/* "of the Diocese of Spokane said", "in Hexley said": "of" or a place
 * preposition before token a, so the word is not the verb's subject ("a
 * spokesperson for Sustrans said" is). */
static int
prep_before(const struct row *r, size_t a)
{
	const struct tok *p;

	if (a == 0 || !sep_is(r, a, " "))
		return 0;
	p = &r->tok[a - 1];
	return (p->cls & T_LOWER) && ((p->wf & W_PLACEPREP) ||
	    word_is(r, p, "of"));
}

/* "University of California, Berkeley": token a follows a name and a comma. */
static int
after_name(const struct row *r, size_t a)
{
	return a > 0 && sep_is(r, a, ", ") && r->tok[a - 1].used;
}

/* Town, City, Borough, County, Village: the end of a place's name. */
static int
place_word(const struct row *r, const struct tok *tk)
{
	return word_is(r, tk, "Town") || word_is(r, tk, "City") ||
	    word_is(r, tk, "Borough") || word_is(r, tk, "County") ||
	    word_is(r, tk, "Village") || word_is(r, tk, "Township");
}

/* ", Malaysia" after token b-1: a country or state that ends a phrase. */
static int
in_country(struct row *r, size_t b)
{
	const struct gaz_name *g;
	size_t last, end;

	if (b >= r->ntok || !sep_is(r, b, ", ") || r->tok[b].gmax == 0 ||
	    (g = gaz_at(r, b, &last, &end)) == NULL || g->type != ENT_GPE)
		return 0;
	/* not "Kane, England captain": the country ends a phrase */
	return !(last + 1 < r->ntok && ((r->tok[last + 1].cls & T_POSS) ||
	    sep_is(r, last + 1, " ")));
}

/* "the Inner Hebrides": a lowercase "the" right before token a. */
static int
the_before(const struct row *r, size_t a)
{
	return a > 0 && sep_is(r, a, " ") && (word_is(r, &r->tok[a - 1], "the") ||
	    word_is(r, &r->tok[a - 1], "The"));
}

/* Storm, Hurricane, Typhoon, Cyclone: a named weather event follows. */
static int
storm_word(const struct row *r, const struct tok *tk)
{
	return word_is(r, tk, "Storm") || word_is(r, tk, "Hurricane") ||
	    word_is(r, tk, "Typhoon") || word_is(r, tk, "Cyclone") ||
	    word_is(r, tk, "Tropical");
}

/* A run of capitalized words [a, b) that no table knows: what is it? */
static void
classify(struct row *r, size_t a, size_t b, int pend)
{
	const struct tok *ta, *tb;
	const struct dname *d, *v;
	size_t nb, k;
	int first, acro, plain;

	while (b - a > MAX_PIECE)
		a++;
	/* Fiona Gallacher KC, Jo Smith MP: a post-nominal is not the name */
	if (b - a >= 2 && (r->tok[b - 1].cls & T_ALLCAP) &&
	    postnominal(r, &r->tok[b - 1]))
		b--;
	ta = &r->tok[a];
	tb = &r->tok[b - 1];
	nb = b - a;
	/* Saint-Germain-des-Prés: part of a longer hyphenated name (not
	 * CrowdStrike-sponsored) */
	if (b < r->ntok && sep_is(r, b, "-") && (r->tok[b].cls & T_LOWER))
		for (k = a + 1; k < b; k++)
			if (sep_is(r, k, "-"))
				return;
	/* R-Fla., D-Conn.: a party and a state after a US politician */
	if (nb == 2 && ta->e - ta->s == 1 && sep_is(r, a + 1, "-"))
		return;
	/* Storm Ingrid, Hurricane Milton: a weather event, not a person */
	if (nb >= 2 && storm_word(r, ta))
		return;
	if (!collecting) {
		/* not in the table: any name one letter away; only itself:
		 * a gazetteer name one letter away */
		d = doc_lookup(r->t + ta->s, tb->e - ta->s);
		v = NULL;
		/* one word after "in", "at", "of" is a place or a body more
		 * often than a misspelt person: Hexley is not Healey */
		if (d == NULL) {
			if (!(nb == 1 && (place_before(r, a) || (a > 0 &&
			    word_is(r, &r->tok[a - 1], "of")))))
				v = doc_variant(r, a, b, 0);
		} else if (d->type == ENT_PER && d->clen == tb->e - ta->s &&
		    memcmp(d->canon, r->t + ta->s, d->clen) == 0)
			v = doc_variant(r, a, b, 1);
		if (v != NULL)
			d = v;
		d = canon_variant(d);
		/* a head word alone (Commission) only as "the Commission" */
		if (d != NULL && d->type == ENT_ORG && nb == 1 &&
		    (ta->wf & W_ORGHEAD) && !(a > 0 && sep_is(r, a, " ") &&
		    (word_is(r, &r->tok[a - 1], "the") ||
		    word_is(r, &r->tok[a - 1], "The"))))
			d = NULL;
		if (d != NULL) {
			emit(r, a, b, d->type, d->canon, d->clen);
			return;
		}
	}
	if (tb->wf & W_EVENT)
		return;				/* Champions League, Liberation Day */
	if (nb >= 2 && ((tb->wf & W_STREET) || (ta->wf & W_GEOPRE)) && !pend &&
	    !r->headline) {
		const char *p;
		size_t n;

		surface(r, a, b, &p, &n);
		emit(r, a, b, ENT_LOC, p, n);
		return;
	}
	first = ((ta->wf | ta->wf2) & W_FIRST) != 0;
	acro = nb == 1 && (ta->cls & T_ALLCAP);
	/* "in Penang, Malaysia", "BRACKLEY, England": a place before its
	 * country or state */
	if (!pend && (!acro || a == 0) && nb <= 2 &&
	    !(ta->wf & (W_STOP | W_TITLE | W_ACRONYM)) &&
	    (place_before(r, a) || a == 0) && in_country(r, b)) {
		const char *p;
		size_t n;

		surface(r, a, b, &p, &n);
		if (acro && r->have_tc)		/* BRACKLEY -> Brackley */
			p = r->tc.data + ta->s;
		emit(r, a, b, ENT_GPE, p, n);
		return;
	}
	/* Harrowgate Town, Westholme Borough: a town or a club, not a person */
	if (nb >= 2 && place_word(r, tb))
		return;
	/* words that look like a name: no digits, no acronyms, no events */
	plain = 1;
	for (k = a; k < b; k++)
		if ((r->tok[k].cls & (T_HASDIGIT | T_ALLCAP)) ||
		    (r->tok[k].wf & (W_EVENT | W_STREET)))
			plain = 0;
	if (nb >= 2 && plain && !r->headline && bracket_after(r, b)) {
		emit_org(r, a, b);		/* New Social Contract (NSC) */
		return;
	}
	if (the_before(r, a) && !pend)
		;			/* "the Golden State Warriors" */
	else if ((pend && !acro) || (nb >= 2 && first) ||
	    (nb >= 2 && (tb->wf & W_SURNAME) && !r->headline) ||
	    (!acro && cue_after(r, b) && (nb >= 2 ||
	    ((ta->wf | ta->wf2) & (W_FIRST | W_SURNAME)))) ||
	    (nb >= 2 && cue_before(r, a)) ||
	    (nb >= 2 && plain && poss_after(r, b)) ||
	    (!acro && !r->headline && person_after(r, b) && !after_name(r, a) &&
	    (nb >= 2 ||
	    !(ta->cls & T_INITIAL) || (!(ta->wf & (W_ORGHEAD | W_STOP |
	    W_PORTFOLIO | W_TITLE)) && r->t[ta->e - 1] != 's'))) ||
	    (!r->headline && !acro && apposition(r, b) && (nb >= 2 ||
	    !(ta->cls & T_INITIAL) || (ta->wf & (W_FIRST | W_SURNAME))))) {
		emit_person(r, a, b);
		return;
	}
	if (nb == 1) {
		if ((ta->cls & T_CAMEL) && (ta->cls & T_CAP)) {
			emit_org(r, a, b);
			return;
		}
		if (acro && !(ta->cls & T_HASDIGIT) &&
		    !(ta->wf & (W_ACRONYM | W_TITLE | W_STOP)) &&
		    ta->e - ta->s <= 6 && !(a > 0 &&
		    (r->tok[a - 1].cls & T_DIGIT) && sep_is(r, a, " "))) {
			/* not inside a line of capitals */
			if (r->shouting || (a > 0 &&
			    (r->tok[a - 1].cls & T_ALLCAP) &&
			    sep_is(r, a, " ")) || (b < r->ntok &&
			    (r->tok[b].cls & T_ALLCAP) && sep_is(r, b, " ")))
				return;
			emit_org(r, a, b);
			return;
		}
		/* "Ryanair said": a one-word subject of a speech verb; not
		 * "Police said" or "Prosecutors said" (common nouns) */
		if (!acro && !r->headline && cue_after(r, b) &&
		    !prep_before(r, a) &&
		    !(ta->wf & (W_STOP | W_PORTFOLIO | W_TITLE | W_ORGHEAD)) &&
		    !((ta->cls & T_INITIAL) && r->t[ta->e - 1] == 's')) {
			emit_org(r, a, b);
			return;
		}
		return;
	}
	/* a sentence's first word is often an ordinary word: look past it */
	if ((ta->cls & T_INITIAL) && !first && !sep_is(r, a + 1, "-")) {
		classify(r, a + 1, b, 0);
		return;
	}
	/* nothing explains it: a person, but not "the Inner Hebrides" */
	if (!r->headline && nb <= 3 && plain && !place_before(r, a) &&
	    !the_before(r, a) && !abstract_noun(r, ta) && !abstract_noun(r, tb))
		emit_person(r, a, b);
}

/*
 * Is token j the s of "King's", "Guy's", "St Mary's" before an institution
 * named after a person or a title: College, University, School, Hospital,
 * Trust?  The possessor is one or two capitalized words no table knows as
 * a name, ending in a title or a given name.
 */
static int
poss_institution(const struct row *r, size_t i, size_t j)
{
	static const char *const head[] = { "College", "University", "School",
	    "Hospital", "Academy", "Trust", "Church", "Cathedral", NULL };
	const struct tok *tk = r->tok, *p;
	size_t k;

	if (j + 1 >= r->ntok || !(tk[j].cls & T_POSS) || j - i > 2 ||
	    !(tk[j + 1].cls & T_CAP) || !sep_is(r, j + 1, " "))
		return 0;
	p = &tk[j - 1];
	if (!(p->cls & T_CAP) || p->gmax != 0 || (p->wf & W_STOP) ||
	    !((p->wf | p->wf2) & (W_TITLE | W_FIRST)))
		return 0;
	for (k = 0; head[k] != NULL; k++)
		if (word_is_n(r, &tk[j + 1], head[k], strlen(head[k])))
			return 1;
	return 0;
}

/* May the run of capitalized words go on from token j-1 to token j? */
static size_t
run_extend(const struct row *r, size_t i, size_t j, int orgctx)
{
	const struct tok *tk = r->tok, *p = &r->tok[j - 1];
	size_t k;

	if (tk[j].used)
		return 0;
	if (r->headline && (tk[j].wf & (W_STOP | W_CUE)))
		return 0;
	if ((tk[j].cls & T_CAP) && !(tk[j].cls & T_INITIAL)) {
		if (sep_is(r, j, " ") || sep_is(r, j, "-"))
			return j + 1;
		/* O’Leary, D'Souza */
		if (p->e - p->s == 1 && (p->cls & T_CAP) &&
		    is_apos(r->t, p->e, tk[j].s))
			return j + 1;
		return 0;
	}
	/* People’s Party */
	if ((tk[j].cls & T_POSS) && (p->wf & W_PLURALPOSS) && j + 1 < r->ntok &&
	    (tk[j + 1].cls & T_CAP) && sep_is(r, j + 1, " ") &&
	    (tk[j + 1].wf & W_ORGHEAD))
		return j + 2;
	/* King's College London, Guy's Hospital, Queen's University */
	if ((tk[j].cls & T_POSS) && poss_institution(r, i, j))
		return j + 2;
	if (!sep_is(r, j, " ") && !sep_is(r, j, "-"))
		return 0;
	/* Caroline van der Plas, Ahmed al-Sharaa */
	if ((tk[j].wf & W_PARTICLE) && (tk[j].cls & T_LOWER) && !orgctx) {
		for (k = j; k < r->ntok && k < j + 3 && (tk[k].wf & W_PARTICLE) &&
		    (tk[k].cls & T_LOWER) && (sep_is(r, k, " ") ||
		    sep_is(r, k, "-")); k++)
			;
		if (k < r->ntok && k > j && (tk[k].cls & T_CAP) &&
		    (sep_is(r, k, " ") || sep_is(r, k, "-")) && j - i <= 2 &&
		    ((tk[i].wf | tk[i].wf2) & W_FIRST))
			return k + 1;
		return 0;
	}
	/* Bank of England, Party for Freedom and Democracy */
	if (orgctx && (tk[j].wf & W_CONNECTOR) && (tk[j].cls & T_LOWER)) {
		k = j + 1;
		if (word_is(r, &tk[j], "and") && k < r->ntok &&
		    word_is(r, &tk[k], "the"))
			return 0;
		if (k < r->ntok && word_is(r, &tk[k], "the") && sep_is(r, k, " "))
			k++;
		if (k < r->ntok && (tk[k].cls & T_CAP) && sep_is(r, k, " ") &&
		    !(tk[k].wf & (W_STOP | W_WEEKDAY | W_MONTH)) && !tk[k].used)
			return k + 1;
	}
	/* Food and Drug Administration, Securities and Exchange Commission:
	 * one unknown word, "and", at most two words ending in a head word */
	if (!orgctx && word_is(r, &tk[j], "and") && sep_is(r, j, " ")) {
		for (k = i; k < j && (tk[k].wf & W_STOP); k++)
			;
		if (k + 1 != j || tk[k].gmax != 0 || (tk[k].wf & ~W_ORGHEAD))
			return 0;
		for (k = j + 1; k < r->ntok && k <= j + 2 && (tk[k].cls & T_CAP) &&
		    sep_is(r, k, " ") && !tk[k].used; k++)
			if ((tk[k].wf & W_ORGHEAD) && !brand_head(r, &tk[k]) &&
			    (k + 1 >= r->ntok ||
			    !(tk[k + 1].cls & T_CAP) || !sep_is(r, k + 1, " ")))
				return k + 1;
	}
	return 0;
}

/* A capitalized word that no table knows anything about. */
static int
unknown_word(struct row *r, size_t k)
{
	const struct tok *tk = &r->tok[k];
	size_t last, end;

	return (tk->cls & T_CAP) && !(tk->cls & (T_ALLCAP | T_HASDIGIT)) &&
	    (tk->wf & ~(W_FIRST | W_SURNAME | W_PORTFOLIO)) == 0 && !tk->used &&
	    (tk->gmax == 0 || gaz_at(r, k, &last, &end) == NULL);
}

/*
 * "Lagos Book and Art Festival", "Bank of England Prize": the run [i, j)
 * goes on after "and", "of", "&" into the name of an event.
 */
static int
event_ahead(const struct row *r, size_t j)
{
	const struct tok *tk = r->tok;
	size_t k;

	if (j + 1 >= r->ntok || !(word_is(r, &tk[j], "and") ||
	    word_is(r, &tk[j], "of") || word_is(r, &tk[j], "&")) ||
	    !sep_is(r, j, " "))
		return 0;
	for (k = j + 1; k < r->ntok && k <= j + 3 && (tk[k].cls & T_CAP) &&
	    sep_is(r, k, " "); k++)
		if ((tk[k].wf & W_EVENT) && !(tk[k].wf & W_ORGHEAD) &&
		    (k + 1 >= r->ntok || !(tk[k + 1].cls & T_CAP) ||
		    !sep_is(r, k + 1, " ")))
			return 1;
	return 0;
}

/* Process a run of capitalized words [i, j). */
static void
do_run(struct row *r, size_t i, size_t j, int pend)
{
	struct tok *tk = r->tok;
	const struct gaz_name *g;
	size_t k, k0, h, m, last, end, d;
	int event;

	/* "Shropshire Star and Alaska Airlines": two organisations */
	for (k = i + 1; k + 1 < j; k++)
		if (word_is(r, &tk[k], "and")) {
			/* a name word, then a head word (not "Securities
			 * and Exchange Commission") */
			for (m = i; m < k && (tk[m].wf & W_STOP); m++)
				;
			for (m++; m < k && !(tk[m].wf & W_ORGHEAD); m++)
				;
			for (h = k + 1; h < j && !(tk[h].wf & W_ORGHEAD); h++)
				;
			if (m < k && h < j) {
				do_run(r, i, k, pend);
				do_run(r, k + 1, j, 0);
				return;
			}
		}
	/* organisations: a head word (Ministry, Airlines, News) ends the name */
	for (k0 = i; k0 < j && ((tk[k0].wf & (W_STOP | W_TITLE | W_HONORIFIC |
	    W_WEEKDAY | W_MONTH)) || (tk[k0].cls & T_POSS)); k0++)
		;
	/* King's College: the possessor belongs to the name */
	if (k0 >= i + 2 && k0 < j && (tk[k0 - 1].cls & T_POSS) &&
	    poss_institution(r, i, k0 - 1)) {
		k0 -= 2;
		if (k0 > i && (tk[k0 - 1].cls & T_CAP) &&
		    !(tk[k0 - 1].wf & W_STOP) && sep_is(r, k0, " "))
			k0--;		/* St Mary's Hospital */
	}
	/* St. Luke's Hospital: "St." is cut off by its dot */
	if (k0 == i && k0 > 0 && k0 + 1 < j && (tk[k0 + 1].cls & T_POSS) &&
	    word_is(r, &tk[k0 - 1], "St") && sep_is(r, k0, ". ") &&
	    !tk[k0 - 1].used)
		k0--;
	for (h = j; h-- > k0;)
		if ((tk[h].wf & W_ORGHEAD) && (tk[h].cls & T_CAP))
			break;
	event = ((tk[j - 1].wf & W_EVENT) && !(tk[j - 1].wf & W_ORGHEAD)) ||
	    (j < r->ntok && (tk[j].cls & T_LOWER) && event_ahead(r, j));
	if (h < j && h >= k0 && !event && (h > k0 || h + 1 < j)) {
		/* a known name that takes in the head word wins */
		g = gaz_at(r, i, &last, &end);
		if (g == NULL || last < h)
			g = gaz_at(r, k0, &last, &end);
		/* "Trump Administration": a government, named by its head */
		if (g != NULL && g->type == ENT_PER && last + 1 == h &&
		    h + 1 == j && (word_is(r, &tk[h], "Administration") ||
		    word_is(r, &tk[h], "Cabinet")))
			h = j;
		else if (g == NULL || last < h) {
			if (r->headline && h > k0 + 2)
				k0 = h - 2;
			for (k = k0; k < j; k++)
				if (tk[k].used)
					k0 = k + 1;
			/* after the head only "of ...", "for ..." belongs to it,
			 * or a place's name (University College London) */
			end = h + 1 < j && (tk[h + 1].wf & W_CONNECTOR) &&
			    !word_is(r, &tk[h + 1], "and") &&
			    !word_is(r, &tk[h + 1], "&") ? j : h + 1;
			if (end == h + 1 && end < j &&
			    (g = gaz_at(r, end, &last, &m)) != NULL &&
			    g->type == ENT_GPE && last + 1 == j)
				end = j;
			/* in Title Case, only with a known name inside it */
			for (m = k0; r->headline && m < end && tk[m].gmax == 0 &&
			    tk[m].gmax2 == 0; m++)
				;
			if (k0 < j && (h > k0 || end > h + 1) && m < end) {
				emit_org(r, k0, end);
				/* Sequoia Capital and Temasek: two names */
				if (end < j && (word_is(r, &tk[end], "and") ||
				    word_is(r, &tk[end], "&")))
					end++;
				if (end < j)
					do_run(r, end, j, 0);
				return;
			}
		}
	}
	for (k = i; k < j;) {
		if (tk[k].used || (tk[k].cls & T_POSS)) {
			k++;
			continue;
		}
		if ((d = date_at(r, k)) != 0) {	/* may end past the run */
			if (!event)
				emit(r, k, d, ENT_DATE, r->t + tk[k].s,
				    tk[d - 1].e - tk[k].s);
			k = d;
			continue;
		}
		g = gaz_at(r, k, &last, &end);
		if (g != NULL && last == k && g->type != ENT_PER &&
		    ((tk[k].wf | tk[k].wf2) & W_FIRST) && k + 1 < j &&
		    (tk[k + 1].cls & T_CAP) && tk[k + 1].gmax == 0 &&
		    !(tk[k + 1].wf & (W_STOP | W_TITLE | W_ORGHEAD | W_EVENT)) &&
		    !the_before(r, k))
			g = NULL;		/* Jordan Henderson, Victoria Beckham */
		/* Paris Saint-Germain, London Stock Exchange, Samsung
		 * Electronics, Russian Railways: a place's, an organisation's
		 * or a people's name followed by words no table knows names
		 * an organisation */
		if (g != NULL && (g->type == ENT_GPE || g->type == ENT_ORG ||
		    g->type == ENT_NORP) &&
		    !r->headline && !event &&
		    last + 1 < j && unknown_word(r, last + 1) &&
		    (!(tk[last + 1].wf & (W_FIRST | W_SURNAME)) ||
		    (k == i && the_before(r, k))) &&
		    !(tk[last + 1].cls & T_INITIAL)) {
			for (m = last + 2; m < j && m < last + 3 &&
			    unknown_word(r, m); m++)
				;
			if (m == j) {
				emit_org(r, k, m);
				k = m;
				continue;
			}
		}
		if (g != NULL) {
			if (!event || g->type == ENT_GPE) {
				emit_bytes(r, k, last + 1, tk[k].s, end, g->type,
				    g->canon, g->canon_len);
				if (g->type == ENT_PER)
					doc_person(r, k, last + 1, g->canon,
					    g->canon_len, 1);
				else if (g->type == ENT_ORG) {
					doc_bracket(r, last + 1, g->canon,
					    g->canon_len, g->type);
					doc_orghead(g->canon, g->canon_len);
				}
			}
			pend = g->type == ENT_NORP || g->type == ENT_GPE ?
			    pend : 0;
			k = last + 1;
			continue;
		}
		if (tk[k].wf & (W_TITLE | W_HONORIFIC)) {
			pend = 1;
			k++;
			continue;
		}
		if ((tk[k].wf & W_PORTFOLIO) && (pend || (k + 1 < j &&
		    (tk[k + 1].wf & W_TITLE)))) {
			k++;
			continue;
		}
		if (tk[k].wf & (W_STOP | W_MONTH | W_WEEKDAY)) {
			k++;
			continue;
		}
		for (m = k + 1; m < j; m++) {
			/* Theresa May, Brian May: a month after a given name
			 * and before no number is a surname */
			if ((tk[m].wf & W_MONTH) && m == k + 1 &&
			    ((tk[k].wf | tk[k].wf2) & W_FIRST) && !tk[m].used &&
			    tk[m].e - tk[m].s >= 3 && !(m + 1 < r->ntok &&
			    (tk[m + 1].cls & T_DIGIT)))
				continue;
			/* Ben King, John Major: a title word that ends the run
			 * right after a given name is a surname */
			if ((tk[m].wf & W_TITLE) && m == k + 1 && m + 1 == j &&
			    ((tk[k].wf | tk[k].wf2) & W_FIRST) && !tk[m].used &&
			    !(tk[m].cls & T_ALLCAP) &&
			    !(tk[m].wf & (W_HONORIFIC | W_STOP)) &&
			    tk[m].e - tk[m].s >= 3 && sep_is(r, m, " ") &&
			    !(m + 1 < r->ntok && sep_is(r, m + 1, " ") &&
			    (tk[m + 1].cls & T_LOWER) && (word_is(r, &tk[m + 1],
			    "of") || word_is(r, &tk[m + 1], "for"))))
				continue;
			if (tk[m].used || (tk[m].wf & (W_TITLE | W_HONORIFIC |
			    W_STOP | W_MONTH | W_WEEKDAY)))
				break;
			if ((tk[m].gmax || tk[m].gmax2) &&
			    gaz_at(r, m, &last, &end) != NULL &&
			    !(((tk[m - 1].wf | tk[m - 1].wf2) & W_FIRST) &&
			    m == k + 1 && last == m))
				break;
		}
		if (!event)
			classify(r, k, m, pend);
		pend = 0;
		k = m;
	}
}

/*
 * Words of the held rows, kept from the first pass for the second so that
 * a held document is split into words and looked up only once.  Bounded:
 * rows beyond TOKCACHE_MAX words are simply split again.
 */
#define TOKCACHE_MAX	(1UL << 17)
static struct tok *tokcache;
static size_t ntokcache, tokcache_cap;
static struct cached {
	size_t	 off, n;		/* off (size_t)-1: not kept */
} *cache_at;				/* per held row */
static size_t cache_cap;
static long cache_row = -1;		/* the held row being tagged, or -1 */

static void
tag_segment(struct row *r)
{
	struct tok *tk;
	size_t i, j, d, s, e, last, end;
	const struct gaz_name *g;
	int pend = 0;
	int whole = r->seg_s == 0 && r->seg_e == r->n;

	r->nm = 0;
	if (whole && cache_row >= 0 && !collecting &&
	    cache_at[cache_row].off != (size_t)-1) {
		/* the second pass over a held row: words from the first */
		size_t c = cache_at[cache_row].off, nt = cache_at[cache_row].n;

		if (nt > r->tokcap) {
			r->tokcap = nt;
			r->tok = xreallocarray(r->tok, nt, sizeof(*r->tok));
		}
		memcpy(r->tok, tokcache + c, nt * sizeof(*r->tok));
		r->ntok = nt;
		for (i = 0; i < nt; i++)
			if (r->tok[i].cls & T_ALLCAP) {
				title_case(r);
				break;
			}
	} else {
		tokenize(r);
		if (whole && cache_row >= 0 && collecting && r->ntok > 0 &&
		    ntokcache + r->ntok <= TOKCACHE_MAX) {
			if (ntokcache + r->ntok > tokcache_cap) {
				tokcache_cap = (ntokcache + r->ntok) * 2;
				tokcache = xreallocarray(tokcache, tokcache_cap,
				    sizeof(*tokcache));
			}
			memcpy(tokcache + ntokcache, r->tok,
			    r->ntok * sizeof(*r->tok));
			cache_at[cache_row].off = ntokcache;
			cache_at[cache_row].n = r->ntok;
			ntokcache += r->ntok;
		}
	}
	r->headline = is_headline(r);
	r->shouting = is_shouting(r);
	tk = r->tok;
	for (i = 0; i < r->ntok;) {
		if (tk[i].used || (tk[i].cls & T_POSS)) {
			i++;
			continue;
		}
		if (i > 0 && tk[i].brk &&
		    !(r->t[tk[i - 1].e] == '(' || r->t[tk[i].s - 1] == '(' ||
		    r->t[tk[i - 1].e] == ')'))
			pend = 0;
		if ((tk[i].cls & (T_DIGIT | T_ALLCAP)) &&
		    (d = money_at(r, i, &s, &e)) != 0) {
			emit_bytes(r, i, d, s, e, ENT_MONEY, r->t + s, e - s);
			i = d;
			pend = 0;
			continue;
		}
		if ((tk[i].wf & (W_MONTH | W_RELDATE | W_DAYWORD)) &&
		    (tk[i].cls & T_CAP) && (d = date_at(r, i)) != 0) {
			emit(r, i, d, ENT_DATE, r->t + tk[i].s,
			    tk[d - 1].e - tk[i].s);
			i = d;
			continue;
		}
		if (tk[i].cls & T_CAP) {
			for (j = i + 1; j < r->ntok;) {
				size_t nj;
				int orgctx = 0;
				size_t k;

				/* "Bank of", "Party for Freedom and" */
				for (k = i; k < j; k++)
					if ((tk[k].wf & W_ORGHEAD) &&
					    (tk[k].cls & T_CAP) && (k == j - 1 ||
					    (tk[k + 1].wf & W_CONNECTOR)))
						orgctx = 1;
				nj = run_extend(r, i, j, orgctx);
				if (nj == 0)
					break;
				j = nj;
			}
			/* "mayor of Castlebridge", "spokesperson for Sustrans":
			 * one word after a role and "of"/"for" is the place or
			 * body, unless it is a portfolio (Secretary of State) */
			if (pend == 2 && j == i + 1 &&
			    !(tk[i].wf & (W_PORTFOLIO | W_TITLE)))
				pend = 0;
			do_run(r, i, j, pend);
			pend = 0;
			i = j;
			continue;
		}
		/* lowercase words: known names (eastern Europe), dates, roles */
		if (tk[i].gmax && (g = gaz_at(r, i, &last, &end)) != NULL) {
			emit_bytes(r, i, last + 1, tk[i].s, end, g->type,
			    g->canon, g->canon_len);
			i = last + 1;
			pend = 0;
			continue;
		}
		if (((tk[i].cls & T_DIGIT) || (tk[i].wf & (W_RELDATE |
		    W_DAYWORD | W_MONTH | W_WEEKDAY))) &&
		    (d = date_at(r, i)) != 0) {
			emit(r, i, d, ENT_DATE, r->t + tk[i].s,
			    tk[d - 1].e - tk[i].s);
			i = d;
			pend = 0;
			continue;
		}
		if (tk[i].wf & W_TITLE)
			pend = 1;
		else if (pend && (word_is(r, &tk[i], "of") ||
		    word_is(r, &tk[i], "for")))
			pend = 2;
		else if (tk[i].wf & W_PORTFOLIO)
			pend = pend ? 1 : 0;
		else if (tk[i].e - tk[i].s == 2 && credit_by(r, i))
			pend = 1;	/* Reporting by Aditi Shah */
		else if (!(tk[i].wf & W_CONNECTOR))
			pend = 0;
		i++;
	}
}

/* Write the mentions found so far as part of the entities column. */
static void
write_mentions(struct row *r)
{
	char num[24];
	size_t i, k, v;
	const struct ment *m;

	for (i = 0; i < r->nm; i++) {
		m = &r->m[i];
		if (r->nout++ > 0)
			out_char('|');
		out_str(ent_type_name[m->type]);
		out_char(':');
		for (v = m->s, k = sizeof(num); k == sizeof(num) || v > 0; v /= 10)
			num[--k] = (char)('0' + v % 10);
		out_write(num + k, sizeof(num) - k);
		out_char('-');
		for (v = m->e, k = sizeof(num); k == sizeof(num) || v > 0; v /= 10)
			num[--k] = (char)('0' + v % 10);
		out_write(num + k, sizeof(num) - k);
		out_char(':');
		out_escaped(m->canon, m->clen);
	}
}

/*
 * Tag a row's text part by part: a text longer than SEG_MAX bytes is cut
 * at a sentence end or a space, so the word and mention arrays stay small
 * whatever the length of the row.  Outside the collecting pass, each
 * part's mentions are written as soon as it is done.
 */
static void
tag_row(struct row *r)
{
	size_t s = 0, e, c;

	r->have_tc = 0;
	r->nout = 0;
	while (s < r->n) {
		e = r->n;
		if (e - s > SEG_MAX) {
			e = s + SEG_MAX;
			for (c = e; c > s + SEG_MAX / 2 && !(r->t[c - 1] == ' ' &&
			    (r->t[c - 2] == '.' || r->t[c - 2] == '?' ||
			    r->t[c - 2] == '!')); c--)
				;
			if (c == s + SEG_MAX / 2)
				for (c = e; c > s + SEG_MAX / 2 &&
				    r->t[c - 1] != ' '; c--)
					;
			if (c > s + SEG_MAX / 2)
				e = c;
			else	/* no space at all: cut on a character boundary */
				while (e > s + 1 &&
				    ((unsigned char)r->t[e] & 0xC0) == 0x80)
					e--;
		}
		r->seg_s = s;
		r->seg_e = e;
		tag_segment(r);
		if (!collecting)
			write_mentions(r);
		s = e;
	}
}

/* ---- rows and documents ---- */

struct held {
	size_t	 off, len;	/* the raw line in hold */
};

static struct tsv_in in;
static size_t col_text, col_doc, col_ent;
static struct buf hold = BUF_INIT;	/* raw lines of the held rows */
static struct held *held;
static size_t nheld, heldcap;
static int streaming;			/* this document no longer held */
static int line_mode;			/* --line-buffered: never hold */
static struct buf textbuf = BUF_INIT, docbuf = BUF_INIT;
static struct buf curdoc = BUF_INIT;	/* the raw doc value being held */
static int have_doc;
static struct row row;

/* The raw (escaped) field col of a line that has in.ncols fields. */
static const char *
field_of(const char *line, size_t len, size_t col, size_t *n)
{
	const char *s = line, *end = line + len, *p;
	size_t i;

	for (i = 0; i < col; i++) {
		p = memchr(s, '\t', (size_t)(end - s));
		s = p + 1;
	}
	p = memchr(s, '\t', (size_t)(end - s));
	*n = (size_t)((p == NULL ? end : p) - s);
	return s;
}

/* Point row at the decoded text of a line; no copy without escapes. */
static void
load_text(const char *line, size_t len)
{
	const char *f;
	size_t n;

	f = field_of(line, len, col_text, &n);
	if (memchr(f, '\\', n) == NULL) {
		row.t = f;
		row.n = n;
		return;
	}
	buf_clear(&textbuf);
	tsv_unescape(&textbuf, f, n);
	row.t = textbuf.data;
	row.n = textbuf.len;
}

/* Pass 1: learn the document's names from a row. */
static void
analyse(const char *line, size_t len)
{
	load_text(line, len);
	collecting = 1;
	tag_row(&row);
	collecting = 0;
}

/* Pass 2: write a row with its entities column. */
static void
write_row(const char *line, size_t len)
{
	const char *f;
	size_t n;

	load_text(line, len);
	if (col_ent >= in.ncols) {
		out_write(line, len);
		out_tab();
		tag_row(&row);
	} else {
		f = field_of(line, len, col_ent, &n);
		out_write(line, (size_t)(f - line));
		tag_row(&row);
		out_write(f + n, len - (size_t)(f + n - line));
	}
	out_end_row();
}

/* Both passes over the held rows, then forget them. */
static void
flush_held(void)
{
	size_t i;

	if (nheld > cache_cap) {
		cache_cap = nheld;
		cache_at = xreallocarray(cache_at, cache_cap, sizeof(*cache_at));
	}
	ntokcache = 0;
	for (i = 0; i < nheld; i++) {
		cache_at[i].off = (size_t)-1;
		cache_row = (long)i;
		analyse(hold.data + held[i].off, held[i].len);
	}
	for (i = 0; i < nheld; i++) {
		cache_row = (long)i;
		write_row(hold.data + held[i].off, held[i].len);
	}
	cache_row = -1;
	nheld = 0;
	buf_clear(&hold);
}

static void
end_doc(void)
{
	flush_held();
	doc_clear();
	streaming = 0;
}

static void
take_row(void)
{
	/* a row too long to hold: the rows before it, then it, go out */
	if (streaming || line_mode || in.len > HOLD_MAX) {
		flush_held();
		analyse(in.line, in.len);
		write_row(in.line, in.len);
		streaming = !line_mode;
		return;
	}
	if (nheld == heldcap) {
		heldcap = heldcap ? heldcap * 2 : 64;
		held = xreallocarray(held, heldcap, sizeof(*held));
	}
	held[nheld].off = hold.len;
	held[nheld].len = in.len;
	nheld++;
	buf_add(&hold, in.line, in.len);
	if (hold.len > HOLD_MAX) {
		flush_held();
		streaming = 1;
	}
}

/* getopt_long takes any unambiguous prefix: --line, --l. */
static int
asks_line_buffered(int argc, char *argv[])
{
	int i;
	size_t n;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		n = strlen(argv[i]);
		if (n >= 3 && strncmp(argv[i], "--line-buffered", n) == 0)
			return 1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct doc_seen docs;
	char **gaz_files;
	size_t ngaz = 0, i, n;
	const char *f;
	int c;

	prog_init("news-tag-entities");
	gaz_files = xreallocarray(NULL, (size_t)argc + 1, sizeof(*gaz_files));
	line_mode = asks_line_buffered(argc, argv);
	while ((c = opt_next(argc, argv, "g:h", longopts, usage)) != -1) {
		if (c == 'g' || c == OPT_GAZETTEER)
			gaz_files[ngaz++] = optarg;
		else
			die_usage("unknown option");
	}
	gaz_init();
	for (i = 0; i < ngaz; i++)
		gaz_load(gaz_files[i]);
	free(gaz_files);
	memset(&docs, 0, sizeof(docs));
	tsv_open(&in, argc - optind, argv + optind);
	if (tsv_read_header(&in)) {
		col_text = tsv_column(&in, "text", "news-split");
		col_doc = tsv_column(&in, "doc", "news-split");
		col_ent = tsv_add_column(&in, "entities");
		tsv_write_header(&in);
		while (tsv_next(&in)) {
			/* a new doc value: the last document's rows go out
			 * first, even if this one turns out to be an error */
			f = tsv_raw(&in, col_doc, &n);
			if (!have_doc || n != curdoc.len ||
			    (n > 0 && memcmp(f, curdoc.data, n) != 0)) {
				have_doc = 1;
				end_doc();
				buf_clear(&curdoc);
				buf_add(&curdoc, f, n);
			}
			buf_clear(&docbuf);
			tsv_unescape(&docbuf, f, n);
			doc_start(&docs, &in, docbuf.data ? docbuf.data : "",
			    docbuf.len);
			take_row();
		}
		end_doc();
	}
	doc_seen_free(&docs);
	buf_free(&hold);
	free(held);
	free(pkeys);
	free(pklen);
	free(cache_at);
	free(tokcache);
	buf_free(&textbuf);
	buf_free(&docbuf);
	buf_free(&curdoc);
	buf_free(&row.tc);
	free(row.tok);
	free(row.m);
	gaz_variant(NULL, 0, NULL, 0);
	gaz_free();
	finish(tsv_close(&in));
}
