#pragma once
// All SQL of the grids part: community_grids, community_grid_members, and the grid_id column of
// community_addresses (assignment by point in polygon). Works on SQLite and PostgreSQL. Phones arrive and leave
// sealed: sealing is the service's business. Thread safety: the Connection rules of storage/database.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "community/grids/grid.hpp"
#include "storage/database.hpp"

namespace jw::community {

// The grid with `code` (unit_name filled), nullopt when there is none. Internal when a stored polygon is broken.
Result<std::optional<Grid>> FindGrid(storage::Connection& c, const std::string& code);
// Every grid, in code order.
Result<std::vector<Grid>> LoadGrids(storage::Connection& c);

// Inserts a new grid (version 1). Conflict when the code is taken.
Status InsertGrid(storage::Connection& c, const Grid& g, int64_t now);
// Writes name, unit, community, polygon and expected population when the stored version is `version`, and
// raises the version. Returns the new version. Conflict "conflict" when the grid changed since (or is gone).
Result<int64_t> UpdateGrid(storage::Connection& c, const Grid& g, int64_t version, int64_t now);
// Raises the version (a team change is a change of the grid). Conflict as UpdateGrid.
Result<int64_t> TouchGrid(storage::Connection& c, const std::string& code, int64_t version, int64_t now);

// The team in the order it was saved; phone as stored (sealed).
Result<std::vector<GridMember>> LoadTeam(storage::Connection& c, const std::string& code);
// Every grid's community officers: (grid code, user id).
Result<std::vector<std::pair<std::string, int64_t>>> CommunityOfficers(storage::Connection& c);
Status ReplaceTeam(storage::Connection& c, const std::string& code, const std::vector<GridMember>& sealed);

// Assigns community_addresses.grid_id = code to every address whose coordinates lie in the polygon (the boundary
// rule of geo/polygon.hpp), clears it from addresses of this grid no longer inside, then gives every address
// without coordinates the grid of its parent (recursively, so a room without coordinates goes with its building).
// Only road level and below (road, house, building, unit, room) get a grid; areas (county, township,
// community) never do. Returns how many addresses the grid has afterwards.
Result<int64_t> AssignAddresses(storage::Connection& c, const std::string& code, const geo::Polygon& polygon);

// The display name of an active user and their unit, nullopt when there is no such user.
struct UserBrief {
    std::string name;
    int64_t unit_id = 0;
};
Result<std::optional<UserBrief>> FindUser(storage::Connection& c, int64_t user_id);
// The name of a unit, nullopt when there is none.
Result<std::optional<std::string>> UnitName(storage::Connection& c, int64_t unit_id);

}  // namespace jw::community
