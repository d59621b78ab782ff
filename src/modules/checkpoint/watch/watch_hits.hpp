#pragma once
// Watch-order hits → alerts, and the watch list the intake matches against. Owned by the watch part.

#include <vector>

#include "checkpoint/pass_hub.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// Records the hits of one appended batch (one row per watch order and pass) and, per order, raises one alert that
// grows with each pass within the grouping window (alerts::RaiseOrGrow, group "watch:<order>", sighting ref
// "watch:<order>:<plate>:<checkpoint>:<time>"), so recording the same hit twice — a retried post, a restart
// mid-way — writes nothing new. Hits of orders no longer active at the
// pass time are ignored. Runs inside the caller's write transaction.
Status RecordHits(storage::Connection& c, const std::vector<PassHit>& hits, int64_t now);

// Builds the watch list from the approved, unexpired, not withdrawn watch orders and installs it in the hub.
Status RefreshWatchList(storage::Connection& c, PassHub& hub, int64_t now);

}  // namespace jw::checkpoint
