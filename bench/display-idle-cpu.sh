#!/bin/sh
# Idle CPU of antrian-display against a live hub, from /proc/PID/stat (utime+stime):
# starts a hub with the demo morning (bench/display-demo-hub.sh: calls, a disruption
# banner, an announcement, so the running text scrolls), starts the display in a
# 1920x1080 window under Xvfb, lets it settle, then measures SECONDS of doing nothing.
#   usage: display-idle-cpu.sh BUILD_DIR [SECONDS] [-- extra display flags]
# Prints one JSON line: {"seconds":20,"cpu_percent":0.9,"display_stats":{...}}
set -eu
build=${1:?usage: display-idle-cpu.sh BUILD_DIR [SECONDS] [-- display flags]}
shift
secs=20
if [ $# -gt 0 ] && [ "$1" != "--" ]; then secs=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
here=$(cd "$(dirname "$0")" && pwd)

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$build" "$secs" -- "$@"
fi

data=$(mktemp -d)
out="$data/display.out"
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
  [ -f "$data/hub.pid" ] && kill "$(cat "$data/hub.pid")" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
hub=$("$here/display-demo-hub.sh" "$build" "$data" | tail -n 1)
export ANTRIAN_KEY="$data/keys/admin.key" ANTRIAN_HUB_KEY="$data/keys/hub.pub"  # the hub's admin key

settle=12  # past the highlight of the demo's last call (10 s): idle means idle
# No sound card under Xvfb: the dummy driver stands in for one (it only plays while
# an announcement is said; none is during the measurement).
SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy} "$build/display/antrian-display" --hub "$hub" --window 1920x1080 \
  --stats --exit-after $((settle + secs + 1)) "$@" >"$out" 2>"$data/display.err" &
pid=$!
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep "$settle"
t0=$(ticks)
sleep "$secs"
t1=$(ticks)
wait "$pid" || true
pid=
hz=$(getconf CLK_TCK)
stats=$(grep '"frames"' "$out" | tail -n 1)
awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v s="$secs" -v stats="${stats:-null}" \
  'BEGIN { printf "{\"seconds\":%d,\"cpu_percent\":%.2f,\"display_stats\":%s}\n", s, 100 * (t1 - t0) / hz / s, stats }'
