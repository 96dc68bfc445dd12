#!/bin/sh
# instructions.sh REF_BIN [NEW_BIN] - instructions executed by each program
# of two builds on the same slice of the corpus (valgrind's callgrind
# "Collected" count, repeatable to a few in a million on a busy machine,
# where CPU time is not), and their ratio. For before/after comparisons of
# a change that should not cost speed; bench/cputime.py ratios to cat stay
# the measure of speed itself.
# Environment: SHARED, CACHE (see same-output.sh), SLICE_ROWS (default
# 27500 rows, about 10 MB).
set -u
. "$(dirname "$0")/lib.sh"
two_builds "$@"
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 77; }
slice=$CACHE/chronam-slice-${SLICE_ROWS:-27500}.tsv
if [ ! -s "$slice" ]; then
	xz=$SHARED/corpus/chronam1916-100M.tsv.xz
	[ -f "$xz" ] || { echo "no corpus: $xz" >&2; exit 77; }
	xz -dc "$xz" | head -n "${SLICE_ROWS:-27500}" >"$slice.tmp" && mv "$slice.tmp" "$slice"
fi

count() { # BIN PROG ARGS...: instructions of BIN/PROG ARGS < slice
	bin=$1; shift
	prog=$1; shift
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin/$prog" "$@" <"$slice" \
		2>&1 >/dev/null | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

echo "| command | reference | this build | ratio |"
echo "|---|---:|---:|---:|"
while IFS='|' read -r prog args; do
	# shellcheck disable=SC2086
	a=$(count "$REF" "$prog" $args)
	# shellcheck disable=SC2086
	b=$(count "$NEW" "$prog" $args)
	printf '| %s %s | %s | %s | %.4f |\n' "$prog" "$args" "$a" "$b" "$(awk "BEGIN { print $b / $a }")"
done <<EOF
strip-boilerplate|
strip-boilerplate|--mark
split-sentences|
split-sentences|--offsets
tsv2text|
text2tsv|
tag-entities|
tag-entities|--inline
extract-quotes|
extract-quotes|--as-written
dedupe|
dedupe|--mark
dedupe|--near 0.8
dedupe|--near 0.8 --mark
EOF
