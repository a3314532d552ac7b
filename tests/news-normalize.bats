#!/usr/bin/env bats
# news-normalize: the text clean-up rules, one fixture per group, plus the
# stream contract (errors, odd input, pass-through columns, idempotence).

load helper

N="$FIX/news-normalize"
X="$EXP/news-normalize"

setup_file() {
	# A 50 MB field: "word" and a no-break space, repeated; it must come out
	# with plain spaces and the trailing one trimmed.
	python3 - "$BATS_FILE_TMPDIR" <<'PY'
import sys
d = sys.argv[1]
n = 10_000_000
with open(d + "/long.tsv", "wb") as f:
    f.write(b"doc\ttext\nd1\t")
    f.write(b"word\xc2\xa0" * n)
    f.write(b"\n")
with open(d + "/long.exp", "wb") as f:
    f.write(b"doc\ttext\nd1\t")
    f.write(b"word " * (n - 1) + b"word\n")
PY
}

rule() {	# rule NAME [OPTION]: fixture NAME.tsv gives expected NAME.out
	check_out "$X/$1${2:+-a}.out" "news-normalize $2 '$N/$1.tsv'"
}

@test "HTML entities: named, numeric, &nbsp;, double-encoded; bare & and unknown stay" {
	rule entities
}

@test "mojibake: UTF-8 read as Windows-1252 is repaired, real text is not" {
	rule mojibake
}

@test "space characters, TAB, newline escapes: one plain space, trimmed" {
	rule spaces
}

@test "invisible characters and controls are removed, emoji joiners kept" {
	rule invisible
}

@test "compatibility forms folded, NFC composed, hyphen and dash variants" {
	rule fold
}

@test "quotation marks: form from the neighbours, none added or removed" {
	rule quotes
}

@test "apostrophes become ASCII; plural possessive, decades, elisions" {
	rule apostrophes
}

@test "dashes by role: spaced - -- and en dash become em dash" {
	rule dashes
}

@test "varied news sentences (sport, business, courts, science)" {
	rule varied
}

@test "default mode on the ASCII fixture keeps typographic forms" {
	rule ascii
}

@test "--ascii writes ASCII punctuation" {
	rule ascii -a
	check_out "$X/ascii-a.out" "news-normalize --ascii '$N/ascii.tsv'"
}

@test "no quotation mark is added or removed (count per row)" {
	for f in quotes apostrophes entities ascii; do
		news-normalize "$N/$f.tsv" > "$BATS_TEST_TMPDIR/out"
		python3 - "$N/$f.tsv" "$BATS_TEST_TMPDIR/out" <<'PY'
import html, sys
marks = "\"“”„‟«»"
a = [l.split("\t")[1] for l in open(sys.argv[1], encoding="utf-8")]
b = [l.split("\t")[1] for l in open(sys.argv[2], encoding="utf-8")]
for x, y in zip(a, b):
    while html.unescape(x) != x:
        x = html.unescape(x)
    n = sum(x.count(c) for c in marks if c not in "«»")
    m = sum(y.count(c) for c in "\"“”")
    assert n == m, (x, y)
PY
	done
}

@test "NFC: NormalizationTest.txt subset (source and NFD columns give the NFC column)" {
	news-normalize "$N/nfc-test.tsv" > "$BATS_TEST_TMPDIR/a"
	run awk -F'\t' 'NR > 1 && $1 != $2 { bad++ } END { print NR, bad + 0 }' "$BATS_TEST_TMPDIR/a"
	[ "$output" = "2432 0" ]
	news-normalize --column nfd "$N/nfc-test.tsv" > "$BATS_TEST_TMPDIR/b"
	run awk -F'\t' 'NR > 1 && $3 != $2 { bad++ } END { print NR, bad + 0 }' "$BATS_TEST_TMPDIR/b"
	[ "$output" = "2432 0" ]
}

@test "other columns pass through byte for byte" {
	rule passthrough
}

