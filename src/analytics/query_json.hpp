#pragma once
// JSON front of the analyses: one request object in, one reply object out, shapes exactly as in issue 5.
// Times are "YYYY-MM-DD HH:MM:SS" China time. Errors are kInvalidArgument whose `fields` name the offending
// field with a stable problem key: "required", "unknown_field", "bad_type", "bad_time", "to_before_from",
// "range_too_long", "out_of_range", "too_many", "bad_plate" (with the CheckPlate problem as the message
// detail), "unknown_query". A request that passes validation cannot run away: its ranges, windows, condition
// and checkpoint counts are bounded by QueryLimits. Thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "analytics/store.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::analytics {

struct QueryLimits {
    int64_t max_range_s = 31 * 86400;  // any [from, to)
    int64_t max_window_s = 3600;       // companion window_s
    int64_t max_lookback_days = 366;   // first_seen
    size_t max_conditions = 32;        // collision
    size_t max_checkpoints = 1000;     // per condition / first_seen filter
};

// Replies: see queries.hpp for the semantics and orders. cloned's speed_kmh is null when a and b share a
// second (infinite speed).
Result<Json> RunQuery(const Snapshot& snapshot, const Json& request, const QueryLimits& limits = {});

// The same reply as JSON text: RunQuery(...).dump() byte for byte, written directly as text (json_text.hpp, no
// Json tree; about ten times cheaper for the replies that grow with the data). Every query kind has its text
// writer; doubles (companion's score, cloned's distance and speed) are formatted by nlohmann itself. Thread-safe.
Result<std::string> RunQueryText(const Snapshot& snapshot, const Json& request, const QueryLimits& limits = {});

// A text reply with what the HTTP layer records beside it (ADR 0072).
struct TextReply {
    std::string json;                         // RunQuery(...).dump() byte for byte
    size_t rows = 0;                          // length of the reply's list (passes, companions, plates, suspects)
    std::vector<std::string> checkpoint_ids;  // every "checkpoint_id" the reply names, sorted, without repeats
};
// RunQueryText's reply with its row count and checkpoint ids. Errors: RunQuery's. Thread-safe.
Result<TextReply> RunQueryReply(const Snapshot& snapshot, const Json& request, const QueryLimits& limits = {});
// The same fields for a reply built as a Json tree (another backend's reply, in the same contract).
TextReply TextReplyOf(const Json& reply);

// Runs many requests against one snapshot on all cores (requests spread over threads; each request then runs
// single-threaded). Replies in request order, each exactly what RunQuery returns for it; elapsed_us[i] (when
// non-null) gets each request's own run time. Thread-safe.
std::vector<Result<Json>> RunBatch(const Snapshot& snapshot, const std::vector<Json>& requests,
                                   const QueryLimits& limits = {}, std::vector<int64_t>* elapsed_us = nullptr);

}  // namespace jw::analytics
