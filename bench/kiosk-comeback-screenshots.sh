#!/bin/sh
# Renders the kiosk's come-back screens to docs/screenshots/ against a throwaway hub on a
# pinned clock (Tue 10 Feb 2026 09:00 WIB): e-KTP printing halted, the warning with
# "Beri tahu saya saat layanan pulih", the code after joining (kiosk-comeback.png), the
# phone keypad, and the "Punya kode?" check-in keypad with a code half typed.
# Runs under xvfb-run when there is no DISPLAY.
#   usage: bench/kiosk-comeback-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
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
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

export ANTRIAN_KEY="$work/hub/keys/admin.key" ANTRIAN_HUB_KEY="$work/hub/keys/hub.pub"
"$server" --data-dir "$work/hub" --port 0 --http-port 0 --log-level warn --clock-start 1770688800000 >"$work/hub.out" 2>"$work/hub.err" &
hub_pid=$!
for _ in $(seq 50); do grep -q '"req"' "$work/hub.out" 2>/dev/null && break; sleep 0.1; done
hub="tcp://127.0.0.1:$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$work/hub.out")"
c() { "$ctl" --hub "$hub" "$@" >/dev/null; }
c sign-in 2 demo1 1234
for s in A A B B C; do c issue "$s"; done
c disruption-set printers down --message-id "Printer kartu rusak, menunggu suku cadang" --message-en "Card printers broken, waiting for parts"

run() {  # run WINDOW SCRIPT
  printf '%s\nquit\n' "$2" | "$kiosk" --hub "$hub" --printer /dev/null --window "$1" --automation \
    --staff-pin 2468 2>>"$work/kiosk.err" | grep -E '"error"' && { cat "$work/kiosk.err" >&2; exit 1; } || true
}
run 1920x1080 "wait home 15
tap route:ektp
tap route:ektp-cetak
wait warning
screenshot $out/kiosk-comeback-offer.png
tap comeback
wait comeback
sleep 1
screenshot $out/kiosk-comeback.png
tap comeback:phone
wait comeback_phone
tap key:0
tap key:8
tap key:1
tap key:2
screenshot $out/kiosk-comeback-phone.png
tap back
tap done
wait home
tap checkin
wait checkin
tap key:K
tap key:7
tap key:M
tap key:2
screenshot $out/kiosk-checkin.png"
run 1080x1920 "wait home 15
tap checkin
wait checkin
tap key:K
tap key:7
screenshot $out/kiosk-checkin-portrait.png"
ls -l "$out"/kiosk-comeback*.png "$out"/kiosk-checkin*.png
