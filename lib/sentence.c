/*
 * sentence: where an English news sentence ends.
 *
 * A sentence can end only after a run of terminal punctuation (. ? ! and
 * the ellipsis ... or U+2026), optionally followed by closing quotation
 * marks and brackets, and then whitespace.  Whether it does end there is
 * decided from the word before the period and the word after the space:
 *   - a next word that starts with a lower-case letter continues the
 *     sentence ("...”, he said", "the U.S. economy", "... and then");
 *   - titles (Mr. Dr. Gen.) never end one before a name or a number;
 *     "No. 10", "p. 5" never before a number; "e.g." "i.e." "vs." never;
 *   - other abbreviations (U.S. D.C. a.m. Inc. Feb. etc.) and initials
 *     (J. D. Vance) end one only when the next word is a common sentence
 *     opener ("The", "He", "But", ...) or an opening quotation mark;
 *   - a list number at the start of a sentence ("1. Preheat") is no end;
 *   - a quotation that ends in ? ! or . followed by a short attribution
 *     (“Why?” Trump asked.) stays one sentence with it;
 *   - anything else followed by a capital, a digit or other punctuation
 *     ends the sentence.
 * The tables are hand-compiled, 2026-11-25, sources: news agency style
 * guides' abbreviation lists (titles, months, US states) and common
 * English function words; no corpus strings.
 */
#include <string.h>

#include "sentence.h"
#include "utf8.h"

int
sent_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

int
sent_letter_case(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	long cp;

	if (c < 0x80) {
		*len = 1;
		if (c >= 'A' && c <= 'Z')
			return 1;
		if (c >= 'a' && c <= 'z')
			return -1;
		return 0;
	}
	*len = utf8_decode(s, n, &cp);
	if (cp < 0)
		return 0;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return 1;
	if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
		return -1;
	if (cp >= 0x100 && cp <= 0x17F) {	/* Latin Extended-A pairs */
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return (cp & 1) ? 1 : -1;
		if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
			return -1;
		return (cp & 1) ? -1 : 1;
	}
	if (cp >= 0x391 && cp <= 0x3A9)
		return 1;
	if (cp >= 0x3B1 && cp <= 0x3C9)
		return -1;
	if (cp >= 0x400 && cp <= 0x42F)
		return 1;
	if (cp >= 0x430 && cp <= 0x45F)
		return -1;
	return 0;
}

/* A word list searched by length, then bytes. */
static int
in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

/* Titles and honorifics: a name follows. */
static const char *const titles[] = {
	"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov",
	"Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Cdr", "Rev", "Hon",
	"Pres", "Supt", "Insp", "Det", "Cpl", "Pvt", "Fr", "Messrs", "Mme",
	"Mlle", "Brig", "Atty", "Gens", "Sens", "Reps", "Amb", "Msgr", "St",
	"Mt", "Ft", "Sra", "Sgts", "Drs", "Profs", "Rt", "Ald", "Cllr", "Supt",
	"Gov", "Lieut", "Comdr", "Cmdt", "Sr", "Sec", NULL
};

/* Abbreviations that announce a number. */
static const char *const numbers[] = {
	"No", "Nos", "no", "nos", "Art", "art", "Vol", "vol", "Vols", "Fig",
	"fig", "Figs", "p", "pp", "ch", "Ch", "Para", "para", "Op", "op",
	"Ref", "ref", "Tel", "tel", "Nr", "nr", "Pt", "pt", "Sect", "sec",
	"Ed", "ed", "Rev", "Ex", "Apt", "apt", "Rm", "Ste", "Ext", "ext",
	"Mk", NULL
};

/* Always inside a sentence. */
static const char *const inner[] = {
	"e.g", "i.e", "eg", "ie", "cf", "viz", "vs", "v", "approx", "incl",
	"esp", "resp", "ca", "c", "E.g", "I.e", "Cf", "Vs", "aka", "a.k.a",
	"et", "Approx", "Incl", "Esp", "Ca", NULL
};

