#pragma once
// Store and place management (ADR 0060): the custodians and leaders (property.store.manage) set up stores of their
// units, their rooms, shelves or cabinets and positions, and the capacity of each (程序规定第一百八十八条 专门场所、
// 专门柜). Runs in the caller's write transaction. Errors name the field:
//   NotFound "store" / "place" — unknown, or of a unit outside the actor's scope (the same answer);
//   InvalidArgument: name (required, too_long), kind (bad_value), unit_id (not_found — unknown or out of scope),
//     level (bad_value), parent_id (required | must_be_empty | wrong_level | not_found), code (required, too_long),
//     capacity (negative);
//   Conflict: {code: taken} (codes are unique in a store), {capacity: below_items} (fewer than the items held there).
// The tree is three levels: a room has no parent, a shelf's parent is a room, a position's parent is a shelf.
// Stateless; thread-safe.

#include <cstdint>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "property/property.hpp"
#include "storage/database.hpp"

namespace jw::property {

struct StoreInput {
    int64_t unit_id = 0;
    std::string name, kind;  // kind: bureau | station
};
Result<Store> CreateStore(storage::Connection& c, const auth::Principal& actor, const StoreInput& in, int64_t now);

struct PlaceInput {
    std::optional<int64_t> parent_id;
    std::string level, code, name;
    int capacity = 0;
};
Result<Place> AddPlace(storage::Connection& c, const auth::Principal& actor, int64_t store_id, const PlaceInput& in);

// A new name and/or capacity (nullopt keeps the old one).
Result<Place> UpdatePlace(storage::Connection& c, const auth::Principal& actor, int64_t place_id,
                          const std::optional<std::string>& name, const std::optional<int>& capacity);

}  // namespace jw::property
