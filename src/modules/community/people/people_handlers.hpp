#pragma once
// The person register's routes (docs/api/community.md § People). Thin: parse → people services → masked JSON.
// Writes run in the audited transaction with the work-event action names of issue 14 (community.person.create,
// community.person.update, community.person.move; audit_object person:<id>).

#include "community/addresses/address_index.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community {

// `master`: the master key (a registration from the phone is idempotent by its Idempotency-Key, idempotency::Once).
void RegisterPeopleRoutes(http::Router& router, storage::Database& db, AddressIndex& index, const std::string& master);

}  // namespace jw::community
