#!/bin/sh
# Renders the survey tablet (antrian-kiosk --survey) to docs/screenshots/ against a
# throwaway hub on a pinned clock (Tue 10 Feb 2026 09:00 WIB): A-001 served and
# finished, A-002 still waiting. The start screen with a number half typed, a question
# (3 of 9, an answer given before going back), the thank-you, and a refusal (A-002 not
# finished yet); the start screen and a question on a portrait tablet too; and the staff
# menu (five taps on the office name, the PIN 2468).
# Runs under xvfb-run when there is no DISPLAY (bench/kiosk-shots.sh).
#   usage: bench/kiosk-survey-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
out=${2:-$here/../docs/screenshots}
. "$here/kiosk-shots.sh"
start_hub hub 1770688800000
c sign-in 1 demo1 1234
c issue A
c call-next 1
c start 1
c finish 1
c issue A

run() { run_kiosk "$1" "$2" --survey; }  # run WINDOW SCRIPT
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
