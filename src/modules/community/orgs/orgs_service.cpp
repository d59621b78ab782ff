#include "community/orgs/orgs_service.hpp"

#include <algorithm>

#include "community/orgs/credit_code.hpp"
#include "community/orgs/orgs_repository.hpp"
#include "media/media_store.hpp"

namespace jw::community {
namespace {

Status Invalid(const std::string& field, const std::string& problem, const std::string& message) {
    return Status(ErrorCode::kInvalidArgument, message, {{field, problem}});
}

Status CheckPhoneText(const std::string& phone) {
    if (phone.empty()) return Status::Ok();
    const bool chars_ok = std::all_of(phone.begin(), phone.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == ' ';
    });
    if (!chars_ok || phone.size() < 7 || phone.size() > 20) return Invalid("phone", "bad_format", "not a phone number");
    return Status::Ok();
}

// Every rule over the whole org (after a patch is applied). `self` is the org's id (0 for a new one).
Status Validate(storage::Connection& c, const Org& o, int64_t self) {
    if (o.name.empty()) return Invalid("name", "required", "name is required");
    if (std::find(std::begin(kOrgKinds), std::end(kOrgKinds), o.kind) == std::end(kOrgKinds))
        return Invalid("kind", "invalid_enum", "not a kind of unit");
    JW_RETURN_IF_ERROR(CheckAddress(c, o.address_id, "address_id", false));
    if (!o.credit_code.empty()) {
        JW_RETURN_IF_ERROR(CheckCreditCode(o.credit_code));
        JW_ASSIGN_OR_RETURN(auto other, OrgIdByCreditCode(c, o.credit_code));
        if (other && *other != self)
            return Invalid("credit_code", "already_exists", "a unit with this credit code is registered");
    }
    JW_RETURN_IF_ERROR(CheckPhoneText(o.phone));
    if (o.legal_rep_person_id) JW_RETURN_IF_ERROR(CheckPerson(c, *o.legal_rep_person_id, "legal_rep_person_id"));
    if (o.security_contact_person_id)
        JW_RETURN_IF_ERROR(CheckPerson(c, *o.security_contact_person_id, "security_contact_person_id"));
    return Status::Ok();
}

Org FromInput(const OrgInput& in) {
    Org o;
    o.name = in.name;
    o.credit_code = NormaliseCreditCode(in.credit_code);
    o.address_id = in.address_id;
    o.kind = in.kind;
    o.phone = in.phone;
    o.legal_rep_person_id = in.legal_rep_person_id;
    o.security_contact_person_id = in.security_contact_person_id;
    return o;
}

}  // namespace

Result<Org> CreateOrg(storage::Connection& tx, const OrgInput& in, const PlaceActor& by, int64_t now) {
    Org o = FromInput(in);
    JW_RETURN_IF_ERROR(Validate(tx, o, 0));
    o.created_by = by.user_id;
    o.unit_id = by.unit_id;
    o.created_at = o.updated_at = now;
    JW_ASSIGN_OR_RETURN(o.id, InsertOrg(tx, o));
    if (in.photo_media_id) {
        JW_RETURN_IF_ERROR(media::Attach(tx, *in.photo_media_id, "community.org", o.id, by.user_id));
        JW_RETURN_IF_ERROR(SetOrgPhoto(tx, o.id, *in.photo_media_id));
    }
    return GetOrg(tx, o.id);
}

Result<Org> ImportOrg(storage::Connection& tx, const OrgInput& in, const PlaceActor& by, int64_t now) {
    const std::string code = NormaliseCreditCode(in.credit_code);
    std::optional<int64_t> existing;
    if (!code.empty()) {
        JW_ASSIGN_OR_RETURN(existing, OrgIdByCreditCode(tx, code));
    }
    if (!existing) return CreateOrg(tx, in, by, now);
    JW_ASSIGN_OR_RETURN(Org old, GetOrg(tx, *existing));
    Org o = FromInput(in);
    o.id = old.id;
    o.photo_media_id = old.photo_media_id;
    JW_RETURN_IF_ERROR(Validate(tx, o, o.id));
    JW_RETURN_IF_ERROR(UpdateOrgRow(tx, o, now));
    return GetOrg(tx, o.id);
}

Result<Org> ReadOrg(storage::Connection& c, int64_t id, const UnitScope& scope) {
    auto o = GetOrg(c, id);
    if (!o.ok()) return o.status();
    if (!InUnitScope(scope, o->unit_id)) return Status::NotFound("org");
    return o;
}

Result<Org> UpdateOrg(storage::Connection& tx, int64_t id, const OrgPatch& p, const PlaceActor& by,
                      const UnitScope& scope, int64_t now) {
    JW_ASSIGN_OR_RETURN(Org o, ReadOrg(tx, id, scope));
    if (p.version != o.version)
        return Status(ErrorCode::kConflict, "the unit was changed meanwhile", {{"version", "stale"}});
    if (p.name) o.name = *p.name;
    if (p.credit_code) o.credit_code = NormaliseCreditCode(*p.credit_code);
    if (p.address_id) o.address_id = *p.address_id;
    if (p.kind) o.kind = *p.kind;
    if (p.phone) o.phone = *p.phone;
    if (p.clear_legal_rep) o.legal_rep_person_id.reset();
    if (p.legal_rep_person_id) o.legal_rep_person_id = p.legal_rep_person_id;
    if (p.clear_security_contact) o.security_contact_person_id.reset();
    if (p.security_contact_person_id) o.security_contact_person_id = p.security_contact_person_id;
    JW_RETURN_IF_ERROR(Validate(tx, o, o.id));
    if (p.photo_media_id && p.photo_media_id != o.photo_media_id) {
        JW_RETURN_IF_ERROR(media::Attach(tx, *p.photo_media_id, "community.org", o.id, by.user_id));
        o.photo_media_id = p.photo_media_id;
    }
    JW_RETURN_IF_ERROR(UpdateOrgRow(tx, o, now));
    return GetOrg(tx, id);
}

}  // namespace jw::community
