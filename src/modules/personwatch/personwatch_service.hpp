#pragma once
// The rules of the person watch list (人员布控, ADR 0052): apply → approve (a leader, never the applicant) → active
// → withdrawn (撤控) | expired, the same lifecycle as vehicle watch orders (watchlist/lifecycle.hpp). Every function
// runs on the caller's connection inside the caller's write transaction (a Reply's `write`, a scheduler job) and
// writes one personwatch_events row per change. `expected_version`, when given, must equal the entry's version,
// else Conflict "version_mismatch"; every change increments it. Needs personwatch::InstallKeys and
// community::InstallKeys (the platform does both at start-up).

#include <optional>
#include <string>

#include "alerts/alert.hpp"
#include "personwatch/entry.hpp"
#include "storage/database.hpp"

namespace jw::personwatch {

// Validates and normalises `in` in place. Errors (InvalidArgument naming the field): kind (not in data/kinds.csv:
// "invalid_enum"); id_kind, id_number, nationality (community person_identity.hpp problems: a resident ID's check
// character, a 15-digit number converted to 18); name (required, ≤ 50); case_no (required, ≤ 40); reason
// (required, ≤ 200); instruction (required, ≤ 200); valid_from / valid_to (watchlist::ValidateWindow); priority
// (0 = the kind's, else 1-4); colour (one of the policy's; empty = the policy's for the priority); unit_ids (1-50).
Status ValidateEntry(const alerts::Policy& policy, EntryInput& in, int64_t now);

// Creates a pending entry applied for by `actor` for the actor's unit, linked to the master index's person when the
// document is registered there, with its photo attached (media "personwatch.entry"). Errors: ValidateEntry's;
// InvalidArgument "unit_ids" (unknown or dissolved unit), "photo_media_id" (media::Attach's problems); Conflict
// "already_listed" when a pending or active entry of the same kind names the same document.
Result<int64_t> ApplyEntry(storage::Connection& c, const alerts::Policy& policy, EntryInput in, const Actor& actor,
                           int64_t now);

// pending → active; `comment` kept in the event. Errors: NotFound; watchlist::CheckApprove's ("not_pending",
// "applicant_cannot_approve", "expired"); "version_mismatch".
Status ApproveEntry(storage::Connection& c, int64_t id, const Actor& actor, std::optional<int64_t> expected_version,
                    int64_t now, const std::string& comment = "");
// pending → rejected. Errors: InvalidArgument "reason"; NotFound; watchlist::CheckReject's; "version_mismatch".
Status RejectEntry(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                   std::optional<int64_t> expected_version, int64_t now);
// 撤控: pending or active → withdrawn. Errors: InvalidArgument "reason"; NotFound; Conflict "not_withdrawable",
// "version_mismatch".
Status WithdrawEntry(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                     std::optional<int64_t> expected_version, int64_t now);
// Pending and active entries whose valid_to has passed become expired (one event each). Returns how many.
Result<int> ExpireDue(storage::Connection& c, int64_t now);

}  // namespace jw::personwatch
