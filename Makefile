# newsline: plain make.  Every tools/news-*.c is a tool; every lib/*.c goes
# into libnews.a, which the tools link.  O names the output tree, so the
# sanitizer build (O=san) never mixes with the normal one.

PREFIX	?= /usr/local
MANPREFIX ?= $(PREFIX)/share/man
DESTDIR	?=
O	?= .

CC	?= cc
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Ilib
OPTFLAGS ?= -O2
WARNFLAGS = -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wvla
ALL_CFLAGS = $(OPTFLAGS) $(WARNFLAGS) $(CFLAGS)

TOOL_SRC = $(wildcard tools/news-*.c)
TOOLS	= $(patsubst tools/%.c,%,$(TOOL_SRC))
BINS	= $(patsubst %,$(O)/bin/%,$(TOOLS))
MANS	= $(wildcard tools/news-*.1)
LIB_SRC	= $(wildcard lib/*.c)
LIB_OBJ	= $(patsubst lib/%.c,$(O)/build/%.o,$(LIB_SRC))
LIB_HDR	= $(wildcard lib/*.h)
LIBNEWS	= $(O)/build/libnews.a

SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	    -fno-sanitize-recover=all

.PHONY: all test check-deps sanitize eval bench install uninstall clean

all: $(BINS) $(O)/bin/tsv-selftest

$(O)/build/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(O)/build
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIBNEWS): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(O)/bin/%: tools/%.c $(LIBNEWS) $(LIB_HDR)
	@mkdir -p $(O)/bin
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBNEWS)

# The stream library's unit-test driver (tests/lib.bats).
$(O)/bin/tsv-selftest: tests/tsv-selftest.c $(LIBNEWS) $(LIB_HDR)
	@mkdir -p $(O)/bin
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBNEWS)

# Installs what a fresh machine lacks (bats; csvkit for the CSV round trip).
check-deps:
	@sh tests/install-deps.sh

# Runs every tests/*.bats file; the last line is "N passed, N failed".
test: all check-deps
	@sh tests/run.sh $(O)/bin

# The same suite against an ASan+UBSan build.
sanitize: check-deps
	$(MAKE) O=san OPTFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" all
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		sh tests/run.sh san/bin

eval: all
	python3 tests/eval.py

bench: all
	@sh tests/install-deps.sh bench
	sh tests/bench.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(MANS) $(DESTDIR)$(MANPREFIX)/man1

uninstall:
	for t in $(TOOLS); do \
		rm -f $(DESTDIR)$(PREFIX)/bin/$$t $(DESTDIR)$(MANPREFIX)/man1/$$t.1; \
	done

clean:
	rm -rf bin build san
