#!/bin/sh
# Renders the kiosk's screens to docs/screenshots/kiosk-*.png against a throwaway hub:
# home (landscape and portrait), a disrupted service's warning, an issued ticket, a
# service out of blank cards, the kiosk after closing time (a second hub whose clock is
# pinned to 15:07), and the please-wait screen of a kiosk without its hub. Every hub
# runs on a pinned clock (Tue 10 Feb 2026), so the pictures do not depend on the hour.
# Runs under xvfb-run when there is no DISPLAY.
#   usage: bench/kiosk-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-kiosk}
out=${2:-$here/../docs/screenshots}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1920x24" "$0" "$build" "$out"
fi
server="$build/server/antrian-server"
ctl="$build/tools/antrian-ctl"
kiosk="$build/kiosk/antrian-kiosk"
mkdir -p "$out"
work=$(mktemp -d)
hub_pid=""
late_pid=""
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null || true
  [ -n "$late_pid" ] && kill "$late_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Programs and antrian-ctl use the hub's own admin key (it may act as any role).
export ANTRIAN_KEY="$work/hub/keys/admin.key" ANTRIAN_HUB_KEY="$work/hub/keys/hub.pub"
"$server" --data-dir "$work/hub" --port 0 --http-port 0 --log-level warn --clock-start 1770688800000 >"$work/hub.out" 2>"$work/hub.err" &
hub_pid=$!
for _ in $(seq 50); do grep -q '"req"' "$work/hub.out" 2>/dev/null && break; sleep 0.1; done
hub="tcp://127.0.0.1:$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$work/hub.out")"
c() { "$ctl" --hub "$hub" "$@" >/dev/null; }

# A morning in the hall: lokets open, people waiting, the central server down.
c sign-in 2 demo1 1234
c sign-in 4 demo2 1234
for s in A A B C C C D F; do c issue "$s"; done
c disruption-set siak down --message-id "Server pusat terputus" --message-en "Central server down" --expected-minutes 120

# /dev/null takes the ticket like a printer that never reports its status.
run() {  # run WINDOW SCRIPT
  printf '%s\nquit\n' "$2" | "$kiosk" --hub "$hub" --printer /dev/null --window "$1" --automation \
    --staff-pin 2468 2>>"$work/kiosk.err" | grep -E '"error"' && { cat "$work/kiosk.err" >&2; exit 1; } || true
}
run 1920x1080 "wait home 15
screenshot $out/kiosk-home.png
tap route:ektp
tap route:ektp-cetak
wait warning
screenshot $out/kiosk-warning.png
tap confirm
wait ticket
sleep 1
screenshot $out/kiosk-ticket.png"
run 1080x1920 "wait home 15
screenshot $out/kiosk-home-portrait.png
tap route:ektp
tap route:ektp-rekam
wait warning
screenshot $out/kiosk-warning-portrait.png
tap confirm
wait ticket
sleep 1
screenshot $out/kiosk-ticket-portrait.png"
c resource-set blangko --stock 0
run 1920x1080 "wait home 15
tap route:ektp
tap route:ektp-cetak
wait unavailable
screenshot $out/kiosk-no-blangko.png"
# After closing (office hours 08:00-15:00): a hub whose clock reads 15:07 the same day.
ANTRIAN_KEY="$work/late/keys/admin.key" ANTRIAN_HUB_KEY="$work/late/keys/hub.pub" \
  "$server" --data-dir "$work/late" --port 0 --http-port 0 --log-level warn --clock-start 1770710820000 >"$work/late.out" 2>"$work/late.err" &
late_pid=$!
for _ in $(seq 50); do grep -q '"req"' "$work/late.out" 2>/dev/null && break; sleep 0.1; done
late="tcp://127.0.0.1:$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$work/late.out")"
printf 'wait home 15\nsleep 1\nscreenshot %s\nquit\n' "$out/kiosk-after-hours.png" |
  ANTRIAN_KEY="$work/late/keys/admin.key" ANTRIAN_HUB_KEY="$work/late/keys/hub.pub" \
  "$kiosk" --hub "$late" --printer /dev/null --window 1920x1080 --automation --staff-pin 2468 2>>"$work/kiosk.err" |
  grep -E '"error"' && { cat "$work/kiosk.err" >&2; exit 1; } || true
# A kiosk whose hub is not there: --screenshot saves what it shows after waiting.
"$kiosk" --hub tcp://127.0.0.1:9 --window 1920x1080 --screenshot "$out/kiosk-offline.png" 2>>"$work/kiosk.err"
ls -l "$out"/kiosk-*.png
