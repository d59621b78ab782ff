#!/usr/bin/env bash
# Browser end-to-end tests: a fresh demo county in a temporary SQLite database, the real server serving
# web/dist, and playwright-core driving Debian's Chromium (never a downloaded browser) under `node --test`.
# Builds nothing: it needs build/release/src/app/jingwu (or $JINGWU_BIN), web/dist and tests/e2e/node_modules
# (`make setup` installs it).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

JINGWU_BIN=${JINGWU_BIN:-build/release/src/app/jingwu}
case "$JINGWU_BIN" in /*) ;; *) JINGWU_BIN=$ROOT/$JINGWU_BIN ;; esac
export JINGWU_BIN
WEB_ROOT=${JW_WEB_ROOT:-$ROOT/web/dist}
E2E_DIR=$ROOT/tests/e2e

fail() { echo "e2e: $*" >&2; exit 2; }
[ -x "$JINGWU_BIN" ] || fail "no server binary at $JINGWU_BIN (build it first, or set JINGWU_BIN)"
[ -f "$WEB_ROOT/index.html" ] || fail "no built web app at $WEB_ROOT (run: make web)"
[ -d "$E2E_DIR/node_modules/playwright-core" ] || fail "playwright-core is not installed (run: make setup)"
[ -x /usr/bin/chromium ] || fail "Debian's chromium is missing at /usr/bin/chromium (run: make setup)"
command -v sqlite3 >/dev/null || fail "the sqlite3 command-line tool is missing (run: make setup)"
command -v curl >/dev/null || fail "curl is missing (run: make setup)"

tmp=$(mktemp -d /tmp/jingwu-e2e.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  mkdir -p "$E2E_DIR/out"
  [ -f "$tmp/server.log" ] && cp "$tmp/server.log" "$E2E_DIR/out/server${E2E_SHARD:+-${E2E_SHARD%/*}}.log"
  if [ -n "${E2E_KEEP_TMP:-}" ]; then echo "e2e: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# Serve a snapshot of web/dist, so that a rebuild of the web app during the run (vite empties dist/ first)
# cannot turn pages into 404s half way. E2E_WEB_SNAPSHOT=0 serves web/dist in place.
web_complete() {
  [ -f "$1/index.html" ] || return 1
  local asset
  for asset in $(grep -o '/assets/[^"]*' "$1/index.html"); do [ -f "$1$asset" ] || return 1; done
}
if [ "${E2E_WEB_SNAPSHOT:-1}" != 0 ]; then
  for _ in 1 2 3 4 5; do
    rm -rf "$tmp/web"
    cp -r "$WEB_ROOT" "$tmp/web" 2>/dev/null && web_complete "$tmp/web" && break
    sleep 2
  done
  web_complete "$tmp/web" || fail "web/dist is incomplete (is it being rebuilt? run: make web)"
  WEB_ROOT=$tmp/web
else
  web_complete "$WEB_ROOT" || fail "web/dist is incomplete (is it being rebuilt? run: make web)"
fi

export JINGWU_DB=sqlite:$tmp/j.db
export JINGWU_KEY_FILE=$tmp/key
# The demo SMS gateway writes whole texts here (the public SMS-code login, query codes): the tests read the codes.
export JINGWU_DEMO_SMS_FILE=$tmp/demo-sms.txt
"$JINGWU_BIN" init --demo >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log"; fail "jingwu init --demo failed"; }

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
[ -n "$port" ] || fail "could not find a free port"
base=http://127.0.0.1:$port

JINGWU_ALLOW_ROOT=1 JINGWU_WEB_ROOT=$WEB_ROOT "$JINGWU_BIN" serve --listen "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$tmp/server.log"; fail "the server exited before it was ready"
  fi
  if curl -fsS -o /dev/null --max-time 2 "$base/readyz" 2>/dev/null; then ready=1; break; fi
  sleep 0.1
done
[ -n "$ready" ] || { cat "$tmp/server.log"; fail "the server did not answer /readyz at $base"; }
echo "e2e: server $server_pid on $base, database $tmp/j.db"

# E2E_SHARD=i/n runs every n-th file starting at the i-th (make test runs two shards side by side, each with its
# own server and demo county: the browser tests mostly wait, and one shard after the other was the longest suite).
files=${E2E_FILES:-}
if [ -z "$files" ]; then
  all=(tests/e2e/*.test.mjs)
  shard=${E2E_SHARD:-1/1}
  i=${shard%/*} n=${shard#*/}
  [[ "$i" =~ ^[0-9]+$ && "$n" =~ ^[0-9]+$ && $i -ge 1 && $i -le $n ]] || fail "E2E_SHARD must be i/n with 1 <= i <= n, not $shard"
  for k in "${!all[@]}"; do [ $((k % n)) -eq $((i - 1)) ] && files+=" ${all[$k]}"; done
fi

mkdir -p "$E2E_DIR/out"
E2E_BASE_URL=$base E2E_DB=$tmp/j.db E2E_KEY_FILE=$tmp/key E2E_SMS_FILE=$tmp/demo-sms.txt JINGWU_BIN=$JINGWU_BIN \
  node --test --test-concurrency=1 $files
status=$?

echo "e2e: screenshots in tests/e2e/out/"
exit $status
