#pragma once
// Questions about the unit structure over time (ADR 0024), answered from unit_history and unit_successions:
// what a unit was on a date, the whole structure on a date, and which units took over from a unit.
// Records keep the unit id they had; these functions let statistics group them by the structure of any date.
//
// `at` is an instant (Unix seconds); a date means 00:00 China time of it. Errors: NotFound ("unit") for
// UnitAsOf when the unit did not exist at `at`, or does not exist at all; the connection's errors. Read only.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "units/history_repository.hpp"

namespace jw::units {

// The version of the unit valid at `at`.
Result<repo::UnitVersion> UnitAsOf(storage::Connection& c, int64_t unit_id, int64_t at);
// Every unit version valid at `at`, ordered by code.
Result<std::vector<repo::UnitVersion>> StructureAt(storage::Connection& c, int64_t at);
// The units live at `at` that took over the unit's work: the unit itself while it is live, else the successors
// (through several restructures) of restructures effective by `at`. Empty when the unit did not exist yet.
Result<std::vector<int64_t>> SuccessorsOf(storage::Connection& c, int64_t unit_id, int64_t at);
// The unit of the structure at `at` that a record of `unit_id` belongs to, for statistics by that structure:
// the unit itself while live, else its default successor chain; for a unit created after `at`, the unit it was
// split or merged from. NotFound when there is none.
Result<int64_t> UnitInStructure(storage::Connection& c, int64_t unit_id, int64_t at);
// Where the records of every unit count in the structure at `at` — the grouping key of a dashboard "by the
// structure on date D" — computed from two queries: unit id → the unit of that structure (UnitInStructure) and
// its name as of `at`. A unit with no place in that structure (none can be found) maps to itself under its
// latest name, so regrouping never drops a record and totals stay equal to the county's. Every unit that has a
// units row or a version is a key.
struct UnitPlace {
    int64_t unit_id = 0;
    std::string name;
};
using StructureMap = std::map<int64_t, UnitPlace>;
Result<StructureMap> PlacesAt(storage::Connection& c, int64_t at);
// The place of `unit_id` in `places`, or the unit itself under `name` when it is not a key (a unit id a record
// holds that no longer exists).
UnitPlace PlaceOf(const StructureMap& places, int64_t unit_id, const std::string& name);

// Units the unit directly took over from, and units that directly took over from it (all applied restructures).
Result<std::vector<int64_t>> DirectPredecessors(storage::Connection& c, int64_t unit_id);
Result<std::vector<int64_t>> DirectSuccessors(storage::Connection& c, int64_t unit_id);

}  // namespace jw::units
