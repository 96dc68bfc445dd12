#!/bin/sh
# install-deps.sh - install the Debian packages copydesk needs to build and
# test (run as root, or with sudo available), and the optional ones when
# they can be had: libicu-dev (the ICU peer of split-sentences in make eval
# and make bench; the build goes on without it), parallel, python3-dask and
# python3-distributed (the tests of dedupe's sharded mode, which skip
# without them), clang and libclang-rt-dev (libFuzzer: make fuzz, and the
# fuzz replay of make check, which skip without them). Does nothing when
# they are all there already.
set -e
need="build-essential pkg-config libpcre2-dev libyaml-dev libutf8proc-dev libjansson-dev libxxhash-dev mandoc python3 xz-utils"
optional="libicu-dev parallel python3-dask python3-distributed clang libclang-rt-dev"
missing=""
missing_opt=""
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in $need; do installed "$p" || missing="$missing $p"; done
for p in $optional; do installed "$p" || missing_opt="$missing_opt $p"; done
[ -n "$missing$missing_opt" ] || exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
if [ -n "$missing" ]; then
	echo "installing:$missing"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
if [ -n "$missing_opt" ]; then
	echo "installing (optional, for the benchmarks, the sharded-mode tests and fuzzing):$missing_opt"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing_opt >/dev/null ||
		echo "install-deps: could not install$missing_opt; make eval and make bench leave the ICU peer out, the sharded-mode tests and the fuzz replay skip" >&2
fi
