#pragma once
// The rules of grids (ADR 0034): who may draw and edit which grid, no two grids overlapping, the addresses inside
// a grid assigned with every saved polygon, the team's shape. Each function runs inside the caller's write
// transaction (the Committer's audited one when serving), so a refused change writes nothing.
//
// Scope: a grid belongs to a police station (unit_id). Creating or editing a grid, or its team, needs the actor to
// see that unit (Principal::SeesUnit: their unit and sub-units, or the whole county for county-wide roles) — and,
// when the grid moves to another unit, the new one too. Outside scope: PermissionDenied "grid outside your units".
//
// Errors (InvalidArgument names the field): code (required, bad_format, already_exists), name (required,
// too_long), unit_id (required, not_found, out_of_scope), expected_population (out_of_range), polygon (the
// problems of geo::ParseGeoJsonPolygon, and overlaps_grid with the other grid's code in the message), team
// (community_officer_required: exactly one community officer, a platform user; too_many), team.N.field (user_id
// not_found, name required, role invalid_enum); version: Conflict "conflict" when stale; NotFound "grid".
//
// Thread safety: stateless functions over the connection passed in.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "community/grids/grid.hpp"
#include "community/grids/grid_seal.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct GridChange {
    std::optional<std::string> code;  // create only; generated (<region>-Gnn) when absent
    std::optional<std::string> name, community;
    std::optional<int64_t> unit_id, expected_population;
    std::optional<geo::Polygon> polygon;
};

struct GridSaved {
    Grid grid;
    int64_t addresses = 0;  // addresses in the grid after the save
};

Result<GridSaved> CreateGrid(storage::Connection& tx, const GridChange& in, const std::string& region,
                             const auth::Principal& actor, int64_t now);
// Applies the fields given; the polygon, when given, is re-checked for overlap and the addresses reassigned.
Result<GridSaved> ChangeGrid(storage::Connection& tx, const std::string& code, int64_t version, const GridChange& in,
                             const auth::Principal& actor, int64_t now);

// Replaces the team (phones given plain, sealed here); raises the grid's version. Returns the new version.
// Rules ("1+3+10+N", errors name "team.<i>.<field>" by the position given): a known role (invalid_enum); a user
// that exists (user_id not_found) and appears once (duplicate); a name (required; a user's own by default);
// a member who is no user needs a phone (required), or keeps the one stored for a member of that name; exactly one
// community officer, a user (team: community_officer_required).
Result<int64_t> SetTeam(storage::Connection& tx, const std::string& code, int64_t version, std::vector<GridMember> team,
                        const GridSeal& seal, const auth::Principal& actor, int64_t now);

// The grid as stored, NotFound "grid" when there is none.
Result<Grid> GetGrid(storage::Connection& c, const std::string& code);

// Gives every standard address the grid its coordinates lie in, grid by grid (AssignAddresses), so that addresses
// imported after the grids were drawn belong to them at once. Run in the import's transaction. Returns how many
// addresses lie in some grid afterwards.
Result<int64_t> RegridAddresses(storage::Connection& tx);

// Inserts a grid without the actor checks (demo seeding, imports by the platform itself); overlap still refused.
Result<GridSaved> InsertGridUnchecked(storage::Connection& tx, Grid g, int64_t now);

}  // namespace jw::community
