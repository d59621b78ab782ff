#pragma once
// The demo county's geography lives in the shared geo library (geo/demo_county.hpp) so that the community
// module's addresses and grids use the same map; the checkpoint demo part keeps its own names for it.

#include "geo/demo_county.hpp"

namespace jw::checkpoint::demo {
using geo::BaseMapGeoJson;
using geo::Checkpoint;
using geo::County;
using geo::DemoCounty;
using geo::kBoundaryEast;
using geo::kBoundaryNorth;
using geo::kBoundarySouth;
using geo::kBoundaryWest;
using geo::kTown;
using geo::Node;
using geo::Road;
using geo::Route;
}  // namespace jw::checkpoint::demo
