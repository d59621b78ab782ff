#pragma once
// The rules of a 110 call (接处警): intake by the duty desk, dispatch to a station's patrol unit, the unit's
// accept / arrive / finish, related earlier calls, and the escalation of missed time targets. Every function that
// writes runs on the caller's connection inside the caller's write transaction (a Reply's `write`, a scheduler
// job) and writes one dispatch_call_events row per change. Needs dispatch::InstallKeys.
//
// Scope: a police caller sees a call when it sees the call's unit (all_units: every call); a call outside it is
// NotFound "call". The transition table (call_lifecycle.hpp) decides who may do what in which state: Denied
// (the permission), Conflict state=not_allowed_in_state. `expected_version`, when given, must equal the call's
// version, else Conflict expected_version=version_mismatch.
// Thread safety: stateless; the connection is the caller's.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "community/addresses/address_matcher.hpp"
#include "dispatch/dispatch.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

// How far back related calls are looked for (repeat callers and places are how disputes escalate).
inline constexpr int64_t kRelatedWindowSeconds = 90 * 86400;
inline constexpr int kRelatedLimit = 10;

// The place's key for related calls: "addr:<id>" for a standard address, else "text:" + the text without spaces
// and punctuation.
std::string PlaceKey(std::optional<int64_t> address_id, const std::string& place_text);

// Validates `in`: caller_phone (required, 3–20 digits, + - and spaces allowed: "bad_phone"), caller_name (≤ 30),
// summary (required, ≤ 500), place_text (required, ≤ 200), category (data/categories.csv: "invalid_enum"),
// priority (0–4), latitude/longitude (in range), received_at (not in the future, not more than a day back),
// source (110 | 12345).
Status ValidateCall(const CallInput& in, int64_t now);

// Intake: the desk records a call in state received, its time targets from the category, its place matched to a
// standard address by `matcher` when one fits (or `in.address_id` when the desk picked one). Returns the call id.
// Errors: ValidateCall's; InvalidArgument unit_id=not_found | out_of_scope; Denied dispatch.intake.
Result<int64_t> TakeCall(storage::Connection& c, const auth::Principal& actor, CallInput in,
                         const community::AddressMatcher* matcher, int64_t now);

// The call in the actor's scope (NotFound "call" otherwise).
Result<Call> CallInScope(storage::Connection& c, const auth::Principal& actor, int64_t id);

// Earlier calls (within kRelatedWindowSeconds before `before`, newest first) from the same number or the same place.
Result<std::vector<Call>> RelatedCalls(storage::Connection& c, const std::string& caller_phone,
                                       std::optional<int64_t> address_id, const std::string& place_text, int64_t before,
                                       int64_t except_id);

// Dispatch to a patrol unit (its station becomes the call's unit), or to a station only (patrol_id empty: the
// station's duty desk picks the unit). Errors: the transition's; InvalidArgument patrol_id=not_found |
// not_available, unit_id=not_found.
Status DispatchCall(storage::Connection& c, const auth::Principal& actor, int64_t id, std::optional<int64_t> patrol_id,
                    std::optional<int64_t> unit_id, std::optional<int64_t> expected_version, int64_t now);

// The unit's accept | arrive | finish (finish: outcome resolved, `note` required — what was done). The patrol's
// status follows (en_route, on_scene, available). finish makes the callback task (callbacks/callback_service).
// Errors: the transition's; InvalidArgument note=required.
Status RespondCall(storage::Connection& c, const auth::Principal& actor, int64_t id, const std::string& action,
                   const std::string& note, std::optional<int64_t> expected_version, int64_t now);

// Every police call past its dispatch target (still received) or its arrival target (dispatched or accepted) and
// not escalated yet: an alert (alerts::Raise, orange, to the call's unit, once per call by its dedup key) and a
// notification to the leaders (dispatch.review) of the unit and the units above it; the call is marked escalated.
// Returns how many were escalated.
Result<int> EscalateOverdue(storage::Connection& c, int64_t now);

// Writes one event row and tells the duty desks' boards (board/board_signal.hpp).
Status RecordEvent(storage::Connection& c, int64_t call_id, std::optional<int64_t> user_id, const std::string& action,
                   const std::string& from, const std::string& to, const std::string& detail, int64_t now);

}  // namespace jw::dispatch
