#!/bin/sh
# speed-tag-entities.sh - throughput of tag-entities on the 100 MB corpus
# (CPU seconds, best of $RUNS, beside cat on the same file in the same
# run): default rules, --inline, and with a synthetic 100,000-alias
# gazetteer (bench/make-gazetteer.sh); then the load time (CPU seconds on
# empty input), peak memory and bytes per alias of 100,000 and 1,000,000
# aliases. Targets (issue 10): >= 100 MB/s default, >= 150 MB/s with 100k
# aliases, load <= 0.3 s, <= 150 bytes an alias, 1M aliases in <= 2 s.
set -e
. "$(dirname "$0")/lib.sh"
need_corpus
TE=$BIN/tag-entities
[ -x "$TE" ] || { echo "build it first: make" >&2; exit 1; }
G=${TMPDIR:-/tmp}/copydesk-gazetteers
mkdir -p "$G"
for n in 100000 1000000; do
	[ -s "$G/syn-$n.tsv" ] && [ "$G/syn-$n.tsv" -nt "$top/bench/make-gazetteer.sh" ] ||
		sh "$top/bench/make-gazetteer.sh" $n > "$G/syn-$n.tsv"
done

echo "## tag-entities ($(basename "$CORPUS"), $(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$CORPUS") / 1e6 }") MB)"
table_head
cat_baseline "$CORPUS"
row "tag-entities" "$CORPUS" "$TE"
row "tag-entities --inline" "$CORPUS" "$TE" --inline
row "tag-entities -g (100,000 aliases)" "$CORPUS" "$TE" -g "$G/syn-100000.tsv"

echo
echo "| gazetteer | load CPU s | peak RSS MB | aliases | table MB | bytes/alias |"
echo "|---|---:|---:|---:|---:|---:|"
base=$("$TE" --list-rules | sed -n 2p | awk '{ print $(NF - 1) }')
base_n=$("$TE" --list-rules | sed -n 2p | awk '{ print $1 }')
load() { # NAME ARGS...: CPU seconds to load and tag nothing, RSS, table size
	name=$1; shift
	s=$(cpu_seconds /dev/null "$TE" "$@")
	rss=$(/usr/bin/time -f %M "$TE" "$@" < /dev/null 2>&1 >/dev/null | tail -n 1)
	line=$("$TE" "$@" --list-rules | sed -n 2p)
	n=$(echo "$line" | awk '{ print $1 }')
	mb=$(echo "$line" | awk '{ print $(NF - 1) }')
	printf '| %s | %.3f | %.1f | %s | %s | %s |\n' "$name" "$s" "$(awk "BEGIN { print $rss / 1024 }")" \
		"$n" "$mb" "$(awk "BEGIN { d = $n - $base_n; if (d > 0) printf \"%.0f\", ($mb - $base) * 1e6 / d; else print \"-\" }")"
}
load "default rules" 
load "-g 100,000 aliases" -g "$G/syn-100000.tsv"
load "-g 1,000,000 aliases" -g "$G/syn-1000000.tsv"