/* Abbreviations that may end a sentence. */
static const char *const enders[] = {
	"Inc", "Ltd", "Co", "Corp", "Jr", "Bros", "Plc", "LLC", "Dept",
	"Univ", "Ave", "Blvd", "Rd", "Hwy", "Sq", "Pl", "Assn", "Govt",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
	"Fri", "Sat", "Sun", "etc", "al", "est", "mins", "hrs", "yrs", "min",
	"hr", "sq", "ft", "in", "lb", "lbs", "oz", "km", "mi", "Ala", "Ariz",
	"Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
	"Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont",
	"Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash",
	"Wis", "Wyo", "Ida", "Ia", "Mex", "Can", "Aus", "Eng", "Intl", "Natl",
	"Dist", "Ct", "Cir", "Mgmt", "Mfg", "Bhd", "Pty", "Cos", "Gov't",
	NULL
};

/*
 * Capitalised words that commonly open a sentence: after an abbreviation
 * that may end a sentence, one of these means it did.
 */
static const char *const openers[] = {
	"The", "A", "An", "This", "That", "These", "Those", "There", "Here",
	"It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her",
	"Their", "Our", "My", "Your", "Mr", "Mrs", "Ms", "But", "And", "Or",
	"So", "Yet", "Nor", "However", "Meanwhile", "Moreover", "Also",
	"Still", "Then", "Now", "Thus", "Instead", "Indeed", "In", "On", "At",
	"For", "With", "As", "If", "When", "While", "After", "Before", "Since",
	"Although", "Though", "Because", "Until", "Once", "During", "Despite",
	"Over", "Under", "By", "From", "To", "Of", "Some", "Many", "Most",
	"Several", "All", "Both", "Each", "Every", "Other", "Others",
	"Another", "No", "Not", "None", "One", "Two", "Three", "Such", "What",
	"Who", "Why", "How", "Where", "Which", "Last", "Next", "First",
	"Earlier", "Later", "Today", "Yesterday", "Tomorrow", "Asked",
	"According", "Speaking", "Separately", "Elsewhere", "Overall",
	"Finally", "Yes", "Officials", "Analysts", "Police", "Experts",
	"Critics", "Supporters", "Residents", "Authorities", "Earlier",
	"Previously", "Currently", "Similarly", "Nevertheless", "Otherwise",
	"Even", "Only", "Just", "Let", "Do", "Does", "Did", "Is", "Are",
	"Was", "Were", "Will", "Would", "Can", "Could", "Should", "May",
	"Might", "Must", "Have", "Has", "Had", NULL
};

/* Speech verbs for the attribution after a quotation. */
static const char *const speech[] = {
	"said", "says", "asked", "asks", "added", "adds", "told", "tells",
	"replied", "replies", "wrote", "writes", "shouted", "insisted",
	"explained", "continued", "noted", "stated", "declared", "exclaimed",
	"cried", "yelled", "warned", "argued", "answered", "responded",
	"remarked", "recalled", "joked", "quipped", "wondered", "demanded",
	"urged", "pleaded", "admitted", "conceded", "countered", "tweeted",
	"posted", "announced", NULL
};

/* Words that may follow the speech verb of an attribution. */
static const char *const after_speech[] = {
	"on", "in", "at", "to", "during", "after", "before", "from", "as",
	"while", "when", "with", "of", "about", "later", "then", "recently",
	"last", "this", "earlier", "afterwards", "quietly", "loudly",
	"yesterday", "today", "Monday", "Tuesday", "Wednesday", "Thursday",
	"Friday", "Saturday", "Sunday", NULL
};

/* Every part of "U.S", "a.m", "Ph.D" is one or two letters. */
static int
dotted_abbreviation(const char *s, size_t n)
{
	size_t i, run = 0, dots = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (run == 0 || run > 2)
				return 0;
			dots++;
			run = 0;
		} else if ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) {
			run++;
		} else {
			return 0;
		}
	}
	return dots > 0 && run >= 1 && run <= 2;
}

