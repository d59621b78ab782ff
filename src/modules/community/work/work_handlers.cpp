// Visits, patrols, mediations, the dispute catalogue and export reports (work_handlers.hpp).
#include "community/work/work_handlers.hpp"

#include "common/civil_time.hpp"
#include "community/work/dispute_types.hpp"
#include "community/work/work_json.hpp"
#include "community/work/work_service.hpp"
#include "http/params.hpp"
#include "idempotency/idempotency.hpp"

namespace jw::community {

void AuditReplay(audit::AuditEntry& e, bool replay, http::Reply& out) {
    if (!replay) return;
    e.action += ".replay";
    e.detail = R"({"replay":true})";
    out.status = 200;
}

namespace {

using http::Reply;
using http::Request;

Result<WorkFilter> CommonFilter(const Request& req, const char* time_name) {
    WorkFilter f;
    JW_ASSIGN_OR_RETURN(auto page, http::QueryPage(req));
    f.page = page.page;
    f.page_size = page.page_size;
    f.unit_scope = WorkScope(*req.principal);
    f.grid_id = req.Query("grid_id");
    f.address_code = req.Query("address_id");
    JW_ASSIGN_OR_RETURN(f.officer_id, http::QueryId(req, "officer_id"));
    JW_ASSIGN_OR_RETURN(f.from, http::QueryInstant(req, "from"));
    JW_ASSIGN_OR_RETURN(f.to, http::QueryInstant(req, "to"));
    (void)time_name;
    return f;
}

template <typename T, typename F>
Json Items(const std::vector<T>& rows, F&& to_json) {
    Json items = Json::array();
    for (const auto& r : rows) items.push_back(to_json(r));
    return items;
}

Result<PeopleNameMap> NamesOf(storage::Connection& c, const std::vector<Visit>& visits) {
    std::vector<int64_t> ids;
    for (const auto& v : visits) ids.insert(ids.end(), v.person_ids.begin(), v.person_ids.end());
    return PeopleNames(c, ids);
}

Result<PeopleNameMap> NamesOf(storage::Connection& c, const std::vector<Mediation>& list) {
    std::vector<int64_t> ids;
    for (const auto& m : list)
        for (const auto& p : m.parties)
            if (p.person_id) ids.push_back(*p.person_id);
    return PeopleNames(c, ids);
}

// --- visits ---

Result<Reply> ListVisitsHandler(WorkDeps d, Request& req) {
    JW_ASSIGN_OR_RETURN(WorkFilter f, CommonFilter(req, "visited_at"));
    JW_ASSIGN_OR_RETURN(f.follow_up_only, http::QueryBool(req, "follow_up", false));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListVisits(**c, f));
    JW_ASSIGN_OR_RETURN(auto names, NamesOf(**c, page.first));
    Reply r = Reply::Json200(
        {{"items", Items(page.first, [&](const Visit& v) { return VisitJson(v, names); })}, {"total", page.second}});
    r.audit_object = "visits";
    r.audit_detail = std::to_string(page.first.size()) + " of " + std::to_string(page.second);
    return r;
}

Result<Reply> GetVisitHandler(WorkDeps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Visit v, ReadVisit(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto names, NamesOf(**c, {v}));
    Reply r = Reply::Json200(VisitJson(v, names));
    r.audit_object = "visit:" + std::to_string(id);
    return r;
}

Result<Reply> CreateVisitHandler(WorkDeps, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"person_ids", "address_id", "house_id", "org_id", "grid_id", "visited_at", "place", "kind",
                         "findings", "follow_up", "follow_up_note", "client_key"});
    Visit v;
    v.person_ids = ReadIds(body, in, "person_ids", 20);
    v.address_code = in.Text("address_id", false, 64).value_or("");
    if (auto h = in.Int("house_id", false, 1, INT64_MAX)) v.house_id = *h;
    if (auto o = in.Int("org_id", false, 1, INT64_MAX)) v.org_id = *o;
    v.grid_id = in.Text("grid_id", false, 40).value_or("");
    v.visited_at = ReadInstant(in, "visited_at", false).value_or(NowUnix());
    v.place = in.Text("place", false, 200).value_or("");
    v.kind = in.Text("kind", false, 40).value_or("");
    v.findings = in.Text("findings", true, 2000).value_or("");
    v.follow_up = in.Bool("follow_up", false).value_or(false);
    v.follow_up_note = in.Text("follow_up_note", false, 500).value_or("");
    v.client_key = in.Text("client_key", false, 64).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    Reply r;
    r.status = 201;
    r.write = [actor, v](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto saved, CreateVisit(c, actor, v, NowUnix()));
        JW_ASSIGN_OR_RETURN(auto names, NamesOf(c, {saved.record}));
        e.object = "visit:" + std::to_string(saved.record.id);
        out.body = VisitJson(saved.record, names);
        AuditReplay(e, saved.replay, out);
        return Status::Ok();
    };
    return r;
}

