#pragma once
// The engine runners of the benchmark. Each loads the generated CSV files into its engine, runs every line
// of queries.jsonl (the first query of each kind once more beforehand, untimed, as a warm-up) and writes
//   answers  one line per query: {"i", "q", "us", "reply"} with the reply in the contract's JSON shape;
//   stats    one JSON object: engine, rows, ingest_s, bytes (and bytes_detail), plus engine-specific extras.
// DuckDB's runner is duckdb_bench.mjs (Node), with the same files and shapes. Single-threaded callers.

#include <string>

#include "common/status.hpp"

namespace jw::bench {

struct RunPaths {
    std::string data;     // the generator's output directory
    std::string work;     // scratch for this engine's store or database file
    std::string answers;  // answers JSONL to write
    std::string stats;    // stats JSON to write
};

// Jingwu's engine in-process: CSV load (durable, indexes maintained), restart, queries through RunQuery,
// and the watch list (every pass of passes.csv checked against watchlist.csv). Errors: kInternal.
Status RunJingwu(const RunPaths& paths);

// SQLite through its C API, one file in WAL mode with the indexes the queries need. Errors: kInternal.
Status RunSqlite(const RunPaths& paths);

}  // namespace jw::bench
