#!/bin/sh
# Renders the screenshots of antrian-display in docs/screenshots/ against a demo hub
# (bench/display-demo-hub.sh, its clock pinned to Tue 10 Feb 2026 09:00 WIB): calls at
# several lokets, SIAK down with an expected time back, 2 of 6 printers, an
# announcement; then one fresh call so the newest-call highlight shows. Then SIAK is
# back, the blank cards left are all promised to people waiting, and a display's
# audio fails (a real display with no usable audio driver reports it to the hub): the
# wall with the blangko banner, and a later page with the device fault.
#   usage: display-screenshots.sh BUILD_DIR [OUT_DIR]   (default OUT_DIR: docs/screenshots)
set -eu
build=${1:?usage: display-screenshots.sh BUILD_DIR [OUT_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/../docs/screenshots}
mkdir -p "$out"
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$build" "$out"
fi
data=$(mktemp -d)
trap 'kill "$(cat "$data/hub.pid")" 2>/dev/null || true; rm -rf "$data"' EXIT
hub=$("$here/display-demo-hub.sh" "$build" "$data" | tail -n 1)
export ANTRIAN_KEY="$data/keys/admin.key" ANTRIAN_HUB_KEY="$data/keys/hub.pub"  # the hub's admin key
ctl() { "$build/tools/antrian-ctl" --hub "$hub" "$@" >/dev/null; }
sleep 11  # the demo's calls are no longer fresh: only the next one is highlighted
ctl start 6
ctl finish 6
ctl call-next 6
shot() {
  name=$1
  shift
  SDL_AUDIODRIVER=dummy "$build/display/antrian-display" --hub "$hub" --mute "$@" --screenshot "$out/$name" 2>/dev/null
}
shot display-calls-1920x1080.png --window 1920x1080
shot display-calls-1280x720.png --window 1280x720
shot display-hall-ektp-en.png --window 1280x720 --services A,B --title "e-KTP waiting room" --lang en
# The banner band and the pane page through what does not fit at 80 px letters:
# --pages-at shows the page that is up that many seconds into the cycle.
shot display-services-1920x1080.png --window 1920x1080 --pages-at 22

ctl disruption-clear 1
ctl resource-set blangko --stock 3   # 6 B tickets wait: every card left is promised
SDL_AUDIODRIVER=no-such-driver timeout 3 "$build/display/antrian-display" --hub "$hub" --headless --name tv-1 >/dev/null 2>&1 || true
shot display-blangko-1920x1080.png --window 1920x1080
shot display-device-fault-1920x1080.png --window 1920x1080 --pages-at 29
# Everyone waiting for printing moved to Information (bulk move): the wall names the
# numbers, where they went and why (shared/ ticket_moves.h), on a later banner page.
ctl bulk-move B --to-service F --reason "Printer kartu rusak; surat keterangan di loket 8"
shot display-moved-1920x1080.png --window 1920x1080 --pages-at ${MOVED_PAGE_AT:-15}
ls -l "$out"/display-*.png
