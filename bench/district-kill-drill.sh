#!/bin/sh
# The district's kill drill (docs/RELIABILITY.md "The district: exactly once, whatever
# dies"): 100 SIGKILLs spread over the forwarder, the hub and PostgreSQL (in turn) while
# a site's log is being forwarded in batches of 5; a real PostgreSQL 15 (initdb, fsync
# on) and a real hub on a manual clock, started in a temporary folder. Afterwards every
# event must be in the centre once and equal to a clean replay's copy of the same log,
# and the centre's projections must equal the clean replay's.
#   usage: bench/district-kill-drill.sh [BUILD_DIR] [KILLS]      (defaults: build, 100)
# Last line: kills=N events=N lost=N duplicated=N differ=N projection_differ=N
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
kills=${2:-100}
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j2 --target antrian-server antrian-ctl antrian-forwarder antrian-district-kill-drill >/dev/null
work=$(mktemp -d /tmp/antrian-district-kill-drill-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
"$build/bench/antrian-district-kill-drill" --forwarder "$build/district/antrian-forwarder" --work "$work/site" --kills "$kills"
