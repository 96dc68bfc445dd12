#!/bin/sh
# eval.sh - run every bench/eval-*.sh (make eval) against ../shared/eval;
# each prints a table.
cd "$(dirname "$0")/.."
status=0
found=0
for s in bench/eval-*.sh; do
	[ -f "$s" ] || continue
	found=1
	sh "$s" || { rc=$?; [ $rc -eq 77 ] && echo "skipped $s (no shared data)" || status=1; }
done
[ $found -eq 1 ] || echo "no evaluations yet"
exit $status
