/*
 * quote_names: a table of common first names (upper case ASCII, sorted)
 * with the gender 'M' or 'F' they usually carry; generated from
 * libtext-names-perl by lib/quote_names_gen.py.
 */
#ifndef NEWS_QUOTE_NAMES_H
#define NEWS_QUOTE_NAMES_H

struct quote_name {
	const char	*name;
	char		 gender;
};

extern const struct quote_name quote_names[];
extern const unsigned long quote_names_count;

#endif
