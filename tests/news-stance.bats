#!/usr/bin/env bats
# news-stance: targets, stance cues, negation, conditions, user targets,
# and the stream contract (bad input, empty input, write errors).
load helper

F="$FIX/news-stance"
E="$EXP/news-stance"

setup_file() {
	# a 50 MB quote row: generated, never committed
	big="$BATS_FILE_TMPDIR/big.tsv"
	{
		printf 'doc\tquote\ttext\tcontext\n'
		printf 'd\t1\t'
		head -c 52428800 /dev/zero | tr '\0' 'x'
		printf ' We want a ceasefire.\tx\n'
	} > "$big"
	# one endless clause with 100000 mentions: must stay linear
	words="$BATS_FILE_TMPDIR/words.tsv"
	{
		printf 'doc\tquote\ttext\tcontext\n'
		printf 'd\t1\t'
		yes 'we want a ceasefire and this truce' | head -n 50000 | tr '\n' ' '
		printf '\tx\n'
	} > "$words"
}

# golden NAME [ARGS...]: news-stance ARGS $F/NAME.tsv must give $E/NAME.out
golden() {
	local name=$1; shift
	news-stance "$@" "$F/$name.tsv" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$E/$name.out" "$BATS_TEST_TMPDIR/out"
}

@test "favor cues: want, need, must, call for, urge, ready to, only path, support, back, welcome" {
	golden favor
}

@test "against cues: reject, never, refuse, will not, unrealistic, red line, don't see that happening, oppose, condemn" {
	golden against
}

@test "negation scope: not believe ... realistic, double negation, bare not is neutral" {
	golden negation
}

@test "conditions, questions and hypotheticals: only if, provided, not the only, whether, consider, ?" {
	golden conditions
}

@test "the verb's object: rejecting a ceasefire vs rejecting calls to stop it" {
	golden object
}

@test "general sentences: every built-in target, inverse phrases (territorial integrity), as-predicates, not against" {
	golden general
}

@test "several targets in one quote, each with its own stance, in table order" {
	golden several
}

@test "anaphora: this/these in the same or next paragraph of a document stands for the target named last" {
	golden anaphora
}

@test "quotes with no target are left out, off-topic deals, talks and bids included" {
	golden notarget
}

@test "off-topic look-alikes (settle a lawsuit, merger talks, never stop fighting, the same weapons, gave up a goal) give no rows" {
	run -0 news-stance "$F/offtopic.tsv"
	[ "$output" = "$(head -n 1 "$F/offtopic.tsv")	target	stance	score	evidence" ]
}

@test "--all writes quotes with no target with four empty columns" {
	news-stance --all "$F/notarget.tsv" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$E/notarget-all.out" "$BATS_TEST_TMPDIR/out"
	run -0 news-stance -a "$F/notarget.tsv"
	[ "${#lines[@]}" -eq 9 ]
}

@test "every evidence is a verbatim part of text or context, scores are %.2f in [-1, 1]" {
	for f in favor against negation conditions object several notarget; do
		news-stance "$F/$f.tsv"
	done | python3 -c '
import sys
bad = 0
for line in sys.stdin:
    f = line.rstrip("\n").split("\t")
    if f[0] == "doc":
        h = f; continue
    r = dict(zip(h, f))
    s = float(r["score"])
    ok = r["evidence"] and (r["evidence"] in r["text"] or r["evidence"] in r["context"])
    ok = ok and -1 <= s <= 1 and r["score"] == "%.2f" % s
    ok = ok and ((s > 0) == (r["stance"] == "favor")) and ((s < 0) == (r["stance"] == "against"))
    if not ok:
        print("bad row:", line, end=""); bad += 1
sys.exit(bad > 0)'
}

@test "user targets: a table about tariffs gives sensible stances" {
	golden tariffs --targets "$F/tariffs-targets.tsv"
	run -0 news-stance -t "$F/tariffs-targets.tsv" "$F/tariffs.tsv"
	[[ "$output" != *ceasefire* ]]
}

