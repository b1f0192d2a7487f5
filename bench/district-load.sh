#!/bin/sh
# The district under load (docs/BENCHMARKS.md "District"): 100 simulated sites, each
# a 10x office day (3,000 tickets) played against a real hub, forwarded at once by 100
# antrian-forwarder processes into a PostgreSQL 15 started here from initdb; the
# dashboard asked for its pages all the while. The ingest rate is reported as a ratio
# to PostgreSQL's own bulk insert (COPY) of the same rows into a table of the same
# shape (same key, same monthly partitions), measured in the same run.
#   usage: bench/district-load.sh [BUILD_DIR] [SITES]      (defaults: build, 100)
#   ANTRIAN_DISTRICT_DAY_DB=FILE reuses a day played before (a copy of its hub's antrian.db)
# Last line: sites=N events=N ingest_ratio=X dashboard_p99_ms=X
#   or, when a phase fails or overruns its time limit: FAILED: <phase>: <reason>
#   ANTRIAN_DISTRICT_LOAD_TIMEOUT_S=N  each phase's limit in seconds (default 900)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
sites=${2:-100}
. scripts/district-pg.sh
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j2 --target antrian-server antrian-forwarder antrian-district antrian-district-day \
  antrian-district-probe >/dev/null
work=$(mktemp -d /tmp/antrian-district-load-XXXXXX)
chmod 755 "$work"
port=$((20000 + $$ % 20000))
dash_pid=""
probe_pid=""
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  [ -n "$probe_pid" ] && kill "$probe_pid" 2>/dev/null || true
  [ -n "$dash_pid" ] && kill "$dash_pid" 2>/dev/null || true
  pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
