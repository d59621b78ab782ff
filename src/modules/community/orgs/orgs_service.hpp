#pragma once
// The rules of units (实有单位), issue 14. Callers pass the connection (the transaction for writes) and scope.
// - An org stands at a standard address (any level); kind is one of kOrgKinds; the name is required.
// - credit_code, when given, is a unified social credit code with a right check character (GB 32100-2015,
//   credit_code.hpp) and names one org only (already_exists).
// - The legal representative and the security contact are people of the master index (community_people ids).
// - phone: a mobile or landline (digits, '-', '+', spaces; 7–20 characters), sealed at rest, masked when shown.
// - A photo is a media id uploaded by the same user (media::Attach, owner kind "community.org").
// - Changes carry the version read; a stale one is Conflict (version: stale). Outside the caller's scope an org
//   is NotFound, like an unknown id.
// Errors: InvalidArgument naming the field (name required; kind invalid_enum; address_id not_found;
// credit_code bad_length | bad_charset | bad_region | bad_check_character | already_exists; phone bad_format;
// legal_rep_person_id / security_contact_person_id not_found; photo_media_id not_found | attached_elsewhere);
// NotFound("org"); Conflict; the database's.

#include <cstdint>
#include <optional>
#include <string>

#include "common/status.hpp"
#include "community/houses/houses_service.hpp"
#include "community/orgs/org.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct OrgInput {
    std::string name, credit_code, address_id, kind, phone;
    std::optional<int64_t> legal_rep_person_id, security_contact_person_id;
    std::optional<std::string> photo_media_id;
};
struct OrgPatch {
    int64_t version = 0;
    std::optional<std::string> name, credit_code, address_id, kind, phone, photo_media_id;
    std::optional<int64_t> legal_rep_person_id, security_contact_person_id;
    bool clear_legal_rep = false, clear_security_contact = false;
};

Result<Org> CreateOrg(storage::Connection& tx, const OrgInput& in, const PlaceActor& by, int64_t now);
// CSV import: by credit code when given (replaces the row), else a new org.
Result<Org> ImportOrg(storage::Connection& tx, const OrgInput& in, const PlaceActor& by, int64_t now);
Result<Org> ReadOrg(storage::Connection& c, int64_t id, const UnitScope& scope);
Result<Org> UpdateOrg(storage::Connection& tx, int64_t id, const OrgPatch& patch, const PlaceActor& by,
                      const UnitScope& scope, int64_t now);

}  // namespace jw::community
