/*
 * split_zone: what each row of an article is — title, heading, byline,
 * meta, body, caption or boilerplate.
 *
 * Three passes over a document's rows.  First each row on its own: cue
 * words at its start (a byline's "By", a credit's "Photo:", a promotion's
 * "Sign up"), rows made only of share or menu words, date lines, a bare
 * "Firstname Surname" line, a caption's photo credit in brackets.  Then
 * the paragraph: a block of short rows that holds a promotion is all
 * promotion (an app banner, a site footer), and the row before a credit
 * line is its caption.  Then position: the first standalone row with no
 * final period before the body is the title (and later copies of it), a
 * date line before the body is meta, and a later short standalone row
 * with no final punctuation is a heading.  Everything else is body.
 *
 * The cue tables are hand-compiled, 2026-11-25, sources: the page
 * furniture of common news sites and wire services (share bars, app and
 * newsletter promotions, credit and byline conventions of AP, Reuters,
 * AFP and Getty Images); no corpus strings.
 */
#include <stdlib.h>
#include <string.h>

#include "sentence.h"
#include "split.h"
#include "split_names.h"

enum {
	SHORT_WORDS = 12,	/* a "short" row for the paragraph rules */
	LONG_WORDS = 25,	/* a paragraph with a longer row is prose */
	HEADING_WORDS = 15,
	TITLE_WORDS = 30,
	CUE_WORDS = 15,
	MAX_COUNT = 1000
};

static const char *const zone_names[] = {
	"body", "title", "heading", "byline", "meta", "caption", "boilerplate"
};

const char *
split_zone_name(int zone)
{
	return zone_names[zone];
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Does s[0..n) start with cue, ignoring ASCII case? */
static int
ci_prefix(const char *s, size_t n, const char *cue)
{
	size_t i, k = strlen(cue);

	if (k > n)
		return 0;
	for (i = 0; i < k; i++)
		if (lower((unsigned char)s[i]) != (unsigned char)cue[i])
			return 0;
	return 1;
}

static int
ci_contains(const char *s, size_t n, const char *cue)
{
	size_t i, k = strlen(cue);

	for (i = 0; i + k <= n; i++)
		if (lower((unsigned char)s[i]) == (unsigned char)cue[0] &&
		    ci_prefix(s + i, n - i, cue))
			return 1;
	return 0;
}

/* Is s[0..n) one of the words in list, ignoring ASCII case? */
static int
ci_word_in(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && ci_prefix(s, n, *list))
			return 1;
	return 0;
}

static int
any_prefix(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (ci_prefix(s, n, *list))
			return 1;
	return 0;
}

static int
any_contains(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (ci_contains(s, n, *list))
			return 1;
	return 0;
}

/* Promotion, navigation and sharing at the start of a row. */
static const char *const boiler_prefix[] = {
	"sign up", "sign in", "log in", "login", "subscribe", "follow us",
	"follow @", "read more", "read next", "read also", "also read",
	"see also", "related stories", "related articles", "related:",
	"related coverage", "related news", "related content", "more from",
	"more stories", "more on this", "you may also like",
	"you might also like", "recommended", "most read", "most popular",
	"trending", "share this", "share on", "share:", "share article",
	"advertisement", "sponsored", "copyright", "\xC2\xA9",
	"all rights reserved", "download the app", "download our app",
	"get the app", "install the app", "start reading", "continue reading",
	"keep reading", "click here", "tap here", "listen to this article",
	"listen now", "watch now", "already a member", "already a subscriber",
	"already subscribed", "get all your news", "newsletter",
	"get in touch", "got a story", "contact us", "we use cookies",
	"privacy policy", "terms of use", "terms and conditions", "skip to",
	"jump to", "back to top", "check this out", "before you leave",
	"don't miss", "don\xE2\x80\x99t miss", "join us", "support us",
	"become a member", "free trial", "one subscription", "top stories",
	"our picks", "editor's picks", "editor\xE2\x80\x99s picks",
	"leave a comment", "report an error", "this post appeared",
	"this article appeared", "this story appeared",
	"this article was originally", "this story was originally",
	"originally published", "read the full", "read the original",
	"sign up to", "to continue reading", "upgrade", "unlock",
	"register for free", "create a free account", "enable javascript",
	"allow cookies", NULL
};

