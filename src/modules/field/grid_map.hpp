#pragma once
// The part of the county's vector base map (the GeoJSON FeatureCollection of /checkpoint/basemap) that an
// officer's phone keeps for its grid (issue 15, ADR 0073): the features whose bounding box meets the grid's
// bounding box widened by kGridMapMargin on each side (roads and the river running through, the township around),
// whole (not cut at the edge: a road keeps its shape when the officer pans a little). Properties are kept as they are.
//
// Thread safety: pure over values.

#include <cstdint>

#include "common/json_util.hpp"
#include "geo/polygon.hpp"

namespace jw::field {

inline constexpr int64_t kGridMapMargin = 100000;  // fixed units (1e-7°): 0.01° ≈ 1 km

// {"type":"FeatureCollection","features":[…]} of the features near `box`; an empty collection for a stored map
// that is not a FeatureCollection (or not JSON: a discarded parse) or an empty box.
Json GridBaseMap(const Json& collection, const geo::Box& box);

}  // namespace jw::field
