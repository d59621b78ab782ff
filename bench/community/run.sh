#!/usr/bin/env bash
# Address matching benchmark (issue 14): builds jw_community_bench and runs it against 100,000 addresses.
# Knobs: JW_BENCH_ADDRESSES (100000), JW_BENCH_QUERIES (50000), JW_BENCH_NAIVE (100 queries for the naive way).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --build build/release -j2 --target jw_community_bench >/dev/null
mkdir -p bench/out
build/release/bench/community/jw_community_bench "${JW_BENCH_ADDRESSES:-100000}" "${JW_BENCH_QUERIES:-50000}" \
  "${JW_BENCH_NAIVE:-100}" | tee bench/out/community-address-match.txt

# Person register (issue 14, ADR 0032, ADR 0046): import from a CSV file and lookup by ID number, sealed register vs
# sqlite3 .import / psql \copy into a plain table, on SQLite
# and, when JW_TEST_PG_URL is set, PostgreSQL (use a fresh database: the register there is not emptied). Knobs: JW_BENCH_PEOPLE (1000000), JW_BENCH_LOOKUPS (10000).
cmake --build build/release -j2 --target jw_people_bench >/dev/null
tmpdb=$(mktemp -d /tmp/jw-people-bench.XXXXXX)
build/release/bench/community/jw_people_bench "sqlite:$tmpdb/people.db" "${JW_BENCH_PEOPLE:-1000000}" \
  "${JW_BENCH_LOOKUPS:-10000}" | tee bench/out/community-people-sqlite.txt
rm -rf "$tmpdb"
if [ -n "${JW_TEST_PG_URL:-}" ]; then
  build/release/bench/community/jw_people_bench "$JW_TEST_PG_URL" "${JW_BENCH_PEOPLE:-1000000}" \
    "${JW_BENCH_LOOKUPS:-10000}" | tee bench/out/community-people-postgres.txt
fi
