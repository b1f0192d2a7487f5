#!/usr/bin/env bash
# Installs what is missing, builds, and runs the demo office: the hub with the
# embedded default office (services A-F, 8 lokets, data in ./demo-data), a kiosk,
# a wall display and two counter programs, all on this machine. Ctrl-C stops all.
# Without a graphical session (no $DISPLAY) the programs run on a virtual screen
# (Xvfb): the hub, its web and antrian-ctl are then the way to look at the office.
set -euo pipefail
cd "$(dirname "$0")/.."
# ANTRIAN_DEMO_SKIP_SETUP=1 uses the build as it is (tests of this script),
# ANTRIAN_DEMO_BUILD names the build folder (default ./build);
# ANTRIAN_DEMO_DATA moves the office's data folder (default ./demo-data).
build=${ANTRIAN_DEMO_BUILD:-build}
[ -n "${ANTRIAN_DEMO_SKIP_SETUP:-}" ] || ./scripts/setup.sh "$build"
data=${ANTRIAN_DEMO_DATA:-demo-data}
mkdir -p "$data"
hub=tcp://127.0.0.1:5555
pids=()
# Stop in reverse order: the programs, then the virtual screen, then the hub.
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done; wait 2>/dev/null || true
  [ -n "${front_dir:-}" ] && rm -rf "$front_dir"
}
trap cleanup EXIT INT TERM

# The hub's own HTTP listens on loopback only; the web front (nginx + nchan) serves
# phones and TVs on :8080 and takes the hub's live updates on its publish socket.
# Its folder is under /tmp: run as root, the front runs as nobody, who may not enter
# this checkout's parents.
front_dir=$(mktemp -d /tmp/antrian-demo-front.XXXXXX)
# The hub prints one JSON line on stdout once every port listens; until then nothing
# is ready. A port in use (or any other start error) ends the demo with the reason.
ready="$data/hub-ready.json"
rm -f "$ready"
"$build"/server/antrian-server --data-dir "$data" --port 5555 --http-bind 127.0.0.1 --http-port 8081 \
  --web-publish "$front_dir/publish.sock" >"$ready" &
pids+=($!)
for _ in $(seq 150); do
  grep -q '"req"' "$ready" 2>/dev/null && break
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    wait "${pids[0]}" && code=$? || code=$?
    echo "antrian: the hub did not start (exit $code; its reason is above). Free ports 5555, 5556 and 8081 or stop the other hub." >&2
    exit 1
  fi
  sleep 0.2
done
grep -q '"req"' "$ready" || { echo "antrian: the hub did not become ready within 30 s" >&2; exit 1; }
# Every program talks to the hub with a CURVE key of its own. The hub writes its
# public key (hub.pub) and an admin key for this machine into $data/keys; antrian-ctl
# reads them from these variables.
export ANTRIAN_KEY="$data/keys/admin.key" ANTRIAN_HUB_KEY="$data/keys/hub.pub"
# A key per program, registered once with its role (a counter's key is for its loket).
key() {  # key NAME ROLE [LOKET]
  local file="$data/keys/$1.key"
  if [ -f "$file" ]; then  # made before; registered again if the database was reset
    "$build"/tools/antrian-ctl --hub $hub key-add "$1" --role "$2" ${3:+--counter "$3"} --public-key "$file" >/dev/null 2>&1 || true
  else
    "$build"/tools/antrian-ctl --hub $hub key-add "$1" --role "$2" ${3:+--counter "$3"} --out "$file" >/dev/null
  fi
  echo "--key $file --hub-key $ANTRIAN_HUB_KEY"
}
ANTRIAN_FRONT_LISTEN="$build/server/antrian-front-listen" packaging/nginx/antrian-web-front --run-dir "$front_dir" --listen 127.0.0.1:8080 --hub 127.0.0.1:8081 \
  --web-root server/web &
pids+=($!)
web=${pids[-1]}
# The front is ready when it answers; if it exits (port 8080 taken, ...) the demo ends.
for _ in $(seq 100); do
  curl -fsS -o /dev/null --max-time 1 http://127.0.0.1:8080/healthz 2>/dev/null && break
  if ! kill -0 "$web" 2>/dev/null; then
    echo "antrian: the web front did not start (see above; is port 8080 taken?). Free port 8080 or stop the other web server." >&2
    exit 1
  fi
  sleep 0.2
done
curl -fsS -o /dev/null --max-time 1 http://127.0.0.1:8080/healthz 2>/dev/null ||
  { echo "antrian: the web front did not answer on :8080 within 20 s" >&2; exit 1; }
echo "antrian: hub ready at $hub, web at http://127.0.0.1:8080 (/api/state, /metrics, /healthz)"

if [ -z "${DISPLAY:-}" ]; then
  echo "antrian: no graphical session; the programs run on a virtual screen (Xvfb :77)"
  Xvfb :77 -screen 0 1920x1080x24 >/dev/null 2>&1 &
  pids+=($!)
  export DISPLAY=:77
  sleep 1
fi
start() {  # start PROGRAM ARGS... (only the programs that were built)
  local bin=$build/$1/antrian-$1; shift
  if [ -x "$bin" ]; then "$bin" --hub $hub "$@" & pids+=($!); fi
}
start display --window 1280x720 $(key tv-1 display)
start kiosk --window 1080x1920 --printer none --name kiosk-1 --staff-pin 2468 $(key kiosk-1 kiosk)
start counter --window 1024x640 --loket 2 $(key loket-2 counter 2)
start counter --window 1024x640 --loket 4 $(key loket-4 counter 4)
echo "antrian: counters: staff demo1 / PIN 1234 and demo2 / PIN 1234; kiosk staff menu PIN 2468;"
echo "antrian: web admin http://127.0.0.1:8080/admin as admin / admin1234; try:"
echo "  $build/tools/antrian-ctl --key $ANTRIAN_KEY --hub-key $ANTRIAN_HUB_KEY issue A   (or: ... watch, key-list)"
wait -n "${pids[0]}"
