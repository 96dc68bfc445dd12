#!/bin/sh
# speed-split-sentences.sh - throughput of split-sentences on the 100 MB
# corpus (CPU seconds, best of $RUNS), beside cat on the same file in the
# same run; ICU's BreakIterator is ~147 MB/s on this kind of machine.
set -e
. "$(dirname "$0")/lib.sh"
need_corpus
[ -x "$BIN/split-sentences" ] || { echo "build it first: make" >&2; exit 1; }

echo "## split-sentences ($(basename "$CORPUS"), $(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$CORPUS") / 1e6 }") MB)"
table_head
cat_baseline "$CORPUS"
row "split-sentences" "$CORPUS" "$BIN/split-sentences"
row "split-sentences --offsets" "$CORPUS" "$BIN/split-sentences" --offsets
