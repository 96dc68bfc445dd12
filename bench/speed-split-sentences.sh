#!/bin/sh
# speed-split-sentences.sh - throughput of split-sentences on the 100 MB
# corpus (CPU seconds, best of $RUNS), beside cat on the same file in the
# same run, and beside the peer ICU (bench/icu-sentences.c: ICU's sentence
# BreakIterator, en_US, reading and writing the same rows; -n: counting
# the sentences only, no rows written). The ICU rows are left out, with a
# note, when it is not built (make bench builds it when pkg-config finds
# icu-uc and icu-i18n).
#   ICU=PATH (default build/plain/bench/icu-sentences; empty: none)
set -e
. "$(dirname "$0")/lib.sh"
need_corpus
[ -x "$BIN/split-sentences" ] || { echo "build it first: make" >&2; exit 1; }
ICU=${ICU-$top/build/plain/bench/icu-sentences}

echo "## split-sentences ($(basename "$CORPUS"), $(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$CORPUS") / 1e6 }") MB)"
table_head
cat_baseline "$CORPUS"
row "split-sentences" "$CORPUS" "$BIN/split-sentences"
row "split-sentences --offsets" "$CORPUS" "$BIN/split-sentences" --offsets
if [ -x "$ICU" ]; then
	row "ICU BreakIterator (icu-sentences)" "$CORPUS" "$ICU"
	row "ICU, counting sentences only (icu-sentences -n)" "$CORPUS" "$ICU" -n
else
	echo "no ICU peer${ICU:+ $ICU} (make bench builds it when pkg-config finds icu-uc icu-i18n): no ICU rows" >&2
fi
