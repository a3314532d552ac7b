/*
 * unicode: NFC over the generated tables (UAX #15).  A text is decoded to
 * code points, fully decomposed (canonical mappings and the Hangul
 * arithmetic), put in canonical order, then recomposed starter by starter.
 * Callers run it only on text holding a UNI_NFC code point, so its cost is
 * paid by the few rows that need it.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "unicode.h"
#include "utf8.h"

enum {
	SBASE = 0xAC00, LBASE = 0x1100, VBASE = 0x1161, TBASE = 0x11A7,
	LCOUNT = 19, VCOUNT = 21, TCOUNT = 28,
	NCOUNT = VCOUNT * TCOUNT, SCOUNT = LCOUNT * NCOUNT
};

unsigned
uni_ccc_of(uint32_t cp)
{
	size_t lo = 0, hi = uni_nccc, mid;

	if (cp < 0x300)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < uni_ccc[mid].lo)
			hi = mid;
		else if (cp > uni_ccc[mid].hi)
			lo = mid + 1;
		else
			return uni_ccc[mid].ccc;
	}
	return 0;
}

static const struct uni_map *
find_map(const struct uni_map *m, size_t count, uint32_t cp)
{
	size_t lo = 0, hi = count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < m[mid].cp)
			hi = mid;
		else if (cp > m[mid].cp)
			lo = mid + 1;
		else
			return &m[mid];
	}
	return NULL;
}

const uint32_t *
uni_fold_of(uint32_t cp, size_t *n)
{
	const struct uni_map *m = find_map(uni_fold, uni_fold_count, cp);

	if (m == NULL)
		return NULL;
	*n = m->len;
	return uni_fold_pool + m->off;
}

static uint32_t
compose_pair(uint32_t a, uint32_t b)
{
	size_t lo = 0, hi = uni_ncomp, mid;

	if (a - LBASE < LCOUNT && b - VBASE < VCOUNT)
		return SBASE + ((a - LBASE) * VCOUNT + (b - VBASE)) * TCOUNT;
	if (a - SBASE < SCOUNT && (a - SBASE) % TCOUNT == 0 &&
	    b - TBASE - 1 < TCOUNT - 1)
		return a + (b - TBASE);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a < uni_comp[mid].first ||
		    (a == uni_comp[mid].first && b < uni_comp[mid].second))
			hi = mid;
		else if (a == uni_comp[mid].first && b == uni_comp[mid].second)
			return uni_comp[mid].composite;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The code point array, reused from call to call. */
struct cps {
	uint32_t	*cp;
	unsigned char	*ccc;
	size_t		 len, cap;
};

static void
cps_push(struct cps *a, uint32_t cp)
{
	if (a->len == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 256;
		a->cp = xreallocarray(a->cp, a->cap, sizeof(*a->cp));
		a->ccc = xreallocarray(a->ccc, a->cap, 1);
	}
	a->cp[a->len] = cp;
	a->ccc[a->len] = (unsigned char)uni_ccc_of(cp);
	a->len++;
}

static void
decompose(struct cps *a, uint32_t cp)
{
	const struct uni_map *m;
	uint32_t s, t;
	size_t i;

	if (cp - SBASE < SCOUNT) {
		s = cp - SBASE;
		cps_push(a, LBASE + s / NCOUNT);
		cps_push(a, VBASE + (s % NCOUNT) / TCOUNT);
		if ((t = s % TCOUNT) != 0)
			cps_push(a, TBASE + t);
		return;
	}
	if (cp >= 0xC0 && (m = find_map(uni_decomp, uni_decomp_count, cp)) != NULL) {
		for (i = 0; i < m->len; i++)
			cps_push(a, uni_decomp_pool[m->off + i]);
		return;
	}
	cps_push(a, cp);
}

/* Sort the run a[lo..hi) of non-starters by class, stably. */
static void
sort_run(struct cps *a, size_t lo, size_t hi)
{
	static uint32_t *tmp;
	static size_t tmpcap;
	size_t count[256], i, j, pos;
	uint32_t c;
	unsigned char k;

	if (hi - lo <= 32) {	/* insertion sort: runs are short in text */
		for (i = lo + 1; i < hi; i++) {
			k = a->ccc[i];
			c = a->cp[i];
			for (j = i; j > lo && a->ccc[j - 1] > k; j--) {
				a->cp[j] = a->cp[j - 1];
				a->ccc[j] = a->ccc[j - 1];
			}
			a->cp[j] = c;
			a->ccc[j] = k;
		}
		return;
	}
	/* a counting sort keeps a long run (hostile input) linear */
	if (tmpcap < hi - lo) {
		tmpcap = hi - lo;
		tmp = xreallocarray(tmp, tmpcap, sizeof(*tmp));
	}
	memset(count, 0, sizeof(count));
	for (i = lo; i < hi; i++)
		count[a->ccc[i]]++;
	for (pos = 0, j = 0; j < 256; j++) {
		i = count[j];
		count[j] = pos;
		pos += i;
	}
	for (i = lo; i < hi; i++)
		tmp[count[a->ccc[i]]++] = a->cp[i];
	for (i = lo; i < hi; i++) {
		a->cp[i] = tmp[i - lo];
		a->ccc[i] = (unsigned char)uni_ccc_of(a->cp[i]);
	}
}

/* Canonical ordering: a stable sort of each run of non-starters by class. */
static void
reorder(struct cps *a)
{
	size_t i = 0, j;

	while (i < a->len) {
		if (a->ccc[i] == 0) {
			i++;
			continue;
		}
		for (j = i + 1; j < a->len && a->ccc[j] != 0; j++)
			;
		if (j - i > 1)
			sort_run(a, i, j);
		i = j;
	}
}

/*
 * The canonical composition algorithm, in place.  After reordering, the
 * characters kept between the last starter and the current one are
 * non-starters in ascending class order, so the current character is
 * blocked exactly when one was kept and its class is not below ours.
 */
static void
compose(struct cps *a)
{
	size_t i, o = 0, starter = 0;
	int have_starter = 0;
	unsigned k;
	uint32_t c;

	for (i = 0; i < a->len; i++) {
		k = a->ccc[i];
		if (have_starter && (o == starter + 1 || a->ccc[o - 1] < k) &&
		    (c = compose_pair(a->cp[starter], a->cp[i])) != 0) {
			a->cp[starter] = c;
			continue;
		}
		if (k == 0) {
			starter = o;
			have_starter = 1;
		}
		a->cp[o] = a->cp[i];
		a->ccc[o] = (unsigned char)k;
		o++;
	}
	a->len = o;
}

void
uni_nfc(const char *s, size_t n, struct buf *out)
{
	static struct cps a;
	size_t i, k;
	long cp;

	a.len = 0;
	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		decompose(&a, cp < 0 ? 0xFFFD : (uint32_t)cp);
	}
	reorder(&a);
	compose(&a);
	buf_reserve(out, n + 16);
	for (i = 0; i < a.len; i++)
		buf_addcp(out, a.cp[i]);
}
