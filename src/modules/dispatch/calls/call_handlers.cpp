// Routes of calls, patrol units, the board and the figures (dispatch_handlers.hpp; docs/api/dispatch.md).
// Callers' numbers are masked everywhere but GET /calls/:id/caller (dispatch.caller, the duty desk, audited).
#include <algorithm>

#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "common/text.hpp"
#include "common/validators.hpp"
#include "dispatch/board/board_view.hpp"
#include "dispatch/calls/call_case.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_handlers.hpp"
#include "dispatch/dispatch_json.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "dispatch/units/patrol_service.hpp"
#include "http/params.hpp"
#include "notify/outbox.hpp"

namespace jw::dispatch {
namespace {

using http::Reply;
using http::Request;

std::optional<std::vector<int64_t>> Scope(const Request& req) {
    if (req.principal->all_units) return std::nullopt;
    return req.principal->unit_scope;
}

std::optional<double> Number(JsonReader& in, const Json& body, const char* name) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
        in.Fail(name, "must_be_number");
        return std::nullopt;
    }
    return it->get<double>();
}

Json CallList(const std::vector<Call>& calls, int64_t now) {
    Json items = Json::array();
    for (const auto& k : calls) items.push_back(CallJson(k, false, now));
    return items;
}

// One change of a call in the caller's scope, then the call as it now stands (masked).
// The outbox is woken so the boards' push (board/board_signal.hpp) leaves at once, not at its next round.
using CallChangeFn = std::function<Status(storage::Connection&, int64_t now)>;
Reply ChangeReply(const Deps& d, const Request& req, int64_t id, std::string detail, CallChangeFn fn) {
    auth::Principal who = *req.principal;
    notify::Outbox* outbox = d.outbox;
    Reply r;
    r.audit_object = "dispatch_call:" + std::to_string(id);
    r.audit_detail = std::move(detail);
    r.write = [who, id, fn, outbox](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_RETURN_IF_ERROR(fn(c, now));
        JW_ASSIGN_OR_RETURN(Call k, repo::GetCall(c, id));
        out.body = CallJson(k, false, now);
        if (outbox) outbox->Wake();
        return Status::Ok();
    };
    return r;
}

Result<Reply> OptionsHandler(const Deps& d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    Json cats = Json::array();
    for (const auto& cat : Categories()) cats.push_back(CategoryJson(cat));
    JW_ASSIGN_OR_RETURN(auto depts, repo::ListDepartments(**c));
    Json dj = Json::array();
    for (const auto& dept : depts) dj.push_back(DepartmentJson(dept));
    JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnitsInDisplayOrder(**c));
    Json uj = Json::array();
    for (const auto& u : units)
        if (req.principal->all_units || req.principal->SeesUnit(u.id))
            uj.push_back({{"id", u.id}, {"name", u.name}, {"kind", u.kind}});
    return Reply::Json200({{"categories", cats}, {"departments", dj}, {"units", uj}});
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    CallFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    for (const auto& s : SplitNonEmpty(req.Query("state"), ',')) {
        static const std::vector<std::string> kStates = {"received", "dispatched", "accepted", "arrived",
                                                         "finished", "diverted",   "closed",   "review"};
        if (std::find(kStates.begin(), kStates.end(), s) == kStates.end())
            return Status::Invalid("state", "invalid_enum");
        f.states.push_back(s);
    }
    f.category = req.Query("category");
    f.call_no = req.Query("call_no");
    if (f.call_no.size() > 32) return Status::Invalid("call_no", "too_long");
    JW_ASSIGN_OR_RETURN(f.unit_id, http::QueryId(req, "unit_id"));
    JW_ASSIGN_OR_RETURN(f.from, http::QueryInstant(req, "from"));
    JW_ASSIGN_OR_RETURN(f.to, http::QueryInstant(req, "to"));
    f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, repo::ListCalls(**c, f));
    Reply r = Reply::Json200({{"items", CallList(page.first, NowUnix())}, {"total", page.second}});
    r.audit_object = "dispatch_calls";
    return r;
}

