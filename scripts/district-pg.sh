# Sourced by the district scripts (demo-district.sh, bench/district-*.sh): a throwaway
# PostgreSQL 15 in a folder, run as the unprivileged "postgres" user when we are root
# (PostgreSQL refuses root). Local socket: trusted superuser; TCP: passwords.
#   pg_start DIR PORT [FSYNC]   initdb (once) and start; FSYNC "off" for speed
#   pg_stop DIR                 fast shutdown
#   pg_admin DIR PORT           the superuser's conninfo (local socket)
PG_BIN=${ANTRIAN_PG_BIN:-/usr/lib/postgresql/15/bin}

pg_as() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi
}

pg_start() {
  local dir=$1 port=$2 fsync=${3:-on}
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    pg_as "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
fsync = $fsync
CONF
  fi
  pg_as "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 start >/dev/null ||
    { tail -20 "$dir/postgres.log"; return 1; }
}

pg_stop() {
  pg_as "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
}

pg_admin() { echo "host=$1 port=$2 user=postgres dbname=postgres"; }
