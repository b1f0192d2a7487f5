#!/bin/sh
# Idle CPU of antrian-counter against a real hub, nobody touching it. Cases:
#   serving  signed in and serving a ticket: its timer redraws once a second
#            (the busiest idle there is; the default)
#   open     signed in, nothing held: waited times redraw every 10 s
#   signin   the sign-in screen: the clock redraws once a minute
# Reads utime+stime from /proc/PID/stat over SECONDS after a settle period.
#   usage: bench/counter-idle-cpu.sh [BUILD_DIR] [SECONDS] [CASE]
#   (BUILD_DIR defaults to build-counter next to this script's repo; SECONDS to 20)
# Without DISPLAY it re-runs itself under xvfb-run (1920x1080). Prints one JSON line:
#   {"seconds":20,"cpu_percent":0.4,"case":"serving","counter_stats":{...}}
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-counter}
secs=${2:-20}
case_name=${3:-serving}
case "$case_name" in
  serving) steps='sign-in 2 demo1 1234\ncall-next\nstart\n' ;;
  open) steps='sign-in 2 demo1 1234\n' ;;
  signin) steps='wait-online\n' ;;
  *) echo "CASE must be serving, open or signin, not '$case_name'" >&2; exit 2 ;;
esac
if [ -z "${DISPLAY:-}" ] && [ -z "${SDL_VIDEODRIVER:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$build" "$secs" "$case_name"
fi
server=$build/server/antrian-server
ctl=$build/tools/antrian-ctl
counter=$build/counter/antrian-counter
for exe in "$server" "$ctl" "$counter"; do
  [ -x "$exe" ] || { echo "missing $exe: build antrian-server, antrian-ctl and antrian-counter first" >&2; exit 2; }
done

work=$(mktemp -d)
hub_pid=""
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Programs and antrian-ctl use the hub's own admin key (it may act as any role).
export ANTRIAN_KEY="$work/keys/admin.key" ANTRIAN_HUB_KEY="$work/keys/hub.pub"
"$server" --data-dir "$work" --port 0 --http-port 0 --log-level warn --clock-start 1770688800000 >"$work/ports.json" &
hub_pid=$!
i=0
while [ ! -s "$work/ports.json" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
port=$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$work/ports.json")
[ -n "$port" ] || { echo "the hub did not start" >&2; exit 1; }
hub=tcp://127.0.0.1:$port
for s in A A A B C; do "$ctl" --hub "$hub" issue "$s" >/dev/null; done
printf "$steps" >"$work/steps.txt"

settle=3
"$counter" --hub "$hub" --window 1280x800 --script "$work/steps.txt" --stats \
  --exit-after $((settle + secs + 2)) >"$work/out.txt" 2>"$work/err.txt" &
pid=$!
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep "$settle"
t0=$(ticks)
sleep "$secs"
t1=$(ticks)
wait "$pid" || { echo "antrian-counter failed:" >&2; cat "$work/err.txt" >&2; exit 1; }
hz=$(getconf CLK_TCK)
stats=$(grep '^{"frames"' "$work/out.txt" || echo null)
awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v s="$secs" -v stats="$stats" \
  -v c="$case_name" \
  'BEGIN { printf "{\"seconds\":%d,\"cpu_percent\":%.2f,\"case\":\"%s\",\"counter_stats\":%s}\n", s, 100 * (t1 - t0) / hz / s, c, stats }'
