#include "property/stores/store_service.hpp"

#include "common/json_util.hpp"
#include "property/items/property_repository.hpp"
#include "property/stores/store_repository.hpp"

namespace jw::property {

namespace {

bool SeesAny(const auth::Principal& actor, int64_t unit) { return actor.all_units || actor.SeesUnit(unit); }

// Required text of at most `max` characters (code points).
Status CheckText(const std::string& field, const std::string& value, size_t max) {
    if (value.empty()) return Status::Invalid(field, "required");
    auto n = Utf8Length(value);
    if (!n || *n > max) return Status::Invalid(field, "too_long");
    return Status::Ok();
}

Result<Store> VisibleStore(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    auto store = repo::GetStore(c, id);
    if (!store.ok() || !SeesAny(actor, store->unit_id)) return Status::NotFound("store");
    return *store;
}

}  // namespace

Result<Store> CreateStore(storage::Connection& c, const auth::Principal& actor, const StoreInput& in, int64_t now) {
    JW_RETURN_IF_ERROR(CheckText("name", in.name, 100));
    if (in.kind != "bureau" && in.kind != "station") return Status::Invalid("kind", "bad_value");
    // A unit outside the scope answers like an unknown one: the form reveals no other unit.
    JW_ASSIGN_OR_RETURN(bool exists, repo::UnitExists(c, in.unit_id));
    if (!exists || !SeesAny(actor, in.unit_id)) return Status::Invalid("unit_id", "not_found");
    Store s{.unit_id = in.unit_id, .name = in.name, .kind = in.kind};
    JW_ASSIGN_OR_RETURN(s.id, repo::InsertStore(c, s, now));
    return repo::GetStore(c, s.id);
}

Result<Place> AddPlace(storage::Connection& c, const auth::Principal& actor, int64_t store_id, const PlaceInput& in) {
    JW_ASSIGN_OR_RETURN(Store store, VisibleStore(c, actor, store_id));
    static const char* const kParentLevel[][2] = {{"room", ""}, {"shelf", "room"}, {"position", "shelf"}};
    const char* parent_level = nullptr;
    for (const auto& row : kParentLevel)
        if (in.level == row[0]) parent_level = row[1];
    if (parent_level == nullptr) return Status::Invalid("level", "bad_value");
    if (*parent_level == '\0') {
        if (in.parent_id) return Status::Invalid("parent_id", "must_be_empty");
    } else {
        if (!in.parent_id) return Status::Invalid("parent_id", "required");
        auto parent = repo::GetPlace(c, *in.parent_id);
        if (!parent.ok() || parent->store_id != store.id) return Status::Invalid("parent_id", "not_found");
        if (parent->level != parent_level) return Status::Invalid("parent_id", "wrong_level");
    }
    JW_RETURN_IF_ERROR(CheckText("code", in.code, 40));
    // A position is named by its code when no name is given (labels on a shelf carry only the code).
    const std::string name = in.name.empty() && in.level == "position" ? in.code : in.name;
    JW_RETURN_IF_ERROR(CheckText("name", name, 100));
    if (in.capacity < 0) return Status::Invalid("capacity", "negative");
    JW_ASSIGN_OR_RETURN(bool taken, repo::PlaceCodeTaken(c, store.id, in.code));
    if (taken) return Status(ErrorCode::kConflict, "place_code_taken", {{"code", "taken"}});
    Place p{.store_id = store.id,
            .parent_id = in.parent_id,
            .level = in.level,
            .code = in.code,
            .name = name,
            .capacity = in.capacity};
    JW_ASSIGN_OR_RETURN(p.id, repo::InsertPlace(c, p));
    return p;
}

Result<Place> UpdatePlace(storage::Connection& c, const auth::Principal& actor, int64_t place_id,
                          const std::optional<std::string>& name, const std::optional<int>& capacity) {
    auto found = repo::GetPlace(c, place_id);
    if (!found.ok()) return Status::NotFound("place");
    Place p = *found;
    auto store = VisibleStore(c, actor, p.store_id);
    if (!store.ok()) return Status::NotFound("place");
    if (name) {
        JW_RETURN_IF_ERROR(CheckText("name", *name, 100));
        p.name = *name;
    }
    if (capacity) {
        if (*capacity < 0) return Status::Invalid("capacity", "negative");
        // A capacity below what the place already holds would make every later check-in there "full" while the
        // items stay: refused, so the custodian moves items out first.
        JW_ASSIGN_OR_RETURN(int64_t held, repo::CountItemsAt(c, p.id));
        if (*capacity != 0 && *capacity < held)
            return Status(ErrorCode::kConflict, "capacity_below_items", {{"capacity", "below_items"}});
        p.capacity = *capacity;
    }
    JW_RETURN_IF_ERROR(repo::UpdatePlaceRow(c, p));
    return p;
}

}  // namespace jw::property
