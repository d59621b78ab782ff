#include "community/people/people_service.hpp"

#include "community/people/people_changes.hpp"
#include "community/people/people_repository.hpp"
#include "community/people/person_identity.hpp"
#include "media/media_store.hpp"

namespace jw::community {
namespace {

// Fills the empty fields of `p` from `in`; true when anything changed.
bool FillEmpty(Person& p, const PersonInput& in) {
    bool changed = false;
    auto fill = [&](std::string& field, const std::string& value) {
        if (field.empty() && !value.empty()) field = value, changed = true;
    };
    auto fill_opt = [&](std::optional<std::string>& field, const std::optional<std::string>& value) {
        if (!field && value) field = value, changed = true;
    };
    fill(p.sex, in.sex);
    fill(p.birth_date, in.birth_date);
    fill(p.ethnicity, in.ethnicity);
    fill(p.hukou_address, in.hukou_address);
    fill(p.permit_no, in.permit_no);
    fill_opt(p.residence_address_id, in.residence_address_id);
    fill_opt(p.photo_media_id, in.photo_media_id);
    fill_opt(p.permit_expires, in.permit_expires);
    if (p.phones.empty() && !in.phones.empty()) p.phones = in.phones, changed = true;
    return changed;
}

}  // namespace

Result<ResolveResult> ResolvePerson(storage::Connection& tx, PersonInput in, const auth::Principal& actor,
                                    int64_t now) {
    JW_RETURN_IF_ERROR(NormalisePersonInput(in));
    if (in.residence_address_id) {
        JW_ASSIGN_OR_RETURN(bool known, AddressExists(tx, *in.residence_address_id));
        if (!known) return Status::Invalid("residence_address_id", "unknown_address");
    }
    const std::string index = IdentityIndex({in.id_kind, in.nationality, in.id_number});
    Person p = NewPerson(in, actor, now);
    JW_ASSIGN_OR_RETURN(auto inserted, InsertPersonIfNew(tx, p, index));
    if (inserted) {
        if (in.photo_media_id) JW_RETURN_IF_ERROR(AttachPersonPhoto(tx, *inserted, *in.photo_media_id, actor.user_id));
        return ResolveResult{*inserted, true, 1};
    }

    JW_ASSIGN_OR_RETURN(auto found, FindPersonByIndex(tx, index));
    if (!found) return Status::Internal("community_people: identity index taken but no row");
    Person existing = std::move(*found);
    const bool had_photo = existing.photo_media_id.has_value();
    if (!FillEmpty(existing, in)) return ResolveResult{existing.id, false, existing.version};
    if (!had_photo && existing.photo_media_id)
        JW_RETURN_IF_ERROR(AttachPersonPhoto(tx, existing.id, *existing.photo_media_id, actor.user_id));
    JW_RETURN_IF_ERROR(UpdatePerson(tx, existing, existing.version, now));
    return ResolveResult{existing.id, false, existing.version + 1};
}

Status AttachPersonPhoto(storage::Connection& tx, int64_t person_id, std::string_view media_id, int64_t by) {
    return media::Attach(tx, media_id, kPersonPhotoKind, person_id, by);
}

Person NewPerson(const PersonInput& in, const auth::Principal& actor, int64_t now) {
    Person p;
    p.id_kind = in.id_kind;
    p.id_number = in.id_number;
    p.nationality = in.nationality;
    p.name = in.name;
    p.sex = in.sex;
    p.birth_date = in.birth_date;
    p.ethnicity = in.ethnicity;
    p.hukou_address = in.hukou_address;
    p.residence_address_id = in.residence_address_id;
    p.category = in.category;
    p.phones = in.phones;
    p.photo_media_id = in.photo_media_id;
    p.permit_no = in.permit_no;
    p.permit_expires = in.permit_expires;
    p.collected_by = actor.user_id;
    p.unit_id = actor.unit_id;
    p.created_at = p.updated_at = now;
    return p;
}

Result<std::optional<Person>> FindPersonByIdNumber(storage::Connection& c, std::string_view id_kind,
                                                   std::string_view number, std::string_view nationality) {
    JW_ASSIGN_OR_RETURN(Identity id, NormaliseIdentity(id_kind, number, nationality));
    return FindPersonByIndex(c, IdentityIndex(id));
}

Result<Person> GetPerson(storage::Connection& c, int64_t person_id) { return LoadPerson(c, person_id); }

}  // namespace jw::community
