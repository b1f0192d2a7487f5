#!/usr/bin/env bash
# A hall of phones on the web front, in one command (docs/BENCHMARKS.md, "Web front"):
# a hub (pinned clock, an office whose service A takes 3,000 tickets) publishing to
# the web front (nginx + nchan, packaging/nginx/), both in a temporary folder, then
# antrian-bench-web: 2,000 status-page streams, 10 TV streams, 500 slow-drip sockets
# for 60 s while a loket calls every 3 s, probes of /healthz and a fresh page load,
# and requests/s on one keep-alive connection. Loopback only; everything it starts
# is stopped at the end. Last line:
#   streams=N tv=N healthz_p99_ms=X page_p99_ms=X call_p99_ms=X tv_call_p99_ms=X slow=N
#
#   bench/web-load.sh [--streams N] [--tv N] [--slow N] [--seconds N]   (BUILD=build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
cmake --build "$build" -j2 --target antrian-server antrian-front-listen antrian-bench-web >/dev/null
# 2,500 sockets on the bench's side, as many in nginx: raise the limit for this run.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge 8000 ] || { echo "web-load: ulimit -n is $(ulimit -n); need 8000 (raise the hard limit)" >&2; exit 2; }

tmp=$(mktemp -d /tmp/antrian-web-load.XXXXXX)
front_dir=$(mktemp -d /tmp/antrian-web-front.XXXXXX)
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${KEEP_TMP:-}" ]; then echo "web-load: kept $tmp and $front_dir" >&2; else rm -rf "$tmp" "$front_dir"; fi
}
trap cleanup EXIT INT TERM

# The default office, with room for 3,000 tickets in A (one per phone): a big quota
# and short services, so the planned capacity of the day covers them.
python3 - "$tmp/office.json" <<'PY'
import json, sys
cfg = json.load(open("assets/default-office.json"))
for s in cfg["services"]:
    if s["code"] == "A":
        s["daily_quota"] = 3000
        s["mean_service_s"] = 5  # the day's capacity must cover every phone's ticket
json.dump(cfg, open(sys.argv[1], "w"))
PY
# A Monday 09:00 WIB: the office is open whatever the hour of the run.
"$build/server/antrian-server" --data-dir "$tmp/data" --config "$tmp/office.json" --port 0 --http-bind 127.0.0.1 \
  --http-port 0 --clock-start 1772416800000 --log-level warn --web-publish "$front_dir/publish.sock" \
  >"$tmp/hub.json" 2>"$tmp/hub.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$tmp/hub.json" ] && break; sleep 0.1; done
read -r req http < <(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(j["req"], j["http"])' "$tmp/hub.json")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ANTRIAN_FRONT_LISTEN="$build/server/antrian-front-listen" packaging/nginx/antrian-web-front --run-dir "$front_dir" --listen "127.0.0.1:$port" --hub "127.0.0.1:$http" \
  --web-root server/web >"$tmp/front.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "web-load: the front did not start:" >&2; cat "$tmp/front.log" "$front_dir/error.log" >&2; exit 3; }
echo "web-load: hub req :$req http :$http, front :$port ($(nproc) cores)"
"$build/bench/antrian-bench-web" --front-port "$port" --hub-http-port "$http" --hub "tcp://127.0.0.1:$req" \
  --key "$tmp/data/keys/admin.key" --hub-key "$tmp/data/keys/hub.pub" "$@"