int
sent_abbr_class(const char *s, size_t n)
{
	size_t len;

	if (n == 0)
		return SENT_ABBR_NONE;
	if (in_list(inner, s, n))
		return SENT_ABBR_INNER;
	if (in_list(titles, s, n))
		return SENT_ABBR_TITLE;
	if (in_list(numbers, s, n))
		return SENT_ABBR_NUMBER;
	if (in_list(enders, s, n) || dotted_abbreviation(s, n))
		return SENT_ABBR_END;
	/* a single letter: an initial, or a list letter */
	if (sent_letter_case(s, n, &len) != 0 && len == n)
		return SENT_ABBR_END;
	return SENT_ABBR_NONE;
}

/* The length of a closing quotation mark or bracket at s, or 0. */
static size_t
closer_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == '"' || u[0] == '\'' || u[0] == ')' || u[0] == ']')
		return 1;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9D || u[2] == 0x99))
		return 3;	/* ” ’ */
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xBB)
		return 2;	/* » */
	return 0;
}

/* The length of an opening quotation mark or bracket at s, or 0. */
static size_t
opener_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == '"' || u[0] == '\'' || u[0] == '(' || u[0] == '[')
		return 1;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x98))
		return 3;	/* “ ‘ */
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xAB)
		return 2;	/* « */
	return 0;
}

static int
is_ellipsis(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xA6;
}

static int
is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* What the next token starts with. */
enum { NEXT_LOWER, NEXT_UPPER, NEXT_DIGIT, NEXT_QUOTED, NEXT_MONEY, NEXT_OTHER };

static int
next_kind(const char *s, size_t n)
{
	size_t k, len;
	int c;

	k = opener_len(s, n);
	if (k > 0) {
		if (k >= n)
			return NEXT_OTHER;
		c = sent_letter_case(s + k, n - k, &len);
		if (c < 0)
			return NEXT_LOWER;
		return NEXT_QUOTED;
	}
	c = sent_letter_case(s, n, &len);
	if (c > 0)
		return NEXT_UPPER;
	if (c < 0)
		return NEXT_LOWER;
	if (s[0] >= '0' && s[0] <= '9')
		return NEXT_DIGIT;
	if (s[0] == '$' || (n >= 2 && (unsigned char)s[0] == 0xC2 &&
	    (unsigned char)s[1] == 0xA3) || (n >= 3 && (unsigned char)s[0] == 0xE2 &&
	    (unsigned char)s[1] == 0x82 && (unsigned char)s[2] == 0xAC))
		return NEXT_MONEY;	/* $ £ € */
	return NEXT_OTHER;
}

/* Is the next word a common sentence opener (and not itself an initial)? */
static int
next_is_opener(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && is_alpha((unsigned char)s[k]))
		k++;
	if (k == 0)
		return 0;
	if (k == 1 && k < n && s[k] == '.')
		return 0;		/* "A." is an initial */
	return in_list(openers, s, k);
}

/* The end of the word that starts at s[i]. */
static size_t
word_end(const char *s, size_t n, size_t i)
{
	while (i < n && !sent_is_space((unsigned char)s[i]))
		i++;
	return i;
}

/*
 * After a quotation that ends in terminal punctuation: is the text at s a
 * short attribution, a speech verb among its first four words followed by
 * punctuation, the end, or a word that goes with it ("on", "in", ...)?
 */
static int
attribution_follows(const char *s, size_t n)
{
	size_t i = 0, e, k, w;
	int words;

	for (words = 0; words < 4 && i < n; words++) {
		e = word_end(s, n, i);
		k = i;
		while (k < e && is_alpha((unsigned char)s[k]))
			k++;
		if (k > i && in_list(speech, s + i, k - i)) {
			if (k < e)
				return s[k] == ',' || s[k] == '.' || s[k] == ';';
			while (e < n && sent_is_space((unsigned char)s[e]))
				e++;
			if (e >= n)
				return 1;
			w = e;
			while (w < n && is_alpha((unsigned char)s[w]))
				w++;
			return in_list(after_speech, s + e, w - e) ||
			    next_kind(s + e, n - e) == NEXT_UPPER;
		}
		if (k < e)
			return 0;	/* punctuation before any speech verb */
		i = e;
		while (i < n && sent_is_space((unsigned char)s[i]))
			i++;
	}
	return 0;
}

