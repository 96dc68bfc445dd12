#!/bin/sh
# bless.sh CASE_DIR... - record a golden case's current stdout, stderr and
# exit status as its expectation (review the diff before committing).
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
COPYDESK_RULES_DIR=${COPYDESK_RULES_DIR:-$top/rules}
export COPYDESK_RULES_DIR
for dir in "$@"; do
	work=$(mktemp -d)
	( cd "$dir" && PATH="$BIN:$PATH" CASE="$dir" WORK="$work" SHARED="$SHARED" LC_ALL=C.UTF-8 \
		sh ./cmd >out 2>err </dev/null ); rc=$?
	rm -rf "$work"
	if [ $rc -eq 0 ]; then rm -f "$dir/status"; else echo $rc >"$dir/status"; fi
	echo "$dir: status $rc"
done
