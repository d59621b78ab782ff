#!/usr/bin/env bash
# HTTP benchmark (`make bench-http`): wrk on loopback against an authenticated, audited read
# (GET /api/v1/units as sysadmin: session check + one audit_log record per request), on SQLite and, when
# available, PostgreSQL; then a RESTinio hello-world with the same thread count and wrk settings.
# Prints name, requests/s, p50, p99 and the ratio to hello-world; writes the table to bench/out/http.txt.
#
# Environment (all optional):
#   JINGWU_BIN          server binary (default build/release/src/app/jingwu)
#   JW_BENCH_DURATION   wrk duration per run (default 15s)
#   JW_BENCH_THREADS    server threads for Jingwu and hello-world (default: one per core)
#   JW_TEST_PG_URL      existing PostgreSQL to use (a fresh database is created on it and dropped after);
#                       otherwise scripts/pg_test_server.sh starts a throw-away one; JW_BENCH_PG=0 skips PG
#   JW_BENCH_PERF=1     record `perf` on the Jingwu server during the SQLite run → bench/out/perf-sqlite.txt
#   JW_BENCH_TWO=0      skip the two-server run (two `jingwu serve` on one PostgreSQL, one wrk each, at once)
#   JW_BENCH_BASELINE_BIN  another server binary (e.g. main's before a change) benchmarked on PostgreSQL too, in
#                       the same run and on the same data, as the row jingwu-pg-baseline
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BIN=$(realpath "${JINGWU_BIN:-build/release/src/app/jingwu}")
OUT=$ROOT/bench/out
DURATION=${JW_BENCH_DURATION:-15s}
THREADS=${JW_BENCH_THREADS:-$(nproc)}
WRK_ARGS=(-t2 -c64 -d"$DURATION" --latency)
USERNAME=sysadmin
PASSWORD='Jingwu@2026'
ENDPOINT=/api/v1/units

[ -x "$BIN" ] || { echo "bench: $BIN not found; run 'make build' first" >&2; exit 1; }
for tool in wrk sqlite3 curl g++; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 1; }
done
mkdir -p "$OUT"

tmp=$(mktemp -d /tmp/jw_bench.XXXXXX)
SERVER_PID=""
PG_STARTED=0
PG_ADMIN_URL=""
PG_BENCH_DB=""
PG_BASE_DB=""

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && { echo "bench: pid $SERVER_PID ignored SIGTERM; killing" >&2; kill -KILL "$SERVER_PID" 2>/dev/null || true; }
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_server
  stop_extras
  if [ -n "$PG_BENCH_DB" ] && [ -n "$PG_ADMIN_URL" ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_BENCH_DB" >/dev/null 2>&1 || true
  fi
  if [ -n "$PG_BASE_DB" ] && [ -n "$PG_ADMIN_URL" ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_BASE_DB" >/dev/null 2>&1 || true
  fi
  if [ "$PG_STARTED" = 1 ]; then JW_PG_STATE=$tmp/pg_state bash scripts/pg_test_server.sh stop || true; fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  bash "$ROOT/scripts/free_port.sh"
}

# wait_ready URL LOG: polls URL until 200 (10 s), or fails showing the log.
wait_ready() {
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "bench: server not ready at $1" >&2
  tail -n 20 "$2" >&2 || true
  return 1
}

# to_ms VALUE: wrk prints latencies as 812.00us, 1.23ms or 1.05s.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# parse_wrk FILE: sets RPS P50 P99 REQS NON2XX SOCKERR from wrk --latency output.
parse_wrk() {
  RPS=$(awk '/^Requests\/sec:/ {print $2}' "$1")
  P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$1")")
  P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$1")")
  REQS=$(awk '/requests in/ {print $1}' "$1")
  NON2XX=$(awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}' "$1")
  NON2XX=${NON2XX:-0}
  SOCKERR=$(awk '/Socket errors/ {sub(/^ *Socket errors: */, ""); print}' "$1")
}

ROWS=()   # "name|rps|p50|p99|requests|audited|non2xx|cpu_us_per_request"
CLK_TCK=$(getconf CLK_TCK)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# cpu_ticks PID: user+system clock ticks of all the process's threads so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# cpu_per_request TICKS REQUESTS: server CPU microseconds per request served.
cpu_per_request() { awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else print "-" }'; }

# login_cookie PORT: logs in as $USERNAME and prints the session cookie's value (empty when refused).
login_cookie() {
  curl -fsS -D - -o /dev/null --max-time 5 -X POST -H 'Content-Type: application/json' \
       -d "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$1/api/v1/session" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: jw_session=\([^;]*\).*/\1/p' | head -n1
}

