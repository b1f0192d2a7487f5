#!/bin/sh
# Starts a hub with a demo morning for antrian-display: tickets, calls and recalls at
# several lokets, the central server (SIAK) down with an expected time back, two of
# six card printers working, and a running-text announcement.
#   usage: display-demo-hub.sh BUILD_DIR DATA_DIR
# Prints the hub address (tcp://127.0.0.1:PORT) on the last line; the hub keeps
# running in the background (its pid is in DATA_DIR/hub.pid).
set -eu
build=${1:?usage: display-demo-hub.sh BUILD_DIR DATA_DIR}
data=${2:?usage: display-demo-hub.sh BUILD_DIR DATA_DIR}
mkdir -p "$data"
# Programs and antrian-ctl use the hub's own admin key (it may act as any role).
export ANTRIAN_KEY="$data/keys/admin.key" ANTRIAN_HUB_KEY="$data/keys/hub.pub"
"$build/server/antrian-server" --data-dir "$data" --port 0 --http-port 0 --log-level warn --clock-start 1770688800000 >"$data/hub.out" 2>"$data/hub.err" &
echo $! >"$data/hub.pid"
for _ in $(seq 50); do [ -s "$data/hub.out" ] && break; sleep 0.1; done
port=$(sed -n 's/.*"req":\([0-9]*\).*/\1/p' "$data/hub.out")
[ -n "$port" ] || { echo "the hub did not start: $(cat "$data/hub.err")" >&2; exit 1; }
hub="tcp://127.0.0.1:$port"
ctl() { "$build/tools/antrian-ctl" --hub "$hub" "$@" >/dev/null; }

for s in 3 4 5 6 7; do ctl staff-set "demo$s" --name "Petugas Demo $s" --pin 1234; done
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do ctl issue A; done
for _ in 1 2 3 4 5 6; do ctl issue B; done
for _ in 1 2 3 4 5 6 7; do ctl issue C; done
for _ in 1 2 3 4; do ctl issue D; done
for _ in 1 2 3; do ctl issue E; done
ctl issue F
ctl sign-in 1 demo1 1234
ctl sign-in 2 demo2 1234
ctl sign-in 3 demo3 1234
ctl sign-in 4 demo4 1234
ctl sign-in 6 demo5 1234
ctl sign-in 8 demo6 1234
ctl sign-in 7 demo7 1234
# Loket 1 served two people already; loket 4 one; the rest are on their first call.
ctl call-next 1; ctl start 1; ctl finish 1
ctl call-next 1; ctl no-show 1
ctl call-next 4; ctl start 4; ctl finish 4
ctl call-next 8
ctl call-next 6
ctl call-next 3
ctl call-next 2; ctl recall 2
ctl call-next 1
ctl call-next 4
ctl pause 7
ctl resource-set printers --working 2
ctl disruption-set siak down --expected-minutes 90 \
  --message-id "Server pusat SIAK tidak dapat diakses. Pemohon e-KTP dapat mengambil surat keterangan di loket 3." \
  --message-en "The central SIAK server cannot be reached. e-KTP applicants can get a temporary certificate at counter 3."
ctl announce "Loket 1-3 melayani e-KTP. Kartu Keluarga dan akta kelahiran tetap dilayani seperti biasa di loket 4-7."
echo "$hub"
