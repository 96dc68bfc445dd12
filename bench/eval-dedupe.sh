#!/bin/sh
# eval-dedupe.sh - dedupe against $SHARED/eval/dedupe (the 100k-row stress
# set, scored by its score.py; both halves of the clusters, CRC-32 even and
# odd: the even half was the one looked at while tuning), against our own
# generated set (scripts/dedupe-gen.py, 100k rows, another seed than the
# tests'; 1M rows too with DEDUPE_1M=1), and the sharded mode on GNU
# parallel and Dask against one process on the stress set.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
PY=/usr/bin/python3
E=$SHARED/eval/dedupe
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eval-dedupe.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
D=$BIN/dedupe

score_shared() { # NAME OUT
	python3 "$E/score.py" "$E/stress100k.truth.tsv" "$2" > "$tmp/s"
	$PY "$top/bench/dedupe-halves.py" "$E/stress100k.truth.tsv" "$2" "$tmp/h"
	python3 "$E/score.py" "$tmp/h.0.truth.tsv" "$tmp/h.0.out.tsv" > "$tmp/s0"
	python3 "$E/score.py" "$tmp/h.1.truth.tsv" "$tmp/h.1.out.tsv" > "$tmp/s1"
	awk -v name="$1" -v f="$tmp/s" -v f0="$tmp/s0" -v f1="$tmp/s1" 'BEGIN {
		while ((getline l < f) > 0) { split(l, w, " ")
			if (l ~ /^drop precision/) { p = w[3]; r = w[5]; f1a = w[7] }
			if (l ~ /^hard negatives/) hard = w[4] " of " w[6] }
		while ((getline l < f0) > 0) if (l ~ /^drop precision/) { split(l, w, " "); e0 = w[7] }
		while ((getline l < f1) > 0) if (l ~ /^drop precision/) { split(l, w, " "); e1 = w[7] }
		printf "| %s | %s | %s | %s | %s | %s | %s |\n", name, p, r, f1a, hard, e0, e1 }'
}

if [ -f "$E/score.py" ]; then
	echo "## dedupe: the stress set ($E, 100k rows)"
	echo
	echo "| command | drop P | drop R | drop F1 | hard negatives dropped | F1 even half | F1 odd half |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	"$D" "$E/stress100k.input.tsv" > "$tmp/exact.tsv"
	score_shared "dedupe (exact)" "$tmp/exact.tsv"
	"$D" --near 0.8 "$E/stress100k.input.tsv" > "$tmp/near.tsv"
	score_shared "dedupe --near 0.8" "$tmp/near.tsv"
	"$D" --near 0.8 --mark "$E/stress100k.input.tsv" > "$tmp/mark.tsv"
	echo
	echo "--near 0.8 --mark, as score.py reads it:"
	echo
	python3 "$E/score.py" "$E/stress100k.truth.tsv" "$tmp/mark.tsv" | sed 's/^/    /'
	echo
	# the sharded mode against one process
	if command -v parallel > /dev/null; then
		P="parallel --will-cite --pipe"
		$P --header 1 --block 4M -k "$D" --keys --part {#} < "$E/stress100k.input.tsv" \
			| LC_ALL=C sort -k1,1 -S 20% -T "$tmp" \
			| $P --group-by 1 --block 50M "$D" --near 0.8 --clusters > "$tmp/links"
		head -n 1 "$tmp/mark.tsv" > "$tmp/par.tsv"
		$P --header 1 --block 4M -k "$D" --near 0.8 --apply "$tmp/links" --part {#} --mark --no-header \
			< "$E/stress100k.input.tsv" >> "$tmp/par.tsv"
		cmp -s "$tmp/par.tsv" "$tmp/mark.tsv" && same=identical || same="DIFFERENT"
		echo "GNU parallel (blocks of 4 MB, sort, --group-by): decisions $same to one process"
	else
		echo "GNU parallel: not installed (skipped)"
	fi
	if $PY -c 'import dask.bag, dask.distributed' 2> /dev/null; then
		if PATH=$BIN:$PATH $PY "$top/examples/dedupe-dask.py" --dedupe "$D" --mark --parts 8 \
			"$E/stress100k.input.tsv" "$tmp/dask.tsv" 2> "$tmp/dask.err"; then
			cmp -s "$tmp/dask.tsv" "$tmp/mark.tsv" && same=identical || same="DIFFERENT"
		else
			tail -n 3 "$tmp/dask.err" >&2
			same="NOT GIVEN (the run failed)"
		fi
		echo "Dask (LocalCluster, 2 workers on 127.0.0.1, 8 parts): decisions $same to one process"
	else
		echo "Dask: python3-dask / python3-distributed not installed (skipped)"
	fi
	echo
else
	echo "no $E/score.py: only our own generated set" >&2
fi

own() { # ROWS SEED
	$PY "$top/scripts/dedupe-gen.py" --rows "$1" --seed "$2" "$tmp/g"
	"$D" --near 0.8 "$tmp/g.input.tsv" > "$tmp/g.out"
	$PY "$top/scripts/dedupe-score.py" "$tmp/g.truth.tsv" "$tmp/g.out" > "$tmp/gs"
	$PY "$top/scripts/dedupe-score.py" "$tmp/g.truth.tsv" "$tmp/g.out" --half 0 > "$tmp/g0"
	$PY "$top/scripts/dedupe-score.py" "$tmp/g.truth.tsv" "$tmp/g.out" --half 1 > "$tmp/g1"
	awk -v n="$1" -v s="$2" -v f0="$tmp/g0" -v f1="$tmp/g1" 'NR == 1 {
		getline l0 < f0; split(l0, a, " "); getline l1 < f1; split(l1, b, " ")
		printf "| ours, %d rows, seed %d | %s | %s | %s | %s of %s | %s | %s |\n", n, s, $2, $4, $6, $8, $10, a[6], b[6] }
		NR == 2 { sub(/^recall by edit: /, ""); rec = $0 } END { print ""; print "recall by edit: " rec }' "$tmp/gs" > "$tmp/gline"
	head -n 1 "$tmp/gline"
	tail -n 1 "$tmp/gline" > "$tmp/grec"
}
echo "## dedupe --near 0.8: our generated set (scripts/dedupe-gen.py)"
echo
echo "| set | drop P | drop R | drop F1 | hard negatives dropped | F1 half 0 | F1 half 1 |"
echo "|---|---:|---:|---:|---:|---:|---:|"
own 100000 7
[ "${DEDUPE_1M:-0}" = 1 ] && own 1000000 21
echo
cat "$tmp/grec"
