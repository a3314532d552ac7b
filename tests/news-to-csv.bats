#!/usr/bin/env bats
# news-to-csv: RFC 4180 output that csv readers take back to the same table.

load helper

@test "quoting, doubled quotes, CRLF records, escapes decoded" {
	check_out "$EXP/news-to-csv/tricky.csv" "news-to-csv '$FIX/news-to-csv/tricky.tsv'"
}

# Python's csv module reads the CSV back to exactly the decoded TSV table.
@test "round trip through Python's csv module" {
	news-to-csv "$FIX/news-to-csv/tricky.tsv" > "$BATS_TEST_TMPDIR/t.csv"
	run python3 - "$FIX/news-to-csv/tricky.tsv" "$BATS_TEST_TMPDIR/t.csv" <<'PY'
import csv, sys
def unescape(f):
    out, i = [], 0
    while i < len(f):
        if f[i] == '\\' and i + 1 < len(f) and f[i+1] in '\\tnr':
            out.append({'\\': '\\', 't': '\t', 'n': '\n', 'r': '\r'}[f[i+1]]); i += 2
        else:
            out.append(f[i]); i += 1
    return ''.join(out)
tsv = [[unescape(f) for f in line.rstrip('\n').split('\t')]
       for line in open(sys.argv[1], encoding='utf-8', newline='\n')]
with open(sys.argv[2], encoding='utf-8', newline='') as fh:
    rows = list(csv.reader(fh))
assert rows == tsv, (rows, tsv)
print(len(rows))
PY
	[ "$status" -eq 0 ]
	[ "$output" = 6 ]
}

@test "round trip through csvkit (csvjson) gives the same fields" {
	command -v csvjson  # installed by tests/install-deps.sh
	news-to-csv "$FIX/news-to-csv/tricky.tsv" | csvjson --no-inference > "$BATS_TEST_TMPDIR/t.json"
	run python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows[1]["text"] == "comma, here", rows[1]
assert rows[1]["note"] == "\"quoted\" word", rows[1]
assert rows[2]["text"] == "tab\there" and rows[2]["note"] == "line\nbreak", rows[2]
assert rows[3]["text"] == "cr\rhere" and rows[3]["note"] == "back\\slash \\q", rows[3]
print(len(rows))' "$BATS_TEST_TMPDIR/t.json"
	[ "$status" -eq 0 ]
	[ "$output" = 5 ]
}

@test "empty input gives no output; header only gives the header record" {
	run bash -c ': | news-to-csv | wc -c'
	[ "$output" -eq 0 ]
	run bash -c "printf 'doc\ttext\n' | news-to-csv | od -c | head -1"
	[[ "$output" == *"d   o   c   ,   t   e   x   t  \r  \n"* ]]
}

@test "invalid UTF-8 and NUL bytes are carried into the CSV unchanged" {
	printf 'text\na\0b\xff\n' | news-to-csv > "$BATS_TEST_TMPDIR/out"
	printf 'text\r\na\0b\xff\r\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "CRLF input and no final newline" {
	printf 'doc\ttext\r\na\tb\r\nc\td' | news-to-csv > "$BATS_TEST_TMPDIR/out"
	printf 'doc,text\r\na,b\r\nc,d\r\n' > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "wrong field count is an error with file and line" {
	run --separate-stderr bash -c "printf 'doc\ttext\na\n' | news-to-csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-to-csv: <stdin>:2: row has 1 field, header has 2" ]
}

@test "a 50 MB field is written whole" {
	head -c 50000000 /dev/zero | tr '\0' 'y' > "$BATS_TEST_TMPDIR/long"
	{ printf 'text\n'; cat "$BATS_TEST_TMPDIR/long"; } | news-to-csv > "$BATS_TEST_TMPDIR/out"
	{ printf 'text\r\n'; cat "$BATS_TEST_TMPDIR/long"; printf '\r\n'; } > "$BATS_TEST_TMPDIR/exp"
	same_bytes "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/out"
}

@test "every option in --help is in the man page" {
	for o in $(news-to-csv --help | grep -o -- '--[a-z-]*' | sort -u); do
		grep -q -- "${o#--}" "$TESTS/../tools/news-to-csv.1"
	done
}
