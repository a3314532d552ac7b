#!/bin/sh
# make bench: throughput and peak memory of each newsline tool.
#
# usage: sh tests/bench.sh [TOOL...]         bench these tools (default: all six)
#        sh tests/bench.sh --profile TOOL    run TOOL under valgrind --tool=callgrind
#
# Builds, under bench/ (git-ignored), a corpus of at least $BENCH_MB MB (10^6
# bytes; default 100) from corpus/articles and corpus/dev/docs, varied by
# tests/bench_corpus.py, as a `doc text` stream for `news-split --tsv`, then
# the stream each later tool reads (split, normalized, tagged, quotes,
# stance).  A file is rebuilt only when it is missing or older than what it
# comes from (the corpus, the generator, its input, the tool binary).  Each
# tool reads its input file on stdin and writes to /dev/null, $BENCH_REPEAT
# times (default 5; fewer once a run takes over $BENCH_MAXSEC s, default 20);
# the median time is reported beside `cat FILE | cat > /dev/null` on the same
# file in the same run, and the peak RSS of the tool's own process
# (tests/bench_run.py: /usr/bin/time -f %M, else an os.wait4 upper bound).  Tools come from $NEWS_BIN (default bin).
set -u

cd "$(dirname "$0")/.." || exit 1
BIN=${NEWS_BIN:-bin}
DIR=${BENCH_DIR:-bench}
MB=${BENCH_MB:-100}
REPEAT=${BENCH_REPEAT:-5}
MAXSEC=${BENCH_MAXSEC:-20}
PY=${PYTHON:-python3}

NOENT=tagged-noent.tsv
TOOLS="news-split news-normalize news-tag-entities news-extract-quotes news-stance news-to-csv"

# The file each tool reads, the file it writes for the next one, its
# options, and its targets (MB/s, peak RSS in MB).
input_of() {
	case $1 in
	news-split) echo articles.tsv ;;
	news-normalize) echo split.tsv ;;
	news-tag-entities) echo normalized.tsv ;;
	news-extract-quotes) echo tagged.tsv ;;
	news-stance) echo quotes.tsv ;;
	news-to-csv) echo stance.tsv ;;
	esac
}
output_of() {
	case $1 in
	news-split) echo split.tsv ;;
	news-normalize) echo normalized.tsv ;;
	news-tag-entities) echo tagged.tsv ;;
	news-extract-quotes) echo quotes.tsv ;;
	news-stance) echo stance.tsv ;;
	*) echo "" ;;
	esac
}
args_of() {
	case $1 in news-split) echo --tsv ;; *) echo "" ;; esac
}
speed_target() {
	case $1 in
	news-split | news-normalize | news-to-csv) echo 150 ;;
	news-tag-entities) echo 60 ;;
	*) echo 80 ;;
	esac
}
rss_target() {
	case $1 in
	news-split | news-normalize | news-to-csv) echo 16 ;;
	news-tag-entities) echo 32 ;;
	*) echo "" ;;
	esac
}
producer_of() {
	case $1 in
	split.tsv) echo news-split ;;
	normalized.tsv) echo news-normalize ;;
	tagged.tsv) echo news-tag-entities ;;
	quotes.tsv) echo news-extract-quotes ;;
	stance.tsv) echo news-stance ;;
	*) echo "" ;;
	esac
}

# stale OUT DEP...: true when OUT is missing or older than a DEP.
stale() {
	_out=$1
	shift
	[ -f "$_out" ] || return 0
	[ -n "$(find "$@" -prune -newer "$_out" | head -n 1)" ]
}

have() {
	[ -f "$BIN/$1" ] && [ -x "$BIN/$1" ]
}

