#pragma once
// The person register's routes (docs/api/community.md § People). Thin: parse → people services → masked JSON.
// Writes run in the audited transaction with the work-event action names of issue 14 (community.person.create,
// community.person.update, community.person.move; audit_object person:<id>).

#include "community/addresses/address_index.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community {

void RegisterPeopleRoutes(http::Router& router, storage::Database& db, AddressIndex& index);

}  // namespace jw::community
