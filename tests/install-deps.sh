#!/bin/sh
# Install what the tests need and a fresh Debian machine lacks: bats (the test
# runner) and csvkit (the CSV round-trip check); with the argument "bench",
# also GNU time (peak RSS for make bench).  Needs root for apt-get.
set -e
missing=
command -v bats >/dev/null 2>&1 || missing="$missing bats"
command -v csvcut >/dev/null 2>&1 || missing="$missing csvkit"
if [ "${1:-}" = bench ] && [ ! -x /usr/bin/time ]; then
	missing="$missing time"
fi
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
	echo "tests/install-deps.sh: need root to apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $missing >/dev/null
