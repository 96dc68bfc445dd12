#!/bin/sh
# speed-extract-quotes.sh - throughput of extract-quotes on the 100 MB
# corpus (CPU seconds, best of $RUNS), beside cat on the same file in the
# same run, and its peak memory (bounded by the longest document).
set -e
. "$(dirname "$0")/lib.sh"
need_corpus
[ -x "$BIN/extract-quotes" ] || { echo "build it first: make" >&2; exit 1; }
COPYDESK_RULES_DIR=${COPYDESK_RULES_DIR:-$top/rules}
export COPYDESK_RULES_DIR

echo "## extract-quotes ($(basename "$CORPUS"), $(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$CORPUS") / 1e6 }") MB)"
table_head
cat_baseline "$CORPUS"
row "extract-quotes" "$CORPUS" "$BIN/extract-quotes"
row "extract-quotes --as-written" "$CORPUS" "$BIN/extract-quotes" --as-written
if [ -x /usr/bin/time ]; then
	rss=$(/usr/bin/time -f %M "$BIN/extract-quotes" "$CORPUS" 2>&1 >/dev/null | tail -n 1)
	echo
	echo "peak RSS: $rss KB"
fi
