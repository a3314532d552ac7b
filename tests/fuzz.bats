#!/usr/bin/env bats
# Bad input for every tool: the fuzz driver (tests/fuzz.py) and the
# robustness rules of FORMAT.md checked across the whole pipeline.
# FUZZ_CASES=N (default 1500) and FUZZ_SEED=S make a longer or different run:
#   FUZZ_CASES=20000 NEWS_BIN=san/bin bats tests/fuzz.bats

load helper

# Each tool's input: the stream the tool before it writes.
setup_file() {
	local d=$BATS_FILE_TMPDIR i
	export PATH="$NEWS_BIN:$PATH"
	for i in $(seq 40); do
		cat "$BATS_TEST_DIRNAME"/../corpus/articles/*.txt
	done > "$d/raw.txt"
	python3 - "$d/raw.txt" "$d/articles.tsv" <<'PY'
import sys
t = open(sys.argv[1], 'rb').read()
e = t.replace(b'\\', b'\\\\').replace(b'\t', b'\\t').replace(b'\n', b'\\n').replace(b'\r', b'\\r')
with open(sys.argv[2], 'wb') as fh:
    fh.write(b'doc\ttext\n')
    for i in range(40):
        fh.write(b'd%d\t%s\n' % (i, e[i * len(e) // 40:(i + 1) * len(e) // 40]))
PY
	news-split --tsv "$d/articles.tsv" > "$d/news-normalize.in"
	news-normalize "$d/news-normalize.in" > "$d/news-tag-entities.in"
	news-tag-entities "$d/news-tag-entities.in" > "$d/news-extract-quotes.in"
	news-extract-quotes "$d/news-extract-quotes.in" > "$d/news-stance.in"
	news-stance --all "$d/news-stance.in" > "$d/news-to-csv.in"
	cp "$d/articles.tsv" "$d/news-split.in"
}

# fuzz TOOL: run the driver's cases for TOOL; it must run some and fail none.
fuzz() {
	run python3 "$TESTS/fuzz.py" -n "${FUZZ_CASES:-1500}" -s "${FUZZ_SEED:-1}" \
		--keep "$BATS_TEST_TMPDIR/failed" --tools "$1" "$NEWS_BIN"
	echo "$output" | head -60
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" =~ ^[1-9][0-9]*\ cases\ .*\ 0\ failed$ ]]
}

@test "fuzz: news-split, raw and --tsv" { fuzz news-split; }
@test "fuzz: news-normalize" { fuzz news-normalize; }
@test "fuzz: news-tag-entities" { fuzz news-tag-entities; }
@test "fuzz: news-extract-quotes" { fuzz news-extract-quotes; }
@test "fuzz: news-stance" { fuzz news-stance; }
@test "fuzz: news-to-csv" { fuzz news-to-csv; }
@test "fuzz: the whole pipeline on raw articles, and stage by stage" { fuzz pipeline,stages; }

# The driver itself must catch a failure: a "tool" that crashes.
@test "fuzz: the driver reports a crashing tool" {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	for t in news-split news-normalize news-tag-entities news-extract-quotes news-stance news-to-csv; do
		ln -s "$NEWS_BIN/$t" "$BATS_TEST_TMPDIR/bin/$t"
	done
	rm "$BATS_TEST_TMPDIR/bin/news-to-csv"
	printf '#!/bin/sh\ncat > /dev/null; kill -SEGV $$\n' > "$BATS_TEST_TMPDIR/bin/news-to-csv"
	chmod +x "$BATS_TEST_TMPDIR/bin/news-to-csv"
	run python3 "$TESTS/fuzz.py" -n 100 --keep "$BATS_TEST_TMPDIR/failed" \
		--tools news-to-csv "$BATS_TEST_TMPDIR/bin"
	[ "$status" -eq 1 ]
	[[ "$output" == *"FAIL case "*"(news-to-csv, "*"exit status -11"* ]]
	ls "$BATS_TEST_TMPDIR"/failed/case*.in
}

# --- FORMAT.md's robustness rules, for every tool at once

TOOLS="news-split news-normalize news-tag-entities news-extract-quotes news-stance news-to-csv"

@test "every tool: > /dev/full exits 1 with 'write error: No space left on device'" {
	local t
	for t in $TOOLS; do
		run "$t" $([ "$t" = news-split ] && echo --tsv) "$BATS_FILE_TMPDIR/$t.in"
		[ "$status" -eq 0 ]
		run -1 --separate-stderr bash -c "$t $([ "$t" = news-split ] && echo --tsv) '$BATS_FILE_TMPDIR/$t.in' > /dev/full"
		[ "$stderr" = "$t: write error: No space left on device" ] || { echo "$t: $stderr"; false; }
	done
	run -1 --separate-stderr bash -c "news-split '$BATS_FILE_TMPDIR/raw.txt' > /dev/full"
	[ "$stderr" = "news-split: write error: No space left on device" ]
}

@test "every tool: | head -1 is quiet, status 0 or 141" {
	local t
	for t in $TOOLS; do
		[ "$(wc -c < "$BATS_FILE_TMPDIR/$t.in")" -gt 300000 ]	# > the 64 KiB buffer
		run --separate-stderr bash -c "$t $([ "$t" = news-split ] && echo --tsv) '$BATS_FILE_TMPDIR/$t.in' | head -1; exit \${PIPESTATUS[0]}"
		[ -z "$stderr" ] || { echo "$t: $stderr"; false; }
		[ "$status" -eq 0 ] || [ "$status" -eq 141 ]
		[ "${#lines[@]}" -eq 1 ]
	done
}

@test "every stream reader: empty input gives no output, exit 0" {
	local t
	for t in "news-split --tsv" news-normalize news-tag-entities news-extract-quotes news-stance news-to-csv; do
		run --separate-stderr bash -c ": | $t | wc -c"
		[ "$status" -eq 0 ] && [ "$output" = 0 ] && [ -z "$stderr" ] || { echo "$t: $output $stderr"; false; }
		run --separate-stderr $t < /dev/null
		[ "$status" -eq 0 ] && [ -z "$output" ] || { echo "$t: $status"; false; }
	done
}

@test "every stream reader: a header-only input gives the header only" {
	local t head want
	for t in news-split news-normalize news-tag-entities news-extract-quotes news-stance; do
		head=$(head -1 "$BATS_FILE_TMPDIR/$t.in")
		# what the tool writes as its header on real rows
		want=$($t $([ "$t" = news-split ] && echo --tsv) "$BATS_FILE_TMPDIR/$t.in" | head -1)
		run --separate-stderr bash -c "printf '%s\n' '$head' | $t $([ "$t" = news-split ] && echo --tsv)"
		[ "$status" -eq 0 ] && [ "$output" = "$want" ] || { echo "$t: [$output] [$want]"; false; }
		# CRLF and no final newline are the same
		run --separate-stderr bash -c "printf '%s\r\n' '$head' | $t $([ "$t" = news-split ] && echo --tsv)"
		[ "$status" -eq 0 ] && [ "$output" = "$want" ]
		run --separate-stderr bash -c "printf '%s' '$head' | $t $([ "$t" = news-split ] && echo --tsv)"
		[ "$status" -eq 0 ] && [ "$output" = "$want" ]
	done
	run bash -c "printf 'doc\ttext\n' | news-to-csv"
	[ "$output" = $'doc,text\r' ]
}

# --- regressions found by the fuzzer

# out_write() was given a NULL pointer for an empty value (UBSan).
@test "regression: an empty text field through news-normalize" {
	printf 'doc\ttext\nd\t\n\t\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr news-normalize "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 0 ]
	[ "$output" = $'doc\ttext\nd\t\n\t' ]
	[ -z "$stderr" ]
}

# doc_start() compared and copied a NULL name for an empty doc (UBSan).
@test "regression: an empty doc, then another document" {
	run --separate-stderr bash -c "printf 'doc\ttext\n\tHello there.\nx\tBye now.\n' | news-split --tsv"
	[ "$status" -eq 0 ]
	[ "$output" = $'doc\tpara\tsent\tzone\ttext\n\t1\t1\tbody\tHello there.\nx\t1\t1\tbody\tBye now.' ]
	run --separate-stderr bash -c "printf 'doc\tpara\tsent\ttext\tentities\n\t1\t1\tHi.\t\n\t1\t2\tHo.\t\nx\t1\t1\tHi.\t\n' | news-extract-quotes"
	[ "$status" -eq 0 ]
	[ "$output" = $'doc\tquote\tpara\tsent\tkind\tspeaker\tmention\tcue\ttext\tcontext' ]
	run --separate-stderr bash -c "printf 'doc\ttext\n\ta\nx\tb\n\tc\n' | news-split --tsv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-split: <stdin>:4: document '' appears again" ]
}

# A record of one empty field was written as an empty line, which CSV
# readers skip: the row was silently lost.
@test "regression: news-to-csv quotes a lone empty field" {
	printf 'text\n\nb\n\n' | news-to-csv > "$BATS_TEST_TMPDIR/out"
	printf 'text\r\n""\r\nb\r\n""\r\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
	run python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))))' "$BATS_TEST_TMPDIR/out"
	[ "$output" = 4 ]
	# two columns: an empty field needs no quotes
	run bash -c "printf 'a\tb\n\t\n' | news-to-csv"
	[ "$output" = $'a,b\r\n,\r' ]
}

# A NUL in a column name cut the name short (the header was silently
# changed: "te\0xt" read as "te").
@test "regression: a NUL byte in a column name is an error" {
	run --separate-stderr bash -c "printf 'doc\tte\0xt\nd\tx\n' | news-to-csv"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ "$stderr" = "news-to-csv: <stdin>:1: column 2's name holds a NUL byte" ]
	run --separate-stderr bash -c "printf 'doc\ttext\0\nd\tx\n' | news-normalize"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: <stdin>:1: column 2's name holds a NUL byte" ]
}

# Entity offsets come from another tool: bad ones are ignored, never trusted.
@test "news-extract-quotes ignores bad, out-of-range and out-of-order entities" {
	local row='d\t1\t1\tPutin said that the war would end soon.\t'
	local head='doc\tpara\tsent\ttext\tentities\n'
	local want=$'doc\tquote\tpara\tsent\tkind\tspeaker\tmention\tcue\ttext\tcontext\nd\t1\t1\t1\tindirect\tPutin\tPutin\tsaid\tthe war would end soon\tPutin said that the war would end soon.'
	local none=$'doc\tquote\tpara\tsent\tkind\tspeaker\tmention\tcue\ttext\tcontext'
	local e
	run --separate-stderr bash -c "printf '$head${row}PER:0-5:Putin\n' | news-extract-quotes"
	[ "$status" -eq 0 ] && [ "$output" = "$want" ]
	for e in 'PER:0-500:Putin' 'PER:5-2:Putin' 'PER:3-3:Putin' 'PER:x-y:Putin' \
	    'PER:0-99999999999999999999999:Putin' 'PER:-1-5:Putin' 'PER:0-5' 'PER:0-5:' \
	    'garbage' '||' 'PER:20-25:X|PER:0-5:Putin'; do
		run --separate-stderr bash -c "printf '$head$row%s\n' '$e' | news-extract-quotes"
		[ "$status" -eq 0 ] && [ "$output" = "$none" ] && [ -z "$stderr" ] || { echo "[$e] $output $stderr"; false; }
	done
	for e in 'garbage|PER:0-5:Putin|PER:0-999:X' '|PER:0-5:Putin|' 'PER:0-5:Putin|PER:2-4:X'; do
		run --separate-stderr bash -c "printf '$head$row%s\n' '$e' | news-extract-quotes"
		[ "$status" -eq 0 ] && [ "$output" = "$want" ] || { echo "[$e] $output $stderr"; false; }
	done
}

# An empty header line left the header buffer NULL, and comparing a later
# empty line with it passed NULL to memcmp (UBSan).
@test "regression: an empty header line, then empty lines" {
	printf '\n\n\n' | news-to-csv > "$BATS_TEST_TMPDIR/out"
	printf '""\r\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
	run --separate-stderr bash -c "printf '\n\nx\n' | news-normalize --column ''"
	[ "$status" -eq 0 ]
	[ "$output" = $'\nx' ]
	run --separate-stderr bash -c "printf '\n\nx\n' | news-normalize"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-normalize: <stdin>:1: missing column 'text' (news-split writes it)" ]
}

# Mojibake of an invisible character ("â€‹", U+200B read as Windows-1252)
# repairs to nothing; the second round compared an empty, NULL buffer (UBSan).
@test "regression: news-normalize, text that repairs to nothing" {
	printf 'doc\ttext\nd\t\xc3\xa2\xe2\x82\xac\xe2\x80\xb9\n' > "$BATS_TEST_TMPDIR/in"
	printf 'doc\ttext\nd\t\n' > "$BATS_TEST_TMPDIR/exp"
	news-normalize "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
	news-normalize --ascii "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}
