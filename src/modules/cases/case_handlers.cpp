// Cases: list, read, create, edit and lifecycle actions. People, penalty, query codes, documents and the public
// progress page are in case_record_handlers.cpp.
#include "cases/case_handlers.hpp"

#include <cstdlib>
#include <set>

#include "cases/case_clocks.hpp"
#include "cases/case_json.hpp"
#include "cases/case_links.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "cases/case_service_internal.hpp"
#include "cases/lifecycle.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "community/dossier/place_link.hpp"
#include "http/params.hpp"

namespace jw::cases {

using http::Reply;
using http::Request;

void RegisterCaseRecordRoutes(http::Router& router, Deps deps);  // case_record_handlers.cpp

namespace {

Officers LoadOfficers(storage::Connection& c, const std::set<int64_t>& ids) {
    Officers out;
    for (int64_t id : ids) {
        auto o = repo::GetOfficer(c, id);
        if (o.ok()) out[id] = *o;
    }
    return out;
}

Result<Reply> ListCases(Deps d, Request& req) {
    repo::CaseQuery q;
    JW_RETURN_IF_ERROR(req.Paging(&q.page, &q.page_size));
    q.q = req.Query("q");
    q.case_type = req.Query("case_type");
    q.state = req.Query("state");
    JW_ASSIGN_OR_RETURN(q.open_only, http::QueryBool(req, "open", false));
    // Exact lookups through the blind indexes (the numbers are not stored in the clear, so no substring search).
    q.id_number = req.Query("id_number");
    q.phone = req.Query("phone");
    if (q.id_number.size() > 30) return Status::Invalid("id_number", "too_long");
    if (q.phone.size() > 20) return Status::Invalid("phone", "too_long");
    if (!q.case_type.empty() && !IsCaseType(q.case_type))
        return Status::Invalid("case_type", http::problem::kInvalidEnum);
    JW_ASSIGN_OR_RETURN(q.unit_id, http::QueryId(req, "unit_id"));
    JW_ASSIGN_OR_RETURN(q.officer_id, http::QueryId(req, "officer_id"));
    const auth::Principal& p = *req.principal;
    if (!p.all_units && !internal::HasRole(p, "legal_reviewer")) q.unit_scope = p.unit_scope;  // data scope
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, repo::ListCases(**c, q));
    std::vector<int64_t> ids;
    for (const auto& k : page.first) ids.push_back(k.id);
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEventsOfCases(**c, ids));
    const std::string today = ChinaDate(NowUnix());
    Json items = Json::array();
    for (const auto& k : page.first) {
        std::vector<CaseEvent> mine;
        for (const auto& e : events)
            if (e.case_id == k.id) mine.push_back(e);
        auto clocks = ComputeCaseClocks(k, mine, today);
        items.push_back(SummaryJson(k, clocks.ok() ? NextDeadline(*clocks) : nullptr));
    }
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "cases?q=" + q.q;
    // The audit log records that a person was looked up, with the number masked as it is shown.
    if (!q.id_number.empty()) r.audit_object += "&id_number=" + MaskIdNumber(q.id_number);
    if (!q.phone.empty()) r.audit_object += "&phone=" + MaskPhone(q.phone);
    return r;
}

Result<Reply> GetCase(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Case k, LoadCase(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(Json body, FullCaseJson(**c, *req.principal, k, NowUnix()));
    Reply r = Reply::Json200(std::move(body));
    r.audit_object = "case:" + std::to_string(id);
    r.audit_detail = "masked";
    return r;
}

Result<Reply> CreateCaseHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(NewCase in, ParseNewCase(body));
    Reply r;
    r.status = 201;
    r.write = [in, actor = *req.principal, region = d.region_code, matcher = community::ServingAddressIndex().Get()](
                  storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(CreateResult created, CreateCase(c, actor, in, region, now));
        if (created.replay) out.status = 200;
        if (!created.replay) {
            JW_RETURN_IF_ERROR(LinkPlace(c, created.kase.id, matcher.get(), created.kase.place_address));
            JW_ASSIGN_OR_RETURN(created.kase, repo::GetCase(c, created.kase.id));
        }
        e.object = "case:" + std::to_string(created.kase.id);
        e.case_no = created.kase.case_no;
        e.detail = Json{{"case_no", created.kase.case_no}, {"codes_sent", created.codes_sent}}.dump();
        JW_ASSIGN_OR_RETURN(out.body, FullCaseJson(c, actor, created.kase, now));
        return Status::Ok();
    };
    return r;
}

Result<Reply> EditCaseHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(CaseEdit edit, ParseCaseEdit(body));
    Reply r;
    r.audit_object = "case:" + std::to_string(id);
    r.write = [id, edit, actor = *req.principal, matcher = community::ServingAddressIndex().Get()](
                  storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(Case k, EditCase(c, actor, id, edit, now));
        if (edit.place_address) {
            JW_RETURN_IF_ERROR(LinkPlace(c, id, matcher.get(), k.place_address));
            JW_ASSIGN_OR_RETURN(k, repo::GetCase(c, id));
        }
        JW_ASSIGN_OR_RETURN(out.body, FullCaseJson(c, actor, k, now));
        return Status::Ok();
    };
    return r;
}

