#pragma once
// The case rules: creating a case (number, acceptance event, query codes by SMS), lifecycle actions through
// the transition table (lifecycle.hpp) with optimistic concurrency and idempotency keys, edits, people,
// penalties and query codes. Every function that writes runs on the caller's connection inside the caller's
// transaction (the audited Committer job): on an error the caller rolls back, so nothing is half-written.
//
// Errors common to all: NotFound "case" when the case does not exist or lies outside the actor's data scope
// (the handling unit is not the actor's unit or a sub-unit; the whole county for all-units roles);
// Conflict {expected_version: stale} when the case changed since the caller read it; Conflict
// {state: closed} for edits of a closed case; InvalidArgument naming each bad field.
// Thread safety: stateless functions; the connection is the caller's.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "cases/case.hpp"
#include "cases/deadlines/deadline_engine.hpp"
#include "common/json_util.hpp"
#include "storage/database.hpp"

namespace jw::cases {

struct NewCase {
    Case fields;  // case_type, law ("" = by acceptance date), cause, source, occurred_at, place,
                  // facts, unit_id (0 = the actor's), lead_officer_id (0 = the actor), assistants,
                  // accepted_at (0 = now), people
    std::optional<std::string> idempotency_key;
};

struct CreateResult {
    Case kase;
    bool replay = false;  // the idempotency key was seen: the case created the first time
    int codes_sent = 0;   // query codes sent by SMS
};

// Creates the case in state "accepted" with event 1 (accept), numbers it from the scheme, and sends a query
// code by SMS to each reporter and victim with a mobile phone. `region` is the bureau's GB/T 2260 code.
// Extra errors: InvalidArgument {unit_id: out_of_scope | not_found, lead_officer_id: not_in_unit,
// assistant_ids: not_found, accepted_at: in_future, occurred_at: after_acceptance, people[i].field: …}.
Result<CreateResult> CreateCase(storage::Connection& c, const auth::Principal& actor, NewCase in,
                                const std::string& region, int64_t now);

struct ActionInput {
    std::string action;
    int64_t expected_version = 0;
    std::optional<std::string> idempotency_key;
    std::optional<int64_t> at;  // default now
    std::string reason;
    std::optional<int64_t> person_id;
    std::optional<int> days;
    std::vector<Attachment> attachments;
    Json data = Json::object();  // action-specific: item, ground, months, …
};

struct ActionResult {
    Case kase;
    CaseEvent event;
    bool replay = false;  // the idempotency key was seen: no new event, the first one is returned
};

// Takes a lifecycle action or records a fact (transitions.csv). Errors in addition to the common ones:
// Lifecycle::Check's (unknown_action, not_allowed_in_state, role_not_allowed, requirements), InvalidArgument
// {at: in_future | before_acceptance, person_id: not_a_suspect, event: <engine problem>} when the deadline
// engine rejects the fact (an end without a start, an extension beyond the maximum…), Conflict
// {idempotency_key: reused_for_other_action}. A replay is checked before the version, so a double click that
// arrives after the first succeeded gets the first result.
Result<ActionResult> ApplyAction(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                                 const ActionInput& in, int64_t now);

// The guard for sending a case (back) to legal review: Conflict {problems: unanswered} while any problem raised
// on it is unanswered. Whoever submits a case to review calls it (TakeAction, review::Submit).
Status CheckResubmission(storage::Connection& c, int64_t case_id);

// An action taken on the case page (POST /cases/:id/actions): for submit_review first CheckResubmission, so a
// returned case goes back only when every problem is answered whichever route is used; then ApplyAction; the
// result's case is read again after the change (names and people as GetCase gives them). Errors: those of the
// two (NotFound for a case outside the actor's scope comes before the guard).
Result<ActionResult> TakeAction(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                                const ActionInput& in, int64_t now);

// The case if the actor may see it (scope), with people; NotFound otherwise.
Result<Case> LoadCase(storage::Connection& c, const auth::Principal& actor, int64_t case_id);

struct CaseEdit {
    int64_t expected_version = 0;
    std::optional<std::string> cause, cause_code, source, place_address, facts;
    std::optional<int64_t> occurred_at;
    bool set_place_coords = false;
    std::optional<double> place_lon, place_lat;
    std::optional<int64_t> lead_officer_id;
    std::optional<std::vector<int64_t>> assistant_ids;
};
// Changes the case's fields (recorded as event "case_updated"). Needs the handling unit in scope.
Result<Case> EditCase(storage::Connection& c, const auth::Principal& actor, int64_t case_id, const CaseEdit& edit,
                      int64_t now);

// Adds a person (event "person_added"); a reporter or victim with a mobile phone gets a query code by SMS.
Result<Case> AddPerson(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t expected_version,
                       Person p, int64_t now);
// Replaces a person's fields (event "person_updated"). NotFound "person" when it is not of this case.
Result<Case> EditPerson(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t expected_version,
                        Person p, int64_t now);
// Checks one person's fields. Problems under `prefix` + field: role, name, id_type, id_number (GB 11643 for
// resident_id), phone, address.
Status ValidatePerson(const Person& p, const std::string& prefix);

// Whether the penalty of `k` may be recorded or changed now: an administrative case in investigation or
// penalty_proposed. Conflict with detail penalty_not_administrative | penalty_not_yet | penalty_locked_review
// (under legal review: what the reviewer judges may not change) | penalty_locked_decided, field {penalty}.
Status PenaltyOpen(const Case& k);

// Records the penalty of an administrative case (event "penalty_recorded"): source "manual" with
// {kind, amount_yuan?, days?, text} or "discretion" with a decision the server recomputed (case_discretion.hpp;
// the HTTP route for "discretion" is PUT /cases/:id/penalty/discretion, never the client's numbers).
// Errors: PenaltyOpen's Conflict; InvalidArgument naming penalty.* or decision.* fields.
Result<Case> SetPenalty(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t expected_version,
                        const std::string& source, const Json& penalty, int64_t now);

// Issues a new query code for a reporter or victim with a mobile phone and sends it by SMS; earlier codes of
// the person are revoked. Errors: InvalidArgument {person_id: not_found | not_reporter_or_victim | no_mobile}.
Result<QueryCode> IssueQueryCode(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                                 int64_t person_id, int64_t now);
// Revokes one code. NotFound "query_code" when it is not a live code of the case.
Status RevokeQueryCode(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t code_id,
                       int64_t now);

// The keyed hash stored for a query code: QueryCodeHash in case_secrets.hpp.

}  // namespace jw::cases
