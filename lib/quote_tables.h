/*
 * quote_tables: the word classes news-extract-quotes reads sentences with:
 * verbs of saying and of taking a position, auxiliaries and adverbs that
 * may stand between a subject and its verb, pronouns, determiners, role
 * nouns (with a group so that "the leader" can find a "president"), and a
 * few small closed classes.  Hand-compiled; see lib/quote_tables.c.
 */
#ifndef NEWS_QUOTE_TABLES_H
#define NEWS_QUOTE_TABLES_H

#include <stddef.h>

enum {
	QW_SAY		= 1u << 0,	/* verb of saying: quotes and that-clauses */
	QW_STANCE	= 1u << 1,	/* verb of position: NP or to-infinitive */
	QW_PART		= 1u << 2,	/* -ing form: a cue that adds to a sentence */
	QW_QUOTEONLY	= 1u << 3,	/* a cue only next to quotation marks */
	QW_AUX		= 1u << 4,	/* may stand between subject and verb */
	QW_NEG		= 1u << 5,	/* negation: not, never */
	QW_HE		= 1u << 6,
	QW_SHE		= 1u << 7,
	QW_THEY		= 1u << 8,
	QW_IT		= 1u << 9,
	QW_DET		= 1u << 10,	/* determiner before a description */
	QW_ROLE		= 1u << 11,	/* a role noun: president, coach */
	QW_ORGNOUN	= 1u << 12,	/* a noun for an organization: company */
	QW_PREP		= 1u << 13,
	QW_CONN		= 1u << 14,	/* a connective left out of reported text */
	QW_NAMING	= 1u << 15,	/* dubbed, so-called: a name follows */
	QW_WORK		= 1u << 16,	/* book, film: a title follows */
	QW_BREAK	= 1u << 17,	/* but, although: a clause ends before it */
	QW_MR		= 1u << 18,
	QW_MRS		= 1u << 19,
	QW_PARTICLE	= 1u << 20,	/* the verb needs a particle (call for) */
	QW_THAT		= 1u << 21,
	QW_GROUPNOUN	= 1u << 22,	/* officials, sources: speaks for an entity */
	QW_WEAK		= 1u << 23,	/* a cue only for a quoted fragment: wants */
	QW_ROLEMOD	= 1u << 24,	/* a word in a role phrase: former, foreign */
	QW_TIME		= 1u << 25,	/* days, months: "X on Monday said" */
	QW_NOUNCUE	= 1u << 26	/* a noun that reports: statement, claim */
};

struct quote_word {
	const char	*word;		/* lower case ASCII */
	unsigned	 flags;
	unsigned char	 group;		/* role group, 0 for none */
	const char	*particle;	/* QW_PARTICLE: the word that must follow */
};

extern const struct quote_word quote_words[];
extern const size_t quote_words_count;

#endif
