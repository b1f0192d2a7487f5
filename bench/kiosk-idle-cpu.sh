#!/bin/sh
# Idle CPU of antrian-kiosk showing its home screen against a live hub, measured from
# /proc/<pid>/stat (utime+stime) over SECONDS after a settle period. Without a
# DISPLAY it re-runs itself under xvfb-run (1920x1080). The bar: under 3% of one core.
#   usage: bench/kiosk-idle-cpu.sh [BUILD_DIR] [SECONDS] [-- extra kiosk flags]
# Prints one JSON line: {"seconds":20,"cpu_percent":0.35,"frames":..,"kiosk_stats":{...}}
set -eu
build=${1:-$(dirname "$0")/../build-kiosk}
[ $# -gt 0 ] && shift
secs=20
if [ $# -gt 0 ] && [ "$1" != "--" ]; then secs=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
server="$build/server/antrian-server"
kiosk="$build/kiosk/antrian-kiosk"
for exe in "$server" "$kiosk"; do
  [ -x "$exe" ] || { echo "missing $exe: build the kiosk first (see kiosk/README.md)" >&2; exit 2; }
done

if [ -z "${DISPLAY:-}" ] && [ -z "${SDL_VIDEODRIVER:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$build" "$secs" -- "$@"
fi

work=$(mktemp -d)
hub_pid=""
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Programs and antrian-ctl use the hub's own admin key (it may act as any role).
export ANTRIAN_KEY="$work/hub/keys/admin.key" ANTRIAN_HUB_KEY="$work/hub/keys/hub.pub"
"$server" --data-dir "$work/hub" --port 0 --http-port 0 --log-level warn --clock-start 1770688800000 >"$work/hub.out" 2>"$work/hub.err" &
hub_pid=$!
for _ in $(seq 50); do
  grep -q '"req"' "$work/hub.out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$work/hub.out")
[ -n "$port" ] || { echo "the hub did not start: $(cat "$work/hub.err")" >&2; exit 1; }

settle=3
"$kiosk" --hub "tcp://127.0.0.1:$port" --stats --exit-after $((settle + secs + 1)) "$@" \
  >"$work/kiosk.out" 2>"$work/kiosk.err" &
kiosk_pid=$!
ticks() { awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"; }
sleep "$settle"
t0=$(ticks)
sleep "$secs"
t1=$(ticks)
wait "$kiosk_pid" || true
kiosk_pid=""
hz=$(getconf CLK_TCK)
stats=$(tail -n 1 "$work/kiosk.out")
[ -n "$stats" ] || stats='{}'
awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v s="$secs" -v stats="$stats" \
  'BEGIN { cpu = 100 * (t1 - t0) / hz / s;
           printf "{\"seconds\":%d,\"cpu_percent\":%.2f,\"limit_percent\":3,\"kiosk_stats\":%s}\n", s, cpu, stats;
           exit (cpu < 3 ? 0 : 1) }'