// PUT /api/v1/cases/:id/place-link {"address_id"}: the officer links the case's place to a standard address
// (ChoosePlace). 200 with the case.
Result<Reply> PlaceLinkHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"address_id"});
    const std::string address_id = in.Text("address_id", true, 64).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "case:" + std::to_string(id);
    r.audit_detail = address_id;
    r.write = [id, address_id, actor = *req.principal, matcher = community::ServingAddressIndex().Get()](
                  storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Case k, ChoosePlace(c, actor, id, matcher.get(), address_id));
        e.case_no = k.case_no;
        JW_ASSIGN_OR_RETURN(out.body, FullCaseJson(c, actor, k, NowUnix()));
        return Status::Ok();
    };
    return r;
}

Result<Reply> ActionHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(ActionInput in, ParseActionInput(body));
    Reply r;
    r.status = 201;
    r.audit_object = "case:" + std::to_string(id);
    r.audit_detail = in.action;
    r.write = [id, in, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(ActionResult done, TakeAction(c, actor, id, in, now));
        if (done.replay) out.status = 200;
        e.case_no = done.kase.case_no;
        e.detail = Json{{"action", in.action}, {"replay", done.replay}, {"event", done.event.id}}.dump();
        JW_ASSIGN_OR_RETURN(Json case_json, FullCaseJson(c, actor, done.kase, now));
        const Officers officers = LoadOfficers(c, {done.event.actor_id});
        out.body = {{"case", std::move(case_json)}, {"event", EventJson(done.event, officers)}};
        return Status::Ok();
    };
    return r;
}

// The list page exports the cases it read (GET /cases, each page audited) as CSV in the browser; it reports
// the export here first, so that every export is in the audit log (DESIGN § 5) with its size and filters.
// The exported columns are the list's: no personal data of the people in the cases.
Result<Reply> ExportedHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"rows", "format", "filters"});
    const auto rows = in.Int("rows", true, 0, 1000000);
    const std::string format = in.Text("format", false, 10).value_or("csv");
    JW_RETURN_IF_ERROR(in.status());
    if (format != "csv") return Status::Invalid("format", "unknown");
    if (body.contains("filters") && !body["filters"].is_object()) return Status::Invalid("filters", "must_be_object");
    Json filters = body.value("filters", Json::object());
    if (filters.dump().size() > 2000) return Status::Invalid("filters", "too_long");
    Reply r = Reply::NoContent();
    r.audit_object = "cases_export";
    r.audit_detail = Json{{"rows", *rows}, {"format", format}, {"filters", std::move(filters)}}.dump();
    return r;
}

Result<Reply> ListTransitions(Request&) {
    Json items = Json::array();
    for (const auto& t : Lifecycle::Default().transitions()) items.push_back(TransitionJson(t));
    return Reply::Json200({{"items", items}});
}

}  // namespace

Result<Json> FullCaseJson(storage::Connection& c, const auth::Principal& actor, const Case& k, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, k.id));
    JW_ASSIGN_OR_RETURN(auto codes, repo::ListQueryCodes(c, k.id));
    std::vector<deadlines::Clock> clocks;
    std::optional<std::string> clocks_error;
    auto computed = ComputeCaseClocks(k, events, ChinaDate(now));
    if (computed.ok())
        clocks = std::move(computed).value();
    else
        clocks_error = computed.status().message();
    ActionContext ctx;
    ctx.case_type = k.case_type;
    ctx.state = k.state;
    ctx.outcome = k.outcome;
    ctx.actor_roles = actor.roles;
    ctx.actor_sees_unit = actor.SeesUnit(k.unit_id);
    ctx.has_penalty = !k.penalty_json.empty();
    int submitted = 0, approved = 0;
    for (const auto& e : events) {
        if (e.action == "submit_review") submitted = e.seq;
        if (e.action == "review_approved") approved = e.seq;
    }
    ctx.review_approved = submitted > 0 && approved > submitted;
    const auto actions = Lifecycle::Default().Offered(ctx);
    std::set<int64_t> ids(k.assistant_ids.begin(), k.assistant_ids.end());
    for (const auto& e : events) ids.insert(e.actor_id);
    const Officers officers = LoadOfficers(c, ids);
    Json out = CaseJson(CaseView{k, events, clocks, clocks_error, actions, codes, officers});
    out["place"]["standard"] = StandardPlaceJson(k, community::ServingAddressIndex().Get().get());
    return out;
}

void RegisterCaseRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/cases", "case.read", "case.list", [d](Request& r) { return ListCases(d, r); }});
    router.Add(
        {"POST", "/api/v1/cases", "case.create", "case.create", [d](Request& r) { return CreateCaseHandler(d, r); }});
    router.Add({"GET", "/api/v1/cases/:id", "case.read", "case.read", [d](Request& r) { return GetCase(d, r); }});
    router.Add(
        {"PUT", "/api/v1/cases/:id", "case.write", "case.update", [](Request& r) { return EditCaseHandler(r); }});
    router.Add(
        {"POST", "/api/v1/cases/:id/events", "case.act", "case.event", [](Request& r) { return ActionHandler(r); }});
    router.Add({"PUT", "/api/v1/cases/:id/place-link", "case.write", "case.place_link",
                [](Request& r) { return PlaceLinkHandler(r); }});
    router.Add(
        {"POST", "/api/v1/cases/exported", "case.read", "case.export", [](Request& r) { return ExportedHandler(r); }});
    router.Add({"GET", "/api/v1/case-transitions", "case.read", "case.transitions",
                [](Request& r) { return ListTransitions(r); }});
    RegisterCaseRecordRoutes(router, d);
}

}  // namespace jw::cases
