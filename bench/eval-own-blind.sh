#!/bin/sh
# eval-own-blind.sh - the project's own blind sets (tests/data/*-blind*),
# written on 2026-12-01 by authors who never ran the programs on them (the
# author of blind4 once, for its golden test, after the last label) and
# scored here only in totals: strip-boilerplate on boilerplate-blind5
# (written 2026-12-02, the fresh one: all of it held out, no dev half),
# boilerplate-blind4, boilerplate-blind3 and boilerplate-blind2 (article
# paragraphs lost, boilerplate kept, per language; the three that became
# dev sets in their two halves, dev and held out), tag-entities on entities-blind
# (CoNLL-type P/R/F1, default rules), extract-quotes on quotes-blind
# (spans and speakers); then the trip sets (tests/data/entities-trip,
# quotes-trip), not blind, by halves. Needs no ../shared.
cd "$(dirname "$0")/.."
BIN=${BIN:-$PWD/bin}
T=${TMPDIR:-/tmp}/copydesk-blind.$$
mkdir -p "$T" && trap 'rm -rf "$T"' EXIT INT TERM

# bp_totals SET [HALF REGEX]: title+article paragraphs lost and
# boilerplate kept, per language, strip-boilerplate --mark on all of the
# set's pages; with a half, only the pages whose doc id matches REGEX
# (grep -E) are scored
bp_totals() {
	B=tests/data/$1
	cut -f1,2,4 $B/articles.tsv | "$BIN/strip-boilerplate" --mark > "$T/b.tsv" || exit 1
	if [ $# -ge 3 ]; then
		echo "-- $2: docs $3"
		awk -F '\t' -v re="^($3)" 'NR == 1 || $1 ~ re' $B/articles.tsv > "$T/l.tsv"
	else
		cp $B/articles.tsv "$T/l.tsv"
	fi
	printf '%-6s %28s %26s\n' lang 'article+title lost' 'boilerplate kept'
	for lang in en de fr es pt it nl all; do
		re=$lang-; [ $lang = all ] && re='[a-z][a-z]-'
		sh tests/data/boilerplate-prose/score.sh -d "$re" "$T/l.tsv" "$T/b.tsv" | awk -v l=$lang -F': ' '
			/^article paragraphs dropped:/ { split($2, a, " "); lost = a[1] }
			/^boilerplate paragraphs kept:/ { kept = $2 }
			END { printf "%-6s %28s %26s\n", l, lost, kept }'
	done
	awk -F '\t' 'NR > 1 && $3 != "boilerplate" { n[substr($1, 1, 2)]++; t++ } END {
		printf "(article+title paragraphs:"; for (l in n) printf " %s %d", l, n[l]; printf ", all %d)\n", t }' "$T/l.tsv"
}
# boilerplate-blind5: written blind on 2026-12-02, never read while fixing;
# the whole set is held out (its README): totals only, never its rows
echo "== strip-boilerplate on tests/data/boilerplate-blind5 (written blind; the fresh set, all held out) =="
bp_totals boilerplate-blind5
echo
echo "== strip-boilerplate on tests/data/boilerplate-blind4 (written blind; a dev set since bp14) =="
bp_totals boilerplate-blind4 'odd (dev)' '(en-[0-9][13579]|[a-z][a-z]-0[13])$'
bp_totals boilerplate-blind4 'even (held out)' '(en-[0-9][02468]|(de|fr|es|pt|it|nl)-0[24])$'
echo
# the halves of the sets that became dev sets (their READMEs): the odd
# pages were read while working on the engine, the even ones are held out
echo "== strip-boilerplate on tests/data/boilerplate-blind3 (written blind; a dev set since bp12) =="
bp_totals boilerplate-blind3 'odd (dev)' '(en-[0-9][13579]|[a-z][a-z]-01)$'
bp_totals boilerplate-blind3 'even (held out)' '(en-[0-9][02468]|(de|fr|es|pt|it|nl)-0[23])$'
echo
echo "== strip-boilerplate on tests/data/boilerplate-blind2 (written blind; a dev set since bp11) =="
bp_totals boilerplate-blind2 'odd (dev)' '(en-[0-9][13579]|[a-z][a-z]-01)$'
bp_totals boilerplate-blind2 'even (held out)' '([a-z][a-z]-[0-9][02468])$'
echo
# boilerplate-trip: written to trip the rules (not blind), fixes made
# reading the odd half only (its README)
echo "== strip-boilerplate on tests/data/boilerplate-trip (written to trip the rules; odd = dev) =="
bp_totals boilerplate-trip 'odd (dev)' '(en-[0-9][13579]|[a-z][a-z]-0[13])$'
bp_totals boilerplate-trip 'even (held out)' '(en-[0-9][02468]|(de|fr|es|pt|it|nl)-0[24])$'
echo
echo "== tag-entities on tests/data/entities-blind (written blind; default rules) =="
"$BIN/tag-entities" < tests/data/entities-blind/paragraphs.tsv > "$T/e.tsv" || exit 1
python3 tests/data/entities-blind/score.py tests/data/entities-blind/gold.tsv "$T/e.tsv" | sed -n '2,7p'

echo
echo "== extract-quotes on tests/data/quotes-blind (written blind) =="
for opt in '' -w; do
	echo "-- extract-quotes $opt"
	"$BIN/extract-quotes" $opt < tests/data/quotes-blind/paragraphs.tsv > "$T/q.tsv" || exit 1
	python3 tests/data/quotes-blind/score.py tests/data/quotes-blind/gold.tsv "$T/q.tsv" | sed -n '1,6p;/^non-quotations/p'
done

# not blind: written to trip the rules, then fixes made looking at the odd
# half only (tests/data/*-trip/README.md); both halves and all
echo
echo "== tag-entities on tests/data/entities-trip (written to trip the rules; default rules) =="
BIN=$BIN sh bench/trip-halves.sh entities | grep -E '^-- |^overall'
echo
echo "== extract-quotes on tests/data/quotes-trip (written to trip the rules) =="
BIN=$BIN sh bench/trip-halves.sh quotes | grep -E '^-- |^direct|^all|^non-quotations'
