#pragma once
// Analysis limits per role (data/analysis_limits.csv: role,max_range_days,max_conditions,max_lookback_days,
// max_window_s). A user with several roles gets the most generous value of each column; a user with no listed
// role may not run analyses. CheckLimits looks at a request before it runs and answers with the field that is
// over its limit; ToQueryLimits hands the same bounds to the engine, which checks them again while parsing.
// Plain data; thread-safe once built.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/query_json.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::checkpoint {

struct RoleLimits {
    int64_t max_range_days = 0;     // any [from, to) of the request, and each collision condition's
    int64_t max_conditions = 0;     // collision conditions
    int64_t max_lookback_days = 0;  // first_seen lookback_days
    int64_t max_window_s = 0;       // companion window_s
};

class LimitsTable {
  public:
    // Parses the CSV. Errors: kInvalidArgument naming "line N" (wrong column count, a value that is not a
    // positive integer, a duplicate role) or "header".
    static Result<LimitsTable> Parse(std::string_view csv);
    // The embedded data/analysis_limits.csv (parsed once). A broken embedded file is a bug: it throws.
    static const LimitsTable& Default();

    // Most generous limits over `roles`. Error: kPermissionDenied naming "role" when no role is listed.
    Result<RoleLimits> For(const std::vector<std::string>& roles) const;
    const std::map<std::string, RoleLimits>& roles() const { return roles_; }

  private:
    std::map<std::string, RoleLimits> roles_;
};

analytics::QueryLimits ToQueryLimits(const RoleLimits& limits);

// Checks `request` (an engine query: "q" plus its parameters) against `limits` before it runs. Only values
// that parse are judged (the engine reports malformed ones). Errors: kInvalidArgument with fields
// {"to": "range_too_long"} (or "conditions[i].to"), {"conditions": "too_many"}, {"lookback_days":
// "over_limit"}, {"window_s": "over_limit"}.
Status CheckLimits(const Json& request, const RoleLimits& limits);

// Longest single [from, to) of the request in seconds (0 when none parses); collision sums its conditions.
int64_t RequestSpan(const Json& request);

}  // namespace jw::checkpoint
