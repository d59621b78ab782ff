#pragma once
// HTTP routes of pass statistics (issue 6 § Statistics), permission checkpoint.stats:
//   GET /api/v1/checkpoint/stats/hourly?from&to&limit      passes per checkpoint per hour of day (heat strip)
//   GET /api/v1/checkpoint/stats/top?from&to&limit         busiest checkpoints
//   GET /api/v1/checkpoint/stats/new-plates?from&to&lookback_days
// from/to are China dates YYYY-MM-DD (inclusive; default: the 7 days ending today), at most 92 days apart.
// Errors: InvalidArgument naming "from", "to", "limit" or "lookback_days".

#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint {

void RegisterStatsRoutes(http::Router& router, const Deps& deps);

}  // namespace jw::checkpoint
