#!/usr/bin/env bash
# Security suite: each finding of the outside test (docs/security.md) as an attack on a real `jingwu serve`,
# once on SQLite and once on PostgreSQL (when JW_TEST_PG_URL is set; scripts/run_tests.sh starts one).
# It reuses the integration tests' server harness (tests/integration/lib). Extra arguments go to `node --test`.
set -uo pipefail
cd "$(dirname "$0")/../.."
export JINGWU_BIN=${JINGWU_BIN:-$PWD/build/release/src/app/jingwu}
if [ ! -x "$JINGWU_BIN" ]; then
  echo "security: server binary not found: $JINGWU_BIN" >&2
  exit 1
fi
files=(tests/security/*.test.mjs)
failed=()

echo "-- security suite on SQLite"
JW_BACKEND=sqlite node --test --test-reporter=spec "$@" "${files[@]}" || failed+=(sqlite)

if [ -n "${JW_TEST_PG_URL:-}" ]; then
  echo "-- security suite on PostgreSQL ($JW_TEST_PG_URL)"
  JW_BACKEND=postgres node --test --test-reporter=spec "$@" "${files[@]}" || failed+=(postgres)
else
  echo "-- JW_TEST_PG_URL not set: PostgreSQL run skipped"
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "security suite FAILED on: ${failed[*]}"
  exit 1
fi
echo "security suite passed"
