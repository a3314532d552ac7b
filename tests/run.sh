#!/bin/sh
# Run every tests/*.bats file against the binaries in directory $1 (default
# bin) and end with the one line "N passed, N failed".  Exit 1 if any failed.
bindir=${1:-bin}
case $bindir in /*) ;; *) bindir=$(pwd)/$bindir ;; esac
export NEWS_BIN="$bindir"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bats --tap tests/*.bats > "$log" 2>&1
cat "$log"
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
# a crash of bats itself must not read as success
total=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$log" | head -n 1)
if [ -z "$total" ] || [ $((passed + failed)) -ne "$total" ]; then
	failed=$((failed + 1))
	echo "# bats did not run the whole plan" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
