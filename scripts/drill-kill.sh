#!/usr/bin/env bash
# The kill drill: SIGKILL the hub at random moments under load, restart it, check
# that no acknowledged ticket is lost, no number reused, the database sound and the
# display back in step. Figures in docs/RELIABILITY.md.
#   scripts/drill-kill.sh [--kills N] [--seed S] [--kiosks N] [--verbose] [--build-dir DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-trust"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$2"; shift 2 ;;
    --kills|--seed|--kiosks) args+=("$1" "$2"); shift 2 ;;
    --verbose) args+=("$1"); shift ;;
    *) echo "usage: $0 [--kills N] [--seed S] [--kiosks N] [--verbose] [--build-dir DIR]" >&2; exit 2 ;;
  esac
done
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANTRIAN_GUI=OFF \
        -DANTRIAN_TEST_SUITES="support;trust" >/dev/null
fi
cmake --build "$build" --target antrian-server antrian-drill -j"$(nproc)" >/dev/null
echo "antrian kill drill, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -srm)"
exec "$build/tests/trust/antrian-drill" "${args[@]}"
