#!/usr/bin/env bash
# Runs every test: unit tests (GoogleTest via CTest) on SQLite and on a real PostgreSQL 15 started here,
# the HTTP integration tests on both databases, the web unit tests, and the browser end-to-end tests.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build/release}
export JINGWU_BIN=$PWD/$BUILD/src/app/jingwu
export JW_PG_STATE=$(mktemp -u /tmp/jw_pg_state.XXXXXX)
failed=()

JW_TEST_PG_URL=$(bash scripts/pg_test_server.sh start) || { echo "could not start PostgreSQL"; exit 1; }
export JW_TEST_PG_URL
trap 'bash scripts/pg_test_server.sh stop' EXIT
echo "PostgreSQL for tests: $JW_TEST_PG_URL"

echo "== unit tests (SQLite and PostgreSQL)"
ctest --test-dir "$BUILD" --output-on-failure -j2 || failed+=(unit)

if [ -f tests/integration/run.sh ]; then
  echo "== HTTP integration tests"
  bash tests/integration/run.sh || failed+=(integration)
fi
if [ -f tests/security/run.sh ]; then
  echo "== security suite"
  bash tests/security/run.sh || failed+=(security)
fi
if [ -f web/package.json ]; then
  echo "== web unit tests"
  (cd web && npm test --silent) || failed+=(web)
fi
if [ -f tests/e2e/run.sh ]; then
  echo "== browser end-to-end tests"
  bash tests/e2e/run.sh || failed+=(e2e)
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all test suites passed"
