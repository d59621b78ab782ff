#!/usr/bin/env bash
# Runs one folder of node:test files against the real `jingwu serve` (tests/integration/lib/server.mjs starts it),
# once on SQLite and once on PostgreSQL when JW_TEST_PG_URL points at a server (scripts/run_tests.sh starts one).
#   node_suite.sh LABEL DIR [node --test arguments…]   e.g. node_suite.sh security tests/security --test-name-pattern=VIID
#   JINGWU_BIN      server binary (default build/release/src/app/jingwu)
#   JW_KEEP_TMP=1   keep temporary directories (databases, server logs)
#   JW_BACKENDS     which databases, default "sqlite postgres" (scripts/run_tests.sh runs each as its own suite)
#   JW_TEST_FILE_JOBS  test files run side by side (node --test-concurrency), default 1: make test already runs
#                   three suites at once on two cores, and more servers at once only add CPU contention (ADR 0050)
#   JW_DEMO_TEMPLATE=0 every test file runs its own `jingwu init --demo` (the old way) instead of copying the
#                   demo county made once per database (tests/integration/lib/demo_template.mjs, ADR 0050)
#   JW_DEMO_TEMPLATE_SQLITE, JW_DEMO_TEMPLATE_POSTGRES  templates made by the caller (scripts/run_tests.sh makes
#                   one per database for all suites) — used and left in place; otherwise made and dropped here
set -uo pipefail
cd "$(dirname "$0")/.."
label=$1 dir=$2
shift 2
export JINGWU_BIN=${JINGWU_BIN:-$PWD/build/release/src/app/jingwu}
if [ ! -x "$JINGWU_BIN" ]; then
  echo "$label: server binary not found: $JINGWU_BIN" >&2
  exit 1
fi
files=("$dir"/*.test.mjs)
failed=()
file_jobs=${JW_TEST_FILE_JOBS:-1}
template_lib=tests/integration/lib/demo_template.mjs
template=""
drop_template() { [ -n "$template" ] && node "$template_lib" drop "$template"; template=""; }
trap drop_template EXIT
# run BACKEND: the folder's files on one database, from one demo county made here first.
run() {
  local backend=$1 t0=$SECONDS
  shift
  local given_var="JW_DEMO_TEMPLATE_${backend^^}" use=""
  if [ "${JW_DEMO_TEMPLATE:-}" != 0 ]; then
    if [ -n "${!given_var:-}" ]; then
      use=${!given_var}
    else
      template=$(JW_BACKEND=$backend node "$template_lib" create "$backend") || return 1
      use=$template
      echo "demo county for the $backend run made in $((SECONDS - t0)) s ($template)"
    fi
  fi
  JW_BACKEND=$backend JW_DEMO_TEMPLATE=$use \
    node --test --test-concurrency="$file_jobs" --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./scripts/file_times_reporter.mjs --test-reporter-destination=stdout "$@" "${files[@]}"
  local rc=$?
  drop_template
  return $rc
}

backends=${JW_BACKENDS:-sqlite postgres}
if [[ " $backends " == *" sqlite "* ]]; then
  echo "-- $label on SQLite"
  run sqlite "$@" || failed+=(sqlite)
fi
if [[ " $backends " == *" postgres "* ]]; then
  if [ -n "${JW_TEST_PG_URL:-}" ]; then
    echo "-- $label on PostgreSQL ($JW_TEST_PG_URL)"
    run postgres "$@" || failed+=(postgres)
  else
    echo "-- JW_TEST_PG_URL not set: PostgreSQL run skipped"
  fi
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "$label FAILED on: ${failed[*]}"
  exit 1
fi
echo "$label passed"
