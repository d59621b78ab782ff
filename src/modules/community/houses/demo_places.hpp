#pragma once
// The demo county's houses and units (issue 14), seeded after addresses and people. Deterministic:
// - houses at 60 % of the room addresses and 25 % of the single house numbers; uses 55 % own, 30 % rented,
//   5 % commercial, 10 % vacant; each township's houses belong to one police station (township i → the i-th
//   station by code, so 城关镇 is 城关派出所's, the demo officer's).
// - When the master index has people (the people part seeded first), owners are people of it, and rented houses
//   get one or two tenants, about a third of them not reported by the landlord; a third of rented houses have had
//   a rental check. Without people, houses have no owners and no tenants.
// - 60 units of each kind at house-number addresses, with valid credit codes (GB 32100) and sealed phones; legal
//   representatives and security contacts from the people when there are any.
// Runs in the caller's (the demo seeding's) transaction. Errors: the database's.

#include <cstdint>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community {

Status SeedDemoHouses(storage::Connection& tx, int64_t now);
Status SeedDemoOrgs(storage::Connection& tx, int64_t now);

}  // namespace jw::community
