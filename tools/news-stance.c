/*
 * news-stance: for each quote, each target it takes a position on, one row
 * with the position (favor, against, neutral), a score in [-1, 1] and the
 * words that decided it.
 *
 * How it reads a quote.  The text and the context are split into words
 * (ASCII case folded, a possessive 's dropped, a hyphen a word boundary)
 * and into clauses (at . ! ? ; : an ellipsis and a spaced dash; before but,
 * however, although, while, which, said, saying, adding and the like; and
 * before a subject pronoun after a comma or "and").  One hash lookup on
 * each word (and on each prefix length a "*" phrase needs, behind a bloom
 * filter) finds both the target phrases and the stance cues of
 * lib/stance_cues.c.  A target mention takes its stance from the cues of
 * its own clause: the product of the signs of the support (+) and refusal
 * (-) cues, flipped by each negator that stands before a cue or the
 * target, so "does not believe that NATO membership is realistic" is
 * against and "rejected calls to stop the ceasefire" is favor; verbs like
 * send or stop count only right before the target they govern; hedges,
 * conditions and "if" weaken the score, "whether", "consider" and a
 * question make it neutral (unless answered at once: "Yes.", "Absolutely
 * not.").  A mention in the quote's text is read first;
 * when its clause has no cue, the quote's cue (called for, rejected)
 * decides for an indirect or partial quote, and then the reporter's clause
 * around the same target in the context.  Context mentions count only in
 * the clauses that hold the quote's text.  "this", "these" or "those" with
 * a cue stand for the target named last in the paragraph (or the one
 * before) when the quote does not name it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "stance_cues.h"
#include "stance_targets.h"
#include "tsv.h"

static const char usage[] =
"usage: news-stance [-a] [-t FILE] [--print-targets] [--line-buffered] [file ...]\n"
"\n"
"Read quote rows (from news-extract-quotes) and write, for each quote and\n"
"each target it takes a position on, the quote's columns plus target,\n"
"stance (favor, against or neutral), score (-1.00 to 1.00, above 0 favor,\n"
"below 0 against, 0.00 neutral) and evidence (the deciding words, verbatim\n"
"from the quote's text or, failing that, its context).  A target is found\n"
"by its phrases in text or context; the stance comes from the cue words of\n"
"the clause that names it, with negation, conditions and questions.  Rows\n"
"of one quote follow the order of the target table; quotes with no target\n"
"are left out.\n"
"\n"
"Options:\n"
"  -a, --all            also write quotes with no target, with target,\n"
"                       stance, score and evidence empty\n"
"  -t, --targets FILE   read the targets from FILE instead of the built-in\n"
"                       table: header \"target phrase\", one phrase a row,\n"
"                       \"*\" ends a word with any ending, \"...\" skips up\n"
"                       to 4 words; a leading \"!\" names the target's\n"
"                       opposite, \"~\" a weak phrase (counts only near a\n"
"                       strong one), \"?\" a topic (neutral), \"-\" words\n"
"                       that are not the target; \"&word\" an anchor that\n"
"                       must stand within 40 words; \"#\" a comment\n"
"      --print-targets  write the built-in target table and exit\n"
"  -h, --help           show this help and exit\n"
"      --version        show the version and exit\n"
"      --line-buffered  write each row at once (for slow sources)\n"
"\n"
"Example:\n"
"  $ news-split a.txt | news-normalize | news-tag-entities \\\n"
"      | news-extract-quotes | news-stance | news-to-csv > stance.csv\n";

enum { OPT_PRINT_TARGETS = OPT_TOOL };

static const struct option longopts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "targets", required_argument, NULL, 't' },
	{ "print-targets", no_argument, NULL, OPT_PRINT_TARGETS },
	OPT_COMMON
};

/* ------------------------------------------------------------ words */

struct tok {
	size_t	s, e;		/* the word's bytes in the source */
	size_t	k, kl;		/* its folded key in text.fold */
	size_t	clause;		/* clause number, from 0 */
};

struct match {
	size_t	ph;		/* phrase index in the matcher */
	size_t	ts, te;		/* tokens [ts, te) */
	size_t	gs, ge;		/* the words a "..." skipped: [gs, ge), or empty */
	int	far;		/* no anchor near: counts only like a "~" phrase */
};

struct text {
	const char	*src;
	size_t		 n;
	struct buf	 fold;		/* keys of all tokens */
	struct tok	*t;
	size_t		 nt, tcap;
	unsigned char	*q;		/* per clause: 1 when it ends in '?' */
	size_t		 nclause, qcap;
	struct match	*tm;		/* target matches */
	size_t		 ntm, tmcap;
	struct match	*cm;		/* cue matches, in order, not overlapping */
	size_t		 ncm, cmcap;
};

/*
 * The length of the word character at s[i] (n > i), or 0 when it is not
 * one.  General punctuation (U+2000..U+206F: dashes, curly quotes, the
 * ellipsis, special spaces), NBSP, the guillemets and the BOM are not word
 * characters; other non-ASCII bytes, valid or not, are.
 */
static const unsigned char ascii_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

/* ASCII lower case; every other byte maps to itself (filled in main). */
static char lower[256];

static void
init_lower(void)
{
	int c;

	for (c = 0; c < 256; c++)
		lower[c] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

static inline size_t
word_char(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80)
		return ascii_word[c];
	if (c == 0xE2 && i + 2 < n && ((unsigned char)s[i + 1] == 0x80 ||
	    (unsigned char)s[i + 1] == 0x81))
		return 0;
	if (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xA0 ||
	    (unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB))
		return 0;
	if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB &&
	    (unsigned char)s[i + 2] == 0xBF)
		return 0;
	return 1;
}

/* Bytes of the apostrophe at s[i] (' or U+2019), or 0. */
static size_t
apostrophe(const char *s, size_t n, size_t i)
{
	if (s[i] == '\'')
		return 1;
	if ((unsigned char)s[i] == 0xE2 && i + 2 < n &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99)
		return 3;
	return 0;
}

/* Bytes of the non-word character at s[i]: a whole UTF-8 punctuation mark. */
static size_t
skip_len(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c == 0xE2 && i + 2 < n)
		return 3;
	if ((c == 0xC2) && i + 1 < n)
		return 2;
	if (c == 0xEF && i + 2 < n)
		return 3;
	return 1;
}

static int
key_is(const struct text *tx, const struct tok *t, const char *w)
{
	size_t n;

	if (t->kl == 0 || tx->fold.data[t->k] != w[0])
		return 0;	/* most words differ in the first byte */
	n = strlen(w);
	return t->kl == n && memcmp(tx->fold.data + t->k, w, n) == 0;
}

static int
is_subject_pronoun(const struct text *tx, const struct tok *t)
{
	static const char *const pron[] = { "i", "we", "he", "she", "they", "you" };
	size_t i;

	for (i = 0; i < sizeof(pron) / sizeof(pron[0]); i++)
		if (key_is(tx, t, pron[i]))
			return 1;
	return 0;
}

/* Words that start a clause of their own (see the top of the file). */
static const struct {
	const char	*w;
	size_t		 len;
} clause_words[] = {
#define W(s) { s, sizeof(s) - 1 }
	W("but"), W("however"), W("although"), W("though"), W("whereas"),
	W("meanwhile"), W("while"), W("which"), W("said"), W("says"),
	W("told"), W("added"), W("saying"), W("adding"), W("arguing"),
	W("noting"), W("claiming"), W("insisting"), W("citing"),
	W("stressing"), W("urging"), W("calling"), W("warning"),
	W("allowing"), W("explaining"), W("suggesting"), W("acknowledging"),
	W("describing"), W("despite")
#undef W
};

/*
 * Verbs of saying and of attitude that start a clause of their own after
 * "and" ("said X and rejected Y", "backs X and believed that Y"): a second
 * predicate with its own object.
 */
static int
is_and_verb(const struct text *tx, const struct tok *t)
{
	static const char *const verb[] = {
		"rejected", "dismissed", "called", "urged", "welcomed", "insisted",
		"warned", "believed", "believes", "argued", "accused", "vowed",
		"pledged", "promised", "denied", "demanded", "condemned",
		"criticised", "criticized", "praised", "described", "ruled",
		"said", "says", "added", "stressed", "noted"
	};
	size_t i;

	if (t->kl < 4 || t->kl > 10)
		return 0;
	for (i = 0; i < sizeof(verb) / sizeof(verb[0]); i++)
		if (key_is(tx, t, verb[i]))
			return 1;
	return 0;
}

/*
 * A capitalised gerund after a comma, followed by a lowercase word, opens
 * a sentence that was joined to the one before ("... Ukrainian land,
 * Handing over Donetsk would ..." when two quoted sentences are joined).
 */
static int
joined_gerund(const struct text *tx, const struct tok *t)
{
	const char *k = tx->fold.data + t->k;
	size_t i = t->e;

	if (t->kl < 5 || memcmp(k + t->kl - 3, "ing", 3) != 0 ||
	    tx->src[t->s] < 'A' || tx->src[t->s] > 'Z' ||
	    tx->src[t->s + 1] < 'a' || tx->src[t->s + 1] > 'z')
		return 0;
	while (i < tx->n && tx->src[i] == ' ')
		i++;
	return i > t->e && i < tx->n && tx->src[i] >= 'a' && tx->src[i] <= 'z';
}

/* Bit L of clause_len[c]: some clause word starts with c and has L bytes. */
static uint16_t clause_len[256];

static void
init_clause_words(void)
{
	size_t i;

	for (i = 0; i < sizeof(clause_words) / sizeof(clause_words[0]); i++)
		clause_len[(unsigned char)clause_words[i].w[0]] |=
		    (uint16_t)(1u << clause_words[i].len);
}

static int
is_clause_conjunction(const struct text *tx, const struct tok *t)
{
	const char *k = tx->fold.data + t->k;
	size_t i;

	if (t->kl < 3 || t->kl > 13 ||
	    !(clause_len[(unsigned char)k[0]] >> t->kl & 1))
		return 0;	/* one lookup rules out most words */
	for (i = 0; i < sizeof(clause_words) / sizeof(clause_words[0]); i++)
		if (clause_words[i].len == t->kl && clause_words[i].w[0] == k[0] &&
		    memcmp(clause_words[i].w, k, t->kl) == 0)
			return 1;
	return 0;
}

static void
new_clause(struct text *tx)
{
	if (tx->nclause + 1 >= tx->qcap) {
		tx->qcap = tx->qcap ? tx->qcap * 2 : 16;
		tx->q = xreallocarray(tx->q, tx->qcap, 1);
	}
	tx->q[++tx->nclause] = 0;
}

/*
 * A full stop ends a clause when whitespace, a closing mark or the end
 * follows it and the word before it is not a one-letter abbreviation
 * (U.S., J. Smith).
 */
static int
full_stop_ends(const struct text *tx, size_t i)
{
	const struct tok *prev;

	if (i + 1 < tx->n && tx->src[i + 1] != ' ' && tx->src[i + 1] != '\n' &&
	    tx->src[i + 1] != '"' && tx->src[i + 1] != ')' &&
	    (unsigned char)tx->src[i + 1] != 0xE2)
		return 0;
	if (tx->nt > 0) {
		prev = &tx->t[tx->nt - 1];
		if (prev->e == i && prev->e - prev->s == 1)
			return 0;
	}
	return 1;
}

/*
 * A dash between spaces (" - ", " \u2013 ", " \u2014 ") or an ellipsis
 * (\u2026) ends a clause.
 */
static int
dash_or_ellipsis(const char *s, size_t n, size_t i)
{
	size_t len = 1;

	if ((unsigned char)s[i] == 0xE2 && i + 2 < n &&
	    (unsigned char)s[i + 1] == 0x80) {
		if ((unsigned char)s[i + 2] == 0xA6)
			return 1;
		if ((unsigned char)s[i + 2] != 0x93 && (unsigned char)s[i + 2] != 0x94)
			return 0;
		len = 3;
	} else if (s[i] != '-')
		return 0;
	return i > 0 && s[i - 1] == ' ' && i + len < n && s[i + len] == ' ';
}

