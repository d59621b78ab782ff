#pragma once
// 从业人员备案 (issue 17): an outlet administrator keeps the staff of their own outlet — adds, edits, marks as left.
// Each staff member's ID number is checked like a person in the master index (community::FindPersonByIdNumber):
// "registered" when the county's person register holds that document, "unmatched" when it does not (the police
// look into those), "left" once deactivated (kept for the record, never deleted). A staff member with a login account
// (clerks and outlet administrators; accounts are the organisations registry's, ADR 0051) loses it on leaving: the
// account is disabled and its sessions end in the same transaction (auth::SessionService::SetAccountStatus, ADR 0074);
// re-added later, the same person gets the same account back, enabled. Who may do that to an account is the
// registry's rule (orgs::ManagedStaff: not one's own account, not a peer administrator's). Runs inside the caller's
// write transaction; the handler audits. Thread safety: the connection's.
#include <cstdint>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "auth/session_service.hpp"
#include "common/status.hpp"
#include "courier/registry/registry_repository.hpp"
#include "storage/database.hpp"

namespace jw::courier {

// What a change needs besides the outlet: who makes it, and the account switch.
struct StaffActor {
    const auth::Principal& principal;
    auth::SessionService& accounts;
};

struct StaffInput {
    std::optional<std::string> role;  // clerk | admin
    std::optional<std::string> name, id_number, phone;
};

// Field rules: role one of clerk | admin ("invalid_enum"); name 2–20 characters of a person's name
// ("bad_person_name"); id_number GB 11643 (CheckIdNumber's problems); phone a mainland mobile ("bad_phone").
// `creating`: every field required ("required").
Status ValidateStaff(const StaffInput& in, bool creating);

// Adds a staff member to `outlet_id`. Errors: the fields', Conflict("id_number", "duplicate") when the outlet
// already has a current staff member with that number. When a staff member of the outlet who left had that number
// and an account, the account moves to the new row and, if leaving disabled it ("disabled"; an account locked
// since stays locked), is enabled again (ManagedStaff's errors).
Result<Staff> AddOutletStaff(storage::Connection& c, const StaffActor& actor, int64_t outlet_id, const StaffInput& in,
                             int64_t now);
// Changes the given fields of staff `id` of `outlet_id` (re-checked against the master index when the number
// changes). NotFound("staff") for a staff member of another outlet — the same answer as for none.
Result<Staff> EditOutletStaff(storage::Connection& c, int64_t outlet_id, int64_t id, const StaffInput& in);
// Marks staff `id` of `outlet_id` as left and disables their account, ending its sessions. NotFound("staff") as
// above; Invalid("status", "already_left"); ManagedStaff's errors (Invalid("id", "own_account" |
// "peer_administrator")), nothing written then.
Result<Staff> DeactivateOutletStaff(storage::Connection& c, const StaffActor& actor, int64_t outlet_id, int64_t id);

}  // namespace jw::courier
