#pragma once
// Routes of units (docs/api/community-places.md):
//   GET   /api/v1/community/orgs       community.org.read   list (paged; q = name part or credit code, kind,
//                                                           address_id, grid_id); people's names and phone masked
//   POST  /api/v1/community/orgs       community.org.write  → 201 the unit (action community.org.create); the legal
//                                                           representative and security contact by id, or by identity
//                                                           as legal_rep / security_contact {id_kind, id_number,
//                                                           nationality, name}: found or registered (ResolvePerson)
//   GET   /api/v1/community/orgs/:id   community.org.read   the unit (masked)
//   PATCH /api/v1/community/orgs/:id   community.org.write  with version; stale → 409 conflict (community.org.update)
// Outside the caller's unit scope a unit is 404. Photos: media kind "community.org" (registered here).

#include <string>

#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community {

// `master`: the master key (a registration from the phone is idempotent by its Idempotency-Key, idempotency::Once).
void RegisterOrgRoutes(http::Router& router, storage::Database& db, const std::string& master);

}  // namespace jw::community
