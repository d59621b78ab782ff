#!/usr/bin/env bash
# Vehicle-pass engine benchmark (`make bench-analytics`, wired by the lead): builds analytics_bench and
# runs it on a generated preset; prints ingest rate, restart time, bytes per pass, per-query p50/p99 and the
# watch-list check rate, and writes the output to bench/out/analytics-<preset>.txt. Not a timed test.
#
# Environment (all optional):
#   JW_BENCH_PRESET   small (1 day × 100 k passes, default), medium (3 days × 1 M/day) or county (30 × 1 M/day)
#   JW_BENCH_WATCH    watch-list entries (default 1000000; the issue's target is 10000000, ~0.6 GB)
# Not yet: the DuckDB (@duckdb/node-api) and SQLite side-by-side runs and answer cross-checks.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PRESET=${JW_BENCH_PRESET:-small}
WATCH=${JW_BENCH_WATCH:-1000000}
OUT=$ROOT/bench/out
mkdir -p "$OUT"

cmake --preset release >/dev/null
cmake --build build/release --target analytics_bench >/dev/null

tmp=$(mktemp -d /tmp/jw_analytics_bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
{
  echo "Jingwu vehicle-pass engine — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
  build/release/src/analytics/analytics_bench --preset "$PRESET" --dir "$tmp/store" --watch "$WATCH"
} | tee "$OUT/analytics-$PRESET.txt"
echo "written to bench/out/analytics-$PRESET.txt"