# start_extra BIN DIR DB PORT: another `jingwu serve` on the same database and key (its pid in EXTRA_PIDS).
EXTRA_PIDS=()
start_extra() {
  local bin=$1 dir=$2 db=$3 port=$4
  (cd "$dir" && JINGWU_ALLOW_ROOT=1 JINGWU_DB=$db JINGWU_KEY_FILE=$dir/key JINGWU_THREADS=$THREADS \
     exec "$bin" serve --listen "127.0.0.1:$port" >"$dir/server-$port.log" 2>&1) &
  EXTRA_PIDS+=($!)
}
stop_extras() {
  local pid
  for pid in "${EXTRA_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${EXTRA_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  EXTRA_PIDS=()
}

# bench_jingwu NAME DB_URL COUNT_CMD...: init --demo, serve, log in, wrk, count audit rows.
bench_jingwu() {
  local name=$1 db=$2; shift 2
  local dir=$tmp/$name port log cookie before after
  mkdir -p "$dir"
  port=$(free_port)
  log=$dir/server.log
  echo "== $name: $db"
  # Run from the temp dir so no ./jingwu.toml of the caller is picked up.
  local bin=${BENCH_BIN:-$BIN}
  if [ -z "${BENCH_NO_INIT:-}" ]; then
    (cd "$dir" && JINGWU_DB=$db JINGWU_KEY_FILE=$dir/key "$bin" init --demo >"$dir/init.log" 2>&1) \
      || { cat "$dir/init.log" >&2; return 1; }
  fi
  cd "$dir"
  JINGWU_ALLOW_ROOT=1 JINGWU_DB=$db JINGWU_KEY_FILE=$dir/key JINGWU_THREADS=$THREADS "$bin" serve --listen "127.0.0.1:$port" >"$log" 2>&1 &
  SERVER_PID=$!
  cd "$ROOT"
  wait_ready "http://127.0.0.1:$port/readyz" "$log"

  cookie=$(login_cookie "$port")
  [ -n "$cookie" ] || { echo "bench: login as $USERNAME failed" >&2; return 1; }
  curl -fsS -o /dev/null --max-time 5 -H "Cookie: jw_session=$cookie" "http://127.0.0.1:$port$ENDPOINT" \
    || { echo "bench: GET $ENDPOINT with the session failed" >&2; return 1; }

  before=$("$@")
  local cpu0 cpu1 perf_pid=""
  cpu0=$(cpu_ticks "$SERVER_PID")
  if [ "${JW_BENCH_PERF:-0}" = 1 ] && [ "$name" = jingwu-sqlite ] && command -v perf >/dev/null; then
    perf record -F 499 -g -o "$dir/perf.data" -p "$SERVER_PID" >/dev/null 2>&1 &
    perf_pid=$!
  fi
  timeout 120 wrk "${WRK_ARGS[@]}" -H "Cookie: jw_session=$cookie" "http://127.0.0.1:$port$ENDPOINT" | tee "$dir/wrk.txt"
  cpu1=$(cpu_ticks "$SERVER_PID")
  if [ -n "$perf_pid" ]; then
    kill -INT "$perf_pid" 2>/dev/null || true
    wait "$perf_pid" 2>/dev/null || true
    { echo "# per thread (the busiest non-I/O thread is the storage committer)"
      perf report -i "$dir/perf.data" --no-children --sort pid -g none --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 12
      echo "# hottest symbols, all threads"
      perf report -i "$dir/perf.data" --no-children --sort dso,sym -g none --percent-limit 0.5 --stdio 2>/dev/null \
        | grep -v '^#' | grep -v '^$' | cut -c1-160 | head -n 60
    } >"$OUT/perf-sqlite.txt" || true
    echo "perf profile: bench/out/perf-sqlite.txt"
  fi
  # Every response that reached wrk has been audited before it was sent; let in-flight ones finish.
  stop_server
  after=$("$@")
  parse_wrk "$dir/wrk.txt"
  local added=$((after - before))
  echo "$name: $REQS requests served (wrk), $added audit records added, non-2xx: $NON2XX${SOCKERR:+, socket errors: $SOCKERR}"
  if [ "$added" -lt "$REQS" ]; then echo "bench: WARNING fewer audit records than requests served" >&2; fi
  ROWS+=("$name|$RPS|$P50|$P99|$REQS|$added|$NON2XX|$(cpu_per_request $((cpu1 - cpu0)) "$REQS")")
}

