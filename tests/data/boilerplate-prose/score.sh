#!/bin/sh
# score.sh - what strip-boilerplate lost and left on a labelled page set,
# without Python. LABELS is "doc para label text" (label: title, article or
# boilerplate; see README.md); OUT is what strip-boilerplate printed for
# `cut -f1,2,4 LABELS`, with --mark (a boilerplate column: empty = kept,
# trim:RULE = kept with a part cut off, else dropped by that rule or
# heuristic) or without it (a row that is absent was dropped; reason "-").
# Rows are matched by doc and para. Prints the article paragraphs (title
# included) dropped, each with its reason and, with -t, the rules trips.tsv
# says it was written to trip; the boilerplate paragraphs kept; the
# wrongful drops per reason; with -t, per targeted rule how many of its
# paragraphs went. A dropped article paragraph whose exact text another
# kept row of the same doc holds (a teaser or pull quote repeated) is
# listed apart and not counted as lost.
#   -d REGEX  only the docs whose id matches ^(REGEX) (dev-, holdout-, de-,
#             '(de|fr)-0[123]')
#   -t FILE   trips.tsv (doc para rule)
#   -v        list the boilerplate paragraphs kept too
# Exits 0 whatever the score (2 only for a usage mistake).
usage() { echo "usage: score.sh [-d REGEX] [-t TRIPS.tsv] [-v] LABELS.tsv OUT.tsv" >&2; exit 2; }
re='' trips='' verbose=0
while getopts d:t:v opt; do
	case $opt in
	d) re=$OPTARG ;;
	t) trips=$OPTARG ;;
	v) verbose=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
[ -z "$trips" ] || [ -r "$trips" ] || { echo "score.sh: $trips: cannot read" >&2; exit 2; }
LC_ALL=C awk -F '\t' -v re="$re" -v verbose="$verbose" -v ntrips="${trips:+1}" '
function col(name, what,   k) { # the field number of column name in the header
	for (k = 1; k <= NF; k++) if ($k == name) return k
	printf "score.sh: %s: no column %s (%s)\n", FILENAME, name, what > "/dev/stderr"
	bad = 1; exit
}
function want(d) { return re == "" || d ~ ("^(" re ")") }
function add(list, n, key,   i) { # keep a small sorted list of names (insertion)
	for (i = n; i > 0 && list[i] > key; i--) list[i + 1] = list[i]
	list[i + 1] = key
	return n + 1
}
FNR == 1 {
	file++
	if (file == 1 && ntrips) { tdi = col("doc", "trips"); tpi = col("para", "trips"); tri = col("rule", "trips") }
	else if (file == 1 + ntrips) { ldi = col("doc", "labels"); lpi = col("para", "labels"); lli = col("label", "labels"); lti = col("text", "labels") }
	else {
		odi = col("doc", "output"); opi = col("para", "output"); obi = 0
		for (k = 1; k <= NF; k++) if ($k == "boilerplate") obi = k
	}
	next
}
file == 1 && ntrips {
	key = $tdi SUBSEP $tpi
	t = (key in target) ? target[key] "," $tri : $tri # not in one statement: target[key] = would create it first
	target[key] = t
	tripped[$tri] = 1
	next
}
file == 1 + ntrips {
	if (!want($ldi)) next
	key = $ldi SUBSEP $lpi
	if (key in label) { printf "score.sh: %s:%d: doc %s para %s twice\n", FILENAME, FNR, $ldi, $lpi > "/dev/stderr"; next }
	order[++nrows] = key; label[key] = $lli; text[key] = $lti; docof[key] = $ldi
	if (!($ldi in seendoc)) { seendoc[$ldi] = 1; ndocs++ }
	count[$lli]++
	next
}
{
	key = $odi SUBSEP $opi
	if (!(key in label)) next
	seen[key] = 1
	mark[key] = obi ? $obi : ""
}
END {
	if (bad) exit 2
	for (i = 1; i <= nrows; i++) { # what went: a mark, or no row at all
		key = order[i]
		if (!(key in seen)) { gone[key] = obi ? "(missing)" : "-"; missing++ }
		else if (mark[key] != "" && mark[key] !~ /^trim:/) gone[key] = mark[key]
		if (!(key in gone)) kept[docof[key] SUBSEP text[key]] = 1
	}
	if (missing && obi) printf "rows missing from the output: %d\n", missing
	printf "docs %d  title %d  article %d  boilerplate %d%s\n", ndocs, count["title"], count["article"], count["boilerplate"], re == "" ? "" : "  (docs ^(" re "))"
	for (i = 1; i <= nrows; i++) {
		key = order[i]; l = label[key]
		if (l != "title" && l != "article") continue
		if (!(key in gone)) {
			if (mark[key] ~ /^trim:/) trimmed[++ntrim] = key
			continue
		}
		if ((docof[key] SUBSEP text[key]) in kept) { copies[++ncopy] = key; continue }
		lost[++nlost] = key; titles += (l == "title")
		r = gone[key]; if (!(r in byreason)) nreasons = add(reasons, nreasons, r)
		byreason[r]++
	}
	printf "article paragraphs dropped: %d (title %d)\n", nlost, titles
	for (i = 1; i <= nlost; i++) line(lost[i])
	printf "article paragraphs dropped, text kept in another row: %d\n", ncopy
	for (i = 1; i <= ncopy; i++) line(copies[i])
	printf "article paragraphs trimmed: %d\n", ntrim
	for (i = 1; i <= ntrim; i++) line(trimmed[i], mark[trimmed[i]])
	nb = 0
	for (i = 1; i <= nrows; i++) if (label[order[i]] == "boilerplate" && !(order[i] in gone)) keptb[++nb] = order[i]
	printf "boilerplate paragraphs kept: %d of %d\n", nb, count["boilerplate"]
	if (verbose) for (i = 1; i <= nb; i++) line(keptb[i], mark[keptb[i]])
	printf "wrongful drops by reason:\n"
	for (i = 1; i <= nreasons; i++) printf "  %s\t%d\n", reasons[i], byreason[reasons[i]]
	if (!ntrips) exit 0
	printf "targeted rules (rule, paragraphs, dropped, dropped by that rule):\n"
	for (i = 1; i <= nrows; i++) {
		key = order[i]
		if (!(key in target) || (label[key] != "title" && label[key] != "article")) continue
		m = split(target[key], tr, ",")
		for (j = 1; j <= m; j++) {
			r = tr[j]; if (!(r in tn)) nt = add(tl, nt, r)
			tn[r]++
			if (key in gone && !((docof[key] SUBSEP text[key]) in kept)) { td[r]++; if (gone[key] == r) ts[r]++ }
		}
	}
	for (i = 1; i <= nt; i++) printf "  %s\t%d\t%d\t%d\n", tl[i], tn[tl[i]], td[tl[i]] + 0, ts[tl[i]] + 0
}
function line(key, why,   t) { # doc, para, reason, targeted rules, the text cut short
	split(key, kk, SUBSEP); t = text[key]
	if (length(t) > 70) { t = substr(t, 1, 67); sub(/[\200-\377]+$/, "", t); t = t "..." } # bytes (LC_ALL=C): no half character
	printf "  %s\t%s\t%s\t%s\t%s\n", kk[1], kk[2], why != "" ? why : (key in gone ? gone[key] : "-"), (key in target) ? "[" target[key] "]" : "", t
}
' ${trips:+"$trips"} "$1" "$2"
[ $? -eq 2 ] && exit 2
exit 0
