#pragma once
// The grids' routes (docs/api/community_grids.md). Thin: parse → grid_service / grid_figures → JSON.
//   GET   /api/v1/community/grids                 community.grid.read   every grid with polygon, officer, rates
//   POST  /api/v1/community/grids                 community.grid.write  create (audited community.grid.create)
//   GET   /api/v1/community/grids/rates?unit_id=  community.grid.read   every grid's and officer's rates
//   GET   /api/v1/community/grids/:code           community.grid.read   grid and team (phones masked)
//   PATCH /api/v1/community/grids/:code           community.grid.write  with version (audited community.grid.update)
//   PUT   /api/v1/community/grids/:code/team      community.grid.write  with version (community.grid.team)
//   GET   /api/v1/community/grids/:code/summary   community.grid.read   team, addresses, population, houses,
//                                                                       units, rates, cases and alerts inside

#include <string>

#include "community/grids/grid_seal.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct GridDeps {
    storage::Database& db;
    const GridSeal& seal;
    std::string region;  // the county's GB/T 2260 code, prefix of generated grid codes
};

void RegisterGridRoutes(http::Router& router, const GridDeps& deps);

}  // namespace jw::community
