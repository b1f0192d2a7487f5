#!/bin/sh
# Renders the antrian-counter screenshots in docs/screenshots/ from a real hub set up
# as a busy morning (a simulated clock, so waits and timers show real minutes):
#   counter-busy.png        serving a priority ticket, a disruption, today's figures
#   counter-sign-in.png     the sign-in screen
#   counter-transfer.png    the transfer dialog
#   counter-disruption.png  the report-a-disruption dialog
#   counter-disruption-own.png  the same dialog on what this loket reported (update, F4 clear)
#   counter-offline.png     the hub gone: banner, actions disabled
#   counter-busy-en.png     the busy console in English
#   usage: bench/counter-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-counter}
out=${2:-$here/docs/screenshots}
if [ -z "${DISPLAY:-}" ] && [ -z "${SDL_VIDEODRIVER:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$build" "$out"
fi
server=$build/server/antrian-server
ctl=$build/tools/antrian-ctl
counter=$build/counter/antrian-counter
mkdir -p "$out"
work=$(mktemp -d)
hub_pid=""
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Monday 23 November 2026, 08:05 WIB; one real second is a minute at the office.
# Programs and antrian-ctl use the hub's own admin key (it may act as any role).
export ANTRIAN_KEY="$work/keys/admin.key" ANTRIAN_HUB_KEY="$work/keys/hub.pub"
"$server" --data-dir "$work" --port 0 --http-port 0 --log-level warn \
  --clock-start 1795395900000 --clock-speed 60 >"$work/ports.json" &
hub_pid=$!
i=0
while [ ! -s "$work/ports.json" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
port=$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$work/ports.json")
hub=tcp://127.0.0.1:$port
c() { "$ctl" --hub "$hub" "$@" >/dev/null; }

# The morning so far: applicants arrive, loket 3 and 8 are open, demo1 has served some.
for s in A A B A C A B F; do c issue "$s"; sleep 0.4; done
c issue A --priority lansia
c sign-in 2 demo1 1234
for n in 1 2 3; do c call-next 2; c start 2; sleep 1.5; c finish 2; done
c call-next 2
c no-show 2
for s in B A A C; do c issue "$s"; sleep 0.3; done
c issue B --priority ibu_hamil
c issue A --priority disabilitas
c issue B --priority lansia
c staff-set siti --name "Siti Rahmawati" --pin 2468
c sign-in 3 siti 2468
c disruption-set printers degraded --message-id "Dua dari enam printer kartu rusak; pencetakan melambat" \
  --message-en "Two of six card printers broken; printing is slow"
sleep 1

shot() {  # shot NAME [counter flags...] < script
  name=$1
  shift
  "$counter" --hub "$hub" --window 1280x800 --script - --screenshot "$out/$name" "$@" >/dev/null 2>"$work/err.txt" ||
    { echo "$name failed:" >&2; cat "$work/err.txt" >&2; exit 1; }
  echo "$out/$name: $(wc -c <"$out/$name") bytes"
}

printf 'wait-online\n' | shot counter-sign-in.png --loket 2
printf 'sign-in 2 demo1 1234\ncall-next\nrecall\nsleep 1500\nstart\nsleep 2500\nkey Down\nkey Down\n' | shot counter-busy.png
printf 'sign-in 2 demo1 1234\nsleep 1000\n' | shot counter-busy-en.png --lang en
printf 'sign-in 2 demo1 1234\nkey F6\nkey Down\ntype berkas KK perlu dilegalisir dulu\n' | shot counter-transfer.png
printf 'sign-in 2 demo1 1234\nkey F9\nkey Down\ntype koneksi ke SIAK putus-putus sejak 09.30\nkey Tab\ntype 10:30\n' | shot counter-disruption.png
# What this loket reported, opened again: Enter updates it, F4 clears it.
printf 'sign-in 2 demo1 1234\nkey F9\nkey Down\nkey Tab\ntype 45\nkey Enter\nsleep 800\nkey F9\n' | shot counter-disruption-own.png

# The hub goes away while the console is open.
fifo=$work/steps
mkfifo "$fifo"
"$counter" --hub "$hub" --window 1280x800 --script - --screenshot "$out/counter-offline.png" \
  --request-timeout 500 --retries 1 <"$fifo" >"$work/offline.txt" 2>"$work/err.txt" &
shot_pid=$!
exec 3>"$fifo"
printf 'sign-in 2 demo1 1234\n' >&3
sleep 1
kill "$hub_pid"
wait "$hub_pid" 2>/dev/null || true
hub_pid=""
printf 'wait-offline 6\nfinish\n' >&3
exec 3>&-
wait "$shot_pid" || true
echo "$out/counter-offline.png: $(wc -c <"$out/counter-offline.png") bytes"