@test "user targets from other beats (wages, carbon tax, VAR); a question answered at once" {
	golden domains --targets "$F/domains-targets.tsv"
}

@test "user targets: '...' gaps, '~' weak phrases near a strong one, '?' topic-only, '-' exclusions and '&' anchors (council beat)" {
	golden council --targets "$F/council-targets.tsv"
}

@test "user targets from a workplace beat: the clause rules (modal, fronted and 'no ... without', third party, 'any X must', a proposal's content, dismissal) apply to any topic" {
	golden workplace --targets "$F/workplace-targets.tsv"
}

@test "built-in synonym classes: give up ... land, troops ... to Ukraine, join the alliance/bloc, stop ... fighting, not Russian troops, weak talks only near a strong phrase, membership anchored by NATO or EU, troops sent only in a sentence about war or peace, off-topic look-alikes (stop fighting for the club, the Star Alliance) silent, a topic (Crimea) takes a side only under a verb" {
	golden synonyms
}

@test "clause rules: modal before the target, fronted 'without', 'any X' is a requirement, of-complement of another target, a plan's content, intention and dependence cues, lead-in antecedent, no X without Y, no verb across after/until, "the idea" refers back" {
	golden rules
}

@test "cue classes: feasibility (on the cards, within reach, not an option), dismissal (a trap), an adjective of another noun says nothing of the target" {
	news-stance "$F/rules.tsv" > "$BATS_TEST_TMPDIR/out"
	run -0 awk -F '\t' '$2 >= 21 && $2 <= 26 { print $2, $11, $12 }' "$BATS_TEST_TMPDIR/out"
	[ "$output" = "21 nato-membership against
22 peace-talks against
23 territorial-concession against
24 ceasefire favor
25 peacekeepers against
26 ceasefire favor" ]
}

@test "a named third party's attitude (President Putin does not want) is reported, neutral; the speaker's own name and 'the United States' are not third parties" {
	news-stance "$F/rules.tsv" > "$BATS_TEST_TMPDIR/out"
	run -0 awk -F '\t' '$2 >= 27 && $2 <= 30 { print $2, $11, $12 }' "$BATS_TEST_TMPDIR/out"
	[ "$output" = "27 ceasefire neutral
27 peace-talks neutral
28 ceasefire neutral
29 nato-membership against
30 peacekeepers favor" ]
}

@test "a paragraph antecedent is not used when the quote names its own target before the pronoun" {
	news-stance "$F/rules.tsv" > "$BATS_TEST_TMPDIR/out"
	run -0 awk -F '\t' '$1 == "m" && $2 == 12 { print $11 }' "$BATS_TEST_TMPDIR/out"
	[ "$output" = "nato-membership" ]
}

@test "malformed targets file: '&' with no anchor word after it" {
	run --separate-stderr -2 news-stance --targets "$F/bad-anchor-targets.tsv" "$F/favor.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $F/bad-anchor-targets.tsv:2: '&' must be followed by a word" ]
}

@test "malformed targets file: '...' with no word after it" {
	run --separate-stderr -2 news-stance --targets "$F/bad-gap-targets.tsv" "$F/favor.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $F/bad-gap-targets.tsv:2: '...' must stand between two words" ]
}

@test "--print-targets writes the built-in table, which reads back as a --targets file" {
	news-stance --print-targets > "$BATS_TEST_TMPDIR/t.tsv"
	same_bytes "$TESTS/../lib/targets.tsv" "$BATS_TEST_TMPDIR/t.tsv"
	news-stance --targets "$BATS_TEST_TMPDIR/t.tsv" "$F/several.tsv" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$E/several.out" "$BATS_TEST_TMPDIR/out"
}

@test "malformed targets file: bad id -> FILE:LINE message, exit 2, nothing written" {
	run --separate-stderr -2 news-stance --targets "$F/bad-id-targets.tsv" "$F/favor.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $F/bad-id-targets.tsv:3: target id 'Bad Id' is not made of a-z, 0-9 and '-'" ]
}