/* Candidate bytes: the start of . ? ! and of … (0xE2). */
static const unsigned char candidate[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, [0xE2] = 1,
};

/*
 * Decide whether the sentence ends after the punctuation s[p..e), closers
 * s[e..c) and whitespace, with the next token at s[q].
 */
static int
is_boundary(const char *s, size_t n, size_t p, size_t e, size_t c, size_t q)
{
	size_t i, dots = 0, ws, we, k;
	int kind, cls, strong = 0, quoted = 0;

	kind = next_kind(s + q, n - q);
	if (kind == NEXT_LOWER)
		return 0;
	for (i = p; i < e; i++) {
		if (s[i] == '?' || s[i] == '!')
			strong = 1;
		else if (s[i] == '.')
			dots++;
		else
			dots += 3, i += 2;	/* … */
	}
	for (i = e; i < c; i++)
		if (s[i] == '"' || s[i] == '\'' || (unsigned char)s[i] == 0xE2)
			quoted = 1;
	if (quoted && attribution_follows(s + q, n - q))
		return 0;
	if (strong || dots >= 2 || quoted)
		return 1;
	/* A single period: look at the word before it. */
	ws = p;
	while (ws > 0 && !sent_is_space((unsigned char)s[ws - 1]))
		ws--;
	we = p;
	while (ws < we && (k = opener_len(s + ws, we - ws)) > 0)
		ws += k;
	if (ws == we)
		return q >= n || s[q] != '.';	/* ". . ." */
	if (c > e)
		return 1;			/* "(see above.) Next" */
	for (i = ws; i < we && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == we && ws == 0 && we - ws <= 3)
		return 0;			/* "1. First item" */
	cls = sent_abbr_class(s + ws, we - ws);
	switch (cls) {
	case SENT_ABBR_INNER:
		return 0;
	case SENT_ABBR_TITLE:
		return !(kind == NEXT_UPPER || kind == NEXT_DIGIT || kind == NEXT_MONEY);
	case SENT_ABBR_NUMBER:
		if (kind == NEXT_DIGIT)
			return 0;
		/* FALLTHROUGH */
	case SENT_ABBR_END:
		if (kind == NEXT_QUOTED)
			return 1;
		if (kind == NEXT_UPPER)
			return next_is_opener(s + q, n - q);
		return kind == NEXT_OTHER;
	default:
		return 1;
	}
}

size_t
sentence_length(const char *s, size_t n)
{
	size_t i = 0, p, e, c, q, k;

	for (;;) {
		while (i < n && !candidate[(unsigned char)s[i]])
			i++;
		if (i >= n)
			break;
		p = i;
		e = i;
		while (e < n) {
			if (s[e] == '.' || s[e] == '?' || s[e] == '!')
				e++;
			else if (is_ellipsis(s + e, n - e))
				e += 3;
			else
				break;
		}
		if (e == p) {		/* 0xE2 but not an ellipsis */
			i++;
			continue;
		}
		c = e;
		while (c < n && (k = closer_len(s + c, n - c)) > 0)
			c += k;
		if (c >= n)
			break;
		if (!sent_is_space((unsigned char)s[c])) {
			i = c > e ? c : e;
			continue;
		}
		q = c;
		while (q < n && sent_is_space((unsigned char)s[q]))
			q++;
		if (q >= n)
			return c;
		if (p > 0 && is_boundary(s, n, p, e, c, q))
			return c;
		i = q;
	}
	while (n > 0 && sent_is_space((unsigned char)s[n - 1]))
		n--;
	return n;
}
