#!/usr/bin/env bash
# scripts/demo.sh with one of its ports taken (the hub's request port 5555, the web
# front's 8080): it must stop at once with the reason and a non-zero exit, and never
# print that the hub is ready.
# Usage: demo_port_taken.sh REPO_ROOT BUILD_DIR
set -uo pipefail
root=$1 build=$2
work=$(mktemp -d)
chmod 755 "$work"  # the web front drops to an unprivileged user, which must reach its run folder
holder=""
cleanup() { [ -n "$holder" ] && kill "$holder" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
for port in 5555 8080; do
  # Hold the port (if something else already holds it, the demo must fail all the same).
  python3 -c 'import socket,sys,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(1)
except OSError: pass
print("held", flush=True); time.sleep(120)' "$port" >"$work/holder.out" &
  holder=$!
  for _ in $(seq 50); do grep -q held "$work/holder.out" && break; sleep 0.1; done
  # The real script with the build as it is, a temporary data folder and no display
  # (so nothing would open a window).
  start=$(date +%s)
  ( cd "$root" && env -u DISPLAY ANTRIAN_DEMO_SKIP_SETUP=1 ANTRIAN_DEMO_BUILD="$build" ANTRIAN_DEMO_DATA="$work/data-$port" \
      timeout 60 setsid ./scripts/demo.sh ) >"$work/out" 2>&1
  code=$?
  took=$(( $(date +%s) - start ))
  echo "--- port $port taken: exit $code after ${took}s"
  cat "$work/out"
  [ "$code" -ne 0 ] || fail "demo.sh exited 0 with port $port taken"
  [ "$code" -ne 124 ] || fail "demo.sh hung until the timeout"
  grep -q "antrian: hub ready" "$work/out" && fail "demo.sh said the hub was ready"
  grep -q "did not start" "$work/out" || fail "demo.sh did not say what did not start"
  grep -q "$port" "$work/out" || fail "the reason does not name port $port"
  [ "$took" -le 25 ] || fail "took ${took}s to give up"
  kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null; holder=""
  # Nothing of the demo is left behind.
  pgrep -f "$work/data-$port" >/dev/null && fail "a demo process was left running"
done
echo "ok"
