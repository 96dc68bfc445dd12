#!/bin/sh
# score.sh - boundary precision/recall/F1 of split-sentences output against
# a gold file, without Python: GOLD is "doc <TAB> sentences joined by
# ' ||| '", PRED what split-sentences printed (a header with doc and text).
# A boundary is placed by the number of non-space bytes before it (the tool
# never changes the text, so the counts agree); a doc's last end is not one.
# Prints: docs N  exact N  boundaries N  P x  R x  F1 x
[ $# -eq 2 ] || { echo "usage: score.sh GOLD.tsv PRED.tsv" >&2; exit 2; }
awk -F '\t' '
function nonspace(t) { # bytes that are not whitespace (escapes \n \t \r are)
	gsub(/\\\\/, "x", t); gsub(/\\[ntr]/, "", t); gsub(/[ \t\r\n]/, "", t)
	gsub(/\302\240|\342\200[\200-\212\257]|\342\201\237|\343\200\200/, "", t)
	return length(t)
}
FNR == 1 { if (FILENAME == ARGV[2]) for (k = 1; k <= NF; k++) { if ($k == "doc") di = k; if ($k == "text") ti = k }
	next }
FILENAME == ARGV[1] {
	docs[++nd] = $1; isdoc[$1] = 1; m = split($2, part, / \|\|\| /); at = 0
	for (k = 1; k < m; k++) { at += nonspace(part[k]); gold[$1, at] = 1; ng[$1]++ }
	next
}
{
	d = $di
	if (d != last) { pos[d] = 0; last = d } else if (seen[d]) pb[d, pos[d]] = 1
	seen[d] = 1; pos[d] += nonspace($ti)
}
END {
	for (key in pb) {
		split(key, kk, SUBSEP)
		if (!(kk[1] in isdoc)) continue # as score.py: only the gold docs
		if (key in gold) tp++
		else { fp++; bad[kk[1]] = 1 }
	}
	for (key in gold)
		if (!(key in pb)) { fn++; split(key, kk, SUBSEP); bad[kk[1]] = 1 }
	for (i = 1; i <= nd; i++)
		exact += !(docs[i] in bad)
	p = tp + fp ? tp / (tp + fp) : 1; r = tp + fn ? tp / (tp + fn) : 1
	f = p + r ? 2 * p * r / (p + r) : 0
	printf "docs %d  exact %d  boundaries %d  P %.4f  R %.4f  F1 %.4f\n", nd, exact, tp + fn, p, r, f
}' "$1" "$2"