/* Promotion anywhere in a short row. */
static const char *const boiler_contains[] = {
	"appeared first on", "all rights reserved", "\xC2\xA9", "sign up for",
	"subscribe to", "subscribe now", "newsletter", "download the app",
	"download our app", "free trial", NULL
};

/* Share buttons and menu words: a row made only of these is furniture. */
static const char *const menu_words[] = {
	"facebook", "twitter", "x", "whatsapp", "pinterest", "linkedin",
	"tumblr", "reddit", "email", "e-mail", "mail", "print", "share",
	"tweet", "telegram", "messenger", "flipboard", "instagram", "youtube",
	"tiktok", "copy", "link", "comments", "comment", "menu", "search",
	"home", "news", "sport", "sports", "business", "politics", "world",
	"opinion", "video", "videos", "live", "weather", "more", "sections",
	"section", "all", "latest", "breaking", "close", "login", "register",
	"subscribe", "notifications", "notification", "settings", "account",
	"sign", "in", "up", "log", "out", "newsletters", "podcasts", "podcast",
	"top", "stories", "picks", "trending", "()", "\xC2\xBB", "\xE2\x80\xBA",
	"|", "\xC2\xB7", "\xE2\x80\xA2", "+", "&", "and", "or", "the", "our",
	"next", "previous", "prev", "back", "open", "save", "saved", "follow",
	"lifestyle", "culture", "entertainment", "health", "science", "tech",
	"technology", "travel", "money", "markets", "local", "national",
	"international", "u.s.", "us", "uk", "europe", "edition", "today",
	"explore", "about", "contact", NULL
};

/* Words that make a share/menu row (one of them must be there). */
static const char *const share_words[] = {
	"facebook", "twitter", "whatsapp", "pinterest", "linkedin", "tumblr",
	"reddit", "email", "e-mail", "print", "share", "tweet", "telegram",
	"messenger", "flipboard", "instagram", "youtube", "tiktok", NULL
};

/* Credits at the start of a row. */
static const char *const credit_prefix[] = {
	"photo:", "photos:", "photo credit", "photograph:", "photography:",
	"picture:", "pictures:", "image:", "images:", "image credit",
	"credit:", "credits:", "video credit", "video:", "stock photo",
	"file photo", "illustration:", "graphic:", "main image:", "top image:",
	"header image:", "cover image:", "source: getty", "(photo", "(picture",
	"(image", NULL
};

/* Credits inside a short row. */
static const char *const credit_contains[] = {
	"getty images", "shutterstock", "ap photo", "afp via getty",
	"/reuters", "reuters/", "/afp", "afp/", "/ap", "/ap photo", "alamy",
	"epa-efe", "/epa", "pa wire", "pa media", "/bloomberg", NULL
};

/* Inside a bracketed credit at the end of a caption. */
static const char *const credit_words[] = {
	"photo", "getty", "reuters", "afp", "ap ", "credit", "image",
	"picture", "shutterstock", "epa", "file", "courtesy", NULL
};

/* Markers of a photo caption. */
static const char *const caption_contains[] = {
	", left,", ", right,", ", center,", ", centre,", "(left)", "(right)",
	"(center)", "(centre)", ", left, ", "(pictured)", ", pictured,",
	"(file photo)", "in this photo", "in this image", "this handout",
	"are pictured", "is pictured", "pictured above", NULL
};

/* Byline starts. */
static const char *const byline_prefix[] = {
	"reporting by", "additional reporting", "written by", "edited by",
	"editing by", "compiled by", "words by", "story by", "text by",
	"interview by", "report by", "reported by", "posted by", "with reporting",
	NULL
};

static const char *const byline_contains[] = {
	"contributed to this report", "contributed reporting",
	"contributed to this article", "contributed to this story", NULL
};

/* Roles that open an author box ("Senior reporter at ..."). */
static const char *const role_words[] = {
	"reporter", "correspondent", "editor", "writer", "journalist",
	"columnist", "producer", "photographer", "contributor", "author",
	"reporters", "correspondents", "editors", "writers", NULL
};

