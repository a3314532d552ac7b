#!/usr/bin/env bats
# news-split: sentence rows, paragraphs, zones, raw and --tsv input, bad input.

load helper

F="$FIX/news-split"
E="$EXP/news-split"

setup_file() {
	# a 50 MB document on one line: 1,111,111 sentences of 45 bytes, no final newline
	python3 -c '
import sys
s = b"The quick brown fox jumps over the lazy dog. "
sys.stdout.buffer.write(s * (50 * 1000 * 1000 // len(s)))' > "$BATS_FILE_TMPDIR/big.txt"
	# a 50 MB single sentence with no punctuation at all
	python3 -c '
import sys
sys.stdout.buffer.write(b"word " * 10000000 + b"end\n")' > "$BATS_FILE_TMPDIR/one-sentence.txt"
}

# --- options and documentation ------------------------------------------------

@test "news-split: --help prints the usage on stdout and exits 0" {
	run -0 news-split --help
	[[ "${lines[0]}" == "usage: news-split [-t] [-d NAME] [--line-buffered] [file ...]" ]]
	[[ "$output" == *'$ news-split'* ]]
}

@test "news-split: --version prints one line" {
	run -0 news-split --version
	[ "$output" = "news-split (newsline) 0.1.0" ]
}

@test "news-split: every long option in --help is in the man page" {
	run -0 news-split --help
	opts=$(printf '%s\n' "$output" | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ -n "$opts" ]
	for o in $opts; do
		grep -q -- "${o#--}" "$TESTS/../tools/news-split.1" || { echo "missing $o"; return 1; }
	done
}

@test "news-split: an unknown option is a usage error (exit 2)" {
	run -2 --separate-stderr news-split --bogus
	[ "$stderr" = "news-split: unknown option '--bogus'
Try 'news-split --help' for more information." ]
	[ -z "$output" ]
}

@test "news-split: -d without its argument is a usage error (exit 2)" {
	run -2 --separate-stderr news-split -d
	[ "$stderr" = "news-split: option '-d' needs an argument
Try 'news-split --help' for more information." ]
}

@test "news-split: --doc with --tsv is a usage error (exit 2)" {
	run -2 --separate-stderr news-split --tsv --doc x "$F/articles.tsv"
	[ "$stderr" = "news-split: --doc cannot be used with --tsv (the doc column names the documents)
Try 'news-split --help' for more information." ]
	[ -z "$output" ]
}

# --- sentences ----------------------------------------------------------------

@test "news-split: the sentence table (113 cases) splits as expected" {
	run python3 "$F/run_sentences.py" "$F/sentences.tsv" news-split
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" == "113 cases, 0 failed" ]]
}

# --- paragraphs and zones: fixed expected outputs -----------------------------

@test "news-split: paragraphs: hard-wrapped blocks, web lines, 80 characters not bytes" {
	check_out "$E/paragraphs.out" "news-split '$F/paragraphs.txt'"
}

@test "news-split: zones of a web page (title, byline, meta, caption, heading, boilerplate)" {
	check_out "$E/web-page.out" "news-split '$F/web-page.txt'"
}

@test "news-split: a hard-wrapped article: standalone lines, dateline, heading" {
	check_out "$E/hard-wrapped.out" "news-split '$F/hard-wrapped.txt'"
}

@test "news-split: a press release: PRNewswire dateline, list items, headings" {
	check_out "$E/press-release.out" "news-split '$F/press-release.txt'"
}

@test "news-split: a sports page: breadcrumbs before the title, related links" {
	check_out "$E/sports-page.out" "news-split '$F/sports-page.txt'"
}

@test "news-split: business, court, sport and science sentences" {
	check_out "$E/mixed-topics.out" "news-split '$F/mixed-topics.txt'"
}

@test "news-split: a wire story: AP dateline, FILE caption and credit, contributor, copyright" {
	check_out "$E/wire-story.out" "news-split '$F/wire-story.txt'"
}

@test "news-split: a page as lines: standfirst, author line, topic links after their header" {
	check_out "$E/web-lines.out" "news-split '$F/web-lines.txt'"
}

@test "news-split: body sentences that start with furniture words stay body" {
	check_out "$E/not-furniture.out" "news-split '$F/not-furniture.txt'"
}

@test "news-split: bylines start with By and a name, not a day or a sentence" {
	check_out "$E/bylines.out" "news-split '$F/bylines.txt'"
}

@test "news-split: a subheading line inside a hard-wrapped block is its own row" {
	check_out "$E/subheading-in-block.out" "news-split '$F/subheading-in-block.txt'"
}

@test "news-split: captions: labels, credit under the headline, WATCH is no dateline" {
	check_out "$E/captions.out" "news-split '$F/captions.txt'"
}

@test "news-split: seed article with app banner, caption and site footer" {
	check_out "$E/003_d7124cf86ca11ffe.out" "news-split '$CORPUS/articles/003_d7124cf86ca11ffe.txt'"
}

@test "news-split: dev article with menu, byline and author box" {
	check_out "$E/dev10_shropshirestar_drink_driver.out" \
	    "news-split '$CORPUS/dev/docs/dev10_shropshirestar_drink_driver.txt'"
}

@test "news-split: dev pages: glued byline-date, repeated title, photo credit" {
	check_out "$E/dev04_pravda_kos_eu.out" "news-split '$CORPUS/dev/docs/dev04_pravda_kos_eu.txt'"
}

@test "news-split: dev pages: date with share icons, dateline with a colon" {
	check_out "$E/dev06_wenews_dutch_collapse.out" "news-split '$CORPUS/dev/docs/dev06_wenews_dutch_collapse.txt'"
}

@test "news-split: dev pages: published line, video caption and credit" {
	check_out "$E/dev09_tntsports_psg_final.out" "news-split '$CORPUS/dev/docs/dev09_tntsports_psg_final.txt'"
}

@test "news-split: dev pages: menu lines, dateline with a dash, contributor line" {
	check_out "$E/dev11_wnep_crowdstrike.out" "news-split '$CORPUS/dev/docs/dev11_wnep_crowdstrike.txt'"
}

# --- the corpus: no text lost, paragraphs as annotated ------------------------

@test "news-split: corpus: no text lost, para and sent numbered 1..N" {
	news-split "$CORPUS"/articles/*.txt "$CORPUS"/dev/docs/*.txt > "$BATS_TEST_TMPDIR/all.tsv"
	run python3 "$F/check_paragraphs.py" "$BATS_TEST_TMPDIR/all.tsv" \
	    "$CORPUS"/articles/*.txt "$CORPUS"/dev/docs/*.txt
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "news-split: fixtures: no text lost" {
	news-split "$F"/*.txt > "$BATS_TEST_TMPDIR/all.tsv"
	run python3 "$F/check_paragraphs.py" "$BATS_TEST_TMPDIR/all.tsv" "$F"/*.txt
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "news-split: corpus/gold paragraphs: counts and first words match" {
	news-split "$CORPUS"/articles/*.txt > "$BATS_TEST_TMPDIR/all.tsv"
	run python3 "$F/check_paragraphs.py" --gold "$CORPUS/gold/paragraphs.tsv" "$BATS_TEST_TMPDIR/all.tsv"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "5 documents, 93 paragraphs, 0 problems" ]
}

@test "news-split: corpus/dev paragraphs: counts and first words match" {
	news-split "$CORPUS"/dev/docs/*.txt > "$BATS_TEST_TMPDIR/all.tsv"
	run python3 "$F/check_paragraphs.py" --gold "$CORPUS/dev/paragraphs.tsv" "$BATS_TEST_TMPDIR/all.tsv"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "12 documents, 140 paragraphs, 0 problems" ]
}

@test "news-split: 300 random documents: no crash, no text lost, raw and --tsv agree" {
	d="$BATS_TEST_TMPDIR/fuzz"
	mkdir -p "$d"
	python3 "$F/fuzz_docs.py" "$d" 300 7
	news-split "$d"/f*.txt > "$d/raw.out"
	run python3 "$F/check_paragraphs.py" "$d/raw.out" "$d"/f*.txt
	echo "$output"
	[ "$status" -eq 0 ]
	news-split --tsv "$d/all.tsv" > "$d/tsv.out"
	cut -f1-5 "$d/tsv.out" > "$d/tsv5.out"
	same_bytes "$d/raw.out" "$d/tsv5.out"
	[ "$(cut -f6 "$d/tsv.out" | sort -u | tr '\n' ' ')" = "X x " ]
}

# --- raw input: documents and files -------------------------------------------

@test "news-split: doc is the base name without extension; stdin is 'stdin'" {
	mkdir -p "$BATS_TEST_TMPDIR/d.x"
	printf 'One. Two.\n' > "$BATS_TEST_TMPDIR/d.x/name.v1.txt"
	run -0 bash -c "printf 'Three.\n' | news-split '$BATS_TEST_TMPDIR/d.x/name.v1.txt' -"
	[ "$output" = "doc	para	sent	zone	text
name.v1	1	1	body	One.
name.v1	1	2	body	Two.
stdin	1	1	body	Three." ]
}

@test "news-split: --line-buffered writes the same rows" {
	check_out "$E/web-page.out" "news-split --line-buffered '$F/web-page.txt'"
}

@test "news-split: --doc names the document" {
	run -0 bash -c "printf 'Hello there.\n' | news-split --doc 'my doc'"
	[ "$output" = "doc	para	sent	zone	text
my doc	1	1	body	Hello there." ]
}

@test "news-split: two inputs with the same doc are an error naming both, nothing written" {
	mkdir -p "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	echo 'A.' > "$BATS_TEST_TMPDIR/a/x.txt"
	echo 'B.' > "$BATS_TEST_TMPDIR/b/x.md"
	cd "$BATS_TEST_TMPDIR"
	run -1 --separate-stderr news-split a/x.txt b/x.md
	[ "$stderr" = "news-split: a/x.txt and b/x.md both give document 'x'" ]
	[ -z "$output" ]
}

@test "news-split: --doc with two files is the same error" {
	cd "$CORPUS/articles"
	run -1 --separate-stderr news-split --doc d 000_b5745c06e268ba25.txt 001_c788a5a7159858c4.txt
	[ "$stderr" = "news-split: 000_b5745c06e268ba25.txt and 001_c788a5a7159858c4.txt both give document 'd'" ]
}

@test "news-split: a directory is reported (status 1) and the next file still split" {
	mkdir -p "$BATS_TEST_TMPDIR/dir"
	echo 'Next file.' > "$BATS_TEST_TMPDIR/next.txt"
	cd "$BATS_TEST_TMPDIR"
	run -1 --separate-stderr news-split dir next.txt
	[ "$stderr" = "news-split: dir: Is a directory" ]
	[ "$output" = "doc	para	sent	zone	text
next	1	1	body	Next file." ]
}

@test "news-split: a missing file is reported (status 1), the others split" {
	echo 'Here.' > "$BATS_TEST_TMPDIR/here.txt"
	cd "$BATS_TEST_TMPDIR"
	run -1 --separate-stderr news-split nosuch.txt here.txt
	[ "$stderr" = "news-split: nosuch.txt: No such file or directory" ]
	[ "$output" = "doc	para	sent	zone	text
here	1	1	body	Here." ]
}

@test "news-split: an empty file is a document with no rows: header only" {
	: > "$BATS_TEST_TMPDIR/empty.txt"
	check_out "$E/header.out" "news-split '$BATS_TEST_TMPDIR/empty.txt'"
	check_out "$E/header.out" "news-split < /dev/null"
}

@test "news-split: a file of blank lines has no rows" {
	printf '\n  \n\t\n\xc2\xa0\n' > "$BATS_TEST_TMPDIR/blank.txt"
	check_out "$E/header.out" "news-split '$BATS_TEST_TMPDIR/blank.txt'"
}

@test "news-split: CRLF text gives the same rows as LF text" {
	sed 's/$/\r/' "$F/hard-wrapped.txt" > "$BATS_TEST_TMPDIR/hard-wrapped.txt"
	check_out "$E/hard-wrapped.out" "news-split '$BATS_TEST_TMPDIR/hard-wrapped.txt'"
}

@test "news-split: no final newline: the last sentence is kept" {
	printf 'First. Last one without newline' > "$BATS_TEST_TMPDIR/nofinal.txt"
	run -0 news-split "$BATS_TEST_TMPDIR/nofinal.txt"
	[ "${lines[2]}" = "nofinal	1	2	body	Last one without newline" ]
}

@test "news-split: invalid UTF-8 and NUL bytes are carried through unchanged" {
	check_out "$E/invalid-bytes.out" "news-split '$F/invalid-bytes.txt'"
}

@test "news-split: a leading UTF-8 BOM is not text" {
	printf '\xef\xbb\xbfHello. World.\n' > "$BATS_TEST_TMPDIR/bom.txt"
	run -0 news-split "$BATS_TEST_TMPDIR/bom.txt"
	[ "${lines[1]}" = "bom	1	1	body	Hello." ]
}

@test "news-split: tabs, backslashes and CR in text are escaped" {
	printf 'A\ttab and a \\ backslash and a\rCR. Next.\n' > "$BATS_TEST_TMPDIR/esc.txt"
	run -0 news-split "$BATS_TEST_TMPDIR/esc.txt"
	[ "${lines[1]}" = 'esc	1	1	body	A\ttab and a \\ backslash and a\rCR.' ]
}

# --- --tsv input --------------------------------------------------------------

@test "news-split: --tsv: one article per row, other columns copied after text" {
	check_out "$E/articles.out" "news-split --tsv '$F/articles.tsv'"
}

@test "news-split: --tsv: CRLF stream and CRLF inside the text give the same rows" {
	sed 's/$/\r/; s/\\n/\\r\\n/g' "$F/articles.tsv" > "$BATS_TEST_TMPDIR/crlf.tsv"
	check_out "$E/articles.out" "news-split -t '$BATS_TEST_TMPDIR/crlf.tsv'"
}

@test "news-split: --tsv: empty input (0 bytes) gives no output" {
	run -0 bash -c "news-split --tsv < /dev/null | wc -c"
	[ "$output" -eq 0 ]
}

@test "news-split: --tsv: header only gives the header only" {
	run -0 bash -c "printf 'doc\ttext\tsource\n' | news-split --tsv"
	[ "$output" = "doc	para	sent	zone	text	source" ]
}

@test "news-split: --tsv: a missing column names the column" {
	run -1 --separate-stderr bash -c "printf 'doc\tbody\nx\ty\n' | news-split --tsv"
	[ "$stderr" = "news-split: <stdin>:1: missing column 'text'" ]
	[ -z "$output" ]
}

@test "news-split: --tsv: a wrong field count is an error with file and line" {
	printf 'doc\ttext\na\tFine.\nb\tToo\tmany\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	cd "$BATS_TEST_TMPDIR"
	run -1 --separate-stderr news-split --tsv bad.tsv
	[ "$stderr" = "news-split: bad.tsv:3: row has 3 fields, header has 2" ]
	[ "$output" = "doc	para	sent	zone	text
a	1	1	body	Fine." ]
}

@test "news-split: --tsv: a doc that comes back is an error" {
	run -1 --separate-stderr bash -c "printf 'doc\ttext\na\tOne.\nb\tTwo.\na\tThree.\n' | news-split --tsv"
	[ "$stderr" = "news-split: <stdin>:4: document 'a' appears again" ]
	run -1 --separate-stderr bash -c "printf 'doc\ttext\na\tOne.\na\tTwo.\n' | news-split --tsv"
	[ "$stderr" = "news-split: <stdin>:3: document 'a' appears again" ]
}

@test "news-split: --tsv: input that already has sentence columns is refused" {
	run -1 --separate-stderr bash -c "printf 'doc\tpara\ttext\na\t1\tOne.\n' | news-split --tsv"
	[ "$stderr" = "news-split: <stdin>:1: input already has column 'para' (--tsv reads one article per row)" ]
}

@test "news-split: --tsv: invalid UTF-8 and NUL inside a field are carried through" {
	printf 'doc\ttext\nx\tBad \xff byte. NUL\x00here.\n' > "$BATS_TEST_TMPDIR/in.tsv"
	printf 'doc\tpara\tsent\tzone\ttext\nx\t1\t1\tbody\tBad \xff byte.\nx\t1\t2\tbody\tNUL\x00here.\n' > "$BATS_TEST_TMPDIR/want"
	check_out "$BATS_TEST_TMPDIR/want" "news-split --tsv '$BATS_TEST_TMPDIR/in.tsv'"
}

@test "news-split: --tsv: a repeated identical header is skipped" {
	check_out "$E/articles.out" "{ cat '$F/articles.tsv'; head -1 '$F/articles.tsv'; } | news-split --tsv"
}

# --- large input, output errors -------------------------------------------------

@test "news-split: a 50 MB line is split (1,111,111 sentences)" {
	run -0 bash -c "news-split '$BATS_FILE_TMPDIR/big.txt' | wc -l"
	[ "$output" -eq 1111112 ]
	run -0 bash -c "news-split '$BATS_FILE_TMPDIR/big.txt' | tail -1"
	[ "$output" = "big	1	1111111	body	The quick brown fox jumps over the lazy dog." ]
}

@test "news-split: a 50 MB sentence with no punctuation is one row" {
	run -0 bash -c "news-split '$BATS_FILE_TMPDIR/one-sentence.txt' | tail -1 | wc -c"
	[ "$output" -eq $((50000003 + 23)) ]
}

@test "news-split: output to a full disk fails with exit 1" {
	run -1 --separate-stderr timeout 10 bash -c "news-split '$BATS_FILE_TMPDIR/big.txt' > /dev/full"
	[ "$stderr" = "news-split: write error: No space left on device" ]
	run -1 --separate-stderr timeout 10 bash -c "news-split '$F/web-page.txt' > /dev/full"
	[ "$stderr" = "news-split: write error: No space left on device" ]
}

@test "news-split: a closed pipe ends it quietly (| head -1)" {
	run -0 --separate-stderr bash -c "news-split '$BATS_FILE_TMPDIR/big.txt' | head -1; echo \${PIPESTATUS[0]}"
	[ -z "$stderr" ]
	[ "${lines[0]}" = "doc	para	sent	zone	text" ]
	[[ "${lines[1]}" == 0 || "${lines[1]}" == 141 ]]
}
