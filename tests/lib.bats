#!/usr/bin/env bats
# The stream library (lib/tsv.c, lib/out.c, lib/opt.c, lib/utf8.c), driven
# through bin/tsv-selftest and the smallest tool, news-to-csv.

load helper

@test "escape: the four escapes and nothing else" {
	printf 'a\\b\tc\nd\re\\q' > "$BATS_TEST_TMPDIR/in"
	printf 'a\\\\b\\tc\\nd\\re\\\\q' > "$BATS_TEST_TMPDIR/exp"
	tsv-selftest escape < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "unescape: unknown pairs and a final lone backslash stay themselves" {
	printf 'a\\\\b\\tc\\nd\\re \\q \\x \\' > "$BATS_TEST_TMPDIR/in"
	printf 'a\\b\tc\nd\re \\q \\x \\' > "$BATS_TEST_TMPDIR/exp"
	tsv-selftest unescape < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "escape then unescape is the identity, NUL and invalid bytes included" {
	printf 'x\0y\\\t\n\r\xff\xc3z' > "$BATS_TEST_TMPDIR/in"
	tsv-selftest escape < "$BATS_TEST_TMPDIR/in" | tsv-selftest unescape > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/out"
}

@test "utf8: strict decoding with maximal subparts" {
	printf 'a\xc3\xa9\xe2\x80\x9c\xf0\x9f\x98\x80\xff\xe2\x80x\xc0\xaf\xed\xa0\x80' \
		| tsv-selftest utf8 > "$BATS_TEST_TMPDIR/out"
	printf 'U+0061 1\nU+00E9 2\nU+201C 3\nU+1F600 4\nbad 1\nbad 2\nU+0078 1\nbad 1\nbad 1\nbad 1\nbad 1\nbad 1\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "columns: added column is appended, existing one replaced in place" {
	printf 'doc\ttext\tx\na\tb\\tc\ty\n' > "$BATS_TEST_TMPDIR/in"
	printf 'doc\ttext\tx\tnew\na\tB\\tC\ty\t\n' > "$BATS_TEST_TMPDIR/exp"
	tsv-selftest copy text new -- "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "unknown columns and their escapes pass through byte for byte" {
	printf 'doc\tzz\ttext\n\\q\\t\0\xff\ta\\\\b\tc\n' > "$BATS_TEST_TMPDIR/in"
	printf 'doc\tzz\ttext\n\\q\\t\0\xff\ta\\\\b\tC\n' > "$BATS_TEST_TMPDIR/exp"
	tsv-selftest copy text -- "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "a repeated identical header is skipped (cat a b)" {
	printf 'doc\ttext\na\tx\n' > "$BATS_TEST_TMPDIR/a"
	printf 'doc\ttext\nb\ty\n' > "$BATS_TEST_TMPDIR/b"
	cat "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" | tsv-selftest copy text > "$BATS_TEST_TMPDIR/out"
	printf 'doc\ttext\na\tX\nb\tY\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "several files: headers checked, rows concatenated" {
	printf 'doc\ttext\na\tx\n' > "$BATS_TEST_TMPDIR/a"
	printf 'doc\ttext\nb\ty\n' > "$BATS_TEST_TMPDIR/b"
	tsv-selftest copy text -- "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" > "$BATS_TEST_TMPDIR/out"
	printf 'doc\ttext\na\tX\nb\tY\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "a file with a different header is an error naming both files" {
	printf 'doc\ttext\na\tx\n' > "$BATS_TEST_TMPDIR/a"
	printf 'doc\tother\nb\ty\n' > "$BATS_TEST_TMPDIR/b"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr tsv-selftest copy text -- a b
	[ "$status" -eq 1 ]
	[ "$stderr" = "tsv-selftest: b:1: header differs from the header of a" ]
	[ "$output" = "$(printf 'doc\ttext\na\tX')" ]
}

@test "wrong field count: file, line, counts; rows before it stay written" {
	printf 'doc\ttext\na\tx\nb\ty\tz\nc\tw\n' > "$BATS_TEST_TMPDIR/in"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr tsv-selftest copy text -- in
	[ "$status" -eq 1 ]
	[ "$stderr" = "tsv-selftest: in:3: row has 3 fields, header has 2" ]
	[ "$output" = "$(printf 'doc\ttext\na\tX')" ]
}

@test "an empty line under a two-column header is a field-count error" {
	run --separate-stderr bash -c "printf 'doc\ttext\n\na\tb\n' | tsv-selftest copy text"
	[ "$status" -eq 1 ]
	[ "$stderr" = "tsv-selftest: <stdin>:2: row has 1 field, header has 2" ]
}

@test "an empty line under a one-column header is a row of one empty field" {
	printf 'text\n\nb\n' > "$BATS_TEST_TMPDIR/in"
	tsv-selftest copy text < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	printf 'text\n\nB\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "missing column names the tool that writes it" {
	run --separate-stderr bash -c "printf 'a\tb\n1\t2\n' | tsv-selftest docs"
	[ "$status" -eq 1 ]
	[ "$stderr" = "tsv-selftest: <stdin>:1: missing column 'doc' (news-split writes it)" ]
}

@test "a column named twice is ambiguous" {
	run --separate-stderr bash -c "printf 'doc\tdoc\n1\t2\n' | tsv-selftest docs"
	[ "$status" -eq 1 ]
	[ "$stderr" = "tsv-selftest: <stdin>:1: column 'doc' appears twice" ]
}

@test "CRLF line ends are read as LF on every line; a BOM is stripped" {
	printf '\xef\xbb\xbfdoc\ttext\r\na\tx\r\nb\ty' > "$BATS_TEST_TMPDIR/in"
	tsv-selftest copy text < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	printf 'doc\ttext\na\tX\nb\tY\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "empty input gives empty output and exit 0; header only gives the header" {
	run bash -c ': | tsv-selftest copy text | wc -c'
	[ "$status" -eq 0 ]
	[ "$output" -eq 0 ]
	run bash -c "printf 'doc\ttext\n' | tsv-selftest copy text new"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'doc\ttext\tnew')" ]
}

@test "documents: runs are found and a document that comes back is an error" {
	printf 'doc\nA\nA\nB\nC\nC\nA\n' > "$BATS_TEST_TMPDIR/in"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr tsv-selftest docs in
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf 'A\nB\nC')" ]
	[ "$stderr" = "tsv-selftest: in:7: document 'A' appears again" ]
}

