#!/bin/sh
# demo.sh - run the copydesk pipeline over the example articles with
# whichever programs have been built (the pipeline grows as they land).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
PATH=$BIN:$PATH
export PATH
pipeline="text2tsv $top/examples/articles"
stages="text2tsv"
for stage in strip-boilerplate split-sentences dedupe tag-entities; do
	if [ -x "$BIN/$stage" ]; then
		pipeline="$pipeline | $stage"
		stages="$stages | $stage"
	fi
done
echo "# $stages" >&2
eval "$pipeline"
