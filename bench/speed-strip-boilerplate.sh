#!/bin/sh
# speed-strip-boilerplate.sh - throughput of strip-boilerplate on the 100 MB
# corpus (CPU seconds, best of $RUNS), beside cat on the same file in the
# same run: the default rules, --mark, and the heuristics alone (no rules).
set -e
. "$(dirname "$0")/lib.sh"
need_corpus
[ -x "$BIN/strip-boilerplate" ] || { echo "build it first: make" >&2; exit 1; }
norules=$(mktemp "${TMPDIR:-/tmp}/bp-norules.XXXXXX.yaml")
trap 'rm -f "$norules"' EXIT INT TERM
printf 'version: 1\n' >"$norules"

echo "## strip-boilerplate ($(basename "$CORPUS"), $(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$CORPUS") / 1e6 }") MB)"
table_head
cat_baseline "$CORPUS"
row "strip-boilerplate" "$CORPUS" "$BIN/strip-boilerplate"
row "strip-boilerplate --mark" "$CORPUS" "$BIN/strip-boilerplate" --mark
row "strip-boilerplate, no rules or stopwords" "$CORPUS" "$BIN/strip-boilerplate" --no-default-rules -r "$norules"
