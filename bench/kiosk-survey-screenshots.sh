#!/bin/sh
# Renders the survey tablet (antrian-kiosk --survey) to docs/screenshots/ against a
# throwaway hub on a pinned clock (Tue 10 Feb 2026 09:00 WIB): A-001 served and
# finished, A-002 still waiting. The start screen with a number half typed, a question
# (3 of 9, an answer given before going back), the thank-you, and a refusal (A-002 not
# finished yet); the start screen and a question on a portrait tablet too; and the staff
# menu (five taps on the office name, the PIN 2468).
# Runs under xvfb-run when there is no DISPLAY.
#   usage: bench/kiosk-survey-screenshots.sh [BUILD_DIR] [OUT_DIR]
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
c sign-in 1 demo1 1234
c issue A
c call-next 1
c start 1
c finish 1
c issue A

run() {  # run WINDOW SCRIPT
  printf '%s\nquit\n' "$2" | "$kiosk" --survey --hub "$hub" --window "$1" --automation \
    --staff-pin 2468 2>>"$work/kiosk.err" | grep -E '"error"' && { cat "$work/kiosk.err" >&2; exit 1; } || true
}
run 1080x1920 "wait survey_start 15
tap key:A
tap key:1
screenshot $out/kiosk-survey-start-portrait.png
tap key:ok
wait survey_question
tap answer:4
tap answer:3
screenshot $out/kiosk-survey-question-portrait.png"
run 1920x1080 "wait survey_start 15
tap key:A
tap key:0
tap key:0
screenshot $out/kiosk-survey-start.png
tap key:1
tap key:ok
wait survey_question
tap answer:4
tap answer:3
tap answer:2
tap back
screenshot $out/kiosk-survey-question.png
tap answer:3
tap answer:4
tap answer:3
tap answer:4
tap answer:4
tap answer:3
tap answer:3
wait survey_thanks
screenshot $out/kiosk-survey-thanks.png
tap done
wait survey_start
tap key:A
tap key:2
tap key:ok
wait survey_refused
screenshot $out/kiosk-survey-refused.png
tap done
wait survey_start
tap key:A
tap key:1
tap key:ok
wait survey_refused
screenshot $out/kiosk-survey-answered.png
tap staff
tap staff
tap staff
tap staff
tap staff
wait staff_pin
tap pin:2
tap pin:4
tap pin:6
tap pin:8
tap pin:ok
wait staff_menu
screenshot $out/kiosk-survey-staff.png"
ls -l "$out"/kiosk-survey*.png
