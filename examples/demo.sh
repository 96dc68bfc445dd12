#!/bin/sh
# demo.sh - run the copydesk pipelines over the example articles (make
# demo): the article text as sentences with their entities (and repeats
# marked when dedupe is built), then who said what.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
PATH=$BIN:$PATH
export PATH
articles=$top/examples/articles

run() {
	echo "# $1" | sed "s|$top/||g" >&2
	eval "$1"
	echo >&2
}

if [ -x "$BIN/dedupe" ]; then
	run "text2tsv $articles | strip-boilerplate | split-sentences | dedupe --mark | tag-entities"
else
	run "text2tsv $articles | strip-boilerplate | split-sentences | tag-entities"
fi
run "text2tsv $articles | strip-boilerplate | tag-entities --inline | extract-quotes"
