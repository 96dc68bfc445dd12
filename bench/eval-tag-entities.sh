#!/bin/sh
# eval-tag-entities.sh - tag-entities on CoNLL-2003 English ($SHARED/eval/
# entities, read there, never copied): the gazetteer is built from eng.train
# with tag-entities --make-gazetteer (every entity string with its most
# frequent type) into a cache directory outside the repository, passed with
# -g beside the default rules, and the predictions scored by the set's
# score.py (exact spans, conlleval). Rows: testa, its odd and even
# documents (rules were tuned looking at the odd half only: the even half
# is the held-out check), testa without the gazetteer, and the second half
# of train tagged with a gazetteer built from the first half only; then
# P / R / F1 per type of the first row.
#   EVAL_CACHE=DIR (default $TMPDIR/copydesk-eval-entities): the gazetteers
#   and split files, rebuilt under a lock; predictions and scores go to a
#   directory of the run's own, so two runs at once do not mix their files
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
E=$SHARED/eval/entities
[ -f "$E/score.py" ] && [ -f "$E/eng.train" ] || { echo "no $E (CoNLL-2003)" >&2; exit 77; }
C=${EVAL_CACHE:-${TMPDIR:-/tmp}/copydesk-eval-entities}
mkdir -p "$C"
R=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-eval-entities-run.XXXXXX")
trap 'rm -rf "$R"' EXIT INT TERM
exec 9> "$C/lock"
flock 9
T=$top/bench/conll-tools.py
export CONLL_DIR="$E"
TE=$BIN/tag-entities

# the gazetteers (rebuilt when the builder or the data are newer)
if [ ! -f "$C/stamp" ] || [ "$TE" -nt "$C/stamp" ] || [ "$E/eng.train" -nt "$C/stamp" ]; then
	python3 "$T" mentions "$E/eng.train" > "$C/train.mentions.tsv"
	"$TE" --make-gazetteer "$C/train.mentions.tsv" > "$C/train.gaz.tsv"
	# train split in two: the first 473 documents build a gazetteer for the rest
	python3 "$T" split "$E/eng.train" "$C" 473
	python3 "$T" mentions "$C/eng.train-head" > "$C/train-head.mentions.tsv"
	"$TE" --make-gazetteer "$C/train-head.mentions.tsv" > "$C/train-head.gaz.tsv"
	python3 "$T" split "$E/eng.testa" "$C"
	for f in eng.testa-odd eng.testa-even eng.train-tail; do
		python3 "$E/conll2tsv.py" "$C/$f" > "$C/$f.input.tsv"
	done
	touch "$C/stamp"
fi
flock -u 9

score() { # NAME GOLD PRED: a table row; score.py's JSON kept in $R/score.json
	python3 "$E/score.py" "$2" "$3" --json > "$R/score.json"
	python3 -c '
import json, sys
name = sys.argv[1]
d = json.load(open(sys.argv[2]))
o = d.get("overall", d)
def f(x): return "%.2f" % x
row = [name, f(o["precision"]), f(o["recall"]), f(o["f1"])]
for t in ("PER", "ORG", "LOC", "MISC"):
    row.append(f(d["types"][t]["f1"]) if t in d.get("types", {}) else "-")
print("| " + " | ".join(row) + " |")' "$1" "$R/score.json"
}
types() { # NAME JSON: per type P / R / F1 of one row (from score)
	python3 -c '
import json, sys
d = json.load(open(sys.argv[2]))
print("Per type, %s:" % sys.argv[1])
print()
print("| type | P | R | F1 | gold | predicted |")
print("|---|---:|---:|---:|---:|---:|")
for t in ("PER", "ORG", "LOC", "MISC"):
    v = d.get("types", {}).get(t)
    if v:
        print("| %s | %.2f | %.2f | %.2f | %d | %d |" % (t, v["precision"], v["recall"], v["f1"], v["gold"], v["pred"]))
    else:
        print("| %s | - | - | - | 0 | 0 |" % t)' "$1" "$2"
}

"$TE" -g "$C/train.gaz.tsv" "$E/eng.testa.input.tsv" > "$R/testa.pred.tsv"
"$TE" -g "$C/train.gaz.tsv" "$C/eng.testa-odd.input.tsv" > "$R/testa-odd.pred.tsv"
"$TE" -g "$C/train.gaz.tsv" "$C/eng.testa-even.input.tsv" > "$R/testa-even.pred.tsv"
"$TE" "$E/eng.testa.input.tsv" > "$R/testa-nogaz.pred.tsv"
"$TE" -g "$C/train-head.gaz.tsv" "$C/eng.train-tail.input.tsv" > "$R/train-tail.pred.tsv"

echo "## tag-entities: CoNLL-2003 English (exact spans, conlleval F1)"
echo
echo "| set | P | R | F1 | PER | ORG | LOC | MISC |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
score "testa, -g train gazetteer" "$E/eng.testa" "$R/testa.pred.tsv"
cp "$R/score.json" "$R/testa.score.json"
score "testa odd docs (tuned on)" "$C/eng.testa-odd" "$R/testa-odd.pred.tsv"
score "testa even docs (held out)" "$C/eng.testa-even" "$R/testa-even.pred.tsv"
score "testa, default rules only" "$E/eng.testa" "$R/testa-nogaz.pred.tsv"
score "train 2nd half, -g 1st-half gazetteer" "$C/eng.train-tail" "$R/train-tail.pred.tsv"
echo
types "testa, -g train gazetteer" "$R/testa.score.json"
