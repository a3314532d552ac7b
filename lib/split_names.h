/*
 * split_names: the first-name table news-split uses to recognise a byline
 * that is a bare name ("John Bowden").  Generated: see split_names_gen.py.
 */
#ifndef NEWS_SPLIT_NAMES_H
#define NEWS_SPLIT_NAMES_H

#include <stddef.h>

/* Upper-case ASCII names in strcmp order. */
extern const char *const split_first_names[];
extern const size_t split_nfirst_names;

#endif