@test "malformed targets file: '*' not at the end of a word" {
	run --separate-stderr -2 news-stance --targets "$F/bad-star-targets.tsv" "$F/favor.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $F/bad-star-targets.tsv:2: '*' may only end a word" ]
}

@test "malformed targets file: missing phrase column, wrong field count, no words" {
	run --separate-stderr -2 news-stance -t "$F/no-phrase-targets.tsv" "$F/favor.tsv"
	[ "$stderr" = "news-stance: $F/no-phrase-targets.tsv:2: missing column 'phrase'" ]
	run --separate-stderr -2 news-stance -t "$F/bad-fields-targets.tsv" "$F/favor.tsv"
	[ "$stderr" = "news-stance: $F/bad-fields-targets.tsv:2: row has 3 fields, header has 2" ]
	run --separate-stderr -2 news-stance -t "$F/no-words-targets.tsv" "$F/favor.tsv"
	[ "$stderr" = "news-stance: $F/no-words-targets.tsv:2: phrase has no words" ]
	[ "$output" = "" ]
}

@test "unreadable, directory or empty targets file: exit 2" {
	run --separate-stderr -2 news-stance -t "$BATS_TEST_TMPDIR/none.tsv" "$F/favor.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $BATS_TEST_TMPDIR/none.tsv: No such file or directory" ]
	run --separate-stderr -2 news-stance -t "$BATS_TEST_TMPDIR" "$F/favor.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $BATS_TEST_TMPDIR: Is a directory" ]
	run --separate-stderr -2 news-stance -t "$F/empty.tsv" "$F/favor.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $F/empty.tsv:1: no header line 'target<TAB>phrase'" ]
}

@test "a targets file with a header only: no target, no rows" {
	printf 'target\tphrase\n' > "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr -0 news-stance -t "$BATS_TEST_TMPDIR/t.tsv" "$F/favor.tsv"
	[ "${#lines[@]}" -eq 1 ]
}

@test "missing text or context column names news-extract-quotes" {
	run --separate-stderr -1 news-stance "$F/missing-text.tsv"
	[ "$stderr" = "news-stance: $F/missing-text.tsv:1: missing column 'text' (news-extract-quotes writes it)" ]
	run --separate-stderr -1 news-stance "$F/missing-context.tsv"
	[ "$stderr" = "news-stance: $F/missing-context.tsv:1: missing column 'context' (news-extract-quotes writes it)" ]
}

@test "input that already has a target column: exit 1" {
	run --separate-stderr -1 news-stance "$F/has-target.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "news-stance: $F/has-target.tsv:1: input already has a 'target' column (news-stance was run on it already)" ]
}

@test "wrong field count: FILE:LINE message, exit 1, earlier rows kept" {
	run --separate-stderr -1 news-stance "$F/bad-fields.tsv"
	[ "$stderr" = "news-stance: $F/bad-fields.tsv:3: row has 3 fields, header has 4" ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = "d	1	We want a ceasefire.	x	ceasefire	favor	0.80	want a ceasefire" ]
}

@test "invalid UTF-8 and NUL bytes are carried through unchanged" {
	golden invalid-utf8 --all
}

@test "CRLF input reads as LF" {
	news-stance "$F/crlf.tsv" > "$BATS_TEST_TMPDIR/crlf"
	news-stance "$F/lf.tsv" > "$BATS_TEST_TMPDIR/lf"
	same_bytes "$BATS_TEST_TMPDIR/lf" "$BATS_TEST_TMPDIR/crlf"
	[ "$(grep -c . "$BATS_TEST_TMPDIR/lf")" -eq 3 ]
}

@test "empty input: no output, exit 0" {
	run --separate-stderr -0 news-stance "$F/empty.tsv"
	[ "$output" = "" ]
	[ "$stderr" = "" ]
	news-stance < /dev/null > "$BATS_TEST_TMPDIR/out"
	[ ! -s "$BATS_TEST_TMPDIR/out" ]
}

