#!/bin/sh
# trip-halves.sh - tag-entities on tests/data/entities-trip and
# extract-quotes on tests/data/quotes-trip, written to trip their rules,
# scored by the blind sets' scorers in halves by article number: odd
# (the half fixes were made on) and even (held out), then all.
# Usage: sh bench/trip-halves.sh [entities|quotes] (default both)
cd "$(dirname "$0")/.."
BIN=${BIN:-$PWD/bin}
T=${TMPDIR:-/tmp}/copydesk-trip.$$
mkdir -p "$T" && trap 'rm -rf "$T"' EXIT INT TERM
# half SET FILE PARITY: the header and the rows of documents whose number
# has that parity (odd, even, all)
half() {
	awk -F '\t' -v p="$3" 'NR == 1 { print; next }
		{ n = $1; sub(/^[a-z]+-0*/, "", n) }
		p == "all" || (p == "odd" && n % 2 == 1) || (p == "even" && n % 2 == 0)' "$2"
}
what=${1:-both}
if [ "$what" != quotes ]; then
	E=tests/data/entities-trip
	"$BIN/tag-entities" < $E/paragraphs.tsv > "$T/e.tsv" || exit 1
	for p in odd even all; do
		half e $E/gold.tsv $p > "$T/eg.tsv"; half e "$T/e.tsv" $p > "$T/ep.tsv"
		echo "-- tag-entities, entities-trip, $p articles"
		python3 tests/data/entities-blind/score.py --text $E/paragraphs.tsv "$T/eg.tsv" "$T/ep.tsv" | sed -n '2,7p'
	done
fi
if [ "$what" != entities ]; then
	Q=tests/data/quotes-trip
	"$BIN/extract-quotes" < $Q/paragraphs.tsv > "$T/q.tsv" || exit 1
	for p in odd even all; do
		for f in gold not-quotes attribution; do half q $Q/$f.tsv $p > "$T/$f.tsv"; done
		half q "$T/q.tsv" $p > "$T/qp.tsv"
		echo "-- extract-quotes, quotes-trip, $p articles"
		python3 tests/data/quotes-blind/score.py "$T/gold.tsv" "$T/qp.tsv" | sed -n '1,6p;/^non-quotations/p'
	done
fi
