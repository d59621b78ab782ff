#pragma once
// The demo county's 22 grids (巴州's figure; ADR 0034): 城关镇 cut into six sectors named after its six
// communities, and each of the eight townships cut in two along its centre line (the 场镇社区 half and the villages'
// half). Polygons are built on the map's polar coordinates (geo/demo_county.hpp) so that neighbours share their
// vertices exactly and tile the county: every demo address lies in exactly one grid. Each grid has its station,
// a "1+3+10+N" team (the community officer a user of that station — the demo `officer` account leads
// 东门社区 — auxiliaries, grid members and volunteers as named people with sealed phones) and an expected
// population in proportion to its dwellings.

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "community/grids/grid.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct DemoGridPlan {
    std::string code, name, community, station;
    geo::Polygon polygon;
};

// The 22 grids' codes, names, stations and polygons (pure, deterministic).
std::vector<DemoGridPlan> DemoGridPlans(const std::string& region = "519901");

// Inserts the grids, assigns the addresses (run after the demo addresses), sets the teams. Needs the demo
// county's units and users.
Status SeedDemoGrids(storage::Connection& tx, const std::string& master_key, int64_t now);

}  // namespace jw::community
