// The leaders' dashboard, sent reminders, suggestion letters, the reminder policy and the printed documents.
#include "cases/case_clocks.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "cases/supervision/supervision_dashboard.hpp"
#include "cases/supervision/supervision_documents.hpp"
#include "cases/supervision/supervision_http.hpp"
#include "cases/supervision/supervision_module.hpp"
#include "cases/supervision/supervision_repository.hpp"
#include "common/china_day.hpp"
#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"
#include "http/params.hpp"

namespace jw::cases {

using http::Reply;
using http::Request;

namespace {

Json CountsJson(const supervision::Counts& c) {
    return {{"open", c.open}, {"due_soon", c.due_soon}, {"overdue", c.overdue}, {"returned", c.returned}};
}

Json DashboardCaseJson(const supervision::DashboardCase& d) {
    const Case& k = d.kase;
    return {{"id", k.id},
            {"case_no", k.case_no},
            {"case_type", k.case_type},
            {"cause", k.cause},
            {"state", k.state},
            {"unit_id", k.unit_id},
            {"unit_name", k.unit_name},
            {"officer_id", k.lead_officer_id},
            {"officer_name", k.lead_officer_name},
            {"accepted_at", TimeJson(k.accepted_at)},
            {"next_clock", d.next_clock.empty() ? Json(nullptr) : Json(d.next_clock)},
            {"next_deadline", d.next_deadline.empty() ? Json(nullptr) : Json(d.next_deadline)},
            {"days_left", d.next_deadline.empty() ? Json(nullptr) : Json(d.days_left)},
            {"due_soon", d.due_soon},
            {"overdue", d.overdue},
            {"returned", d.returned}};
}

Result<Reply> Dashboard(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto unit, http::QueryId(req, "unit_id"));
    const std::string stage = req.Query("stage");
    JW_ASSIGN_OR_RETURN(const std::string bucket,
                        http::QueryEnum(req, "bucket", {"open", "due_soon", "overdue", "returned"}));
    // `date`: group by the unit structure in force on that day (ADR 0024); absent = each case's own unit.
    JW_ASSIGN_OR_RETURN(const auto date, http::QueryDate(req, "date"));
    if (stage.size() > 40) return Status::Invalid("stage", "too_long");
    const auto scope = SupervisionScope(*req.principal);
    if (unit && !InScope(scope, *unit)) return Status::Invalid("unit_id", "out_of_scope");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto cases, supervision::LoadDashboardCases(**c, scope, ChinaDate(NowUnix())));
    std::optional<units::StructureMap> structure;
    if (date) {
        JW_ASSIGN_OR_RETURN(structure, units::PlacesAt(**c, ChinaMidnightOf(*date)));
    }
    const units::StructureMap* by = structure ? &*structure : nullptr;
    const auto summary = supervision::Summarise(cases, by);
    Json units = Json::array();
    for (const auto& u : summary.units)
        units.push_back({{"unit_id", u.unit_id},
                         {"unit_name", u.unit_name},
                         {"counts", CountsJson(u.counts)},
                         {"by_stage", u.by_stage}});
    Json out = {{"totals", CountsJson(summary.totals)},
                {"by_stage", summary.by_stage},
                {"units", units},
                {"due_soon_days", supervision::kDueSoonDays}};
    if (date) out["date"] = FormatDate(*date);
    if (unit || !stage.empty() || !bucket.empty()) {
        Json list = Json::array();
        for (const auto& x : supervision::Drill(cases, unit, stage, bucket.empty() ? "open" : bucket, by))
            list.push_back(DashboardCaseJson(x));
        out["cases"] = list;
    }
    return Reply::Json200(std::move(out));
}

Json LetterJson(const supervision::Letter& l) {
    return {{"id", l.id},
            {"letter_no", l.letter_no},
            {"case_id", l.case_id},
            {"case_no", l.case_no},
            {"unit_id", l.unit_id},
            {"unit_name", l.unit_name},
            {"officer_id", l.officer_id},
            {"clock", l.clock},
            {"problem", l.problem},
            {"rule", l.rule},
            {"basis", l.basis},
            {"due_date", l.due_date},
            {"fix_by", l.fix_by},
            {"issued_at", TimeJson(l.issued_at)}};
}

Result<Reply> Letters(Deps d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto letters, supervision::ListLetters(**c, SupervisionScope(*req.principal)));
    Json out = Json::array();
    for (const auto& l : letters) out.push_back(LetterJson(l));
    return Reply::Json200({{"items", out}, {"total", out.size()}});
}

Result<std::string> Format(const Request& req) {
    JW_ASSIGN_OR_RETURN(std::string f, http::QueryEnum(req, "format", {"html", "pdf", "json"}));
    return f.empty() ? std::string("html") : f;
}

Result<Reply> Printed(const docs::Document& doc, const std::string& format, const std::string& name) {
    if (format == "pdf") {
        JW_ASSIGN_OR_RETURN(std::string pdf, docs::RenderPdf(doc));
        return RawReply(std::move(pdf), "application/pdf", name + ".pdf");
    }
    return RawReply(docs::RenderHtml(doc), "text/html; charset=utf-8");
}

