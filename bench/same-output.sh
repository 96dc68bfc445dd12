#!/bin/sh
# same-output.sh REF_BIN [NEW_BIN] - run every program of two builds on the
# same inputs and compare what they write, byte for byte: standard output
# (by SHA-256), standard error and the exit status. For refactoring: a
# change that should not change behaviour must print "0 differ".
#
#   inputs  every TSV of $SHARED/eval, the eval's strip-boilerplate command,
#           $SHARED/samples and examples/articles (through text2tsv and the
#           pipeline), a JSON-lines dump made from an eval file, and the
#           100 MB corpus (unpacked once into $CACHE)
#   cases   each program with its main options (--mark, --drop-title,
#           --learn, --frequent, --offsets, --stats, -d DIR, --blank-lines,
#           --jsonl ...; extract-quotes with --stats, -a, --as-written and
#           after tag-entities --inline)
#
# A reference build, e.g. of commit 36b0e95, outside the checkout:
#   mkdir -p ~/.cache/copydesk/ref && git archive 36b0e95 | tar -x -C ~/.cache/copydesk/ref
#   make -C ~/.cache/copydesk/ref && sh bench/same-output.sh ~/.cache/copydesk/ref/bin
# Environment: SHARED (default ../shared), CACHE (default
# ${XDG_CACHE_HOME:-~/.cache}/copydesk), QUICK=1 leaves out the corpus,
# IGNORE_ERR an extended regex of stderr lines a change means to alter
# (they are left out of both sides; the load time of tag-entities --stats
# always is).
# Each build reads the rules of its own tree (COPYDESK_RULES_DIR is unset).
set -u
. "$(dirname "$0")/lib.sh"
two_builds "$@"
export LC_ALL=C.UTF-8
tmp=$(mktemp -d "${TMPDIR:-/tmp}/same-output.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
same=0 differ=0

# run BIN NAME INPUT PROG ARGS...: stdout's hash, stderr and status of
# BIN/PROG ARGS < INPUT into $tmp/NAME.{out,err,rc} (PROG sh: a script
# given in ARGS). In ARGS, @DIR@ is a scratch directory (its files are
# hashed into the output) and @BIN@ the build's bin directory.
run() {
	bin=$1 tag=$2 input=$3 prog=$4; shift 4
	dir=$tmp/dir.$tag; rm -rf "$dir"; mkdir -p "$dir"
	n=$#
	while [ "$n" -gt 0 ]; do
		a=$1; shift
		case $a in *@DIR@* | *@BIN@*) a=$(printf '%s' "$a" | sed "s|@DIR@|$dir|g; s|@BIN@|$bin|g") ;; esac
		set -- "$@" "$a"
		n=$((n - 1))
	done
	case $prog in sh) cmd=sh ;; *) cmd=$bin/$prog ;; esac
	( cd "$tmp" && "$cmd" "$@" <"$input" >"$tmp/$tag.stdout" 2>"$tmp/$tag.err"; echo $? >"$tmp/$tag.rc" )
	sha256sum <"$tmp/$tag.stdout" >"$tmp/$tag.out"
	rm -f "$tmp/$tag.stdout"
	# files written into the scratch directory
	( cd "$dir" && find . -type f | LC_ALL=C sort | while read -r f; do
		printf '%s ' "$f"; sha256sum <"$f"; done ) >>"$tmp/$tag.out"
	# messages name the scratch directory and the build: make them alike
	sed -i "s|$dir|DIR|g; s|${bin%/bin}/rules|RULES|g; s|$bin|BIN|g" "$tmp/$tag.err"
	# the load time of tag-entities --stats varies from run to run
	sed -i -E 's/loaded in [0-9.]+ s/loaded in T s/' "$tmp/$tag.err"
	# messages a change means to alter (IGNORE_ERR, an extended regex)
	[ -n "${IGNORE_ERR:-}" ] && sed -i -E "/$IGNORE_ERR/d" "$tmp/$tag.err"
	# the messages of a pipeline's programs come in any order
	[ "$prog" = sh ] && LC_ALL=C sort -o "$tmp/$tag.err" "$tmp/$tag.err"
	return 0
}