/* Split src into words and clauses. */
static void
tokenize(struct text *tx, const char *src, size_t n)
{
	size_t i = 0, len, a, kstart, fl;
	int comma = 0;
	struct tok *t;
	char c, *fold;

	tx->src = src;
	tx->n = n;
	tx->nt = 0;
	buf_clear(&tx->fold);
	buf_reserve(&tx->fold, n + 1);	/* a key is never longer than its word */
	fold = tx->fold.data;
	fl = 0;
	tx->nclause = 0;
	if (tx->qcap == 0) {
		tx->qcap = 16;
		tx->q = xmalloc(tx->qcap);
	}
	tx->q[0] = 0;
	while (i < n) {
		if (src[i] == ' ') {
			i++;
			continue;
		}
		if ((len = word_char(src, n, i)) == 0) {
			c = src[i];
			if (c == '?' || c == '!' || c == ';' || c == ':' ||
			    (c == '.' && full_stop_ends(tx, i)) || dash_or_ellipsis(src, n, i)) {
				if (c == '?')
					tx->q[tx->nclause] = 1;
				if (tx->nt > 0 && tx->t[tx->nt - 1].clause == tx->nclause)
					new_clause(tx);
				comma = 0;
			} else if (c == ',')
				comma = 1;
			i += skip_len(src, n, i);
			continue;
		}
		if (tx->nt == tx->tcap) {
			tx->tcap = tx->tcap ? tx->tcap * 2 : 64;
			tx->t = xreallocarray(tx->t, tx->tcap, sizeof(*tx->t));
		}
		t = &tx->t[tx->nt];
		t->s = i;
		kstart = fl;
		for (;;) {
			while (i < n && (len = word_char(src, n, i)) != 0) {
				for (; len > 0; len--, i++)
					fold[fl++] = lower[(unsigned char)src[i]];
			}
			/* an apostrophe between word characters stays in the word */
			if (i < n && (a = apostrophe(src, n, i)) != 0 && i + a < n &&
			    word_char(src, n, i + a) != 0 &&
			    (unsigned char)src[i + a] < 0x80) {
				fold[fl++] = '\'';
				i += a;
				continue;
			}
			break;
		}
		tx->fold.len = fl;
		t->e = i;
		t->k = kstart;
		t->kl = fl - kstart;
		if (t->kl > 2 && memcmp(tx->fold.data + t->k + t->kl - 2, "'s", 2) == 0)
			t->kl -= 2;	/* possessive, or "it's": the word itself */
		if (tx->nt > 0 && tx->t[tx->nt - 1].clause == tx->nclause &&
		    (is_clause_conjunction(tx, t) || (t->kl <= 4 &&
		    (comma || key_is(tx, &tx->t[tx->nt - 1], "and")) &&
		    is_subject_pronoun(tx, t)) ||
		    (key_is(tx, &tx->t[tx->nt - 1], "and") && is_and_verb(tx, t)) ||
		    (comma && joined_gerund(tx, t))))
			new_clause(tx);
		t->clause = tx->nclause;
		comma = 0;
		tx->nt++;
	}
}

/* ------------------------------------------------------------ phrases */

struct pword {
	size_t		off, len;	/* key bytes in matcher.keys */
	unsigned char	prefix;		/* ended in '*' */
	unsigned char	gap;		/* "..." before it: up to GAP_MAX words */
};

/* A "..." in a phrase skips up to this many words of the same clause. */
enum { GAP_MAX = 4 };

enum { PH_TARGET, PH_CUE };

struct phrase {
	size_t		w, nw;		/* words [w, w + nw) */
	size_t		id;		/* target index or cue index */
	unsigned char	cls;		/* PH_TARGET or PH_CUE */
	unsigned char	inverse;	/* "!phrase": names the target's opposite */
	unsigned char	weak;		/* "~phrase": counts only near a strong one */
	unsigned char	topic;		/* "?phrase": names the topic, no stance */
	unsigned char	exclude;	/* "-phrase": not the target (Russian troops) */
	unsigned char	shared;		/* one anchored word that another target has too */
	size_t		nanchor;	/* "&word"s after the nw words: one must be near */
	size_t		next;		/* next phrase with the same first word, or SIZE_MAX */
};

struct slot {
	uint64_t	h;
	size_t		off, len;
	unsigned char	prefix, used;
	size_t		head;		/* first phrase, chained by phrase.next */
};

struct matcher {
	struct buf	 keys;
	struct pword	*w;
	size_t		 nw, wcap;
	struct phrase	*p;
	size_t		 np, pcap;
	struct slot	*tab;
	size_t		 tcap, tcount;	/* tcap a power of two */
	uint64_t	 lens;		/* bit L: some first word is a prefix of L bytes (L < 64) */
	uint64_t	 bloom[1024];	/* a first word may have hash h: see maybe() */
	unsigned char	 longprefix;	/* some first word is a prefix of 64 bytes or more */
	size_t		 maxnw;		/* words in the longest phrase */
	size_t		 nexclude;	/* "-phrases" */
};

static uint64_t
hash_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 1099511628211ULL;
}

#define HASH_INIT 1469598103934665603ULL

static uint64_t
hash_final(uint64_t h, int prefix)
{
	h = hash_step(h, prefix ? 1 : 0);
	return h ^ (h >> 29);
}

static struct slot *
find_slot(const struct matcher *mt, uint64_t h, const char *key, size_t len,
    int prefix)
{
	size_t i, mask = mt->tcap - 1;
	struct slot *s;

	if (mt->tcap == 0)
		return NULL;
	for (i = (size_t)h & mask;; i = (i + 1) & mask) {
		s = &mt->tab[i];
		if (!s->used)
			return s;
		if (s->h == h && s->len == len && s->prefix == prefix &&
		    memcmp(mt->keys.data + s->off, key, len) == 0)
			return s;
	}
}

static void
grow_table(struct matcher *mt)
{
	struct slot *old = mt->tab, *s;
	size_t oldcap = mt->tcap, i;

	mt->tcap = oldcap ? oldcap * 2 : 256;
	mt->tab = xreallocarray(NULL, mt->tcap, sizeof(*mt->tab));
	memset(mt->tab, 0, mt->tcap * sizeof(*mt->tab));
	for (i = 0; i < oldcap; i++) {
		if (!old[i].used)
			continue;
		s = find_slot(mt, old[i].h, mt->keys.data + old[i].off, old[i].len,
		    old[i].prefix);
		*s = old[i];
	}
	free(old);
}

/* The next "..." (or U+2026) in s[0..n), or n. */
static size_t
find_gap(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.')
			return i;
		if ((unsigned char)s[i] == 0xE2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xA6)
			return i;
	}
	return n;
}

/* Append one word of a phrase (its folded key) to the matcher's word list. */
static void
add_pword(struct matcher *mt, const struct text *scratch, const struct tok *t,
    int prefix, int gap)
{
	struct pword *pw;

	if (mt->nw == mt->wcap) {
		mt->wcap = mt->wcap ? mt->wcap * 2 : 512;
		mt->w = xreallocarray(mt->w, mt->wcap, sizeof(*mt->w));
	}
	pw = &mt->w[mt->nw++];
	pw->off = mt->keys.len;
	pw->len = t->kl;
	pw->prefix = (unsigned char)prefix;
	pw->gap = (unsigned char)gap;
	buf_add(&mt->keys, scratch->fold.data + t->k, t->kl);
}

/*
 * Add a phrase.  Returns NULL, or a message saying what is wrong with it
 * (a static string).  A target phrase may start with flags: "!" (it names
 * the target's opposite), "~" (a weak phrase: it counts only near a
 * strong one), "?" (it names the topic and never takes a side) and "-"
 * (words that look like the target but are not it); "..."
 * between two words lets up to GAP_MAX words of the same clause stand
 * between them.
 */
static const char *
add_phrase(struct matcher *mt, struct text *scratch, const char *s, size_t n,
    unsigned char cls, size_t id)
{
	struct phrase *ph;
	struct pword *pw;
	struct slot *sl;
	const struct tok *t;
	size_t i, j, seg, segn, gaps = 0, an = 0;
	const char *amp;
	uint64_t h;
	int inverse = 0, weak = 0, topic = 0, exclude = 0;

	for (; cls == PH_TARGET && n > 0; s++, n--) {
		if (s[0] == '!')
			inverse = 1;
		else if (s[0] == '~')
			weak = 1;
		else if (s[0] == '?')
			topic = 1;
		else if (s[0] == '-')
			exclude = 1;
		else
			break;
	}
	for (i = 0; i < n; i++)
		if (s[i] == '*' && (i == 0 || word_char(s, n, i - 1) == 0 ||
		    (i + 1 < n && word_char(s, n, i + 1) != 0)))
			return "'*' may only end a word";
	tokenize(scratch, s, n);
	if (scratch->nt == 0)
		return "phrase has no words";
	/* "membership &nato &alliance": anchors after the first '&' */
	amp = cls == PH_TARGET ? (const char *)memchr(s, '&', n) : NULL;
	if (amp != NULL) {
		an = (size_t)(s + n - amp);
		n = (size_t)(amp - s);
		tokenize(scratch, amp, an);
		if (scratch->nt == 0)
			return "'&' must be followed by a word";
		for (i = 0; i < scratch->nt; i++)
			if (scratch->t[i].s == 0 || amp[scratch->t[i].s - 1] != '&')
				return "each anchor word needs its own '&'";
		tokenize(scratch, s, n);
		if (scratch->nt == 0)
			return "phrase has no words before '&'";
	}
	/* check every part between gaps before adding anything */
	for (seg = 0; seg <= n; seg += segn + 3) {
		segn = find_gap(s + seg, n - seg);
		tokenize(scratch, s + seg, segn);
		if (scratch->nt == 0)
			return "'...' must stand between two words";
		if (scratch->nclause != 0 || scratch->q[0])
			return "phrase spans a clause break (. ! ? ; or a conjunction)";
		if (seg + segn < n)
			gaps++;
	}
	if (mt->np == mt->pcap) {
		mt->pcap = mt->pcap ? mt->pcap * 2 : 256;
		mt->p = xreallocarray(mt->p, mt->pcap, sizeof(*mt->p));
	}
	ph = &mt->p[mt->np];
	ph->w = mt->nw;
	ph->nw = 0;
	ph->id = id;
	ph->cls = cls;
	ph->inverse = (unsigned char)inverse;
	ph->weak = (unsigned char)weak;
	ph->topic = (unsigned char)topic;
	ph->exclude = (unsigned char)exclude;
	ph->shared = 0;
	for (seg = 0; seg <= n; seg += segn + 3) {
		segn = find_gap(s + seg, n - seg);
		tokenize(scratch, s + seg, segn);
		for (j = 0; j < scratch->nt; j++) {
			t = &scratch->t[j];
			add_pword(mt, scratch, t, t->e < segn && s[seg + t->e] == '*',
			    j == 0 && seg > 0);
			ph->nw++;
		}
	}
	ph->nanchor = 0;
	if (amp != NULL) {
		tokenize(scratch, amp, an);
		for (j = 0; j < scratch->nt; j++) {
			t = &scratch->t[j];
			add_pword(mt, scratch, t, t->e < an && amp[t->e] == '*', 0);
			ph->nanchor++;
		}
	}
	mt->nexclude += (size_t)exclude;
	if (ph->nw + gaps * GAP_MAX > mt->maxnw)
		mt->maxnw = ph->nw + gaps * GAP_MAX;
	pw = &mt->w[ph->w];
	if ((mt->tcount + 1) * 2 > mt->tcap)
		grow_table(mt);
	h = HASH_INIT;
	for (i = 0; i < pw->len; i++)
		h = hash_step(h, (unsigned char)mt->keys.data[pw->off + i]);
	h = hash_final(h, pw->prefix);
	sl = find_slot(mt, h, mt->keys.data + pw->off, pw->len, pw->prefix);
	mt->bloom[(h >> 40) & 1023] |= (uint64_t)1 << ((h >> 50) & 63);
	if (!sl->used) {
		sl->used = 1;
		sl->h = h;
		sl->off = pw->off;
		sl->len = pw->len;
		sl->prefix = pw->prefix;
		sl->head = SIZE_MAX;
		mt->tcount++;
		if (pw->prefix) {
			if (pw->len < 64)
				mt->lens |= (uint64_t)1 << pw->len;
			else
				mt->longprefix = 1;
		}
	}
	/* keep table order within a chain: append at the tail */
	ph->next = SIZE_MAX;
	if (sl->head == SIZE_MAX)
		sl->head = mt->np;
	else {
		for (j = sl->head; mt->p[j].next != SIZE_MAX; j = mt->p[j].next)
			;
		mt->p[j].next = mt->np;
	}
	mt->np++;
	return NULL;
}

