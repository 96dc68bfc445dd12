#!/bin/sh
# check.sh MENTIONS - the expectations of issue 10 on ../shared/samples:
# every spelling of a person is one id and PER; the other names have their
# type. Prints one line per expectation: ok, or FAIL with what was found.
m=$1
group() { # LABEL TYPE REGEX: the mentions matching REGEX have one type and one id
	awk -F'\t' -v re="$3" -v want="$2" -v label="$1" 'NR > 1 && $7 ~ re { n++; t[$5]++; id[$6]++ }
		END { nt = 0; ni = 0; for (k in t) nt++; for (k in id) { ni++; one = k }
			if (n && nt == 1 && ni == 1 && (want in t)) printf "ok   %s: %d mentions, %s, one id\n", label, n, want
			else { printf "FAIL %s: %d mentions, types", label, n; for (k in t) printf " %s", k
				printf ", ids"; for (k in id) printf " %s", k; print "" } }' "$m"
}
typed() { # TYPE NAME...: each NAME, when tagged exactly, has TYPE
	want=$1; shift
	for name in "$@"; do
		awk -F'\t' -v name="$name" -v want="$want" 'NR > 1 && $7 == name { n++; if ($5 == want) k++ }
			END { if (n && k == n) printf "ok   %s: %s (%d)\n", name, want, n
				else printf "FAIL %s: %d of %d %s\n", name, k, n, want }' "$m"
	done
}
group Guaido PER '^(Juan )?Guaid[oó]$'
group Maduro PER '^(Nicol[aá]s )?Maduro$'
group Trump PER '^(Donald )?Trump$'
group Rubio PER '^(Marco )?Rubio$'
typed PER "Carlos Vecchio" "John Bolton" "Craig Faller" "Edgar Zambrano" "Fabiana Rosales" \
	"Mike Pence" "Jose Luis Silva"
typed LOC Venezuela Caracas Miami Colombia
typed ORG "National Assembly" "Southern Command" "European Parliament" "Supreme Court" Reuters
