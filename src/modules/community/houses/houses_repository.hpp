#pragma once
// All SQL of houses (community_houses, community_house_tenants, community_house_checks), reading the standard
// addresses and people of the same module for names. Callers hold the connection (the transaction for writes).
// Errors: the storage layer's; NotFound("house") for an unknown id.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "community/houses/house.hpp"
#include "storage/database.hpp"

namespace jw::community {

// The id of the new house. Conflict when a house at the address exists.
Result<int64_t> InsertHouse(storage::Connection& c, const House& h);
// Many new houses in few statements (the demo's ten thousand): multi-row INSERTs of up to 200 rows. The ids are
// not returned: read them back by address (HouseIdsByAddress).
Status InsertHouses(storage::Connection& c, const std::vector<House>& houses);
Result<std::vector<std::pair<std::string, int64_t>>> HouseIdsByUse(storage::Connection& c, const std::string& use);
// Replaces the changeable fields and raises the version by one.
Status UpdateHouseRow(storage::Connection& c, const House& h, int64_t now);
Result<House> GetHouse(storage::Connection& c, int64_t id, const std::string& today);
Result<std::optional<int64_t>> HouseIdAtAddress(storage::Connection& c, const std::string& address_id);
Result<std::pair<std::vector<House>, int64_t>> ListHouses(storage::Connection& c, const HouseFilter& f);
// Every house ordered by address code (the CSV export).
Result<std::vector<House>> AllHouses(storage::Connection& c);
// The photo of a new house (not a change of it: the version stays).
Status SetHousePhoto(storage::Connection& c, int64_t house_id, const std::string& media_id);
Status SetCheckedAt(storage::Connection& c, int64_t house_id, int64_t at);

Result<int64_t> InsertTenant(storage::Connection& c, const Tenant& t);
Status UpdateTenant(storage::Connection& c, const Tenant& t);
Result<std::vector<Tenant>> ListTenants(storage::Connection& c, int64_t house_id);

Result<int64_t> InsertCheck(storage::Connection& c, const HouseCheck& k);
Result<std::vector<HouseCheck>> ListChecks(storage::Connection& c, int64_t house_id, int limit = 20);

// `s` with LIKE's wildcards escaped, for "… LIKE ? ESCAPE '\\'" (shared with the orgs repository).
std::string LikeEscaped(const std::string& s);

// Look-ups in the module's other tables. The full name of a standard address, nullopt when the code is unknown;
// its level too (room, unit, building, house …).
struct AddressRef {
    std::string full_name, level;
};
Result<std::optional<AddressRef>> FindAddressRef(storage::Connection& c, const std::string& code);
// The name of a person of community_people, nullopt when the id is unknown.
Result<std::optional<std::string>> PersonName(storage::Connection& c, int64_t person_id);

}  // namespace jw::community
