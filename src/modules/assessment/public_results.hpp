#pragma once
// The public results page (公开考核结果): a month's ranking of stations, grids and officers, the officers by
// police number only — no names (personal data) and nothing of the residents whose records earned the points.
// Rate-limited per client address (kPublicLimit requests per kPublicWindowSeconds), in memory: the page reads
// and stores nothing, so a restart forgetting the counts costs nothing. Thread-safe.

#include <cstdint>
#include <string>

#include "assessment/assessment_service.hpp"
#include "common/json_util.hpp"
#include "common/rate_limiter.hpp"

namespace jw::assessment {

inline constexpr int kPublicLimit = 30;
inline constexpr int64_t kPublicWindowSeconds = 60;

using jw::RateLimiter;  // common/rate_limiter.hpp

// {month, edition_version, stations:[{rank, unit_name, officers, average}], grids:[{rank, grid_code, grid_name,
// officers, average}], officers:[{rank, police_no, unit_name, score}]}.
Json PublicResultsJson(const Results& r);

}  // namespace jw::assessment
