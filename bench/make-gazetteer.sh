#!/bin/sh
# make-gazetteer.sh N - a synthetic gazetteer of N aliases (id type name) on
# stdout, for the speed and memory benchmarks: the names of the shipped
# lists (rules/lists/*.tsv) first, then made-up people (first names of
# rules/lists/first-names.txt with invented surnames, some with a middle
# name and a second alias "Surname"), organisations ("Surname Holdings",
# "Bank of Surname") and places ("Port Surname"). Deterministic: the same N
# gives the same file.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
L=$top/rules/lists
echo "id	type	name"
{
	for f in "$L"/*.tsv; do tail -n +2 "$f"; done
	grep -v '^#' "$L/first-names.txt" | sed 's/^/FIRST\t/'
} | LC_ALL=C awk -F'\t' -v n="$n" '
function syl(k,   s) {             # an invented surname, one for each number k
	split("ka ro mi len dor vas tel qui nar bel sa to fe lo ri gan mun pra ste vik", S, " ")
	s = S[1 + int(k / 7) % 20]
	do { s = s S[1 + k % 20]; k = int(k / 20) } while (k > 0)
	return toupper(substr(s, 1, 1)) substr(s, 2)
}
$1 == "FIRST" { first[nf++] = $2; next }
{ if (out < n) { print; out++ } }
END {
	k = 0
	while (out < n) {
		sur = syl(k)
		r = k % 10
		if (r < 6) {
			id = "syn-p" k
			name = first[k % nf] " " sur
			if (r == 0) name = first[k % nf] " " first[(k * 31) % nf] " " sur
			print id "\tPER\t" name; out++
			if (r < 3 && out < n) { print id "\tPER\t" first[k % nf] " " substr("ABCDEFGHJKLMNPRSTW", 1 + k % 18, 1) ". " sur; out++ }
		} else if (r < 9) {
			print "syn-o" k "\tORG\t" (r == 6 ? sur " Holdings" : r == 7 ? "Bank of " sur : sur " " syl(k * 3 + 1) " Group"); out++
		} else {
			print "syn-l" k "\tLOC\tPort " sur; out++
		}
		k++
	}
}'