/* Does phrase word pw match token t? */
static int
word_matches(const struct matcher *mt, const struct text *tx,
    const struct pword *pw, const struct tok *t)
{
	if (pw->prefix ? t->kl < pw->len : t->kl != pw->len)
		return 0;
	return memcmp(tx->fold.data + t->k, mt->keys.data + pw->off, pw->len) == 0;
}

/*
 * Do words j.. of phrase ph match the tokens from i on, in clause c?
 * Returns the end token (exclusive), or 0.  A "..." word takes the nearest
 * match within GAP_MAX words (no backtracking, so a phrase of many gaps
 * still costs linear time) and widens the skipped range [*gs, *ge).
 */
static size_t
rest_from(const struct matcher *mt, const struct text *tx,
    const struct phrase *ph, size_t j, size_t i, size_t c, size_t *gs,
    size_t *ge)
{
	const struct pword *pw;
	size_t k;

	for (; j < ph->nw; j++, i++) {
		pw = &mt->w[ph->w + j];
		if (pw->gap) {
			for (k = i; k < tx->nt && k <= i + GAP_MAX &&
			    tx->t[k].clause == c; k++)
				if (word_matches(mt, tx, pw, &tx->t[k]))
					break;
			if (k >= tx->nt || k > i + GAP_MAX || tx->t[k].clause != c)
				return 0;
			if (k > i) {
				if (*gs == *ge || i < *gs)
					*gs = i;
				if (k > *ge)
					*ge = k;
			}
			i = k;
			continue;
		}
		if (i >= tx->nt || tx->t[i].clause != c ||
		    !word_matches(mt, tx, pw, &tx->t[i]))
			return 0;
	}
	return i;
}

static void
push_match(struct match **v, size_t *nv, size_t *cap, size_t ph, size_t ts,
    size_t te, size_t gs, size_t ge)
{
	if (*nv == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	(*v)[*nv].ph = ph;
	(*v)[*nv].far = 0;
	(*v)[*nv].ts = ts;
	(*v)[*nv].te = te;
	(*v)[*nv].gs = gs;
	(*v)[*nv].ge = ge;
	(*nv)++;
}

/* Walk one chain of phrases starting at token i. */
/*
 * Is one of the anchor words of phrase ph within ANCHOR_REACH words of the
 * match [ts, te)?  "membership &nato" is NATO membership only in a
 * sentence that names NATO.
 */
enum { ANCHOR_REACH = 40 };

static int
anchored(const struct matcher *mt, const struct text *tx,
    const struct phrase *ph, size_t ts, size_t te)
{
	size_t i, j, lo = ts > ANCHOR_REACH ? ts - ANCHOR_REACH : 0;
	size_t hi = te + ANCHOR_REACH < tx->nt ? te + ANCHOR_REACH : tx->nt;

	for (i = lo; i < hi; i++)
		for (j = 0; j < ph->nanchor; j++)
			if (word_matches(mt, tx, &mt->w[ph->w + ph->nw + j], &tx->t[i]))
				return 1;
	return 0;
}

/*
 * Walk one chain of phrases starting at token i.  Among cues the longest
 * wins; at equal length the more specific first word wins, and chains are
 * walked from the shortest prefix to the exact word, so a later chain wins
 * a tie ("provided" the condition over "provid*", "achievabl*" over
 * "achiev*").
 */
static void
try_chain(const struct matcher *mt, struct text *tx, const struct slot *sl,
    size_t i, size_t *best_cue, size_t *best_len)
{
	const struct phrase *ph;
	size_t p, cue = SIZE_MAX, len = 0, end, gs, ge;

	if (sl == NULL || !sl->used)
		return;
	for (p = sl->head; p != SIZE_MAX; p = ph->next) {
		ph = &mt->p[p];
		gs = ge = 0;
		if ((end = rest_from(mt, tx, ph, 1, i + 1, tx->t[i].clause, &gs,
		    &ge)) == 0)
			continue;
		if (ph->cls == PH_TARGET) {
			push_match(&tx->tm, &tx->ntm, &tx->tmcap, p, i, end,
			    gs, ge);
			/*
			 * With no anchor near, the phrase counts only in an
			 * article on its topic, like a "~" phrase.
			 */
			if (ph->nanchor > 0 && !anchored(mt, tx, ph, i, end))
				tx->tm[tx->ntm - 1].far = 1;
		} else if (ph->nw > len) {
			cue = p;
			len = ph->nw;
		}
	}
	if (cue != SIZE_MAX && len >= *best_len) {
		*best_cue = cue;
		*best_len = len;
	}
}

/*
 * A "-phrase" match cancels the matches of its target that overlap it
 * without holding all of it ("-russian troops" cancels "troops in ukraine"
 * in "Russian troops in Ukraine", "-deal with" the bare "~deal" but not
 * "deal with russia"); then it goes too.
 */
static void
apply_exclusions(const struct matcher *mt, struct text *tx)
{
	const struct phrase *ph;
	struct match *e, *m;
	size_t i, k, j;

	for (i = 0; i < tx->ntm; i++) {
		e = &tx->tm[i];
		if (e->ph == SIZE_MAX || !mt->p[e->ph].exclude)
			continue;	/* already dropped, or a target phrase */
		ph = &mt->p[e->ph];
		for (k = i; k-- > 0 && tx->tm[k].ts + mt->maxnw >= e->ts;) {
			m = &tx->tm[k];
			if (m->ph != SIZE_MAX && !mt->p[m->ph].exclude &&
			    mt->p[m->ph].id == ph->id && m->te > e->ts &&
			    !(m->ts <= e->ts && m->te >= e->te))
				m->ph = SIZE_MAX;
		}
		for (k = i + 1; k < tx->ntm && tx->tm[k].ts < e->te; k++) {
			m = &tx->tm[k];
			if (m->ph != SIZE_MAX && !mt->p[m->ph].exclude &&
			    mt->p[m->ph].id == ph->id &&
			    !(m->ts <= e->ts && m->te >= e->te))
				m->ph = SIZE_MAX;
		}
	}
	for (i = j = 0; i < tx->ntm; i++)
		if (tx->tm[i].ph != SIZE_MAX && !mt->p[tx->tm[i].ph].exclude)
			tx->tm[j++] = tx->tm[i];
	tx->ntm = j;
}

/*
 * Drop a match that lies inside another match of the same target: in
 * "a negotiated settlement" the weak "settlement" is part of the strong
 * "negotiated settlement" and must not be read on its own.
 */
static void
drop_nested(const struct matcher *mt, struct text *tx)
{
	size_t i, j, k, id;
	int inside;

	for (i = j = 0; i < tx->ntm; i++) {
		id = mt->p[tx->tm[i].ph].id;
		inside = 0;
		for (k = j; k-- > 0 && tx->tm[k].ts + mt->maxnw >= tx->tm[i].ts;)
			if ((mt->p[tx->tm[k].ph].id == id ?
			    (!tx->tm[k].far || tx->tm[i].far) :
			    (mt->p[tx->tm[i].ph].nanchor > 0 && !tx->tm[k].far)) &&
			    tx->tm[k].ts <= tx->tm[i].ts && tx->tm[k].te >= tx->tm[i].te) {
				inside = 1;
				break;
			}
		if (!inside)
			tx->tm[j++] = tx->tm[i];
	}
	tx->ntm = j;
}

/* Can a first word with hash h be in the table?  Most words are not. */
static inline int
maybe(const struct matcher *mt, uint64_t h)
{
	return mt->bloom[(h >> 40) & 1023] >> ((h >> 50) & 63) & 1;
}

/*
 * Find every target phrase and, left to right, the longest cue at each
 * word not inside an earlier cue.  One hash probe per word for exact first
 * words, and one per prefix length in use, computed from the running hash.
 */
static void
match_text(const struct matcher *mt, struct text *tx)
{
	const struct tok *t;
	const char *key;
	size_t i, L, best_cue, best_len, cue_until = 0;
	uint64_t h, hf;

	tx->ntm = tx->ncm = 0;
	for (i = 0; i < tx->nt; i++) {
		t = &tx->t[i];
		key = tx->fold.data + t->k;
		best_cue = SIZE_MAX;
		best_len = 0;
		h = HASH_INIT;
		for (L = 0; L < t->kl; L++) {
			h = hash_step(h, (unsigned char)key[L]);
			if (((L + 1 < 64 && (mt->lens >> (L + 1) & 1)) ||
			    (L + 1 >= 64 && mt->longprefix)) &&
			    maybe(mt, hf = hash_final(h, 1)))
				try_chain(mt, tx, find_slot(mt, hf, key, L + 1, 1), i,
				    &best_cue, &best_len);
		}
		if (maybe(mt, hf = hash_final(h, 0)))
			try_chain(mt, tx, find_slot(mt, hf, key, t->kl, 0), i,
			    &best_cue, &best_len);
		if (best_cue != SIZE_MAX && i >= cue_until) {
			push_match(&tx->cm, &tx->ncm, &tx->cmcap, best_cue, i,
			    i + best_len, 0, 0);
			cue_until = i + best_len;
		}
	}
	if (mt->nexclude > 0)
		apply_exclusions(mt, tx);
	drop_nested(mt, tx);
}

/* ------------------------------------------------------------ targets */

struct targets {
	char	**id;
	size_t	  n, cap;
};

static size_t
target_index(struct targets *tg, const char *id, size_t n)
{
	size_t i;

	for (i = tg->n; i-- > 0;)
		if (strlen(tg->id[i]) == n && memcmp(tg->id[i], id, n) == 0)
			return i;
	if (tg->n == tg->cap) {
		tg->cap = tg->cap ? tg->cap * 2 : 16;
		tg->id = xreallocarray(tg->id, tg->cap, sizeof(*tg->id));
	}
	tg->id[tg->n] = xmalloc(n + 1);
	memcpy(tg->id[tg->n], id, n);
	tg->id[tg->n][n] = '\0';
	return tg->n++;
}

/* A malformed --targets file: "news-stance: FILE:LINE: message", exit 2. */
static _Noreturn void
targets_error(const char *name, unsigned long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn("%s:%lu: %s", name, line, msg);
	finish(2);
}

static int
valid_id(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-'))
			return 0;
	return 1;
}

/*
 * Parse a target table (the built-in text or a --targets file) into tg and
 * mt.  Lines starting with '#' and empty lines are skipped; the first other
 * line is the header, which must name the columns target and phrase.
 */
static void
load_targets(struct matcher *mt, struct targets *tg, struct text *scratch,
    const char *name, const char *data, size_t n)
{
	const char *line, *end = data + n, *nl, *f, *fe;
	struct buf header = BUF_INIT, field = BUF_INIT, id = BUF_INIT;
	struct buf phrase = BUF_INIT;
	size_t len, ncols = 0, col, tcol = SIZE_MAX, pcol = SIZE_MAX;
	unsigned long lineno = 0;
	const char *msg;
	int have_header = 0;

	for (line = data; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (nl == NULL)
			nl = end;
		lineno++;
		len = (size_t)(nl - line);
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
			line += 3;
			len -= 3;
		}
		if (len == 0 || line[0] == '#')
			continue;
		if (have_header && len == header.len &&
		    memcmp(line, header.data, len) == 0)
			continue;
		/* split into fields */
		col = 0;
		buf_clear(&id);
		buf_clear(&phrase);
		for (f = line;; f = fe + 1) {
			fe = memchr(f, '\t', (size_t)(line + len - f));
			if (fe == NULL)
				fe = line + len;
			if (!have_header) {
				buf_clear(&field);
				tsv_unescape(&field, f, (size_t)(fe - f));
				if (field.len == 6 && memcmp(field.data, "target", 6) == 0)
					tcol = col;
				else if (field.len == 6 && memcmp(field.data, "phrase", 6) == 0)
					pcol = col;
			} else if (col == tcol)
				tsv_unescape(&id, f, (size_t)(fe - f));
			else if (col == pcol)
				tsv_unescape(&phrase, f, (size_t)(fe - f));
			col++;
			if (fe == line + len)
				break;
		}
		if (!have_header) {
			if (tcol == SIZE_MAX)
				targets_error(name, lineno, "missing column 'target'");
			if (pcol == SIZE_MAX)
				targets_error(name, lineno, "missing column 'phrase'");
			buf_add(&header, line, len);
			ncols = col;
			have_header = 1;
			continue;
		}
		if (col != ncols)
			targets_error(name, lineno, "row has %zu field%s, header has %zu",
			    col, col == 1 ? "" : "s", ncols);
		if (!valid_id(id.data, id.len))
			targets_error(name, lineno,
			    "target id '%.*s' is not made of a-z, 0-9 and '-'",
			    (int)(id.len > 64 ? 64 : id.len), id.len ? id.data : "");
		if ((msg = add_phrase(mt, scratch, phrase.data, phrase.len, PH_TARGET,
		    target_index(tg, id.data, id.len))) != NULL)
			targets_error(name, lineno, "%s", msg);
	}
	if (!have_header)
		targets_error(name, lineno ? lineno : 1,
		    "no header line 'target<TAB>phrase'");
	buf_free(&header);
	buf_free(&field);
	buf_free(&id);
	buf_free(&phrase);
}

