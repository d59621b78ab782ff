#pragma once
// All SQL of units (community_orgs), with the address and people names of the same module. The phone is sealed
// here on the way in and opened on the way out (community_keys.hpp). Callers hold the connection (the transaction
// for writes). Errors: the storage layer's; NotFound("org") for an unknown id.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "community/orgs/org.hpp"
#include "storage/database.hpp"

namespace jw::community {

Result<int64_t> InsertOrg(storage::Connection& c, const Org& o);
// Replaces the changeable fields and raises the version by one.
Status UpdateOrgRow(storage::Connection& c, const Org& o, int64_t now);
// The photo of a new org (not a change of it: the version stays).
Status SetOrgPhoto(storage::Connection& c, int64_t org_id, const std::string& media_id);
Result<Org> GetOrg(storage::Connection& c, int64_t id);
Result<std::optional<int64_t>> OrgIdByCreditCode(storage::Connection& c, const std::string& credit_code);
Result<std::pair<std::vector<Org>, int64_t>> ListOrgs(storage::Connection& c, const OrgFilter& f);
Result<std::vector<Org>> AllOrgs(storage::Connection& c);  // ordered by id (the CSV export)

}  // namespace jw::community