# bench_two NAME DB_URL COUNT_CMD...: two servers on the database the PostgreSQL run made (same key), one wrk
# against each at once (-t1 -c32 each: the same 2 wrk threads and 64 connections in all as the one-server run). The
# session is opened on the first server and used on both. Requests/s are summed; p50 is the mean of the two, p99
# the worse of the two.
bench_two() {
  local name=$1 db=$2; shift 2
  local dir=$tmp/jingwu-postgres port_a port_b cookie before after pid
  port_a=$(free_port); port_b=$(free_port)
  while [ "$port_b" = "$port_a" ]; do port_b=$(free_port); done
  echo "== $name: two servers (ports $port_a, $port_b) on $db"
  start_extra "$BIN" "$dir" "$db" "$port_a"
  start_extra "$BIN" "$dir" "$db" "$port_b"
  SERVER_PID=${EXTRA_PIDS[0]}; wait_ready "http://127.0.0.1:$port_a/readyz" "$dir/server-$port_a.log"
  SERVER_PID=${EXTRA_PIDS[1]}; wait_ready "http://127.0.0.1:$port_b/readyz" "$dir/server-$port_b.log"
  SERVER_PID=""
  cookie=$(login_cookie "$port_a")
  [ -n "$cookie" ] || { echo "bench: login as $USERNAME on the first server failed" >&2; return 1; }
  curl -fsS -o /dev/null --max-time 5 -H "Cookie: jw_session=$cookie" "http://127.0.0.1:$port_b$ENDPOINT" \
    || { echo "bench: the session opened on the first server was refused by the second" >&2; return 1; }
  before=$("$@")
  local cpu0=0 cpu1=0
  for pid in "${EXTRA_PIDS[@]}"; do cpu0=$((cpu0 + $(cpu_ticks "$pid"))); done
  timeout 120 wrk -t1 -c32 -d"$DURATION" --latency -H "Cookie: jw_session=$cookie" "http://127.0.0.1:$port_a$ENDPOINT" >"$dir/wrk-a.txt" &
  local wrk_a=$!
  timeout 120 wrk -t1 -c32 -d"$DURATION" --latency -H "Cookie: jw_session=$cookie" "http://127.0.0.1:$port_b$ENDPOINT" >"$dir/wrk-b.txt"
  wait "$wrk_a"
  for pid in "${EXTRA_PIDS[@]}"; do cpu1=$((cpu1 + $(cpu_ticks "$pid"))); done
  stop_extras
  after=$("$@")
  cat "$dir/wrk-a.txt" "$dir/wrk-b.txt"
  parse_wrk "$dir/wrk-a.txt"
  local rps_a=$RPS p50_a=$P50 p99_a=$P99 reqs_a=$REQS non_a=$NON2XX
  parse_wrk "$dir/wrk-b.txt"
  local rps p50 p99 reqs non
  rps=$(awk -v a="$rps_a" -v b="$RPS" 'BEGIN { printf "%.2f", a + b }')
  p50=$(awk -v a="$p50_a" -v b="$P50" 'BEGIN { printf "%.2f", (a + b) / 2 }')
  p99=$(awk -v a="$p99_a" -v b="$P99" 'BEGIN { printf "%.2f", (a > b) ? a : b }')
  reqs=$((reqs_a + REQS)); non=$((non_a + NON2XX))
  local added=$((after - before))
  echo "$name: server A $rps_a/s (p99 $p99_a ms), server B $RPS/s (p99 $P99 ms); $reqs requests served, $added audit records added"
  if [ "$added" -lt "$reqs" ]; then echo "bench: WARNING fewer audit records than requests served" >&2; fi
  ROWS+=("$name|$rps|$p50|$p99|$reqs|$added|$non|$(cpu_per_request $((cpu1 - cpu0)) "$reqs")")
}

# --- SQLite -------------------------------------------------------------------------------------------
bench_jingwu jingwu-sqlite "sqlite:$tmp/j.db" sqlite3 "$tmp/j.db" "select count(*) from audit_log"

