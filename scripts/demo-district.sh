#!/usr/bin/env bash
# The demo district: a PostgreSQL 15 centre (from initdb, in ./demo-district/pg),
# three site hubs (a Disdukcapil office and two kecamatan offices) each with its own
# antrian-forwarder, and the district dashboard at http://127.0.0.1:8090. Some of the
# morning is played at each site; one site's link to the centre is cut, the centre
# declares a SIAK outage, one site runs short of blangko. Ctrl-C stops everything.
#   usage: scripts/demo-district.sh [--fresh]     (--fresh: start from empty folders)
# The hubs run on a pinned clock (Wednesday 2 December 2026, 09:00 WIB), so the demo
# looks the same whatever the hour it is started at.
set -euo pipefail
cd "$(dirname "$0")/.."
# Packages and the whole build, as scripts/demo.sh (ANTRIAN_SKIP_SETUP=1: only the targets below).
[ -n "${ANTRIAN_SKIP_SETUP:-}" ] || ./scripts/setup.sh build >/dev/null
cmake --build build -j2 --target antrian-server antrian-ctl antrian-forwarder antrian-district >/dev/null
. scripts/district-pg.sh
data=$PWD/demo-district
[ "${1:-}" = "--fresh" ] && rm -rf "$data"
mkdir -p "$data"
chmod 755 "$data"
pg_port=55490
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop "$data/pg"
}
trap cleanup EXIT INT TERM

pg_start "$data/pg" "$pg_port" on
admin=$(pg_admin "$data/pg" "$pg_port")
build/district/antrian-district setup --pg "$admin" >/dev/null
[ -f "$data/password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$data/password"
[ -f "$data/token" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$data/token"
conn() { echo "host=127.0.0.1 port=$pg_port dbname=postgres user=$1 password=$(cat "$data/password")"; }
build/district/antrian-district add-login --pg "$admin" --role dashboard --password-file "$data/password" >/dev/null

sites=(kota "Disdukcapil Kota (kantor dinas)" 5601
       kec-utara "UPT Disdukcapil Kec. Utara" 5611
       kec-selatan "UPT Disdukcapil Kec. Selatan" 5621)
morning=1796176800000   # 2026-12-02 09:00 WIB
for ((i=0; i<${#sites[@]}; i+=3)); do
  id=${sites[i]} name=${sites[i+1]} port=${sites[i+2]}
  build/district/antrian-district add-site --pg "$admin" --site "$id" --name "$name" --password-file "$data/password" >/dev/null
  mkdir -p "$data/$id"
  build/server/antrian-server --data-dir "$data/$id" --port "$port" --http-port -1 --clock-start "$morning" \
    >"$data/$id/hub.out" 2>"$data/$id/hub.log" &
  pids+=($!)
done
ctl() {  # ctl SITE_DIR PORT ARGS...
  local dir=$1 port=$2; shift 2
  build/tools/antrian-ctl --hub "tcp://127.0.0.1:$port" --key "$data/$dir/keys/admin.key" \
    --hub-key "$data/$dir/keys/hub.pub" "$@" >/dev/null
}
for ((i=0; i<${#sites[@]}; i+=3)); do
  id=${sites[i]} port=${sites[i+2]}
  for _ in $(seq 50); do ctl "$id" "$port" --timeout-ms 200 --retries 0 state 2>/dev/null && break; sleep 0.2; done
  [ -f "$data/$id/keys/district-forwarder.key" ] ||
    ctl "$id" "$port" key-add district-forwarder --role admin --out "$data/$id/keys/district-forwarder.key"
done
echo "antrian: playing the morning at each site" >&2
ctl kota 5601 sign-in 2 demo1 1234 || true
for n in $(seq 12); do ctl kota 5601 issue A; done
for n in $(seq 4); do ctl kota 5601 issue B; done
ctl kota 5601 call-next 2 || true
for n in $(seq 7); do ctl kec-utara 5611 issue C; done
ctl kec-utara 5611 resource-set blangko --stock 150 || true
ctl kec-utara 5611 resource-set printers --working 2 || true
for n in $(seq 5); do ctl kec-selatan 5621 issue A; done

# The district's configuration (docs/DISTRICT.md "Configuration sent down"): a
# template for every site and one site's override; each hub applies it through its
# forwarder, and the dashboard's Konfigurasi page shows published against applied.
cat >"$data/district-config.json" <<'JSON'
{"services": [{"code": "A", "daily_quota": 150}, {"code": "B", "daily_quota": 200}],
 "calendar": {"last_ticket_minutes": 30},
 "holidays": [{"date": "2026-12-24", "reason_id": "Cuti bersama Natal", "reason_en": "Christmas leave"}]}
JSON
cat >"$data/kec-utara-config.json" <<'JSON'
{"services": [{"code": "C", "daily_quota": 60}]}
JSON
build/district/antrian-district config --pg "$admin" --doc "$data/district-config.json" \
  --note "Kuota dan hari libur kabupaten" >/dev/null
build/district/antrian-district config --pg "$admin" --doc "$data/kec-utara-config.json" --site kec-utara \
  --note "Kec. Utara: kuota KK sendiri" >/dev/null

forwarder() {  # forwarder SITE PORT
  build/district/antrian-forwarder --hub-db "$data/$1/antrian.db" --pg "$(conn "site_$1")" \
    --hub "tcp://127.0.0.1:$2" --key "$data/$1/keys/district-forwarder.key" --hub-key "$data/$1/keys/hub.pub" \
    2>>"$data/$1/forwarder.log" &
  pids+=($!)
}
forwarder kota 5601
forwarder kec-utara 5611
# Kec. Selatan sends once, then its link to the centre is down (the forwarder stops).
# (It applies the district's configuration before it goes: the hall keeps it offline.)
build/district/antrian-forwarder --hub-db "$data/kec-selatan/antrian.db" --pg "$(conn site_kec-selatan)" \
  --hub tcp://127.0.0.1:5621 --key "$data/kec-selatan/keys/district-forwarder.key" \
  --hub-key "$data/kec-selatan/keys/hub.pub" --exit-when-caught-up 2>>"$data/kec-selatan/forwarder.log"
build/district/antrian-district notice --pg "$admin" --kind disruption --resource siak --level down \
  --message-id "SIAK pusat terputus di seluruh kabupaten" --message-en "The central SIAK is down across the district" \
  --sites kota >/dev/null
# Who may sign in to the dashboard (it is for the Dinas, not the public).
printf '%s\n' "sandi-dinas-demo" >"$data/dinas-password"
build/district/antrian-district add-user --pg "$admin" --user dinas --password-file "$data/dinas-password" \
  --name "Kepala Dinas (demo)" >/dev/null
build/district/antrian-district serve --pg "$(conn dashboard)" --port 8090 --admin-token-file "$data/token" \
  2>"$data/dashboard.log" &
pids+=($!)
echo "antrian: district dashboard at http://127.0.0.1:8090 (sign in: dinas / sandi-dinas-demo; token for declaring: $data/token)"
echo "antrian: Kec. Selatan's link is down; the SIAK outage is declared for the kota office. Ctrl-C stops all."
wait