@test "--column NAME cleans that column only" {
	printf 'text\tnote\n  a  b \t  "x"  \n' > "$BATS_TEST_TMPDIR/in"
	news-normalize -c note "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	printf 'text\tnote\n  a  b \t\xe2\x80\x9cx\xe2\x80\x9d\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "idempotent on every fixture, in both modes" {
	for f in "$N"/*.tsv; do
		for o in "" --ascii; do
			news-normalize $o "$f" > "$BATS_TEST_TMPDIR/once"
			news-normalize $o "$BATS_TEST_TMPDIR/once" > "$BATS_TEST_TMPDIR/twice"
			same_bytes "$BATS_TEST_TMPDIR/once" "$BATS_TEST_TMPDIR/twice"
		done
	done
}

@test "idempotent on the whole corpus split into sentences" {
	# news-split's rows when it works; else one row per line (awk)
	if ! news-split "$CORPUS"/articles/*.txt "$CORPUS"/dev/docs/*.txt \
	    > "$BATS_TEST_TMPDIR/s.tsv" 2> /dev/null; then
		for f in "$CORPUS"/articles/*.txt "$CORPUS"/dev/docs/*.txt; do
			awk -v d="$(basename "$f" .txt)" 'BEGIN { print "doc\ttext" }
			    { gsub(/\\/, "\\\\"); gsub(/\t/, "\\t"); print d "\t" $0 }' "$f"
		done > "$BATS_TEST_TMPDIR/s.tsv"
	fi
	[ "$(wc -l < "$BATS_TEST_TMPDIR/s.tsv")" -gt 300 ]
	for o in "" --ascii; do
		news-normalize $o "$BATS_TEST_TMPDIR/s.tsv" > "$BATS_TEST_TMPDIR/once"
		news-normalize $o "$BATS_TEST_TMPDIR/once" > "$BATS_TEST_TMPDIR/twice"
		same_bytes "$BATS_TEST_TMPDIR/once" "$BATS_TEST_TMPDIR/twice"
		# the corpus has curly apostrophes; none survives
		! grep -q '’s' "$BATS_TEST_TMPDIR/once"
	done
}

@test "invalid UTF-8: each maximal subpart becomes U+FFFD, counted once per input" {
	printf 'text\na\xffb\xe2\x80c\n\xf0\x9f\xf0\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	printf 'text\nok\xc3\n' > "$BATS_TEST_TMPDIR/bad2.tsv"
	run --separate-stderr news-normalize "$BATS_TEST_TMPDIR/bad.tsv" "$BATS_TEST_TMPDIR/bad2.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "news-normalize: $BATS_TEST_TMPDIR/bad.tsv: 4 invalid UTF-8 sequences replaced
news-normalize: $BATS_TEST_TMPDIR/bad2.tsv: 1 invalid UTF-8 sequence replaced" ]
	printf 'text\na\xef\xbf\xbdb\xef\xbf\xbdc\n\xef\xbf\xbd\xef\xbf\xbd\nok\xef\xbf\xbd\n' > "$BATS_TEST_TMPDIR/exp"
	news-normalize "$BATS_TEST_TMPDIR/bad.tsv" "$BATS_TEST_TMPDIR/bad2.tsv" 2> /dev/null > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "invalid UTF-8 in other columns is carried through and not counted" {
	run --separate-stderr bash -c "printf 'x\ttext\n\xff\tok\n' | news-normalize | od -An -tx1"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = " 78 09 74 65 78 74 0a ff 09 6f 6b 0a" ]
}

@test "NUL bytes in the column are removed" {
	printf 'text\na\0b \0 c\0\n' | news-normalize > "$BATS_TEST_TMPDIR/out"
	printf 'text\nab c\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "missing column names it and the tool that writes it" {
	run --separate-stderr bash -c "printf 'doc\tbody\nd\tx\n' | news-normalize"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: <stdin>:1: missing column 'text' (news-split writes it)" ]
	[ "$output" = "" ]
	run --separate-stderr bash -c "printf 'doc\ttext\nd\tx\n' | news-normalize --column body"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: <stdin>:1: missing column 'body'" ]
}

@test "a stream that already has entities: exit 1 for text, fine for another column" {
	run --separate-stderr bash -c "printf 'doc\ttext\tentities\nd\tx\t\n' | news-normalize"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: <stdin>:1: the stream already has 'entities', whose offsets point into 'text': run news-normalize before news-tag-entities" ]
	[ "$output" = "" ]
	run --separate-stderr bash -c "printf 'doc\ttext\tentities\tnote\nd\tx\t\t a\n' | news-normalize -c note"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'doc\ttext\tentities\tnote\nd\tx\t\ta')" ]
}

@test "wrong field count is an error with file and line" {
	run --separate-stderr bash -c "printf 'doc\ttext\nd\tok\nd\n' | news-normalize"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: <stdin>:3: row has 1 field, header has 2" ]
	[ "$output" = "$(printf 'doc\ttext\nd\tok')" ]
}

@test "empty input gives no output and exit 0" {
	run --separate-stderr bash -c ': | news-normalize | wc -c'
	[ "$status" -eq 0 ]
	[ "$output" = 0 ]
	[ "$stderr" = "" ]
}

@test "header only gives the header only" {
	printf 'doc\ttext\n' | news-normalize > "$BATS_TEST_TMPDIR/out"
	printf 'doc\ttext\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "CRLF input and no final newline" {
	printf 'doc\ttext\r\nd\t a  b \r\nd\t"c"' | news-normalize > "$BATS_TEST_TMPDIR/out"
	printf 'doc\ttext\nd\ta b\nd\t\xe2\x80\x9cc\xe2\x80\x9d\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "a repeated identical header (cat a b) is skipped" {
	printf 'text\na\n' > "$BATS_TEST_TMPDIR/a"
	cat "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/a" | news-normalize > "$BATS_TEST_TMPDIR/out"
	printf 'text\na\na\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "a 50 MB field is cleaned whole" {
	news-normalize "$BATS_FILE_TMPDIR/long.tsv" > "$BATS_TEST_TMPDIR/out"
	cmp "$BATS_FILE_TMPDIR/long.exp" "$BATS_TEST_TMPDIR/out"
}

@test "> /dev/full: write error, exit 1" {
	run --separate-stderr bash -c "news-normalize '$BATS_FILE_TMPDIR/long.tsv' > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: write error: No space left on device" ]
}

@test "| head -1 ends quietly" {
	run --separate-stderr bash -c "news-normalize '$BATS_FILE_TMPDIR/long.tsv' '$N/quotes.tsv' | head -c 10 > /dev/null; echo \${PIPESTATUS[0]}"
	[ "$stderr" = "" ]
	[ "$output" = 0 ] || [ "$output" = 141 ]
}

@test "an unreadable file is reported, the others are read, exit 1" {
	run --separate-stderr news-normalize "$BATS_TEST_TMPDIR/nope" "$N/spaces.tsv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: $BATS_TEST_TMPDIR/nope: No such file or directory" ]
	[ "${#lines[@]}" -eq 12 ]
}

@test "bad options exit 2 with a hint" {
	run --separate-stderr news-normalize --bogus
	[ "$status" -eq 2 ]
	[ "$stderr" = "news-normalize: unknown option '--bogus'
Try 'news-normalize --help' for more information." ]
	run --separate-stderr news-normalize -c
	[ "$status" -eq 2 ]
	[ "$stderr" = "news-normalize: option '-c' needs an argument
Try 'news-normalize --help' for more information." ]
	run --separate-stderr news-normalize --column
	[ "$status" -eq 2 ]
	run --separate-stderr news-normalize -x
	[ "$status" -eq 2 ]
}

@test "--help and --version" {
	run news-normalize --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "usage: news-normalize [-a] [-c NAME] [--line-buffered] [file ...]" ]
	[[ "$output" == *'$ news-split'* ]]
	run news-normalize --version
	[ "$output" = "news-normalize (newsline) 0.1.0" ]
}

@test "every long option in --help is in the man page" {
	opts=$(news-normalize --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ -n "$opts" ]
	for o in $opts; do
		grep -q -- "${o#--}" "$TESTS/../tools/news-normalize.1" || { echo "missing $o"; return 1; }
	done
}

@test "--line-buffered gives the same bytes" {
	news-normalize --line-buffered "$N/quotes.tsv" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$X/quotes.out" "$BATS_TEST_TMPDIR/out"
}

@test "idempotent on random strings of the characters the rules touch" {
	run python3 "$N/fuzz.py" 11 "$(command -v news-normalize)" 5000
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "seed 11 non-idempotent 0" ]
}

@test "the generated tables are what the generators write" {
	src=/tmp/pkgs/x/usr/share/unicode
	[ -f "$src/UnicodeData.txt" ] || skip "unicode-data 15.0 not unpacked in $src"
	python3 "$TESTS/../lib/gen_unicode.py" "$src" "$BATS_TEST_TMPDIR"
	cmp "$TESTS/../lib/unicode_data.c" "$BATS_TEST_TMPDIR/lib/unicode_data.c"
	cmp "$N/nfc-test.tsv" "$BATS_TEST_TMPDIR/tests/fixtures/news-normalize/nfc-test.tsv"
	python3 "$TESTS/../lib/gen_entities.py" "$BATS_TEST_TMPDIR"
	cmp "$TESTS/../lib/html_entities.c" "$BATS_TEST_TMPDIR/html_entities.c"
}

@test "NFC: a long run of combining marks is put in canonical order" {
	python3 -c '
import sys
sys.stdout.buffer.write(("text\na" + "\u0316\u0301" * 100000 + "\n").encode())' > "$BATS_TEST_TMPDIR/in"
	python3 -c '
import sys
sys.stdout.buffer.write(("text\n\u00e1" + "\u0316" * 100000 + "\u0301" * 99999 + "\n").encode())' > "$BATS_TEST_TMPDIR/exp"
	news-normalize "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	cmp "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}
