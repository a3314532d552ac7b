/*
 * split_zone: what each row of an article is — title, heading, byline,
 * meta, body, caption or boilerplate.
 *
 * Passes over a document's rows.  First each row on its own: cue words
 * at its start (a byline's "By NAME", a credit's "Photo:", a caption's
 * "Image caption", a promotion's "Sign up"), rows made only of share or
 * menu words, date lines, a bare "Firstname Surname" line, an author-box
 * line, a caption's photo credit in brackets.  Then the paragraph: a block
 * of short rows that holds a promotion is all promotion (an app banner, a
 * site footer), the row before a credit line is its caption, and the
 * short lines after a list header ("Related", "Topics") are its links.
 * Then position: of the standalone unpunctuated rows before the body, the
 * first of four words or more is the title (and later copies of it), date
 * lines are meta and the others headings; after the body starts, a short
 * standalone row with no final punctuation is a heading.  Everything else
 * is body.  Facts about each row (words, cue phrases found) are computed
 * once, in one pass over its bytes.
 *
 * The cue tables are hand-compiled, 2026-11-25, sources: the page
 * furniture of common news sites and wire services (share bars, app and
 * newsletter promotions, credit and byline conventions of AP, Reuters,
 * AFP and Getty Images); no corpus strings.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sentence.h"
#include "split.h"
#include "split_names.h"

enum {
	SHORT_WORDS = 12,	/* a "short" row for the paragraph rules */
	LONG_WORDS = 25,	/* a paragraph with a longer row is prose */
	HEADING_WORDS = 15,
	TITLE_WORDS = 30,
	CUE_WORDS = 15,		/* longest row a cue word rule applies to */
	CAPTION_WORDS = 40,	/* longest caption paragraph */
	MAX_COUNT = 61		/* words are counted up to here: no rule needs more */
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

/* Cue words and phrases are lower-case word list entries. */
#define C(x) W(x)