# No phase may hang the script: each runs under `timeout` and a failure ends the run
# with one line that says which phase and why (the last line, where the figures go).
limit=${ANTRIAN_DISTRICT_LOAD_TIMEOUT_S:-900}
exec 3>&1  # the script's stdout, which a phase's own redirection does not hide
fail() {
  echo "FAILED: $1: $2" >&3
  exit 1
}
# tmo PHASE CMD...: CMD under the phase limit; on failure, FAILED with the reason.
tmo() {
  phase=$1
  shift
  rc=0
  timeout "$limit" "$@" || rc=$?
  [ "$rc" = 0 ] && return 0
  [ "$rc" = 124 ] && fail "$phase" "did not finish within $limit s ($1)"
  fail "$phase" "$1 exited with status $rc"
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

echo "1. one 10x day against a real hub (the log every simulated site sends)" >&2
if [ -n "${ANTRIAN_DISTRICT_DAY_DB:-}" ]; then
  # A rerun may reuse the day of an earlier run (a copy of its hub's antrian.db).
  mkdir -p "$work/day/hub" && cp "$ANTRIAN_DISTRICT_DAY_DB" "$work/day/hub/antrian.db"
else
  tmo "the 10x day" "$build/bench/antrian-district-day" --out "$work/day" --load 10 --days 1 >/dev/null
fi
echo "2. PostgreSQL 15 from initdb, the schema, $sites sites" >&2
pg_start "$work/pg" "$port" on >"$work/pg-start.log" 2>&1 ||
  fail "PostgreSQL start" "$(tail -3 "$work/pg-start.log" | tr '\n' ' ')"
# Every statement of the admin's connection is bounded too (ten minutes at most).
admin="$(pg_admin "$work/pg" "$port") options='-c statement_timeout=${limit}s'"
tmo "schema" "$build/district/antrian-district" setup --pg "$admin" >/dev/null
echo "a-site-password-for-the-bench" >"$work/pw"
i=1
while [ "$i" -le "$sites" ]; do
  tmo "add-site $i" "$build/district/antrian-district" add-site --pg "$admin" --site "site-$i" --name "Kantor $i" \
    --password-file "$work/pw" >/dev/null
  mkdir -p "$work/sites/$i"
  cp "$work/day/hub/antrian.db" "$work/sites/$i/antrian.db"
  i=$((i + 1))
done
tmo "add-login" "$build/district/antrian-district" add-login --pg "$admin" --role dashboard --password-file "$work/pw" >/dev/null
conn() { echo "host=127.0.0.1 port=$port dbname=postgres user=$1 password=a-site-password-for-the-bench"; }
# People wait on the dashboard; the ingest is bulk work that may wait a little: the
# dashboard gets the larger CPU share (as its unit's Nice=/CPUWeight= would give it at
# the centre; the forwarders, which run at the sites in a district, are at nice 10).
# The dashboard runs in a session of its own, as its own service would at the centre:
# the kernel shares the CPU between sessions first (autogroups, when
# /proc/sys/kernel/sched_autogroup_enabled is 1) and a nice value counts only inside
# its session, so in this script's session the dashboard's requests queued behind the
# 100 forwarders' (p99 407 ms even for a 14-byte answer from memory). Its session's
# own nice (/proc/PID/autogroup) is what gives it the larger share.
prio=""
[ "$(id -u)" = 0 ] && prio="nice -n -5"
setsid $prio "$build/district/antrian-district" serve --pg "$(conn dashboard)" --port 0 --no-login >"$work/dash.out" 2>"$work/dash.log" &
dash_pid=$!
for _ in $(seq 50); do grep -q http "$work/dash.out" 2>/dev/null && break; sleep 0.1; done
dash_port=$(sed 's/[^0-9]//g' "$work/dash.out")
[ -n "$dash_port" ] || fail "dashboard start" "no port after 5 s: $(tail -3 "$work/dash.log" | tr '\n' ' ')"
# Once it listens it has its session (not this script's, whose share would change).
if [ "$(id -u)" = 0 ] && [ -w "/proc/$dash_pid/autogroup" ] &&
  [ "$(cut -d' ' -f1 "/proc/$dash_pid/autogroup")" != "$(cut -d' ' -f1 /proc/$$/autogroup)" ]; then
  echo -5 >"/proc/$dash_pid/autogroup" 2>/dev/null || true
fi
# The probe stands for the people watching, on machines of their own: its own session too.
setsid "$build/bench/antrian-district-probe" --port "$dash_port" --stop-file "$work/stop" >"$work/probe.json" 2>"$work/probe.paths" &
probe_pid=$!
sleep 1

echo "3. $sites forwarders at once" >&2
# Both timed phases start from a checkpoint (COPY's below too), so neither pays for the
# other's dirty pages or WAL.
tmo "checkpoint" psql "$admin" -qAt -c "CHECKPOINT" >/dev/null
t0=$(now)
pids=""
i=1
while [ "$i" -le "$sites" ]; do
  # nice: in a district each forwarder runs on its own site's machine, not the
  # centre's; here they share two cores with PostgreSQL and the dashboard. Back to
  # back, the disk as before: this measures the centre's ingest, not a site's pace.
  timeout "$limit" nice -n 10 "$build/district/antrian-forwarder" --hub-db "$work/sites/$i/antrian.db" --pg "$(conn "site_site-$i")" \
    --batch 5000 --catch-up-pause-ms 0 --io-class unchanged --exit-when-caught-up --log-level warn 2>>"$work/forwarders.log" &
  pids="$pids $!"
  i=$((i + 1))
done
failed=0
overran=0
for p in $pids; do
  rc=0
  wait "$p" || rc=$?
  [ "$rc" = 0 ] || failed=$((failed + 1))
  [ "$rc" = 124 ] && overran=$((overran + 1))
done
pids=""
if [ "$failed" != 0 ]; then
  tail -20 "$work/forwarders.log" >&2
  [ "$overran" = 0 ] || fail "ingest" "$overran of $sites forwarders had not caught up within $limit s"
  fail "ingest" "$failed of $sites forwarders failed: $(tail -1 "$work/forwarders.log")"
fi
t1=$(now)
touch "$work/stop"
# The probe stops at the stop file within one request (its read timeout is 30 s).
for _ in $(seq 600); do kill -0 "$probe_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$probe_pid" 2>/dev/null && fail "dashboard probe" "still running 60 s after the stop file"
wait "$probe_pid" || fail "dashboard probe" "exited with an error: $(tail -3 "$work/probe.paths" | tr '\n' ' ')"
probe_pid=""
ingest_s=$(secs "$t0" "$t1")

echo "   exactly once: every site's events against its own log" >&2
# One pass over the rows, grouped by site (the key's first column): per site the rows,
# the distinct seqs, the first and the last. Exactly once for a site whose log holds
# seq 1..N is rows = distinct = N, first 1, last N: a duplicate makes rows > distinct,
# a lost event distinct < N. (A DISTINCT over (site, seq) of the whole table, planned
# without statistics for the fresh rows, once ran for over ten minutes: hence the fresh
# statistics and the visibility map first, so the key's index answers alone, and the
# memory to sort each site's 12,000 seqs in place.)
tmo "exactly-once check" psql "$admin" -qAtc "VACUUM (ANALYZE) district.events" >/dev/null
c0=$(now)
tmo "exactly-once check" psql "$admin" -qAt -F ' ' -c "SET work_mem = '64MB'" \
  -c "SELECT site, count(*), count(DISTINCT seq), min(seq), max(seq) FROM district.events GROUP BY site ORDER BY site" \
  >"$work/centre.txt"
i=1
: >"$work/logs.txt"
while [ "$i" -le "$sites" ]; do
  echo "site-$i $(sqlite3 -separator ' ' "$work/sites/$i/antrian.db" "SELECT count(*), count(*), min(seq), max(seq) FROM events")" >>"$work/logs.txt"
  i=$((i + 1))
done
sort "$work/logs.txt" -o "$work/logs.txt"
sort "$work/centre.txt" -o "$work/centre.txt"
if ! cmp -s "$work/logs.txt" "$work/centre.txt"; then
  diff "$work/logs.txt" "$work/centre.txt" | head -10 >&2
  fail "exactly-once check" "$(diff "$work/logs.txt" "$work/centre.txt" | grep -c '^[<>]') lines differ (site rows distinct first last: log < > centre)"
fi
# Each site's log holds 1..N with no gap (the hub's seq), so the above is the whole claim.
awk '$4 != 1 || $5 != $2 { bad = 1 } END { exit bad }' "$work/logs.txt" || fail "exactly-once check" "a site's log is not 1..N"
events=$(awk '{ n += $2 } END { print n }' "$work/centre.txt")
echo "   exactly once: $sites sites, $events events, checked in $(secs "$c0" "$(now)") s" >&2

echo "4. COPY of the same rows into a table of the same shape" >&2
tmo "COPY out" psql "$admin" -qAt -c "\copy (SELECT * FROM district.events) TO '$work/events.copy'"
chmod 644 "$work/events.copy"
tmo "COPY table" psql "$admin" -qAt -c "CREATE TABLE public.copy_events (LIKE district.events INCLUDING ALL) PARTITION BY RANGE (at)"
tmo "COPY table" psql "$admin" -qAt -c "SELECT format('CREATE TABLE public.%I PARTITION OF public.copy_events %s;', 'copy_' || c.relname,
    pg_get_expr(c.relpartbound, c.oid)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'district.events'::regclass" >"$work/partitions.sql"
tmo "COPY table" psql "$admin" -qAt -f "$work/partitions.sql" >/dev/null
tmo "COPY table" psql "$admin" -qAt -c "CHECKPOINT" >/dev/null
c0=$(now)
tmo "COPY" psql "$admin" -qAt -c "\copy public.copy_events FROM '$work/events.copy'"
c1=$(now)
copy_s=$(secs "$c0" "$c1")
tmo "COPY count" psql "$admin" -qAtc "SELECT count(*) FROM public.copy_events" >"$work/copied.txt"
copied=$(cat "$work/copied.txt")
[ "$copied" = "$events" ] || fail "COPY" "stored $copied of $events rows"

ingest_rate=$(awk -v n="$events" -v s="$ingest_s" 'BEGIN { printf "%.1f", n / s }')
copy_rate=$(awk -v n="$events" -v s="$copy_s" 'BEGIN { printf "%.1f", n / s }')
ratio=$(awk -v a="$ingest_rate" -v b="$copy_rate" 'BEGIN { printf "%.4f", a / b }')
p99=$(sed 's/.*"p99_ms":\([0-9.]*\).*/\1/' "$work/probe.json")
printf 'ingest: %d events in %.1f s = %.0f events/s (%d forwarders, batches of 5000)\n' "$events" "$ingest_s" "$ingest_rate" "$sites"
printf 'COPY:   %d events in %.1f s = %.0f events/s (one stream)\n' "$events" "$copy_s" "$copy_rate"
echo "dashboard during the ingest: $(cat "$work/probe.json")"
cat "$work/probe.paths"
printf 'sites=%d events=%d ingest_ratio=%.2f dashboard_p99_ms=%.0f\n' "$sites" "$events" "$ratio" "$p99"