// --- patrols ---

Result<Reply> ListPatrolsHandler(WorkDeps d, Request& req) {
    JW_ASSIGN_OR_RETURN(WorkFilter f, CommonFilter(req, "started_at"));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListPatrols(**c, f));
    Reply r = Reply::Json200({{"items", Items(page.first, PatrolJson)}, {"total", page.second}});
    r.audit_object = "patrols";
    return r;
}

Result<Reply> CreatePatrolHandler(WorkDeps, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"grid_id", "started_at", "ended_at", "route", "notes", "findings", "client_key"});
    Patrol p;
    p.grid_id = in.Text("grid_id", false, 40).value_or("");
    p.started_at = ReadInstant(in, "started_at", true).value_or(0);
    p.ended_at = ReadInstant(in, "ended_at", true).value_or(0);
    p.route = in.Text("route", false, 500).value_or("");
    p.notes = in.Text("notes", false, 2000).value_or("");
    p.findings = in.Text("findings", false, 2000).value_or("");
    p.client_key = in.Text("client_key", false, 64).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    Reply r;
    r.status = 201;
    r.write = [actor, p](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto saved, CreatePatrol(c, actor, p, NowUnix()));
        e.object = "patrol:" + std::to_string(saved.record.id);
        out.body = PatrolJson(saved.record);
        AuditReplay(e, saved.replay, out);
        return Status::Ok();
    };
    return r;
}

// --- mediations ---

Result<Reply> ListMediationsHandler(WorkDeps d, Request& req) {
    JW_ASSIGN_OR_RETURN(WorkFilter f, CommonFilter(req, "occurred_at"));
    JW_ASSIGN_OR_RETURN(f.status, http::QueryEnum(req, "status", {"open", "mediating", "closed"}));
    std::vector<std::string> types;
    for (const auto& t : DisputeTypes::Default().all()) types.push_back(t.code);
    JW_ASSIGN_OR_RETURN(f.dispute_type, http::QueryEnum(req, "dispute_type", types));
    JW_ASSIGN_OR_RETURN(f.repeats_only, http::QueryBool(req, "repeat", false));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListMediations(**c, f));
    JW_ASSIGN_OR_RETURN(auto names, NamesOf(**c, page.first));
    Reply r = Reply::Json200(
        {{"items", Items(page.first, [&](const Mediation& m) { return MediationJson(m, names, false); })},
         {"total", page.second}});
    r.audit_object = "mediations";
    return r;
}

Result<Reply> GetMediationHandler(WorkDeps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Mediation m, ReadMediation(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto names, NamesOf(**c, {m}));
    Reply r = Reply::Json200(MediationJson(m, names, true));
    r.audit_object = "mediation:" + std::to_string(id);
    return r;
}

Result<Reply> CreateMediationHandler(WorkDeps, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"dispute_type", "parties", "address_id", "grid_id", "occurred_at", "summary", "client_key"});
    Mediation m;
    m.dispute_type = in.Text("dispute_type", true, 40).value_or("");
    m.address_code = in.Text("address_id", false, 64).value_or("");
    m.grid_id = in.Text("grid_id", false, 40).value_or("");
    m.occurred_at = ReadInstant(in, "occurred_at", false).value_or(NowUnix());
    m.summary = in.Text("summary", false, 2000).value_or("");
    m.client_key = in.Text("client_key", false, 64).value_or("");
    if (!body.contains("parties") || !body["parties"].is_array()) {
        in.Fail("parties", "required");
    } else {
        for (size_t i = 0; i < body["parties"].size(); ++i) {
            const Json& pj = body["parties"][i];
            const std::string field = "parties[" + std::to_string(i) + "]";
            if (!pj.is_object()) {
                in.Fail(field, "not_an_object");
                continue;
            }
            JsonReader pr(pj, {"person_id", "name"});
            Party p;
            if (auto id = pr.Int("person_id", false, 1, INT64_MAX)) p.person_id = *id;
            p.name = pr.Text("name", false, 50).value_or("");
            if (!pr.status().ok()) in.Fail(field, "invalid");
            m.parties.push_back(std::move(p));
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    Reply r;
    r.status = 201;
    r.write = [actor, m](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto saved, CreateMediation(c, actor, m, NowUnix()));
        JW_ASSIGN_OR_RETURN(auto names, NamesOf(c, {saved.record}));
        e.object = "mediation:" + std::to_string(saved.record.id);
        out.body = MediationJson(saved.record, names, true);
        AuditReplay(e, saved.replay, out);
        return Status::Ok();
    };
    return r;
}

