#!/usr/bin/env bash
# Address matching benchmark (issue 14): builds jw_community_bench and runs it against 100,000 addresses.
# Knobs: JW_BENCH_ADDRESSES (100000), JW_BENCH_QUERIES (50000), JW_BENCH_NAIVE (100 queries for the naive way).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --build build/release -j2 --target jw_community_bench >/dev/null
mkdir -p bench/out
build/release/bench/community/jw_community_bench "${JW_BENCH_ADDRESSES:-100000}" "${JW_BENCH_QUERIES:-50000}" \
  "${JW_BENCH_NAIVE:-100}" | tee bench/out/community-address-match.txt
