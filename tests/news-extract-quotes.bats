#!/usr/bin/env bats
# news-extract-quotes: quotations and reported statements with their speakers.
# Fixtures are written by tests/fixtures/news-extract-quotes/gen.py (names with
# entity offsets, as news-tag-entities writes them); the expected outputs were
# checked by hand, row by row.

load helper

F="$FIX/news-extract-quotes"
E="$EXP/news-extract-quotes"

setup_file() {
	# 50 MB sentence: one quotation, then a long run of plain words.
	python3 - "$BATS_FILE_TMPDIR/long.tsv" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('doc\tpara\tsent\ttext\tentities\n')
    f.write('long\t1\t1\t“It is long,” said Ann Lee. ' + 'word ' * 10_000_000 + '\tPER:23-30:Ann Lee\n')
PY
	# many documents, for | head
	python3 - "$FIX/news-extract-quotes/direct.tsv" "$BATS_FILE_TMPDIR/many.tsv" <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write(lines[0] + '\n')
    for i in range(3000):
        for l in lines[1:]:
            if l:
                f.write('d%d%s\n' % (i, l[l.index('\t'):]))
PY
}

# --- quotation marks and attribution ------------------------------------

@test "direct quotes: said X, X said, X added:, appositive, told, unknown verb in the slot" {
	check_out "$E/direct.out" "news-extract-quotes '$F/direct.tsv'"
}

@test "interrupted quotes are one quote: “A,” she said, “B.” and “A,” she said. “B.”" {
	check_out "$E/interrupted.out" "news-extract-quotes '$F/interrupted.tsv'"
}

@test "a quote over two sentences, and one that runs on into the next paragraph" {
	check_out "$E/runon.out" "news-extract-quotes '$F/runon.tsv'"
}

@test "colon-introduced quotes, inner ‘quotes’, «guillemets» and straight marks" {
	check_out "$E/marks.out" "news-extract-quotes '$F/marks.tsv'"
}

@test "partial quotes kept; scare quotes, so-called, titles of works and Title Case names dropped" {
	check_out "$E/partial.out" "news-extract-quotes '$F/partial.tsv'"
	run awk -F '\t' '$5 == "partial" && ($9 == "reform" || $9 == "Quiet Days" || $9 == "plan" || $9 == "Cruel Summer")' "$E/partial.out"
	[ -z "$output" ]
	# the so-called name stays in the reporter's words, so the sentence is reported speech
	run awk -F '\t' '$5 == "indirect" && $9 ~ /so-called/' "$E/partial.out"
	[ -n "$output" ]
}

@test "indirect speech: said that, told, according to, postposed and mid attribution, called for, urged, vowed, adding" {
	check_out "$E/indirect.out" "news-extract-quotes '$F/indirect.tsv'"
}

@test "reported speech: passive with agent (is thought by X to), a proposal in apposition (, proposed by X, / -- floated last winter by X --), ruled that, laid out, bare plural groups, a group at an organization" {
	check_out "$E/reported.out" "news-extract-quotes '$F/reported.tsv'"
}

@test "reported speech: told reporters (the listener ends at a determiner), coordinated cues are two statements, bare plural roles, 'the police' takes no organization of the story" {
	run awk -F '\t' '$1 == "politics" || $9 == "the team was tired"' "$E/reported.out"
	[ "${#lines[@]}" -eq 8 ]
	run awk -F '\t' '$1 == "politics" && $6 == "" && $7 == "The police"' "$E/reported.out"
	[ "${#lines[@]}" -eq 1 ]
}

@test "a position in an object relative clause (which the union has long opposed) reports its noun phrase; with X backing Y; throw its weight behind (not: threw the ball behind); a relative clause with a verb that is no cue (signed) is not speech; 'said that X rejected' gives no noun phrase" {
	run awk -F '\t' '$1 == "positions" { print $6 "|" $8 "|" $9 }' "$E/reported.out"
	[ "$output" = "$(printf 'Westfield Council|rejected|The stadium plan\n|opposed|The new rule\nGermany|backing|the idea\nApex Mining|rejected|The offer\n|said|Norway objected and that Iceland rejected\n|throwing their weight behind|the plan')" ]
}