@test "documents: many distinct documents are tracked" {
	seq 1 5000 | awk 'BEGIN { print "doc" } { print "d" $1; print "d" $1 }' > "$BATS_TEST_TMPDIR/in"
	run tsv-selftest docs "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5000 ]
}

@test "an unreadable file is reported, the others are read, exit 1" {
	printf 'doc\ttext\na\tx\n' > "$BATS_TEST_TMPDIR/a"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr tsv-selftest copy text -- nosuch a
	[ "$status" -eq 1 ]
	[ "$stderr" = "tsv-selftest: nosuch: No such file or directory" ]
	[ "$output" = "$(printf 'doc\ttext\na\tX')" ]
}

@test "a directory operand is an error, not an empty file" {
	run --separate-stderr news-to-csv /
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-to-csv: /: Is a directory" ]
}

@test "a full disk is a write error and exit 1" {
	run --separate-stderr bash -c "printf 'doc\ttext\na\tb\n' | news-to-csv > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-to-csv: write error: No space left on device" ]
}

@test "a closed pipe ends the tool quietly (SIGPIPE)" {
	run --separate-stderr bash -c "yes 'a	b' | head -c 3000000 | sed '1i doc\ttext' | news-to-csv | head -1; echo \"\${PIPESTATUS[3]}\""
	[ "$stderr" = "" ]
	[ "${lines[0]}" = "$(printf 'doc,text\r')" ]
	[ "${lines[1]}" = 141 ] || [ "${lines[1]}" = 0 ]
}

