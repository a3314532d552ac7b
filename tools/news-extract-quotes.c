/*
 * news-extract-quotes: turn tagged sentence rows into one row per quotation
 * or reported statement, with who said it and the words that say so.
 *
 * A document (a run of rows with one doc) is kept whole, then read in four
 * steps: tokens (words, punctuation, quotation marks, with the entity and
 * word class of each), quotation spans (marks paired per paragraph, a quote
 * left open at a paragraph's end running on when the next paragraph opens
 * again), attribution (a cue verb and its subject next to each span, the
 * pieces of an interrupted quote joined), and reported speech without marks
 * (X said that ..., X called for ..., according to X).  Speakers are then
 * resolved in document order: entities by their canonical name, pronouns
 * to an earlier person of the same gender, descriptions ("the Ukrainian
 * president") through the roles the document has given a person.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "quote_names.h"
#include "quote_tables.h"
#include "tsv.h"
#include "utf8.h"

static const char usage[] =
"usage: news-extract-quotes [--line-buffered] [file ...]\n"
"\n"
"Read tagged sentence rows (doc para sent text entities, from news-split |\n"
"news-normalize | news-tag-entities) and write one row per quotation or\n"
"reported statement: doc quote para sent kind speaker mention cue text\n"
"context, then the input's other columns from the quote's first sentence.\n"
"kind is direct (a quoted sentence or more), partial (a quoted fragment in\n"
"the reporter's sentence) or indirect (X said that ..., X called for ...).\n"
"speaker is a canonical entity name, with pronouns and descriptions\n"
"resolved, or empty when no speaker can be found.\n"
"\n"
"Options:\n"
"  -h, --help           show this help and exit\n"
"      --version        show the version and exit\n"
"      --line-buffered  write each row at once (for slow sources)\n"
"\n"
"Example:\n"
"  $ news-split a.txt | news-normalize | news-tag-entities | news-extract-quotes\n";

static const struct option longopts[] = { OPT_COMMON };

/* ------------------------------------------------------------------ */
/* Word classes: quote_words[] in a hash table keyed by lower-case word. */

static const struct quote_word **wtab;
static unsigned char *wlen;	/* length of each slot's word */
static size_t wmask;
static size_t wmaxlen;	/* the longest word in the table (< 32) */
static unsigned char lower_byte[256];	/* ASCII lower case of each byte */
static uint64_t wbits[1024];	/* hash bits of the table's words (a filter) */

static void tok_init(void);

/* FNV-1a over n bytes. */
static uint32_t
hash_lower(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* Build the word-class hash table from quote_words[] (once, at start). */
static void
words_init(void)
{
	size_t i, cap = 1, j;

	while (cap < quote_words_count * 2)
		cap <<= 1;
	wtab = xreallocarray(NULL, cap, sizeof(*wtab));
	memset(wtab, 0, cap * sizeof(*wtab));
	wlen = xmalloc(cap);
	memset(wlen, 0, cap);
	wmask = cap - 1;
	for (i = 0; i < 256; i++)
		lower_byte[i] = (unsigned char)(i >= 'A' && i <= 'Z' ? i + 32 : i);
	tok_init();
	for (i = 0; i < quote_words_count; i++) {
		const char *w = quote_words[i].word;

		j = hash_lower(w, strlen(w)) & wmask;
		while (wtab[j] != NULL)
			j = (j + 1) & wmask;
		wtab[j] = &quote_words[i];
		{
			uint32_t h = hash_lower(w, strlen(w)) >> 16;

			wbits[(h >> 6) & 1023] |= 1ull << (h & 63);
		}
		wlen[j] = (unsigned char)strlen(w);
		if (strlen(w) > wmaxlen && strlen(w) < 32)
			wmaxlen = strlen(w);
	}
}

/* Find the word s (n bytes, any case) whose lower-case FNV-1a hash is h. */
static const struct quote_word *
word_find(const char *s, size_t n, uint32_t h)
{
	size_t j = h & wmask, i;
	uint32_t f = h >> 16;

	if (!(wbits[(f >> 6) & 1023] & (1ull << (f & 63))))
		return NULL;
	while (wtab[j] != NULL) {
		if (wlen[j] == n) {
			const char *w = wtab[j]->word;

			for (i = 0; i < n && lower_byte[(unsigned char)s[i]] ==
			    (unsigned char)w[i]; i++)
				;
			if (i == n)
				return wtab[j];
		}
		j = (j + 1) & wmask;
	}
	return NULL;
}

/* Look up a word (any case, ASCII letters only matter); NULL if absent. */
static const struct quote_word *
word_lookup(const char *s, size_t n)
{
	size_t i;
	uint32_t h = 2166136261u;

	if (n == 0 || n > wmaxlen)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			return NULL;
		h ^= lower_byte[c];
		h *= 16777619u;
	}
	return word_find(s, n, h);
}

/* ------------------------------------------------------------------ */
/* One document in memory. */

enum tokkind { T_WORD, T_PUNCT, T_OPEN2, T_CLOSE2, T_AMB2, T_OPEN1, T_CLOSE1 };

struct tok {
	size_t		 s;		/* first byte in doc text */
	uint32_t	 len;		/* bytes; TEND() is the end */
	unsigned	 flags;		/* QW_* */
	int		 row;
	int		 ent;		/* entity starting here, or -1 */
	int		 entend;	/* entity ending here (last token), or -1 */
	int		 span;		/* quotation span containing it, or -1 */
	unsigned char	 kind;
	unsigned char	 upper;		/* starts with a capital letter */
	unsigned char	 used;		/* cue already given to a statement */
	unsigned char	 reported;	/* inside reported speech without marks */
	short		 widx;		/* index in quote_words[], or -1 */
};

/* The end of token t, and its entry in the word table (NULL if none). */
#define TEND(t)		(D.toks[t].s + D.toks[t].len)
#define TWORD(t)	tword_entry(t)

struct row {
	size_t		 raw, rawlen;	/* the input line in rawbuf */
	size_t		 ts, te;	/* its text in doc text */
	int		 t0, t1;	/* its tokens [t0, t1) */
	int		 para;		/* paragraph index in the document */
	int		 cued;		/* has a cue outside quotation marks */
};

struct ent {
	size_t		 s, e;		/* bytes in doc text */
	char		 type;		/* P O G L N D M (first letter), ? */
	size_t		 cano, canolen;	/* canonical name in canobuf */
	int		 actor;
	int		 t0, t1;	/* tokens [t0, t1) */
};

/* A person, organization or place that can speak. */
struct actor {
	size_t		 cano, canolen;
	char		 type;
	char		 gender;	/* 'M', 'F' or 0 */
	char		 nation;	/* a role names a nation or place */
	struct buf	 roles;		/* " word word " lower case */
	int		 last;		/* last token mentioned */
};

/* A part of a quotation: the bytes between the marks in one paragraph. */
struct part {
	size_t		 s, e;
};

struct span {
	int		 open, close;	/* mark tokens; close -1 when unclosed */
	int		 first_part, nparts;
	int		 last_tok;	/* last content token */
	int		 merged;	/* joined into an earlier span */
};

enum subjkind { SUBJ_NONE, SUBJ_ENT, SUBJ_PRON, SUBJ_DESC, SUBJ_INHERIT, SUBJ_SENT };

struct subj {
	int		 kind;
	int		 t0, t1;	/* mention tokens [t0, t1) */
	int		 ents[4];	/* SUBJ_ENT: entity indices */
	int		 nents;
};

enum { K_DIRECT, K_PARTIAL, K_INDIRECT };

struct stmt {
	int		 kind;
	size_t		 pos;		/* ordering key: byte where it starts */
	int		 row0, row1;	/* first and last row */
	int		 cue0, cue1;	/* cue tokens [cue0, cue1), cue0 -1 if none */
	struct subj	 subj;
	int		 inherit;	/* may take the previous quote's speaker */
	size_t		 text, textlen;	/* in sbuf */
	size_t		 spk, spklen;	/* resolved speaker, in sbuf */
	int		 spk_actor;	/* single resolved actor, or -1 */
};

struct doc {
	struct buf	 name;		/* doc value, raw */
	struct buf	 rawbuf;	/* rows' input lines */
	struct buf	 text;		/* rows' texts, decoded, joined */
	struct buf	 canobuf;
	struct buf	 sbuf;		/* statement texts and speakers */
	struct buf	 tmp;
	struct row	*rows;
	size_t		 nrows, caprows;
	struct tok	*toks;
	size_t		 ntoks, captoks;
	struct ent	*ents;
	size_t		 nents, capents;
	struct actor	*actors;
	size_t		 nactors, capactors;
	int		*ahash;		/* canonical -> actor, open addressing */
	size_t		 ahcap;
	struct part	*parts;
	size_t		 nparts, capparts;
	struct span	*spans;
	size_t		 nspans, capspans;
	struct stmt	*stmts;
	size_t		 nstmts, capstmts;
	int		*pmentions;	/* PER mentions (entity ids) in order */
	size_t		 npm, cappm;
};

static struct doc D;

static const struct quote_word *
tword_entry(int t)
{
	return D.toks[t].widx >= 0 ? &quote_words[D.toks[t].widx] : NULL;
}

/* The longest stretch of tokens read for one clause or one cue search. */
#define MAXCLAUSE 300

/* Columns. */
static size_t c_doc, c_para, c_sent, c_text, c_ents;
static size_t ncols;
static unsigned char *passcol;	/* input columns copied after ours */

#define GROW(arr, n, cap) do { \
	if ((n) >= (cap)) { \
		(cap) = (cap) ? (cap) * 2 : 64; \
		(arr) = xreallocarray((arr), (cap), sizeof(*(arr))); \
	} \
} while (0)

/* ------------------------------------------------------------------ */
/* Small helpers on tokens. */

/* The bytes of token t in the document text; *n gets their length. */
static const char *
ttext(int t, size_t *n)
{
	*n = TEND(t) - D.toks[t].s;
	return D.text.data + D.toks[t].s;
}

/* Is token t the word lit, in any case?  The length test is inline. */
#define TIS(t, lit)	(tlen_is((t), sizeof(lit) - 1) && tis_n((t), (lit), sizeof(lit) - 1))

/* Is token t in the document and n bytes long? */
static inline int
tlen_is(int t, size_t n)
{
	return t >= 0 && (size_t)t < D.ntoks && D.toks[t].len == n;
}