@test "reported speech: bare plural roles take no person (prosecutors, not Macron), wrote on X that, found that, ..., chief executive X said on Tuesday., a time phrase before the subject is not content" {
	run awk -F '\t' '$1 == "wire" { print $6 "|" $7 "|" $9 }' "$E/reported.out"
	[ "${lines[0]}" = "|prosecutors|the firm hid losses from investors" ]
	[ "${lines[1]}" = "Elon Musk|Elon Musk|the deal was dead" ]
	[ "${lines[2]}" = "|The researchers|the drug cut deaths by a fifth" ]
	[ "${lines[3]}" = "Satya Nadella|chief executive Satya Nadella|Microsoft expects revenue to grow by 10 per cent" ]
	[ "${lines[4]}" = "Vladimir Putin|Vladimir Putin|to strike the city again" ]
	[ "${#lines[@]}" -eq 5 ]
}

@test "ruled out, laid (no particle) and published by are not speech cues" {
	run grep -c -e 'ruled out' -e 'Penguin' "$E/reported.out"
	[ "$output" = 0 ]
}

@test "a negated statement is not reported" {
	run grep -c 'whether taxes' "$E/indirect.out"
	[ "$output" = 0 ]
}

@test "pronouns by gender (names table and learned from her), descriptions through roles" {
	check_out "$E/pronouns.out" "news-extract-quotes '$F/pronouns.tsv'"
}

@test "subjects: nation as description, age and place appositions, a named apposition, analysts at a bank, a relative clause, a merged quote after the attribution sentence, a participle's subject" {
	check_out "$E/subjects.out" "news-extract-quotes '$F/subjects.tsv'"
}

@test "a headline NP: quote, a short question, Police (no guess), two speakers, a dash, declined to say, a new sentence after a quote" {
	check_out "$E/headline.out" "news-extract-quotes '$F/headline.tsv'"
}

@test "rules: leader finds a President, X on Monday said, ..., according to X., a description for the person just quoted, as X put it" {
	check_out "$E/rules.out" "news-extract-quotes '$F/rules.tsv'"
}

@test "a continuation paragraph inherits the speaker; a later unattributed quote does not" {
	check_out "$E/continuation.out" "news-extract-quotes '$F/continuation.tsv'"
}

@test "unclosed and mismatched marks end at the paragraph end; a stray mark is ignored" {
	check_out "$E/unbalanced.out" "news-extract-quotes '$F/unbalanced.tsv'"
}

@test "the other input columns follow, valued from the first sentence; entities is left out" {
	run bash -c "news-extract-quotes '$F/continuation.tsv' | head -1"
	[ "$output" = "$(printf 'doc\tquote\tpara\tsent\tkind\tspeaker\tmention\tcue\ttext\tcontext\tzone\tsource')" ]
	run bash -c "news-extract-quotes '$F/continuation.tsv' | sed -n 3p | cut -f11,12"
	[ "$output" = "$(printf 'body\tfixture')" ]
}

@test "numbering restarts in each document" {
	run bash -c "cat '$F/direct.tsv' '$F/continuation.tsv' | news-extract-quotes | cut -f1,2 | tail -4"
	[ "$output" = "$(printf 'sport\t5\nsport\t6\nleague\t1\nleague\t2\nleague\t3' | tail -4)" ]
}

# --- bad input ----------------------------------------------------------

@test "missing entities column names news-tag-entities" {
	run --separate-stderr bash -c "printf 'doc\tpara\tsent\ttext\nd\t1\t1\tx\n' | news-extract-quotes"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-extract-quotes: <stdin>:1: missing column 'entities' (news-tag-entities writes it)" ]
	[ -z "$output" ]
}

@test "missing text column names news-split" {
	run --separate-stderr bash -c "printf 'doc\tpara\tsent\tentities\n' | news-extract-quotes"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-extract-quotes: <stdin>:1: missing column 'text' (news-split writes it)" ]
}

@test "input that already has a quote column is refused" {
	run --separate-stderr bash -c "printf 'doc\tquote\tpara\tsent\ttext\tentities\n' | news-extract-quotes"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-extract-quotes: <stdin>:1: input already has a 'quote' column (it is news-extract-quotes output)" ]
	[ -z "$output" ]
}

