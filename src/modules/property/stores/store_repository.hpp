#pragma once
// SQL of store management beyond what the items repository reads (items/property_repository.hpp): whether a unit
// exists, whether a place code is taken in a store, and the update of a place. Stateless; thread-safe.

#include <cstdint>
#include <string>

#include "common/status.hpp"
#include "property/property.hpp"
#include "storage/database.hpp"

namespace jw::property::repo {

Result<bool> UnitExists(storage::Connection& c, int64_t unit_id);
Result<bool> PlaceCodeTaken(storage::Connection& c, int64_t store_id, const std::string& code);
Status UpdatePlaceRow(storage::Connection& c, const Place& p);

}  // namespace jw::property::repo