# case NAME INPUT PROG ARGS...: compare the two builds.
case_() {
	name=$1; shift
	run "$REF" ref "$@"
	run "$NEW" new "$@"
	if cmp -s "$tmp/ref.out" "$tmp/new.out" && cmp -s "$tmp/ref.err" "$tmp/new.err" &&
	   cmp -s "$tmp/ref.rc" "$tmp/new.rc"; then
		same=$((same + 1))
		echo "same   $name"
	else
		differ=$((differ + 1))
		echo "DIFFER $name"
		cmp -s "$tmp/ref.rc" "$tmp/new.rc" || echo "  status $(cat "$tmp/ref.rc") -> $(cat "$tmp/new.rc")"
		cmp -s "$tmp/ref.out" "$tmp/new.out" || diff "$tmp/ref.out" "$tmp/new.out" | head -n 6 | sed 's/^/  out /'
		cmp -s "$tmp/ref.err" "$tmp/new.err" || diff "$tmp/ref.err" "$tmp/new.err" | head -n 6 | sed 's/^/  err /'
	fi
}

# the filters with their options, over one TSV input
filters() { # LABEL INPUT
	label=$1 in=$2
	case_ "$label strip-boilerplate" "$in" strip-boilerplate
	case_ "$label strip-boilerplate --mark --stats" "$in" strip-boilerplate --mark --stats
	case_ "$label strip-boilerplate --drop-title" "$in" strip-boilerplate --drop-title
	case_ "$label strip-boilerplate --learn --stats" "$in" strip-boilerplate --learn --stats
	# a --frequent list made by the reference build from the same input
	"$REF/strip-boilerplate" --learn <"$in" >"$tmp/frequent.txt" 2>/dev/null
	case_ "$label strip-boilerplate --frequent" "$in" strip-boilerplate --frequent "$tmp/frequent.txt" --stats
	case_ "$label split-sentences --stats" "$in" split-sentences --stats
	case_ "$label split-sentences --offsets" "$in" split-sentences --offsets
	case_ "$label tsv2text" "$in" tsv2text --stats
	case_ "$label tsv2text -b" "$in" tsv2text -b
	case_ "$label extract-quotes --stats" "$in" extract-quotes --stats
	case_ "$label extract-quotes -a --as-written" "$in" extract-quotes -a --as-written
}