@test "a document that comes back after another is an error" {
	run --separate-stderr bash -c "printf 'doc\tpara\tsent\ttext\tentities\na\t1\t1\tx\t\nb\t1\t1\ty\t\na\t2\t2\tz\t\n' | news-extract-quotes"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-extract-quotes: <stdin>:4: document 'a' appears again" ]
}

@test "wrong field count: FILE:LINE and exit 1" {
	printf 'doc\tpara\tsent\ttext\tentities\na\t1\t1\tx\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run --separate-stderr news-extract-quotes "$BATS_TEST_TMPDIR/bad.tsv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-extract-quotes: $BATS_TEST_TMPDIR/bad.tsv:2: row has 4 fields, header has 5" ]
}

@test "bad options exit 2" {
	run --separate-stderr news-extract-quotes --bogus
	[ "$status" -eq 2 ]
	[ "$stderr" = "$(printf "news-extract-quotes: unknown option '--bogus'\nTry 'news-extract-quotes --help' for more information.")" ]
	run --separate-stderr news-extract-quotes -x
	[ "$status" -eq 2 ]
}

# --- stream robustness --------------------------------------------------

@test "invalid UTF-8 and NUL bytes are carried through unchanged" {
	printf 'doc\tpara\tsent\ttext\tentities\nd\t1\t1\t\xe2\x80\x9cBad \xff byte \0 here,\xe2\x80\x9d he said.\t\n' |
		news-extract-quotes | cut -f9 | tail -1 > "$BATS_TEST_TMPDIR/out"
	printf 'Bad \xff byte \0 here,\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "escapes in text are decoded for reading and written back escaped" {
	printf 'doc\tpara\tsent\ttext\tentities\nd\t1\t1\t\xe2\x80\x9cA\\tB \\\\ C,\xe2\x80\x9d he said.\t\n' |
		news-extract-quotes | cut -f9 | tail -1 > "$BATS_TEST_TMPDIR/out"
	printf 'A\\tB \\\\ C,\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "CRLF input gives the same output as LF" {
	sed 's/$/\r/' "$F/direct.tsv" > "$BATS_TEST_TMPDIR/crlf.tsv"
	check_out "$E/direct.out" "news-extract-quotes '$BATS_TEST_TMPDIR/crlf.tsv'"
}

@test "no final newline" {
	head -c -1 "$F/direct.tsv" > "$BATS_TEST_TMPDIR/nonl.tsv"
	check_out "$E/direct.out" "news-extract-quotes '$BATS_TEST_TMPDIR/nonl.tsv'"
}

@test "empty input: no output, exit 0" {
	run bash -c ': | news-extract-quotes | wc -c'
	[ "$status" -eq 0 ]
	[ "$output" -eq 0 ]
}

@test "header only gives the header only" {
	run bash -c "printf 'doc\tpara\tsent\tzone\ttext\tentities\n' | news-extract-quotes"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'doc\tquote\tpara\tsent\tkind\tspeaker\tmention\tcue\ttext\tcontext\tzone')" ]
}

@test "a 50 MB sentence" {
	run bash -c "news-extract-quotes '$BATS_FILE_TMPDIR/long.tsv' | cut -f1-9"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'doc\tquote\tpara\tsent\tkind\tspeaker\tmention\tcue\ttext\nlong\t1\t1\t1\tdirect\tAnn Lee\tAnn Lee\tsaid\tIt is long,')" ]
}

@test "a full disk: exit 1, write error" {
	run --separate-stderr bash -c "news-extract-quotes '$BATS_FILE_TMPDIR/many.tsv' > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-extract-quotes: write error: No space left on device" ]
}

@test "| head -1 ends quietly" {
	run --separate-stderr bash -c "news-extract-quotes '$BATS_FILE_TMPDIR/many.tsv' | head -1; exit \${PIPESTATUS[0]}"
	[ "$status" -eq 0 ] || [ "$status" -eq 141 ]
	[ -z "$stderr" ]
	[ "$output" = "$(printf 'doc\tquote\tpara\tsent\tkind\tspeaker\tmention\tcue\ttext\tcontext\tzone\tsource')" ]
}

# --- documentation ------------------------------------------------------

@test "--help and --version" {
	run news-extract-quotes --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: news-extract-quotes"* ]]
	run news-extract-quotes --version
	[ "$output" = "news-extract-quotes (newsline) 0.1.0" ]
}

