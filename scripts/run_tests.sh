#!/usr/bin/env bash
# Runs every test: unit tests (GoogleTest via CTest) on SQLite and on a real PostgreSQL 15 started here,
# the HTTP integration tests and the security suite on both databases, the web unit tests, and the browser
# end-to-end tests.
#
# The suites are independent (each starts its own servers on free ports, each test file has a database of its
# own, copied from one demo county made here per database: ADR 0050), so they run side by side, JW_TEST_JOBS at a
# time (default 3: the suites spend much of their time waiting on servers, PostgreSQL and the browser, so three
# keep two cores busy). Each suite's output goes to
# build/test-logs/<suite>.log; a failed suite's log is printed whole at the end, with every suite's time.
#   JW_TEST_JOBS=1     one suite after another (the old behaviour; the output then streams to the terminal too)
#   JW_TEST_SUITES     a subset, e.g. "integration-sqlite e2e-1 e2e-2" (the browser tests run as two shards)
#   JW_DEMO_TEMPLATE=0 every integration/security test file runs its own `jingwu init --demo` (the old way)
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build/release}
export JINGWU_BIN=$PWD/$BUILD/src/app/jingwu
export JW_PG_STATE=$(mktemp -u /tmp/jw_pg_state.XXXXXX)
JOBS=${JW_TEST_JOBS:-3}
LOGS=$PWD/$BUILD/test-logs
rm -rf "$LOGS" && mkdir -p "$LOGS"

JW_TEST_PG_URL=$(bash scripts/pg_test_server.sh start) || { echo "could not start PostgreSQL"; exit 1; }
export JW_TEST_PG_URL
trap 'bash scripts/pg_test_server.sh stop' EXIT
echo "PostgreSQL for tests: $JW_TEST_PG_URL"

# The demo county, made once per database for every integration and security test file to copy (ADR 0050):
# both in the background from here; a suite waits for its database's (wait_template) before it starts.
template_lib=tests/integration/lib/demo_template.mjs
make_template() { # backend → $LOGS/template-<backend>: the directory, or FAILED
  local out=$LOGS/template-$1 t0=$SECONDS dir
  if dir=$(JW_BACKEND=$1 node "$template_lib" create "$1" 2>"$out.err"); then
    echo "$dir" >"$out.tmp"
    echo "== demo county for $1 made in $((SECONDS - t0)) s"
  else
    echo FAILED >"$out.tmp"
    echo "== demo county for $1 FAILED:"; cat "$out.err"
  fi
  mv "$out.tmp" "$out"
}
wait_template() { # backend → exports JW_DEMO_TEMPLATE_<BACKEND>
  local f=$LOGS/template-$1
  [ "${JW_DEMO_TEMPLATE:-}" != 0 ] || return 0
  while [ ! -f "$f" ]; do sleep 1; done
  [ "$(cat "$f")" != FAILED ] || { echo "no demo county for $1: see $f.err"; return 1; }
  export "JW_DEMO_TEMPLATE_${1^^}=$(cat "$f")"
}
drop_templates() {
  local b
  for b in sqlite postgres; do
    [ -f "$LOGS/template-$b" ] && [ "$(cat "$LOGS/template-$b")" != FAILED ] &&
      node "$template_lib" drop "$(cat "$LOGS/template-$b")"
  done
}

# One command per suite. The longest first, so the last to start is not the one everybody waits for.
declare -A cmd=(
  [e2e-1]='E2E_SHARD=1/2 bash tests/e2e/run.sh'
  [e2e-2]='E2E_SHARD=2/2 bash tests/e2e/run.sh'
  [integration-postgres]='wait_template postgres && JW_BACKENDS=postgres bash tests/integration/run.sh'
  [integration-sqlite]='wait_template sqlite && JW_BACKENDS=sqlite bash tests/integration/run.sh'
  [unit]="ctest --test-dir $BUILD --output-on-failure -j2"
  [security-postgres]='wait_template postgres && JW_BACKENDS=postgres bash tests/security/run.sh'
  [security-sqlite]='wait_template sqlite && JW_BACKENDS=sqlite bash tests/security/run.sh'
  [web]='cd web && npm test --silent'
)
order=(e2e-1 e2e-2 integration-postgres integration-sqlite unit security-postgres security-sqlite web)
[ -n "${JW_TEST_SUITES:-}" ] && read -r -a order <<<"$JW_TEST_SUITES"