Result<CallInput> ParseCall(const Json& body) {
    JsonReader in(body, {"caller_phone", "caller_name", "summary", "place_text", "category", "priority", "unit_id",
                         "address_id", "latitude", "longitude", "received_at"});
    CallInput k;
    k.caller_phone = in.Text("caller_phone", true, 20).value_or("");
    k.caller_name = in.Text("caller_name", false, 30).value_or("");
    k.summary = in.Text("summary", true, 500).value_or("");
    k.place_text = in.Text("place_text", true, 200).value_or("");
    k.category = in.Text("category", true, 10).value_or("");
    k.priority = static_cast<int>(in.Int("priority", false, 0, 4).value_or(0));
    k.unit_id = in.Int("unit_id", false, 1, INT64_MAX).value_or(0);
    k.address_id = in.Int("address_id", false, 1, INT64_MAX);
    k.latitude = Number(in, body, "latitude");
    k.longitude = Number(in, body, "longitude");
    k.received_at = in.Int("received_at", false, 0, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    return k;
}

Result<Reply> IntakeHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(CallInput in, ParseCall(body));
    JW_RETURN_IF_ERROR(ValidateCall(in, NowUnix()));
    auth::Principal who = *req.principal;
    auto matcher = d.places ? d.places->Get() : nullptr;
    Reply r;
    r.status = 201;
    r.audit_detail = in.category + " " + MaskPhone(in.caller_phone);
    notify::Outbox* outbox = d.outbox;
    r.write = [who, in, matcher, outbox](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(int64_t id, TakeCall(c, who, in, matcher.get(), now));
        if (outbox) outbox->Wake();
        e.object = "dispatch_call:" + std::to_string(id);
        JW_ASSIGN_OR_RETURN(Call k, repo::GetCall(c, id));
        JW_ASSIGN_OR_RETURN(auto related,
                            RelatedCalls(c, k.caller_phone, k.address_id, k.place_text, k.received_at + 1, k.id));
        out.body = CallJson(k, false, now);
        out.body["related"] = CallList(related, now);
        return Status::Ok();
    };
    return r;
}

// Before saving: the earlier calls from this number or place, shown at once while the desk types.
Result<Reply> RelatedHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"caller_phone", "place_text", "address_id"});
    const std::string phone = in.Text("caller_phone", false, 20).value_or("");
    const std::string place = in.Text("place_text", false, 200).value_or("");
    auto address_id = in.Int("address_id", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    if (phone.empty() && place.empty()) return Status::Invalid("caller_phone", "required");
    if (!address_id && !place.empty() && d.places) {
        if (auto m = d.places->Get()) {
            auto res = m->Match(place);
            if (res.matched) address_id = m->addresses()[res.best.index].id;
        }
    }
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(auto related, RelatedCalls(**c, phone, address_id, place, now + 1, 0));
    Reply r =
        Reply::Json200({{"items", CallList(related, now)}, {"address_id", address_id ? Json(*address_id) : Json()}});
    r.audit_object = "dispatch_related";
    r.audit_detail = MaskPhone(phone);
    return r;
}

Result<Reply> DetailHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(**c, *req.principal, id));
    const int64_t now = NowUnix();
    Json j = CallJson(k, false, now);
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(**c, id));
    j["events"] = Json::array();
    for (const auto& e : events) j["events"].push_back(EventJson(e));
    repo::WorkOrderFilter wf;
    wf.call_id = id;
    JW_ASSIGN_OR_RETURN(auto orders, repo::ListWorkOrders(**c, wf));
    j["work_orders"] = Json::array();
    for (const auto& w : orders.first) j["work_orders"].push_back(WorkOrderJson(w));
    JW_ASSIGN_OR_RETURN(auto cb, repo::CallbackOfCall(**c, id));
    j["callback"] = cb ? CallbackJson(*cb) : Json(nullptr);
    JW_ASSIGN_OR_RETURN(auto related, RelatedCalls(**c, k.caller_phone, k.address_id, k.place_text, k.received_at, id));
    j["related"] = CallList(related, now);
    Reply r = Reply::Json200(std::move(j));
    r.audit_object = "dispatch_call:" + std::to_string(id);
    return r;
}

