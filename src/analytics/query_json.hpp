#pragma once
// JSON front of the analyses: one request object in, one reply object out, shapes exactly as in issue 5.
// Times are "YYYY-MM-DD HH:MM:SS" China time. Errors are kInvalidArgument whose `fields` name the offending
// field with a stable problem key: "required", "unknown_field", "bad_type", "bad_time", "to_before_from",
// "range_too_long", "out_of_range", "too_many", "bad_plate" (with the CheckPlate problem as the message
// detail), "unknown_query". A request that passes validation cannot run away: its ranges, windows, condition
// and checkpoint counts are bounded by QueryLimits. Thread-safe.

#include <cstdint>
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

// The same reply as JSON text: RunQuery(...).dump() byte for byte. trajectory and first_seen (the replies that
// grow with the data: thousands of passes or plates) are written directly as text (json_text.hpp), about ten
// times cheaper than building the Json tree; the other queries go through RunQuery. Thread-safe.
Result<std::string> RunQueryText(const Snapshot& snapshot, const Json& request, const QueryLimits& limits = {});

// Runs many requests against one snapshot on all cores (requests spread over threads; each request then runs
// single-threaded). Replies in request order, each exactly what RunQuery returns for it; elapsed_us[i] (when
// non-null) gets each request's own run time. Thread-safe.
std::vector<Result<Json>> RunBatch(const Snapshot& snapshot, const std::vector<Json>& requests,
                                   const QueryLimits& limits = {}, std::vector<int64_t>* elapsed_us = nullptr);

}  // namespace jw::analytics
