// Cases: the discretion calculator from a case (case_discretion.hpp). Thin: load the case in the actor's scope and
// the current edition → compute → reply; recording goes through SetPenalty inside the audited write.
#include <memory>

#include "cases/case_discretion.hpp"
#include "cases/case_handlers.hpp"
#include "cases/case_service.hpp"
#include "common/civil_time.hpp"
#include "discretion/edition_service.hpp"

namespace jw::cases {

using http::Reply;
using http::Request;

namespace {

using Catalogues = std::shared_ptr<discretion::EditionCatalogues>;

Result<Json> Body(const Request& req) { return ParseJsonObject(req.body); }

// GET /cases/:id/discretion: what the case already knows for the calculator (masked names, ages, no ID numbers).
Result<Reply> PrefillHandler(Deps d, const Catalogues& catalogues, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Case k, LoadCase(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto catalogue, catalogues->ForDecision(**c, std::nullopt));
    JW_ASSIGN_OR_RETURN(OffenderHistories histories, LoadOffenderHistories(**c, k));
    Reply r = Reply::Json200(DiscretionPrefillJson(k, *catalogue, histories, NowUnix()));
    r.audit_object = "case:" + std::to_string(id);
    return r;
}

// POST /cases/:id/discretion/decide {person_id, request}: the decision on the current edition, not recorded.
Result<Reply> CalculateHandler(Deps d, const Catalogues& catalogues, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, Body(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Case k, LoadCase(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto catalogue, catalogues->ForDecision(**c, std::nullopt));
    JW_ASSIGN_OR_RETURN(OffenderHistories histories, LoadOffenderHistories(**c, k));
    JW_ASSIGN_OR_RETURN(CaseCalculation calc, CalculateForCase(k, *catalogue, histories, body));
    Reply r = Reply::Json200(calc.decision);
    r.audit_object = "case:" + std::to_string(id) + "/person:" + std::to_string(calc.person_id);
    const std::string overrides = OverridesAuditText(body);
    if (!overrides.empty()) r.audit_detail = "overrides " + overrides;
    return r;
}

// PUT /cases/:id/penalty/discretion {expected_version, person_id, request, decision}: recomputed and, when it
// equals the decision the officer saw, recorded as the case's penalty (source "discretion").
Result<Reply> RecordHandler(const Catalogues& catalogues, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, Body(req));
    JsonReader in(body, {"expected_version", "person_id", "request", "decision", "overrides"});
    auto version = in.Int("expected_version", true, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    if (!body.contains("decision") || !body["decision"].is_object()) return Status::Invalid("decision", "required");
    Reply r;
    r.audit_object = "case:" + std::to_string(id);
    r.audit_detail = "penalty discretion";
    // A departure from the case's facts (first violation, days of prior restriction) is said in the audit line.
    if (const std::string o = OverridesAuditText(body); !o.empty()) r.audit_detail += "; overrides " + o;
    r.write = [id, version = *version, body, catalogues, actor = *req.principal](
                  storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(Case k, LoadCase(c, actor, id));
        JW_RETURN_IF_ERROR(PenaltyOpen(k));  // a locked penalty is said so before any recalculation
        JW_ASSIGN_OR_RETURN(auto catalogue, catalogues->ForDecision(c, std::nullopt));
        JW_ASSIGN_OR_RETURN(OffenderHistories histories, LoadOffenderHistories(c, k));
        JW_ASSIGN_OR_RETURN(CaseCalculation calc, CalculateForCase(k, *catalogue, histories, body));
        JW_ASSIGN_OR_RETURN(Json stored, DecisionToRecord(calc, body["decision"]));
        JW_ASSIGN_OR_RETURN(Case saved, SetPenalty(c, actor, id, version, "discretion", stored, now));
        JW_ASSIGN_OR_RETURN(out.body, FullCaseJson(c, actor, saved, now));
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterCaseDiscretionRoutes(http::Router& router, Deps d) {
    auto catalogues = std::make_shared<discretion::EditionCatalogues>();
    router.Add({"GET", "/api/v1/cases/:id/discretion", "discretion.decide", "case.discretion_prefill",
                [d, catalogues](Request& r) { return PrefillHandler(d, catalogues, r); }});
    router.Add({"POST", "/api/v1/cases/:id/discretion/decide", "discretion.decide", "case.discretion_decide",
                [d, catalogues](Request& r) { return CalculateHandler(d, catalogues, r); }});
    router.Add({"PUT", "/api/v1/cases/:id/penalty/discretion", "case.write", "case.penalty_discretion",
                [d, catalogues](Request& r) { return RecordHandler(catalogues, r); }});
}

}  // namespace jw::cases