// The caller's number and name in full: the duty desk only (dispatch.caller), audited.
Result<Reply> CallerHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(**c, *req.principal, id));
    Reply r = Reply::Json200({{"id", k.id}, {"caller_phone", k.caller_phone}, {"caller_name", k.caller_name}});
    r.audit_object = "dispatch_call:" + std::to_string(id);
    r.audit_detail = MaskPhone(k.caller_phone);
    r.headers.push_back({"Cache-Control", "no-store"});
    return r;
}

Result<Reply> DispatchHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"patrol_id", "unit_id", "version"});
    auto patrol = in.Int("patrol_id", false, 1, INT64_MAX);
    auto unit = in.Int("unit_id", false, 1, INT64_MAX);
    auto version = in.Int("version", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    if (!patrol && !unit) return Status::Invalid("patrol_id", "required");
    auth::Principal who = *req.principal;
    return ChangeReply(d, req, id, "dispatch", [who, id, patrol, unit, version](storage::Connection& c, int64_t now) {
        return DispatchCall(c, who, id, patrol, unit, version, now);
    });
}

Result<Reply> RespondHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"action", "note", "version"});
    const std::string action = in.Text("action", true, 20).value_or("");
    const std::string note = in.Text("note", false, 500).value_or("");
    auto version = in.Int("version", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    auth::Principal who = *req.principal;
    return ChangeReply(d, req, id, action, [who, id, action, note, version](storage::Connection& c, int64_t now) {
        return RespondCall(c, who, id, action, note, version, now);
    });
}

Result<Reply> CaseHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"case_type", "cause", "lead_officer_id"});
    CaseFromCallInput cin;
    cin.case_type = in.Text("case_type", false, 20).value_or("");
    cin.cause = in.Text("cause", false, 100).value_or("");
    cin.lead_officer_id = in.Int("lead_officer_id", false, 1, INT64_MAX).value_or(0);
    JW_RETURN_IF_ERROR(in.status());
    auth::Principal who = *req.principal;
    const std::string region = d.region;
    Reply r;
    r.status = 201;
    r.audit_object = "dispatch_call:" + std::to_string(id);
    notify::Outbox* outbox = d.outbox;
    r.write = [who, id, cin, region, outbox](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(int64_t case_id, CaseFromCall(c, who, id, cin, region, now));
        if (outbox) outbox->Wake();
        e.detail = "case:" + std::to_string(case_id);
        JW_ASSIGN_OR_RETURN(Call k, repo::GetCall(c, id));
        out.body = CallJson(k, false, now);
        return Status::Ok();
    };
    return r;
}

// The live board (board/board_view.hpp): open calls newest first, lean, with the patrol units.
Result<Reply> BoardHandler(const Deps& d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Json board, BoardJson(**c, Scope(req), NowUnix()));
    return Reply::Json200(std::move(board));
}

Result<Reply> PatrolsHandler(const Deps& d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto patrols, repo::ListPatrols(**c, Scope(req)));
    Json pj = Json::array();
    for (const auto& p : patrols) pj.push_back(PatrolJson(p));
    return Reply::Json200({{"items", pj}});
}

Result<Reply> PatrolStatusHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"status", "latitude", "longitude"});
    const std::string status = in.Text("status", true, 20).value_or("");
    auto lat = Number(in, body, "latitude");
    auto lon = Number(in, body, "longitude");
    JW_RETURN_IF_ERROR(in.status());
    if (lat.has_value() != lon.has_value()) return Status::Invalid(lat ? "longitude" : "latitude", "required");
    std::optional<Position> where;
    if (lat) where = Position{*lat, *lon};
    auth::Principal who = *req.principal;
    notify::Outbox* outbox = d.outbox;
    Reply r;
    r.audit_object = "dispatch_patrol:" + std::to_string(id);
    r.audit_detail = status;
    r.write = [who, id, status, where, outbox](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_RETURN_IF_ERROR(SetPatrolStatus(c, who, id, status, where, NowUnix()));
        JW_ASSIGN_OR_RETURN(Patrol p, repo::GetPatrol(c, id));
        out.body = PatrolJson(p);
        if (outbox) outbox->Wake();
        return Status::Ok();
    };
    return r;
}

