#!/usr/bin/env bash
# HTTP integration tests: start the real `jingwu serve` on free loopback ports and test it over HTTP, once on
# SQLite and once on PostgreSQL (when JW_TEST_PG_URL points at a server; scripts/run_tests.sh starts one).
#   JINGWU_BIN       server binary (default build/release/src/app/jingwu)
#   JW_TEST_PG_URL   postgresql://user@host:port/db — each test file creates its own database there
#   JW_KEEP_TMP=1    keep temporary directories (databases, server logs)
# Extra arguments are passed to `node --test` (e.g. --test-name-pattern=CSRF).
set -uo pipefail
cd "$(dirname "$0")/../.."
export JINGWU_BIN=${JINGWU_BIN:-$PWD/build/release/src/app/jingwu}
if [ ! -x "$JINGWU_BIN" ]; then
  echo "integration: server binary not found: $JINGWU_BIN" >&2
  exit 1
fi
files=(tests/integration/*.test.mjs)
failed=()

echo "-- integration tests on SQLite"
JW_BACKEND=sqlite node --test --test-reporter=spec "$@" "${files[@]}" || failed+=(sqlite)

if [ -n "${JW_TEST_PG_URL:-}" ]; then
  echo "-- integration tests on PostgreSQL ($JW_TEST_PG_URL)"
  JW_BACKEND=postgres node --test --test-reporter=spec "$@" "${files[@]}" || failed+=(postgres)
else
  echo "-- JW_TEST_PG_URL not set: PostgreSQL run skipped"
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "integration tests FAILED on: ${failed[*]}"
  exit 1
fi
echo "integration tests passed"