# --- PostgreSQL (optional) ------------------------------------------------------------------------------
pg_count() { psql "$1" -tAqc "select count(*) from audit_log"; }
if [ "${JW_BENCH_PG:-1}" != 0 ] && command -v psql >/dev/null; then
  base_url=${JW_TEST_PG_URL:-}
  if [ -z "$base_url" ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    if base_url=$(JW_PG_STATE=$tmp/pg_state timeout 60 bash scripts/pg_test_server.sh start); then
      PG_STARTED=1
    else
      echo "bench: could not start PostgreSQL; skipping" >&2
      base_url=""
    fi
  fi
  if [ -n "$base_url" ]; then
    PG_ADMIN_URL=$base_url
    db_name=jingwu_bench_$$
    query=""; case "$base_url" in *\?*) query="?${base_url#*\?}" ;; esac
    no_query=${base_url%%\?*}
    pg_url="${no_query%/*}/$db_name$query"
    if psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $db_name" >/dev/null; then
      PG_BENCH_DB=$db_name
      bench_jingwu jingwu-postgres "$pg_url" pg_count "$pg_url"
      if [ "${JW_BENCH_TWO:-1}" != 0 ]; then
        BENCH_NO_INIT=1 bench_two jingwu-pg-2servers "$pg_url" pg_count "$pg_url"
      fi
      if [ -n "${JW_BENCH_BASELINE_BIN:-}" ]; then
        base_name=jingwu_bench_base_$$
        base_url="${no_query%/*}/$base_name$query"
        if psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $base_name" >/dev/null; then
          PG_BASE_DB=$base_name
          BENCH_BIN=$(realpath "$JW_BENCH_BASELINE_BIN") bench_jingwu jingwu-pg-baseline "$base_url" pg_count "$base_url"
        fi
      fi
    else
      echo "bench: cannot create database on $base_url; skipping PostgreSQL" >&2
    fi
  fi
else
  echo "(PostgreSQL skipped)"
fi

# --- RESTinio hello-world -------------------------------------------------------------------------------
HELLO=$OUT/hello_restinio
if [ ! -x "$HELLO" ] || [ bench/http/hello_restinio.cpp -nt "$HELLO" ]; then
  echo "== building $HELLO (RESTinio $(dpkg-query -W -f='${Version}' librestinio-dev 2>/dev/null || echo '?'))"
  g++ -O2 -std=c++20 -DASIO_STANDALONE -DASIO_HAS_STD_CHRONO -DASIO_DISABLE_STD_STRING_VIEW \
      bench/http/hello_restinio.cpp -o "$HELLO" -lfmt -lhttp_parser -pthread
fi
echo "== restinio-hello: GET / ($THREADS threads)"
port=$(free_port)
"$HELLO" 127.0.0.1 "$port" "$THREADS" >"$tmp/hello.log" 2>&1 &
SERVER_PID=$!
wait_ready "http://127.0.0.1:$port/" "$tmp/hello.log"
cpu0=$(cpu_ticks "$SERVER_PID")
timeout 120 wrk "${WRK_ARGS[@]}" "http://127.0.0.1:$port/" | tee "$tmp/hello_wrk.txt"
cpu1=$(cpu_ticks "$SERVER_PID")
stop_server
parse_wrk "$tmp/hello_wrk.txt"
HELLO_RPS=$RPS
ROWS+=("restinio-hello|$RPS|$P50|$P99|$REQS|-|$NON2XX|$(cpu_per_request $((cpu1 - cpu0)) "$REQS")")

# --- Table ------------------------------------------------------------------------------------------------
{
  echo "Jingwu HTTP benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, $(uname -r)"
  echo "wrk ${WRK_ARGS[*]} on 127.0.0.1; servers with $THREADS threads; Jingwu: GET $ENDPOINT as $USERNAME (session + audit record per request)"
  echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg) (wrk and the server share these CPUs)"
  echo
  printf '%-16s %12s %9s %9s %9s %9s %8s %11s %9s\n' name "requests/s" "p50 ms" "p99 ms" requests audited non-2xx "cpu us/req" "vs hello"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r n rps p50 p99 reqs aud non cpu <<<"$row"
    ratio=$(awk -v a="$rps" -v b="$HELLO_RPS" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
    printf '%-16s %12s %9s %9s %9s %9s %8s %11s %9s\n' "$n" "$rps" "$p50" "$p99" "$reqs" "$aud" "$non" "$cpu" "$ratio"
  done
  echo
  echo "audited = audit_log rows added during the run (>= requests: wrk does not count the replies in flight when it stops)"
  echo "cpu us/req = server process user+system CPU during the run / requests served"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r n rps p50 p99 reqs aud non cpu <<<"$row"
    [ "$aud" = - ] && continue
    verdict=$(awk -v r="$rps" -v p="$p99" 'BEGIN { print (r >= 10000 && p < 20) ? "MET" : "NOT MET" }')
    echo "target (>= 10000 req/s audited, p99 < 20 ms) for $n: $verdict"
  done
} | tee "$OUT/http.txt"
echo "written to bench/out/http.txt"
