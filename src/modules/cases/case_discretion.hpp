#pragma once
// The discretion calculator used from a case (issue 13): what the case already knows for the calculator, and the
// decision computed from the case's facts on the current benchmark edition, to preview or to record.
//
// The offender's birth date comes from the suspect's resident ID number on the server (the client sees it
// masked and never sends it for such a person); only a person without one (passport, none) needs a birth date in
// the request. A recorded decision is the server's recomputation, compared with the one the officer saw: the
// client's numbers are never stored. Pure over the loaded case and catalogue; no HTTP.

#include <map>
#include <optional>

#include "cases/case.hpp"
#include "cases/case_repository.hpp"
#include "common/json_util.hpp"
#include "discretion/catalogue.hpp"

namespace jw::cases {

// GET /cases/:id/discretion: {case_id, case_no, version, law, cause, act_end_date (the incident's China date),
// decision_date (today in China), penalty_open (PenaltyOpen ok), locked_reason (its detail code or ""),
// offenders: [{person_id, name (masked), id_type, age_at_act (null when the ID gives no birth date),
// needs_birth_date}], candidates: [{law, article, paragraph, kind, seq, clause, item, citation}] — the tiers of
// the articles discretion/cause_articles.csv gives for the cause (the case's law text when set), at most 6, base
// tiers first within an article}.
// What the case and the master index say about each suspect (case person id →): whether the act is a first
// violation (行政处罚法 第三十三条第一款 初次违法) — known only for a person linked to the master index: not first
// when an earlier case of the same person ended in a decided penalty (repo::EarlierPenalties) — and the days their
// liberty was restricted before the decision (events liberty_restricted, 治安管理处罚法 2012 第九十二条 / 2025
// 第一百一十条: 限制人身自由一日，折抵行政拘留一日; 程序规定 第一百六十三条).
struct OffenderHistory {
    std::optional<bool> first_violation;  // nullopt: not in the master index, the officer says
    std::vector<repo::EarlierPenalty> earlier;
    int restraint_days = 0;
};
using OffenderHistories = std::map<int64_t, OffenderHistory>;
Result<OffenderHistories> LoadOffenderHistories(storage::Connection& c, const Case& k);
// The sum of the days of the person's liberty_restricted events (pure, over the case's events).
int RestraintDays(const std::vector<CaseEvent>& events, int64_t person_id);

// Each offender also carries {first_violation (bool | null), earlier_cases: [{case_id, case_no, occurred_at}],
// prior_restraint_days}.
Json DiscretionPrefillJson(const Case& k, const discretion::Catalogue& catalogue, const OffenderHistories& histories,
                           int64_t now);

struct CaseCalculation {
    Json request;     // the request decided, the birth date left out (stored with the decision, no personal data)
    Json case_facts;  // {first_violation, earlier_cases: [case_no], prior_restraint_days} as the case said them
    Json overrides;   // {field: reason} where the officer departed from the case's facts (audited, stored)
    Json decision;    // DecisionToJson of the engine's decision on `catalogue`
    int64_t person_id = 0;
};

// Decides body {person_id, request} for case `k` on `catalogue` (the current edition): the person must be a
// suspect of the case; request.offender.birth_date is set from the resident ID number; request.edition_id, if
// given, must be the catalogue's edition. Errors: InvalidArgument naming person_id (required | not_an_offender),
// request (required), request fields as POST /discretion/decide names them, offender.birth_date (no_birth_date),
// edition_id (not_current_edition).
// The case's facts fill request.offender.first_violation and request.prior_restraint_days when the request leaves
// them out; a request that departs from a known fact needs body.overrides.<field> (a reason, ≤ 200 characters):
// InvalidArgument "overrides.first_violation" / "overrides.prior_restraint_days": reason_required | too_long.
Result<CaseCalculation> CalculateForCase(const Case& k, const discretion::Catalogue& catalogue,
                                         const OffenderHistories& histories, const Json& body);
// The overrides of a body as one audit line ("first_violation: reason; …"), "" without any.
std::string OverridesAuditText(const Json& body);

// The decision to record: the recomputation must equal the `decision` the client showed (same edition, tiers,
// trace and result), else Conflict "decision_changed" {decision: mismatch}. Returns what SetPenalty stores:
// the decision with "request", "person_id", "case_facts" and "overrides" added.
Result<Json> DecisionToRecord(const CaseCalculation& computed, const Json& shown);

}  // namespace jw::cases
