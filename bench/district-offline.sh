#!/bin/sh
# One site 30 office days offline, then reconnected (docs/BENCHMARKS.md "District: 30
# days offline", docs/RELIABILITY.md). A PostgreSQL 15 from initdb (fsync on) and a hub
# on a manual clock, both started in a temporary folder; the real antrian-forwarder runs
# all the while. The days are the simulator's normal day (300 applicants) played as fast
# as the hub answers: no real waiting. Reports the catch-up time, checks every event
# arrived exactly once (counted and compared event by event with the hub's log) and
# measures the hub's issue latency during the catch-up against the link idle.
#   usage: bench/district-offline.sh [BUILD_DIR] [DAYS] [FORWARDER_NICE] [FORWARDER_FLAGS]
#   (defaults: build, 30, 0, none: the forwarder's own defaults, nice 10 and the idle I/O
#   class; FORWARDER_FLAGS="--nice 0 --io-class unchanged" is the forwarder before it yielded)
# Last line: days=N events=N backlog=N catchup_s=X lost=N duplicated=N differ=N
#            idle_p99_ms=X catchup_p99_ms=X latency_ratio=X
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
days=${2:-30}
fnice=${3:-0}
fflags=${4:-}
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j2 --target antrian-server antrian-ctl antrian-forwarder antrian-district-offline >/dev/null
work=$(mktemp -d /tmp/antrian-district-offline-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
"$build/bench/antrian-district-offline" --forwarder "$build/district/antrian-forwarder" --work "$work/site" \
  --days "$days" --forwarder-nice "$fnice" ${fflags:+--forwarder-args="$fflags"}
