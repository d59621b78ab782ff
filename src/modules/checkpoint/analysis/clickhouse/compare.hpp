#pragma once
// Side by side: one generated data set (bench/analytics generator: checkpoints.csv, passes.csv, queries.jsonl)
// loaded into the in-process engine and into the ClickHouse backend, every request answered by both and the
// replies compared as JSON. Used by clickhouse_backend_test (small preset, in `make test`) and
// bench/province (`make bench-province`). Single-threaded.

#include <cstdint>
#include <string>
#include <vector>

#include "analytics/store.hpp"
#include "checkpoint/analysis/clickhouse/clickhouse_backend.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::checkpoint::clickhouse {

struct LoadFigures {
    uint64_t passes = 0;
    double engine_s = 0;      // wall seconds in Store::Append
    double clickhouse_s = 0;  // wall seconds in Backend::Append (until every shard wrote)
};

// Loads <data>/checkpoints.csv and <data>/passes.csv into both, in batches of `batch_rows`.
// Errors: Internal (files, either side's append).
Result<LoadFigures> LoadBoth(const std::string& data_dir, analytics::Store& store, Backend& backend,
                             size_t batch_rows = 65536);

// The requests of <data>/queries.jsonl, plus requests the workload lacks so that every code path of both is
// compared: a night that does not wrap, a night other than the default, cloned under the engine's index floor,
// first_seen with a checkpoint filter, collision with overlapping conditions. Errors: Internal (file).
Result<std::vector<Json>> ReadRequests(const std::string& data_dir, const analytics::Snapshot& s);

struct Outcome {
    std::string kind;  // the request's "q", or "stats.top" / "stats.new_plates"
    int64_t engine_us = 0, clickhouse_us = 0;
    size_t rows = 0;  // of the engine's reply's main list
    bool equal = false;
    std::string engine_reply, clickhouse_reply;  // dumps, kept only when they differ
};

// Runs every request on both (engine: analytics::RunQuery; ClickHouse: Backend::RunQuery) and the statistics
// over the data's China days. A ClickHouse error is a difference (its message as the reply).
std::vector<Outcome> CompareAll(const analytics::Snapshot& s, Backend& backend, const std::vector<Json>& requests);

}  // namespace jw::checkpoint::clickhouse
