#!/bin/sh
# install-deps.sh - install the Debian packages copydesk needs to build and
# test (run as root, or with sudo available). Does nothing when they are all
# there already. GNU parallel and Dask (python3-dask, python3-distributed)
# are for the tests of dedupe's sharded mode, which skip without them.
set -e
need="build-essential pkg-config libpcre2-dev libyaml-dev libutf8proc-dev libjansson-dev libxxhash-dev mandoc python3 xz-utils parallel python3-dask python3-distributed"
missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -n "$missing" ] || exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