inputs=$tmp/in; mkdir -p "$inputs"
if [ -d "$SHARED/eval" ]; then
	for f in "$SHARED"/eval/*/*.tsv; do
		[ -f "$f" ] || continue
		filters "eval/$(basename "$(dirname "$f")")/$(basename "$f")" "$f"
	done
	for set in window pages; do
		f=$SHARED/eval/boilerplate/all-$set.tsv
		[ -f "$f" ] || continue
		cut -f1,2,4 "$f" | sed '1s/line/para/' >"$inputs/bp-$set.tsv"
		filters "eval command all-$set" "$inputs/bp-$set.tsv"
		case_ "eval command all-$set, pipeline" "$inputs/bp-$set.tsv" sh -c \
			'"$0/strip-boilerplate" | "$0/split-sentences" --offsets | "$0/tsv2text" -d "$1"' @BIN@ @DIR@
	done
	f=$SHARED/eval/quotes/dev.input.tsv
	if [ -f "$f" ]; then # JSON lines: one object per document
		python3 -c '
import json, sys
docs = {}
for i, line in enumerate(open(sys.argv[1], encoding="utf-8", errors="surrogateescape")):
    if i == 0: continue
    d, p, t = line.rstrip("\n").split("\t", 2)
    docs.setdefault(d, []).append(t.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"))
with open(sys.argv[2], "w") as o:
    for i, (d, ps) in enumerate(docs.items()):
        o.write(json.dumps({"id": d, "body": "\n".join(ps), "n": i * 1000 + len(ps)}) + "\n")
' "$f" "$inputs/dev.jsonl"
		case_ "jsonl text2tsv" /dev/null text2tsv --jsonl --text body --stats "$inputs/dev.jsonl"
		case_ "jsonl text2tsv --id n -b" /dev/null text2tsv -j --id n --text body -b "$inputs/dev.jsonl"
	fi
else
	echo "skip: no $SHARED/eval" >&2
fi

# tag-entities: CoNLL's testa input and the samples (the rules of each
# build; the load time of --stats left out)
tag_cases() { # LABEL INPUT
	case_ "$1 tag-entities --stats" "$2" tag-entities --stats
	case_ "$1 tag-entities --inline" "$2" tag-entities --inline
	case_ "$1 tag-entities --inline | extract-quotes" "$2" sh -c \
		'"$0/tag-entities" --inline | "$0/extract-quotes" --stats' @BIN@
}
f=$SHARED/eval/entities/eng.testa.input.tsv
[ -f "$f" ] && tag_cases "eval/entities testa" "$f"
if [ -d "$SHARED/samples" ]; then
	"$REF/text2tsv" "$SHARED/samples" >"$inputs/samples.tsv" 2>/dev/null
	tag_cases samples "$inputs/samples.tsv"
fi
sh "$top/bench/make-gazetteer.sh" 100000 >"$inputs/gaz-100k.tsv"

texts() { # LABEL DIR
	case_ "$1 text2tsv" /dev/null text2tsv --stats "$2"
	case_ "$1 text2tsv -b" /dev/null text2tsv --blank-lines "$2"
	case_ "$1 text2tsv --from latin1" /dev/null text2tsv --from latin1 "$2"
	case_ "$1 pipeline" /dev/null sh -c \
		'"$0/text2tsv" "$1" | "$0/strip-boilerplate" --mark | "$0/split-sentences" -o | "$0/tsv2text"' @BIN@ "$2"
	case_ "$1 pipeline -d" /dev/null sh -c \
		'"$0/text2tsv" "$1" | "$0/strip-boilerplate" | "$0/tsv2text" -d "$2"' @BIN@ "$2" @DIR@
}
[ -d "$SHARED/samples" ] && texts samples "$SHARED/samples"
texts examples "$top/examples/articles"

if [ "${QUICK:-0}" != 1 ]; then
	corpus=$CACHE/chronam-100M.tsv
	xz=$SHARED/corpus/chronam1916-100M.tsv.xz
	if [ ! -s "$corpus" ] && [ -f "$xz" ]; then
		echo "unpacking $xz to $corpus" >&2
		xz -dc -T2 "$xz" >"$corpus.tmp" && mv "$corpus.tmp" "$corpus"
	fi
	if [ -s "$corpus" ]; then
		case_ "corpus strip-boilerplate" "$corpus" strip-boilerplate --stats
		case_ "corpus strip-boilerplate --mark" "$corpus" strip-boilerplate --mark
		case_ "corpus strip-boilerplate --learn" "$corpus" strip-boilerplate --learn
		case_ "corpus split-sentences" "$corpus" split-sentences --stats
		case_ "corpus split-sentences --offsets" "$corpus" split-sentences --offsets
		case_ "corpus tsv2text" "$corpus" tsv2text
		case_ "corpus text2tsv" "$corpus" text2tsv
		case_ "corpus tag-entities" "$corpus" tag-entities
		case_ "corpus tag-entities --inline" "$corpus" tag-entities --inline
		case_ "corpus tag-entities -g 100k" "$corpus" tag-entities -g "$inputs/gaz-100k.tsv"
		case_ "corpus extract-quotes --stats" "$corpus" extract-quotes --stats
		case_ "corpus extract-quotes --as-written" "$corpus" extract-quotes --as-written
		case_ "corpus extract-quotes -a" "$corpus" extract-quotes -a
	else
		echo "skip: no corpus ($xz)" >&2
	fi
fi

echo "$same same, $differ differ"
[ "$differ" -eq 0 ]
