#!/bin/sh
# Measures the CPU an idle antrian-ui-demo uses, from /proc/<pid>/stat (utime+stime),
# after a settle period. Under X it uses the current DISPLAY; without one it re-runs
# itself under xvfb-run with a 1920x1080 screen.
#   usage: measure-idle-cpu.sh DEMO_EXE [SECONDS] [-- demo flags...]
# Prints one JSON line: {"seconds":10,"cpu_percent":0.4,"demo_stats":{...}}
set -eu
exe=${1:?usage: measure-idle-cpu.sh DEMO_EXE [SECONDS] [-- demo flags...]}
shift
secs=10
if [ $# -gt 0 ] && [ "$1" != "--" ]; then secs=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift

if [ -z "${DISPLAY:-}" ] && [ "${SDL_VIDEODRIVER:-}" = "" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$exe" "$secs" -- "$@"
fi

settle=2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# --exit-after lets the demo print its own --stats too; we measure the middle part.
"$exe" --stats --exit-after $((settle + secs + 1)) "$@" >"$out" &
pid=$!
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep "$settle"
t0=$(ticks)
sleep "$secs"
t1=$(ticks)
wait "$pid"
hz=$(getconf CLK_TCK)
awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v s="$secs" -v stats="$(cat "$out")" \
  'BEGIN { printf "{\"seconds\":%d,\"cpu_percent\":%.2f,\"demo_stats\":%s}\n", s, 100 * (t1 - t0) / hz / s, stats }'
