#pragma once
// Fields every watch-list form shares (vehicle watch orders, the person watch list), read from a JSON body through
// the caller's JsonReader so that every problem is reported under its field. Pure; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_util.hpp"

namespace jw::watchlist {

// A time written as UTC ISO-8601 (what the web sends) or China time "YYYY-MM-DD HH:MM:SS". Problems: "required",
// "bad_format".
std::optional<int64_t> TimeField(JsonReader& in, const char* name, bool required);

// "unit_ids": 1 to 50 positive ids (numbers or decimal strings). Problems: "required", "between 1 and 50 units",
// "not_a_unit_id".
std::optional<std::vector<int64_t>> UnitIdsField(JsonReader& in, const Json& body, bool required);

// The body of approve / reject / withdraw: {reason (≤ 200; required when `reason_required`), version (optional,
// optimistic concurrency)}; an empty body is {}. Errors: InvalidArgument naming the field (unknown fields too).
struct ReasonBody {
    std::string reason;
    std::optional<int64_t> version;
};
Result<ReasonBody> ParseReasonBody(std::string_view body, bool reason_required);

}  // namespace jw::watchlist
