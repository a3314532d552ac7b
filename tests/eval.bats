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
