#!/bin/sh
# bench.sh - run every bench/speed-*.sh (make bench); each prints tables.
cd "$(dirname "$0")/.."
status=0
for s in bench/speed-*.sh; do
	[ -f "$s" ] || continue
	sh "$s" || { rc=$?; [ $rc -eq 77 ] && echo "skipped $s (no shared data)" || status=1; }
done
exit $status
