#pragma once
// The rules of the organisations registry and of its staff accounts (ADR 0051).
//
// Registry (the system administrator, org.write; police administrators see the organisations their units
// supervise): kind from auth/data/org_kinds.csv; name 2–60 characters; code a unified social credit code
// (GB 32100-2015) or an organisation code (GB 11714-1997), unique; a parent exactly when the kind names a parent
// kind, and of that kind; a live supervising unit within the caller's scope; a contact person and phone. Every
// change is written to organisation_history with the fields before and after.
//
// Staff: an account belongs to one organisation and holds one role of its kind. The system administrator adds
// any role (the first administrator included); an organisation's administrator (its kind's admin_role) adds,
// disables, enables and resets the staff of its own organisation — and a company administrator those of its
// outlets — but never a peer holding its own administrator role, nor itself.
//
// Errors name the field: InvalidArgument (kind unknown_kind, name bad_format, code bad_length | bad_charset |
// bad_region | bad_check_character | duplicate, parent_id required | not_allowed | not_found | wrong_kind,
// supervisor_unit_id not_found | dissolved | out_of_scope, contact_name bad_person_name, contact_phone bad_phone,
// role external_role | not_allowed, username duplicate, account_no duplicate | bad_police_no, status not_active);
// NotFound for an organisation or account the caller may not see. Writes run on the Committer's connection.

#include <string>
#include <string_view>
#include <utility>

#include "auth/identity.hpp"
#include "auth/principal.hpp"
#include "orgs/org.hpp"
#include "storage/database.hpp"

namespace jw::orgs {

// Upper-cased, without spaces and hyphens (what people type: "D2143569-X").
std::string NormaliseOrgCode(std::string_view text);
// An 18-character unified social credit code or a 9-character organisation code, normalised.
Status CheckOrgCode(std::string_view code, std::string_view field = "code");
// The fields of `o` on their own (no database).
Status ValidateOrg(const Organisation& o);

// Whether the caller may see `o`: a police caller when its unit supervises it (or the caller sees every unit), an
// external caller when it is in its org_scope.
bool SeesOrganisation(const auth::Principal& p, const Organisation& o);

Result<Organisation> CreateOrg(storage::Connection& c, Organisation o, const auth::Principal& actor, int64_t now);
// Changes name, supervising unit and contact (kind, code and parent are fixed once created).
Result<Organisation> UpdateOrg(storage::Connection& c, const Organisation& changes, const auth::Principal& actor,
                               int64_t now);
// Suspends (its accounts' sessions end and they cannot log in) or reactivates an organisation.
Result<Organisation> SetOrgStatus(storage::Connection& c, int64_t id, const std::string& status,
                                  const auth::Principal& actor, int64_t now);

// Checks the fields of a new account (no database): username, account_no (empty allowed), name, phone.
Status ValidateNewStaff(const NewStaff& s);
// Adds an account to organisation `org_id` with the given argon2 `password_hash` (must be changed at first
// login). Returns the account.
Result<auth::User> AddStaff(storage::Connection& c, const auth::Principal& actor, int64_t org_id, NewStaff s,
                            const std::string& password_hash, int64_t now);
// The account `user_id` if the caller may manage it (see above); NotFound otherwise, InvalidArgument id=own_account
// or id=peer_administrator.
Result<auth::User> ManagedStaff(storage::Connection& c, const auth::Principal& actor, int64_t user_id);

}  // namespace jw::orgs
