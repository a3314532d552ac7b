# Shared setup for the bats files: `load helper` at the top of each.
# NEWS_BIN (set by tests/run.sh) names the binaries under test, so the same
# suite runs against bin/ and the sanitizer build san/bin/.
bats_require_minimum_version 1.5.0
: "${NEWS_BIN:=$BATS_TEST_DIRNAME/../bin}"
PATH="$NEWS_BIN:$PATH"
export LC_ALL=C.UTF-8
TESTS="$BATS_TEST_DIRNAME"
FIX="$TESTS/fixtures"
EXP="$TESTS/expected"
CORPUS="$TESTS/../corpus"

# Compare a file with an expected file; on a difference show both as bytes.
same_bytes() {
	if ! cmp -s "$1" "$2"; then
		echo "--- expected ($1)"; od -c "$1" | head -20
		echo "--- got ($2)"; od -c "$2" | head -20
		diff -u "$1" "$2" | head -60 | cut -c 1-300
		return 1
	fi
}

# check_out EXPECTED-FILE CMD...: run CMD under bash, compare stdout bytes.
check_out() {
	local expected=$1; shift
	bash -c "$*" > "$BATS_TEST_TMPDIR/out"
	same_bytes "$expected" "$BATS_TEST_TMPDIR/out"
}
