#!/usr/bin/env bash
# Vehicle-pass engine benchmark (`make bench-analytics`; not a timed test). Builds jw_analytics_bench (only that
# target, in build/bench-analytics), generates the preset's data once (kept in build/bench-analytics/data/), loads
# it into Jingwu's engine, SQLite and DuckDB, runs the same queries on all three, cross-checks the answers and
# the planted ones, and writes the table to bench/out/analytics-<preset>.txt. Exit status 1 when answers differ.
#
# Environment (all optional):
#   JW_BENCH_PRESET   small (1 day, 100 k passes; default), medium (3 days × 1 M), county (30 days × 1 M),
#                     province (7 days × 100 M: by hand only, needs ~40 GB of disk and hours)
#   JW_BENCH_SEED     generator seed (default 20260301)
#   JW_BENCH_ENGINES  subset to run, e.g. "jingwu duckdb" (the report needs all three; default all)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PRESET=${JW_BENCH_PRESET:-small}
SEED=${JW_BENCH_SEED:-20260301}
ENGINES=${JW_BENCH_ENGINES:-jingwu sqlite duckdb}
BUILD=$ROOT/build/bench-analytics
DATA=$BUILD/data/$PRESET-$SEED
RESULTS=$BUILD/results/$PRESET
# The bench folder is added by the main tree's CMakeLists too, so the standalone build defines the target inside
# the main tree's subdirectory: the binary lands in jingwu/bench/analytics/, not at the top of the build folder.
BIN=$BUILD/jingwu/bench/analytics/jw_analytics_bench
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S bench/analytics -B "$BUILD" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
fi
cmake --build "$BUILD" --target jw_analytics_bench -j2 >/dev/null
[ -x "$BIN" ] || { echo "bench-analytics: $BIN was not built" >&2; exit 1; }

# npm packages normally come from scripts/setup.sh; install them here too when run on its own.
if [ ! -d bench/analytics/node_modules/@duckdb/node-api ]; then
  (cd bench/analytics && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
fi

# Regenerate when missing or when a generator source changed since (engine changes keep the data).
gen_sources=(bench/analytics/{generator,road_graph,traffic,workload}.{hpp,cpp})
if [ ! -f "$DATA/truth.json" ] || [ -n "$(find "${gen_sources[@]}" -newer "$DATA/truth.json" 2>/dev/null)" ]; then
  rm -rf "$DATA"
  "$BIN" gen --preset "$PRESET" --seed "$SEED" --out "$DATA"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jw_analytics_bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$RESULTS"
for engine in $ENGINES; do
  echo "bench-analytics: $engine ($PRESET)…" >&2
  start=$(date +%s)
  args=(--data "$DATA" --work "$WORK/$engine" --answers "$RESULTS/answers-$engine.jsonl" --stats "$RESULTS/stats-$engine.json")
  if [ "$engine" = duckdb ]; then
    node bench/analytics/duckdb_bench.mjs "${args[@]}"
  else
    "$BIN" "$engine" "${args[@]}"
  fi
  rm -rf "${WORK:?}/$engine"
  echo "bench-analytics: $engine done in $(( $(date +%s) - start )) s" >&2
done

node bench/analytics/report.mjs --data "$DATA" --results "$RESULTS" --out "$ROOT/bench/out/analytics-$PRESET.txt" \
  --load-before "$LOAD_BEFORE"
echo "written to bench/out/analytics-$PRESET.txt"
