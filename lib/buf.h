/*
 * buf: a growable byte string that carries its own length, so NUL bytes are
 * ordinary data.  Every module that builds text of unknown size uses it.
 */
#ifndef NEWS_BUF_H
#define NEWS_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char	*data;		/* not NUL-terminated unless buf_cstr() was called */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* Make room for at least extra more bytes; dies on overflow or out of memory. */
void	 buf_reserve(struct buf *b, size_t extra);
void	 buf_add(struct buf *b, const void *p, size_t n);
void	 buf_addc(struct buf *b, int c);
void	 buf_adds(struct buf *b, const char *s);
/* Append a code point as UTF-8. */
void	 buf_addcp(struct buf *b, unsigned long cp);
/* Terminate with a NUL that is not counted in len; returns data. */
char	*buf_cstr(struct buf *b);
void	 buf_clear(struct buf *b);
void	 buf_free(struct buf *b);

/* malloc/realloc that die instead of returning NULL. */
void	*xmalloc(size_t n);
void	*xrealloc(void *p, size_t n);
/* realloc for an array of nmemb items of size bytes, with overflow check. */
void	*xreallocarray(void *p, size_t nmemb, size_t size);
char	*xstrdup(const char *s);
/* A fast 64-bit hash of n bytes, for hash tables (not for security). */
uint64_t hash_bytes(const char *s, size_t n);

#endif
