#!/usr/bin/env bash
# A province on ClickHouse (`make bench-province`; by hand, never in make test). Builds jw_province_bench, starts a
# 2-shard ClickHouse cluster on loopback (scripts/clickhouse_local.sh; stopped on exit), generates a 7-day slice of
# the province preset scaled down by JW_PROVINCE_SCALE (kept in build/bench-province/), loads it into the
# in-process engine and the cluster, answers the same queries on both, compares every reply and prints load
# rates and per-query p50/p99 side by side (also to bench/out/province-<scale>.txt). Exit 1 when replies differ.
#
# Environment (optional):
#   JW_PROVINCE_SCALE   divide the province's passes, plates and watch entries by this (default 100: 7 × 1 M
#                       passes; 1 is the real 7 × 100 M and needs ~100 GB of RAM for the engine side)
#   JW_PROVINCE_SHARDS  ClickHouse servers (default 2)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SCALE=${JW_PROVINCE_SCALE:-100}
SHARDS=${JW_PROVINCE_SHARDS:-2}
WORK=$ROOT/build/bench-province
DATA=$WORK/data-$SCALE
STATE=$WORK/clickhouse.state
mkdir -p "$WORK" bench/out

if [ ! -f build/release/CMakeCache.txt ]; then
  cmake --preset release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
nice -n 10 cmake --build build/release --target jw_province_bench -j2 >/dev/null
BIN=build/release/src/modules/checkpoint/analysis/clickhouse/jw_province_bench

trap 'bash scripts/clickhouse_local.sh stop "$STATE"' EXIT
urls=$(bash scripts/clickhouse_local.sh start "$STATE" "$SHARDS" | paste -sd,)
echo "bench-province: $SHARDS shards at $urls; province/$SCALE"
gen=(); [ -f "$DATA/queries.jsonl" ] || gen=(--generate)
OUT=bench/out/province-$SCALE.txt
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, shards: $SHARDS"
  nice -n 10 "$BIN" --data "$DATA" --engine "$WORK/engine" --urls "$urls" --scale "$SCALE" "${gen[@]}"
} | tee "$OUT"
echo "data on disk per shard:"
for d in $(cat "$(cat "$STATE")"/pids >/dev/null 2>&1; ls -d "$(cat "$STATE")"/s*); do
  echo "  $(basename "$d"): $(du -sh "$d/data/data/jw_province" 2>/dev/null | cut -f1)"
done | tee -a "$OUT"
