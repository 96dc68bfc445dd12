#!/bin/sh
# eval-strip-boilerplate.sh - boilerplate removal scored with the benchmark's
# own metric (score.py in $SHARED/eval/boilerplate: 4-token shingles, P and R
# averaged per document) on the window and the full pages; the tool reads
# doc, line (as para) and text only, never the label. Also the two halves of
# a cross-validation by site: each page's site is the registered domain of
# its URL in ground-truth.json, and a site goes to half A or B by the first
# byte of the SHA-256 of its name (even: A), so no site is in both halves.
# Rules and thresholds were chosen reading the errors of half B only; half
# A is the check. And --drop-title (the ground truth leaves headlines out).
# Prints markdown; F1 to four decimals (score.py prints three).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
E=$SHARED/eval/boilerplate
[ -f "$E/score.py" ] || { echo "no $E/score.py" >&2; exit 77; }
[ -x "$BIN/strip-boilerplate" ] || { echo "build it first: make" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eval-bp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# the halves by site (computed here: no list of the eval's sites is kept
# in the repository)
python3 -c '
import hashlib, json, sys, urllib.parse
def site(url):
    host = urllib.parse.urlparse(url).netloc.lower().split(":")[0]
    parts = host.split(".")
    if parts[0] == "www":
        parts = parts[1:]
    # a country domain with a second level (example.co.uk, example.com.br)
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "gov", "ac", "ne", "or") and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])
gt = json.load(open(sys.argv[1]))
halves = {"A": set(), "B": set()}
with open(sys.argv[2], "w") as a, open(sys.argv[3], "w") as b:
    for d in sorted(gt):
        s = site(gt[d].get("url", ""))
        h = "A" if hashlib.sha256(s.encode()).digest()[0] % 2 == 0 else "B"
        halves[h].add(s)
        (a if h == "A" else b).write(d + "\n")
print("%d %d %d %d" % (sum(1 for _ in open(sys.argv[2])), len(halves["A"]),
                       sum(1 for _ in open(sys.argv[3])), len(halves["B"])))
' "$E/ground-truth.json" "$tmp/A" "$tmp/B" >"$tmp/counts"
read -r nA sA nB sB <"$tmp/counts"

f1() { # KEPT [--docs FILE]: "F1 | P | R", four decimals
	kept=$1; shift
	python3 - "$E" "$kept" "$@" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import score
gt = score.load_gt(sys.argv[1] + "/ground-truth.json")
if len(sys.argv) > 4 and sys.argv[3] == "--docs":
    keep = {l.strip() for l in open(sys.argv[4]) if l.strip()}
    gt = {k: v for k, v in gt.items() if k in keep}
pred = score.load_tsv(sys.argv[2])
rows = [score.tp_fp_fn(gt[k], pred.get(k, ""), 4) for k in sorted(gt)]
f, p, r = score.macro(rows)
print("%.4f | %.4f | %.4f" % (f, p, r))
EOF
}

echo "## strip-boilerplate: article text kept (F1 of 4-token shingles, score.py's metric)"
echo
echo "Halves by site: A $nA pages of $sA sites, B $nB pages of $sB sites."
echo
echo "| set | options | F1 | P | R | F1 half A | F1 half B |"
echo "|---|---|---:|---:|---:|---:|---:|"
for set in window pages; do
	for opt in "" "--drop-title"; do
		cut -f1,2,4 "$E/all-$set.tsv" | sed '1s/line/para/' |
			"$BIN/strip-boilerplate" $opt >"$tmp/kept.tsv" 2>/dev/null
		all=$(f1 "$tmp/kept.tsv")
		a=$(f1 "$tmp/kept.tsv" --docs "$tmp/A" | cut -d' ' -f1)
		b=$(f1 "$tmp/kept.tsv" --docs "$tmp/B" | cut -d' ' -f1)
		printf '| all-%s | %s | %s | %s | %s |\n' "$set" "${opt:-(default)}" "$all" "$a" "$b"
	done
done
echo
echo "Reference points (eval README, same metric): trafilatura 0.958 and"
echo "Readability.js 0.947 read the HTML; keep-every-line 0.822 / 0.593;"
echo "lines of >= 10 words ending in . ! ? 0.902 / 0.839; jusText on the text"
echo "lines 0.826 / 0.762 (window / pages)."
