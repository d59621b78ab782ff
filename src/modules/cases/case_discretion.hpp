#pragma once
// The discretion calculator used from a case (issue 13): what the case already knows for the calculator, and the
// decision computed from the case's facts on the current benchmark edition, to preview or to record.
//
// The offender's birth date comes from the suspect's resident ID number on the server (the client sees it
// masked and never sends it for such a person); only a person without one (passport, none) needs a birth date in
// the request. A recorded decision is the server's recomputation, compared with the one the officer saw: the
// client's numbers are never stored. Pure over the loaded case and catalogue; no HTTP.

#include <optional>

#include "cases/case.hpp"
#include "common/json_util.hpp"
#include "discretion/catalogue.hpp"

namespace jw::cases {

// GET /cases/:id/discretion: {case_id, case_no, version, law, cause, act_end_date (the incident's China date),
// decision_date (today in China), penalty_open (PenaltyOpen ok), locked_reason (its detail code or ""),
// offenders: [{person_id, name (masked), id_type, age_at_act (null when the ID gives no birth date),
// needs_birth_date}], candidates: [{law, article, paragraph, kind, seq, clause}] — the tiers whose clause names
// the cause (the case's law text when set), at most 6, base tiers first}.
Json DiscretionPrefillJson(const Case& k, const discretion::Catalogue& catalogue, int64_t now);

struct CaseCalculation {
    Json request;   // the request decided, the birth date left out (stored with the decision, no personal data)
    Json decision;  // DecisionToJson of the engine's decision on `catalogue`
    int64_t person_id = 0;
};

// Decides body {person_id, request} for case `k` on `catalogue` (the current edition): the person must be a
// suspect of the case; request.offender.birth_date is set from the resident ID number; request.edition_id, if
// given, must be the catalogue's edition. Errors: InvalidArgument naming person_id (required | not_an_offender),
// request (required), request fields as POST /discretion/decide names them, offender.birth_date (no_birth_date),
// edition_id (not_current_edition).
Result<CaseCalculation> CalculateForCase(const Case& k, const discretion::Catalogue& catalogue, const Json& body);

// The decision to record: the recomputation must equal the `decision` the client showed (same edition, tiers,
// trace and result), else Conflict "decision_changed" {decision: mismatch}. Returns what SetPenalty stores:
// the decision with "request" and "person_id" added.
Result<Json> DecisionToRecord(const CaseCalculation& computed, const Json& shown);

}  // namespace jw::cases
