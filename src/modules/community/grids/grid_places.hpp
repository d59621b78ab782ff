#pragma once
// Records of later modules that have a place (cases, alerts, checkpoint passes) counted inside a grid, without
// community knowing their tables: community comes before them in JW_MODULES, so each such module registers a
// counter when it starts (ADR 0034). A counter counts its records inside the grid's polygon (by coordinates, with
// geo::Contains) and says how many it could not place (a case with a place text but no coordinates); `note` says
// why in a few words for the page (a message code).
//
// Thread safety: Register only while the server starts (before requests); Count is then read-only.

#include <functional>
#include <string>
#include <vector>

#include "community/grids/grid.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct PlaceCount {
    std::string kind;      // cases | alerts | checkpoint_passes …
    int64_t inside = 0;    // records placed inside the grid
    int64_t unplaced = 0;  // records of the grid's unit that could not be placed at all
    std::string note;      // e.g. "no_coordinates"
};

using PlaceCounter = std::function<Result<PlaceCount>(storage::Connection&, const Grid&)>;

void RegisterPlaceCounter(PlaceCounter counter);
// Every registered counter's answer for the grid, in registration order.
Result<std::vector<PlaceCount>> CountPlaces(storage::Connection& c, const Grid& grid);

}  // namespace jw::community
