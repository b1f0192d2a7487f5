#!/bin/sh
# Soak: compressed office days at 10x the reported load (antrian-sim's normal day:
# 300 applicants, 8 lokets) against a real hub with an antrian-display and an
# antrian-kiosk in windows (under xvfb-run when there is no DISPLAY) and a headless
# antrian-counter connected; VmRSS/VmHWM of each from /proc/PID/status every second.
# Figures in docs/BENCHMARKS.md ("Soak").
#   usage: bench/soak.sh [BUILD_DIR] [-- antrian-soak flags, e.g. --days 5 --displays 2]
#   bench/soak.sh build-soak -- --headless    # display --headless, kiosk offscreen (no X)
# Builds what it needs in BUILD_DIR (default build-soak), writes soak.csv (every
# sample) and soak.json (the summary) there, prints the table. Exit 0 only if the
# days ran and every program was still running at the end.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-soak}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" "-DANTRIAN_TEST_SUITES=support;trust" >/dev/null
cmake --build "$build" -j2 --target antrian-soak antrian-server antrian-display antrian-counter antrian-kiosk >/dev/null
mode=--windowed
case " $* " in
  *" --headless "*) mode="" ;;
esac
args=""
for a in "$@"; do [ "$a" = --headless ] || args="$args $a"; done
# Defaults unless given: 10x, three days.
case " $args " in *" --load "*) ;; *) args="--load 10 $args" ;; esac
case " $args " in *" --days "*) ;; *) args="--days 3 $args" ;; esac
# shellcheck disable=SC2086  # flags are words
set -- "$build/bench/antrian-soak" --bin-dir "$build" $mode \
  --csv "$build/soak.csv" --json "$build/soak.json" $args
wrap=""
[ -n "$mode" ] && [ -z "${DISPLAY:-}" ] && wrap=yes
if [ -n "$wrap" ]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi
exec "$@"
