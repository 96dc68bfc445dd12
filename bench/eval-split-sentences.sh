#!/bin/sh
# eval-split-sentences.sh - sentence boundaries against the sets in
# $SHARED/eval/sentences: the Pragmatic Segmenter "Golden Rules" (48 English
# rules, then the 4 extra ones, the last 4 docs) and the UD GUM news
# paragraphs; then the repo's own sets, scored by tests/data/sentences/
# score.sh, so those rows need no $SHARED: the news set (tests/data/
# sentences) and the web-text set (tests/data/sentences-web: both halves,
# dev = even doc numbers, holdout = odd, and all); prints a markdown table.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
E=$SHARED/eval/sentences
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eval-ss.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

own() { # the repo's set, scored without Python
	D=$top/tests/data/sentences
	"$BIN/split-sentences" "$D/news.input.tsv" >"$tmp/news.pred"
	sh "$D/score.sh" "$D/news.gold.tsv" "$tmp/news.pred" | awk '{
		printf "| own news set (tests/data/sentences) | %s/%s | %s | %s | %s | %s |\n", $4, $2, $6, $8, $10, $12 }'
}
web() { # the web-text set: dev, holdout, all
	D=$top/tests/data/sentences-web
	"$BIN/split-sentences" "$D/web.input.tsv" >"$tmp/web.pred"
	for half in dev holdout all; do
		case $half in dev) odd=0 ;; holdout) odd=1 ;; all) odd=-1 ;; esac
		awk -F '\t' -v odd=$odd 'NR == 1 || odd < 0 || substr($1, length($1) - 2) % 2 == odd' \
			"$D/web.gold.tsv" >"$tmp/web.$half.gold"
		sh "$top/tests/data/sentences/score.sh" "$tmp/web.$half.gold" "$tmp/web.pred" |
			awk -v half=$half '{
			printf "| web set, %s (tests/data/sentences-web) | %s/%s | %s | %s | %s | %s |\n", half, $4, $2, $6, $8, $10, $12 }'
	done
}
if [ ! -f "$E/score.py" ]; then
	echo "no $E/score.py: only the repo's own set" >&2
	echo "## split-sentences: sentence boundaries"
	echo
	echo "| set | docs exact | boundaries | P | R | F1 |"
	echo "|---|---:|---:|---:|---:|---:|"
	own
	web
	exit 0
fi

# the golden set split in two: the 48 rules, the 4 extra (last 4 docs)
head -n 1 "$E/golden.gold.tsv" >"$tmp/g48.gold"
tail -n +2 "$E/golden.gold.tsv" | head -n 48 >>"$tmp/g48.gold"
head -n 1 "$E/golden.gold.tsv" >"$tmp/gx.gold"
tail -n +2 "$E/golden.gold.tsv" | tail -n +49 >>"$tmp/gx.gold"

"$BIN/split-sentences" "$E/golden.input.tsv" >"$tmp/golden.pred"
"$BIN/split-sentences" "$E/gum_news.input.tsv" >"$tmp/gum.pred"

line() { # NAME GOLD PRED
	python3 "$E/score.py" "$2" "$3" | awk -v name="$1" '{
		printf "| %s | %s/%s | %s | %s | %s | %s |\n", name, $4, $2, $6, $8, $10, $12 }'
}
echo "## split-sentences: sentence boundaries"
echo
echo "| set | docs exact | boundaries | P | R | F1 |"
echo "|---|---:|---:|---:|---:|---:|"
line "Golden Rules (48)" "$tmp/g48.gold" "$tmp/golden.pred"
line "Golden Rules, 4 extra" "$tmp/gx.gold" "$tmp/golden.pred"
line "GUM news" "$E/gum_news.gold.tsv" "$tmp/gum.pred"
own
web