@test "every long option in --help appears in the man page" {
	for o in $(news-extract-quotes --help | grep -o -e '--[a-z][a-z-]*' | sort -u); do
		grep -q -e "Fl $(printf '%s' "${o#-}")" "$TESTS/../tools/news-extract-quotes.1" || { echo "missing $o"; return 1; }
	done
}

# --- generalization: untagged speakers and wider grammar --------------------
# generalize.tsv and unseen.tsv were written by the real pipeline
# (news-split | news-normalize | news-tag-entities) from
# tests/fixtures/unseen/quotes-*.txt and from the sentences of generalize.tsv;
# they are committed so that a change in the tagger does not move these tests.

@test "untagged speakers: a capitalized subject before its cue becomes the speaker; one word only with an apposition or seen inside a sentence" {
	check_out "$E/generalize.out" "news-extract-quotes '$F/generalize.tsv'"
	run awk -F '\t' '$6 == "Quillmesh" && $8 == "said" && $9 == "it had raised new funds"' "$E/generalize.out"
	[ -n "$output" ]
	run awk -F '\t' '$6 == "Brannock Holdings" && $7 == "Brannock Holdings"' "$E/generalize.out"
	[ -n "$output" ]
	# the firm noun goes to the untagged organization
	run awk -F '\t' '$6 == "Tarvex" && $7 == "The company"' "$E/generalize.out"
	[ -n "$output" ]
	# Locals said, Many said: no name (Locals is a group with no speaker)
	run awk -F '\t' '$6 ~ /Locals|Many/ || $7 ~ /Many/' "$E/generalize.out"
	[ -z "$output" ]
	run awk -F '\t' '$7 == "Locals" && $6 == ""' "$E/generalize.out"
	[ -n "$output" ]
}

@test "claimed with a noun object is a deed; with a clause it reports" {
	run awk -F '\t' '$8 == "claimed"' "$E/generalize.out"
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == *"the government had hidden the report"* ]]
}

@test "a cue inside a reported clause is part of it; a coordinated cue after a date still reports" {
	run awk -F '\t' '$6 == "Dennis Thorley"' "$E/generalize.out"
	[ "${#lines[@]}" -eq 3 ]
	run awk -F '\t' '$8 == "told"' "$E/generalize.out"
	[ -z "$output" ]
	run awk -F '\t' '$8 == "warned" && $6 == "Drummond Foods" && $9 == "higher prices would squeeze margins"' "$E/generalize.out"
	[ -n "$output" ]
}

@test "said on Tuesday it ..., said about 48,000 ..., said Rovers manager X, observers from the mission" {
	run awk -F '\t' '$9 ~ /^about 48,000/ && $7 == "The national grid operator"' "$E/generalize.out"
	[ -n "$output" ]
	run awk -F '\t' '$6 == "Gareth Ombley" && $7 == "Rovers manager Gareth Ombley" && $5 == "direct"' "$E/generalize.out"
	[ -n "$output" ]
	run awk -F '\t' '$7 == "Observers from the monitoring mission"' "$E/generalize.out"
	[ -n "$output" ]
}

@test "nine unseen articles (sport, earnings, court, science, council, election, storm, obituary, tech)" {
	check_out "$E/unseen.out" "news-extract-quotes '$F/unseen.tsv'"
	# a title in apposition is not speech: her first novel, “The Loom Keepers”,
	run grep -F 'Loom Keepers' <(cut -f9 "$E/unseen.out")
	[ "$status" -ne 0 ]
	# a study as a source
	run awk -F '\t' '$1 == "quotes-science" && $7 == "a study" && $8 == "according to"' "$E/unseen.out"
	[ -n "$output" ]
}

