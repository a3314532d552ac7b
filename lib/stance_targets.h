/*
 * stance_targets: the built-in target table of news-stance, the text of
 * lib/targets.tsv compiled in by lib/gen_targets.py.  It is parsed at
 * start-up by the same code as a --targets file, and --print-targets
 * writes it out unchanged.
 */
#ifndef NEWS_STANCE_TARGETS_H
#define NEWS_STANCE_TARGETS_H

#include <stddef.h>

/* The lines of lib/targets.tsv, each with its final newline. */
extern const char *const stance_targets_lines[];
extern const size_t stance_targets_nlines;

#endif
