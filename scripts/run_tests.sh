#!/usr/bin/env bash
# Runs every test: unit tests (GoogleTest via CTest) on SQLite and on a real PostgreSQL 15 started here,
# the HTTP integration tests and the security suite on both databases, the web unit tests, and the browser
# end-to-end tests.
#
# The suites are independent (each starts its own servers on free ports, each PostgreSQL test file creates its own
# database), so they run side by side, JW_TEST_JOBS at a time (default 3: the suites spend much of their time
# waiting on servers, PostgreSQL and the browser, so three keep two cores busy). Each suite's output goes to
# build/test-logs/<suite>.log; a failed suite's log is printed whole at the end, with every suite's time.
#   JW_TEST_JOBS=1     one suite after another (the old behaviour; the output then streams to the terminal too)
#   JW_TEST_SUITES     a subset, e.g. "integration-sqlite e2e"
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

# One command per suite. The longest first, so the last to start is not the one everybody waits for.
declare -A cmd=(
  [e2e]='bash tests/e2e/run.sh'
  [integration-postgres]='JW_BACKENDS=postgres bash tests/integration/run.sh'
  [integration-sqlite]='JW_BACKENDS=sqlite bash tests/integration/run.sh'
  [unit]="ctest --test-dir $BUILD --output-on-failure -j2"
  [security-postgres]='JW_BACKENDS=postgres bash tests/security/run.sh'
  [security-sqlite]='JW_BACKENDS=sqlite bash tests/security/run.sh'
  [web]='cd web && npm test --silent'
)
order=(e2e integration-postgres integration-sqlite unit security-postgres security-sqlite web)
[ -n "${JW_TEST_SUITES:-}" ] && read -r -a order <<<"$JW_TEST_SUITES"

declare -A pid_of=() started=() took=() result=()
run_one() { # suite
  local s=$1
  started[$s]=$SECONDS
  if [ "$JOBS" -le 1 ]; then
    ( (eval "${cmd[$s]}") 2>&1 | tee "$LOGS/$s.log"; exit "${PIPESTATUS[0]}" ) &
  else
    (eval "${cmd[$s]}") >"$LOGS/$s.log" 2>&1 &
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
for s in "${order[@]}"; do printf '  %-22s %5s  %s\n' "$s" "${took[$s]}" "${result[$s]}"; done
echo "  total wall time        $SECONDS"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all test suites passed"
