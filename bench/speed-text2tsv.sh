#!/bin/sh
# speed-text2tsv.sh - throughput of the record format layer on the 100 MB
# corpus: the TSV reader alone (rows passed through, and with the text
# column unescaped and escaped again), text2tsv and tsv2text, beside cat
# and wc -l on the same files in the same run.
set -e
. "$(dirname "$0")/lib.sh"
need_corpus
PASS=$top/build/plain/bench/tsv-passthrough
[ -x "$PASS" ] || { echo "build it first: make bench" >&2; exit 1; }
articles=${TMPDIR:-/tmp}/chronam-100M.txt
[ -s "$articles" ] || cut -f3 "$CORPUS" | tail -n +2 | awk '{ print; print "" }' > "$articles"

echo "## Record format layer ($(basename "$CORPUS"), $(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$CORPUS") / 1e6 }") MB)"
table_head
cat_baseline "$CORPUS"
row "wc -l" "$CORPUS" wc -l
row "TSV reader, rows passed through" "$CORPUS" "$PASS"
row "TSV reader + unescape/escape text" "$CORPUS" "$PASS" -u
row "tsv2text (rows back to text)" "$CORPUS" "$BIN/tsv2text"
echo
echo "## text2tsv (the corpus' text column as one article, a blank line after each paragraph, $(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$articles") / 1e6 }") MB)"
table_head
cat_baseline "$articles"
row "text2tsv (one row per line)" "$articles" "$BIN/text2tsv"
row "text2tsv --blank-lines" "$articles" "$BIN/text2tsv" --blank-lines
