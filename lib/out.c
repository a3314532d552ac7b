/*
 * out: a single output buffer over file descriptor 1.  Writing with write(2)
 * instead of stdio lets us report the exact error of the failing write and
 * keeps the hot path to a memcpy.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "out.h"

enum { OUT_SIZE = 64 * 1024 };

static char	 obuf[OUT_SIZE];
static size_t	 olen;
static int	 line_buffered;
static int	 failed;	/* a write failed: drop everything after it */
static int	 closed;

void
out_set_line_buffered(int on)
{
	line_buffered = on;
}

static void
write_all(const char *p, size_t n)
{
	ssize_t w;

	while (n > 0 && !failed) {
		w = write(STDOUT_FILENO, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			failed = 1;
			die("write error: %s", strerror(errno));
		}
		p += w;
		n -= (size_t)w;
	}
}

void
out_flush(void)
{
	size_t n = olen;

	olen = 0;
	if (!failed)
		write_all(obuf, n);
}

void
out_write(const void *p, size_t n)
{
	if (n == 0)
		return;		/* p may be NULL (an empty, never-grown buf) */
	if (n <= OUT_SIZE - olen) {
		memcpy(obuf + olen, p, n);
		olen += n;
		return;
	}
	out_flush();
	if (n >= OUT_SIZE) {
		if (!failed)
			write_all(p, n);
		return;
	}
	memcpy(obuf, p, n);
	olen = n;
}

void
out_char(int c)
{
	if (olen == OUT_SIZE)
		out_flush();
	obuf[olen++] = (char)c;
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

void
out_escaped(const char *s, size_t n)
{
	const char *end = s + n, *p;
	char esc[2] = { '\\', 0 };

	while (s < end) {
		for (p = s; p < end; p++)
			if (*p == '\\' || *p == '\t' || *p == '\n' || *p == '\r')
				break;
		out_write(s, (size_t)(p - s));
		if (p == end)
			break;
		switch (*p) {
		case '\\': esc[1] = '\\'; break;
		case '\t': esc[1] = 't'; break;
		case '\n': esc[1] = 'n'; break;
		default:   esc[1] = 'r'; break;
		}
		out_write(esc, 2);
		s = p + 1;
	}
}

void
out_tab(void)
{
	out_char('\t');
}

void
out_end_row(void)
{
	out_char('\n');
	if (line_buffered)
		out_flush();
}

int
out_close(void)
{
	if (closed)
		return failed ? -1 : 0;
	closed = 1;
	if (!failed)
		out_flush();
	if (!failed && close(STDOUT_FILENO) != 0 && errno != EBADF) {
		failed = 1;
		warn("write error: %s", strerror(errno));
	}
	return failed ? -1 : 0;
}