# Build the corpus and the intermediate streams that are missing or stale.
prepare() {
	mkdir -p "$DIR" || exit 1
	if stale "$DIR/articles.tsv" corpus/articles/*.txt corpus/dev/docs/*.txt tests/bench_corpus.py
	then
		echo "building $DIR/articles.tsv ($MB MB)..." >&2
		"$PY" tests/bench_corpus.py "$DIR/articles.tsv" "$MB" \
			corpus/articles/*.txt corpus/dev/docs/*.txt || exit 1
	fi
	for pt in news-split news-normalize news-tag-entities news-extract-quotes news-stance; do
		pout=$DIR/$(output_of "$pt")
		if [ "$pt" = news-tag-entities ]; then
			# Without news-tag-entities, news-extract-quotes still gets
			# the normalized rows, with an empty entities column.
			if have "$pt"; then
				rm -f "$DIR/$NOENT"
			elif [ -f "$DIR/normalized.tsv" ] &&
			    stale "$DIR/$NOENT" "$DIR/normalized.tsv"; then
				echo "building $DIR/$NOENT (no news-tag-entities)..." >&2
				awk 'BEGIN { FS = OFS = "\t" }
				     NR == 1 { h = $0; print $0, "entities"; next }
				     $0 == h { print $0, "entities"; next }
				     { print $0 "\t" }' "$DIR/normalized.tsv" > "$DIR/$NOENT"
			fi
		fi
		pin=$(resolve_input "$pt")
		if ! have "$pt" || [ -z "$pin" ]; then
			rm -f "$pout"
			continue
		fi
		pin=$DIR/$pin
		if stale "$pout" "$pin" "$BIN/$pt"; then
			echo "building $pout with $pt..." >&2
			# shellcheck disable=SC2046
			if "$BIN/$pt" $(args_of "$pt") < "$pin" > "$pout.tmp" 2> "$DIR/$pt.stderr"; then
				mv "$pout.tmp" "$pout"
			else
				echo "$pt failed on $pin (exit $?): $(head -n 1 "$DIR/$pt.stderr")" >&2
				rm -f "$pout.tmp" "$pout"
			fi
		fi
	done
}

# resolve_input TOOL: the file under $DIR the tool reads, empty when there
# is none.  news-extract-quotes falls back on the no-entities stream, and
# news-to-csv (which reads any stream) on the last stream there is.
resolve_input() {
	_f=$(input_of "$1")
	if [ -f "$DIR/$_f" ]; then
		echo "$_f"
		return
	fi
	case $1 in
	news-extract-quotes) _alt=$NOENT ;;
	news-to-csv) _alt="quotes.tsv tagged.tsv $NOENT normalized.tsv split.tsv articles.tsv" ;;
	*) _alt= ;;
	esac
	for _g in $_alt; do
		if [ -f "$DIR/$_g" ]; then
			echo "$_g"
			return
		fi
	done
}

size_of() {
	wc -c < "$1" | tr -d ' '
}

machine() {
	echo "newsline bench: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "machine: $(nproc 2>/dev/null || echo '?') CPU(s), $(sed -n 's/^model name[	 ]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1), $(uname -sr)"
	echo "compiler: $(${CC:-cc} --version 2>/dev/null | head -n 1)"
	echo "tools: $BIN (built by make: OPTFLAGS=-O2 unless overridden)"
	echo "runs: median of $REPEAT (fewer for a run over ${MAXSEC}s); MB = 10^6 bytes; input on stdin from a file, output to /dev/null"
}

bench() {
	RSSHOW=
	prepare
	machine
	echo
	printf '%-20s %-15s %7s %8s %8s %6s %8s  %-20s %s\n' \
		tool input MB 'MB/s' 'cat MB/s' ratio 'RSS MB' target verdict
	# shellcheck disable=SC2086
	[ $# -gt 0 ] || set -- $TOOLS
	for t; do
		if ! have "$t"; then
			printf '%-20s not built yet\n' "$t"
			continue
		fi
		f=$(input_of "$t")
		if [ -z "$f" ]; then
			printf '%-20s unknown tool\n' "$t"
			continue
		fi
		g=$(resolve_input "$t")
		if [ -z "$g" ]; then
			printf '%-20s no input: %s needs %s\n' "$t" "$f" "$(producer_of "$f") (not built yet or failed)"
			continue
		fi
		note=""
		if [ "$g" = "$NOENT" ]; then
			note=" (no entities: news-tag-entities not built yet)"
		elif [ "$g" != "$f" ]; then
			note=" (no $f: read $g)"
		fi
		f=$g
		size=$(size_of "$DIR/$f")
		# shellcheck disable=SC2046
		set -- $("$PY" tests/bench_run.py "$REPEAT" "$MAXSEC" "$DIR/$f" -- "$BIN/$t" $(args_of "$t"))
		if [ $# -ne 5 ]; then
			printf '%-20s measurement failed\n' "$t"
			continue
		fi
		tsec=$1 rss=$2 runs=$3 st=$4 RSSHOW=$5
		# shellcheck disable=SC2016,SC2046
		set -- $("$PY" tests/bench_run.py "$REPEAT" "$MAXSEC" "$DIR/$f" -- sh -c 'cat "$0" | cat' "$DIR/$f")
		csec=${1:-0}
		awk -v t="$t" -v f="$f" -v size="$size" -v tsec="$tsec" -v csec="$csec" -v rss="$rss" \
		    -v runs="$runs" -v st="$st" -v st_t="$(speed_target "$t")" -v rss_t="$(rss_target "$t")" \
		    -v note="$note" 'BEGIN {
			mb = size / 1e6
			speed = tsec > 0 ? mb / tsec : 0
			cspeed = csec > 0 ? mb / csec : 0
			ratio = csec > 0 ? tsec / csec : 0
			rmb = rss * 1024 / 1e6
			target = ">=" st_t " MB/s" (rss_t != "" ? ", <" rss_t " MB" : "")
			if (st != 0)
				verdict = "FAILED (exit " st ")"
			else {
				verdict = ""
				if (speed < st_t) verdict = verdict " SLOW"
				if (rss_t != "" && rmb >= rss_t) verdict = verdict " RSS"
				verdict = verdict == "" ? "meets" : "misses:" verdict
			}
			if (runs < 0 + ENVIRON["REPEAT_WANTED"]) verdict = verdict " (" runs " run" (runs > 1 ? "s" : "") ")"
			printf "%-20s %-15s %7.1f %8.1f %8.1f %6.1f %8.1f  %-20s %s%s\n", \
				t, f, mb, speed, cspeed, ratio, rmb, target, verdict, note
		}'
	done
	case ${RSSHOW:-} in
	time) echo; echo "RSS MB: peak resident set of the tool process, from /usr/bin/time -f %M." ;;
	wait4*) echo; echo "RSS MB: an UPPER BOUND (os.wait4 counts the python parent's size at fork);"
		echo "install GNU time (apt-get install time) for the tool's own figure." ;;
	esac
	cat <<'EOF'
ratio = tool time / cat time (how many times slower than copying the bytes).
Caveats: memory is bounded by the largest document (one article or one line),
not by the input size: a 50 MB line costs 50 MB of RSS in any tool, so the RSS
targets hold for news-sized records only.  Input comes on stdin from a file;
through a pipe from an upstream tool the two share the CPUs.  Times are wall
clock on a shared machine: compare tools within one run, not across runs.
EOF
}

profile() {
	t=$1
	if ! command -v valgrind > /dev/null 2>&1; then
		echo "bench.sh: valgrind is not installed (apt-get install valgrind)" >&2
		exit 1
	fi
	if ! have "$t"; then
		echo "bench.sh: $t: not built yet ($BIN/$t)" >&2
		exit 1
	fi
	f=$(input_of "$t")
	[ -n "$f" ] || { echo "bench.sh: unknown tool $t" >&2; exit 2; }
	prepare
	f=$(resolve_input "$t")
	if [ -z "$f" ]; then
		f=$(input_of "$t")
		echo "bench.sh: no input for $t: $f needs $(producer_of "$f")" >&2
		exit 1
	fi
	# a 2 MB slice, cut at a line end, keeps callgrind to a few seconds
	echo "input: $DIR/$f" >&2
	head -c 2000000 "$DIR/$f" | sed '$d' > "$DIR/profile-$t.tsv"
	out=$DIR/callgrind.out.$t
	# shellcheck disable=SC2046
	valgrind --tool=callgrind --callgrind-out-file="$out" --log-file="$out.log" \
		"$BIN/$t" $(args_of "$t") < "$DIR/profile-$t.tsv" > /dev/null || {
		echo "bench.sh: valgrind run failed, see $out.log" >&2
		exit 1
	}
	echo "callgrind profile of $t on $DIR/profile-$t.tsv ($(size_of "$DIR/profile-$t.tsv") bytes): $out"
	echo "(build with OPTFLAGS='-O2 -g' for file names; callgrind_annotate $out for the rest)"
	callgrind_annotate "$out" 2>/dev/null | sed -n '/PROGRAM TOTALS/,$p' | head -n 30
}

export REPEAT_WANTED="$REPEAT"
case ${1:-} in
--profile)
	[ $# -eq 2 ] || { echo "usage: sh tests/bench.sh --profile TOOL" >&2; exit 2; }
	profile "$2"
	;;
-h | --help)
	sed -n '2,18s/^# \{0,1\}//p' "$0"
	;;
-*)
	echo "usage: sh tests/bench.sh [--profile TOOL] [TOOL...]" >&2
	exit 2
	;;
*)
	bench "$@"
	;;
esac
