/*
 * stance_cues: the word lists news-stance reads a position from.  A cue is
 * a phrase in the --targets syntax (words matched case-insensitively, "*"
 * at the end of a word for any ending) with a kind and a weight.
 */
#ifndef NEWS_STANCE_CUES_H
#define NEWS_STANCE_CUES_H

#include <stddef.h>

enum cue_kind {
	CUE_FAVOR,	/* support, demand, need: +weight */
	CUE_AGAINST,	/* refusal, opposition, infeasibility: -weight */
	CUE_NEG,	/* not, n't, no: flips the clause */
	CUE_NEVER,	/* never: flips, and is a refusal on its own */
	CUE_NO,		/* no, none: flips; "no X" right before the target refuses X */
	CUE_DESTROY,	/* stop, end, cut: against what it governs right after it */
	CUE_DO,		/* send, provide, deploy: favor what it governs right after it */
	CUE_HEDGE,	/* would, could, may: weaker */
	CUE_COND,	/* only if, provided, in exchange for: favor, weaker */
	CUE_IF,		/* if: a hypothetical, much weaker */
	CUE_OPEN	/* whether, consider: an open question, neutral */
};

/* stance_cue.flags */
enum {
	CUE_FWD = 1,	/* counts only for a target after it: "depends on X" */
	CUE_HOLDER = 2	/* an attitude held by the clause's subject: "Putin wants" */
};

struct stance_cue {
	const char	*phrase;
	unsigned char	 kind;		/* enum cue_kind */
	unsigned char	 weight;	/* strength in hundredths */
	unsigned char	 flags;		/* CUE_FWD, CUE_HOLDER */
};

extern const struct stance_cue stance_cues[];
extern const size_t stance_ncues;

#endif
