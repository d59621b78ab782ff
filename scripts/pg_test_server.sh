#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on a loopback port in a temporary directory.
#   pg_test_server.sh start  → prints the connection URL on stdout (state kept in $JW_PG_DIR or /tmp)
#   pg_test_server.sh stop
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
STATE=${JW_PG_STATE:-/tmp/jw_pg_state}
case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/jw_pg.XXXXXX)
  port=$(bash "$(dirname "$0")/free_port.sh")
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    RUN=(runuser -u postgres --)
  else
    RUN=()
  fi
  "${RUN[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust >"$dir/initdb.log" 2>&1
  "${RUN[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" -w start >/dev/null
  "${RUN[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE jingwu_test" >/dev/null
  echo "$dir" > "$STATE"
  echo "postgresql://postgres@127.0.0.1:$port/jingwu_test"
  ;;
stop)
  [ -f "$STATE" ] || exit 0
  dir=$(cat "$STATE")
  RUN=(); [ "$(id -u)" -eq 0 ] && RUN=(runuser -u postgres --)
  "${RUN[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$STATE"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