static const char *const role_adjectives[] = {
	"senior", "chief", "staff", "political", "business", "sports",
	"foreign", "deputy", "associate", "special", "investigative",
	"contributing", "freelance", "news", "digital", "local", "court",
	"crime", "health", "science", "technology", "economics", "economic",
	"diplomatic", "defence", "defense", "security", "environment",
	"climate", "managing", "executive", "assistant", "trainee", "junior",
	"multimedia", "video", "data", "education", "royal", "home", NULL
};

/* Date words for date lines. */
static const char *const date_words[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "at", "on", "am", "pm", "a.m", "p.m", "gmt", "utc",
	"bst", "est", "edt", "cet", "cest", "et", "pt", "pst", "pdt", "ist",
	"aest", "aedt", "hrs", "local", "time", "updated", "published",
	"posted", "last", "first", "date", "of", "the", NULL
};

static const char *const date_prefix[] = {
	"published", "updated", "posted", "first published", "last updated",
	"last modified", "date:", "modified", NULL
};

static const char *const month_words[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", NULL
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_upper_at(const char *s, size_t n)
{
	size_t len;

	return sent_letter_case(s, n, &len) > 0;
}

/* Facts about a row's text, computed once. */
struct rowinfo {
	const char	*s;
	size_t		 n;
	size_t		 words;		/* capped at MAX_COUNT */
	size_t		 letters;	/* ASCII and non-ASCII letters, capped */
	int		 digits;
	int		 last;		/* last byte after closing marks */
	int		 ellipsis;	/* ends in … */
};

static void
row_info(struct rowinfo *ri, const char *s, size_t n)
{
	size_t i, end = n;
	int inword = 0;

	ri->s = s;
	ri->n = n;
	ri->words = 0;
	ri->letters = 0;
	ri->digits = 0;
	for (i = 0; i < n && ri->words < MAX_COUNT; i++) {
		unsigned char c = (unsigned char)s[i];

		if (sent_is_space(c)) {
			inword = 0;
			continue;
		}
		if (!inword)
			ri->words++;
		inword = 1;
		if ((c | 32) >= 'a' && (c | 32) <= 'z')
			ri->letters++;
		else if (c >= 0xC0)
			ri->letters++;
		else if (is_digit(c))
			ri->digits = 1;
	}
	/* strip closing quotation marks and brackets */
	for (;;) {
		if (end > 0 && strchr("\"')]", s[end - 1]) != NULL && s[end - 1] != '\0')
			end--;
		else if (end >= 3 && (unsigned char)s[end - 3] == 0xE2 &&
		    (unsigned char)s[end - 2] == 0x80 &&
		    ((unsigned char)s[end - 1] == 0x9D || (unsigned char)s[end - 1] == 0x99))
			end -= 3;
		else
			break;
	}
	ri->last = end > 0 ? (unsigned char)s[end - 1] : 0;
	ri->ellipsis = end >= 3 && (unsigned char)s[end - 3] == 0xE2 &&
	    (unsigned char)s[end - 2] == 0x80 && (unsigned char)s[end - 1] == 0xA6;
}

static int
terminal(const struct rowinfo *ri)
{
	return ri->last == '.' || ri->last == '?' || ri->last == '!' || ri->ellipsis;
}

/*
 * Every word of the row, stripped of "icon-"/"fa-" prefixes and final
 * punctuation, is in list (or a date word when dates is set), and at
 * least one is in need (when need is not NULL).
 */
static int
all_words_in(const struct rowinfo *ri, const char *const *list,
    const char *const *need, int dates)
{
	const char *s = ri->s, *end = ri->s + ri->n, *w, *we;
	int found = need == NULL;

	while (s < end) {
		while (s < end && sent_is_space((unsigned char)*s))
			s++;
		if (s == end)
			break;
		w = s;
		while (s < end && !sent_is_space((unsigned char)*s))
			s++;
		we = s;
		if (ci_prefix(w, (size_t)(we - w), "icon-"))
			w += 5;
		else if (ci_prefix(w, (size_t)(we - w), "fa-"))
			w += 3;
		while (we > w + 1 && strchr(",;:.", we[-1]) != NULL)
			we--;
		if (ci_word_in(list, w, (size_t)(we - w))) {
			if (!found && ci_word_in(need, w, (size_t)(we - w)))
				found = 1;
			continue;
		}
		if (dates) {
			const char *p;

			for (p = w; p < we; p++)
				if (!is_digit((unsigned char)*p) && strchr("/.:-,+", *p) == NULL)
					break;
			if (p == we)
				continue;		/* 03, 2025, 13:07, 01/06/2025 */
			for (p = w; p < we && is_digit((unsigned char)*p); p++)
				;
			if (p > w && (we - p == 2) && (ci_prefix(p, 2, "th") ||
			    ci_prefix(p, 2, "st") || ci_prefix(p, 2, "nd") ||
			    ci_prefix(p, 2, "rd")))
				continue;		/* 3rd */
			if (ci_word_in(date_words, w, (size_t)(we - w)))
				continue;
			if (ci_prefix(w, (size_t)(we - w), "gmt") || ci_prefix(w,
			    (size_t)(we - w), "utc"))
				continue;		/* GMT+1 */
		}
		return 0;
	}
	return found;
}

/* A month name next to a number, or a dd/mm/yyyy date. */
static int
has_date(const struct rowinfo *ri)
{
	const char *s = ri->s, *end = s + ri->n, *w;
	const char *const *m;
	size_t k;

	if (!ri->digits)
		return 0;
	for (; s < end; s++) {
		if (is_digit((unsigned char)*s) && end - s >= 8) {
			for (k = 0; k < 10 && s + k < end &&
			    (is_digit((unsigned char)s[k]) || s[k] == '/' || s[k] == '-'); k++)
				;
			if (k >= 8)
				return 1;
		}
		if (is_upper_at(s, (size_t)(end - s))) {
			for (m = month_words; *m != NULL; m++) {
				k = strlen(*m);
				if (ci_prefix(s, (size_t)(end - s), *m) && (s + k == end ||
				    !((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z'))) {
					for (w = s + k; w < end && w < s + k + 3; w++)
						if (is_digit((unsigned char)*w))
							return 1;
					for (w = s - 1; w >= ri->s && w > s - 4; w--)
						if (is_digit((unsigned char)*w))
							return 1;
				}
			}
		}
	}
	return 0;
}

static int
first_name(const char *s, size_t n)
{
	char key[32];
	size_t i, lo = 0, hi = split_nfirst_names, mid;
	int c;

	if (n >= sizeof(key) || n < 2)
		return 0;
	for (i = 0; i < n; i++) {
		if (!((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') && s[i] != '\'' && s[i] != '-')
			return 0;
		key[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	}
	key[n] = '\0';
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(key, split_first_names[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* "John Bowden", "Mary-Jane O'Neil": 2-4 capitalised words, the first a first name. */
static int
bare_name(const struct rowinfo *ri)
{
	const char *s = ri->s, *end = s + ri->n, *w;
	size_t words = 0;

	if (ri->words < 2 || ri->words > 4 || ri->digits || terminal(ri))
		return 0;
	while (s < end) {
		while (s < end && *s == ' ')
			s++;
		w = s;
		while (s < end && *s != ' ')
			s++;
		if (s == w)
			break;
		if (!is_upper_at(w, (size_t)(end - w)))
			return 0;
		if (words == 0 && !first_name(w, (size_t)(s - w)))
			return 0;
		words++;
	}
	return 1;
}

/* "By Jane Doe", "Senior reporter at ...", "... contributed to this report". */
static int
byline(const struct rowinfo *ri, unsigned int flags)
{
	const char *s = ri->s;
	size_t n = ri->n, k;

	if (ri->words <= CUE_WORDS && ci_prefix(s, n, "by ") && n > 3 &&
	    is_upper_at(s + 3, n - 3))
		return 1;
	if (ri->words <= CUE_WORDS && any_prefix(byline_prefix, s, n))
		return 1;
	if (ri->words <= 20 && any_contains(byline_contains, s, n))
		return 1;
	if ((flags & ROW_UNIT) && bare_name(ri))
		return 1;
	if (ri->words <= 5 && (flags & ROW_UNIT) && !terminal(ri) && ri->last != ',') {
		for (k = n; k > 0 && ((s[k - 1] | 32) >= 'a' && (s[k - 1] | 32) <= 'z'); k--)
			;
		if (ci_word_in(role_words, s + k, n - k) && is_upper_at(s, n))
			return 1;	/* "Local Government Correspondent" */
	}
	if (ri->words <= 20 && (flags & (ROW_UNIT | ROW_PARA_FIRST))) {
		for (k = 0; k < n && ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z'); k++)
			;
		if (ci_word_in(role_adjectives, s, k) && k < n && s[k] == ' ') {
			s += k + 1;
			n -= k + 1;
			for (k = 0; k < n && ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z'); k++)
				;
		}
		if (k > 0 && ci_word_in(role_words, s, k) && (k == n || !((s[k] | 32) >= 'a' &&
		    (s[k] | 32) <= 'z')) && ri->s[0] >= 'A' && ri->s[0] <= 'Z')
			return 1;
	}
	return 0;
}

/* A bracketed credit at the end: "... (AFP PHOTO / X)". */
static int
bracket_credit(const struct rowinfo *ri)
{
	const char *s = ri->s, *open;
	size_t n = ri->n;

	if (n < 3 || s[n - 1] != ')')
		return 0;
	for (open = s + n - 2; open > s && *open != '('; open--)
		;
	if (*open != '(')
		return 0;
	return any_contains(credit_words, open, (size_t)(s + n - open));
}

/* The zone a row has on its own, or -1 when only context can tell. */
static int
own_zone(const struct rowinfo *ri, unsigned int flags)
{
	const char *s = ri->s;
	size_t n = ri->n;

	if (flags & ROW_DATELINE)
		return ZONE_META;
	if (ri->letters < 2 && ri->words <= 3)
		return ZONE_BOILERPLATE;		/* "x", "»", "|" */
	if (ri->words <= CUE_WORDS && any_prefix(credit_prefix, s, n))
		return ZONE_META;
	if (ri->words <= 8 && any_contains(credit_contains, s, n) && !terminal(ri))
		return ZONE_META;
	if (byline(ri, flags))
		return ZONE_BYLINE;
	if (ri->words <= CUE_WORDS && any_prefix(boiler_prefix, s, n))
		return ZONE_BOILERPLATE;
	if (ri->words <= LONG_WORDS && any_contains(boiler_contains, s, n))
		return ZONE_BOILERPLATE;
	if (ri->words <= 10 && !terminal(ri) && all_words_in(ri, menu_words, share_words, 1))
		return ZONE_BOILERPLATE;
	if (ri->words <= 6 && !terminal(ri) && all_words_in(ri, menu_words, NULL, 0))
		return ZONE_BOILERPLATE;
	if (ri->words <= 12 && ri->digits && all_words_in(ri, date_words, NULL, 1))
		return ZONE_META;
	if (ri->words <= CUE_WORDS && ri->digits && any_prefix(date_prefix, s, n))
		return ZONE_META;
	if (ri->words <= 60 && bracket_credit(ri))
		return ZONE_CAPTION;
	return -1;
}

/* A row that could be a title or heading: a whole line unit with no final period. */
static int
headline_like(const struct rowinfo *ri, unsigned int flags, size_t maxwords)
{
	if (!(flags & ROW_UNIT) || ri->words > maxwords || ri->words == 0)
		return 0;
	if (ri->last == '.' || ri->last == ':' || ri->last == ';' || ri->ellipsis)
		return 0;
	if ((ri->s[0] == '-' || ri->s[0] == '*') && ri->n > 1 && ri->s[1] == ' ')
		return 0;		/* a list item */
	if ((unsigned char)ri->s[0] < 0x80 && ri->s[0] >= 'a' && ri->s[0] <= 'z')
		return 0;
	return 1;
}

/* The letters and digits of a row, lower-cased, compared with another's. */
static int
same_words(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < an && !(((a[i] | 32) >= 'a' && (a[i] | 32) <= 'z') ||
		    is_digit((unsigned char)a[i]) || (unsigned char)a[i] >= 0x80))
			i++;
		while (j < bn && !(((b[j] | 32) >= 'a' && (b[j] | 32) <= 'z') ||
		    is_digit((unsigned char)b[j]) || (unsigned char)b[j] >= 0x80))
			j++;
		if (i == an || j == bn)
			return i == an && j == bn;
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[j]))
			return 0;
		i++;
		j++;
	}
}

static int
is_credit_row(const char *text, const struct split_row *r)
{
	struct rowinfo ri;

	row_info(&ri, text + r->start, r->end - r->start);
	return r->zone == ZONE_META && !(r->flags & ROW_DATELINE) &&
	    (any_prefix(credit_prefix, ri.s, ri.n) || any_contains(credit_contains, ri.s, ri.n));
}

void
split_zones(struct split_doc *d, const char *text)
{
	struct split_row *r = d->rows, *t = NULL;
	struct rowinfo ri;
	size_t i, j, k, n = d->nrows;
	int z, promo, prose, body_seen = 0;
	unsigned char *known;

	if (n == 0)
		return;
	known = calloc(n, 1);
	if (known == NULL)
		abort();
	/* 1: each row on its own */
	for (i = 0; i < n; i++) {
		row_info(&ri, text + r[i].start, r[i].end - r[i].start);
		z = own_zone(&ri, r[i].flags);
		if (z < 0 && ri.words <= 40 && (r[i].flags & ROW_PARA_FIRST) &&
		    (r[i].flags & ROW_PARA_LAST) && any_contains(caption_contains, ri.s, ri.n))
			z = ZONE_CAPTION;	/* a paragraph of its own: "X, left, and Y ..." */
		if (z >= 0) {
			r[i].zone = z;
			known[i] = 1;
		}
	}
	/* 2: paragraphs of short rows holding a promotion are promotion */
	for (i = 0; i < n; i = j) {
		promo = 0;
		prose = 0;
		for (j = i; j < n && r[j].para == r[i].para; j++) {
			row_info(&ri, text + r[j].start, r[j].end - r[j].start);
			if (r[j].zone == ZONE_BOILERPLATE && ri.letters >= 2)
				promo = 1;
			if (ri.words > LONG_WORDS)
				prose = 1;
		}
		if (!promo || prose || j - i < 2)
			continue;
		for (k = i; k < j; k++) {
			row_info(&ri, text + r[k].start, r[k].end - r[k].start);
			if (!known[k] && ri.words <= SHORT_WORDS) {
				r[k].zone = ZONE_BOILERPLATE;
				known[k] = 1;
			}
		}
	}
	/* 3: the row before a credit line is its caption */
	for (i = 1; i < n; i++) {
		if (!is_credit_row(text, &r[i]) || known[i - 1])
			continue;
		row_info(&ri, text + r[i - 1].start, r[i - 1].end - r[i - 1].start);
		/* the same paragraph, or a paragraph of one unpunctuated line */
		if (r[i - 1].para == r[i].para || ((r[i - 1].flags & ROW_PARA_FIRST) &&
		    (r[i - 1].flags & ROW_PARA_LAST) && r[i - 1].para + 1 == r[i].para &&
		    !terminal(&ri))) {
			if (ri.words <= 60) {
				r[i - 1].zone = ZONE_CAPTION;
				known[i - 1] = 1;
			}
		}
	}
	/* 4: position: title, pre-body meta, headings */
	for (i = 0; i < n; i++) {
		if (known[i])
			continue;
		row_info(&ri, text + r[i].start, r[i].end - r[i].start);
		if (!body_seen && headline_like(&ri, r[i].flags, TITLE_WORDS)) {
			if (t == NULL && ri.words >= 2 && !has_date(&ri)) {
				r[i].zone = ZONE_TITLE;
				t = &r[i];
			} else if (t != NULL && same_words(text + t->start, t->end - t->start,
			    ri.s, ri.n)) {
				r[i].zone = ZONE_TITLE;
			} else if (ri.words <= SHORT_WORDS && has_date(&ri)) {
				r[i].zone = ZONE_META;
			} else if (ri.words <= HEADING_WORDS) {
				r[i].zone = ZONE_HEADING;
			} else {
				body_seen = 1;
			}
			continue;
		}
		if (body_seen && headline_like(&ri, r[i].flags, HEADING_WORDS) &&
		    (r[i].flags & ROW_PARA_FIRST) && ri.last != ',') {
			r[i].zone = ZONE_HEADING;
			continue;
		}
		body_seen = 1;
	}
	free(known);
}
