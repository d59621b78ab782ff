#include "community/houses/houses_service.hpp"

#include <algorithm>

#include "common/china_day.hpp"
#include "community/houses/houses_repository.hpp"
#include "media/media_store.hpp"

namespace jw::community {
namespace {

Status Invalid(const std::string& field, const std::string& problem, const std::string& message) {
    return Status(ErrorCode::kInvalidArgument, message, {{field, problem}});
}

std::string Today(int64_t now) { return FormatDate(ChinaDateOf(now)); }

Status ValidateFields(storage::Connection& c, const std::optional<int64_t>& owner, const std::string& use,
                      const std::optional<double>& area, const std::string& notes) {
    if (std::find(std::begin(kHouseUses), std::end(kHouseUses), use) == std::end(kHouseUses))
        return Invalid("use", "invalid_enum", "use must be own, rented, commercial or vacant");
    if (area && (!(*area > 0) || *area > 100000)) return Invalid("area_m2", "out_of_range", "area out of range");
    if (notes.size() > 2000) return Invalid("notes", "too_long", "notes too long");
    if (owner) JW_RETURN_IF_ERROR(CheckPerson(c, *owner, "owner_person_id"));
    return Status::Ok();
}

Result<House> HouseInScope(storage::Connection& c, int64_t id, const UnitScope& scope, int64_t now) {
    auto h = GetHouse(c, id, Today(now));
    if (!h.ok()) return h.status();
    if (!InUnitScope(scope, h->unit_id)) return Status::NotFound("house");
    return h;
}

Status CheckDate(const std::string& field, const std::string& text) {
    auto d = ParseDate(text);
    if (!d || FormatDate(*d) != text) return Invalid(field, "bad_date", field + " is not a date YYYY-MM-DD");
    return Status::Ok();
}

}  // namespace

bool InUnitScope(const UnitScope& scope, int64_t unit_id) {
    return !scope || std::find(scope->begin(), scope->end(), unit_id) != scope->end();
}

Status CheckAddress(storage::Connection& c, const std::string& code, const std::string& field, bool room_level) {
    JW_ASSIGN_OR_RETURN(auto ref, FindAddressRef(c, code));
    if (!ref) return Invalid(field, "not_found", "no such standard address");
    if (room_level && ref->level != "house" && ref->level != "building" && ref->level != "unit" && ref->level != "room")
        return Invalid(field, "not_a_room", "a house stands at a house number, building, unit or room");
    return Status::Ok();
}

Status CheckPerson(storage::Connection& c, int64_t person_id, const std::string& field) {
    JW_ASSIGN_OR_RETURN(auto name, PersonName(c, person_id));
    if (!name) return Invalid(field, "not_found", "no such person in the master index");
    return Status::Ok();
}

Result<House> CreateHouse(storage::Connection& tx, const HouseInput& in, const PlaceActor& by, int64_t now) {
    JW_RETURN_IF_ERROR(CheckAddress(tx, in.address_id, "address_id", true));
    JW_RETURN_IF_ERROR(ValidateFields(tx, in.owner_person_id, in.use, in.area_m2, in.notes));
    JW_ASSIGN_OR_RETURN(auto existing, HouseIdAtAddress(tx, in.address_id));
    if (existing) return Invalid("address_id", "already_exists", "a house at this address is registered");
    House h;
    h.address_id = in.address_id;
    h.owner_person_id = in.owner_person_id;
    h.use = in.use;
    h.area_m2 = in.area_m2;
    h.notes = in.notes;
    h.created_by = by.user_id;
    h.unit_id = by.unit_id;
    h.created_at = h.updated_at = now;
    JW_ASSIGN_OR_RETURN(h.id, InsertHouse(tx, h));
    if (in.photo_media_id) {
        JW_RETURN_IF_ERROR(media::Attach(tx, *in.photo_media_id, "community.house", h.id, by.user_id));
        JW_RETURN_IF_ERROR(SetHousePhoto(tx, h.id, *in.photo_media_id));
    }
    return GetHouse(tx, h.id, Today(now));
}

Result<House> ImportHouse(storage::Connection& tx, const HouseInput& in, const PlaceActor& by, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto existing, HouseIdAtAddress(tx, in.address_id));
    if (!existing) return CreateHouse(tx, in, by, now);
    JW_RETURN_IF_ERROR(ValidateFields(tx, in.owner_person_id, in.use, in.area_m2, in.notes));
    JW_ASSIGN_OR_RETURN(House h, GetHouse(tx, *existing, Today(now)));
    h.owner_person_id = in.owner_person_id;
    h.use = in.use;
    h.area_m2 = in.area_m2;
    h.notes = in.notes;
    JW_RETURN_IF_ERROR(UpdateHouseRow(tx, h, now));
    return GetHouse(tx, h.id, Today(now));
}

