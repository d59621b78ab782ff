#pragma once
// Running one analysis over a pass-engine snapshot, whole or in chunks with progress and cancellation.
// Kinds are the engine's six queries (analytics/query_json.hpp, issue 5 shapes): the request is the task's
// params plus "q": kind, and the reply is exactly the engine's.
//
// Chunking (docs/adr/0011-analysis-tasks.md): trajectory runs per China day and concatenates (its order is
// time then checkpoint, so disjoint day ranges concatenate in order); collision runs per condition with
// min_match 1 and counts matches per plate (same order as the engine: matched descending, then plate).
// companion, first_seen, cloned and night cannot be split without changing their answers (windows and
// nights cross day boundaries, first appearance needs the whole lookback): they report honest phases
// (validated → running → done). Thread-safe (snapshots are immutable).

#include <functional>
#include <string>

#include "analytics/query_json.hpp"
#include "analytics/store.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::checkpoint {

// True for the six kinds.
bool IsAnalysisKind(const std::string& kind);
// The engine request: params (an object; "q" is not allowed in it) with "q": kind.
// Errors: kInvalidArgument naming "kind" (unknown) or "params" (not an object) or "params.q".
Result<Json> EngineRequest(const std::string& kind, const Json& params);

// Validates `request` with the engine without scanning the data (ranges collapsed to empty). Errors: the
// engine's field errors.
Status DryRun(const analytics::Snapshot& s, const Json& request, const analytics::QueryLimits& limits);

struct RunControl {
    std::function<bool()> cancelled;                                       // checked between chunks
    std::function<void(int progress, const std::string& phase)> progress;  // 0–99 while running
};

// Runs the request in chunks. Returns the engine's reply, or kConflict with field {"status": "cancelled"}
// when `cancelled` said so between chunks. Errors: the engine's.
Result<Json> RunChunked(const analytics::Snapshot& s, const Json& request, const analytics::QueryLimits& limits,
                        const RunControl& control);

// Number of result rows of a reply (its main list).
int64_t RowCount(const std::string& kind, const Json& reply);

// The checkpoints a reply (and its request's conditions/checkpoints) names, from the snapshot's table:
// [{id, name, longitude, latitude}] (coordinates null when unknown), ordered by id — so the map can draw them.
Json CheckpointsOf(const analytics::Snapshot& s, const Json& request, const Json& reply);

// The result of an inline run as JSON text (ADR 0072): the engine's text reply with "checkpoints" (CheckpointsOf)
// added — byte for byte what the Json path (reply["checkpoints"] = CheckpointsOf(...); reply.dump()) writes — and
// its row count (RowCount's). "checkpoints" sorts before every reply's own keys, so it is written first.
struct ResultText {
    std::string json;
    int64_t row_count = 0;
};
ResultText WithCheckpoints(const analytics::Snapshot& s, const Json& request, analytics::TextReply reply);

// The 201 body of a finished inline run, {"kind", "result", "row_count", "status": "done", "task_id"}, written as
// text: what Json{...}.dump() writes with the parsed result in it.
std::string DoneBody(int64_t task_id, const std::string& kind, const ResultText& result);

bool IsCancelled(const Status& s);

}  // namespace jw::checkpoint
