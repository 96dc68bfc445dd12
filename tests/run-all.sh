#!/bin/sh
# run-all.sh - runs every test of the project and ends with the summary
# line "N passed, N failed[, N skipped]"; exits non-zero on any failure.
#   unit tests:   the binaries in $UNIT (each prints "N passed, N failed")
#   golden tests: tests/golden/PROG/CASE/ (see tests/golden/README)
#   man pages:    mandoc -Tlint, when mandoc is installed
#   fuzz replay:  each libFuzzer harness in $FUZZ (make fuzz) run once over
#                 its seed corpus and crash reproducers (tests/fuzz/corpus/NAME,
#                 tests/fuzz/regress/NAME); no fuzzing; skipped without clang
# Environment: BIN (directory of the programs), UNIT (unit test binaries),
# SHARED (the shared data, default ../shared beside the checkout),
# COPYDESK_RULES_DIR (default: the checkout's rules/).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
[ -d "$SHARED" ] && SHARED=$(cd "$SHARED" && pwd)
# the programs under test read the checkout's rules, whichever build they are
COPYDESK_RULES_DIR=${COPYDESK_RULES_DIR:-$top/rules}
export BIN SHARED COPYDESK_RULES_DIR
pass=0 fail=0 skip=0
failed_names=""

for u in ${UNIT:-}; do
	out=$("$u" 2>&1); rc=$?
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	p=$(printf '%s' "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(printf '%s' "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
	[ -n "$p" ] || p=0
	[ -n "$f" ] || f=0
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		printf '%s\n' "$out" | grep -v '^[0-9]* passed' | sed "s|^|  |"
		echo "FAIL unit $(basename "$u") ($f failed)"
		failed_names="$failed_names unit:$(basename "$u")"
	else
		echo "ok   unit $(basename "$u") ($p checks)"
	fi
done

golden=$top/tests/golden
tmp=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
for dir in "$golden"/*/*/; do
	[ -f "$dir/cmd" ] || continue
	name=${dir#"$golden"/}; name=${name%/}
	want_status=0
	[ -f "$dir/status" ] && want_status=$(cat "$dir/status")
	work=$tmp/work; rm -rf "$work"; mkdir -p "$work"
	( cd "$dir" && PATH="$BIN:$PATH" CASE="$dir" WORK="$work" LC_ALL=C.UTF-8 \
		sh ./cmd >"$tmp/out" 2>"$tmp/err" </dev/null ); rc=$?
	if [ $rc -eq 77 ]; then
		echo "skip $name: $(tail -n 1 "$tmp/err")"
		skip=$((skip + 1)); continue
	fi
	why=""
	[ "$rc" = "$want_status" ] || why="exit status $rc, want $want_status"
	if [ -z "$why" ] && [ -f "$dir/out" ] && ! cmp -s "$dir/out" "$tmp/out"; then
		why="stdout differs:"; diff "$dir/out" "$tmp/out" | head -n 20 >"$tmp/diff"
	fi
	if [ -z "$why" ] && [ -f "$dir/err" ] && ! cmp -s "$dir/err" "$tmp/err"; then
		why="stderr differs:"; diff "$dir/err" "$tmp/err" | head -n 20 >"$tmp/diff"
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		failed_names="$failed_names $name"
		echo "FAIL $name: $why"
		[ -f "$tmp/diff" ] && sed 's/^/  /' "$tmp/diff" && rm -f "$tmp/diff"
		[ "$rc" != "$want_status" ] && sed 's/^/  stderr: /' "$tmp/err" | head -n 5
	fi
done

if command -v mandoc >/dev/null 2>&1; then
	for m in "$top"/man/*.[17]; do
		[ -f "$m" ] || continue
		if out=$(mandoc -Tlint -W warning "$m" 2>&1) && [ -z "$out" ]; then
			pass=$((pass + 1)); echo "ok   man $(basename "$m")"
		else
			fail=$((fail + 1)); failed_names="$failed_names man:$(basename "$m")"
			echo "FAIL man $(basename "$m")"; printf '%s\n' "$out" | sed 's/^/  /'
		fi
	done
else
	echo "skip man pages: mandoc is not installed (apt-get install mandoc)"
	skip=$((skip + 1))
fi

if [ -n "${FUZZ:-}" ]; then
	for h in $FUZZ; do
		n=$(basename "$h")
		set -- "$top/tests/fuzz/corpus/$n"/* "$top/tests/fuzz/regress/$n"/*
		ins=""; k=0
		for f in "$@"; do [ -f "$f" ] && ins="$ins $f" && k=$((k + 1)); done
		# shellcheck disable=SC2086
		if out=$("$h" -runs=1 $ins 2>&1); then
			pass=$((pass + 1)); echo "ok   fuzz $n ($k inputs replayed)"
		else
			fail=$((fail + 1)); failed_names="$failed_names fuzz:$n"
			echo "FAIL fuzz $n"; printf '%s\n' "$out" | grep -v '^INFO\|^Running:\|^Executed' | tail -n 25 | sed 's/^/  /'
		fi
	done
else
	echo "skip fuzz replay: clang with libFuzzer is not installed (make fuzz says more)"
	skip=$((skip + 1))
fi

[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