/* A byte that continues a word: ASCII letter or digit, or part of a UTF-8 letter. */
static int
word_byte(int c)
{
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Does s[0..n) start with the k bytes of cue, ignoring ASCII case? */
static int
ci_prefix_n(const char *s, size_t n, const char *cue, size_t k)
{
	size_t i;

	if (k > n)
		return 0;
	for (i = 0; i < k; i++)
		if (lower((unsigned char)s[i]) != (unsigned char)cue[i])
			return 0;
	return 1;
}

static int
ci_prefix(const char *s, size_t n, const char *cue)
{
	return ci_prefix_n(s, n, cue, strlen(cue));
}

/* Is s[0..n) one of the words in list, ignoring ASCII case? */
static int
ci_word_in(const struct word *list, const char *s, size_t n)
{
	const struct word_index *x;
	size_t j;
	int b;

	if (n == 0)
		return 0;
	x = word_index_of(list);
	b = lower((unsigned char)s[0]);
	for (j = x->start[b]; j < x->start[b + 1]; j++)
		if (x->by[j]->n == n && ci_prefix_n(s, n, x->by[j]->s, n))
			return 1;
	return 0;
}

static int
any_prefix(const struct word *list, const char *s, size_t n)
{
	const struct word_index *x;
	const struct word *c;
	size_t j;
	int b;

	if (n == 0)
		return 0;
	x = word_index_of(list);
	b = lower((unsigned char)s[0]);
	for (j = x->start[b]; j < x->start[b + 1]; j++) {
		c = x->by[j];
		if (ci_prefix_n(s, n, c->s, c->n) && (c->n == n ||
		    !word_byte((unsigned char)c->s[c->n - 1]) ||
		    !word_byte((unsigned char)s[c->n])))
			return 1;	/* a whole-word match */
	}
	return 0;
}

static int
any_contains(const struct word *list, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (any_prefix(list, s + i, n - i))
			return 1;
	return 0;
}

/*
 * Promotion, navigation and sharing at the start of a row (up to 15
 * words).  A cue matches whole words: "subscribe to" is not "subscribers".
 */
static const struct word boiler_prefix[] = {
	C("sign up"), C("sign in"), C("log in"), C("subscribe to"),
	C("subscribe now"), C("subscribe for"), C("follow us"), C("follow @"),
	C("read more"), C("read next"), C("read also"), C("also read"),
	C("see also"), C("related stories"), C("related articles"),
	C("related:"), C("related coverage"), C("related topics"),
	C("related links"), C("related reading"), C("related news"),
	C("related content"), C("explore more on"), C("more on these topics"),
	C("reuse this content"), C("republish this"), C("tags:"), C("topics:"),
	C("filed under"), C("categories:"), C("more from"), C("more stories"),
	C("more on this"), C("you may also like"), C("you might also like"),
	C("most read"), C("most popular"), C("share this"), C("share on"),
	C("share:"), C("share article"), C("copyright \xC2\xA9"),
	C("copyright (c)"), C("\xC2\xA9"), C("all rights reserved"),
	C("download the app"), C("download our app"), C("get the app"),
	C("install the app"), C("start reading"), C("continue reading"),
	C("keep reading"), C("click here"), C("tap here"),
	C("listen to this article"), C("listen now"), C("watch now"),
	C("already a member"), C("already a subscriber"),
	C("already subscribed"), C("get all your news"),
	C("sign up for our newsletter"), C("our newsletter"), C("get in touch"),
	C("got a story"), C("contact us"), C("we use cookies"),
	C("privacy policy"), C("terms of use"), C("terms and conditions"),
	C("skip to"), C("jump to"), C("back to top"), C("check this out"),
	C("before you leave"), C("don't miss"), C("don\xE2\x80\x99t miss"),
	C("become a member"), C("free trial"), C("one subscription"),
	C("top stories"), C("our picks"), C("editor's picks"),
	C("editor\xE2\x80\x99s picks"), C("leave a comment"),
	C("report an error"), C("this post appeared"),
	C("this article appeared"), C("this story appeared"),
	C("this article was originally"), C("this story was originally"),
	C("originally published"), C("read the full"), C("read the original"),
	C("to continue reading"), C("register for free"),
	C("create a free account"), C("enable javascript"), C("allow cookies"),
	C("watch:"), C("listen:"), C("watch live"), C("live updates:"), { NULL, 0 }
};

/* Single words that are furniture only as a short line with no final period. */
static const struct word boiler_words[] = {
	C("subscribe"), C("login"), C("recommended"), C("trending"),
	C("advertisement"), C("sponsored"), C("newsletter"), C("newsletters"),
	C("upgrade"), C("unlock"), C("copyright"), C("promoted"), C("ad"),
	C("advert"), C("adverts"), C("advertising"), { NULL, 0 }
};

/* Promotion anywhere in a short row. */
static const struct word boiler_contains[] = {
	C("appeared first on"), C("all rights reserved"), C("\xC2\xA9"),
	C("sign up for"), C("subscribe to"), C("subscribe now"),
	C("newsletter"), C("download the app"), C("download our app"),
	C("free trial"), { NULL, 0 }
};

/* Headers of a list of links: the short lines after them are links too. */
static const struct word list_heads[] = {
	C("related"), C("more on this"), C("more from"), C("more stories"),
	C("read more"), C("read next"), C("see also"), C("you may also like"),
	C("you might also like"), C("top stories"), C("most read"),
	C("most popular"), C("trending"), C("recommended"), C("also read"),
	C("latest news"), C("latest stories"), C("our picks"),
	C("editor's picks"), C("explore more"), C("more on these topics"),
	C("more on this topic"), C("tags"), C("topics"), C("filed under"),
	C("categories"), C("editor\xE2\x80\x99s picks"), C("don't miss"),
	C("popular"), { NULL, 0 }
};

/* Share buttons and menu words: a row made only of these is furniture. */
static const struct word menu_words[] = {
	C("facebook"), C("twitter"), C("x"), C("whatsapp"), C("pinterest"),
	C("linkedin"), C("tumblr"), C("reddit"), C("email"), C("e-mail"),
	C("mail"), C("print"), C("share"), C("tweet"), C("telegram"),
	C("messenger"), C("flipboard"), C("instagram"), C("youtube"),
	C("tiktok"), C("copy"), C("link"), C("comments"), C("comment"),
	C("menu"), C("search"), C("home"), C("news"), C("sport"), C("sports"),
	C("business"), C("politics"), C("world"), C("opinion"), C("video"),
	C("videos"), C("live"), C("weather"), C("more"), C("sections"),
	C("section"), C("all"), C("latest"), C("breaking"), C("close"),
	C("login"), C("register"), C("subscribe"), C("notifications"),
	C("notification"), C("settings"), C("account"), C("sign"), C("in"),
	C("up"), C("log"), C("out"), C("newsletters"), C("podcasts"),
	C("podcast"), C("top"), C("stories"), C("picks"), C("trending"),
	C("()"), C("\xC2\xBB"), C("\xE2\x80\xBA"), C("|"), C("\xC2\xB7"),
	C("\xE2\x80\xA2"), C("+"), C("&"), C("and"), C("or"), C("the"),
	C("our"), C("next"), C("previous"), C("prev"), C("back"), C("open"),
	C("save"), C("saved"), C("follow"), C("lifestyle"), C("culture"),
	C("entertainment"), C("health"), C("science"), C("tech"),
	C("technology"), C("travel"), C("money"), C("markets"), C("local"),
	C("national"), C("international"), C("u.s."), C("us"), C("uk"),
	C("europe"), C("edition"), C("today"), C("explore"), C("about"),
	C("contact"), { NULL, 0 }
};

/* Words that make a share/menu row (one of them must be there). */
static const struct word share_words[] = {
	C("facebook"), C("twitter"), C("whatsapp"), C("pinterest"),
	C("linkedin"), C("tumblr"), C("reddit"), C("email"), C("e-mail"),
	C("print"), C("share"), C("tweet"), C("telegram"), C("messenger"),
	C("flipboard"), C("instagram"), C("youtube"), C("tiktok"),
	C("comments"), C("comment"), { NULL, 0 }
};

/* Credits at the start of a row. */
static const struct word credit_prefix[] = {
	C("photo:"), C("photos:"), C("photo credit"), C("photograph:"),
	C("photography:"), C("picture:"), C("pictures:"), C("image:"),
	C("images:"), C("image credit"), C("credit:"), C("credits:"),
	C("video credit"), C("video:"), C("stock photo"), C("file photo"),
	C("illustration:"), C("graphic:"), C("main image:"), C("top image:"),
	C("header image:"), C("cover image:"), C("source: getty"), C("(photo"),
	C("(picture"), C("(image"), { NULL, 0 }
};

/* Credits inside a short row. */
static const struct word credit_contains[] = {
	C("getty images"), C("shutterstock"), C("ap photo"), C("afp via getty"),
	C("/reuters"), C("reuters/"), C("/afp"), C("afp/"), C("/ap"),
	C("/ap photo"), C("alamy"), C("epa-efe"), C("/epa"), C("pa wire"),
	C("pa media"), C("/bloomberg"), { NULL, 0 }
};

/* Inside a bracketed credit at the end of a caption. */
static const struct word credit_words[] = {
	C("photo"), C("getty"), C("reuters"), C("afp"), C("ap "), C("credit"),
	C("image"), C("picture"), C("shutterstock"), C("epa"), C("file"),
	C("courtesy"), { NULL, 0 }
};

/*
 * Markers of a photo caption: where the people stand.  A marker that ends
 * in a comma must follow ", " (", left," in "Trump, left, and Zelensky").
 * ("pictured" is left out: body text uses it as much as captions.)
 */
static const struct word caption_contains[] = {
	C("left,"), C("right,"), C("center,"), C("centre,"), C("(left)"),
	C("(right)"), C("(center)"), C("(centre)"), C("(file photo)"),
	C("(file image)"), { NULL, 0 }
};

/* Caption labels at the start of a row. */
static const struct word caption_prefix[] = {
	C("image caption"), C("photo caption"), C("caption:"), C("pictured:"),
	C("above:"), C("top:"), C("below:"), C("main picture:"), { NULL, 0 }
};

/* Byline starts. */
static const struct word byline_prefix[] = {
	C("reporting by"), C("additional reporting"), C("written by"),
	C("edited by"), C("editing by"), C("compiled by"), C("words by"),
	C("story by"), C("text by"), C("interview by"), C("report by"),
	C("reported by"), C("posted by"), C("with reporting"), { NULL, 0 }
};

static const struct word byline_contains[] = {
	C("contributed to this report"), C("contributed reporting"),
	C("contributed to this article"), C("contributed to this story"),
	{ NULL, 0 }
};

/* Roles that open an author box ("Senior reporter at ..."). */
static const struct word role_words[] = {
	C("reporter"), C("correspondent"), C("editor"), C("writer"),
	C("journalist"), C("columnist"), C("producer"), C("photographer"),
	C("contributor"), C("author"), C("reporters"), C("correspondents"),
	C("editors"), C("writers"), { NULL, 0 }
};

static const struct word role_adjectives[] = {
	C("senior"), C("chief"), C("staff"), C("political"), C("business"),
	C("sports"), C("foreign"), C("deputy"), C("associate"), C("special"),
	C("investigative"), C("contributing"), C("freelance"), C("news"),
	C("digital"), C("local"), C("court"), C("crime"), C("health"),
	C("science"), C("technology"), C("economics"), C("economic"),
	C("diplomatic"), C("defence"), C("defense"), C("security"),
	C("environment"), C("climate"), C("managing"), C("executive"),
	C("assistant"), C("trainee"), C("junior"), C("multimedia"), C("video"),
	C("data"), C("education"), C("royal"), C("home"), { NULL, 0 }
};

/* Date words for date lines. */
static const struct word date_words[] = {
	C("monday"), C("tuesday"), C("wednesday"), C("thursday"), C("friday"),
	C("saturday"), C("sunday"), C("mon"), C("tue"), C("tues"), C("wed"),
	C("thu"), C("thur"), C("thurs"), C("fri"), C("sat"), C("sun"),
	C("january"), C("february"), C("march"), C("april"), C("may"),
	C("june"), C("july"), C("august"), C("september"), C("october"),
	C("november"), C("december"), C("jan"), C("feb"), C("mar"), C("apr"),
	C("jun"), C("jul"), C("aug"), C("sep"), C("sept"), C("oct"), C("nov"),
	C("dec"), C("at"), C("on"), C("am"), C("pm"), C("a.m"), C("p.m"),
	C("gmt"), C("utc"), C("bst"), C("est"), C("edt"), C("cet"), C("cest"),
	C("et"), C("pt"), C("pst"), C("pdt"), C("ist"), C("aest"), C("aedt"),
	C("hrs"), C("local"), C("time"), C("updated"), C("published"),
	C("posted"), C("last"), C("first"), C("date"), C("of"), C("the"),
	{ NULL, 0 }
};

static const struct word date_prefix[] = {
	C("published"), C("updated"), C("posted"), C("first published"),
	C("last updated"), C("last modified"), C("date:"), C("modified"),
	{ NULL, 0 }
};

static const struct word month_words[] = {
	C("january"), C("february"), C("march"), C("april"), C("may"),
	C("june"), C("july"), C("august"), C("september"), C("october"),
	C("november"), C("december"), C("jan"), C("feb"), C("mar"), C("apr"),
	C("jun"), C("jul"), C("aug"), C("sep"), C("sept"), C("oct"), C("nov"),
	C("dec"), { NULL, 0 }
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

/* Facts about a row's text, computed once (24 bytes: a document holds one per row). */
struct rowinfo {
	const char	*s;
	size_t		 n;
	unsigned char	 words;		/* capped at MAX_COUNT */
	unsigned char	 letters;	/* ASCII and non-ASCII letters, capped at 255 */
	unsigned char	 digits;
	unsigned char	 last;		/* last byte after closing marks */
	unsigned char	 ellipsis;	/* ends in … */
	unsigned char	 cues;		/* CUE_* found anywhere in the row */
	unsigned char	 known;		/* the zone is decided */
};

/* The phrase lists that are looked for anywhere in a row. */
enum { CUE_BOILER = 1, CUE_CREDIT = 2, CUE_CAPTION = 4, CUE_BYLINE = 8 };

static const struct word *const contains_lists[] = {
	boiler_contains, credit_contains, caption_contains, byline_contains
};

/* The phrases of contains_lists by first byte, built on first use. */
static struct {
	const struct word	*cue[32];
	unsigned char		 kind[32];
	unsigned char		 count;
} by_first[256];
static unsigned char pair_seen[256 * 256 / 8];	/* first two bytes of a phrase */
static int by_first_ready;

static void
build_by_first(void)
{
	const struct word *c;
	size_t l, pair;
	unsigned char b;

	for (l = 0; l < sizeof(contains_lists) / sizeof(contains_lists[0]); l++)
		for (c = contains_lists[l]; c->s != NULL; c++) {
			b = (unsigned char)c->s[0];
			assert(by_first[b].count < 32);	/* grow the buckets */
			by_first[b].cue[by_first[b].count] = c;
			by_first[b].kind[by_first[b].count++] = (unsigned char)(1u << l);
			pair = (size_t)b << 8 | (unsigned char)c->s[1];
			pair_seen[pair >> 3] |= (unsigned char)(1u << (pair & 7));
		}
	by_first_ready = 1;
}

/* Byte classes for the one pass over a row. */
enum { CL_SPACE = 1, CL_LETTER = 2, CL_DIGIT = 4, CL_ALNUM = 8 };
static unsigned char byte_class[256];
static unsigned char lower_byte[256];	/* ASCII lower-case of every byte */

static void
build_byte_class(void)
{
	int c;

	for (c = 0; c < 256; c++) {
		lower_byte[c] = (unsigned char)lower(c);
		if (sent_is_space(c))
			byte_class[c] = CL_SPACE;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			byte_class[c] = CL_LETTER | CL_ALNUM;
		else if (c >= '0' && c <= '9')
			byte_class[c] = CL_DIGIT | CL_ALNUM;
		else if (c >= 0xC0)
			byte_class[c] = CL_LETTER;
	}
}

/* Does a phrase of contains_lists start at s[i]?  Returns their CUE_* bits. */
static unsigned int
cues_at(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	const struct word *c;
	unsigned int cues = 0;
	size_t j, pair = (size_t)lower_byte[u[i]] << 8 | lower_byte[u[i + 1]];
	int b = lower_byte[u[i]];

	if (!(pair_seen[pair >> 3] & (1u << (pair & 7))))
		return 0;
	for (j = 0; j < by_first[b].count; j++) {
		c = by_first[b].cue[j];
		if (!ci_prefix_n(s + i, n - i, c->s, c->n))
			continue;
		if (i + c->n < n && word_byte((unsigned char)c->s[c->n - 1]) &&
		    word_byte(u[i + c->n]))
			continue;	/* whole words only: "/ap" is not "/apple" */
		if (by_first[b].kind[j] == CUE_CAPTION && c->s[c->n - 1] == ',' &&
		    !(i >= 2 && s[i - 2] == ',' && s[i - 1] == ' '))
			continue;	/* "left," only as ", left," */
		cues |= by_first[b].kind[j];
	}
	return cues;
}

/*
 * Which contains_lists have a phrase in s[0..n)?  Phrases are looked for
 * at the start of each word and at each punctuation mark; the rest of a
 * word is skipped.
 */
static unsigned int
scan_cues(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int cues = 0, k;
	size_t i = 0;

	while (i + 1 < n) {
		k = byte_class[u[i]];
		if (k & CL_SPACE) {
			i++;
			continue;
		}
		cues |= cues_at(s, n, i);
		i++;
		if (k & CL_ALNUM)
			while (i < n && (byte_class[u[i]] & CL_ALNUM))
				i++;
	}
	return cues;
}

/*
 * The number of words (runs of non-blanks) in s[0..n).  Eight bytes at a
 * time: a word starts at a byte that is not a space after one that is.
 * A chunk with a byte below 0x0E (TAB, LF, CR, VT, FF, NUL...) is counted
 * byte by byte.
 */
static size_t
count_words(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL,
	    low7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t x, y, sp, carry = 0x80;	/* the byte before the row is a space */
	size_t i = 0, words = 0;
	unsigned int k, prev;

	for (; n - i >= 8; i += 8) {
		memcpy(&x, s + i, 8);
		if ((x - ones * 0x0E) & ~x & high)
			break;
		y = x ^ (ones * ' ');
		sp = ~(((y & low7) + low7) | y | low7);	/* 0x80 where a space */
		words += (size_t)(((~sp & ((sp << 8) | carry) & high) >> 7) * ones >> 56);
		carry = sp >> 56;
	}
	prev = carry ? CL_SPACE : 0;
	for (; i < n; i++) {
		k = byte_class[u[i]];
		words += (prev & ~k) & CL_SPACE;
		prev = k;
	}
	return words;
}

/*
 * Fill ri for s[0..n): words, letters, digits in one branch-free pass,
 * then, for a row short enough for a cue rule (or a paragraph of its own,
 * for a caption), which contains_lists have a phrase in it.
 */
static void
row_info(struct rowinfo *ri, const char *s, size_t n, unsigned int flags)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, end = n, words, letters = 0;
	unsigned int k, digits = 0;

	if (!by_first_ready) {
		build_by_first();
		build_byte_class();
	}
	words = count_words(s, n);
	if (words > MAX_COUNT)
		words = MAX_COUNT;
	/* letters and digits only matter for short rows (has_date looks itself) */
	if (words <= CUE_WORDS)
		for (i = 0; i < n; i++) {
			k = byte_class[u[i]];
			letters += (k & CL_LETTER) >> 1;
			digits |= k;
		}
	else
		letters = 255, digits = 0;
	digits &= CL_DIGIT;
	ri->cues = 0;
	if (words <= CUE_WORDS || (words <= CAPTION_WORDS &&
	    (flags & (ROW_PARA_FIRST | ROW_PARA_LAST)) == (ROW_PARA_FIRST | ROW_PARA_LAST)))
		ri->cues = (unsigned char)scan_cues(s, n);
	ri->s = s;
	ri->n = n;
	ri->words = (unsigned char)words;
	ri->letters = (unsigned char)(letters > 255 ? 255 : letters);
	ri->digits = digits != 0;
	ri->known = 0;
	/* strip closing quotation marks and brackets */
	for (;;) {
		if (end > 0 && (s[end - 1] == '"' || s[end - 1] == '\'' || s[end - 1] == ')' ||
		    s[end - 1] == ']'))
			end--;
		else if (end >= 3 && u[end - 3] == 0xE2 && u[end - 2] == 0x80 &&
		    (u[end - 1] == 0x9D || u[end - 1] == 0x99))
			end -= 3;
		else
			break;
	}
	ri->last = end > 0 ? u[end - 1] : 0;
	ri->ellipsis = end >= 3 && u[end - 3] == 0xE2 && u[end - 2] == 0x80 &&
	    u[end - 1] == 0xA6;
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
all_words_in(const struct rowinfo *ri, const struct word *list,
    const struct word *need, int dates)
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
	const struct word *m;
	size_t k;

	for (w = s; w < end && !is_digit((unsigned char)*w); w++)
		;
	if (w == end)
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
			for (m = month_words; m->s != NULL; m++) {
				k = m->n;
				if (ci_prefix_n(s, (size_t)(end - s), m->s, k) && (s + k == end ||
				    !((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z'))) {
					for (w = s + k; w < end && (size_t)(w - s) < k + 3; w++)
						if (is_digit((unsigned char)*w))
							return 1;
					for (k = 1; k <= 3 && k <= (size_t)(s - ri->s); k++)
						if (is_digit((unsigned char)s[-(ptrdiff_t)k]))
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

/* Words after "By" that start a sentence, not a name ("By Tuesday, ..."). */
static const struct word by_not_names[] = {
	C("the"), C("this"), C("that"), C("these"), C("those"), C("then"),
	C("now"), C("law"), C("contrast"), C("comparison"), C("far"), C("noon"),
	C("midnight"), C("night"), C("morning"), C("evening"), C("afternoon"),
	C("dawn"), C("nightfall"), C("default"), C("design"), C("all"),
	C("some"), C("most"), C("many"), C("one"), C("his"), C("her"),
	C("their"), C("its"), C("our"), C("my"), C("your"), C("christmas"),
	C("easter"), C("mid"), C("late"), C("early"), C("end"), C("next"),
	C("last"), { NULL, 0 }
};

/* After "By ": a capitalised word that is not a date or a sentence opener, no comma after it. */
static int
by_name(const struct rowinfo *ri)
{
	const char *s = ri->s + 3, *end = ri->s + ri->n, *w;

	if (!is_upper_at(s, (size_t)(end - s)) || (terminal(ri) && ri->words > 6))
		return 0;
	for (w = s; w < end && word_byte((unsigned char)*w); w++)
		;
	if (w < end && *w == ',')
		return 0;
	if ((size_t)(w - s) == 3 && ci_prefix_n(s, 3, "the", 3) && !terminal(ri) &&
	    ri->words <= 6 && w + 1 < end && is_upper_at(w + 1, (size_t)(end - w - 1)))
		return 1;		/* "By The Associated Press" */
	return !ci_word_in(by_not_names, s, (size_t)(w - s)) &&
	    !ci_word_in(date_words, s, (size_t)(w - s));
}

/* "By Jane Doe", "Senior reporter at ...", "... contributed to this report". */
static int
byline(const struct rowinfo *ri, unsigned int flags)
{
	const char *s = ri->s;
	size_t n = ri->n, k;

	if (ri->words <= CUE_WORDS && ci_prefix(s, n, "by ") && n > 3 && by_name(ri))
		return 1;
	if (ri->words <= CUE_WORDS && any_prefix(byline_prefix, s, n))
		return 1;
	if (ri->words <= CUE_WORDS && (ri->cues & CUE_BYLINE))
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
		/* the role ends the row or is followed by where: at, for, in, @ */
		if (k > 0 && ci_word_in(role_words, s, k) && ri->s[0] >= 'A' &&
		    ri->s[0] <= 'Z' && (k == n || s[k] == '@' || s[k] == ',' ||
		    ci_prefix(s + k, n - k, " at ") || ci_prefix(s + k, n - k, " for ") ||
		    ci_prefix(s + k, n - k, " in ") || ci_prefix(s + k, n - k, " with ")))
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
	if (ri->words <= 8 && (ri->cues & CUE_CREDIT) && !terminal(ri))
		return ZONE_META;
	if (byline(ri, flags))
		return ZONE_BYLINE;
	if (ri->words <= CUE_WORDS && any_prefix(boiler_prefix, s, n))
		return ZONE_BOILERPLATE;
	if (ri->words <= 4 && !terminal(ri) && any_prefix(boiler_words, s, n))
		return ZONE_BOILERPLATE;
	if (ri->words <= CUE_WORDS && n > 10 && ci_prefix_n(s, n, "copyright ", 10) &&
	    is_digit((unsigned char)s[10]))
		return ZONE_BOILERPLATE;	/* "Copyright 2024 ..." */
	if (ri->words <= CUE_WORDS && (ri->cues & CUE_BOILER))
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
	if (ri->words <= 60 && any_prefix(caption_prefix, s, n))
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

/* The number of words that start with a capital letter or a digit. */
static size_t
capitalised(const struct rowinfo *ri)
{
	const char *s = ri->s, *end = s + ri->n;
	size_t count = 0;

	while (s < end) {
		while (s < end && sent_is_space((unsigned char)*s))
			s++;
		if (s < end && (is_upper_at(s, (size_t)(end - s)) || is_digit((unsigned char)*s)))
			count++;
		while (s < end && !sent_is_space((unsigned char)*s))
			s++;
	}
	return count;
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
is_credit_row(const struct split_row *r, const struct rowinfo *ri)
{
	return r->zone == ZONE_META && !(r->flags & ROW_DATELINE) &&
	    (any_prefix(credit_prefix, ri->s, ri->n) || (ri->cues & CUE_CREDIT));
}

void
split_zones(struct split_doc *d, const char *text)
{
	struct split_row *r = d->rows, *t = NULL;
	struct rowinfo *inf, *ri;
	size_t i, j, k, body, n = d->nrows;
	int z, promo, prose;

	if (n == 0)
		return;
	if (d->zone_cap < n) {
		d->zone_cap = n + n / 2;
		free(d->zone_info);
		d->zone_info = xreallocarray(NULL, d->zone_cap, sizeof(*inf));
	}
	inf = d->zone_info;
	/* 1: each row on its own */
	for (i = 0; i < n; i++) {
		ri = &inf[i];
		row_info(ri, text + r[i].start, r[i].end - r[i].start, r[i].flags);
		z = own_zone(ri, r[i].flags);
		if (z < 0 && ri->words <= CAPTION_WORDS && (r[i].flags & ROW_PARA_FIRST) &&
		    (r[i].flags & ROW_PARA_LAST) && (ri->cues & CUE_CAPTION))
			z = ZONE_CAPTION;	/* a paragraph of its own: "X, left, and Y ..." */
		if (z >= 0) {
			r[i].zone = z;
			ri->known = 1;
		}
	}
	/* 2: paragraphs of short rows holding a promotion are promotion */
	for (i = 0; i < n; i = j) {
		promo = 0;
		prose = 0;
		for (j = i; j < n && r[j].para == r[i].para; j++) {
			if (r[j].zone == ZONE_BOILERPLATE && inf[j].letters >= 2)
				promo = 1;
			if (inf[j].words > LONG_WORDS)
				prose = 1;
		}
		if (!promo || prose || j - i < 2)
			continue;
		for (k = i; k < j; k++)
			if (!inf[k].known && inf[k].words <= SHORT_WORDS) {
				r[k].zone = ZONE_BOILERPLATE;
				inf[k].known = 1;
			}
	}
	/* where the body starts, for now: rows before it may be the title */
	for (body = 0; body < n; body++)
		if (!inf[body].known && !headline_like(&inf[body], r[body].flags, TITLE_WORDS))
			break;
	/*
	 * 3: the row before a credit line is its caption: in the same
	 * paragraph, or (after the body starts: a headline above a picture
	 * stays the headline) a one-line unpunctuated paragraph.
	 */
	for (i = 1; i < n; i++) {
		ri = &inf[i - 1];
		if (ri->known || !is_credit_row(&r[i], &inf[i]))
			continue;
		/* the same paragraph, or a paragraph of one unpunctuated line */
		if ((r[i - 1].para == r[i].para || ((r[i - 1].flags & ROW_PARA_FIRST) &&
		    (r[i - 1].flags & ROW_PARA_LAST) && r[i - 1].para + 1 == r[i].para &&
		    !terminal(ri) && i - 1 > body)) && ri->words <= 60) {
			r[i - 1].zone = ZONE_CAPTION;
			ri->known = 1;
		}
	}
	/* 3b: the short one-line paragraphs after a list header are its links */
	for (i = 0; i + 1 < n; i++) {
		if (r[i].zone != ZONE_BOILERPLATE || inf[i].words > 6 || terminal(&inf[i]) ||
		    !any_prefix(list_heads, inf[i].s, inf[i].n))
			continue;
		for (j = i + 1; j < n && !inf[j].known && headline_like(&inf[j], r[j].flags,
		    SHORT_WORDS) && (r[j].flags & ROW_PARA_FIRST) && (r[j].flags & ROW_PARA_LAST); j++) {
			r[j].zone = ZONE_BOILERPLATE;
			inf[j].known = 1;
		}
	}
	/*
	 * 4: position.  Rows before the body (the first row that is not a
	 * standalone unpunctuated line) hold the title: the first with four
	 * words or more, else the first with two; later copies of it are
	 * title too, date lines meta, short rows headings, long ones body.
	 * After the body starts, short standalone rows are headings.
	 */
	for (body = 0; body < n; body++)
		if (!inf[body].known && !headline_like(&inf[body], r[body].flags, TITLE_WORDS))
			break;
	for (k = 4; k >= 2 && t == NULL; k -= 2)
		for (i = 0; i < body && t == NULL; i++)
			if (!inf[i].known && inf[i].words >= k && !has_date(&inf[i]))
				t = &r[i];
	for (i = 0; i < n; i++) {
		ri = &inf[i];
		if (ri->known)
			continue;
		if (i < body) {
			if (&r[i] == t || (t != NULL && same_words(text + t->start,
			    t->end - t->start, ri->s, ri->n)))
				r[i].zone = ZONE_TITLE;
			else if (ri->words <= SHORT_WORDS && has_date(ri))
				r[i].zone = ZONE_META;
			else if (ri->words <= HEADING_WORDS)
				r[i].zone = ZONE_HEADING;
			continue;
		}
		/*
		 * A paragraph's first line, or a standalone line inside it;
		 * over 8 words it must be in title case (half its words
		 * capitalised), not a sentence that lost its period.
		 */
		if (i > body && headline_like(ri, r[i].flags, HEADING_WORDS) &&
		    (r[i].flags & (ROW_PARA_FIRST | ROW_PARA_LAST)) != ROW_PARA_LAST &&
		    ri->last != ',' && (ri->words <= 8 || 2 * capitalised(ri) >= ri->words))
			r[i].zone = ZONE_HEADING;
	}
}
