# Sourced (not run) by bench/kiosk-*screenshots.sh once they have set $build and $out:
# the script again under xvfb-run when there is no DISPLAY; the programs in $build, a
# work folder removed on exit with every hub it started, start_hub (a throwaway hub on
# a pinned clock), c (antrian-ctl against it) and run_kiosk (the kiosk's automation).
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1920x24" "$0" "$build" "$out"
fi
server="$build/server/antrian-server"
ctl="$build/tools/antrian-ctl"
kiosk="$build/kiosk/antrian-kiosk"
mkdir -p "$out"
work=$(mktemp -d)
hub_pids=""
cleanup() {
  for p in $hub_pids; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# start_hub NAME CLOCK_MS: a hub with its data in $work/NAME, its clock starting at
# CLOCK_MS (unix ms), so the pictures never depend on the hour; $hub is its request
# address. The programs and antrian-ctl use that hub's own admin key (any role).
start_hub() {
  export ANTRIAN_KEY="$work/$1/keys/admin.key" ANTRIAN_HUB_KEY="$work/$1/keys/hub.pub"
  "$server" --data-dir "$work/$1" --port 0 --http-port 0 --log-level warn --clock-start "$2" \
    >"$work/$1.out" 2>"$work/$1.err" &
  hub_pids="$hub_pids $!"
  for _ in $(seq 50); do grep -q '"req"' "$work/$1.out" 2>/dev/null && break; sleep 0.1; done
  hub="tcp://127.0.0.1:$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$work/$1.out")"
}

c() { "$ctl" --hub "$hub" "$@" >/dev/null; }

# run_kiosk WINDOW SCRIPT [FLAG...]: the kiosk (staff PIN 2468) runs the automation
# SCRIPT against $hub, then quits; an error line stops everything with the kiosk's log.
run_kiosk() {
  shots_window=$1
  shots_script=$2
  shift 2
  printf '%s\nquit\n' "$shots_script" | "$kiosk" --hub "$hub" --window "$shots_window" --automation \
    --staff-pin 2468 "$@" 2>>"$work/kiosk.err" | grep -E '"error"' && { cat "$work/kiosk.err" >&2; exit 1; } || true
}