@test "header only: header only, with the four new columns" {
	golden header-only
}

@test "no final newline on the last row" {
	golden no-final-newline
}

@test "a 50 MB line" {
	news-stance "$BATS_FILE_TMPDIR/big.tsv" > "$BATS_TEST_TMPDIR/out"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/out")" -eq 2 ]
	[ "$(tail -n 1 "$BATS_TEST_TMPDIR/out" | cut -f 5-)" = "ceasefire	favor	0.80	want a ceasefire" ]
}

@test "a 1.7 MB clause with 100000 target mentions" {
	news-stance "$BATS_FILE_TMPDIR/words.tsv" > "$BATS_TEST_TMPDIR/out"
	[ "$(tail -n 1 "$BATS_TEST_TMPDIR/out" | cut -f 5-7)" = "ceasefire	favor	0.80" ]
	# the evidence stops at the cues within reach of the first mention
	[ "$(tail -n 1 "$BATS_TEST_TMPDIR/out" | cut -f 8)" = "$(printf 'want a ceasefire and this truce we %.0s' 1 2 3)want" ]
}

@test "a phrase of many gaps, exclusions and anchors on a 200000-word clause of the same word" {
	printf 'target\tphrase\nx\ta ... a ... a ... a ... a\nx\t~a a\nx\t-b a\nx\ta &a &b\n' > "$BATS_TEST_TMPDIR/t.tsv"
	{
		printf 'doc\tquote\ttext\tcontext\nd\t1\t'
		yes a | head -n 200000 | tr '\n' ' '
		printf '\tx\n'
	} > "$BATS_TEST_TMPDIR/in.tsv"
	news-stance -t "$BATS_TEST_TMPDIR/t.tsv" "$BATS_TEST_TMPDIR/in.tsv" > "$BATS_TEST_TMPDIR/out"
	[ "$(tail -n 1 "$BATS_TEST_TMPDIR/out" | cut -f 5-7)" = "x	neutral	0.00" ]
}

@test "> /dev/full: write error, exit 1" {
	run --separate-stderr -1 bash -c 'news-stance "$1" > /dev/full' _ "$BATS_FILE_TMPDIR/big.tsv"
	[ "$stderr" = "news-stance: write error: No space left on device" ]
	run --separate-stderr -1 bash -c 'news-stance "$1" > /dev/full' _ "$F/favor.tsv"
	[ "$stderr" = "news-stance: write error: No space left on device" ]
}

@test "| head -1: quiet, status 0 or 141" {
	run --separate-stderr bash -c 'for i in $(seq 2000); do tail -n +2 "$1"; done | cat <(head -1 "$1") - | news-stance | head -1; exit ${PIPESTATUS[2]}' _ "$F/favor.tsv"
	[ "$stderr" = "" ]
	[ "$status" -eq 0 ] || [ "$status" -eq 141 ]
	[ "${output:0:3}" = "doc" ]
}

