#pragma once
// Routes of houses (docs/api/community-places.md):
//   GET   /api/v1/community/houses                 community.house.read   list (paged; q, address_id, use,
//                                                                          grid_id, unreported), names masked
//   POST  /api/v1/community/houses                 community.house.write  → 201 the house (action
//   community.house.create);
//                                                   the owner by owner_person_id or by identity as owner {id_kind,
//                                                   id_number, nationality, name}: found or registered (ResolvePerson)
//   GET   /api/v1/community/houses/:id             community.house.read   the house, its tenants and checks (masked)
//   PATCH /api/v1/community/houses/:id             community.house.write  with version; stale → 409 conflict
//   POST  /api/v1/community/houses/:id/tenants     community.house.write  a tenancy (person_id, or person by identity
//                                                   as above) or its report / end (tenant_id) (community.house.tenant)
//   POST  /api/v1/community/houses/:id/checks      community.house.write  a rental check (community.house.check)
// Outside the caller's unit scope a house is 404, like an unknown one. Photos: media kind "community.house",
// readable by whoever may read the house (registered here).

#include <string>

#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community {

// `master`: the master key (a registration from the phone is idempotent by its Idempotency-Key, idempotency::Once).
void RegisterHouseRoutes(http::Router& router, storage::Database& db, const std::string& master);

}  // namespace jw::community
