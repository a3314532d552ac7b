/*
 * gazetteer: the names and word classes news-tag-entities knows, in one
 * hash table keyed by the bytes of a word or a whole name.
 *
 * The built-in part is compiled in from lib/gaz_data.c, which
 * lib/data/gen_gazetteer.py generates (its sources are listed there);
 * gaz_load() adds a user's file, whose entries win.  Lookups are exact
 * and case-sensitive.  A "word" is a maximal run of letters and digits
 * (see gaz_word_end()); a name may span several words with the spaces,
 * hyphens and dots between them.
 */
#ifndef NEWS_GAZETTEER_H
#define NEWS_GAZETTEER_H

#include <stddef.h>

enum ent_type {
	ENT_PER, ENT_ORG, ENT_GPE, ENT_LOC, ENT_NORP, ENT_DATE, ENT_MONEY,
	ENT_NTYPES
};

/* Word classes (flags of struct gaz_word, from lib/data/words.tsv). */
#define W_TITLE		0x000001UL	/* a role before a name: President */
#define W_HONORIFIC	0x000002UL	/* Mr, Dr, Sir */
#define W_PORTFOLIO	0x000004UL	/* Foreign, Defence, Staff: part of a role */
#define W_ORGHEAD	0x000008UL	/* Ministry, Party, Airlines: ends an ORG */
#define W_STREET	0x000010UL	/* Road, Street: ends a LOC */
#define W_EVENT		0x000020UL	/* War, Cup, League: an event, not tagged */
#define W_CUE		0x000040UL	/* said, told: a speech verb after a name */
#define W_STOP		0x000080UL	/* The, But, Read: never a name by itself */
#define W_CURRENCY	0x000100UL	/* euros, dollars */
#define W_SCALE		0x000200UL	/* million, bn */
#define W_MONTH		0x000400UL
#define W_WEEKDAY	0x000800UL
#define W_SEASON	0x001000UL	/* winter, week, year */
#define W_RELDATE	0x002000UL	/* last, next, this */
#define W_DAYWORD	0x004000UL	/* yesterday, today */
#define W_PLURALPOSS	0x008000UL	/* People('s Party): a possessive inside a name */
#define W_PARTICLE	0x010000UL	/* van, der, bin: inside a person's name */
#define W_CONNECTOR	0x020000UL	/* of, for, and: inside an organisation's name */
#define W_ACRONYM	0x040000UL	/* CEO, GDP: capitals that are not a name */
#define W_FIRST		0x080000UL	/* a common given name */
#define W_SURNAME	0x100000UL	/* a common surname */
#define W_MINOR		0x200000UL	/* a, to, in: small in Title Case too */
#define W_PLACEPREP	0x400000UL	/* at, in, near: before a place */
#define W_DET		0x800000UL	/* the, his, former: before a role */
#define W_YEARPREP	0x1000000UL	/* in, since: before a bare year */
#define W_GEOPRE	0x2000000UL	/* Cape, Mount, Lake: starts a place name */

struct gaz_builtin {
	const char	*alias;
	const char	*canon;
	int		 type;
};

struct gaz_word {
	const char	*word;
	unsigned long	 flags;
};

extern const struct gaz_builtin gaz_builtin[];
extern const size_t gaz_nbuiltin;
extern const struct gaz_word gaz_words[];
extern const size_t gaz_nwords;

/* What a name lookup finds; valid for the life of the process. */
struct gaz_name {
	const char	*canon;
	size_t		 canon_len;
	int		 type;
};

/* Build the table from the built-in data.  Call once, before the others. */
void	 gaz_init(void);
/*
 * Add the entries of a user's gazetteer file (header "canonical type
 * aliases"; see news-tag-entities(1)).  On an unreadable or malformed file
 * print "FILE:LINE: message" and exit 2.
 */
void	 gaz_load(const char *path);
/*
 * The word classes of the word s[0..n) and, through *maxlen, the byte
 * length of the longest name that starts with this word (0: none).
 */
unsigned long gaz_word(const char *s, size_t n, size_t *maxlen);
/* The name s[0..n) exactly, or NULL. */
const struct gaz_name *gaz_lookup(const char *s, size_t n);
/* Type names as written in the entities column. */
extern const char *const ent_type_name[ENT_NTYPES];
/* The type named s[0..n), or -1. */
int	 ent_type_parse(const char *s, size_t n);
/*
 * Word characters: ASCII letters and digits and every non-ASCII character
 * except punctuation, spaces and symbols (quotes, dashes, U+FFFD, ...).
 * gaz_word_end() returns the end of the word that starts at s[i] (i itself
 * when s[i] starts no word).
 */
size_t	 gaz_word_end(const char *s, size_t n, size_t i);
/* Is the code point at s[i] (n bytes) a word character? Its length in *len. */
int	 gaz_is_word(const char *s, size_t n, size_t i, size_t *len);
/* Free everything (for leak checkers). */
void	 gaz_free(void);

#endif
