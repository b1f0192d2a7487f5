#!/bin/sh
# Renders the kiosk's screens to docs/screenshots/kiosk-*.png against a throwaway hub:
# home (landscape and portrait), a disrupted service's warning, an issued ticket, a
# service out of blank cards, the kiosk after closing time (a second hub whose clock is
# pinned to 15:07), and the please-wait screen of a kiosk without its hub. Every hub
# runs on a pinned clock (Tue 10 Feb 2026), so the pictures do not depend on the hour.
# Runs under xvfb-run when there is no DISPLAY (bench/kiosk-shots.sh).
#   usage: bench/kiosk-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-kiosk}
out=${2:-$here/../docs/screenshots}
. "$here/kiosk-shots.sh"
start_hub hub 1770688800000

# A morning in the hall: lokets open, people waiting, the central server down.
c sign-in 2 demo1 1234
c sign-in 4 demo2 1234
for s in A A B C C C D F; do c issue "$s"; done
c disruption-set siak down --message-id "Server pusat terputus" --message-en "Central server down" --expected-minutes 120

# /dev/null takes the ticket like a printer that never reports its status.
run() { run_kiosk "$1" "$2" --printer /dev/null; }  # run WINDOW SCRIPT
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
start_hub late 1770710820000
run 1920x1080 "wait home 15
sleep 1
screenshot $out/kiosk-after-hours.png"
# A kiosk whose hub is not there: --screenshot saves what it shows after waiting.
"$kiosk" --hub tcp://127.0.0.1:9 --window 1920x1080 --screenshot "$out/kiosk-offline.png" 2>>"$work/kiosk.err"
ls -l "$out"/kiosk-*.png
