#!/usr/bin/env bats
# tests/eval.py (make eval): the scoring functions on hand-made pairs, and a
# whole report on a two-document corpus with stand-in tools
# (tests/fixtures/eval/bin, fixed streams in tests/fixtures/eval/streams).
load helper

EVAL="$TESTS/eval.py"

@test "eval: --selftest scores hand-made gold/prediction pairs right" {
	run python3 "$EVAL" --selftest
	[ "$status" -eq 0 ]
	[ "$output" = "selftest: all checks passed" ]
}

@test "eval: full report on the fixture corpus matches, byte for byte" {
	cd "$FIX/eval"
	NEWS_BIN=bin python3 "$EVAL" --set tiny docs gold --details > "$BATS_TEST_TMPDIR/out"
	same_bytes "$EXP/eval/report.txt" "$BATS_TEST_TMPDIR/out"
}

@test "eval: the summary lines carry the hand-computed scores" {
	cd "$FIX/eval"
	run env NEWS_BIN=bin python3 "$EVAL" --set tiny docs gold
	[ "$status" -eq 0 ]
	[[ "$output" == *"tiny   paragraphs  gold 6, ours 7, first words match 5 (0.833); right count in 1/2 docs"* ]]
	[[ "$output" == *"tiny   entities    rows P 0.875 R 0.875 F1 0.875; mentions F1 0.824; canonical 0.857"* ]]
	[[ "$output" == *"tiny   quotes      any kind P 0.600 R 0.600 F1 0.600; same kind F1 0.400; speaker 0.667"* ]]
	[[ "$output" == *"tiny   stance      target P 0.500 R 0.667 F1 0.571; stance macro-F1 0.333 on 2 matched rows"* ]]
}

@test "eval: a stance row on a document whose gold has none shows as a false positive" {
	cd "$FIX/eval"
	run env NEWS_BIN=bin python3 "$EVAL" --set tiny docs gold
	[[ "$output" == *"<- 1 stance row(s) on a doc with none"* ]]
}

@test "eval: no tools built: every stage says not built yet, exit 0" {
	mkdir -p "$BATS_TEST_TMPDIR/empty"
	cd "$FIX/eval"
	run env NEWS_BIN="$BATS_TEST_TMPDIR/empty" python3 "$EVAL" --set tiny docs gold
	[ "$status" -eq 0 ]
	[ "$(grep -c '^  news-[a-z-]* *not built yet$' <<< "$output")" -eq 5 ]
	[[ "$output" == *"tiny   stance      not scored: news-stance not built yet"* ]]
}

@test "eval: a failing tool is reported, its partial output scored, exit 0" {
	b="$BATS_TEST_TMPDIR/bin"
	cp -R "$FIX/eval/bin" "$b"
	mkdir -p "$BATS_TEST_TMPDIR/streams"
	cp "$FIX/eval/streams/"* "$BATS_TEST_TMPDIR/streams/"
	printf '#!/bin/sh\nhead -n 3\necho "news-tag-entities: oops" >&2\nexit 1\n' > "$b/news-tag-entities"
	cd "$FIX/eval"
	run env NEWS_BIN="$b" python3 "$EVAL" --set tiny docs gold
	[ "$status" -eq 0 ]
	[[ "$output" == *"news-tag-entities    FAILED (exit 1: news-tag-entities: oops; its partial output is scored), 2 rows"* ]]
	[[ "$output" == *"tiny   quotes      any kind P 0.600"* ]]
}

@test "eval: bad usage exits 2" {
	run python3 "$EVAL" --no-such-option
	[ "$status" -eq 2 ]
}

# ---- make bench helpers (no timing is asserted: only shapes and statuses)

@test "bench: bench_corpus.py writes a varied, reproducible doc/text stream" {
	d="$BATS_TEST_TMPDIR"
	python3 "$TESTS/bench_corpus.py" "$d/a.tsv" 0.2 "$CORPUS"/articles/*.txt "$CORPUS"/dev/docs/*.txt 2> /dev/null
	python3 "$TESTS/bench_corpus.py" "$d/b.tsv" 0.2 "$CORPUS"/articles/*.txt "$CORPUS"/dev/docs/*.txt 2> /dev/null
	cmp "$d/a.tsv" "$d/b.tsv"
	[ "$(head -n 1 "$d/a.tsv")" = "$(printf 'doc\ttext')" ]
	[ "$(wc -c < "$d/a.tsv")" -ge 200000 ]
	# two fields on every row, no raw CR, unique doc names
	[ "$(awk -F '\t' 'NF != 2' "$d/a.tsv" | wc -l)" -eq 0 ]
	[ "$(cut -f 1 "$d/a.tsv" | sort | uniq -d | wc -l)" -eq 0 ]
	! grep -q $'\r' "$d/a.tsv"
	# copies of one article differ from each other (shuffled, names, digits)
	[ "$(grep -c '_000_b5745c06e268ba25	' "$d/a.tsv")" -ge 2 ]
	[ "$(grep '_000_b5745c06e268ba25	' "$d/a.tsv" | cut -f 2 | sort -u | wc -l)" -eq \
	  "$(grep -c '_000_b5745c06e268ba25	' "$d/a.tsv")" ]
}

@test "bench: bench_run.py prints median, RSS, runs, status, method" {
	run python3 "$TESTS/bench_run.py" 3 20 /dev/null -- sh -c 'exit 3'
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^[0-9]+\.[0-9]{6}\ [0-9]+\ 3\ 3\ (time|wait4-upper-bound)$ ]]
}

@test "bench: no tools built: all six listed as not built yet, exit 0" {
	mkdir -p "$BATS_TEST_TMPDIR/empty"
	run env NEWS_BIN="$BATS_TEST_TMPDIR/empty" BENCH_DIR="$BATS_TEST_TMPDIR/bench" BENCH_MB=0.05 \
		sh "$TESTS/bench.sh"
	[ "$status" -eq 0 ]
	[ "$(grep -c '^news-[a-z-]* *not built yet$' <<< "$output")" -eq 6 ]
}

@test "bench: each built tool gets a row on its own input stream" {
	run env NEWS_BIN="$FIX/eval/bin" BENCH_DIR="$BATS_TEST_TMPDIR/bench" BENCH_MB=0.05 \
		BENCH_REPEAT=1 sh "$TESTS/bench.sh"
	[ "$status" -eq 0 ]
	[[ "$output" == *"machine: "* ]]
	for t in news-split:articles news-normalize:split news-tag-entities:normalized \
		 news-extract-quotes:tagged news-stance:quotes; do
		grep -Eq "^${t%%:*} +${t#*:}\.tsv +[0-9.]+ .*(meets|misses)" <<< "$output"
	done
	grep -q '^news-to-csv *not built yet$' <<< "$output"
}

@test "bench: bad option exits 2" {
	run sh "$TESTS/bench.sh" --nope
	[ "$status" -eq 2 ]
}
