#!/usr/bin/env bash
# Runs one folder of node:test files against the real `jingwu serve` (tests/integration/lib/server.mjs starts it),
# once on SQLite and once on PostgreSQL when JW_TEST_PG_URL points at a server (scripts/run_tests.sh starts one).
#   node_suite.sh LABEL DIR [node --test arguments…]   e.g. node_suite.sh security tests/security --test-name-pattern=VIID
#   JINGWU_BIN      server binary (default build/release/src/app/jingwu)
#   JW_KEEP_TMP=1   keep temporary directories (databases, server logs)
#   JW_BACKENDS     which databases, default "sqlite postgres" (scripts/run_tests.sh runs each as its own suite)
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

backends=${JW_BACKENDS:-sqlite postgres}
if [[ " $backends " == *" sqlite "* ]]; then
  echo "-- $label on SQLite"
  JW_BACKEND=sqlite node --test --test-reporter=spec "$@" "${files[@]}" || failed+=(sqlite)
fi
if [[ " $backends " == *" postgres "* ]]; then
  if [ -n "${JW_TEST_PG_URL:-}" ]; then
    echo "-- $label on PostgreSQL ($JW_TEST_PG_URL)"
    JW_BACKEND=postgres node --test --test-reporter=spec "$@" "${files[@]}" || failed+=(postgres)
  else
    echo "-- JW_TEST_PG_URL not set: PostgreSQL run skipped"
  fi
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "$label FAILED on: ${failed[*]}"
  exit 1
fi
echo "$label passed"