if [ "${JW_DEMO_TEMPLATE:-}" != 0 ]; then
  for b in sqlite postgres; do
    [[ " ${order[*]} " == *-$b\ * ]] && make_template "$b" &
  done
  trap 'wait; drop_templates; bash scripts/pg_test_server.sh stop' EXIT
fi

declare -A pid_of=() started=() took=() result=()
run_one() { # suite
  local s=$1
  started[$s]=$SECONDS
  # The suite's processes' CPU time (user, system) ends its log: the machine is shared, wall times are noisy.
  local suite="eval \"\${cmd[$s]}\"; rc=\$?; times >\"$LOGS/$s.times\"; t=(\$(cat \"$LOGS/$s.times\"))
    echo \"== CPU time: user \${t[2]} sys \${t[3]}\"; exit \$rc"
  if [ "$JOBS" -le 1 ]; then
    ( (eval "$suite") 2>&1 | tee "$LOGS/$s.log"; exit "${PIPESTATUS[0]}" ) &
  else
    (eval "$suite") >"$LOGS/$s.log" 2>&1 &
  fi
  pid_of[$!]=$s
  echo "== started $s (log: $LOGS/$s.log)"
}
finish_one() {
  local done_pid rc s
  wait -n -p done_pid "${!pid_of[@]}"
  rc=$?
  s=${pid_of[$done_pid]}
  unset "pid_of[$done_pid]"
  took[$s]=$((SECONDS - started[$s]))
  if [ $rc -eq 0 ]; then result[$s]=passed; else result[$s]=FAILED; fi
  echo "== $s ${result[$s]} in ${took[$s]} s"
}

for s in "${order[@]}"; do
  [ -n "${cmd[$s]:-}" ] || { echo "unknown suite: $s"; exit 2; }
  while [ ${#pid_of[@]} -ge "$JOBS" ]; do finish_one; done
  run_one "$s"
done
while [ ${#pid_of[@]} -gt 0 ]; do finish_one; done

failed=()
for s in "${order[@]}"; do
  if [ "${result[$s]}" != passed ]; then
    failed+=("$s")
    [ "$JOBS" -gt 1 ] && { echo; echo "======== $s: output"; cat "$LOGS/$s.log"; }
  fi
done
echo
echo "suite times (s):"
for s in "${order[@]}"; do
  printf '  %-22s %5s  %-7s %s\n' "$s" "${took[$s]}" "${result[$s]}" "$(grep -ho 'CPU time: .*' "$LOGS/$s.log" | tail -1)"
done
echo "  total wall time        $SECONDS  (load: $(cut -d' ' -f1-3 /proc/loadavg))"
if [ ${#failed[@]} -gt 0 ]; then
  # The failing tests of every failed suite, last, where a reader of only the end of the output sees them:
  # node's spec (✖) and TAP (not ok) reporters, vitest (×, FAIL), CTest ("N - name (Failed)").
  echo
  echo "failing tests:"
  for s in "${failed[@]}"; do
    echo "  $s:"
    sed 's/\x1b\[[0-9;]*m//g' "$LOGS/$s.log" |
      grep -E '^\s*(✖|×|not ok [0-9]|FAIL )|^\s+[0-9]+ - .*\((Failed|Timeout|SEGFAULT|Subprocess aborted|Exception)\)' |
      grep -v -E '^\s*✖ failing tests:' | sed 's/^\s*/    /' | awk '!seen[$0]++' | head -20
  done
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all test suites passed"