// The phone's "my unit": the patrol the officer leads and the call it is on (masked), or null.
Result<Reply> MyPatrolHandler(const Deps& d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Patrol p, MyPatrol(**c, *req.principal));
    Json call = nullptr;
    if (p.call_id) {
        auto k = CallInScope(**c, *req.principal, *p.call_id);
        if (k.ok()) call = CallJson(*k, false, NowUnix());
    }
    Reply r = Reply::Json200({{"patrol", PatrolJson(p)}, {"call", call}});
    r.audit_object = "dispatch_patrol:" + std::to_string(p.id);
    return r;
}

// Satisfaction and the share diverted per unit and China month, from the records.
Result<Reply> FiguresHandler(const Deps& d, Request& req) {
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(auto from, http::QueryInstant(req, "from"));
    JW_ASSIGN_OR_RETURN(auto to, http::QueryInstant(req, "to"));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows,
                        repo::Figures(**c, from.value_or(now - 92 * 86400), to.value_or(now + 1), Scope(req)));
    Json items = Json::array();
    int64_t calls = 0, diverted = 0, callbacks = 0, satisfied = 0, basic = 0;
    for (const auto& m : rows) {
        calls += m.calls;
        diverted += m.diverted;
        callbacks += m.callbacks;
        satisfied += m.satisfied;
        basic += m.basic;
        items.push_back({{"unit_id", m.unit_id},
                         {"unit_name", m.unit_name},
                         {"month", m.month},
                         {"calls", m.calls},
                         {"diverted", m.diverted},
                         {"callbacks", m.callbacks},
                         {"satisfied", m.satisfied},
                         {"basic", m.basic},
                         {"unsatisfied", m.unsatisfied}});
    }
    // Satisfaction counts satisfied and basically satisfied among recorded callbacks (the usual 满意率).
    auto share = [](int64_t part, int64_t whole) { return whole ? double(part) / double(whole) : 0.0; };
    return Reply::Json200({{"items", items},
                           {"total",
                            {{"calls", calls},
                             {"diverted", diverted},
                             {"callbacks", callbacks},
                             {"satisfied", satisfied},
                             {"basic", basic},
                             {"diverted_share", share(diverted, calls)},
                             {"satisfaction", share(satisfied + basic, callbacks)}}}});
}

}  // namespace

void RegisterCallRoutes(http::Router& router, const Deps& deps) {
    auto bind = [deps](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [deps, fn](Request& req) { return fn(deps, req); };
    };
    const std::string base = "/api/v1/dispatch";
    router.Add({"GET", base + "/options", "dispatch.read", "dispatch.options", bind(OptionsHandler)});
    router.Add({"GET", base + "/calls", "dispatch.read", "dispatch.list", bind(ListHandler)});
    router.Add({"POST", base + "/calls", "dispatch.intake", "dispatch.intake", bind(IntakeHandler)});
    router.Add({"POST", base + "/related", "dispatch.intake", "dispatch.related", bind(RelatedHandler)});
    router.Add({"GET", base + "/calls/:id", "dispatch.read", "dispatch.read", bind(DetailHandler)});
    router.Add({"GET", base + "/calls/:id/caller", "dispatch.caller", "dispatch.caller", bind(CallerHandler)});
    router.Add({"POST", base + "/calls/:id/dispatch", "dispatch.assign", "dispatch.dispatch", bind(DispatchHandler)});
    router.Add({"POST", base + "/calls/:id/respond", "dispatch.respond", "dispatch.respond", bind(RespondHandler)});
    router.Add({"POST", base + "/calls/:id/case", "dispatch.case", "dispatch.case", bind(CaseHandler)});
    router.Add({"GET", base + "/board", "dispatch.read", "dispatch.board", bind(BoardHandler)});
    router.Add({"GET", base + "/patrols", "dispatch.read", "dispatch.patrols", bind(PatrolsHandler)});
    router.Add({"GET", base + "/my-patrol", "dispatch.respond", "dispatch.my_patrol", bind(MyPatrolHandler)});
    router.Add({"POST", base + "/patrols/:id/status", "dispatch.respond", "dispatch.patrol_status",
                bind(PatrolStatusHandler)});
    router.Add({"GET", base + "/figures", "dispatch.figures", "dispatch.figures", bind(FiguresHandler)});
}

}  // namespace jw::dispatch
