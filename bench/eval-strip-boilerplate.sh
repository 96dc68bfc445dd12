#!/bin/sh
# eval-strip-boilerplate.sh - boilerplate removal scored with the benchmark's
# own metric (score.py in $SHARED/eval/boilerplate: 4-token shingles, P and R
# averaged per document) on the window and the full pages; the tool reads
# doc, line (as para) and text only, never the label. Also the two halves of
# the documents (first hex digit of the id even / odd), as a hold-out check,
# and --drop-title (the ground truth leaves headlines out). Prints markdown.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
E=$SHARED/eval/boilerplate
[ -f "$E/score.py" ] || { echo "no $E/score.py" >&2; exit 77; }
[ -x "$BIN/strip-boilerplate" ] || { echo "build it first: make" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eval-bp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

python3 -c '
import json, sys
ids = sorted(json.load(open(sys.argv[1])))
with open(sys.argv[2], "w") as a, open(sys.argv[3], "w") as b:
    for d in ids:
        (a if int(d[0], 16) % 2 == 0 else b).write(d + "\n")
' "$E/ground-truth.json" "$tmp/even" "$tmp/odd"

f1() { # KEPT [--docs FILE]: "F1 P R"
	kept=$1; shift
	python3 "$E/score.py" --bootstrap 200 "$@" "$kept" | tail -n 1 |
		awk '{ printf "%s | %s | %s", $2, $5, $8 }'
}

echo "## strip-boilerplate: article text kept (F1 of 4-token shingles, score.py)"
echo
echo "| set | options | F1 | P | R | F1 even half | F1 odd half |"
echo "|---|---|---:|---:|---:|---:|---:|"
for set in window pages; do
	for opt in "" "--drop-title"; do
		cut -f1,2,4 "$E/all-$set.tsv" | sed '1s/line/para/' |
			"$BIN/strip-boilerplate" $opt >"$tmp/kept.tsv" 2>/dev/null
		all=$(f1 "$tmp/kept.tsv")
		even=$(f1 "$tmp/kept.tsv" --docs "$tmp/even" | cut -d' ' -f1)
		odd=$(f1 "$tmp/kept.tsv" --docs "$tmp/odd" | cut -d' ' -f1)
		printf '| all-%s | %s | %s | %s | %s |\n' "$set" "${opt:-(default)}" "$all" "$even" "$odd"
	done
done
echo
echo "Reference points (eval README, same metric): trafilatura 0.958 and"
echo "Readability.js 0.947 read the HTML; keep-every-line 0.822 / 0.593;"
echo "lines of >= 10 words ending in . ! ? 0.902 / 0.839; jusText on the text"
echo "lines 0.826 / 0.762 (window / pages)."