@test "bad options: exit 2" {
	run --separate-stderr -2 news-stance --nope
	[ "$stderr" = "news-stance: unknown option '--nope'
Try 'news-stance --help' for more information." ]
	run --separate-stderr -2 news-stance -t
	[ "$stderr" = "news-stance: option '-t' needs an argument
Try 'news-stance --help' for more information." ]
	run --separate-stderr -2 news-stance --targets
	[ "${stderr##*$'\n'}" = "Try 'news-stance --help' for more information." ]
	run -2 news-stance -x
}

@test "--help and --version" {
	run -0 news-stance --help
	[ "${lines[0]}" = "usage: news-stance [-a] [-t FILE] [--print-targets] [--line-buffered] [file ...]" ]
	run -0 news-stance --version
	[ "$output" = "news-stance (newsline) 0.1.0" ]
}

@test "every long option in --help appears in the man page" {
	news-stance --help | grep -o -- '--[a-z][a-z-]*' | sort -u > "$BATS_TEST_TMPDIR/opts"
	[ -s "$BATS_TEST_TMPDIR/opts" ]
	while read -r opt; do
		name=${opt#--}
		grep -q -- "$name" "$TESTS/../tools/news-stance.1" || { echo "missing $opt"; return 1; }
	done < "$BATS_TEST_TMPDIR/opts"
}

@test "news-stance: a far-off answer with no cue keeps the evidence inside the text (regression: read before the buffer)" {
	q=$(printf "'%.0s" $(seq 135))
	printf "text\tcontext\n\tmembership of NATO for Kremlin went on?%s never\n" "$q" > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr news-stance --all "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${#lines[@]}" -eq 2 ]
	evidence=${lines[1]##*$'\t'}
	[[ "$(sed -n 2p "$BATS_TEST_TMPDIR/in")" == *"$evidence"* ]]
}

@test "news-stance: an empty doc value is a document like any other" {
	run --separate-stderr bash -c "printf 'doc\tpara\ttext\tcontext\n\t1\twe want a ceasefire\tb\n' | news-stance"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "$(printf '\t1\twe want a ceasefire\tb\tceasefire\tfavor\t')"* ] || [[ "${lines[1]}" == *"	ceasefire	favor	"* ]]
}

@test "news-stance: a document that comes back after another is an error" {
	run --separate-stderr bash -c "printf 'doc\tquote\tpara\ttext\tcontext\na\t1\t1\tx\tx\nb\t1\t1\tx\tx\na\t2\t1\tx\tx\n' | news-stance"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-stance: <stdin>:4: document 'a' appears again" ]
}

@test "generalization rules: anchored words in an article on their target, shared words need their anchor, negated predicates, relative clauses, and-verbs, despite, joined gerunds, any X, as-predicates" {
	golden generalize --all
}

@test "unseen war articles in other words: a Geneva meeting (never accept a deal, guns fall silent, reassurance mission, foreign contingent, our place is in NATO)" {
	golden unseen-war-summit --all
}

@test "unseen war articles in other words: a Senate aid bill (weapons far from a war word, end to the bloodshed, sit down with the Russians)" {
	golden unseen-war-aid --all
}

@test "unseen war articles in other words: a Kyiv interview (talk to the Russians, sign away a region, enter the EU, neutrality)" {
	golden unseen-war-kyiv --all
}

@test "unseen war articles in other words: a German poll (mission to secure an armistice, stopping deliveries would not bring peace)" {
	golden unseen-war-poll --all
}

@test "unseen war articles in other words: a Nordic summit, written after the rules (jets promised, arming Ukraine, a frozen front, once the shooting stops)" {
	golden unseen-war-nordic --all
}

@test "unseen off-topic articles: the built-in targets stay silent" {
	local n
	for n in tariffs stadium vaccine fourday congestion var; do
		run -0 news-stance "$F/unseen-$n.tsv"
		[ "$output" = "$(head -n 1 "$F/unseen-$n.tsv")	target	stance	score	evidence" ]
	done
}

@test "unseen off-topic articles with a user's targets: tariffs, a stadium, a vaccine mandate, a four-day week" {
	local n
	for n in tariffs stadium vaccine fourday; do
		news-stance -t "$F/unseen-user-targets.tsv" "$F/unseen-$n.tsv" > "$BATS_TEST_TMPDIR/out"
		same_bytes "$E/unseen-$n.out" "$BATS_TEST_TMPDIR/out"
	done
}

@test "unseen off-topic article with a user's weak phrases: a congestion charge (the scheme counts only near a strong mention)" {
	golden unseen-congestion -t "$F/unseen-congestion-targets.tsv"
}

@test "unseen off-topic article with a user's targets: a football row over VAR (defended, hate it, to be scrapped, was not on the agenda, keep improving)" {
	golden unseen-var -t "$F/unseen-var-targets.tsv"
}
