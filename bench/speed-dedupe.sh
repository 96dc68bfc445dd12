#!/bin/sh
# speed-dedupe.sh - dedupe's throughput on the stress set (CPU seconds, best
# of $RUNS, beside cat in the same run; exact mode in MB/s, near mode in
# rows/s: targets 400 MB/s and 200k rows/s a core), and its memory on 1M
# rows of our generator (scripts/dedupe-gen.py, made once in $TMPDIR):
# bytes a kept row as --stats counts them and as peak RSS, and the state
# file's bytes a kept row. Targets: 32 bytes exact, 200 near. Near mode's
# memory runs on the stress set, or on the 1M rows with DEDUPE_NEAR_1M=1
# (minutes).
set -e
. "$(dirname "$0")/lib.sh"
E=$SHARED/eval/dedupe
F=$E/stress100k.input.tsv
[ -x "$BIN/dedupe" ] || { echo "build it first: make" >&2; exit 1; }
D=$BIN/dedupe
tmp=$(mktemp -d "${TMPDIR:-/tmp}/speed-dedupe.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ -f "$F" ]; then
	ROWS=$(($(wc -l < "$F") - 1))
	echo "## dedupe ($(basename "$F"), $(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$F") / 1e6 }") MB, $ROWS rows)"
	echo
	echo "| command | MB/s (CPU) | rows/s (CPU) | CPU s | x cat |"
	echo "|---|---:|---:|---:|---:|"
	CAT_S=$(cpu_seconds "$F" cat)
	MB=$(awk "BEGIN { print $(stat -c %s "$F") / 1e6 }")
	line() { # NAME CMD... (cat: the baseline itself)
		name=$1; shift
		if [ "$name" = cat ]; then s=$CAT_S; else s=$(cpu_seconds "$F" "$@"); fi
		printf '| %s | %.0f | %.0f | %.3f | %.2f |\n' "$name" "$(awk "BEGIN { print $MB / $s }")" \
			"$(awk "BEGIN { print $ROWS / $s }")" "$s" "$(awk "BEGIN { print $s / $CAT_S }")"
	}
	line cat cat
	line "dedupe (exact)" "$D"
	line "dedupe --mark (exact)" "$D" --mark
	line "dedupe --near 0.8" "$D" --near 0.8
	line "dedupe --near 0.8 --mark" "$D" --near 0.8 --mark
	echo
else
	echo "no $F: speed skipped" >&2
fi

G=${DEDUPE_1M:-${TMPDIR:-/tmp}/dedupe-gen-1M}
if [ ! -s "$G.input.tsv" ]; then
	echo "making $G.input.tsv (1M rows, seed 21)" >&2
	/usr/bin/python3 "$top/scripts/dedupe-gen.py" --rows 1000000 --seed 21 "$G.tmp" && mv "$G.tmp.input.tsv" "$G.input.tsv" &&
		mv "$G.tmp.truth.tsv" "$G.truth.tsv"
fi
echo "## dedupe memory (--stats: the seen-set's bytes a kept row; peak RSS: /usr/bin/time %M)"
echo
echo "| input | command | kept rows | --stats bytes a kept row | peak RSS bytes a kept row | state file bytes a kept row | CPU s |"
echo "|---|---|---:|---:|---:|---:|---:|"
mem() { # INPUT NAME ARGS...
	in=$1 name=$2; shift 2
	/usr/bin/time -f "%M %U %S" -o "$tmp/time" "$D" --stats "$@" "$in" > /dev/null 2> "$tmp/stats"
	kept=$(awk '/texts:/ { for (i = 1; i <= NF; i++) if ($(i + 1) == "kept,") print $i }' "$tmp/stats")
	bytes=$(awk '/bytes a kept text/ { for (i = 1; i <= NF; i++) if ($(i + 1) == "bytes") print $i }' "$tmp/stats" | head -n 1)
	state=-
	if [ -f "$tmp/st" ]; then
		state=$(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$tmp/st") / $kept }")
		rm -f "$tmp/st" "$tmp/st.lock" "$tmp/o"
	fi
	read rss u s < "$tmp/time"
	printf '| %s | %s | %s | %s | %.0f | %s | %.1f |\n' "$(basename "$in")" "$name" "$kept" "$bytes" \
		"$(awk "BEGIN { print $rss * 1024 / $kept }")" "$state" "$(awk "BEGIN { print $u + $s }")"
}
mem "$G.input.tsv" "dedupe (exact)"
mem "$G.input.tsv" "dedupe --mark (exact)" --mark
mem "$G.input.tsv" "dedupe --state (exact)" --state "$tmp/st" -o "$tmp/o"
# near mode on 1M rows of our generator takes minutes: its template
# sentences share band keys, and the candidates grow with the kept rows
[ -f "$F" ] && NEAR_IN=$F || NEAR_IN=$G.input.tsv
[ "${DEDUPE_NEAR_1M:-0}" = 1 ] && NEAR_IN=$G.input.tsv
mem "$NEAR_IN" "dedupe --near 0.8" --near 0.8
mem "$NEAR_IN" "dedupe --near 0.8 --mark --state" --near 0.8 --mark --state "$tmp/st" -o "$tmp/o"