static void
read_targets_file(struct matcher *mt, struct targets *tg, struct text *scratch,
    const char *path)
{
	struct buf data = BUF_INIT;
	FILE *fp;
	size_t r;

	if ((fp = fopen(path, "r")) == NULL) {
		warn_errno(path);
		finish(2);
	}
	for (;;) {
		buf_reserve(&data, 65536);
		r = fread(data.data + data.len, 1, data.cap - data.len, fp);
		data.len += r;
		if (r == 0)
			break;
	}
	if (ferror(fp)) {
		warn_errno(path);
		fclose(fp);
		finish(2);
	}
	fclose(fp);
	load_targets(mt, tg, scratch, path, data.data ? data.data : "", data.len);
	buf_free(&data);
}

static void
load_cues(struct matcher *mt, struct text *scratch)
{
	size_t i;
	const char *msg;

	for (i = 0; i < stance_ncues; i++)
		if ((msg = add_phrase(mt, scratch, stance_cues[i].phrase,
		    strlen(stance_cues[i].phrase), PH_CUE, i)) != NULL)
			die("built-in cue '%s': %s", stance_cues[i].phrase, msg);
}

/* ------------------------------------------------------------ stance */

struct verdict {
	int		 sign;		/* -1, 0, +1 */
	double		 w;		/* strength, 0..1 */
	const struct text *src;		/* where the evidence is */
	size_t		 es, ee;	/* evidence bytes in src */
	int		 found;
	int		 ncue;		/* support and refusal cues read */
	int		 as_pred;	/* a cue after "as": "dismissed X as premature" */
};

static const struct phrase *
match_phrase(const struct matcher *mt, const struct match *m)
{
	return &mt->p[m->ph];
}

