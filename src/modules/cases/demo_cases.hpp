#pragma once
// Demo data for `jingwu init --demo`: about 30 cases in every stage of both lifecycles across the county's
// stations, created through the case service (numbers, events, query codes by SMS). Needs the demo county
// (stations with officers, a leader and a legal reviewer, each with its role) and the migrations applied; run it
// inside a write transaction. Error: NotFound naming the missing station or role, or the database's.
// Places: house numbers of the standard addresses inside the grids when community seeded them (one case in ten
// written loosely and left for the officer to link), else the old free text.

#include <cstdint>

#include "storage/database.hpp"

namespace jw::cases {

Status SeedDemoCases(storage::Connection& c, int64_t now);

}  // namespace jw::cases