Result<Reply> Letter(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(std::string format, Format(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto letter, supervision::GetLetter(**c, id));
    if (!InScope(SupervisionScope(*req.principal), letter.unit_id)) return Status::NotFound("letter");
    if (format == "json") return Reply::Json200(LetterJson(letter));
    JW_ASSIGN_OR_RETURN(std::string issuer, supervision::BureauName(**c));
    JW_ASSIGN_OR_RETURN(Reply r, Printed(supervision::SuggestionLetterDocument(letter, issuer), format, "letter"));
    r.audit_object = "supervision_letter:" + std::to_string(id);
    return r;
}

// The 延长办案期限审批表 for the case's latest extension request (event extension_requested), on the case
// clock that can still be extended.
Result<Reply> ExtensionForm(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(std::string format, Format(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Case k, LoadCase(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(**c, id));
    const CaseEvent* request = nullptr;
    for (const auto& e : events) {
        if (e.action == "extension_requested") request = &e;
    }
    if (request == nullptr) return Status::NotFound("extension request");
    JW_ASSIGN_OR_RETURN(auto clocks, ComputeCaseClocks(k, events, ChinaDate(request->at)));
    const deadlines::Clock* clock = nullptr;
    for (const auto& x : clocks) {
        if (x.subject.empty() && x.end.empty() && (clock == nullptr || x.next_extension.available)) clock = &x;
    }
    if (clock == nullptr) return Status::Conflict("no running case clock to extend");
    auto applicant = repo::GetOfficer(**c, request->actor_id);
    supervision::ExtensionRequest er{request->reason, ChinaDate(request->at), applicant.ok() ? applicant->name : ""};
    JW_ASSIGN_OR_RETURN(std::string issuer, supervision::BureauName(**c));
    const auto doc = supervision::ExtensionFormDocument(k, *clock, er, issuer);
    if (format == "json")
        return Reply::Json200({{"title", doc.title}, {"clock", ClockJson(*clock)}, {"reason", er.reason}});
    JW_ASSIGN_OR_RETURN(Reply r, Printed(doc, format, "extension"));
    r.audit_object = "case:" + std::to_string(id);
    return r;
}

Result<Reply> Reminders(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_RETURN_IF_ERROR(LoadCase(**c, *req.principal, id).status());
    JW_ASSIGN_OR_RETURN(auto sent, supervision::ListSentReminders(**c, id));
    Json out = Json::array();
    for (const auto& s : sent)
        out.push_back(
            {{"clock", s.clock}, {"stage", s.stage}, {"due_date", s.due_date}, {"sent_at", TimeJson(s.sent_at)}});
    return Reply::Json200({{"items", out}});
}

Json PolicyJson(const supervision::Policy& p) {
    return {{"lead_days", p.reminders.lead_days},
            {"escalate_after_days", p.reminders.escalate_after_days},
            {"letter_after_days", p.reminders.letter_after_days},
            {"letter_fix_days", p.letter_fix_days}};
}

Result<Reply> GetPolicy(Deps d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto p, supervision::LoadPolicy(**c));
    return Reply::Json200(PolicyJson(p));
}

Result<Reply> PutPolicy(Request& req) {
    JW_ASSIGN_OR_RETURN(Json j, ParseJsonObject(req.body));
    JsonReader in(j, {"lead_days", "escalate_after_days", "letter_after_days", "letter_fix_days"});
    supervision::Policy p;
    if (!j.contains("lead_days") || !j["lead_days"].is_array() || j["lead_days"].size() > 10) {
        in.Fail("lead_days", "required");
    } else {
        p.reminders.lead_days.clear();
        for (const auto& v : j["lead_days"]) {
            if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 60)
                in.Fail("lead_days", "bad_value");
            else
                p.reminders.lead_days.push_back(v.get<int>());
        }
    }
    p.reminders.escalate_after_days = static_cast<int>(in.Int("escalate_after_days", true, 1, 60).value_or(1));
    p.reminders.letter_after_days = static_cast<int>(in.Int("letter_after_days", true, 1, 90).value_or(3));
    p.letter_fix_days = static_cast<int>(in.Int("letter_fix_days", true, 1, 90).value_or(7));
    JW_RETURN_IF_ERROR(in.status());
    JW_RETURN_IF_ERROR(deadlines::ValidatePolicy(p.reminders));
    Reply r = Reply::Json200(PolicyJson(p));
    r.audit_object = "supervision_policy";
    r.write = [p](storage::Connection& c, audit::AuditEntry&, Reply&) { return supervision::SavePolicy(c, p); };
    return r;
}

}  // namespace

void RegisterDashboardRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/supervision/dashboard", "supervision.dashboard", "supervision.dashboard",
                [d](Request& r) { return Dashboard(d, r); }});
    router.Add({"GET", "/api/v1/supervision/letters", "supervision.read", "supervision.letters",
                [d](Request& r) { return Letters(d, r); }});
    router.Add({"GET", "/api/v1/supervision/letters/:id", "supervision.read", "supervision.letter",
                [d](Request& r) { return Letter(d, r); }});
    router.Add({"GET", "/api/v1/supervision/cases/:id/reminders", "case.read", "supervision.reminders",
                [d](Request& r) { return Reminders(d, r); }});
    router.Add({"GET", "/api/v1/supervision/cases/:id/extension-form", "case.read", "supervision.extension_form",
                [d](Request& r) { return ExtensionForm(d, r); }});
    router.Add({"GET", "/api/v1/supervision/policy", "supervision.read", "supervision.policy",
                [d](Request& r) { return GetPolicy(d, r); }});
    router.Add({"PUT", "/api/v1/supervision/policy", "supervision.configure", "supervision.policy.update", PutPolicy});
}

}  // namespace jw::cases
