#pragma once
// The rules of houses (实有房屋) and rented houses (出租屋), issue 14. Callers pass the connection (the
// transaction for writes: the audited one of the request) and the caller's scope.
//
// - A house stands at a standard address of level house, building, unit or room (one house per address).
// - use: own | rented | commercial | vacant. Tenants only for rented houses; a tenancy has from/to dates (to ≥
//   from) and is "unreported" until the landlord's report is recorded (治安管理处罚法 2025 art. 68 para. 1,
//   2012 art. 57: the landlord registers the tenant's name and ID document; the list of unreported tenants is
//   what the officer follows up). Rental checks (出租屋检查) only for rented houses; each sets checked_at.
// - The owner and the tenants are people of the master index (community_people ids).
// - A photo is a media id uploaded by the same user (media::Attach, owner kind "community.house").
// - Changes carry the version read; a stale one is Conflict (field version: stale), never a silent overwrite.
// - Outside the caller's scope (the house's unit not among theirs) a house is NotFound, like an unknown id.
// Errors: InvalidArgument naming the field (address_id not_found | not_a_room | already_exists; use
// invalid_enum; owner_person_id / person_id not_found; area_m2 out_of_range; from_date / to_date bad_date;
// to_date before_from; tenant_id not_found; photo_media_id not_found | attached_elsewhere); NotFound("house");
// Conflict; the database's.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "community/houses/house.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct PlaceActor {
    int64_t user_id = 0, unit_id = 0;
};
using UnitScope = std::optional<std::vector<int64_t>>;  // nullopt = county-wide
bool InUnitScope(const UnitScope& scope, int64_t unit_id);

struct HouseInput {
    std::string address_id;
    std::optional<int64_t> owner_person_id;
    std::string use;
    std::optional<double> area_m2;
    std::optional<std::string> photo_media_id;
    std::string notes;
};
// A PATCH: absent fields stay; `clear_owner` / `clear_area` for an explicit null.
struct HousePatch {
    int64_t version = 0;
    std::optional<int64_t> owner_person_id;
    bool clear_owner = false;
    std::optional<std::string> use;
    std::optional<double> area_m2;
    bool clear_area = false;
    std::optional<std::string> photo_media_id;
    std::optional<std::string> notes;
};
// A new tenancy (person_id, from_date) or a change of one (tenant_id: to_date and/or the report).
struct TenantInput {
    std::optional<int64_t> tenant_id;
    std::optional<int64_t> person_id;
    std::string from_date;
    std::optional<std::string> to_date;
    bool reported = false;
};
struct CheckInput {
    std::string result;  // ok | problems
    std::string notes;
};

Result<House> CreateHouse(storage::Connection& tx, const HouseInput& in, const PlaceActor& by, int64_t now);
// CSV import: creates, or replaces owner/use/area/notes of the house at the address (no version: the file wins).
Result<House> ImportHouse(storage::Connection& tx, const HouseInput& in, const PlaceActor& by, int64_t now);
Result<House> ReadHouse(storage::Connection& c, int64_t id, const UnitScope& scope, int64_t now);
Result<House> UpdateHouse(storage::Connection& tx, int64_t id, const HousePatch& patch, const PlaceActor& by,
                          const UnitScope& scope, int64_t now);
Result<Tenant> RecordTenant(storage::Connection& tx, int64_t house_id, const TenantInput& in, const PlaceActor& by,
                            const UnitScope& scope, int64_t now);
Result<HouseCheck> RecordCheck(storage::Connection& tx, int64_t house_id, const CheckInput& in, const PlaceActor& by,
                               const UnitScope& scope, int64_t now);

// Shared with orgs: the address must be a standard address (not_found) and, with `room_level`, one a house can
// stand at (not_a_room). The person must exist (not_found). Both name `field`.
Status CheckAddress(storage::Connection& c, const std::string& code, const std::string& field, bool room_level);
Status CheckPerson(storage::Connection& c, int64_t person_id, const std::string& field);

}  // namespace jw::community