// PATCH: status changes. Audited as community.mediation.update, or community.mediation.close when it closed it.
Result<Reply> ChangeMediationHandler(WorkDeps, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"status", "outcome", "agreement", "transferred_to", "version", "client_key"});
    MediationChange ch;
    ch.status = in.Text("status", true, 20).value_or("");
    ch.outcome = in.Text("outcome", false, 20).value_or("");
    ch.agreement = in.Text("agreement", false, 4000).value_or("");
    ch.transferred_to = in.Text("transferred_to", false, 100).value_or("");
    if (auto v = in.Int("version", false, 1, INT32_MAX)) ch.expected_version = static_cast<int>(*v);
    (void)in.Text("client_key", false, 64);  // accepted for the phone's queue; the change itself is idempotent
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    Reply r;
    r.audit_object = "mediation:" + std::to_string(id);
    r.write = [actor, id, ch](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto saved, ChangeMediation(c, actor, id, ch, NowUnix()));
        JW_ASSIGN_OR_RETURN(auto names, NamesOf(c, {saved.record}));
        if (ch.status == "closed") e.action = "community.mediation.close";
        out.body = MediationJson(saved.record, names, true);
        AuditReplay(e, saved.replay, out);
        return Status::Ok();
    };
    return r;
}

Result<Reply> DisputeTypesHandler(Request&) {
    Json items = Json::array();
    for (const auto& t : DisputeTypes::Default().all())
        items.push_back({{"code", t.code}, {"name_zh", t.name_zh}, {"name_en", t.name_en}, {"basis", t.basis}});
    return Reply::Json200({{"items", items}});
}

// The list pages export what they read (each page audited) as CSV in the browser, and report it here first so
// every export is in the audit log with its size and filters (DESIGN § 5).
Result<Reply> ExportedHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"kind", "rows", "filters"});
    const auto kind = in.Text("kind", true, 20);
    const auto rows = in.Int("rows", true, 0, 1000000);
    JW_RETURN_IF_ERROR(in.status());
    if (*kind != "visits" && *kind != "patrols" && *kind != "mediations" && *kind != "tasks")
        return Status::Invalid("kind", "invalid_enum");
    if (body.contains("filters") && !body["filters"].is_object()) return Status::Invalid("filters", "must_be_object");
    Json filters = body.value("filters", Json::object());
    if (filters.dump().size() > 2000) return Status::Invalid("filters", "too_long");
    Reply r = Reply::NoContent();
    r.audit_object = *kind + "_export";
    r.audit_detail = Json{{"rows", *rows}, {"filters", std::move(filters)}}.dump();
    return r;
}

}  // namespace

void RegisterWorkRoutes(http::Router& router, WorkDeps d) {
    const std::string base = "/api/v1/community/";
    auto h = [d](Result<Reply> (*fn)(WorkDeps, Request&)) { return [d, fn](Request& r) { return fn(d, r); }; };
    router.Add({"GET", base + "visits", "community.work.read", "community.visit.list", h(ListVisitsHandler)});
    router.Add({"POST", base + "visits", "community.work.write", "community.visit.create",
                idempotency::Once(d.db, d.master, h(CreateVisitHandler))});
    router.Add({"GET", base + "visits/:id", "community.work.read", "community.visit.read", h(GetVisitHandler)});
    router.Add({"GET", base + "patrols", "community.work.read", "community.patrol.list", h(ListPatrolsHandler)});
    router.Add({"POST", base + "patrols", "community.work.write", "community.patrol.create", h(CreatePatrolHandler)});
    router.Add(
        {"GET", base + "mediations", "community.work.read", "community.mediation.list", h(ListMediationsHandler)});
    router.Add(
        {"POST", base + "mediations", "community.work.write", "community.mediation.create", h(CreateMediationHandler)});
    router.Add(
        {"GET", base + "mediations/:id", "community.work.read", "community.mediation.read", h(GetMediationHandler)});
    router.Add({"PATCH", base + "mediations/:id", "community.work.write", "community.mediation.update",
                h(ChangeMediationHandler)});
    router.Add({"GET", base + "dispute-types", "community.work.read", "community.dispute_types", DisputeTypesHandler});
    router.Add({"POST", base + "work/exported", "community.work.read", "community.work.export", ExportedHandler});
}

}  // namespace jw::community