/* The first match in v[0..n) (sorted by ts) with ts >= tok. */
static size_t
first_match_from(const struct match *v, size_t n, size_t tok)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].ts < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first cue match of tx in clause (cue matches are in token order). */
static size_t
first_cue_of_clause(const struct text *tx, size_t clause)
{
	size_t lo = 0, hi = tx->ncm, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (tx->t[tx->cm[mid].ts].clause < clause)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is token range [ts, te) inside a mention of target id? */
static int
in_target(const struct matcher *mt, const struct text *tx, size_t id,
    size_t ts, size_t te)
{
	size_t i;

	i = first_match_from(tx->tm, tx->ntm, ts > mt->maxnw ? ts - mt->maxnw : 0);
	for (; i < tx->ntm && tx->tm[i].ts < te; i++)
		if (match_phrase(mt, &tx->tm[i])->id == id && ts < tx->tm[i].te &&
		    !(ts >= tx->tm[i].gs && te <= tx->tm[i].ge))
			return 1;	/* the words a "..." skipped are not the target's */
	return 0;
}

/* Does "only" (merely, solely, just) follow token i within three words? */
static int
only_follows(const struct text *tx, size_t i)
{
	size_t j;

	for (j = i + 1; j < tx->nt && j <= i + 3; j++) {
		if (tx->t[j].clause != tx->t[i].clause)
			return 0;
		if (key_is(tx, &tx->t[j], "only") || key_is(tx, &tx->t[j], "merely") ||
		    key_is(tx, &tx->t[j], "solely") || key_is(tx, &tx->t[j], "just"))
			return 1;
	}
	return 0;
}

/*
 * Does the verb cue c govern the mention m: does it stand right before it,
 * with at most three words (an article, an adjective) between, and no
 * preposition of time or cause ("deploy after a ceasefire" does not
 * deploy the ceasefire)?
 */
static int
governs(const struct text *tx, const struct match *c, const struct match *m)
{
	static const char *const prep[] = {
		"after", "before", "until", "till", "during", "despite", "since",
		"because", "unless", "while", "without", "once"
	};
	static const char *const be[] = {
		"be", "is", "are", "was", "were", "been", "being"
	};
	size_t i, j;

	/* a passive after the mention: "the system to be scrapped" */
	if (c->ts >= m->te + 1 && c->ts - m->te <= 3) {
		for (j = 0; j < sizeof(be) / sizeof(be[0]); j++)
			if (key_is(tx, &tx->t[c->ts - 1], be[j]))
				break;
		if (j == sizeof(be) / sizeof(be[0]) || tx->t[c->ts].kl < 3 ||
		    memcmp(tx->fold.data + tx->t[c->ts].k + tx->t[c->ts].kl - 2,
		    "ed", 2) != 0)
			return 0;
		for (i = m->te; i < c->ts; i++)
			if (key_is(tx, &tx->t[i], "that") || key_is(tx, &tx->t[i], "who") ||
			    key_is(tx, &tx->t[i], "it"))
				return 0;
		return 1;
	}
	if (!(c->te <= m->ts && m->ts - c->te <= 3))
		return 0;
	for (i = c->te; i < m->ts; i++)
		for (j = 0; j < sizeof(prep) / sizeof(prep[0]); j++)
			if (key_is(tx, &tx->t[i], prep[j]))
				return 0;
	return 1;
}

/*
 * The answer that opens clause: yes, of course, absolutely, certainly,
 * definitely (+1); no, not, never, nope, or one of the former followed by
 * "not" (-1); 0 when the clause opens otherwise.  *end is moved to the end
 * of the answer for the evidence.
 */
static int
answer(const struct text *tx, size_t clause, size_t *end)
{
	static const char *const yes[] = {
		"yes", "absolutely", "certainly", "definitely", "sure", "of"
	};
	static const char *const no[] = { "no", "not", "never", "nope" };
	size_t i, j, k;

	for (i = 0; i < tx->nt && tx->t[i].clause < clause; i++)
		;	/* tokens are in clause order: a scan, once per question */
	if (i == tx->nt || tx->t[i].clause != clause)
		return 0;
	for (j = 0; j < sizeof(no) / sizeof(no[0]); j++)
		if (key_is(tx, &tx->t[i], no[j])) {
			*end = tx->t[i].e;
			return -1;
		}
	for (j = 0; j < sizeof(yes) / sizeof(yes[0]); j++) {
		if (!key_is(tx, &tx->t[i], yes[j]))
			continue;
		k = i;
		if (j == 5) {	/* "of course" */
			if (i + 1 >= tx->nt || !key_is(tx, &tx->t[i + 1], "course"))
				return 0;
			k = i + 1;
		}
		if (k + 1 < tx->nt && tx->t[k + 1].clause == clause &&
		    key_is(tx, &tx->t[k + 1], "not")) {
			*end = tx->t[k + 1].e;
			return -1;
		}
		*end = tx->t[k].e;
		return 1;
	}
	return 0;
}

/*
 * Is cue c close enough to mention m to be about it?  A clause can run
 * long (a list, a missing full stop); words further than CUE_REACH words
 * (about one long sentence) from the mention are taken to be about
 * something else.
 */
enum { CUE_REACH = 25 };

static int
near(const struct match *c, const struct match *m)
{
	if (c->te <= m->ts)
		return m->ts - c->te < CUE_REACH;
	if (c->ts >= m->te)
		return c->ts - m->te < CUE_REACH;
	return 1;
}

static void
widen(size_t *s, size_t *e, size_t a, size_t b)
{
	if (a < *s)
		*s = a;
	if (b > *e)
		*e = b;
}

enum { EVIDENCE_MAX = 200 };	/* longer spans shrink to the strongest cue */

/* Is token i (in range, same clause as token c) one of the words? */
static int
tok_in(const struct text *tx, size_t i, size_t clause, const char *const *w,
    size_t nw)
{
	size_t j;

	if (i >= tx->nt || tx->t[i].clause != clause)
		return 0;
	for (j = 0; j < nw; j++)
		if (key_is(tx, &tx->t[i], w[j]))
			return 1;
	return 0;
}

#define TOK_IN(tx, i, c, list) tok_in(tx, i, c, list, sizeof(list) / sizeof(list[0]))

/*
 * A modal right before the mention (one adverb may stand between): "he
 * could settle the conflict", "we will join the alliance".  The speaker
 * says the thing can or will be done: a weak favor.  Returns its token,
 * or SIZE_MAX.
 */
static size_t
modal_before(const struct text *tx, const struct match *m)
{
	static const char *const modal[] = { "will", "can", "could", "shall", "'ll" };
	size_t c = tx->t[m->ts].clause;

	if (m->ts >= 1 && TOK_IN(tx, m->ts - 1, c, modal))
		return m->ts - 1;
	if (m->ts >= 2 && TOK_IN(tx, m->ts - 2, c, modal) &&
	    tx->t[m->ts - 1].kl > 2 &&
	    memcmp(tx->fold.data + tx->t[m->ts - 1].k + tx->t[m->ts - 1].kl - 2,
	    "ly", 2) == 0)
		return m->ts - 2;
	return SIZE_MAX;
}

/*
 * "Without X, ..." at the head of a clause (after but, and, yet or even at
 * most) says X is needed: "Without security guarantees, any deal would
 * only invite new aggression."  One word may stand between "without" and
 * the mention.  Returns the token of "without", or SIZE_MAX.
 */
static size_t
fronted_without(const struct text *tx, const struct match *m)
{
	static const char *const lead[] = { "but", "and", "yet", "even" };
	static const char *const neg[] = {
		"no", "not", "cannot", "never", "can't", "won't", "nothing"
	};
	size_t c = tx->t[m->ts].clause, w, k, i;

	for (k = 1; k <= 2 && k <= m->ts; k++) {
		w = m->ts - k;
		if (tx->t[w].clause != c || !key_is(tx, &tx->t[w], "without"))
			continue;
		if (w == 0 || tx->t[w - 1].clause != c)
			return w;
		if (TOK_IN(tx, w - 1, c, lead) && (w == 1 || tx->t[w - 2].clause != c))
			return w;
		/* "there can be no peace without guarantees" */
		for (i = w; i-- > 0 && tx->t[i].clause == c && w - i <= 8;)
			if (TOK_IN(tx, i, c, neg))
				return w;
	}
	return SIZE_MAX;
}

/*
 * "No X without Y": "without" after the mention in its clause makes a
 * "no" or "not" before it a condition on X, not a refusal.
 */
static int
without_after(const struct text *tx, const struct match *m)
{
	size_t c = tx->t[m->ts].clause, i;

	for (i = m->te; i < tx->nt && tx->t[i].clause == c && i - m->te <= 8; i++)
		if (key_is(tx, &tx->t[i], "without"))
			return 1;
	return 0;
}

/* "any X" (one word may stand between): a requirement on X, not support. */
static int
any_before(const struct text *tx, const struct match *m)
{
	static const char *const any[] = { "any" };
	size_t c = tx->t[m->ts].clause;

	return (m->ts >= 1 && TOK_IN(tx, m->ts - 1, c, any)) ||
	    (m->ts >= 2 && TOK_IN(tx, m->ts - 2, c, any));
}

/*
 * Is the mention the complement of a relational noun said of another
 * target: "NATO membership is not a realistic outcome of a negotiated
 * settlement"?  It stands after "of" (and an article) after a noun that
 * only relates two things (outcome, result, part, kind ...), and another
 * target is named earlier in the clause.  The cues of the clause are the
 * other target's.  "The importance of a ceasefire" and "a means of ending
 * the fighting" still take the clause's stance.
 */
static int
of_complement(const struct matcher *mt, const struct text *tx,
    const struct match *m)
{
	static const char *const art[] = { "a", "an", "the" };
	static const char *const of[] = { "of" };
	static const char *const rel[] = {
		"outcome", "outcomes", "result", "results", "part", "parts",
		"element", "elements", "aspect", "aspects", "kind", "type", "sort",
		"form", "product", "consequence", "consequences", "component",
		"feature", "topic", "subject", "framework", "context", "stage",
		"phase", "round", "term", "terms"
	};
	size_t c = tx->t[m->ts].clause, o, i, id = match_phrase(mt, m)->id;

	if (m->ts >= 1 && TOK_IN(tx, m->ts - 1, c, of))
		o = m->ts - 1;
	else if (m->ts >= 2 && TOK_IN(tx, m->ts - 1, c, art) &&
	    TOK_IN(tx, m->ts - 2, c, of))
		o = m->ts - 2;
	else
		return 0;
	if (o == 0 || !TOK_IN(tx, o - 1, c, rel))
		return 0;
	for (i = 0; i < tx->ntm && tx->tm[i].ts < o; i++)
		if (tx->t[tx->tm[i].ts].clause == c && tx->tm[i].te <= o &&
		    match_phrase(mt, &tx->tm[i])->id != id)
			return 1;
	return 0;
}

/*
 * Is the verb cue c the content of a plan someone else made: "a French
 * proposal to put European forces in Ukraine"?  Then it is no stance of
 * the speaker's.
 */
static int
plan_content(const struct text *tx, const struct match *c)
{
	static const char *const plan[] = {
		"proposal", "proposals", "plan", "plans", "idea", "ideas", "offer",
		"offers", "suggestion", "scheme", "initiative", "proposed"
	};
	static const char *const to[] = { "to" };
	size_t cl = tx->t[c->ts].clause;

	return c->ts >= 2 && TOK_IN(tx, c->ts - 1, cl, to) &&
	    TOK_IN(tx, c->ts - 2, cl, plan);
}

/*
 * Is the cue c a noun here, after a determiner (and at most one more
 * word): "a British plan to", "the promise of"?  Said of the cues of
 * intention (plan, promise, pledge, vow, aim) that are nouns as often as
 * verbs; the speaker's own intention is the verb ("we plan to").
 */
static int
nominal_cue(const struct text *tx, const struct match *c)
{
	static const char *const det[] = {
		"a", "an", "the", "this", "that", "his", "her", "their", "its",
		"our", "my", "your", "whose", "any", "every", "no"
	};
	static const char *const noun[] = {
		"plan", "plans", "promise", "promises", "pledge", "pledges",
		"vow", "vows", "aim", "aims", "intention", "intentions"
	};
	size_t cl = tx->t[c->ts].clause;

	if (!TOK_IN(tx, c->ts, cl, noun))
		return 0;
	return (c->ts >= 1 && TOK_IN(tx, c->ts - 1, cl, det)) ||
	    (c->ts >= 2 && TOK_IN(tx, c->ts - 2, cl, det));
}

/*
 * Is the one-word cue c an adjective of some other noun, inside the object
 * of a verb: "to end that ridiculous war" (a determiner before it, a
 * noun after it, and before the determiner a word that is no copula)?
 * Then it says nothing of the target.  "Would be a dangerous escalation",
 * "the importance of a ceasefire" and a subject ("The cheapest option is
 * ...") still count.
 */
static int
attributive_elsewhere(const struct text *tx, const struct match *c,
    const struct match *m)
{
	static const char *const det[] = {
		"a", "an", "the", "this", "that", "these", "those", "such", "his",
		"her", "their", "its", "our", "my", "your"
	};
	static const char *const copula[] = {
		"be", "is", "are", "was", "were", "been", "being", "become",
		"becomes", "became", "remain", "remains", "remained", "seem",
		"seems", "seemed", "'s", "it's", "that's", "what"
	};
	static const char *const link[] = {
		"of", "for", "to", "in", "on", "with", "about", "that", "and",
		"or", "but", "than", "as", "at", "by", "from", "if", "because"
	};
	static const char *const adv[] = {
		"not", "never", "also", "still", "really", "just", "simply",
		"certainly", "clearly", "probably", "hardly", "surely", "truly",
		"indeed", "already", "only", "n't"
	};
	size_t cl = tx->t[c->ts].clause, j;

	if (c->te != c->ts + 1 || c->ts < 2 || c->te >= tx->nt ||
	    tx->t[c->te].clause != cl || (c->te >= m->ts && c->te < m->te))
		return 0;
	if (m->ts > c->te && m->ts - c->te <= 3)
		return 0;	/* its noun phrase holds the target: "an irreversible path to membership" */
	if (!TOK_IN(tx, c->ts - 1, cl, det) || TOK_IN(tx, c->te, cl, link))
		return 0;
	for (j = c->ts - 2; j > 0 && TOK_IN(tx, j, cl, adv); j--)
		;
	if (tx->t[j].clause != cl || TOK_IN(tx, j, cl, copula) ||
	    TOK_IN(tx, j, cl, adv) || (j >= m->ts && j < m->te))
		return 0;	/* "called NATO membership the cheapest option" */
	return 1;
}

/* The quote's speaker (raw bytes of the speaker column), for holder(). */
static const char *speaker;
static size_t speaker_len;
/* The text of a direct quote: its he, she and they are not the speaker. */
static const struct text *direct_text;

static int
is_upper_start(const struct text *tx, size_t i)
{
	return tx->src[tx->t[i].s] >= 'A' && tx->src[tx->t[i].s] <= 'Z';
}

/*
 * Is the attitude cue c (want, ready to, reject) held by a named person
 * other than the speaker: "Vladimir Putin was not ready to negotiate",
 * "President Putin does not want peace"?  The subject is the name right
 * before the cue (auxiliaries, negators and adverbs may stand between):
 * a title and a name, or two capitalised words not after "the" (so not
 * "the United States").  Then the clause reports someone else's position.
 */
static int
third_party(const struct text *tx, const struct match *c)
{
	static const char *const aux[] = {
		"is", "are", "was", "were", "be", "been", "has", "have", "had",
		"does", "do", "did", "would", "will", "could", "should", "may",
		"might", "not", "never", "also", "still", "already", "now",
		"no", "longer", "even", "just", "cannot", "clearly", "really",
		"firmly", "strongly", "reportedly", "apparently", "simply"
	};
	static const char *const title[] = {
		"president", "minister", "chancellor", "secretary", "leader",
		"mr", "mrs", "ms", "dr", "general", "king", "pope", "senator",
		"governor", "envoy", "spokesman", "spokeswoman", "spokesperson",
		"premier", "ambassador", "commander"
	};
	static const char *const the[] = { "the" };
	size_t cl = tx->t[c->ts].clause, j, k, n, t;
	const struct tok *w;
	int titled = 0;

	if (c->ts == 0)
		return 0;
	for (j = c->ts - 1; j > 0 && tx->t[j].clause == cl &&
	    (TOK_IN(tx, j, cl, aux) || (tx->t[j].kl > 3 &&
	    memcmp(tx->fold.data + tx->t[j].k + tx->t[j].kl - 3, "n't", 3) == 0));
	    j--)
		;
	if (tx->t[j].clause == cl && tx == direct_text &&
	    (key_is(tx, &tx->t[j], "he") || key_is(tx, &tx->t[j], "she") ||
	    key_is(tx, &tx->t[j], "they")))
		return 1;	/* "He doesn't want peace", in the speaker's words */
	if (tx->t[j].clause != cl || !is_upper_start(tx, j) ||
	    key_is(tx, &tx->t[j], "i"))
		return 0;
	/* the name: capitalised words and titles back from j */
	for (k = j, n = 0; ; k--) {
		if (TOK_IN(tx, k, cl, title))
			titled = 1;
		else if (!is_upper_start(tx, k) || tx->t[k].clause != cl ||
		    TOK_IN(tx, k, cl, the))
			break;
		n++;
		if (k == 0) {
			k = SIZE_MAX;
			break;
		}
	}
	if (!titled && (n < 2 || (k != SIZE_MAX && TOK_IN(tx, k, cl, the))))
		return 0;
	/* the speaker's own name is no third party */
	w = &tx->t[j];
	if (speaker_len >= w->e - w->s)
		for (t = 0; t + (w->e - w->s) <= speaker_len; t++)
			if (memcmp(speaker + t, tx->src + w->s, w->e - w->s) == 0)
				return 0;
	return 1;
}

/*
 * Does an action verb (give, provide, recognise) govern the topic mention
 * m: "we will never recognize it" (it = Crimea)?  Then the topic takes the
 * clause's stance like a proposal; otherwise it stays neutral.
 */
static int
topic_governed(const struct matcher *mt, const struct text *tx,
    const struct match *m)
{
	size_t i, cl = tx->t[m->ts].clause;

	for (i = first_cue_of_clause(tx, cl); i < tx->ncm &&
	    tx->t[tx->cm[i].ts].clause == cl && tx->cm[i].ts < m->ts; i++)
		if (stance_cues[match_phrase(mt, &tx->cm[i])->id].kind == CUE_DO &&
		    governs(tx, &tx->cm[i], m))
			return 1;
	return 0;
}

/*
 * Is the negator c the head of a negated predicate whose subject is the
 * verb phrase of mention m: "stopping deliveries would not bring peace",
 * "sending troops to Ukraine won't help"?  It must be a verbal negator
 * (will not, won't, never, doesn't, cannot) at most three words after the
 * mention, with no cue and no relative pronoun between.
 */
static int
negated_predicate(const struct text *tx, const struct match *c,
    const struct stance_cue *cue, const struct match *m, size_t last)
{
	const struct tok *t = &tx->t[c->ts];

	size_t i;

	if (c->ts < m->te || c->ts - m->te > 3 || (last >= m->te && last <= c->ts))
		return 0;
	for (i = m->te; i < c->ts; i++)
		if (key_is(tx, &tx->t[i], "that") || key_is(tx, &tx->t[i], "who"))
			return 0;	/* "a ceasefire that will not hold" */
	if (cue->kind == CUE_NEVER)
		return 1;
	static const char *const aux[] = {
		"is", "was", "are", "were", "does", "did", "will", "would", "can",
		"could", "should", "has", "have"
	};

	if (cue->kind != CUE_NEG)
		return 0;
	if (key_is(tx, t, "not") && c->ts > m->te)
		for (i = 0; i < sizeof(aux) / sizeof(aux[0]); i++)
			if (key_is(tx, &tx->t[c->ts - 1], aux[i]))
				return 1;	/* "scrapping it was not on the agenda" */
	return key_is(tx, t, "cannot") || (t->kl > 3 &&
	    memcmp(tx->fold.data + t->k + t->kl - 3, "n't", 3) == 0);
}

/* Does mention m open with a gerund: "sending troops", "ceding land"? */
static int
gerund_mention(const struct text *tx, const struct match *m)
{
	const struct tok *t = &tx->t[m->ts];

	return t->kl > 4 && memcmp(tx->fold.data + t->k + t->kl - 3, "ing", 3) == 0;
}

/* Does cue c stand after "as", maybe with an adverb between ("as (completely) unacceptable")? */
static int
after_as(const struct text *tx, const struct match *c)
{
	size_t k = c->ts;

	if (k > 0 && key_is(tx, &tx->t[k - 1], "as"))
		return 1;
	return k > 1 && tx->t[k - 1].kl > 2 &&
	    memcmp(tx->fold.data + tx->t[k - 1].k + tx->t[k - 1].kl - 2, "ly", 2) == 0 &&
	    key_is(tx, &tx->t[k - 2], "as") && tx->t[k - 2].clause == tx->t[k].clause;
}

/* The stance of the clause around target mention m of tx. */
static void
read_mention(const struct matcher *mt, const struct text *tx,
    const struct match *m, struct verdict *v)
{
	const struct stance_cue *cue;
	const struct match *c;
	size_t clause = tx->t[m->ts].clause, i, ms, me, last, first, d, k;
	size_t bs = 0, be = 0, bd = SIZE_MAX;	/* the deciding cue's bytes, distance */
	size_t ns = SIZE_MAX, ne = 0;		/* the negators' bytes */
	size_t cs = SIZE_MAX, ce = 0;		/* all cues read */
	size_t id = match_phrase(mt, m)->id;
	double strength = 0, factor = 1, refw = 0;
	int sign = 1, ncue = 0, neg = 0, refusal = 0, open = 0, ans;
	int hedge = 0, cond = 0, hypo = 0, partial = 0, as_pred = 0, reported = 0;
	int postneg = 0, allverb = 1, rel;
	size_t pns = 0, pne = 0;		/* the negated predicate's negator */

	ms = tx->t[m->ts].s;
	me = tx->t[m->te - 1].e;
	v->src = tx;
	v->es = ms;
	v->ee = me;
	v->found = 1;
	v->ncue = 0;
	v->as_pred = 0;
	v->sign = 0;
	v->w = 0;
	if (match_phrase(mt, m)->topic && !topic_governed(mt, tx, m))
		return;	/* "?occupied territor*": named, no side taken */
	/* a negator flips only what follows it: a cue, or the target */
	last = m->ge > m->gs ? m->ge : m->ts;
	first = first_cue_of_clause(tx, clause);
	for (i = first; i < tx->ncm && tx->t[tx->cm[i].ts].clause == clause; i++) {
		c = &tx->cm[i];
		if (c->ts <= last || !near(c, m) || in_target(mt, tx, id, c->ts, c->te))
			continue;
		cue = &stance_cues[match_phrase(mt, c)->id];
		if ((cue->kind == CUE_FAVOR || cue->kind == CUE_AGAINST) &&
		    !((cue->flags & CUE_FWD) && c->ts >= m->te))
			last = c->ts;
	}
	/* "a deal that rewards the invader": the relative clause describes it */
	rel = m->te < tx->nt && tx->t[m->te].clause == clause &&
	    (key_is(tx, &tx->t[m->te], "that") || key_is(tx, &tx->t[m->te], "who"));
	v->ncue = 0;
	for (i = first; i < tx->ncm && tx->t[tx->cm[i].ts].clause == clause; i++) {
		c = &tx->cm[i];
		if (!near(c, m) || in_target(mt, tx, id, c->ts, c->te) ||
		    (rel && c->ts > m->te))
			continue;
		cue = &stance_cues[match_phrase(mt, c)->id];
		if ((cue->flags & CUE_FWD) && c->ts >= m->te)
			continue;	/* "X depends on Y" favors Y, not X */
		if ((cue->kind == CUE_NEG || cue->kind == CUE_NEVER ||
		    cue->kind == CUE_NO) && c->ts >= last) {
			if (negated_predicate(tx, c, cue, m, last)) {
				postneg = 1;
				pns = tx->t[c->ts].s;
				pne = tx->t[c->te - 1].e;
			}
			continue;
		}
		switch (cue->kind) {
		case CUE_FAVOR:
		case CUE_AGAINST:
		case CUE_DESTROY:
		case CUE_DO:
			if ((cue->kind == CUE_DESTROY || cue->kind == CUE_DO) &&
			    !governs(tx, c, m))
				continue;
			if (cue->kind == CUE_DO && plan_content(tx, c))
				continue;	/* "a proposal to send troops" */
			if (cue->kind == CUE_FAVOR && nominal_cue(tx, c))
				continue;	/* "a British plan to ...", not "we plan to" */
			if ((cue->kind == CUE_FAVOR || cue->kind == CUE_AGAINST) &&
			    attributive_elsewhere(tx, c, m))
				continue;	/* "end that ridiculous war" */
			if ((cue->flags & CUE_HOLDER) && third_party(tx, c))
				reported = 1;	/* "Putin is not ready to negotiate" */
			if ((cue->kind == CUE_AGAINST || cue->kind == CUE_DESTROY) &&
			    !(ncue > 0 && c->ts > m->te && after_as(tx, c)))
				sign = -sign;	/* "rejected X as unacceptable": one refusal */
			if (cue->kind != CUE_DESTROY && cue->kind != CUE_DO)
				allverb = 0;
			ncue++;
			if (after_as(tx, c))
				as_pred = 1;	/* "dismissed X as premature" */
			d = c->te <= m->ts ? m->ts - c->te : c->ts - m->te;
			if (cue->weight / 100.0 > strength ||
			    (cue->weight / 100.0 == strength && d < bd)) {
				strength = cue->weight / 100.0;
				bs = tx->t[c->ts].s;	/* the deciding cue */
				be = tx->t[c->te - 1].e;
				bd = d;
			}
			break;
		case CUE_NEG:
		case CUE_NEVER:
		case CUE_NO:
			if (only_follows(tx, c->te - 1)) {
				partial = 1;	/* "not only", "not as the only" */
				break;
			}
			neg = !neg;
			widen(&ns, &ne, tx->t[c->ts].s, tx->t[c->te - 1].e);
			if (cue->kind == CUE_NEVER || (cue->kind == CUE_NO &&
			    ((c->te <= m->ts && m->ts - c->te <= 1) ||
			    (c->ts >= m->gs && c->te <= m->ge)))) {
				refusal = 1;
				refw = cue->weight / 100.0;
			}
			break;
		case CUE_HEDGE:
			hedge = 1;
			break;
		case CUE_COND:
			cond = 1;
			break;
		case CUE_IF:
			hypo = 1;
			break;
		case CUE_OPEN:
			open = 1;
			break;
		default:
			continue;
		}
		widen(&cs, &ce, tx->t[c->ts].s, tx->t[c->te - 1].e);
	}
	/* a negator on its own: "never", "no X" refuse; a bare "not" says nothing */
	if (neg && without_after(tx, m)) {
		neg = refusal = 0;	/* "no peace deal without Ukraine": a condition */
		cond = 1;
	}
	if (ncue == 0) {
		if (refusal && neg) {
			sign = -1;
			strength = refw;
		} else if (!neg && (k = modal_before(tx, m)) != SIZE_MAX) {
			sign = 1;	/* "he could settle the conflict" */
			strength = 0.4;
			ncue = 1;
			widen(&cs, &ce, tx->t[k].s, tx->t[k].e);
			bs = tx->t[k].s;
			be = tx->t[k].e;
		} else
			sign = 0;
	} else if (neg)
		sign = -sign;
	if (ncue > 0 && allverb && postneg) {
		sign = -sign;	/* "stopping deliveries would not bring peace" */
		widen(&cs, &ce, pns, pne);
	} else if (ncue == 0 && postneg && !neg && gerund_mention(tx, m)) {
		sign = -1;	/* "sending troops to Ukraine won't help" */
		strength = 0.5;
		ncue = 1;
		bs = pns;
		be = pne;
		widen(&cs, &ce, pns, pne);
	}
	if ((k = fronted_without(tx, m)) != SIZE_MAX) {
		/* "Without X, ..." needs X, whatever the rest says */
		sign = 1;
		strength = 0.6;
		ncue = ncue ? ncue : 1;
		hedge = cond = hypo = partial = 0;
		cs = bs = tx->t[k].s;
		ce = be = me;
	} else if (sign > 0 && any_before(tx, m) && bs >= me)
		sign = 0;	/* "any deal must include ...": a requirement */
	if (of_complement(mt, tx, m))
		sign = 0;	/* the cues are the head target's */
	if (reported)
		sign = 0;	/* someone else's position, reported */
	/*
	 * A question is neutral, unless the speaker answers it at once:
	 * "Should we scrap the tax? Absolutely not." is favor of the tax.
	 */
	if (tx->q[clause] && !open) {
		if ((ans = answer(tx, clause + 1, &v->ee)) != 0) {
			sign = ans * (sign == 0 ? 1 : sign);
			strength = 0.7;
			hedge = cond = hypo = 0;
		} else
			open = 1;
	}
	if (hedge)
		factor *= 0.7;
	if (cond)
		factor *= 0.6;
	if (hypo && !cond)
		factor *= 0.5;
	if (partial)
		factor *= 0.6;
	if (open || sign == 0) {
		v->sign = 0;
		v->w = 0;
		v->es = ms;
		v->ee = me;
		return;
	}
	if (match_phrase(mt, m)->inverse)
		sign = -sign;	/* "must respect territorial integrity" */
	v->sign = sign;
	v->w = strength * factor;
	v->ncue = ncue;
	v->as_pred = as_pred;
	/*
	 * evidence: the mention and every cue read (the sign is their
	 * product); when that is too long, the strongest cue nearest the
	 * mention, or the negators of a bare refusal
	 */
	widen(&v->es, &v->ee, cs, ce);
	if (v->ee - v->es > EVIDENCE_MAX) {
		if (ncue > 0) {
			v->es = bs;
			v->ee = be;
		} else if (ns != SIZE_MAX) {
			v->es = ns;
			v->ee = ne;
		} else {		/* an answer far off: the mention alone */
			v->es = ms;
			v->ee = me;
		}
	}
}

/*
 * Only the first MENTION_MAX mentions of a target in one text and the first
 * MENTION_MAX demonstratives are read, so a pathological row of one endless
 * clause costs linear, not quadratic, time.
 */
enum { MENTION_MAX = 32 };

/*
 * A pronoun (it, this, that, these, those, them) in the clause right after the
 * mention m, standing for the target: "Joining NATO?  I don't see that
 * happening."  Returns 0 when there is none.
 */
static int
anaphor(const struct text *tx, const struct match *m, struct match *a)
{
	static const char *const pron[] = {
		"it", "this", "that", "these", "those", "them"
	};
	size_t clause = tx->t[m->ts].clause + 1, i, j;

	for (i = m->te; i < tx->nt && tx->t[i].clause <= clause; i++) {
		if (tx->t[i].clause != clause)
			continue;
		for (j = 0; j < sizeof(pron) / sizeof(pron[0]); j++)
			if (key_is(tx, &tx->t[i], pron[j])) {
				a->ph = m->ph;
				a->ts = i;
				a->te = i + 1;
				a->gs = a->ge = 0;
				return 1;
			}
	}
	return 0;
}

/* The strongest reading among the mentions of target id in tx. */
static void
read_target(const struct matcher *mt, const struct text *tx, size_t id,
    struct verdict *best)
{
	struct verdict v;
	struct match a;
	size_t i, n;

	best->found = 0;
	best->sign = 0;
	best->w = 0;
	for (i = 0, n = 0; i < tx->ntm && n < MENTION_MAX; i++) {
		if (match_phrase(mt, &tx->tm[i])->id != id)
			continue;
		n++;
		read_mention(mt, tx, &tx->tm[i], &v);
		if (v.sign == 0 && anaphor(tx, &tx->tm[i], &a)) {
			struct verdict va;

			read_mention(mt, tx, &a, &va);
			if (va.sign != 0 && va.ncue > 0)
				v = va;
		}
		if (!best->found || (v.sign != 0 && v.w > best->w) ||
		    (v.sign != 0 && best->sign == 0))
			*best = v;
	}
}

/*
 * The polarity of the quote's cue (called for +, rejected -, did not
 * reject +, said 0) and its strength; the cue's bytes in cue->src.
 */
static int
cue_polarity(const struct matcher *mt, const struct text *cue, double *w)
{
	const struct stance_cue *c;
	size_t i;
	int sign = 1, any = 0;

	*w = 0;
	for (i = 0; i < cue->ncm; i++) {
		c = &stance_cues[match_phrase(mt, &cue->cm[i])->id];
		if (c->kind == CUE_FAVOR || c->kind == CUE_AGAINST) {
			if (c->kind == CUE_AGAINST)
				sign = -sign;
			if (c->weight / 100.0 > *w)
				*w = c->weight / 100.0;
			any = 1;
		} else if (c->kind == CUE_NEG || c->kind == CUE_NEVER ||
		    c->kind == CUE_NO)
			sign = -sign;
	}
	return any ? sign : 0;
}

/* Find needle in hay; returns its offset or SIZE_MAX. */
static size_t
find_bytes(const char *hay, size_t hn, const char *needle, size_t nn)
{
	const char *p = hay, *end = hay + hn;

	if (nn == 0 || nn > hn)
		return SIZE_MAX;
	while ((p = memchr(p, needle[0], (size_t)(end - p) - nn + 1)) != NULL) {
		if (memcmp(p, needle, nn) == 0)
			return (size_t)(p - hay);
		if ((size_t)(end - ++p) < nn)
			break;
	}
	return SIZE_MAX;
}

/*
 * Where the quote's text stands in the context: the clauses from the one
 * holding its first bytes to the one holding its last.  Target mentions
 * in other clauses of the context belong to other statements (another
 * partial quote of the same sentence, the attribution) and are dropped.
 * When the text is not found (a reworded indirect quote), all stay.
 */
static size_t
keep_quote_clauses(const struct matcher *mt, struct text *cx, const char *text,
    size_t n)
{
	size_t a, b, k, i, j, c0, c1, before = SIZE_MAX;

	if (n == 0 || cx->nt == 0)
		return SIZE_MAX;
	k = n < 40 ? n : 40;
	if ((a = find_bytes(cx->src, cx->n, text, k)) == SIZE_MAX &&
	    (k <= 16 || (a = find_bytes(cx->src, cx->n, text, k = 16)) == SIZE_MAX))
		return SIZE_MAX;
	k = n < 40 ? n : 40;
	b = find_bytes(cx->src + a, cx->n - a, text + n - k, k);
	b = b == SIZE_MAX ? a + n : a + b + k;
	if (b > cx->n)
		b = cx->n;
	for (i = 0; i + 1 < cx->nt && cx->t[i].e <= a; i++)
		;
	c0 = cx->t[i].clause;
	for (j = i; j + 1 < cx->nt && cx->t[j + 1].s < b; j++)
		;
	c1 = cx->t[j].clause;
	for (i = j = 0; i < cx->ntm; i++) {
		k = cx->t[cx->tm[i].ts].clause;
		if (k >= c0 && k <= c1)
			cx->tm[j++] = cx->tm[i];
		else if (k < c0 && !mt->p[cx->tm[i].ph].weak &&
		    !cx->tm[i].far && before == SIZE_MAX)
			before = cx->tm[i].ph;	/* the first: the lead's topic */
	}
	cx->ntm = j;
	return before;
}

/* ------------------------------------------------------------ rows */

struct state {
	struct matcher	 mt;
	struct targets	 tg;
	struct text	 text, ctx, cue;
	struct buf	 vtext, vctx, vcue, vkind, score;
	size_t		*touched;	/* targets found in this row, sorted */
	size_t		 ntouched;
	unsigned char	*seen;		/* per target: in touched */
	size_t		*rep;		/* per target: one of its phrases */
	int		 all;
	long		 doccol, paracol;	/* -1 when absent: no anaphora */
	struct doc_seen	 docs;		/* the current and the finished documents */
	int		 located;	/* this row has doc and para */
	unsigned long	 pnum;		/* its paragraph number */
	size_t		 last;		/* target named last in that document */
	unsigned long	 last_para;	/* the paragraph it was named in */
	unsigned long	 strong_para;	/* the last paragraph with a strong phrase, + 1 */
	unsigned long	*tpara;		/* per target: the same for its own phrases */
	unsigned long	*tgen;		/* per target: gen when this row names it */
	unsigned long	 gen;		/* rows read */
	size_t		 lead;		/* phrase named in the context before the quote */
	long		 spkcol;	/* speaker column, or -1 */
};

/*
 * Where this row stands: its doc and paragraph.  A new document forgets
 * the last-named target and the last strong phrase.
 */
static void
locate(struct state *st, struct tsv_in *in)
{
	const char *doc, *para;
	size_t dn, pn, i;
	unsigned long pnum;

	if (st->doccol >= 0) {
		doc = tsv_raw(in, (size_t)st->doccol, &dn);
		if (doc_start(&st->docs, in, doc, dn)) {
			st->last = SIZE_MAX;
			st->strong_para = 0;
			memset(st->tpara, 0, (st->tg.n + 1) * sizeof(*st->tpara));
		}
	}
	st->located = st->doccol >= 0 && st->paracol >= 0;
	if (!st->located)
		return;
	para = tsv_raw(in, (size_t)st->paracol, &pn);
	for (i = 0, pnum = 0; i < pn && para[i] >= '0' && para[i] <= '9' &&
	    pnum < 100000000; i++)
		pnum = pnum * 10 + (unsigned long)(para[i] - '0');
	st->pnum = pnum;
}

/* Does tx have a match of a strong (not "~") target phrase? */
static int
has_strong(const struct matcher *mt, const struct text *tx)
{
	size_t i;

	for (i = 0; i < tx->ntm; i++)
		if (!match_phrase(mt, &tx->tm[i])->weak && !tx->tm[i].far)
			return 1;
	return 0;
}

/* Drop the matches of weak phrases. */
static void
drop_weak(const struct matcher *mt, struct text *tx)
{
	size_t i, j;

	for (i = j = 0; i < tx->ntm; i++)
		if (!match_phrase(mt, &tx->tm[i])->weak && !tx->tm[i].far)
			tx->tm[j++] = tx->tm[i];
	tx->ntm = j;
}

/*
 * Mark the one-word anchored phrases that another target has too
 * ("membership &nato" and "membership &eu"): only their anchor tells the
 * targets apart, so an article on one of them does not stand in for it.
 */
static void
mark_shared(struct matcher *mt)
{
	struct phrase *a, *b;
	const struct pword *wa, *wb;
	size_t i, j;

	for (i = 0; i < mt->np; i++) {
		a = &mt->p[i];
		if (a->cls != PH_TARGET || a->nw != 1 || a->nanchor == 0)
			continue;
		wa = &mt->w[a->w];
		for (j = 0; j < mt->np && !a->shared; j++) {
			b = &mt->p[j];
			wb = &mt->w[b->w];
			if (b->cls == PH_TARGET && b->nw == 1 && b->id != a->id &&
			    wb->len == wa->len && wb->prefix == wa->prefix &&
			    memcmp(mt->keys.data + wb->off, mt->keys.data + wa->off,
			    wa->len) == 0)
				a->shared = 1;
		}
	}
}

/* Note the targets that tx names by a strong phrase. */
static void
mark_strong(struct state *st, const struct text *tx)
{
	size_t i, id;

	for (i = 0; i < tx->ntm; i++)
		if (!match_phrase(&st->mt, &tx->tm[i])->weak && !tx->tm[i].far) {
			id = match_phrase(&st->mt, &tx->tm[i])->id;
			st->tgen[id] = st->gen;
			if (st->located)
				st->tpara[id] = st->pnum + 1;
		}
}

/*
 * Do the words of match i (with no anchor near) belong to another
 * target, matched there with its anchor ("membership" in "the EU must
 * open the door to membership" is EU membership, not NATO's)?  Matches
 * are in token order, so only neighbours within the longest phrase count.
 */
static int
claimed(const struct matcher *mt, const struct text *tx, size_t i)
{
	const struct match *m = &tx->tm[i], *o;
	size_t id = mt->p[m->ph].id, k;

	for (k = i; k-- > 0 && tx->tm[k].ts + mt->maxnw + GAP_MAX * mt->maxnw >= m->ts;) {
		o = &tx->tm[k];
		if (!o->far && mt->p[o->ph].id != id && o->ts < m->te && m->ts < o->te)
			return 1;
	}
	for (k = i + 1; k < tx->ntm && tx->tm[k].ts < m->te; k++) {
		o = &tx->tm[k];
		if (!o->far && mt->p[o->ph].id != id && o->ts < m->te && m->ts < o->te)
			return 1;
	}
	return 0;
}

/*
 * Drop the matches with no anchor near ("weapons" far from any war word)
 * unless their own target is named by a strong phrase in this row, or in
 * this paragraph or the one before.
 */
static void
drop_far(struct state *st, struct text *tx)
{
	size_t i, j, id;
	unsigned long tp;

	for (i = j = 0; i < tx->ntm; i++) {
		if (tx->tm[i].far && (match_phrase(&st->mt, &tx->tm[i])->nw == 1 ||
		    claimed(&st->mt, tx, i))) {
			id = match_phrase(&st->mt, &tx->tm[i])->id;
			tp = st->tpara[id];
			if (st->tgen[id] != st->gen && (match_phrase(&st->mt,
			    &tx->tm[i])->shared || !(st->located && tp > 0 &&
			    (st->pnum + 1 == tp || st->pnum == tp))))
				continue;
			if (claimed(&st->mt, tx, i))
				continue;
		}
		tx->tm[j++] = tx->tm[i];
	}
	tx->ntm = j;
}

/*
 * Weak phrases ("~talks", "~negotiat*": words that name a target only in
 * an article on its topic) count when the row names a target by a strong
 * phrase, or the document did in this paragraph or the one before.
 */
static void
gate_weak(struct state *st)
{
	int strong = has_strong(&st->mt, &st->text) || has_strong(&st->mt, &st->ctx);

	st->gen++;
	mark_strong(st, &st->text);
	mark_strong(st, &st->ctx);
	drop_far(st, &st->text);
	drop_far(st, &st->ctx);
	if (strong && st->located)
		st->strong_para = st->pnum + 1;
	if (!strong && !(st->located && st->strong_para > 0 &&
	    (st->pnum + 1 == st->strong_para || st->pnum == st->strong_para))) {
		drop_weak(&st->mt, &st->text);
		drop_weak(&st->mt, &st->ctx);
	}
}

static void
touch(struct state *st, size_t id)
{
	size_t i;

	if (st->seen[id])
		return;
	st->seen[id] = 1;
	for (i = st->ntouched; i > 0 && st->touched[i - 1] > id; i--)
		st->touched[i] = st->touched[i - 1];
	st->touched[i] = id;
	st->ntouched++;
}

/* Does this quote kind carry its content in the reporter's clause? */
static int
reported_kind(const struct buf *kind, int have_kind)
{
	if (!have_kind)
		return 1;
	return (kind->len == 8 && memcmp(kind->data, "indirect", 8) == 0) ||
	    (kind->len == 7 && memcmp(kind->data, "partial", 7) == 0);
}

static void
write_verdict(struct state *st, struct tsv_in *in, const size_t col[4],
    size_t id, const struct verdict *v)
{
	double score = v->sign * v->w;
	const char *stance = "neutral";
	int n;

	if (v->sign != 0) {
		if (score > 1)
			score = 1;
		if (score < -1)
			score = -1;
		if (score > -0.05 && score < 0.05)
			score = v->sign * 0.05;	/* a side is never printed as 0.00 */
		stance = v->sign > 0 ? "favor" : "against";
	} else
		score = 0;
	buf_reserve(&st->score, 16);
	n = snprintf(st->score.data, st->score.cap, "%.2f", score);
	tsv_set(in, col[0], st->tg.id[id], strlen(st->tg.id[id]));
	tsv_set(in, col[1], stance, strlen(stance));
	tsv_set(in, col[2], st->score.data, (size_t)n);
	tsv_set(in, col[3], v->src->src + v->es, v->ee - v->es);
	tsv_write_row(in);
}

/*
 * The target named last in a text's mentions (the rightmost), or SIZE_MAX.
 */
static size_t
last_named(const struct matcher *mt, const struct text *tx)
{
	size_t i, best = SIZE_MAX, pos = 0;

	for (i = 0; i < tx->ntm; i++)
		if (best == SIZE_MAX || tx->tm[i].ts >= pos) {
			pos = tx->tm[i].ts;
			best = match_phrase(mt, &tx->tm[i])->id;
		}
	return best;
}

/*
 * A quote that goes on about the target named last in its paragraph by an
 * earlier quote: "NATO membership is the cheapest option ... 'these are
 * the cheapest security guarantees'".  When the quote does not name that
 * target itself but its text has this, these or those in a clause with
 * a support or refusal cue, that clause gives the target's stance.  The
 * rows must carry doc and para.  Returns the target, or SIZE_MAX; updates
 * the paragraph's last-named target for the next row.
 */
/*
 * A definite description that refers back: "the idea", "this proposal",
 * "such a notion", "the prospect" (the noun at token i, after the, this,
 * that or such).  Generic nouns (step, move) are left out.
 */
static int
description(const struct text *tx, size_t i)
{
	static const char *const noun[] = {
		"idea", "proposal", "prospect", "notion", "suggestion"
	};
	static const char *const det[] = { "the", "this", "that", "such" };
	size_t c = tx->t[i].clause;

	if (!TOK_IN(tx, i, c, noun) || i == 0)
		return 0;
	return TOK_IN(tx, i - 1, c, det) || (i >= 2 &&
	    key_is(tx, &tx->t[i - 1], "a") && TOK_IN(tx, i - 2, c, det));
}

static size_t
paragraph_anaphor(struct state *st, struct verdict *v)
{
	static const char *const pron[] = { "this", "these", "those", "it", "such" };
	const struct text *tx = &st->text;
	size_t i, j, t, ph, npron = 3, found = SIZE_MAX, tries;
	unsigned long pnum = st->pnum;
	struct match a;

	/*
	 * The antecedent: a target the reporter named in the same sentence
	 * before the quote ("Asked whether Ukraine would cede land, he said
	 * it would run counter to the constitution"), where "it" and "such"
	 * count too; else the target named last in this paragraph or the one
	 * before, when the quote names no target before the pronoun.
	 */
	if (st->lead != SIZE_MAX && !st->mt.p[st->lead].topic) {
		ph = st->lead;
		t = st->mt.p[ph].id;
		npron = 5;
	} else if (st->located && st->last != SIZE_MAX &&
	    (pnum == st->last_para || pnum == st->last_para + 1)) {
		t = st->last;
		ph = st->rep[t];
	} else
		t = SIZE_MAX;
	if (t != SIZE_MAX && !st->seen[t]) {
		for (i = 0, tries = 0; i < tx->nt && found == SIZE_MAX &&
		    tries < MENTION_MAX; i++) {
			if (npron == 3 && tx->ntm > 0 && tx->tm[0].ts < i)
				break;	/* the quote's own target comes first */
			for (j = 0; j <= npron; j++) {
				if (j == npron ? !description(tx, i) :
				    !key_is(tx, &tx->t[i], pron[j]))
					continue;
				tries++;
				a.ph = ph;
				a.ts = i;
				a.te = i + 1;
				a.gs = a.ge = 0;
				read_mention(&st->mt, tx, &a, v);
				if (v->sign != 0 && v->ncue > 0) {
					found = t;
					touch(st, t);
				}
				break;
			}
		}
	}
	if (!st->located)
		return found;
	if ((i = last_named(&st->mt, tx)) != SIZE_MAX ||
	    (i = last_named(&st->mt, &st->ctx)) != SIZE_MAX) {
		st->last = i;
		st->last_para = pnum;
	}
	return found;
}

static void
stance_row(struct state *st, struct tsv_in *in, size_t textcol, size_t ctxcol,
    long cuecol, long kindcol, const size_t col[4])
{
	struct verdict v, cv, av;
	struct text *tx = &st->text, *cx = &st->ctx;
	size_t i, id, off, ana, kn;
	int have_ctx, p = 0;
	double pw = 0;

	buf_clear(&st->vtext);
	buf_clear(&st->vctx);
	tsv_get(in, textcol, &st->vtext);
	tsv_get(in, ctxcol, &st->vctx);
	tokenize(tx, st->vtext.data, st->vtext.len);
	match_text(&st->mt, tx);
	have_ctx = st->vctx.len > 0 && !(st->vctx.len == st->vtext.len &&
	    memcmp(st->vctx.data, st->vtext.data, st->vtext.len) == 0);
	if (have_ctx) {
		tokenize(cx, st->vctx.data, st->vctx.len);
		match_text(&st->mt, cx);
		st->lead = keep_quote_clauses(&st->mt, cx, st->vtext.data,
		    st->vtext.len);
	} else {
		cx->ntm = cx->ncm = 0;
		st->lead = SIZE_MAX;
	}
	locate(st, in);
	gate_weak(st);
	if (st->spkcol >= 0)
		speaker = tsv_raw(in, (size_t)st->spkcol, &speaker_len);
	direct_text = NULL;
	if (kindcol >= 0) {
		const char *kd = tsv_raw(in, (size_t)kindcol, &kn);

		if (kn == 6 && memcmp(kd, "direct", 6) == 0)
			direct_text = tx;
	}
	st->ntouched = 0;
	for (i = 0; i < tx->ntm; i++)
		touch(st, match_phrase(&st->mt, &tx->tm[i])->id);
	for (i = 0; i < cx->ntm; i++)
		touch(st, match_phrase(&st->mt, &cx->tm[i])->id);
	ana = paragraph_anaphor(st, &av);
	if (st->ntouched > 0 && cuecol >= 0) {
		buf_clear(&st->vcue);
		buf_clear(&st->vkind);
		tsv_get(in, (size_t)cuecol, &st->vcue);
		if (kindcol >= 0)
			tsv_get(in, (size_t)kindcol, &st->vkind);
		if (reported_kind(&st->vkind, kindcol >= 0)) {
			tokenize(&st->cue, st->vcue.data, st->vcue.len);
			match_text(&st->mt, &st->cue);
			p = cue_polarity(&st->mt, &st->cue, &pw);
		}
	}
	for (i = 0; i < st->ntouched; i++) {
		id = st->touched[i];
		st->seen[id] = 0;
		if (id == ana) {
			write_verdict(st, in, col, id, &av);
			continue;
		}
		read_target(&st->mt, tx, id, &v);
		if (v.found && p < 0 && v.sign != 0)
			/* "rejected calls to stop the ceasefire" is favor, but
			 * "dismissed talk of a ceasefire as premature" against */
			v.sign = v.as_pred ? p : -v.sign;
		if (v.found && v.sign == 0 && p != 0) {
			v.sign = p;
			v.w = pw;
			if ((off = find_bytes(st->vctx.data, st->vctx.len,
			    st->vcue.data, st->vcue.len)) != SIZE_MAX) {
				v.src = cx;
				cx->src = st->vctx.data;
				v.es = off;
				v.ee = off + st->vcue.len;
			}
		}
		if (!v.found || v.sign == 0) {
			read_target(&st->mt, cx, id, &cv);
			if (cv.found && (!v.found || cv.sign != 0))
				v = cv;
		}
		write_verdict(st, in, col, id, &v);
	}
	if (st->ntouched == 0 && st->all) {
		tsv_set(in, col[0], "", 0);
		tsv_set(in, col[1], "", 0);
		tsv_set(in, col[2], "", 0);
		tsv_set(in, col[3], "", 0);
		tsv_write_row(in);
	}
}

static void
text_free(struct text *tx)
{
	buf_free(&tx->fold);
	free(tx->t);
	free(tx->q);
	free(tx->tm);
	free(tx->cm);
}

int
main(int argc, char *argv[])
{
	static struct state st;
	struct tsv_in in;
	struct buf builtin = BUF_INIT;
	const char *targets_file = NULL;
	size_t textcol, ctxcol, col[4], i;
	long cuecol, kindcol;
	int c, print = 0;

	prog_init("news-stance");
	init_lower();
	init_clause_words();
	while ((c = opt_next(argc, argv, "aht:", longopts, usage)) != -1) {
		switch (c) {
		case 'a':
			st.all = 1;
			break;
		case 't':
			targets_file = optarg;
			break;
		case OPT_PRINT_TARGETS:
			print = 1;
			break;
		default:
			die_usage("unknown option");
		}
	}
	for (i = 0; i < stance_targets_nlines; i++)
		buf_adds(&builtin, stance_targets_lines[i]);
	if (print) {
		out_write(builtin.data, builtin.len);
		finish(0);
	}
	if (targets_file != NULL)
		read_targets_file(&st.mt, &st.tg, &st.text, targets_file);
	else
		load_targets(&st.mt, &st.tg, &st.text, "<built-in>",
		    builtin.data, builtin.len);
	buf_free(&builtin);
	load_cues(&st.mt, &st.text);
	mark_shared(&st.mt);
	st.touched = xreallocarray(NULL, st.tg.n + 1, sizeof(*st.touched));
	st.seen = xmalloc(st.tg.n + 1);
	memset(st.seen, 0, st.tg.n + 1);
	st.tpara = xreallocarray(NULL, st.tg.n + 1, sizeof(*st.tpara));
	memset(st.tpara, 0, (st.tg.n + 1) * sizeof(*st.tpara));
	st.tgen = xreallocarray(NULL, st.tg.n + 1, sizeof(*st.tgen));
	memset(st.tgen, 0, (st.tg.n + 1) * sizeof(*st.tgen));
	st.rep = xreallocarray(NULL, st.tg.n + 1, sizeof(*st.rep));
	for (i = 0; i < st.tg.n; i++)
		st.rep[i] = SIZE_MAX;
	for (i = st.mt.np; i-- > 0;)
		if (st.mt.p[i].cls == PH_TARGET && !st.mt.p[i].inverse &&
		    !st.mt.p[i].exclude && !st.mt.p[i].topic)
			st.rep[st.mt.p[i].id] = i;
	for (i = st.mt.np; i-- > 0;)	/* a target of inverse phrases only */
		if (st.mt.p[i].cls == PH_TARGET && !st.mt.p[i].exclude &&
		    st.rep[st.mt.p[i].id] == SIZE_MAX)
			st.rep[st.mt.p[i].id] = i;
	st.last = SIZE_MAX;

	tsv_open(&in, argc - optind, argv + optind);
	if (tsv_read_header(&in)) {
		if (tsv_find_column(&in, "target") >= 0)
			die_at(in.header_file, 1, "input already has a 'target' column "
			    "(news-stance was run on it already)");
		textcol = tsv_column(&in, "text", "news-extract-quotes");
		ctxcol = tsv_column(&in, "context", "news-extract-quotes");
		cuecol = tsv_find_column(&in, "cue");
		st.doccol = tsv_find_column(&in, "doc");
		st.paracol = tsv_find_column(&in, "para");
		st.spkcol = tsv_find_column(&in, "speaker");
		kindcol = tsv_find_column(&in, "kind");
		col[0] = tsv_add_column(&in, "target");
		col[1] = tsv_add_column(&in, "stance");
		col[2] = tsv_add_column(&in, "score");
		col[3] = tsv_add_column(&in, "evidence");
		tsv_write_header(&in);
		while (tsv_next(&in))
			stance_row(&st, &in, textcol, ctxcol, cuecol, kindcol, col);
	}
	text_free(&st.text);
	text_free(&st.ctx);
	text_free(&st.cue);
	buf_free(&st.vtext);
	buf_free(&st.vctx);
	buf_free(&st.vcue);
	buf_free(&st.vkind);
	buf_free(&st.score);
	for (i = 0; i < st.tg.n; i++)
		free(st.tg.id[i]);
	free(st.tg.id);
	free(st.touched);
	free(st.seen);
	free(st.tpara);
	free(st.tgen);
	free(st.rep);
	doc_seen_free(&st.docs);
	buf_free(&st.mt.keys);
	free(st.mt.w);
	free(st.mt.p);
	free(st.mt.tab);
	finish(tsv_close(&in));
}
