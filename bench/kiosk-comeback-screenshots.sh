#!/bin/sh
# Renders the kiosk's come-back screens to docs/screenshots/ against a throwaway hub on a
# pinned clock (Tue 10 Feb 2026 09:00 WIB): e-KTP printing halted, the warning with
# "Beri tahu saya saat layanan pulih", the code after joining (kiosk-comeback.png), the
# phone keypad, and the "Punya kode?" check-in keypad with a code half typed.
# Runs under xvfb-run when there is no DISPLAY (bench/kiosk-shots.sh).
#   usage: bench/kiosk-comeback-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
out=${2:-$here/../docs/screenshots}
. "$here/kiosk-shots.sh"
start_hub hub 1770688800000
c sign-in 2 demo1 1234
for s in A A B B C; do c issue "$s"; done
c disruption-set printers down --message-id "Printer kartu rusak, menunggu suku cadang" --message-en "Card printers broken, waiting for parts"

run() { run_kiosk "$1" "$2" --printer /dev/null; }  # run WINDOW SCRIPT
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