@test "with SIGPIPE ignored, a closed pipe is 'write error: Broken pipe', exit 1" {
	run --separate-stderr bash -c "trap '' PIPE; yes 'a	b' 2>/dev/null | head -c 3000000 2>/dev/null | sed '1i doc\ttext' 2>/dev/null | news-to-csv | head -1 >/dev/null 2>&1; echo \"\${PIPESTATUS[3]}\""
	[ "$output" = 1 ]
	[ "$stderr" = "news-to-csv: write error: Broken pipe" ]
}

@test "usage errors exit 2 with a hint; --help and --version exit 0 on stdout" {
	run --separate-stderr news-to-csv --bogus
	[ "$status" -eq 2 ]
	[ "$stderr" = "$(printf "news-to-csv: unknown option '--bogus'\nTry 'news-to-csv --help' for more information.")" ]
	run --separate-stderr news-to-csv -x
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "news-to-csv: unknown option '-x'" ]
	run --separate-stderr news-to-csv --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "usage: news-to-csv [--line-buffered] [file ...]" ]
	run --separate-stderr news-to-csv --version
	[ "$status" -eq 0 ]
	[ "$output" = "news-to-csv (newsline) 0.1.0" ]
}

@test "--help into a full disk exits 1" {
	run bash -c 'news-to-csv --help > /dev/full'
	[ "$status" -eq 1 ]
}

@test "every tool answers --help, --version and rejects a bad option with exit 2" {
	for t in "$NEWS_BIN"/news-*; do
		name=${t##*/}
		run "$t" --version
		[ "$status" -eq 0 ]
		[ "$output" = "$name (newsline) 0.1.0" ]
		run "$t" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: $name"* ]]
		run "$t" --no-such-option
		[ "$status" -eq 2 ]
	done
}

@test "a 50 MB line passes through whole" {
	head -c 50000000 /dev/zero | tr '\0' 'x' > "$BATS_TEST_TMPDIR/long"
	{ printf 'doc\ttext\na\t'; cat "$BATS_TEST_TMPDIR/long"; printf '\n'; } > "$BATS_TEST_TMPDIR/in"
	{ printf 'doc\ttext\nA\t'; cat "$BATS_TEST_TMPDIR/long"; printf '\n'; } > "$BATS_TEST_TMPDIR/exp"
	tsv-selftest copy doc -- "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "make install puts every tool and man page under DESTDIR/PREFIX" {
	make -s -C "$TESTS/.." install DESTDIR="$BATS_TEST_TMPDIR/root" PREFIX=/usr >/dev/null
	for t in "$TESTS"/../tools/news-*.c; do
		name=$(basename "$t" .c)
		[ -x "$BATS_TEST_TMPDIR/root/usr/bin/$name" ]
		[ -f "$BATS_TEST_TMPDIR/root/usr/share/man/man1/$name.1" ]
	done
	run "$BATS_TEST_TMPDIR/root/usr/bin/news-to-csv" --version
	[ "$output" = "news-to-csv (newsline) 0.1.0" ]
}

@test "a long option without its argument is named as typed" {
	run --separate-stderr news-normalize --column
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "news-normalize: option '--column' needs an argument" ]
	run --separate-stderr news-normalize -c
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "news-normalize: option '-c' needs an argument" ]
}

@test "every long option in every tool's --help is in its man page and in the README" {
	for t in "$NEWS_BIN"/news-*; do
		name=${t##*/}
		for o in $("$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
			grep -q -- "${o#--}" "$TESTS/../tools/$name.1" || { echo "$name $o: man page"; return 1; }
			grep -q -- "$o" "$TESTS/../README.md" || { echo "$name $o: README"; return 1; }
		done
	done
}