/* Is token t the word w (wl bytes, lower case), in any case? */
static int
tis_n(int t, const char *w, size_t wl)
{
	size_t n, i;
	const char *s;

	if (t < 0 || (size_t)t >= D.ntoks)
		return 0;
	s = ttext(t, &n);
	if (n != wl)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* Is token t the one-byte punctuation c? */
static int
tpunct(int t, char c)
{
	return t >= 0 && (size_t)t < D.ntoks && D.toks[t].kind == T_PUNCT &&
	    TEND(t) - D.toks[t].s == 1 && D.text.data[D.toks[t].s] == c;
}

/* The word classes (QW_*) of token t; 0 outside the document. */
static unsigned
tflags(int t)
{
	if (t < 0 || (size_t)t >= D.ntoks)
		return 0;
	return D.toks[t].flags;
}

/* Is token t a word? */
static int
tword(int t)
{
	return t >= 0 && (size_t)t < D.ntoks && D.toks[t].kind == T_WORD;
}

/* Does token t start with a capital letter? */
static int
tupper(int t)
{
	return t >= 0 && (size_t)t < D.ntoks && D.toks[t].upper;
}

/* Is token t a quotation mark? */
static int
tmark(int t)
{
	return t >= 0 && (size_t)t < D.ntoks && D.toks[t].kind >= T_OPEN2;
}

/* Sentence-final punctuation token: . ? ! or an ellipsis. */
static int
tfinal(int t)
{
	size_t n;
	const char *s;

	if (t < 0 || (size_t)t >= D.ntoks || D.toks[t].kind != T_PUNCT)
		return 0;
	s = ttext(t, &n);
	return (n == 1 && (*s == '.' || *s == '?' || *s == '!')) ||
	    (n == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0);
}

/* Are tokens a and b in the same sentence row? */
static int
samerow(int a, int b)
{
	return D.toks[a].row == D.toks[b].row;
}

/* The paragraph (index in the document) of token t. */
static int
tpara(int t)
{
	return D.rows[D.toks[t].row].para;
}

/* ------------------------------------------------------------------ */
/* Tokenizer. */

/* White space, including no-break and the Unicode spaces. */
static int
is_space_cp(long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* ASCII letters and digits, for the tokenizer's fast path. */
static const unsigned char ascii_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Each byte for the tokenizer's fast path: 1 an ASCII letter or digit,
 * 2 a byte that may join two word parts (' - .), else 0 (set at start). */
static unsigned char word_byte[256];

static void
tok_init(void)
{
	size_t i;

	for (i = 0; i < 128; i++)
		word_byte[i] = ascii_word[i];
	word_byte['\''] = word_byte['-'] = word_byte['.'] = 2;
}

/* Letters and digits: ASCII alnum, and non-ASCII that is not punctuation. */
static int
is_word_cp(long cp)
{
	if (cp < 0)
		return 1;	/* invalid bytes stay inside words */
	if (cp < 0x80)
		return ascii_word[cp];
	if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7 || cp == 0xA7 ||
	    cp == 0xB6 || cp == 0xBF || cp == 0xA1)
		return 0;
	if (cp >= 0x2000 && cp <= 0x206F)
		return 0;	/* general punctuation: quotes, dashes, ... */
	if (cp >= 0x3000 && cp <= 0x303F)
		return 0;
	return 1;
}

/* The code point at byte i of the document text, *len its length. */
static long
cp_at(size_t i, size_t *len)
{
	long cp;
	unsigned char c = (unsigned char)D.text.data[i];

	if (c < 0x80) {
		*len = 1;
		return c;
	}
	*len = utf8_decode(D.text.data + i, D.text.len - i, &cp);
	return cp;
}

/* Append a token; a word gets its entry w in the word table (or NULL). */
static inline void
add_tok_w(size_t s, size_t e, int kind, int row, const struct quote_word *w)
{
	struct tok *t;

	GROW(D.toks, D.ntoks, D.captoks);
	t = &D.toks[D.ntoks++];
	t->s = s;
	t->len = (uint32_t)(e - s);
	t->row = row;
	t->ent = t->entend = t->span = -1;
	t->kind = (unsigned char)kind;
	t->used = t->reported = 0;
	t->upper = 0;
	t->widx = -1;
	t->flags = 0;
	if (kind == T_WORD) {
		unsigned char c = (unsigned char)D.text.data[s];

		t->upper = (c >= 'A' && c <= 'Z') || c >= 0xC3;
		if (w != NULL) {
			t->widx = (short)(w - quote_words);
			t->flags = w->flags;
		}
	}
}

/* Append a token with its word class looked up. */
static void
add_tok(size_t s, size_t e, int kind, int row)
{
	add_tok_w(s, e, kind, row, kind == T_WORD ?
	    word_lookup(D.text.data + s, e - s) : NULL);
}

/*
 * The fast path of the tokenizer: a word of ASCII letters and digits
 * only, ended by the row end or by an ASCII byte that cannot continue a
 * word (not ' - .), hashed as it is scanned.  Returns the end, or 0 when
 * the word needs the general path.
 */
static size_t
ascii_word_end(size_t i, size_t end, uint32_t *hp)
{
	const unsigned char *tx = (const unsigned char *)D.text.data;
	size_t s = i, lim = end;
	uint32_t h = 2166136261u;

	if (lim - s > UINT32_MAX - 8)
		lim = s + (UINT32_MAX - 8);
	while (i < lim && word_byte[tx[i]] == 1) {
		h ^= lower_byte[tx[i]];
		h *= 16777619u;
		i++;
	}
	if (i < lim && (tx[i] >= 0x80 || word_byte[tx[i]] == 2))
		return 0;
	*hp = h;
	return i;
}

/* Split row r into word, punctuation and quotation-mark tokens. */
static void
tokenize_row(int r)
{
	struct row *rw = &D.rows[r];
	size_t i = rw->ts, end = rw->te, len, len2;
	long cp, nx;

	rw->t0 = (int)D.ntoks;
	while (i < end) {
		unsigned char c0 = (unsigned char)D.text.data[i];

		if (c0 == ' ') {
			i++;
			continue;
		}
		if (c0 < 0x80 && ascii_word[c0]) {
			uint32_t h;
			size_t e = ascii_word_end(i, end, &h);

			if (e > 0) {
				add_tok_w(i, e, T_WORD, r, e - i <= wmaxlen ?
				    word_find(D.text.data + i, e - i, h) : NULL);
				i = e;
				continue;
			}
		}
		cp = cp_at(i, &len);
		if (is_space_cp(cp)) {
			i += len;
			continue;
		}
		if (is_word_cp(cp)) {
			size_t s = i;

			i += len;
			while (i < end && i - s < UINT32_MAX - 8) {
				unsigned char c = (unsigned char)D.text.data[i];

				if (c < 0x80 && ascii_word[c]) {
					i++;
					continue;
				}
				cp = cp_at(i, &len);
				if (is_word_cp(cp)) {
					i += len;
					continue;
				}
				/* inner ' ’ - . between word characters */
				if (cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' ||
				    cp == 0x2010 || cp == 0x2011) {
					if (i + len < end) {
						nx = cp_at(i + len, &len2);
						if (is_word_cp(nx) && nx >= 0) {
							i += len + len2;
							continue;
						}
					}
					/* U.S. keeps its final period */
					if (cp == '.' && i - s >= 3 && D.text.data[i - 2] == '.') {
						i += len;
					}
				}
				break;
			}
			add_tok(s, i, T_WORD, r);
			continue;
		}
		{
			int kind = T_PUNCT;
			size_t s = i;

			if (cp == 0x201C || cp == 0xAB || cp == 0x201E)
				kind = T_OPEN2;
			else if (cp == 0x201D || cp == 0xBB)
				kind = T_CLOSE2;
			else if (cp == '"')
				kind = T_AMB2;
			else if (cp == 0x2018)
				kind = T_OPEN1;
			else if (cp == 0x2019)
				kind = T_CLOSE1;
			i += len;
			/* an ellipsis of three periods is one token */
			if (cp == '.' && i + 1 < end && D.text.data[i] == '.' &&
			    D.text.data[i + 1] == '.')
				i += 2;
			add_tok(s, i, kind, r);
		}
	}
	rw->t1 = (int)D.ntoks;
}

/* Straight " opens after a space, bracket, dash or the start, else closes. */
static void
resolve_straight(void)
{
	size_t t;

	for (t = 0; t < D.ntoks; t++) {
		struct tok *k = &D.toks[t];
		size_t s = k->s;
		int open;

		if (k->kind != T_AMB2)
			continue;
		if (t == 0 || D.toks[t - 1].row != k->row)
			open = 1;
		else if (TEND(t - 1) < s)
			open = !(k->s + k->len < D.text.len && D.text.data[k->s + k->len] == ' ') ||
			    (t + 1 < D.ntoks && D.toks[t + 1].row == k->row &&
			    D.toks[t + 1].s == k->s + k->len);
		else {
			char c = D.text.data[s - 1];

			open = c == '(' || c == '[' || c == '-' ||
			    (s >= 3 && memcmp(D.text.data + s - 3, "\xE2\x80\x94", 3) == 0);
		}
		/* "x" preceded by space and followed by space: look at the row end */
		if (open && t + 1 < D.ntoks && D.toks[t + 1].row != k->row)
			open = 0;
		k->kind = (unsigned char)(open ? T_OPEN2 : T_CLOSE2);
	}
}

/* ------------------------------------------------------------------ */
/* Entities and actors. */

/*
 * The actor for a canonical name (s points into canobuf), made on first use.
 */
static int
actor_find(const char *s, size_t n, char type)
{
	size_t j;
	int a;

	if (D.ahcap < (D.nactors + 1) * 2) {
		size_t i, cap = D.ahcap ? D.ahcap * 2 : 64;

		while (cap < (D.nactors + 1) * 2)
			cap *= 2;
		D.ahash = xreallocarray(D.ahash, cap, sizeof(int));
		for (i = 0; i < cap; i++)
			D.ahash[i] = -1;
		D.ahcap = cap;
		for (i = 0; i < D.nactors; i++) {
			j = hash_lower(D.canobuf.data + D.actors[i].cano,
			    D.actors[i].canolen) & (cap - 1);
			while (D.ahash[j] >= 0)
				j = (j + 1) & (cap - 1);
			D.ahash[j] = (int)i;
		}
	}
	j = hash_lower(s, n) & (D.ahcap - 1);
	while ((a = D.ahash[j]) >= 0) {
		struct actor *ac = &D.actors[a];

		if (ac->canolen == n && memcmp(D.canobuf.data + ac->cano, s, n) == 0)
			return a;
		j = (j + 1) & (D.ahcap - 1);
	}
	if (D.nactors >= D.capactors) {
		size_t old = D.capactors;

		D.capactors = old ? old * 2 : 64;
		D.actors = xreallocarray(D.actors, D.capactors, sizeof(*D.actors));
		memset(D.actors + old, 0, (D.capactors - old) * sizeof(*D.actors));
	}
	a = (int)D.nactors++;
	{
		struct actor *ac = &D.actors[a];
		struct buf keep = ac->roles;	/* reuse the roles buffer */

		memset(ac, 0, sizeof(*ac));
		ac->roles = keep;
		buf_clear(&ac->roles);
		buf_addc(&ac->roles, ' ');
		ac->cano = (size_t)(s - D.canobuf.data);
		ac->canolen = n;
		ac->type = type;
		ac->last = -1;
	}
	D.ahash[j] = a;
	return a;
}

/*
 * The gender of a canonical name's first word, from quote_names[]; 0 unknown.
 */
static char
name_gender(const char *s, size_t n)
{
	char up[24];
	size_t i, lo, hi;

	for (i = 0; i < n && s[i] != ' '; i++) {
		unsigned char c = (unsigned char)s[i];

		if (i + 1 >= sizeof(up) || c >= 0x80 || !((c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z')))
			return 0;
		up[i] = (char)(c >= 'a' ? c - 32 : c);
	}
	if (i == n)
		return 0;	/* a single name: no first name */
	up[i] = '\0';
	lo = 0;
	hi = quote_names_count;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(quote_names[mid].name, up);

		if (c == 0)
			return quote_names[mid].gender;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* A decimal number at s[*i]; 0 when there is none or it overflows. */
static int
parse_num(const char *s, size_t n, size_t *i, size_t *v)
{
	size_t x = 0, start = *i;

	while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
		if (x > (SIZE_MAX - 9) / 10)
			return 0;
		x = x * 10 + (size_t)(s[*i] - '0');
		(*i)++;
	}
	*v = x;
	return *i > start;
}

/* Parse one row's entities (decoded in D.tmp) into D.ents, offsets shifted. */
static void
parse_entities(const struct row *rw)
{
	const char *s = D.tmp.data;
	size_t n = D.tmp.len, i = 0, tlen = rw->te - rw->ts;

	while (i < n) {
		size_t j = i, a, b, cs, ce;
		char type;

		while (j < n && s[j] != ':' && s[j] != '|')
			j++;
		type = j > i ? s[i] : '?';
		if (j >= n || s[j] != ':')
			goto skip;
		j++;
		if (!parse_num(s, n, &j, &a) || j >= n || s[j] != '-')
			goto skip;
		j++;
		if (!parse_num(s, n, &j, &b) || j >= n || s[j] != ':')
			goto skip;
		j++;
		cs = j;
		while (j < n && s[j] != '|')
			j++;
		ce = j;
		if (a < b && b <= tlen && ce > cs) {
			struct ent *e;

			GROW(D.ents, D.nents, D.capents);
			e = &D.ents[D.nents++];
			e->s = rw->ts + a;
			e->e = rw->ts + b;
			e->type = type;
			e->cano = D.canobuf.len;
			e->canolen = ce - cs;
			buf_add(&D.canobuf, s + cs, ce - cs);
			e->actor = -1;
			e->t0 = e->t1 = -1;
		}
	skip:
		while (j < n && s[j] != '|')
			j++;
		i = j + 1;
	}
}

/* Map entities to tokens and actors. */
static void
link_entities(void)
{
	size_t e, t = 0;

	for (e = 0; e < D.nents; e++) {
		struct ent *en = &D.ents[e];

		while (t < D.ntoks && TEND(t) <= en->s)
			t++;
		if (t >= D.ntoks)
			break;
		{
			size_t u = t;

			if (D.toks[u].s > en->s && D.toks[u].s >= en->e)
				continue;
			while (u < D.ntoks && D.toks[u].s < en->e)
				u++;
			if (u == t || D.toks[t].ent >= 0)
				continue;
			en->t0 = (int)t;
			en->t1 = (int)u;
			D.toks[t].ent = (int)e;
			D.toks[u - 1].entend = (int)e;
		}
		if (en->type == 'P' || en->type == 'O' || en->type == 'G' ||
		    en->type == 'N') {
			en->actor = actor_find(D.canobuf.data + en->cano, en->canolen,
			    en->type);
			if (en->type == 'P' && D.actors[en->actor].gender == 0)
				D.actors[en->actor].gender = name_gender(
				    D.canobuf.data + en->cano, en->canolen);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Quotation spans. */

/* Start a new part of a quotation at bytes [s, e). */
static void
add_part(size_t s, size_t e)
{
	GROW(D.parts, D.nparts, D.capparts);
	D.parts[D.nparts].s = s;
	D.parts[D.nparts].e = e;
	D.nparts++;
}

/* The quotation a mark opens: 2 double (“ « ", 1 single (‘), 0 none. */
static int
opener_kind(int t)
{
	struct tok *k = &D.toks[t];

	if (k->kind < T_OPEN2)
		return 0;
	if (k->kind == T_OPEN2)
		return 2;
	if (k->kind == T_OPEN1) {
		/* ‘ opens after a space, a bracket, a dash or the row start */
		if (t == 0 || D.toks[t - 1].row != k->row || TEND(t - 1) < k->s ||
		    D.toks[t - 1].kind == T_OPEN2 || tpunct(t - 1, '(') ||
		    tpunct(t - 1, '['))
			return 1;
	}
	return 0;
}

/* Does token t close a quotation of this kind? */
static int
closes(int t, int kind)
{
	struct tok *k = &D.toks[t];

	if (kind == 2)
		return k->kind == T_CLOSE2;
	/* ’ closes unless a letter follows (an apostrophe) */
	return k->kind == T_CLOSE1;
}

/* Content token range helpers: end the span's current part. */
static void
span_end(struct span *sp, size_t e_byte, int last)
{
	size_t s = D.parts[sp->first_part + sp->nparts - 1].s;

	if (e_byte < s)
		e_byte = s;
	D.parts[sp->first_part + sp->nparts - 1].e = e_byte;
	sp->last_tok = last;
}

/*
 * Pair the quotation marks of the document into spans (see the file comment).
 */
static void
scan_quotes(void)
{
	size_t t;
	int open = 0;		/* kind of the open span: 0 none, 1, 2 */
	struct span *sp = NULL;
	int cur = -1;

	for (t = 0; t < D.ntoks; t++) {
		struct tok *k = &D.toks[t];
		int ok, newpara = t > 0 && k->row != k[-1].row &&
		    tpara((int)t) != tpara((int)t - 1);

		if (newpara && open) {
			/* a quote open at a paragraph end runs on if this one reopens */
			if (opener_kind((int)t) == open) {
				span_end(sp, TEND(t - 1), (int)t - 1);
				add_part(k->s + k->len, k->s + k->len);
				sp->nparts++;
				k->span = cur;
				continue;
			}
			span_end(sp, TEND(t - 1), (int)t - 1);
			open = 0;
		}
		if (!open) {
			ok = opener_kind((int)t);
			if (ok) {
				GROW(D.spans, D.nspans, D.capspans);
				cur = (int)D.nspans++;
				sp = &D.spans[cur];
				sp->open = (int)t;
				sp->close = -1;
				sp->first_part = (int)D.nparts;
				sp->nparts = 1;
				sp->merged = 0;
				sp->last_tok = (int)t;
				add_part(k->s + k->len, k->s + k->len);
				open = ok;
				k->span = cur;
			}
			continue;
		}
		k->span = cur;
		if (closes((int)t, open)) {
			span_end(sp, k->s, (int)t - 1);
			sp->close = (int)t;
			open = 0;
			continue;
		}
		if (open == 2 && k->kind == T_OPEN2 && t > 0 &&
		    (tfinal((int)t - 1) || tpunct((int)t - 1, ',') ||
		    tpunct((int)t - 1, ':'))) {
			/* a new opening after a sentence: the last one was left open */
			k->span = -1;
			span_end(sp, TEND(t - 1), (int)t - 1);
			open = 0;
			t--;
			continue;
		}
		if (open == 1 && (k->kind == T_OPEN2 || k->kind == T_CLOSE2)) {
			/* a ‘ that was no quotation: forget it */
			D.spans[cur].open = -1;
			{
				size_t u;

				for (u = (size_t)sp->open; u <= t; u++)
					D.toks[u].span = -1;
			}
			D.nspans--;
			D.nparts = (size_t)sp->first_part;
			open = 0;
			t--;
			continue;
		}
	}
	if (open)
		span_end(sp, D.ntoks ? TEND(D.ntoks - 1) : 0, (int)D.ntoks - 1);
	/* drop spans with no content */
	{
		size_t i, j = 0;

		for (i = 0; i < D.nspans; i++) {
			struct span *s = &D.spans[i];
			int p, has = 0;

			for (p = 0; p < s->nparts; p++)
				if (D.parts[s->first_part + p].e > D.parts[s->first_part + p].s)
					has = 1;
			if (!has) {
				size_t u;

				for (u = (size_t)s->open; (int)u <= s->last_tok + 1 &&
				    u < D.ntoks; u++)
					if (D.toks[u].span == (int)i)
						D.toks[u].span = -1;
				continue;
			}
			if (j != i) {
				size_t u, end = s->close >= 0 ? (size_t)s->close :
				    (size_t)s->last_tok;

				for (u = (size_t)s->open; u <= end && u < D.ntoks; u++)
					if (D.toks[u].span == (int)i)
						D.toks[u].span = (int)j;
				D.spans[j] = *s;
			}
			j++;
		}
		D.nspans = j;
	}
}

/* ------------------------------------------------------------------ */
/* Roles: what the document calls each person. */

/*
 * Add token t's word (or the nation it names) to the roles of an actor, once.
 */
static void
role_add(int actor, int t)
{
	struct buf *r = &D.actors[actor].roles;
	size_t n, i, start;
	const char *s;

	if (D.toks[t].ent >= 0 && D.ents[D.toks[t].ent].type != 'P') {
		const struct ent *en = &D.ents[D.toks[t].ent];

		s = D.text.data + en->s;
		n = en->e - en->s;
		if (en->type == 'N' || en->type == 'G')
			D.actors[actor].nation = 1;
	} else if (D.toks[t].kind == T_WORD) {
		s = ttext(t, &n);
	} else
		return;
	if (r->len > 1024 || n == 0)
		return;
	start = r->len;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		buf_addc(r, c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf_addc(r, ' ');
	/* keep each word once: " word " already there? */
	for (i = 0; i + n + 2 <= start + 1; i++)
		if (r->data[i] == ' ' && memcmp(r->data + i + 1, r->data + start, n) == 0 &&
		    r->data[i + 1 + n] == ' ') {
			r->len = start;
			return;
		}
}

/* Is a word token part of a role phrase (role noun, modifier, nation)? */
static int
rolish(int t)
{
	unsigned f = tflags(t);

	if (!tword(t))
		return 0;
	if (f & QW_ROLE)
		return 1;
	if (D.toks[t].ent >= 0 || D.toks[t].entend >= 0) {
		int e = D.toks[t].ent >= 0 ? D.toks[t].ent : D.toks[t].entend;

		return D.ents[e].type == 'N' || D.ents[e].type == 'G' ||
		    D.ents[e].type == 'O';
	}
	return (f & QW_ROLEMOD) != 0;
}

/*
 * Read the roles the document gives people and organizations: "Ukrainian
 * President X", "X, the club captain,", "the software company Vantix".
 */
static void
collect_roles(void)
{
	size_t e;

	for (e = 0; e < D.nents; e++) {
		struct ent *en = &D.ents[e];
		int t, k, has;

		if (en->type == 'O' && en->t0 > 0 && en->actor >= 0) {
			/* the cybersecurity company CrowdStrike; Ryanair, the airline, */
			t = en->t0 - 1;
			if ((tflags(t) & QW_ORGNOUN) && samerow(t, en->t0))
				role_add(en->actor, t);
			t = en->t1;
			if ((size_t)t + 2 < D.ntoks && tpunct(t, ',') && samerow(t, en->t0))
				for (k = t + 1; (size_t)k < D.ntoks && k < t + 6 && samerow(k, t) &&
				    !tpunct(k, ','); k++)
					if (tflags(k) & QW_ORGNOUN) {
						role_add(en->actor, k);
						break;
					}
		}
		if (en->type != 'P' || en->t0 < 0)
			continue;
		/* before: Ukrainian President Volodymyr Zelensky */
		t = en->t0 - 1;
		if (t >= 0 && samerow(t, en->t0) && (tflags(t) & QW_ROLE)) {
			for (k = t; k >= 0 && k > t - 6 && samerow(k, t) && rolish(k); k--)
				role_add(en->actor, k);
		}
		/* before, with a comma: Trump's envoy, Keith Kellogg, */
		if (t >= 1 && tpunct(t, ',') && (tflags(t - 1) & QW_ROLE) &&
		    samerow(t - 1, en->t0)) {
			for (k = t - 1; k >= 0 && k > t - 7 && samerow(k, t) && rolish(k); k--)
				role_add(en->actor, k);
		}
		/* after: Zelensky, the Ukrainian president, */
		t = en->t1;
		if ((size_t)t + 1 < D.ntoks && tpunct(t, ',') && samerow(t, en->t0)) {
			has = 0;
			for (k = t + 1; (size_t)k < D.ntoks && k < t + 9 && samerow(k, t); k++) {
				if (tpunct(k, ',') || tfinal(k) || tmark(k))
					break;
				if (tflags(k) & QW_ROLE)
					has = 1;
			}
			if (has && (tpunct(k, ',') || tfinal(k)))
				for (k = t + 1; k < t + 9 && !tpunct(k, ',') && !tfinal(k); k++)
					if (rolish(k))
						role_add(en->actor, k);
		}
		/* Mr, Mrs: gender */
		t = en->t0 - 1;
		if (D.actors[en->actor].gender == 0 && t >= 0) {
			if (tflags(t) & QW_MR)
				D.actors[en->actor].gender = 'M';
			else if (tflags(t) & QW_MRS)
				D.actors[en->actor].gender = 'F';
		}
	}
}

/*
 * Gender from use: a sentence (outside quotations) that names one person
 * only and then says he/his/him or she/her gives that person the gender.
 */
static void
learn_gender(void)
{
	size_t r;

	for (r = 0; r < D.nrows; r++) {
		int t, who = -1, many = 0, m = 0, f = 0;

		for (t = D.rows[r].t0; t < D.rows[r].t1; t++) {
			if (D.toks[t].span >= 0)
				continue;
			if (D.toks[t].ent >= 0 && D.ents[D.toks[t].ent].type == 'P') {
				int a = D.ents[D.toks[t].ent].actor;

				if (who >= 0 && who != a)
					many = 1;
				who = a;
				continue;
			}
			if (who < 0 || D.toks[t].len < 2 || D.toks[t].len > 3)
				continue;
			if (TIS(t, "he") || TIS(t, "his") || TIS(t, "him"))
				m = 1;
			else if (TIS(t, "she") || TIS(t, "her"))
				f = 1;
		}
		if (who >= 0 && !many && m != f && D.actors[who].gender == 0)
			D.actors[who].gender = m ? 'M' : 'F';
	}
}

/* ------------------------------------------------------------------ */
/* Subjects of cue verbs. */

/* Can an entity of this type speak (person, organization, place, group)? */
static int
ent_speaker_type(int e)
{
	char c = D.ents[e].type;

	return c == 'P' || c == 'O' || c == 'G' || c == 'N';
}

/* A lower-case word in -ed that is no participle of a known class: the
 * verb after "The airline" in "The airline apologised and said". */
static int
past_form(int t)
{
	size_t n;
	const char *w;

	if (t < 0 || (size_t)t >= D.ntoks || !tword(t) || D.toks[t].upper ||
	    (tflags(t) & (QW_PREP | QW_DET | QW_ROLE | QW_ORGNOUN | QW_GROUPNOUN)))
		return 0;
	w = ttext(t, &n);
	return n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd';
}

/* Days, months and parts of the day, as in "X on Monday said". */
static int
time_word(int t)
{
	return (tflags(t) & QW_TIME) != 0;
}

/* Is the entity followed by 's or ’s (a possessive, not a subject)? */
static int
possessive(int e)
{
	size_t x = D.ents[e].e;

	if (x < D.text.len && D.text.data[x] == '\'')
		return 1;
	return x + 3 <= D.text.len && memcmp(D.text.data + x, "\xE2\x80\x99", 3) == 0;
}

static int ent_back(int t, struct subj *su);
static int attr_before_cue(int open, struct subj *su, int *cue);
static int desc_back(int t, struct subj *su);
static int is_cue_word(int t, int quoted);

/* Is token t a cue verb here?  Words without a cue class fail at once. */
static inline int
is_cue(int t, int quoted)
{
	if (t < 0 || (size_t)t >= D.ntoks || !(D.toks[t].flags & (QW_SAY | QW_STANCE)))
		return 0;
	return is_cue_word(t, quoted);
}

/* Does the name starting at token t stand in a prepositional phrase? */
static int
in_pp(int t)
{
	int p = t - 1;

	while (p >= 0 && samerow(p, t) && rolish(p) && !(tflags(p) & QW_PREP))
		p--;
	return p >= 0 && samerow(p, t) && (tflags(p) & QW_PREP);
}

/* The first subject-like name or pronoun of the sentence, before token c. */
static int
sentence_subject(int c, struct subj *su)
{
	int k, r0 = D.rows[D.toks[c].row].t0;

	if (r0 < c - MAXCLAUSE)
		return 0;	/* a subject this far back is no subject */
	for (k = r0; k < c; k++) {
		if (D.toks[k].span >= 0)
			continue;
		if (k > r0 && is_cue(k, 0))
			break;
		/* a role noun; an organization or group noun right before its verb */
		if (((tflags(k) & QW_ROLE) || ((tflags(k) & (QW_ORGNOUN | QW_GROUPNOUN)) &&
		    ((tflags(k + 1) & (QW_AUX | QW_SAY | QW_STANCE)) ||
		    (k == r0 + 1 && TIS(r0, "the") && past_form(k + 1))))) && D.toks[k].ent < 0 &&
		    !(tflags(k + 1) & (QW_ROLE | QW_ORGNOUN | QW_GROUPNOUN)) &&
		    D.toks[k + 1].ent < 0 && !D.toks[k + 1].upper && desc_back(k, su)) {
			int p = su->t0 - 1;

			if (p < r0 || (p == r0 && (tflags(p) & QW_CONN)) || tpunct(p, ','))
				return 1;
			memset(su, 0, sizeof(*su));
		}
		if (tflags(k) & (QW_HE | QW_SHE | QW_THEY | QW_IT)) {
			memset(su, 0, sizeof(*su));
			su->kind = SUBJ_PRON;
			su->t0 = k;
			su->t1 = k + 1;
			return 1;
		}
		if (D.toks[k].ent >= 0 && ent_speaker_type(D.toks[k].ent) &&
		    D.ents[D.toks[k].ent].type != 'N' && !possessive(D.toks[k].ent)) {
			int p = k - 1;

			while (p >= r0 && rolish(p))
				p--;
			/* analysts at Vesta Bank: the group speaks for the organization */
			if (p >= r0 + 1 && (TIS(p, "at") || TIS(p, "from") || TIS(p, "of")) &&
			    (tflags(p - 1) & QW_GROUPNOUN) && D.ents[D.toks[k].ent].type == 'O' &&
			    (p - 1 == r0 || TIS(p - 2, "the"))) {
				ent_back(D.ents[D.toks[k].ent].t1 - 1, su);
				su->t0 = p - 1 == r0 ? r0 : p - 2;
				return 1;
			}
			if (p >= r0 && (tflags(p) & QW_PREP))
				continue;
			return ent_back(D.ents[D.toks[k].ent].t1 - 1, su);
		}
	}
	return 0;
}

/* An age as a noun: 24-year-old (the striker, 24, is "the 24-year-old"). */
static int
age_word(int t)
{
	size_t n, i = 0;
	const char *w;

	if (t < 0 || (size_t)t >= D.ntoks || !tword(t))
		return 0;
	w = ttext(t, &n);
	while (i < n && w[i] >= '0' && w[i] <= '9')
		i++;
	return i > 0 && i < 4 && n - i == 9 && memcmp(w + i, "-year-old", 9) == 0;
}

/* Description: [det] (modifiers) ROLE ending at token t (inclusive). */
/* A plural of a role or organization noun with no entry of its own:
 * ministers, judges, unions. */
static int
plural_role(int t)
{
	const struct quote_word *w;
	size_t n;
	const char *s = ttext(t, &n);

	if (n < 4 || s[n - 1] != 's' || D.toks[t].widx >= 0)
		return 0;
	w = word_lookup(s, n - 1);
	return w != NULL && (w->flags & (QW_ROLE | QW_ORGNOUN));
}

static int
desc_back(int t, struct subj *su)
{
	int k, start = t;

	if (!tword(t) || (!(tflags(t) & (QW_ROLE | QW_ORGNOUN | QW_GROUPNOUN)) &&
	    !plural_role(t) && !age_word(t)))
		return 0;
	if (age_word(t)) {
		/* the 24-year-old: a person by age alone */
		if (!TIS(t - 1, "the") || !samerow(t - 1, t))
			return 0;
		su->kind = SUBJ_DESC;
		su->t0 = t - 1;
		su->t1 = t + 1;
		return 1;
	}
	for (k = t - 1; k >= 0 && k > t - 6 && samerow(k, t); k--) {
		if (tflags(k) & QW_DET) {
			start = k;
			break;
		}
		if (!tword(k) || (D.toks[k].upper && !(D.toks[k].ent >= 0 ||
		    D.toks[k].entend >= 0) && !(tflags(k) & QW_ROLE) && k != D.rows[D.toks[k].row].t0))
			break;
		if (tflags(k) & (QW_SAY | QW_STANCE | QW_PREP | QW_AUX | QW_CONN | QW_BREAK))
			break;
		start = k;
	}
	/* a bare role noun needs a determiner or a name before it; a plural
	 * group noun does not: "On Monday, officials said", "by analysts" */
	if (start == t && !(D.toks[t].upper && t == D.rows[D.toks[t].row].t0))
		if (!(t > 0 && (D.toks[t - 1].entend >= 0)) && !((tflags(t) &
		    (QW_GROUPNOUN | QW_ROLE)) && D.toks[t].len > 3 &&
		    D.text.data[TEND(t) - 1] == 's' && D.text.data[TEND(t) - 2] != 's') &&
		    !plural_role(t))
			return 0;
	su->kind = SUBJ_DESC;
	su->t0 = start;
	su->t1 = t + 1;
	return 1;
}

/* An entity (or two joined by and) ending at token t. */
static int
ent_back(int t, struct subj *su)
{
	int e = t >= 0 ? D.toks[t].entend : -1;

	if (e < 0 || !ent_speaker_type(e) || possessive(e))
		return 0;
	if (D.ents[e].type == 'N' && D.text.data[D.ents[e].e - 1] != 's')
		return 0;	/* "European states": an adjective, not a subject */
	su->kind = SUBJ_ENT;
	su->nents = 1;
	su->ents[0] = e;
	su->t0 = D.ents[e].t0;
	su->t1 = t + 1;
	/* X and Y said, X and Chancellor Y said */
	{
		int a = D.ents[e].t0 - 1;

		while (a >= 1 && rolish(a) && D.toks[a].ent < 0 && D.toks[a].entend < 0 &&
		    a > D.ents[e].t0 - 4)
			a--;
		if (a >= 1 && TIS(a, "and") && D.toks[a - 1].entend >= 0 &&
		    D.ents[D.toks[a - 1].entend].type == 'P' && D.ents[e].type == 'P') {
			int e2 = D.toks[a - 1].entend;

			su->ents[1] = su->ents[0];
			su->ents[0] = e2;
			su->nents = 2;
			su->t0 = D.ents[e2].t0;
		}
	}
	return 1;
}

/*
 * The subject of a cue at token c, read backward.  Returns 1 and fills su,
 * 0 when none, -1 when the verb is negated ("did not say").
 */
static int
subject_back(int c, struct subj *su)
{
	int t = c - 1, skipped = 0;

	memset(su, 0, sizeof(*su));
	for (;;) {
		while (t >= 0 && samerow(t, c) && (tflags(t) & (QW_AUX | QW_NEG)) &&
		    skipped < 4) {
			if (tflags(t) & QW_NEG)
				return -1;
			t--;
			skipped++;
		}
		/* on Wednesday, last week, this morning */
		if (t >= 1 && samerow(t - 1, c) && time_word(t) && (TIS(t - 1, "on") ||
		    TIS(t - 1, "last") || TIS(t - 1, "this") || TIS(t - 1, "late") ||
		    TIS(t - 1, "early") || TIS(t - 1, "earlier") || TIS(t - 1, "in")) &&
		    skipped < 6) {
			t -= 2;
			skipped += 2;
			continue;
		}
		break;
	}
	if (t < 0 || !samerow(t, c) || D.toks[t].span >= 0)
		return 0;
	if (TIS(t, "to") && (TIS(t - 1, "declined") || TIS(t - 1, "refused")))
		return -1;
	/* X smiled and said, X met Y and called for: the sentence's subject */
	if ((TIS(t, "and") || TIS(t, "but")) && t >= 1 && (D.toks[t - 1].entend < 0 ||
	    !ent_speaker_type(D.toks[t - 1].entend)))
		return sentence_subject(t, su);	/* (on Thursday and warned: a date) */
	/* X was quoted as saying */
	if (TIS(t, "as") && t >= 2 && TIS(t - 1, "quoted")) {
		t -= 2;
		while (t >= 0 && samerow(t, c) && (tflags(t) & QW_AUX))
			t--;
		if (t < 0 || !samerow(t, c))
			return 0;
	}
	/* seemed to acknowledge */
	if (TIS(t, "to") && t >= 1 && (TIS(t - 1, "seemed") || TIS(t - 1, "appeared") ||
	    TIS(t - 1, "seems") || TIS(t - 1, "appears"))) {
		t -= 2;
		while (t >= 0 && samerow(t, c) && (tflags(t) & QW_AUX))
			t--;
		if (t < 0 || !samerow(t, c))
			return 0;
	}
	if (TIS(t, "who") && t >= 1) {
		t--;
		if (tpunct(t, ','))
			t--;
		if (t < 0 || !samerow(t, c))
			return 0;
	}
	if (tflags(t) & (QW_HE | QW_SHE | QW_THEY | QW_IT)) {
		su->kind = SUBJ_PRON;
		su->t0 = t;
		su->t1 = t + 1;
		return 1;
	}
	if (D.toks[t].entend >= 0 && D.ents[D.toks[t].entend].type == 'N' &&
	    D.ents[D.toks[t].entend].t0 == t && TIS(t - 1, "the") && samerow(t - 1, c)) {
		/* the Italian said: a person of that nation */
		size_t n;
		const char *w = ttext(t, &n);

		if (n > 1 && w[n - 1] != 's') {
			su->kind = SUBJ_DESC;
			su->t0 = t - 1;
			su->t1 = t + 1;
			return 1;
		}
	}
	if (ent_back(t, su)) {
		int p = su->t0 - 1;

		/* whose Free Democrats have opposed: a relative clause */
		if (TIS(su->t0 - 1, "whose") || TIS(su->t0 - 1, "which") ||
		    TIS(su->t0 - 1, "that") || TIS(su->t0 - 1, "whom")) {
			memset(su, 0, sizeof(*su));
			return 0;
		}
		/* villagers in Pennock, residents near X: the group, not the place */
		if (p >= 1 && (TIS(p, "in") || TIS(p, "near") || TIS(p, "across") ||
		    TIS(p, "outside") || TIS(p, "around") || TIS(p, "inside") ||
		    TIS(p, "throughout")) && (tflags(p - 1) & QW_GROUPNOUN) && samerow(p - 1, t)) {
			int g = p - 2;

			memset(su, 0, sizeof(*su));
			if (g >= 0 && samerow(g, t) && D.toks[g].entend >= 0 &&
			    ent_speaker_type(D.toks[g].entend) &&
			    D.ents[D.toks[g].entend].type != 'P' && ent_back(g, su)) {
				su->t1 = p;	/* NATO officials in Brussels */
				return 1;
			}
			su->kind = SUBJ_DESC;
			su->t0 = (tflags(g) & QW_DET) && samerow(g, t) ? g : p - 1;
			su->t1 = p;
			return 1;
		}
		return 1;
	}
	/* X, the Ukrainian president, said; X's lawyer, Tom Green, said;
	 * X, 54, of Leeds, admitted */
	if (tpunct(t, ',')) {
		int k, r0 = D.rows[D.toks[t].row].t0;

		if (tflags(c) & QW_PART)
			return 0;	/* ", adding": the sentence's subject */
		if (ent_back(t - 1, su) && D.ents[su->ents[0]].type == 'P' &&
		    !in_pp(su->t0) && tpunct(su->t0 - 1, ',')) {
			su->t1 = t;
			return 1;
		}
		memset(su, 0, sizeof(*su));
		for (k = t - 1; k >= r0 && k > t - 30; k--) {
			if (tfinal(k) || tmark(k) || tpunct(k, ';'))
				break;
			if (tpunct(k, ',') && ent_back(k - 1, su) && !in_pp(su->t0)) {
				su->t1 = t;
				return 1;
			}
			memset(su, 0, sizeof(*su));
			/* The group, which represents 300 farmers, said: a description
			 * that opens the sentence, then a relative clause */
			if (tpunct(k, ',') && k + 1 < t && (TIS(k + 1, "which") ||
			    TIS(k + 1, "who")) && D.toks[k - 1].ent < 0 &&
			    D.toks[k - 1].entend < 0 && desc_back(k - 1, su) &&
			    (su->t0 == r0 || (su->t0 == r0 + 1 && (tflags(r0) & QW_CONN))))
				return 1;
			memset(su, 0, sizeof(*su));
			if (k == r0 || (k == r0 + 1 && (tflags(r0) & QW_CONN))) {
				/* the first stretch of the sentence: its subject */
				int j;

				for (j = k; j < t && !tpunct(j, ','); j++)
					if (D.toks[j].ent >= 0 && ent_speaker_type(D.toks[j].ent) &&
					    D.ents[D.toks[j].ent].type != 'N' && !in_pp(j))
						return ent_back(D.ents[D.toks[j].ent].t1 - 1, su);
				break;
			}
		}
		return 0;
	}
	/* analysts at Morgan Stanley said */
	if (D.toks[t].entend >= 0 && D.ents[D.toks[t].entend].type == 'O' && t >= 2) {
		int e = D.toks[t].entend, p = D.ents[e].t0 - 1;

		if ((TIS(p, "at") || TIS(p, "from") || TIS(p, "of")) &&
		    (tflags(p - 1) & QW_GROUPNOUN) && samerow(p - 1, t)) {
			ent_back(t, su);
			su->t0 = TIS(p - 2, "the") ? p - 2 : p - 1;
			return 1;
		}
	}
	/* NATO officials said, a Kremlin spokesman said */
	if ((tflags(t) & QW_GROUPNOUN) && t >= 1) {
		int k = t - 1;

		if (tflags(k) & QW_DET)
			k = -1;
		if (k >= 0 && D.toks[k].entend >= 0 && ent_speaker_type(D.toks[k].entend) &&
		    D.ents[D.toks[k].entend].type != 'P') {
			ent_back(k, su);
			su->t1 = t + 1;
			return 1;
		}
	}
	if (desc_back(t, su)) {
		/* scientists at the university said: the group is the mention */
		int p = su->t0 - 1;

		if (p >= 1 && (TIS(p, "at") || TIS(p, "from") || TIS(p, "of")) &&
		    (tflags(p - 1) & QW_GROUPNOUN) && samerow(p - 1, t))
			su->t0 = (tflags(p - 2) & QW_DET) && samerow(p - 2, t) ? p - 2 : p - 1;
		else if (p >= 2 && TIS(p, "to") && TIS(p - 1, "close") &&
		    (tflags(p - 2) & QW_GROUPNOUN) && samerow(p - 2, t)) {
			/* sources close to the club: not the club itself */
			su->t0 = (tflags(p - 3) & QW_DET) && samerow(p - 3, t) ? p - 3 : p - 2;
			su->t1 = p - 1;
		}
		return 1;
	}
	return 0;
}

/*
 * Is token t an untagged capitalized word of a short run that a role noun
 * follows (Rovers manager, Harrowgate Rovers boss)?
 */
static int
name_before_role(int t)
{
	int k;

	for (k = t; (size_t)k < D.ntoks && k < t + 3 && samerow(k, t); k++) {
		if (!tword(k) || D.toks[k].ent >= 0 || D.toks[k].entend >= 0)
			return 0;
		if (!D.toks[k].upper)
			return (tflags(k) & QW_ROLE) != 0 && k > t;
		if (tflags(k) & QW_ROLE)
			return k > t;
	}
	return 0;
}

/* The subject after a cue: said X, said the president, said Mr X. */
static int
subject_fwd(int t, struct subj *su)
{
	int k;

	memset(su, 0, sizeof(*su));
	if ((size_t)t >= D.ntoks || D.toks[t].span >= 0)
		return 0;
	if (tflags(t) & (QW_MR | QW_MRS))
		t++;
	if ((size_t)t + 1 < D.ntoks && TIS(t, "the") && D.toks[t + 1].ent >= 0 &&
	    D.ents[D.toks[t + 1].ent].type != 'P')
		t++;
	if ((size_t)t >= D.ntoks)
		return 0;
	if (tflags(t) & (QW_HE | QW_SHE | QW_THEY | QW_IT)) {
		su->kind = SUBJ_PRON;
		su->t0 = t;
		su->t1 = t + 1;
		return 1;
	}
	if (D.toks[t].ent >= 0 && ent_speaker_type(D.toks[t].ent)) {
		int e = D.toks[t].ent, end = D.ents[e].t1;

		/* said NATO officials: the group noun belongs to the mention */
		if ((size_t)end < D.ntoks && (tflags(end) & QW_GROUPNOUN) && samerow(end, t))
			end++;
		/* said Ukrainian President Volodymyr Zelensky */
		k = end;
		while ((size_t)k < D.ntoks && k < end + 4 && rolish(k) && samerow(k, t))
			k++;
		if (k > end && (size_t)k < D.ntoks && D.toks[k].ent >= 0 &&
		    D.ents[D.toks[k].ent].type == 'P') {
			su->kind = SUBJ_ENT;
			su->nents = 1;
			su->ents[0] = D.toks[k].ent;
			su->t0 = t;
			su->t1 = D.ents[D.toks[k].ent].t1;
			return 1;
		}
		/* said the Manchester City manager: a description */
		if (k > end && (tflags(k - 1) & QW_ROLE) && !(tflags(k - 1) & QW_GROUPNOUN) &&
		    D.ents[e].type != 'P') {
			su->kind = SUBJ_DESC;
			su->t0 = TIS(t - 1, "the") ? t - 1 : t;
			su->t1 = k;
			return 1;
		}
		su->kind = SUBJ_ENT;
		su->nents = 1;
		su->ents[0] = e;
		su->t0 = t;
		su->t1 = end;
		return 1;
	}
	/* the Ukrainian president / Ukrainian President Zelensky */
	for (k = t; (size_t)k < D.ntoks && k < t + 7 && samerow(k, t); k++) {
		if (D.toks[k].ent >= 0 && D.ents[D.toks[k].ent].type == 'P' && k > t) {
			su->kind = SUBJ_ENT;
			su->nents = 1;
			su->ents[0] = D.toks[k].ent;
			su->t0 = t;
			su->t1 = D.ents[D.toks[k].ent].t1;
			return 1;
		}
		if (!tword(k) || (tflags(k) & (QW_PREP | QW_SAY | QW_STANCE | QW_THAT)) ||
		    TIS(k, "who") || TIS(k, "which"))
			break;
		/* lead author Dr Priya Sharma: lower-case words and titles only,
		 * or an untagged name before a role (Rovers manager X) */
		if (D.toks[k].upper && !rolish(k) && !(tflags(k) & (QW_DET | QW_MR | QW_MRS)) &&
		    !name_before_role(k))
			break;
	}
	/* longest description: det ... role */
	{
		int last = -1;

		for (k = t; (size_t)k < D.ntoks && k < t + 6 && samerow(k, t); k++) {
			if (!tword(k))
				break;
			if ((tflags(k) & (QW_ROLE | QW_ORGNOUN | QW_GROUPNOUN)) || age_word(k))
				last = k;
			else if (k > t && !rolish(k) && !(tflags(k) & QW_DET) && D.toks[k].upper == 0 &&
			    last >= 0)
				break;
		}
		if (last >= 0 && desc_back(last, su) && su->t0 >= t)
			return 1;
	}
	memset(su, 0, sizeof(*su));
	return 0;
}

/* ------------------------------------------------------------------ */
/* Statements. */

/* A new, empty statement of the given kind. */
static struct stmt *
new_stmt(int kind)
{
	struct stmt *s;

	GROW(D.stmts, D.nstmts, D.capstmts);
	s = &D.stmts[D.nstmts++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->cue0 = -1;
	s->spk_actor = -1;
	return s;
}

/* "called on X to ...": call takes "on" as well as "for". */
static int
call_on(int c)
{
	return (TIS(c, "call") || TIS(c, "calls") || TIS(c, "called") || TIS(c, "calling")) &&
	    TIS(c + 1, "on");
}

/* The cue at token c: the verb and its particle (called for). */
/* Does "that" follow cue c, at once or after a short phrase (wrote on X
 * that, replied in a letter that)?  Then a quote-only verb reports. */
static int
that_follows(int c)
{
	int k, r1 = D.rows[D.toks[c].row].t1;

	if (TIS(c + 1, "that"))
		return 1;
	if (!(tflags(c + 1) & QW_PREP) || TIS(c + 1, "to"))
		return 0;
	for (k = c + 2; k < r1 && k < c + 8; k++) {
		if (TIS(k, "that"))
			return !(tflags(k - 1) & QW_PREP);
		if (!tword(k))
			return 0;
	}
	return 0;
}

/* throw its (his, her, their) weight behind: a position, the verb taking
 * its particle three words on */
static int
weight_behind(int c)
{
	return TIS(c + 2, "weight") && TIS(c + 3, "behind") && (tflags(c + 1) & QW_DET) &&
	    (TIS(c, "throw") || TIS(c, "throws") || TIS(c, "threw") ||
	    TIS(c, "thrown") || TIS(c, "throwing"));
}

static int
cue_end(int c)
{
	const struct quote_word *w = TWORD(c);

	if (weight_behind(c))
		return c + 4;

	if (w != NULL && w->particle != NULL && tis_n(c + 1, w->particle, strlen(w->particle)))
		return c + 2;
	if (w != NULL && call_on(c))
		return c + 2;
	return c + 1;
}

/*
 * Is token t a cue?  level 0: for reported speech without marks; 1: for a
 * quoted fragment in the sentence (adds "wants"); 2: right next to the
 * quotation marks (adds "asked", "continued").
 */
static int
is_cue_word(int t, int quoted)
{
	const struct quote_word *w;

	if (t < 0 || (size_t)t >= D.ntoks || D.toks[t].kind != T_WORD)
		return 0;
	w = TWORD(t);
	if (w == NULL || !(w->flags & (QW_SAY | QW_STANCE)))
		return 0;
	if (D.toks[t].upper && t != D.rows[D.toks[t].row].t0)
		return 0;	/* a name: Said, Hope */
	if ((w->flags & QW_PARTICLE) && !tis_n(t + 1, w->particle, strlen(w->particle)) &&
	    !(quoted >= 1 && w->particle[0] == 'f' && TIS(t, "called")) && !call_on(t) &&
	    !weight_behind(t)) {
		/* said-type verbs with an optional particle */
		if (!(w->flags & QW_SAY) || TIS(t, "according") || TIS(t, "refer") ||
		    TIS(t, "refers") || TIS(t, "referred") || TIS(t, "referring") ||
		    TIS(t, "agree") || TIS(t, "agrees") || TIS(t, "agreed") ||
		    TIS(t, "point") || TIS(t, "points") || TIS(t, "pointed") ||
		    TIS(t, "pointing"))
			return 0;
	}
	if ((w->flags & QW_QUOTEONLY) && quoted < 2 && !that_follows(t))
		return 0;
	if ((w->flags & QW_WEAK) && quoted < 1)
		return 0;
	/* seemed to acknowledge, appeared to say */
	if (TIS(t - 1, "to") && (TIS(t - 2, "seemed") || TIS(t - 2, "appeared") ||
	    TIS(t - 2, "seems") || TIS(t - 2, "appears")))
		return 1;
	/* a verb of position takes content only as a verb: "the support of" */
	if (TIS(t - 1, "the") || TIS(t - 1, "a") || TIS(t - 1, "an") || TIS(t - 1, "his") ||
	    TIS(t - 1, "her") || TIS(t - 1, "their") || TIS(t - 1, "its") ||
	    TIS(t - 1, "of") || TIS(t - 1, "to"))
		return 0;
	return 1;
}

/* A participle cue after a comma: ", adding", ", sometimes even claiming". */
static int
part_after_comma(int c)
{
	int k = c - 1;

	if (!(tflags(c) & QW_PART))
		return 0;
	while (k >= 0 && k > c - 4 && samerow(k, c) && (tflags(k) & QW_AUX) &&
	    !(tflags(k) & QW_NEG) && !TIS(k, "is") && !TIS(k, "was") && !TIS(k, "are") &&
	    !TIS(k, "were") && !TIS(k, "be") && !TIS(k, "been") && !TIS(k, "has") &&
	    !TIS(k, "have") && !TIS(k, "had"))
		k--;
	return k >= 0 && samerow(k, c) && (tpunct(k, ',') || TIS(k, "\xE2\x80\x94"));
}

/* A word that can stand as the verb of an attribution: lower case, no
 * function word. */
static int
verbish(int t)
{
	return tword(t) && !D.toks[t].upper && D.toks[t].ent < 0 &&
	    !(tflags(t) & (QW_PREP | QW_DET | QW_CONN | QW_AUX | QW_NEG | QW_BREAK |
	    QW_HE | QW_SHE | QW_THEY | QW_IT | QW_ROLE | QW_ORGNOUN | QW_GROUPNOUN |
	    QW_THAT));
}

/* Where an attribution may end: sentence end, comma, or a preposition. */
static int
slot_end(int t, int row)
{
	return (size_t)t >= D.ntoks || D.toks[t].row != row || tfinal(t) ||
	    tpunct(t, ',') || (tflags(t) & QW_PREP) || TIS(t, "\xE2\x80\x94");
}

/*
 * The attribution slot after a quotation that ends in , ? or !: a verb
 * that is not in the tables still reports speech there (“...,” thundered
 * X; “...,” X quipped).
 */
static int
attr_slot(int close, int t, struct subj *su, int *cue)
{
	char c = D.text.data[D.toks[close].s - 1];

	if (!(c == ',' || c == '?' || c == '!' || tpunct(close + 1, ',')))
		return 0;
	if ((size_t)t >= D.ntoks || (!samerow(t, close) && D.toks[t].row != D.toks[close].row + 1))
		return 0;
	if (verbish(t) && subject_fwd(t + 1, su) > 0 && su->kind != SUBJ_DESC &&
	    slot_end(su->t1, D.toks[t].row)) {
		*cue = t;
		return 1;
	}
	memset(su, 0, sizeof(*su));
	if ((tflags(t) & (QW_HE | QW_SHE)) || (D.toks[t].ent >= 0 &&
	    D.ents[D.toks[t].ent].type == 'P')) {
		int v = (tflags(t) & (QW_HE | QW_SHE)) ? t + 1 : D.ents[D.toks[t].ent].t1;

		if (verbish(v) && slot_end(v + 1, D.toks[t].row) && subject_back(v, su) > 0 &&
		    su->t0 == t) {
			*cue = v;
			return 1;
		}
	}
	memset(su, 0, sizeof(*su));
	return 0;
}

/* Attribution after a closing mark: ," he said / ," said X. */
static int
attr_after(int close, struct subj *su, int *cue)
{
	int t = close + 1, k, lim;

	if (close < 0 || (size_t)t >= D.ntoks || tpara(t) != tpara(close))
		return 0;
	while ((size_t)t < D.ntoks && (tpunct(t, ',') || TIS(t, "\xE2\x80\x94")))
		t++;
	if ((size_t)t >= D.ntoks || tpara(t) != tpara(close))
		return 0;
	/* “... .” He vowed: a new sentence, not an attribution; “...?” asked X */
	if (t == close + 1 && close > 0 && tfinal(close - 1)) {
		if (tpunct(close - 1, '.') || D.text.data[D.toks[close - 1].s] == '\xE2')
			return 0;
		if (D.toks[t].upper && !samerow(t, close))
			return 0;
	}
	/* said X */
	if (is_cue(t, 2) && subject_fwd(cue_end(t), su) > 0) {
		*cue = t;
		return 1;
	}
	if (is_cue(t, 2) && TIS(cue_end(t), "by"))
		return 0;
	/* X said */
	lim = t + 12;
	for (k = t; (size_t)k < D.ntoks && k < lim && tpara(k) == tpara(t); k++) {
		if (tmark(k) || tfinal(k) || tpunct(k, ';'))
			break;
		if (is_cue(k, 2)) {
			int r = subject_back(k, su);

			if (r > 0 && su->t0 <= t + 1 && su->t0 >= t) {
				*cue = k;
				return 1;
			}
			if (r > 0 && su->t0 >= t && su->kind == SUBJ_ENT && k - t < 10) {
				*cue = k;
				return 1;
			}
			memset(su, 0, sizeof(*su));
			return 0;
		}
	}
	return attr_slot(close, t, su, cue);
}

/* Attribution before an opening mark: X said: “ / X added, “ / X said “. */
static int
attr_before(int open, struct subj *su, int *cue)
{
	int t = open - 1;

	if (t >= 1 && tpunct(t, ':') && samerow(t, open) && !attr_before_cue(open, su, cue)) {
		/* a headline: Minister: ‘We will not raise taxes’ */
		int r0 = D.rows[D.toks[t].row].t0;

		memset(su, 0, sizeof(*su));
		if (ent_back(t - 1, su) && su->t0 == r0)
			return 1;
		memset(su, 0, sizeof(*su));
		if (desc_back(t - 1, su) && su->t0 == r0)
			return 1;
		memset(su, 0, sizeof(*su));
	}
	if (t >= 0 && (tpunct(t, ':') || (tpunct(t, ',') && samerow(t, open))) &&
	    !attr_before_cue(open, su, cue)) {
		/* X put it bluntly: “...”; as X put it, “...”: the clause's subject */
		if (sentence_subject(t, su) && su->kind != SUBJ_DESC &&
		    (su->kind == SUBJ_PRON || D.ents[su->ents[0]].type == 'P') &&
		    verbish(su->t1) && su->t1 + 4 >= t) {
			*cue = su->t1;
			return 1;
		}
		memset(su, 0, sizeof(*su));
		return 0;
	}
	return attr_before_cue(open, su, cue);
}

/* A cue verb with its subject just before the opening mark. */
static int
attr_before_cue(int open, struct subj *su, int *cue)
{
	int t = open - 1, k, r;

	if (t < 0)
		return 0;
	if (tpara(t) != tpara(open) && !tpunct(t, ':'))
		return 0;
	if (tpunct(t, ':') || tpunct(t, ','))
		t--;
	/* skip a short adverbial: said on Monday: */
	for (k = t; k >= 0 && k > t - 5; k--) {
		if (!tword(k) || D.toks[k].span >= 0)
			break;
		if (is_cue(k, 2)) {
			if (k != t && !(tflags(k + 1) & QW_PREP) && !TIS(k + 1, "reporters") &&
			    D.toks[k + 1].ent < 0 && !(tflags(k + 1) & QW_DET))
				break;
			r = subject_back(k, su);
			if (r > 0) {
				*cue = k;
				return 1;
			}
			if (r == 0 && part_after_comma(k)) {
				/* ..., adding: “ */
				su->kind = SUBJ_SENT;
				su->t0 = su->t1 = k;
				*cue = k;
				return (tflags(k) & QW_PART) != 0;
			}
			return 0;
		}
	}
	return 0;
}

/* Does the span hold a sentence break (". Next") inside? */
static int
span_has_break(const struct span *sp)
{
	int t, end = sp->close >= 0 ? sp->close : sp->last_tok + 1;

	for (t = sp->open + 1; t + 1 < end; t++)
		if (tfinal(t) && (D.toks[t + 1].upper || tmark(t + 1)))
			return 1;
	return 0;
}

/* The number of words inside a span. */
static int
span_words(const struct span *sp)
{
	int t, n = 0, end = sp->close >= 0 ? sp->close : sp->last_tok + 1;

	for (t = sp->open + 1; t < end; t++)
		if (D.toks[t].kind == T_WORD)
			n++;
	return n;
}

/* Does the quotation end in . ? or ! inside its marks? */
static int
span_ends_sentence(const struct span *sp)
{
	int last = sp->close >= 0 ? sp->close - 1 : sp->last_tok;

	return last > sp->open && tfinal(last);
}

/* Does the quotation stand at the start of a sentence or after a colon? */
static int
span_at_start(const struct span *sp)
{
	int p = sp->open - 1;

	if (p < 0 || !samerow(p, sp->open))
		return 1;
	if (tpunct(p, ':') || tfinal(p))
		return 1;
	if ((tpunct(p, ',') || tpunct(p, '-') || TIS(p, "\xE2\x80\x94")) && p >= 1) {
		int k;

		for (k = p - 1; k >= 0 && k > p - 5 && samerow(k, p); k--)
			if (is_cue(k, 1))
				return 1;
	}
	return 0;
}

/* The cue that governs a fragment: nearest in its sentence, before first. */
static int
sentence_cue(int open, int close, struct subj *su, int *cue)
{
	int r0 = D.rows[D.toks[open].row].t0;
	int r1 = D.rows[D.toks[close >= 0 ? close : open].row].t1;
	int k, r;

	if (r0 < open - MAXCLAUSE)
		r0 = open - MAXCLAUSE;
	if (r1 > (close >= 0 ? close : open) + MAXCLAUSE)
		r1 = (close >= 0 ? close : open) + MAXCLAUSE;
	for (k = open - 1; k >= r0; k--) {
		if (D.toks[k].span >= 0)
			continue;
		if (is_cue(k, 1)) {
			r = subject_back(k, su);
			if (r < 0)
				return 0;
			if (r == 0 && part_after_comma(k)) {
				su->kind = SUBJ_SENT;
				su->t0 = su->t1 = k;
				r = 1;
			}
			if (r == 0 && subject_fwd(cue_end(k), su) > 0)
				r = 1;
			if (r > 0) {
				*cue = k;
				return 1;
			}
		}
	}
	for (k = (close >= 0 ? close : open) + 1; k < r1; k++) {
		if (D.toks[k].span >= 0)
			continue;
		if (is_cue(k, 1)) {
			r = subject_back(k, su);
			if (r < 0)
				return 0;
			if (r == 0)
				r = subject_fwd(cue_end(k), su);
			if (r > 0) {
				*cue = k;
				return 1;
			}
		}
	}
	memset(su, 0, sizeof(*su));
	return 0;
}

/*
 * Set a statement's text to the parts of one or two spans, joined by spaces.
 */
static void
set_text_parts(struct stmt *st, const struct span *a, const struct span *b)
{
	const struct span *sp[2] = { a, b };
	int i, p, any = 0;

	st->text = D.sbuf.len;
	for (i = 0; i < 2; i++) {
		if (sp[i] == NULL)
			continue;
		for (p = 0; p < sp[i]->nparts; p++) {
			const struct part *pt = &D.parts[sp[i]->first_part + p];
			size_t s = pt->s, e = pt->e;

			while (s < e && D.text.data[s] == ' ')
				s++;
			while (e > s && D.text.data[e - 1] == ' ')
				e--;
			if (e == s)
				continue;
			if (any)
				buf_addc(&D.sbuf, ' ');
			buf_add(&D.sbuf, D.text.data + s, e - s);
			any = 1;
		}
	}
	st->textlen = D.sbuf.len - st->text;
}

/*
 * A title in the reporter's sentence: “Cruel Summer”, “The Art of the
 * Deal” -- every word capitalized but the small ones, not at the start of
 * a sentence, and no mark of a sentence inside.
 */
static int
title_case(const struct span *sp)
{
	int t, end = sp->close >= 0 ? sp->close : sp->last_tok + 1, words = 0;

	if (span_at_start(sp) || sp->close < 0)
		return 0;
	for (t = sp->open + 1; t < end; t++) {
		if (tfinal(t) || tpunct(t, ','))
			return 0;
		if (!tword(t))
			continue;
		words++;
		if (!D.toks[t].upper && !TIS(t, "of") && !TIS(t, "the") && !TIS(t, "a") &&
		    !TIS(t, "an") && !TIS(t, "and") && !TIS(t, "in") && !TIS(t, "on") &&
		    !TIS(t, "to") && !TIS(t, "for") && !TIS(t, "at") && !TIS(t, "with"))
			return 0;
	}
	return words > 0 && tupper(sp->open + 1);
}

/* A name or a title, whatever the sentence: so-called “X”, the film “X”. */
static int
named(const struct span *sp)
{
	int p = sp->open - 1;

	if (p >= 0 && samerow(p, sp->open) && (tflags(p) & (QW_NAMING | QW_WORK)))
		return 1;
	/* her first novel, “The Loom Keepers”,: a title in apposition */
	if (p >= 1 && tpunct(p, ',') && (tflags(p - 1) & QW_WORK) && samerow(p - 1, p) &&
	    title_case(sp))
		return 1;
	return p >= 1 && TIS(p, "as") && TIS(p - 1, "known");
}

/* Scare quotes and titles: a fragment that is nobody's words. */
static int
not_speech(const struct span *sp)
{
	return named(sp) || title_case(sp);
}

/* A span that is not speech: its words are the reporter's after all. */
static void
drop_span(const struct span *sp)
{
	int t, end = sp->close >= 0 ? sp->close : sp->last_tok;
	int me = D.toks[sp->open].span;

	for (t = sp->open; t <= end && (size_t)t < D.ntoks; t++)
		if (D.toks[t].span == me)
			D.toks[t].span = -1;
}

/* Turn the quotation spans into direct and partial statements. */
static void
do_spans(void)
{
	size_t i;

	for (i = 0; i < D.nspans; i++) {
		struct span *sp = &D.spans[i];
		struct stmt *st;
		struct subj su;
		int cue = -1, direct, attr = 0, after = 0, last;

		if (sp->merged)
			continue;
		direct = (span_at_start(sp) && (span_words(sp) >= 3 || span_ends_sentence(sp))) ||
		    span_has_break(sp) ||
		    (tpunct(sp->open - 1, ',') && tupper(sp->open + 1) &&
		    span_ends_sentence(sp) && span_words(sp) >= 3);
		if (attr_after(sp->close, &su, &cue)) {
			attr = 1;
			after = 1;
		} else if (attr_before(sp->open, &su, &cue))
			attr = 1;
		else if (sentence_cue(sp->open, sp->close, &su, &cue))
			attr = 1;
		if (!attr && !direct) {
			/* headline style: Zelensky ‘prepared to ...’ */
			int p = sp->open - 1;

			memset(&su, 0, sizeof(su));
			if (p >= 0 && samerow(p, sp->open) && sentence_subject(sp->open, &su) &&
			    (su.kind != SUBJ_ENT || D.ents[su.ents[0]].type != 'P'))
				memset(&su, 0, sizeof(su));
			if (su.kind == SUBJ_NONE && (span_words(sp) <= 2 || not_speech(sp))) {
				drop_span(sp);	/* a scare quote or a title */
				continue;
			}
		}
		if ((!attr && !direct && not_speech(sp)) || named(sp)) {
			drop_span(sp);
			continue;
		}
		st = new_stmt(direct ? K_DIRECT : K_PARTIAL);
		st->pos = D.toks[sp->open].s;
		st->row0 = D.toks[sp->open].row;
		last = sp->close >= 0 ? sp->close : sp->last_tok;
		st->row1 = D.toks[last].row;
		st->subj = su;
		if (attr && cue >= 0) {
			st->cue0 = cue;
			st->cue1 = cue_end(cue);
			D.toks[cue].used = 1;
		}
		if (!attr && direct)
			st->inherit = 1;
		/* “A,” he said, “B.” and “A,” he said. “B.”: one quotation */
		if (after && i + 1 < D.nspans) {
			struct span *nx = &D.spans[i + 1];
			int a = cue_end(cue), b = nx->open, ok = 1, k;
			struct subj s2;
			int c2;

			if (st->subj.t1 > a)
				a = st->subj.t1;
			if (tpara(b) != tpara(sp->open) || b < a)
				ok = 0;
			if (ok && b > a && D.toks[b].row == D.toks[cue].row + 1 &&
			    b == D.rows[D.toks[b].row].t0 && tfinal(b - 1)) {
				/* “A,” X told reporters in Berlin. “B.” */
				for (k = a; ok && k < b; k++)
					if (tmark(k) || D.toks[k].row != D.toks[cue].row)
						ok = 0;
			} else
				for (k = a; ok && k < b; k++)
					if (!(tpunct(k, ',') || tpunct(k, '.') || tpunct(k, ':')))
						ok = 0;
			if (ok && attr_after(nx->close, &s2, &c2))
				ok = 0;
			if (ok) {
				nx->merged = 1;
				if (span_at_start(nx) || span_has_break(nx) || span_words(nx) >= 3)
					st->kind = K_DIRECT;
				set_text_parts(st, sp, nx);
				last = nx->close >= 0 ? nx->close : nx->last_tok;
				st->row1 = D.toks[last].row;
				continue;
			}
		}
		set_text_parts(st, sp, NULL);
	}
}

/* ------------------------------------------------------------------ */
/* Reported speech without quotation marks. */

/* End of the reported clause that starts at token t (exclusive token). */
static int
clause_end(int t)
{
	int r1 = D.rows[D.toks[t].row].t1, k;

	if (r1 > t + MAXCLAUSE)
		r1 = t + MAXCLAUSE;	/* a reported clause is a sentence, not a book */

	for (k = t; k < r1; k++) {
		if (tpunct(k, ';'))
			return k;
		if (tpunct(k, ',') && k + 1 < r1 && (tflags(k + 1) & QW_BREAK))
			return k;
		/* ..., said he was ready: a new statement */
		if (tpunct(k, ',') && k + 1 < r1 && (tflags(k + 1) & QW_SAY) &&
		    !D.toks[k + 1].upper && !(tflags(k + 1) & QW_PART))
			return k;
		if (tpunct(k, ',') && k + 1 < r1) {
			int q = k + 1;

			while (q < r1 && q < k + 4 && (tflags(q) & QW_AUX))
				q++;
			if (q < r1 && (tflags(q) & QW_PART) && is_cue(q, 0))
				return k;
		}
		if (tpunct(k, ',') && k + 2 < r1 && TIS(k + 1, "according") && TIS(k + 2, "to"))
			return k;
		/* said A and called for B: a second statement of the same subject */
		if (TIS(k, "and") && k > t && k + 1 < r1) {
			int q = k + 1;

			while (q < r1 && q < k + 3 && (tflags(q) & QW_AUX))
				q++;
			if (q < r1 && !D.toks[q].upper && !(tflags(q) & QW_PART) && is_cue(q, 0))
				return k;
		}
	}
	while (k > t && (tfinal(k - 1) || tpunct(k - 1, ',')))
		k--;
	return k;
}

/* Does any token in [a, b) stand inside quotation marks? */
static int
range_has_quote(int a, int b)
{
	int k;

	for (k = a; k < b; k++)
		if (D.toks[k].span >= 0)
			return 1;
	return 0;
}

/* Append tokens [a, b) of text to sbuf, as written. */
static void
add_range(int a, int b)
{
	if (b <= a)
		return;
	buf_add(&D.sbuf, D.text.data + D.toks[a].s, TEND(b - 1) - D.toks[a].s);
}

/* Skip leading connectives (In addition, However,) and "that". */
static int
skip_lead(int a, int b)
{
	for (;;) {
		if (a + 2 < b && TIS(a, "in") && TIS(a + 1, "addition") && tpunct(a + 2, ','))
			a += 3;
		else if (a + 1 < b && (tflags(a) & QW_CONN) && tpunct(a + 1, ','))
			a += 2;
		else if (a + 1 < b && (TIS(a, "but") || TIS(a, "and")) && D.toks[a].upper)
			a += 1;
		else if (a < b && TIS(a, "that"))
			a += 1;
		else
			return a;
	}
}

/* Add an indirect statement: cue, subject, and content [a1, b1) + [a2, b2). */
static void
add_indirect(int cue, const struct subj *su, int a1, int b1, int a2, int b2)
{
	struct stmt *st;
	int words = 0, k;

	a1 = skip_lead(a1, b1);
	for (k = a1; k < b1; k++)
		words += D.toks[k].kind == T_WORD;
	for (k = a2; k < b2; k++)
		words += D.toks[k].kind == T_WORD;
	if (words < 2)
		return;
	st = new_stmt(K_INDIRECT);
	st->pos = D.toks[a1 < b1 ? a1 : cue].s;
	if (a1 >= b1 && a2 < b2)
		st->pos = D.toks[a2].s;
	if (cue >= 0 && D.toks[cue].s < st->pos && cue < a1)
		st->pos = D.toks[a1].s;
	st->row0 = st->row1 = D.toks[cue].row;
	st->cue0 = cue;
	st->cue1 = cue_end(cue);
	st->subj = *su;
	D.toks[cue].used = 1;
	st->text = D.sbuf.len;
	add_range(a1, b1);
	if (a2 < b2) {
		if (b1 > a1)
			buf_addc(&D.sbuf, ' ');
		add_range(a2, b2);
	}
	st->textlen = D.sbuf.len - st->text;
	for (k = a1; k < b1; k++)
		D.toks[k].reported = 1;
	for (k = a2; k < b2; k++)
		D.toks[k].reported = 1;
}

/* A finite auxiliary or modal: the verb of a clause. */
static int
finite_verb(int t)
{
	return TIS(t, "is") || TIS(t, "was") || TIS(t, "were") || TIS(t, "are") ||
	    TIS(t, "has") || TIS(t, "have") || TIS(t, "had") || TIS(t, "would") ||
	    TIS(t, "will") || TIS(t, "could") || TIS(t, "can") || TIS(t, "should") ||
	    TIS(t, "must") || TIS(t, "may") || TIS(t, "might") || TIS(t, "did") ||
	    TIS(t, "does") || TIS(t, "do") || TIS(t, "shall") || TIS(t, "needs") ||
	    TIS(t, "wants") || TIS(t, "remains") || TIS(t, "won't") || TIS(t, "can't");
}

/* said about 48,000 homes, said over half: a number, not a phrase */
static int
about_number(int t)
{
	size_t n;
	const char *w;

	if (!(TIS(t, "about") || TIS(t, "around") || TIS(t, "over") || TIS(t, "under") ||
	    TIS(t, "nearly") || TIS(t, "almost")) || (size_t)t + 1 >= D.ntoks ||
	    !samerow(t, t + 1))
		return 0;
	w = ttext(t + 1, &n);
	return n > 0 && ((w[0] >= '0' && w[0] <= '9') || TIS(t + 1, "half") ||
	    TIS(t + 1, "a") || TIS(t + 1, "one") || TIS(t + 1, "two") || TIS(t + 1, "three"));
}

/*
 * Verbs that report only with a clause: with a noun object they tell of a
 * deed (claimed victory, claimed the title, claimed a 2-1 win).
 */
static int
object_cue(int c)
{
	return TIS(c, "claim") || TIS(c, "claims") || TIS(c, "claimed") ||
	    TIS(c, "claiming");
}

/* Does [a, b) read as a clause: "that", or a finite verb in it? */
static int
clause_like(int a, int b)
{
	int k;

	if (TIS(a, "that"))
		return 1;
	for (k = a; k < b; k++)
		if (finite_verb(k) || TIS(k, "are") || TIS(k, "isn't") || TIS(k, "wasn't"))
			return 1;
	return 0;
}

/*
 * A noun that reports a statement: "a statement by X that ...", "calls by
 * US officials to ...", "Trump's claim that ...", "US calls to ...".
 */
static int
noun_cue(int n, int t1)
{
	struct subj su;
	int a, b, p = n - 1;

	memset(&su, 0, sizeof(su));
	if ((TIS(n + 1, "by") || TIS(n + 1, "from")) && subject_fwd(n + 2, &su) > 0 &&
	    su.kind == SUBJ_ENT) {
		a = su.t1;
	} else if (p >= 0 && D.toks[p].entend >= 0 && samerow(p, n) &&
	    D.ents[D.toks[p].entend].type != 'N') {
		int e = D.toks[p].entend;

		if (!ent_speaker_type(e))
			return 0;
		su.kind = SUBJ_ENT;
		su.nents = 1;
		su.ents[0] = e;
		su.t0 = D.ents[e].t0;
		su.t1 = p + 1;
		a = n + 1;
	} else
		return 0;
	if (a >= t1 || !(TIS(a, "that") || TIS(a, "to")))
		return 0;
	if (TIS(a, "that"))
		a++;
	b = clause_end(a);
	if (b <= a || range_has_quote(a, b))
		return 0;
	add_indirect(n, &su, a, b, 0, 0);
	return 1;
}

/* Is token t a dash between words: - – —? */
static int
tdash(int t)
{
	size_t n;
	const char *s;

	if (t < 0 || (size_t)t >= D.ntoks || D.toks[t].kind != T_PUNCT)
		return 0;
	s = ttext(t, &n);
	return (n == 1 && *s == '-') || (n == 3 && (memcmp(s, "\xE2\x80\x93", 3) == 0 ||
	    memcmp(s, "\xE2\x80\x94", 3) == 0));
}

/* The first token of the noun phrase that ends before token e: after the
 * last comma, dash or colon of row tokens [t0, e). */
static int
np_start(int t0, int e)
{
	int k;

	for (k = e - 1; k >= t0; k--)
		if (tpunct(k, ',') || tpunct(k, ':') || tpunct(k, ';') || tdash(k))
			return k + 1;
	return t0;
}

/*
 * A passive cue with its agent after "by":
 *   NP is thought by X to VP        (said, believed, thought: SAY verbs)
 *   NP, proposed by X, VP / NP -- floated last year by X -- VP
 *                                   (verbs that put forward an idea)
 * The content is the noun phrase with the rest of its clause.
 */
static int
passive_cue(int c, int t0, int t1)
{
	struct subj su;
	int k = c + 1, a, b, e;

	if (c < t0 + 2)
		return 0;
	memset(&su, 0, sizeof(su));
	/* floated last winter by */
	while (k < t1 && k < c + 4 && (time_word(k) || TIS(k, "last") || TIS(k, "this") ||
	    TIS(k, "earlier")))
		k++;
	if (!TIS(k, "by") || subject_fwd(k + 1, &su) <= 0 ||
	    (su.kind != SUBJ_ENT && su.kind != SUBJ_DESC) || su.t1 >= t1)
		return 0;
	b = su.t1;
	if ((tflags(c) & QW_SAY) && TIS(b, "to") && (TIS(c - 1, "is") ||
	    TIS(c - 1, "are") || TIS(c - 1, "was") || TIS(c - 1, "were") ||
	    TIS(c - 1, "been") || TIS(c - 1, "be"))) {
		k = c - 1;
		while (k > t0 &&
		    (TIS(k - 1, "has") || TIS(k - 1, "have") || TIS(k - 1, "had") ||
		    TIS(k - 1, "will") || TIS(k - 1, "would") || TIS(k - 1, "may") ||
		    TIS(k - 1, "might") || TIS(k - 1, "widely") || TIS(k - 1, "also")))
			k--;
		a = np_start(t0, k);
		e = clause_end(b);
		if (k - a < 1 || range_has_quote(a, e))
			return 0;
		add_indirect(c, &su, a, k, b, e);
		return 1;
	}
	if ((TIS(c, "proposed") || TIS(c, "floated") || TIS(c, "suggested") ||
	    TIS(c, "recommended") || TIS(c, "backed") || TIS(c, "endorsed") ||
	    TIS(c, "supported") || TIS(c, "favored") || TIS(c, "favoured")) &&
	    ((tpunct(c - 1, ',') && tpunct(b, ',')) || (tdash(c - 1) && tdash(b))) &&
	    finite_verb(b + 1)) {
		a = np_start(t0, c - 1);
		e = clause_end(b + 1);
		if (c - 1 - a < 1 || range_has_quote(a, e))
			return 0;
		add_indirect(c, &su, a, c - 1, b + 1, e);
		return 1;
	}
	return 0;
}

/*
 * A position in an object relative clause with no object of its own:
 *   The rule, which the union has long opposed, takes effect in May.
 *   Membership, a wish for Kyiv that Moscow has rejected, is ...
 * The content is the noun phrase the clause hangs on (the first one of
 * the sentence when the clause is inside an apposition to it).
 */
static int
relative_cue(int c, int t0, int t1)
{
	struct subj su;
	int k = c - 1, r, a, e, n = 0;

	if (!(tflags(c) & QW_STANCE) || (tflags(c) & QW_PART))
		return 0;
	e = cue_end(c);
	if (e < t1 && !tpunct(e, ',') && !tfinal(e) && !finite_verb(e))
		return 0;	/* the plan that X rejected was ...: no object of its own */
	/* has long opposed, has categorically rejected */
	while (k > t0 && n < 4 && ((tflags(k) & QW_AUX) || (tword(k) && !D.toks[k].upper &&
	    D.toks[k].len > 4 && D.text.data[TEND(k) - 1] == 'y' &&
	    D.text.data[TEND(k) - 2] == 'l'))) {
		k--;
		n++;
	}
	memset(&su, 0, sizeof(su));
	if (!ent_back(k, &su) && !desc_back(k, &su))
		return 0;
	r = su.t0 - 1;
	if (r <= t0 || !(TIS(r, "which") || TIS(r, "that")) || !samerow(r, c))
		return 0;
	e = tpunct(r - 1, ',') ? r - 1 : r;
	a = np_start(t0, e);
	if (a > t0 && tpunct(a - 1, ',') && np_start(t0, a - 1) == t0)
		e = a - 1, a = t0;	/* NP, an apposition that X rejected, ... */
	if (e - a < 2 || e - a > 12 || range_has_quote(a, e))
		return 0;
	for (k = a; k < e; k++)
		if (finite_verb(k) || is_cue(k, 0))
			return 0;	/* "X said that Y rejected": no noun phrase */
	add_indirect(c, &su, a, e, 0, 0);
	return 1;
}

/* Find reported speech without marks, sentence by sentence. */
static void
do_indirect(void)
{
	size_t r;

	for (r = 0; r < D.nrows; r++) {
		int t0 = D.rows[r].t0, t1 = D.rows[r].t1, c;
		int sent_subj = 0, inner_end = 0;
		struct subj last;

		memset(&last, 0, sizeof(last));
		for (c = t0; c < t1; c++) {
			struct subj su;
			int rr, a, b, k;

			if (D.toks[c].span < 0 && (tflags(c) & QW_NOUNCUE) && noun_cue(c, t1))
				continue;
			if (D.toks[c].span >= 0 || D.toks[c].used || !is_cue(c, 0))
				continue;
			/* he said he had told them to ...: a cue inside reported words */
			if (c < inner_end)
				continue;
			if (passive_cue(c, t0, t1) || relative_cue(c, t0, t1))
				continue;
			/* according to X, ... / ..., according to X */
			if (TIS(c, "according")) {
				if (!TIS(c + 1, "to") || subject_fwd(c + 2, &su) <= 0)
					continue;
				k = su.t1;
				if (c == t0 || (c == t0 + 1 && (tflags(t0) & QW_CONN))) {
					if (!tpunct(k, ','))
						continue;
					a = k + 1;
					b = clause_end(a);
					if (!range_has_quote(a, b))
						add_indirect(c, &su, a, b, 0, 0);
				} else if (tpunct(c - 1, ',')) {
					b = c - 1;
					if (!range_has_quote(t0, b))
						add_indirect(c, &su, t0, b, 0, 0);
				}
				continue;
			}
			rr = subject_back(c, &su);
			if (rr < 0)
				continue;
			if (rr == 0) {
				/* ..., saying that ...: the sentence's speaker */
				if (part_after_comma(c) && sent_subj) {
					su = last;
					rr = 1;
				} else if (part_after_comma(c)) {
					su.kind = SUBJ_SENT;
					su.t0 = su.t1 = c;
					rr = 1;
				} else if (c > t0 && tpunct(c - 1, ',') &&
				    subject_fwd(cue_end(c), &su) > 0 &&
				    (tfinal(su.t1) || su.t1 >= t1 || tpunct(su.t1, ','))) {
					/* ..., said X. */
					b = c - 1;
					a = t0;
					if (!range_has_quote(a, su.t1) && !(TWORD(c)->flags & QW_QUOTEONLY))
						add_indirect(c, &su, a, b, 0, 0);
					continue;
				} else
					continue;
			}
			sent_subj = 1;
			last = su;
			/* ..., X said. / A, X said, B / ..., chief executive X said. */
			k = su.t0;
			while (su.kind == SUBJ_ENT && k > t0 + 1 && k > su.t0 - 4 && rolish(k - 1) &&
			    D.toks[k - 1].ent < 0 && D.toks[k - 1].entend < 0)
				k--;
			if (k < su.t0 && tpunct(k - 1, ','))
				su.t0 = k;
			if (su.t0 > t0 && tpunct(su.t0 - 1, ',') && su.kind != SUBJ_SENT) {
				int after = cue_end(c);

				while (after < t1 && (tflags(after) & QW_AUX))
					after++;
				/* ..., X said on Tuesday. / ..., X said in a statement. */
				if (after < t1 && (TIS(after, "on") || TIS(after, "in") ||
				    TIS(after, "at") || TIS(after, "during") || TIS(after, "after") ||
				    TIS(after, "of") || time_word(after))) {
					int q = after + 1;

					while (q < t1 && q < after + 6 && tword(q) && !is_cue(q, 0))
						q++;
					if (q >= t1 || tfinal(q))
						after = q;
				}
				if (after >= t1 || tfinal(after) || tpunct(after, ',')) {
					a = t0;
					b = su.t0 - 1;
					if (after < t1 && tpunct(after, ',') &&
					    ((tflags(after + 1) & (QW_PREP | QW_BREAK)) ||
					    TIS(after + 1, "as") || TIS(after + 1, "when") ||
					    TIS(after + 1, "following"))) {
						/* "..., X said, after talks": B is the reporter's */
						if (!range_has_quote(a, b))
							add_indirect(c, &su, a, b, 0, 0);
					} else if (after < t1 && tpunct(after, ',')) {
						int e = clause_end(after + 1);

						if (!range_has_quote(a, e))
							add_indirect(c, &su, a, b, after + 1, e);
					} else if (!range_has_quote(a, b))
						add_indirect(c, &su, a, b, 0, 0);
					continue;
				}
			}
			/* X said (that) ... / X told Y (that) ... / X called for ... */
			a = cue_end(c);
			if ((TWORD(c)->flags & QW_QUOTEONLY) && !that_follows(c))
				continue;
			if (TIS(c, "told") || TIS(c, "tells") || TIS(c, "tell") || TIS(c, "telling")) {
				/* skip the listener */
				k = a;
				if ((size_t)k < D.ntoks && D.toks[k].ent >= 0)
					k = D.ents[D.toks[k].ent].t1;
				else
					while (k < t1 && k < a + 4 && tword(k) && !TIS(k, "that") &&
					    !(tflags(k) & (QW_HE | QW_SHE | QW_THEY | QW_IT)) &&
					    !(k > a && (tflags(k) & QW_DET) && !(tflags(k - 1) & QW_PREP)))
						k++;	/* told reporters the team was tired */
				while (k < t1 && !TIS(k, "that") && tword(k) && D.toks[k].upper && k < a + 6)
					k++;	/* NBC's Meet the Press */
				a = k;
			}
			/* said Monday that, said earlier that, said: */
			while (a < t1 && (time_word(a) || TIS(a, "earlier") || TIS(a, "later") ||
			    TIS(a, "again") || TIS(a, "also")) && !(tflags(c) & QW_STANCE))
				a++;
			if (a + 1 < t1 && tpunct(a, ':') && !tmark(a + 1))
				a++;
			/* said on Tuesday it had ...: a time phrase, then the clause */
			if (a + 2 < t1 && TIS(a, "on") && time_word(a + 1) &&
			    !(tflags(c) & QW_STANCE) && !tpunct(a + 2, ',') && !tfinal(a + 2))
				a += 2;
			if (a < t1 && (tflags(a) & QW_PREP) && !TIS(a, "to") &&
			    !(TWORD(c)->flags & QW_STANCE) && !about_number(a)) {
				/* said in a statement that ... */
				for (k = a; k < t1 && k < a + 8; k++)
					if (TIS(k, "that") || tpunct(k, ','))
						break;
				if (k < t1 && TIS(k, "that"))
					a = k + 1;
				else
					continue;
			}
			if (a < t1 && tpunct(a, ','))
				continue;
			if (a >= t1 || tfinal(a) || tmark(a) || tpunct(a, ':'))
				continue;
			b = clause_end(a);
			if (range_has_quote(a, b))
				continue;
			/* "what X said was": no content of its own */
			if (finite_verb(a))
				continue;
			/* claimed victory, claimed the title: an object, not a clause */
			if (object_cue(c) && !clause_like(a, b))
				continue;
			add_indirect(c, &su, a, b, 0, 0);
			inner_end = b;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Resolving speakers. */

static size_t tlower(int t, char *low);

/* A noun a business may go by (the company, the airline, the club), not a
 * body of another kind (the union, the party, the charity, the regulator). */
static int
generic_firm(int t)
{
	return !(TIS(t, "union") || TIS(t, "party") || TIS(t, "charity") ||
	    TIS(t, "foundation") || TIS(t, "alliance") || TIS(t, "bloc") ||
	    TIS(t, "league") || TIS(t, "federation") || TIS(t, "association") ||
	    TIS(t, "watchdog") || TIS(t, "regulator"));
}

/* Does entity e's canonical name hold the word of token t (any case)? */
static int
name_has(int e, int t)
{
	char low[32];
	size_t n = tlower(t, low), i, j;
	const char *c = D.canobuf.data + D.ents[e].cano;
	size_t cn = D.ents[e].canolen;

	if (n == 0)
		return 0;
	for (i = 0; i + n <= cn; i++) {
		if (i > 0 && c[i - 1] != ' ')
			continue;
		for (j = 0; j < n; j++) {
			char x = c[i + j];

			if (x >= 'A' && x <= 'Z')
				x = (char)(x + 32);
			if (x != low[j])
				break;
		}
		if (j == n && (i + n == cn || c[i + n] == ' '))
			return 1;
	}
	return 0;
}

/*
 * Is entity e a subject (not after a preposition or a verb, not a possessive)?
 */
static int
mention_in_subject(int e)
{
	int t0 = D.ents[e].t0, p = t0 - 1;

	while (p >= 0 && samerow(p, t0) && rolish(p) && !(tflags(p) & QW_PREP))
		p--;

	if (p >= 0 && samerow(p, t0) && (tflags(p) & QW_PREP))
		return 0;
	if (p >= 0 && samerow(p, t0) && (TIS(p, "told") || TIS(p, "urged") ||
	    TIS(p, "asked") || TIS(p, "called")))
		return 0;
	/* a possessive names an owner, not a subject */
	return !possessive(e);
}

/* Does actor a's gender (if known) agree with the pronoun? */
static int
gender_ok(int a, unsigned pron)
{
	char g = D.actors[a].gender;

	if (pron & QW_HE)
		return g != 'F';
	if (pron & QW_SHE)
		return g != 'M';
	return 1;
}

/* Speakers resolved so far, as (token, actor) for pronouns to find. */
struct said { int tok, actor; };
static struct said *saids;
static size_t nsaids, capsaids;

/* The actor a pronoun at token t stands for, or -1. */
static int
resolve_pronoun(int t)
{
	unsigned f = tflags(t);
	size_t m;
	int fallback = -1, best_said = -1, best_said_tok = -1, seen = 0;
	long i;

	if (f & (QW_THEY | QW_IT)) {
		/* they, it: the last organization or country that spoke */
		for (i = (long)nsaids - 1; i >= 0; i--) {
			if (saids[i].tok >= t)
				continue;
			if (D.actors[saids[i].actor].type != 'P' &&
			    tpara(saids[i].tok) >= tpara(t) - 1)
				return saids[i].actor;
			break;
		}
		/* else the last organization or country named as a subject nearby */
		{
			int k;

			for (k = t - 1; k >= 0 && k > t - MAXCLAUSE && tpara(k) >= tpara(t) - 1 &&
			    !D.toks[t].reported; k--) {
				int e = D.toks[k].ent, nx;

				if (e < 0 || (D.ents[e].type != 'O' && D.ents[e].type != 'G') ||
				    D.toks[k].span >= 0 || D.toks[k].reported || in_pp(k) ||
				    possessive(e) || D.ents[e].actor < 0)
					continue;
				/* "the US proposal": a modifier, not a subject */
				nx = D.ents[e].t1;
				if ((size_t)nx < D.ntoks && tword(nx) && !D.toks[nx].upper &&
				    !(tflags(nx) & (QW_AUX | QW_SAY | QW_STANCE)) && samerow(nx, k) &&
				    (tflags(k - 1) & QW_DET))
					continue;
				return D.ents[e].actor;
			}
		}
		return -1;
	}
	for (i = (long)nsaids - 1; i >= 0; i--) {
		if (saids[i].tok >= t)
			continue;
		if (D.actors[saids[i].actor].type == 'P' && gender_ok(saids[i].actor, f)) {
			best_said = saids[i].actor;
			best_said_tok = saids[i].tok;
			break;
		}
	}
	/* walk back over person mentions outside quotations */
	{
		size_t lo = 0, hi = D.npm;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (D.ents[D.pmentions[mid]].t0 < t)
				lo = mid + 1;
			else
				hi = mid;
		}
		m = lo;
	}
	while (m > 0 && seen < 200) {
		int e = D.pmentions[--m], a = D.ents[e].actor;

		seen++;
		if (D.toks[D.ents[e].t0].span >= 0 || D.toks[D.ents[e].t0].reported ||
		    !gender_ok(a, f))
			continue;
		/* "..., he said": names in the reported words are not the speaker */
		if (samerow(D.ents[e].t0, t))
			continue;
		if (best_said >= 0 && D.ents[e].t0 < best_said_tok)
			break;
		if (mention_in_subject(e))
			return a;
		if (fallback < 0)
			fallback = a;
	}
	if (best_said >= 0)
		return best_said;
	return fallback;
}

/*
 * Does actor a carry the role word w (or, group > 0, one of its group; group
 * < 0, one sharing its first five letters)?
 */
static int
role_has(int a, const char *w, size_t n, int group)
{
	const char *r = D.actors[a].roles.data;
	size_t len = D.actors[a].roles.len, i = 0;

	while (i < len) {
		size_t j;

		while (i < len && r[i] == ' ')
			i++;
		j = i;
		while (j < len && r[j] != ' ')
			j++;
		if (j > i) {
			if (j - i == n && memcmp(r + i, w, n) == 0)
				return 1;
			if (group) {
				const struct quote_word *qw = word_lookup(r + i, j - i);

				if (qw != NULL && qw->group == group)
					return 1;
			}
			/* Ukrainian ~ Ukraine: a shared stem of five letters */
			if (group < 0 && n >= 5 && j - i >= 5 && memcmp(r + i, w, 5) == 0)
				return 1;
		}
		i = j;
	}
	return 0;
}

/* Lower-case copy of token t into low (size 32); 0 if too long. */
static size_t
tlower(int t, char *low)
{
	size_t n, i;
	const char *s = ttext(t, &n);

	if (n >= 32)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return n;
}

/* Does person a carry the description su (head noun at token head)? */
static int
desc_fits(int a, const struct subj *su, int head)
{
	char low[32];
	size_t n;
	int k, norp = !(tflags(head) & QW_ROLE);

	if ((n = tlower(head, low)) == 0)
		return 0;
	if (!role_has(a, low, n, norp ? -1 : TWORD(head) ? TWORD(head)->group : 0))
		return 0;
	for (k = su->t0; k < head; k++) {
		int e = D.toks[k].ent >= 0 ? D.toks[k].ent : D.toks[k].entend;

		if ((e >= 0 && (D.ents[e].type == 'N' || D.ents[e].type == 'G')) ||
		    TIS(k, "former")) {
			if ((n = tlower(k, low)) == 0)
				continue;
			if (!role_has(a, low, n, -1))
				return 0;
		}
	}
	return 1;
}

/* The actor a description ("the Ukrainian president") stands for, or -1. */
/* A noun that any company or club of the story may go by: the company. */
static int
firm_noun(int t)
{
	return TIS(t, "company") || TIS(t, "firm") || TIS(t, "group") || TIS(t, "club") ||
	    TIS(t, "team") || TIS(t, "airline") || TIS(t, "bank") || TIS(t, "carrier") ||
	    TIS(t, "insurer") || TIS(t, "retailer") || TIS(t, "lender") ||
	    TIS(t, "carmaker") || TIS(t, "automaker") || TIS(t, "manufacturer") ||
	    TIS(t, "publisher") || TIS(t, "broadcaster") || TIS(t, "studio") ||
	    TIS(t, "network") || TIS(t, "charity") || TIS(t, "foundation") ||
	    TIS(t, "union") || TIS(t, "party") || TIS(t, "alliance") || TIS(t, "bloc") ||
	    TIS(t, "league") || TIS(t, "federation") || TIS(t, "association") ||
	    TIS(t, "organisation") || TIS(t, "organization") || TIS(t, "watchdog") ||
	    TIS(t, "regulator");
}

static int
resolve_desc(const struct subj *su)
{
	int head = su->t1 - 1, k, best = -1, bestlast = -1;
	size_t a;

	if (plural_role(head) || ((tflags(head) & QW_ROLE) && D.toks[head].len > 3 &&
	    D.text.data[TEND(head) - 1] == 's' && D.text.data[TEND(head) - 2] != 's'))
		return -1;	/* ministers, prosecutors, unions: a group, no one speaker */
	/* an organization noun: the company, the club */
	if ((tflags(head) & (QW_ORGNOUN | QW_GROUPNOUN)) && !(tflags(head) & QW_ROLE)) {
		for (k = su->t0; k < head; k++)
			if (D.toks[k].entend >= 0 && D.ents[D.toks[k].entend].type != 'P')
				return D.ents[D.toks[k].entend].actor;
		if ((tflags(head) & QW_GROUPNOUN) || !TIS(su->t0, "the"))
			return -1;	/* "Police said": no anaphora, no guess */
		/* an organization the document called so: "the company CrowdStrike" */
		{
			char low[32];
			size_t n = tlower(head, low);
			int best_org = -1, best_last = -1;

			for (a = 0; n > 0 && a < D.nactors; a++)
				if (D.actors[a].type == 'O' && D.actors[a].last >= 0 &&
				    D.actors[a].last < su->t0 && D.actors[a].last > best_last &&
				    role_has((int)a, low, n, 0)) {
					best_org = (int)a;
					best_last = D.actors[a].last;
				}
			if (best_org >= 0)
				return best_org;
		}
		/* else the last organization that was the subject of a sentence:
		 * named first, not as a modifier ("Chelsea coach X"); only for a
		 * noun any named firm or club may go by (not "the police") */
		if (!firm_noun(head))
			return -1;
		for (k = su->t0 - 1; k >= 0 && k > su->t0 - 400; k--) {
			int e = D.toks[k].ent, r0 = D.rows[D.toks[k].row].t0, nx;

			if (e < 0 || D.ents[e].type != 'O' || D.toks[k].span >= 0 ||
			    D.toks[k].reported)
				continue;
			if (!(k == r0 || (k == r0 + 1 && (TIS(r0, "the") || (tflags(r0) & QW_CONN)))))
				continue;
			nx = D.ents[e].t1;
			if (!possessive(e) && (size_t)nx < D.ntoks &&
			    ((tflags(nx) & QW_ROLE) || D.toks[nx].ent >= 0))
				continue;
			/* "the union", "the party", "the charity": an organization
			 * of that kind by its name (Unite the Union); any for "the
			 * company", "the airline", "the club" */
			if (!generic_firm(head) && !name_has(e, head))
				return -1;
			return D.ents[e].actor;
		}
		return -1;
	}
	{
		int pass, nmatch = 0, only = -1;

		/* pass 0: people named before; pass 1: anyone, when only one fits */
		for (pass = 0; pass < 2 && best < 0; pass++) {
			for (a = 0; a < D.nactors; a++) {
				if (D.actors[a].type != 'P')
					continue;
				if (pass == 0 && (D.actors[a].last < 0 ||
				    D.actors[a].last >= su->t0))
					continue;
				if (!desc_fits((int)a, su, head))
					continue;
				if (pass == 1) {
					nmatch++;
					only = (int)a;
				} else if (D.actors[a].last > bestlast) {
					best = (int)a;
					bestlast = D.actors[a].last;
				}
			}
		}
		if (best < 0 && nmatch == 1)
			best = only;
	}
	if (best < 0 && nsaids > 0) {
		/* the document gave no such role: the person just quoted, if the
		 * document gave them no role (or, for "the Italian", no nation) */
		int last = saids[nsaids - 1].actor;
		int norp = !(tflags(head) & QW_ROLE);

		/* "her lawyer", "his wife": someone else than the one quoted */
		if (TIS(su->t0, "his") || TIS(su->t0, "her") || TIS(su->t0, "their") ||
		    TIS(su->t0, "its") || TIS(su->t0, "our") || TIS(su->t0, "my"))
			return -1;
		if (D.actors[last].type == 'P' && tpara(saids[nsaids - 1].tok) + 1 >= tpara(su->t0) &&
		    (norp ? !D.actors[last].nation : D.actors[last].roles.len <= 1))
			best = last;
	}
	return best;
}

/* Add actor to a statement's speakers. */
static void
add_speaker(struct stmt *st, int actor)
{
	const struct actor *ac = &D.actors[actor];

	if (st->spklen > 0)
		buf_addc(&D.sbuf, '|');
	else
		st->spk = D.sbuf.len;
	buf_add(&D.sbuf, D.canobuf.data + ac->cano, ac->canolen);
	st->spklen = D.sbuf.len - st->spk;
	/* remember who spoke where, for the pronouns that follow */
	GROW(saids, nsaids, capsaids);
	saids[nsaids].tok = st->subj.t0 >= 0 ? st->subj.t0 : 0;
	if (st->subj.kind == SUBJ_NONE || st->subj.kind == SUBJ_INHERIT)
		saids[nsaids].tok = D.rows[st->row0].t0;
	saids[nsaids].actor = actor;
	nsaids++;
}

/* Order statements by where they start. */
static int
stmt_cmp(const void *a, const void *b)
{
	const struct stmt *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->kind - y->kind;
}

/* Mark when each actor was last mentioned, up to token t. */
static size_t mark_upto;

/* Record the last mention of each actor outside quotations, up to token t. */
static void
mark_mentions(int t)
{
	while (mark_upto < D.ntoks && (int)mark_upto < t) {
		int e = D.toks[mark_upto].ent;

		if (e >= 0 && D.ents[e].actor >= 0 && D.toks[mark_upto].span < 0)
			D.actors[D.ents[e].actor].last = (int)mark_upto;
		mark_upto++;
	}
}

/* Resolve every statement's speaker, in document order. */
static void
resolve_all(void)
{
	size_t i;
	int prev = -1;		/* previous statement index */

	if (D.nstmts > 1)
		qsort(D.stmts, D.nstmts, sizeof(*D.stmts), stmt_cmp);
	nsaids = 0;
	mark_upto = 0;
	for (i = 0; i < D.nstmts; i++) {
		struct stmt *st = &D.stmts[i];
		struct subj *su = &st->subj;
		int a = -1, k;

		mark_mentions(su->kind != SUBJ_NONE ? su->t0 : D.rows[st->row0].t0);
		if (su->kind == SUBJ_SENT && !(prev >= 0 && D.stmts[prev].row0 <= st->row0 &&
		    D.stmts[prev].row1 >= st->row0 && D.stmts[prev].spklen > 0)) {
			/* ..., warning that ...: the subject of the sentence */
			if (st->cue0 < 0 || !sentence_subject(st->cue0, su))
				su->kind = SUBJ_NONE;
		}
		switch (su->kind) {
		case SUBJ_ENT:
			for (k = 0; k < su->nents; k++)
				if (D.ents[su->ents[k]].actor >= 0)
					add_speaker(st, D.ents[su->ents[k]].actor);
			break;
		case SUBJ_PRON:
			a = resolve_pronoun(su->t0);
			break;
		case SUBJ_DESC:
			a = resolve_desc(su);
			break;
		case SUBJ_SENT:
			/* ..., saying ...: the subject of the sentence's last statement */
			if (prev >= 0 && D.stmts[prev].row0 <= st->row0 &&
			    D.stmts[prev].row1 >= st->row0 && D.stmts[prev].spklen > 0) {
				st->spk = D.stmts[prev].spk;
				st->spklen = D.stmts[prev].spklen;
				su->t0 = D.stmts[prev].subj.t0;
				su->t1 = D.stmts[prev].subj.t1;
			}
			break;
		default:
			if (st->inherit && prev >= 0 && D.stmts[prev].kind != K_INDIRECT &&
			    D.rows[D.stmts[prev].row1].para + 1 >= D.rows[st->row0].para &&
			    D.stmts[prev].spklen > 0) {
				/* a continuation paragraph: no cue of its own */
				int r, cued = 0;

				for (r = st->row0; r <= st->row1; r++)
					cued |= D.rows[r].cued;
				if (!cued) {
					st->spk = D.stmts[prev].spk;
					st->spklen = D.stmts[prev].spklen;
					st->spk_actor = D.stmts[prev].spk_actor;
					su->kind = SUBJ_INHERIT;
				}
			}
			break;
		}
		if (a >= 0) {
			add_speaker(st, a);
			st->spk_actor = a;
		}
		if (su->kind == SUBJ_ENT && su->nents == 1)
			st->spk_actor = D.ents[su->ents[0]].actor;
		prev = (int)i;
	}
}

/* ------------------------------------------------------------------ */
/* Output. */

/* Bytes that the stream format escapes: backslash, tab, newline, CR. */
static const unsigned char esc_byte[256] = {
	['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r',
};

/* out_escaped, with a table test per byte (the hot output path). */
static void
write_esc(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *q;
	char esc[2] = { '\\', 0 };

	while (p < end) {
		q = p;
		/* eight bytes at a time: none below 0x0E and none a backslash */
		while (end - q >= 8) {
			uint64_t x, y;

			memcpy(&x, q, 8);
			y = x ^ 0x5C5C5C5C5C5C5C5Cull;
			if (((x - 0x0E0E0E0E0E0E0E0Eull) & ~x & 0x8080808080808080ull) |
			    ((y - 0x0101010101010101ull) & ~y & 0x8080808080808080ull))
				break;
			q += 8;
		}
		for (; q < end && !esc_byte[*q]; q++)
			;
		out_write((const char *)p, (size_t)(q - p));
		if (q == end)
			break;
		esc[1] = (char)esc_byte[*q];
		out_write(esc, 2);
		p = q + 1;
	}
}

/* Write tokens [a, b) as they stand in the text, escaped. */
static void
write_range_tokens(int a, int b)
{
	if (a < 0 || b <= a)
		return;
	write_esc(D.text.data + D.toks[a].s, TEND(b - 1) - D.toks[a].s);
}

/* Write field col of a kept row, still escaped. */
static void
write_field_raw(size_t row, size_t col)
{
	const char *s = D.rawbuf.data + D.rows[row].raw, *end = s + D.rows[row].rawlen, *p;
	size_t i;

	for (i = 0; i < col; i++) {
		p = memchr(s, '\t', (size_t)(end - s));
		s = p ? p + 1 : end;
	}
	p = memchr(s, '\t', (size_t)(end - s));
	out_write(s, (size_t)((p ? p : end) - s));
}

/* Write one output row. */
static void
write_stmt(const struct stmt *st, size_t n)
{
	char num[32];
	int len = (int)sizeof(num), r;
	size_t c;
	static const char *const kinds[] = { "direct", "partial", "indirect" };

	out_write(D.name.data, D.name.len);
	out_tab();
	do {
		num[--len] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0 && len > 0);
	out_write(num + len, sizeof(num) - (size_t)len);
	out_tab();
	write_field_raw((size_t)st->row0, c_para);
	out_tab();
	write_field_raw((size_t)st->row0, c_sent);
	out_tab();
	out_str(kinds[st->kind]);
	out_tab();
	write_esc(D.sbuf.data + st->spk, st->spklen);
	out_tab();
	if (st->subj.kind != SUBJ_NONE && st->subj.kind != SUBJ_INHERIT)
		write_range_tokens(st->subj.t0, st->subj.t1);
	out_tab();
	if (st->cue0 >= 0)
		write_range_tokens(st->cue0, st->cue1);
	out_tab();
	write_esc(D.sbuf.data + st->text, st->textlen);
	out_tab();
	for (r = st->row0; r <= st->row1; r++) {
		if (r > st->row0)
			out_char(' ');
		write_esc(D.text.data + D.rows[r].ts, D.rows[r].te - D.rows[r].ts);
	}
	for (c = 0; c < ncols; c++) {
		if (!passcol[c])
			continue;
		out_tab();
		write_field_raw((size_t)st->row0, c);
	}
	out_end_row();
}

/* Forget the document, keeping the buffers for the next one. */
static void
doc_reset(void)
{
	buf_clear(&D.rawbuf);
	buf_clear(&D.text);
	buf_clear(&D.canobuf);
	buf_clear(&D.sbuf);
	D.nrows = D.ntoks = D.nents = D.nparts = D.nspans = D.nstmts = D.npm = 0;
	D.nactors = 0;
	if (D.ahash != NULL) {
		size_t i;

		for (i = 0; i < D.ahcap; i++)
			D.ahash[i] = -1;
	}
}

/* Order of entities in the text. */
static int
ent_cmp(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* A word of an untagged name: capitalized, no entity, not a known word
 * (an organization noun may end one: Kelby Mining Group). */
static int
name_word(int t, int first)
{
	size_t n;
	const char *w;

	if (!tword(t) || !D.toks[t].upper || D.toks[t].ent >= 0 || D.toks[t].entend >= 0 ||
	    D.toks[t].span >= 0)
		return 0;
	w = ttext(t, &n);
	if (memchr(w, '\'', n) != NULL || (n > 3 && memcmp(w + n - 3, "\xE2\x80\x99", 3) == 0))
		return 0;	/* Hughes's comments: a possessive */
	return D.toks[t].widx < 0 || (!first && (tflags(t) & QW_ORGNOUN));
}

/*
 * The speaker the tagger missed: a run of capitalized unknown words that
 * is the subject of a cue at the start of a sentence (Tarvex said, Drummond
 * Foods, the maker of X, said, In a statement, Tarvex said), or of two
 * words or more before has, have, is, are, was, were, will.  One word alone
 * counts only with an apposition or when the document also writes it
 * capitalized inside a sentence (not "Locals said").  Each becomes an
 * entity with its words as the canonical name: a person when it has two
 * words or more and starts with a known first name, else an organization.
 */
#define MAXGUESS 32
static void
guess_names(void)
{
	int cand[MAXGUESS][2], ncand = 0, seen[MAXGUESS];
	size_t r, added = 0;
	int i, t;

	for (r = 0; r < D.nrows; r++) {
		int t0 = D.rows[r].t0, t1 = D.rows[r].t1, st = t0, k, j, app = 0, aux = 0, subj;

		if (t0 >= t1)
			continue;
		if (st + 1 < t1 && (tflags(st) & QW_CONN) && tpunct(st + 1, ','))
			st += 2;
		else if (tflags(st) & QW_PREP) {
			for (k = st + 1; k < t1 && k < st + 8 && tword(k) && !is_cue(k, 0); k++)
				;
			if (k < t1 && tpunct(k, ',') && k < st + 8)
				st = k + 1;
		}
		for (k = st; k < t1 && k < st + 5 && name_word(k, k == st); k++)
			;
		if (k == st || k >= t1 || tpunct(k, '\''))
			continue;
		j = k;
		if (tpunct(j, ',') && j + 1 < t1 && ((tflags(j + 1) & (QW_DET | QW_ROLE |
		    QW_ORGNOUN)) || TIS(j + 1, "which") || TIS(j + 1, "who"))) {
			for (j++; j < t1 && j < k + 30 && !tpunct(j, ','); j++)
				if (tfinal(j) || tmark(j) || tpunct(j, ';'))
					break;
			if (j >= t1 || !tpunct(j, ','))
				continue;
			j++;
			app = 1;
		}
		/* Kesteven Town have sacked ...: a subject of two words or more
		 * before its verb, for "the club" and "it" later */
		subj = !app && k - st >= 2 && j < t1 && (TIS(j, "has") || TIS(j, "have") ||
		    TIS(j, "is") || TIS(j, "are") || TIS(j, "was") || TIS(j, "were") ||
		    TIS(j, "will"));
		while (j < t1 && aux < 3 && (tflags(j) & QW_AUX) && !(tflags(j) & QW_NEG)) {
			j++;
			aux++;
		}
		if (j + 1 < t1 && TIS(j, "on") && time_word(j + 1))
			j += 2;
		if (!subj && (j >= t1 || D.toks[j].upper || D.toks[j].span >= 0 || !is_cue(j, 0)))
			continue;
		if (ncand < MAXGUESS) {
			cand[ncand][0] = st;
			cand[ncand][1] = k;
			seen[ncand] = app || k - st > 1;
			ncand++;
		}
	}
	if (ncand == 0)
		return;
	/* one word: written capitalized inside a sentence somewhere */
	for (t = 0; (size_t)t < D.ntoks; t++) {
		if (!D.toks[t].upper || !tword(t) || t == D.rows[D.toks[t].row].t0 ||
		    tfinal(t - 1) || tmark(t - 1) || tpunct(t - 1, ':'))
			continue;
		for (i = 0; i < ncand; i++)
			if (!seen[i] && cand[i][0] != t && D.toks[t].len == D.toks[cand[i][0]].len &&
			    memcmp(D.text.data + D.toks[t].s, D.text.data + D.toks[cand[i][0]].s,
			    D.toks[t].len) == 0)
				seen[i] = 1;
	}
	for (i = 0; i < ncand; i++) {
		struct ent *e;
		size_t s0 = D.toks[cand[i][0]].s, e0 = TEND(cand[i][1] - 1);

		if (!seen[i])
			continue;
		GROW(D.ents, D.nents, D.capents);
		e = &D.ents[D.nents++];
		e->s = s0;
		e->e = e0;
		e->cano = D.canobuf.len;
		e->canolen = e0 - s0;
		buf_add(&D.canobuf, D.text.data + s0, e0 - s0);
		e->type = cand[i][1] - cand[i][0] > 1 &&
		    name_gender(D.canobuf.data + e->cano, e->canolen) ? 'P' : 'O';
		e->actor = -1;
		e->t0 = e->t1 = -1;
		added++;
	}
	if (added == 0)
		return;
	qsort(D.ents, D.nents, sizeof(*D.ents), ent_cmp);
	for (t = 0; (size_t)t < D.ntoks; t++)
		D.toks[t].ent = D.toks[t].entend = -1;
	link_entities();
}

/* Read the kept document and write its statements. */
static void
process_doc(void)
{
	size_t i, r, n;

	if (D.nrows == 0)
		return;
	for (r = 0; r < D.nrows; r++)
		tokenize_row((int)r);
	resolve_straight();
	link_entities();
	scan_quotes();
	guess_names();
	for (i = 0; i < D.nents; i++)
		if (D.ents[i].type == 'P' && D.ents[i].t0 >= 0) {
			GROW(D.pmentions, D.npm, D.cappm);
			D.pmentions[D.npm++] = (int)i;
		}
	for (r = 0; r < D.nrows; r++) {
		int t;

		D.rows[r].cued = 0;
		for (t = D.rows[r].t0; t < D.rows[r].t1 && !D.rows[r].cued; t++)
			if (D.toks[t].span < 0 && is_cue(t, 1))
				D.rows[r].cued = 1;
	}
	collect_roles();
	learn_gender();
	do_spans();
	do_indirect();
	resolve_all();
	for (i = n = 0; i < D.nstmts; i++)
		if (D.stmts[i].kind != K_INDIRECT || D.stmts[i].subj.kind != SUBJ_NONE)
			write_stmt(&D.stmts[i], ++n);
	doc_reset();
}

/* Keep the current input row as part of the document. */
static void
add_row(struct tsv_in *in)
{
	struct row *rw;
	const char *raw;
	size_t n;

	GROW(D.rows, D.nrows, D.caprows);
	rw = &D.rows[D.nrows];
	/* keep the fields we copy out; text and entities are kept decoded */
	rw->raw = D.rawbuf.len;
	{
		size_t c, fl;
		const char *f;

		for (c = 0; c < ncols; c++) {
			if (c > 0)
				buf_addc(&D.rawbuf, '\t');
			if (c == c_text || c == c_ents)
				continue;
			f = tsv_raw(in, c, &fl);
			buf_add(&D.rawbuf, f, fl);
		}
	}
	rw->rawlen = D.rawbuf.len - rw->raw;
	/* paragraph: a new one when the para field changes */
	raw = tsv_raw(in, c_para, &n);
	if (D.nrows == 0)
		rw->para = 0;
	else {
		const struct row *pr = &D.rows[D.nrows - 1];
		const char *pp = D.rawbuf.data + pr->raw, *pend = pp + pr->rawlen, *q;
		size_t k;

		for (k = 0; k < c_para; k++) {
			q = memchr(pp, '\t', (size_t)(pend - pp));
			pp = q ? q + 1 : pend;
		}
		q = memchr(pp, '\t', (size_t)(pend - pp));
		if (q == NULL)
			q = pend;
		rw->para = pr->para;
		if ((size_t)(q - pp) != n || memcmp(pp, raw, n) != 0)
			rw->para++;
	}
	if (D.nrows > 0 && rw->para != D.rows[D.nrows - 1].para)
		buf_addc(&D.text, '\n');
	else if (D.nrows > 0)
		buf_addc(&D.text, ' ');
	rw->ts = D.text.len;
	tsv_get(in, c_text, &D.text);
	rw->te = D.text.len;
	buf_clear(&D.tmp);
	tsv_get(in, c_ents, &D.tmp);
	D.nrows++;
	parse_entities(rw);
}

/* Write the output header; mark the input columns that follow ours. */
static void
write_header(const struct tsv_in *in)
{
	static const char *const ours[] = { "doc", "quote", "para", "sent", "kind",
	    "speaker", "mention", "cue", "text", "context" };
	size_t i, k;

	passcol = xmalloc(ncols ? ncols : 1);
	for (i = 0; i < sizeof(ours) / sizeof(ours[0]); i++) {
		if (i > 0)
			out_tab();
		out_str(ours[i]);
	}
	for (i = 0; i < ncols; i++) {
		passcol[i] = strcmp(in->cols[i], "entities") != 0;
		for (k = 0; k < sizeof(ours) / sizeof(ours[0]); k++)
			if (strcmp(in->cols[i], ours[k]) == 0)
				passcol[i] = 0;
		if (passcol[i]) {
			out_tab();
			out_escaped(in->cols[i], strlen(in->cols[i]));
		}
	}
	out_end_row();
}

int
main(int argc, char *argv[])
{
	struct tsv_in in;
	struct doc_seen seen = { BUF_INIT, 0, NULL, 0, 0 };
	const char *doc;
	size_t n;

	prog_init("news-extract-quotes");
	while (opt_next(argc, argv, "h", longopts, usage) != -1)
		die_usage("unknown option");
	words_init();
	tsv_open(&in, argc - optind, argv + optind);
	if (tsv_read_header(&in)) {
		if (tsv_find_column(&in, "quote") >= 0)
			die_at(in.header_file, 1, "input already has a 'quote' column "
			    "(it is news-extract-quotes output)");
		c_doc = tsv_column(&in, "doc", "news-split");
		c_para = tsv_column(&in, "para", "news-split");
		c_sent = tsv_column(&in, "sent", "news-split");
		c_text = tsv_column(&in, "text", "news-split");
		c_ents = tsv_column(&in, "entities", "news-tag-entities");
		ncols = in.ncols;
		write_header(&in);
		while (tsv_next(&in)) {
			doc = tsv_raw(&in, c_doc, &n);
			if (doc_start(&seen, &in, doc, n)) {
				process_doc();
				buf_clear(&D.name);
				buf_add(&D.name, doc, n);
			}
			add_row(&in);
		}
		process_doc();
	}
	doc_seen_free(&seen);
	free(passcol);
	finish(tsv_close(&in));
}
