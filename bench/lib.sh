# lib.sh - shared helpers for the benchmark scripts (sourced, not run).
# Throughput is measured in CPU seconds (user + sys via getrusage, best of
# $RUNS runs, output to /dev/null),
# which holds up better than wall time on a shared machine, and always
# reported beside `cat` on the same file in the same run.

top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
RUNS=${RUNS:-3}
# where unpacked data is kept between runs, outside the repository and not
# in the temporary directory: a cache the user can see and clean
# (rm -r ~/.cache/copydesk)
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/copydesk}
CORPUS=${CORPUS:-$CACHE/chronam-100M.tsv}

# two_builds REF_BIN [NEW_BIN]: sets REF and NEW (absolute), for the
# scripts that compare a reference build with this one.
two_builds() {
	[ $# -ge 1 ] || { echo "usage: $0 REF_BIN [NEW_BIN]" >&2; exit 2; }
	REF=$(cd "$1" && pwd)
	NEW=$(cd "${2:-$top/bin}" && pwd)
	unset COPYDESK_RULES_DIR # each build reads the rules of its own tree
	mkdir -p "$CACHE"
}

# Unpack the throughput corpus once, outside the repository.
need_corpus() {
	if [ ! -s "$CORPUS" ]; then
		xz=$SHARED/corpus/chronam1916-100M.tsv.xz
		[ -f "$xz" ] || { echo "no corpus: $xz is missing" >&2; exit 77; }
		echo "unpacking $xz to $CORPUS (kept for the next run; remove it when done)" >&2
		mkdir -p "$(dirname "$CORPUS")"
		xz -dc -T2 "$xz" > "$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS"
	fi
}

# cpu_seconds INPUT CMD...: best user+sys time of CMD < INPUT > /dev/null.
cpu_seconds() {
	input=$1; shift
	best=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		t=$(python3 "$top/bench/cputime.py" "$input" "$@")
		if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
		i=$((i + 1))
	done
	# a floor of 1 ms keeps a ratio finite for very fast commands
	awk "BEGIN { print ($best < 0.001 ? 0.001 : $best) }"
}

# row NAME INPUT CMD...: one markdown table row: MB/s and ratio to cat.
# Needs $CAT_S (cat's CPU seconds on the same input) set by cat_baseline.
cat_baseline() {
	CAT_S=$(cpu_seconds "$1" cat)
	MB=$(awk "BEGIN { print $(stat -c %s "$1") / 1e6 }")
	printf '| %s | %.0f | %.3f | 1.00 |\n' "cat" "$(awk "BEGIN { print $MB / $CAT_S }")" "$CAT_S"
}

row() {
	name=$1; input=$2; shift 2
	s=$(cpu_seconds "$input" "$@")
	printf '| %s | %.0f | %.3f | %.2f |\n' "$name" "$(awk "BEGIN { print $MB / $s }")" "$s" \
		"$(awk "BEGIN { print $s / $CAT_S }")"
}

table_head() {
	echo
	echo "| command | MB/s (CPU) | CPU s | x cat |"
	echo "|---|---:|---:|---:|"
}
