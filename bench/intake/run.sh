#!/usr/bin/env bash
# `make bench-intake`: the GA/T 1400 intake benchmark (issue 6). Builds nothing: it needs the server binary
# (build/release/src/app/jingwu, or $JINGWU_BIN). Starts a fresh demo server in a temporary directory
# (`jingwu init --demo` with one day of demo passes, then `jingwu serve`), adds a VIID client with
# `jingwu viid add-client`, and runs bench/intake/bench.mjs as a second process, which prints a table and
# writes bench/out/intake-<date>.json. See bench/intake/README.md for the knobs and the findings.
#
#   JW_BENCH_PASSES (1000000)  JW_BENCH_CONNECTIONS (4)  JW_BENCH_BATCH (100)  JW_BENCH_HIT_RATE (0.002)
#   JW_BENCH_DB     a database URL (default: a SQLite file in the temporary directory); a PostgreSQL URL must
#                   name an empty database
#   JINGWU_THREADS  server worker threads (default: the server's own default)
#   JW_BENCH_KEEP=1 keep the temporary directory (server log, database, passes)
#   JW_BENCH_BASELINE_BIN  another server binary (e.g. main's before a change), benchmarked first in the same run
#                   on a fresh demo of its own, as the row "baseline" (bench/out/intake-<date>-baseline.json)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

JINGWU_BIN=${JINGWU_BIN:-build/release/src/app/jingwu}
case "$JINGWU_BIN" in /*) ;; *) JINGWU_BIN=$ROOT/$JINGWU_BIN ;; esac
fail() { echo "bench-intake: $*" >&2; exit 2; }
[ -x "$JINGWU_BIN" ] || fail "no server binary at $JINGWU_BIN (run: make build, or set JINGWU_BIN)"
command -v node >/dev/null || fail "node is missing (run: make setup)"
command -v curl >/dev/null || fail "curl is missing (run: make setup)"

tmp=""
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
  if [ -n "$tmp" ]; then
    if [ "${JW_BENCH_KEEP:-}" = 1 ]; then echo "bench-intake: kept $tmp"; else rm -rf "$tmp"; fi
  fi
  tmp=""
}
trap cleanup EXIT

# bench_one LABEL BINARY: a fresh demo server from BINARY and one run of bench.mjs against it.
bench_one() {
  local label=$1 bin=$2
  tmp=$(mktemp -d /tmp/jingwu-bench-intake.XXXXXX)
  local JINGWU_BIN=$bin  # local: the baseline run must not change the binary of the next
  export JINGWU_DB=${JW_BENCH_DB:-sqlite:$tmp/jingwu.db}
  export JINGWU_KEY_FILE=$tmp/jingwu.key
  export JINGWU_PASS_DIR=$tmp/passes
  export JINGWU_DEMO_PASS_DAYS=${JINGWU_DEMO_PASS_DAYS:-1}
  export JW_BENCH_VIID_ID=${JW_BENCH_VIID_ID:-51990100002000000099}
  export JW_BENCH_VIID_PASSWORD=${JW_BENCH_VIID_PASSWORD:-Bench@2026viid}
  mkdir -p "$tmp/web" && echo '<!doctype html><title>bench</title>' >"$tmp/web/index.html"

  start=$(date +%s%N)
  "$JINGWU_BIN" init --demo >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log"; fail "jingwu init --demo failed"; }
  echo "bench-intake: init --demo (${JINGWU_DEMO_PASS_DAYS} day of passes) took $(( ($(date +%s%N) - start) / 1000000 )) ms"
  "$JINGWU_BIN" viid add-client --id "$JW_BENCH_VIID_ID" --password "$JW_BENCH_VIID_PASSWORD" --name 性能测试平台 \
    >"$tmp/add-client.log" 2>&1 || { cat "$tmp/add-client.log"; fail "jingwu viid add-client failed"; }

  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  JINGWU_ALLOW_ROOT=1 JINGWU_WEB_ROOT=$tmp/web "$JINGWU_BIN" serve --listen "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
  server_pid=$!
  ready=""
  for _ in $(seq 1 600); do
    kill -0 "$server_pid" 2>/dev/null || { tail -50 "$tmp/server.log"; fail "the server exited before it was ready"; }
    if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/readyz" 2>/dev/null; then ready=1; break; fi
    sleep 0.1
  done
  [ -n "$ready" ] || { tail -50 "$tmp/server.log"; fail "the server did not answer /readyz"; }
  echo "bench-intake: server $server_pid on 127.0.0.1:$port, database ${JINGWU_DB%%:*}, passes in $JINGWU_PASS_DIR"

  local status=0
  JW_BENCH_URL=http://127.0.0.1:$port JW_BENCH_SERVER_PID=$server_pid JW_BENCH_OUT=$ROOT/bench/out \
    JW_BENCH_LABEL=$label JW_BENCH_BIN=$bin node "$ROOT/bench/intake/bench.mjs" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "bench-intake: $label failed ($status); last lines of the server log:" >&2
    tail -20 "$tmp/server.log" >&2
  fi
  cleanup
  return "$status"
}

status=0
if [ -n "${JW_BENCH_BASELINE_BIN:-}" ]; then
  base=$(realpath "$JW_BENCH_BASELINE_BIN")
  [ -x "$base" ] || fail "no baseline binary at $JW_BENCH_BASELINE_BIN"
  [ -n "${JW_BENCH_DB:-}" ] && fail "JW_BENCH_BASELINE_BIN needs the default SQLite database (JW_BENCH_DB names one database)"
  bench_one baseline "$base" || status=$?
fi
bench_one jingwu "$JINGWU_BIN" || status=$?
exit "$status"
