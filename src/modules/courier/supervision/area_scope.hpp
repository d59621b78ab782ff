#pragma once
// Which outlets a police user sees (issue 17, ADR 0062): county-wide roles every outlet; everyone else the outlets
// whose local station (courier_outlets.station_unit_id, the station told of the outlet's hits) is in the user's unit
// scope — a station's officers their station's outlets, a sub-bureau those of its stations. Applied to every police
// route that reads records, rates, statistics, collisions, staff or photos; a record or outlet outside the area
// answers as an unknown one (404) or is simply not listed. Thread safety: the connection's.
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::courier {

// std::nullopt: every outlet (all_units). Otherwise the outlet ids of the area ({-1} when none, so that a filter
// over it matches nothing). Errors: the database's.
Result<std::optional<std::vector<int64_t>>> PoliceOutletScope(storage::Connection& c, const auth::Principal& p);
// Whether `outlet_id` is in `scope` (nullopt: every outlet).
bool InScope(const std::optional<std::vector<int64_t>>& scope, int64_t outlet_id);

}  // namespace jw::courier