@test "reported speech on any beat: are urging, suspected, group plurals (Neighbours, Hospital bosses), the coroner, The airline apologised and said" {
	check_out "$E/reported2.out" "news-extract-quotes '$F/reported2.tsv'"
	run awk -F '\t' '$7 == "Health officials" && $8 == "urging"' "$E/reported2.out"
	[ -n "$output" ]
	run awk -F '\t' '$7 == "The airline" && $8 == "said" && $9 == "it would offer refunds"' "$E/reported2.out"
	[ -n "$output" ]
	run awk -F '\t' '$7 == "The coroner" && $9 == "the crash could not have been foreseen"' "$E/reported2.out"
	[ -n "$output" ]
	run awk -F '\t' '$7 == "Neighbours" && $8 == "told"' "$E/reported2.out"
	[ -n "$output" ]
	# "her lawyer" is not the woman just quoted
	run awk -F '\t' '$7 == "Her lawyer" && $6 == ""' "$E/reported2.out"
	[ -n "$output" ]
	# Ministers are expected to announce: no statement
	run awk -F '\t' '$3 == 24' "$E/reported2.out"
	[ -z "$output" ]
}

@test "local and sport stories: the 24-year-old, sources close to the club, an untagged club as the subject before its verb" {
	check_out "$E/beats.out" "news-extract-quotes '$F/beats.tsv'"
	# "the 24-year-old" is the person just quoted
	run awk -F '\t' '$7 == "the 24-year-old" && $6 == "Ollie Brandt"' "$E/beats.out"
	[ -n "$output" ]
	# Kesteven Town have sacked ...: "the club" is Kesteven Town
	run awk -F '\t' '$7 == "the club" && $6 == "Kesteven Town"' "$E/beats.out"
	[ -n "$output" ]
	# sources close to the club are not the club
	run awk -F '\t' '$7 == "Sources" && $6 == ""' "$E/beats.out"
	[ -n "$output" ]
	# A, X said, B across the mid attribution
	run awk -F '\t' '$7 == "union leaders" && $9 == "The strike would continue until pay was restored"' "$E/beats.out"
	[ -n "$output" ]
}

@test "a group in a place speaks for no one (Villagers in Pennock); NATO officials in Brussels speak for NATO" {
	check_out "$E/groups.out" "news-extract-quotes '$F/groups.tsv'"
	run awk -F '\t' '$7 == "Villagers" && $6 == ""' "$E/groups.out"
	[ -n "$output" ]
	run awk -F '\t' '$6 == "Pennock" || $6 == "Brill" || $6 == "Brussels"' "$E/groups.out"
	[ -z "$output" ]
	run awk -F '\t' '$7 == "NATO officials" && $6 == "NATO"' "$E/groups.out"
	[ -n "$output" ]
}

@test "a spokesperson for X speaks for X" {
	run awk -F '\t' '$3 == 4 && $6 == "Halverd Water"' "$E/groups.out"
	[ -n "$output" ]
}

@test "a description with a relative clause opens the sentence (The group, which represents 300 farmers, said); postposed group subjects; the 45-year-old" {
	check_out "$E/relatives.out" "news-extract-quotes '$F/relatives.tsv'"
	run awk -F '\t' '$7 == "The group" && $9 == "prices were too low"' "$E/relatives.out"
	[ -n "$output" ]
	run awk -F '\t' '$7 == "The union" && $9 == "the offer was too low"' "$E/relatives.out"
	[ -n "$output" ]
	run awk -F '\t' '$7 == "The 45-year-old" && $6 == "Dunmore"' "$E/relatives.out"
	[ -n "$output" ]
	# declined to comment: nothing
	run awk -F '\t' '$3 == 8' "$E/relatives.out"
	[ -z "$output" ]
}

@test "the union, the party, the charity go only to an organization of that kind by its name; the company to any" {
	run awk -F '\t' '$7 == "The union" && $6 == ""' "$E/relatives.out"
	[ -n "$output" ]
	run bash -c "printf 'doc\tpara\tsent\ttext\tentities\nd\t1\t1\tThe Green Party said the plan was flawed.\tORG:4-15:Green Party\nd\t1\t2\tThe party added that it would vote against it.\t\nd\t2\t3\tKelby Mining cut 300 jobs.\tORG:0-12:Kelby Mining\nd\t2\t4\tThe union said the cuts were a betrayal.\t\nd\t2\t5\tThe company said demand was weak.\t\n' | news-extract-quotes | cut -f6,7"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "Green Party	Green Party" ]
	[ "${lines[2]}" = "Green Party	The party" ]
	[ "${lines[3]}" = "	The union" ]
	[ "${lines[4]}" = "Kelby Mining	The company" ]
}