Result<House> ReadHouse(storage::Connection& c, int64_t id, const UnitScope& scope, int64_t now) {
    return HouseInScope(c, id, scope, now);
}

Result<House> UpdateHouse(storage::Connection& tx, int64_t id, const HousePatch& patch, const PlaceActor& by,
                          const UnitScope& scope, int64_t now) {
    JW_ASSIGN_OR_RETURN(House h, HouseInScope(tx, id, scope, now));
    if (patch.version != h.version)
        return Status(ErrorCode::kConflict, "the house was changed meanwhile", {{"version", "stale"}});
    if (patch.clear_owner) h.owner_person_id.reset();
    if (patch.owner_person_id) h.owner_person_id = patch.owner_person_id;
    if (patch.use) h.use = *patch.use;
    if (patch.clear_area) h.area_m2.reset();
    if (patch.area_m2) h.area_m2 = patch.area_m2;
    if (patch.notes) h.notes = *patch.notes;
    JW_RETURN_IF_ERROR(ValidateFields(tx, patch.owner_person_id, h.use, h.area_m2, h.notes));
    if (patch.photo_media_id && patch.photo_media_id != h.photo_media_id) {
        JW_RETURN_IF_ERROR(media::Attach(tx, *patch.photo_media_id, "community.house", h.id, by.user_id));
        h.photo_media_id = patch.photo_media_id;
    }
    JW_RETURN_IF_ERROR(UpdateHouseRow(tx, h, now));
    return GetHouse(tx, id, Today(now));
}

Result<Tenant> RecordTenant(storage::Connection& tx, int64_t house_id, const TenantInput& in, const PlaceActor& by,
                            const UnitScope& scope, int64_t now) {
    JW_ASSIGN_OR_RETURN(House h, HouseInScope(tx, house_id, scope, now));
    if (in.to_date) JW_RETURN_IF_ERROR(CheckDate("to_date", *in.to_date));
    if (in.tenant_id) {
        JW_ASSIGN_OR_RETURN(auto tenants, ListTenants(tx, house_id));
        auto it = std::find_if(tenants.begin(), tenants.end(), [&](const Tenant& t) { return t.id == *in.tenant_id; });
        if (it == tenants.end()) return Invalid("tenant_id", "not_found", "no such tenant of this house");
        Tenant t = *it;
        if (in.to_date) {
            if (*in.to_date < t.from_date) return Invalid("to_date", "before_from", "to_date is before from_date");
            t.to_date = in.to_date;
        }
        if (in.reported && !t.reported_at) t.reported_at = now;
        JW_RETURN_IF_ERROR(UpdateTenant(tx, t));
        return t;
    }
    if (h.use != "rented") return Invalid("use", "not_rented", "tenants are recorded for rented houses");
    if (!in.person_id) return Invalid("person_id", "required", "person_id is required");
    JW_RETURN_IF_ERROR(CheckPerson(tx, *in.person_id, "person_id"));
    if (in.from_date.empty()) return Invalid("from_date", "required", "from_date is required");
    JW_RETURN_IF_ERROR(CheckDate("from_date", in.from_date));
    if (in.to_date && *in.to_date < in.from_date)
        return Invalid("to_date", "before_from", "to_date is before from_date");
    Tenant t;
    t.house_id = house_id;
    t.person_id = *in.person_id;
    t.from_date = in.from_date;
    t.to_date = in.to_date;
    if (in.reported) t.reported_at = now;
    t.recorded_by = by.user_id;
    t.at = now;
    JW_ASSIGN_OR_RETURN(t.id, InsertTenant(tx, t));
    JW_ASSIGN_OR_RETURN(auto name, PersonName(tx, t.person_id));
    t.name = name.value_or("");
    return t;
}

Result<HouseCheck> RecordCheck(storage::Connection& tx, int64_t house_id, const CheckInput& in, const PlaceActor& by,
                               const UnitScope& scope, int64_t now) {
    JW_ASSIGN_OR_RETURN(House h, HouseInScope(tx, house_id, scope, now));
    if (h.use != "rented") return Invalid("use", "not_rented", "rental checks are for rented houses");
    if (std::find(std::begin(kCheckResults), std::end(kCheckResults), in.result) == std::end(kCheckResults))
        return Invalid("result", "invalid_enum", "result must be ok or problems");
    if (in.notes.size() > 2000) return Invalid("notes", "too_long", "notes too long");
    HouseCheck k{0, house_id, in.result, in.notes, by.user_id, now};
    JW_ASSIGN_OR_RETURN(k.id, InsertCheck(tx, k));
    JW_RETURN_IF_ERROR(SetCheckedAt(tx, house_id, now));
    return k;
}

}  // namespace jw::community
