#!/bin/sh
# eval-split-sentences.sh - sentence boundaries against the sets in
# $SHARED/eval/sentences: the Pragmatic Segmenter "Golden Rules" (48 English
# rules, then the 4 extra ones, the last 4 docs) and the UD GUM news
# paragraphs; then the repo's own sets, scored by tests/data/sentences/
# score.sh, so those rows need no $SHARED: the news set (tests/data/
# sentences) and the web-text sets (tests/data/sentences-web: both halves,
# dev = even doc numbers, holdout = odd, and all; tests/data/
# sentences-web-blind, written blind); prints a markdown table.
# The last column is the peer ICU (bench/icu-sentences.c: ICU's sentence
# BreakIterator, en_US) on the same input, scored the same way (on the
# Golden Rules rows: docs exact); left out, with a note, when it is not
# built (make eval builds it when pkg-config finds icu-uc and icu-i18n).
#   ICU=PATH (default build/plain/bench/icu-sentences; empty: none)
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
E=$SHARED/eval/sentences
ICU=${ICU-$top/build/plain/bench/icu-sentences}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eval-ss.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ -x "$ICU" ]; then
	icu=1
else
	icu=0
	echo "no ICU peer${ICU:+ $ICU} (make eval builds it when pkg-config finds icu-uc icu-i18n): no ICU column" >&2
fi

# run INPUT NAME: split-sentences' rows into $tmp/NAME.pred, ICU's into
# $tmp/NAME.icu
run() {
	"$BIN/split-sentences" "$1" >"$tmp/$2.pred"
	[ $icu -eq 0 ] || "$ICU" "$1" >"$tmp/$2.icu"
}
# line SCORER NAME WHAT GOLD NAME: one table row, SCORER (a command taking
# GOLD PRED) on $tmp/NAME.pred, then on $tmp/NAME.icu for the ICU column
# (WHAT: f1, or exact for docs exact)
line() {
	$1 "$4" "$tmp/$5.pred" >"$tmp/ours.score"
	[ $icu -eq 0 ] || $1 "$4" "$tmp/$5.icu" >"$tmp/icu.score"
	awk -v name="$2" -v what="$3" -v icu=$icu -v f="$tmp/icu.score" '{
		printf "| %s | %s/%s | %s | %s | %s | %s |", name, $4, $2, $6, $8, $10, $12
		if (icu) {
			getline l < f; split(l, a, / +/)
			printf " %s |", what == "exact" ? a[4] "/" a[2] : a[12]
		}
		printf "\n" }' "$tmp/ours.score"
}
table_head() {
	echo "## split-sentences: sentence boundaries"
	echo
	if [ $icu -eq 1 ]; then
		echo "| set | docs exact | boundaries | P | R | F1 | ICU F1 |"
		echo "|---|---:|---:|---:|---:|---:|---:|"
	else
		echo "| set | docs exact | boundaries | P | R | F1 |"
		echo "|---|---:|---:|---:|---:|---:|"
	fi
}
own_score() { sh "$top/tests/data/sentences/score.sh" "$@"; }
py_score() { python3 "$E/score.py" "$@"; }

own() { # the repo's set, scored without Python
	D=$top/tests/data/sentences
	run "$D/news.input.tsv" news
	line own_score "own news set (tests/data/sentences)" f1 "$D/news.gold.tsv" news
}
web() { # the web-text set: dev, holdout, all
	D=$top/tests/data/sentences-web
	run "$D/web.input.tsv" web
	for half in dev holdout all; do
		case $half in dev) odd=0 ;; holdout) odd=1 ;; all) odd=-1 ;; esac
		awk -F '\t' -v odd=$odd 'NR == 1 || odd < 0 || substr($1, length($1) - 2) % 2 == odd' \
			"$D/web.gold.tsv" >"$tmp/web.$half.gold"
		line own_score "web set, $half (tests/data/sentences-web)" f1 "$tmp/web.$half.gold" web
	done
	# written blind (2026-12-01): nobody tuning the splitter has read its rows
	D=$top/tests/data/sentences-web-blind
	run "$D/web.input.tsv" webblind
	line own_score "blind web set (tests/data/sentences-web-blind)" f1 "$D/web.gold.tsv" webblind
}
if [ ! -f "$E/score.py" ]; then
	echo "no $E/score.py: only the repo's own set" >&2
	table_head
	own
	web
	exit 0
fi

# the golden set split in two: the 48 rules, the 4 extra (last 4 docs)
head -n 1 "$E/golden.gold.tsv" >"$tmp/g48.gold"
tail -n +2 "$E/golden.gold.tsv" | head -n 48 >>"$tmp/g48.gold"
head -n 1 "$E/golden.gold.tsv" >"$tmp/gx.gold"
tail -n +2 "$E/golden.gold.tsv" | tail -n +49 >>"$tmp/gx.gold"

run "$E/golden.input.tsv" golden
run "$E/gum_news.input.tsv" gum

table_head
line py_score "Golden Rules (48)" exact "$tmp/g48.gold" golden
line py_score "Golden Rules, 4 extra" exact "$tmp/gx.gold" golden
line py_score "GUM news" f1 "$E/gum_news.gold.tsv" gum
own
web
