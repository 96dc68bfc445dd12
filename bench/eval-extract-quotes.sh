#!/bin/sh
# eval-extract-quotes.sh - extract-quotes against PolNeAR in
# $SHARED/eval/quotes (direct quotations, score.py's defaults): dev, and
# train split by document into the half the scorer's weights were fitted
# on (A) and the held-out half (B: the parity of the first byte of the md5
# of the doc id). Each with the default speakers (pronouns resolved) and
# with --as-written (the noun phrase as the text has it, titles kept,
# nothing resolved); then the speaker columns for each --resolve choice.
# Prints markdown tables; the numbers are score.py's.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
E=$SHARED/eval/quotes
[ -f "$E/score.py" ] || { echo "no $E/score.py" >&2; exit 77; }
[ -x "$BIN/extract-quotes" ] || { echo "build it first: make" >&2; exit 1; }
COPYDESK_RULES_DIR=${COPYDESK_RULES_DIR:-$top/rules}
export COPYDESK_RULES_DIR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eval-eq.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

python3 "$top/bench/quotes-halves.py" "$E" "$tmp"
cp "$E/dev.input.tsv" "$E/dev.gold.tsv" "$tmp/"

row() { # NAME SPLIT OPTIONS...
	name=$1 split=$2
	shift 2
	"$BIN/extract-quotes" "$@" "$tmp/$split.input.tsv" >"$tmp/pred.tsv"
	python3 "$E/score.py" "$tmp/$split.gold.tsv" "$tmp/pred.tsv" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
e, o, t = r["exact"], r["overlap>=0.5"], r["token"]
f = lambda x: "%.1f" % x if x is not None else "-"
print("| %s | %s | %s / %s / %s | %s / %s / **%s** | %s / %s / %s | **%s** | %s / %s | %s |" % (
    sys.argv[1], r["gold_fragments"], f(e["P"]), f(e["R"]), f(e["F1"]), f(o["P"]), f(o["R"]), f(o["F1"]),
    f(t["P"]), f(t["R"]), f(t["F1"]), f(r["speaker_acc_any"]), f(r["speaker_acc_named"]),
    f(r["speaker_acc_named_strict"]), f(r["speaker_acc_pronoun_gold"])))' "$name"
}

spk() { # NAME SPLIT OPTIONS...: the speaker columns only
	name=$1 split=$2
	shift 2
	"$BIN/extract-quotes" "$@" "$tmp/$split.input.tsv" >"$tmp/pred.tsv"
	python3 "$E/score.py" "$tmp/$split.gold.tsv" "$tmp/pred.tsv" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
f = lambda x: "%.1f" % x if x is not None else "-"
print("| %s | %s | **%s** | %s / %s | %s |" % (sys.argv[1], r["speaker_any_n"], f(r["speaker_acc_any"]),
    f(r["speaker_acc_named"]), f(r["speaker_acc_named_strict"]), f(r["speaker_acc_pronoun_gold"])))' "$name"
}

echo "## extract-quotes: PolNeAR direct quotations (score.py defaults)"
echo
echo "| set | fragments | exact P / R / F1 | overlap P / R / F1 | token P / R / F1 | speaker any | named lenient / strict | pronoun |"
echo "|---|---:|---|---|---|---:|---|---:|"
row "dev" dev
row "dev, --as-written" dev -w
row "train A (weights fitted here)" trainA
row "train A, --as-written" trainA -w
row "train B (held out)" trainB
row "train B, --as-written" trainB -w
echo
echo "### speakers by what is resolved (the same quotations)"
echo
echo "| set, options | speakers | any | named lenient / strict | pronoun |"
echo "|---|---:|---:|---|---:|"
for s in dev trainA trainB; do
	spk "$s (default: --resolve sure)" $s
	spk "$s, --resolve all" $s --resolve all
	spk "$s, --resolve none" $s --resolve none
	spk "$s, --as-written" $s -w
done
