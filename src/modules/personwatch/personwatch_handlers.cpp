// Thin HTTP adapter of the person watch list: parse → service → JSON. Routes in docs/api/personwatch.md.
// Lists and details are masked; the full record (ID number, name, birth date, photo) only with a stated purpose and
// case number (Route.needs_purpose); every read and change audited by the dispatcher, changes in the same
// transaction (Reply.write).
#include "personwatch/personwatch_handlers.hpp"

#include <memory>

#include "alerts/alert.hpp"
#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "common/rate_limiter.hpp"
#include "common/validators.hpp"
#include "community/people/person_identity.hpp"
#include "http/error_table.hpp"
#include "http/params.hpp"
#include "personwatch/catalogue.hpp"
#include "personwatch/check/identity_check.hpp"
#include "personwatch/check/offline_list.hpp"
#include "personwatch/personwatch_json.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "personwatch/personwatch_repository.hpp"
#include "personwatch/personwatch_service.hpp"
#include "watchlist/form_fields.hpp"

namespace jw::personwatch {
namespace {

using http::Reply;
using http::Request;

std::optional<std::vector<int64_t>> Scope(const Request& req) {
    if (req.principal->all_units) return std::nullopt;
    return req.principal->unit_scope;
}

Actor ActorOf(const Request& req) { return Actor{req.principal->user_id, req.principal->unit_id}; }

using EntryChange = std::function<Status(storage::Connection&, int64_t now)>;

// A change of one entry in the caller's scope, then the entry as it now stands (masked).
Result<Reply> ChangeReply(const Request& req, int64_t id, std::string detail, EntryChange fn) {
    auto scope = Scope(req);
    Reply r;
    r.audit_object = "personwatch_entry:" + std::to_string(id);
    r.audit_detail = std::move(detail);
    r.write = [id, scope, fn](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_RETURN_IF_ERROR(GetEntry(c, id, scope).status());
        JW_RETURN_IF_ERROR(fn(c, now));
        JW_ASSIGN_OR_RETURN(Entry e, GetEntry(c, id));
        out.body = EntryJson(e, false);
        return Status::Ok();
    };
    return r;
}

using watchlist::ReasonBody;

Result<ReasonBody> ParseReason(const Request& req, bool reason_required) {
    return watchlist::ParseReasonBody(req.body, reason_required);
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    EntryFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.status,
                        http::QueryEnum(req, "status", {"pending", "active", "rejected", "withdrawn", "expired"}));
    std::vector<std::string> kinds;
    for (const auto& k : Kinds()) kinds.push_back(k.code);
    JW_ASSIGN_OR_RETURN(f.kind, http::QueryEnum(req, "kind", kinds));
    f.case_no = req.Query("case_no");
    JW_ASSIGN_OR_RETURN(f.unit_id, http::QueryId(req, "unit_id"));
    f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListEntries(**c, f));
    Json items = Json::array();
    for (const auto& e : page.first) items.push_back(EntryJson(e, false));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "personwatch_entries";
    return r;
}

// Search by document with a stated purpose and case number: the full records naming that person.
Result<Reply> SearchHandler(const Deps& d, Request& req) {
    if (req.Query("id_number").empty()) return Status::Invalid("id_number", "required");
    JW_ASSIGN_OR_RETURN(const community::Identity id,
                        community::NormaliseIdentity(req.Query("id_kind", "resident_id"), req.Query("id_number"),
                                                     req.Query("nationality")));
    EntryFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    f.id_index = IdIndex(id.id_kind, id.nationality, id.number);
    f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListEntries(**c, f));
    Json items = Json::array();
    for (const auto& e : page.first) items.push_back(EntryJson(e, true));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "personwatch_search";
    r.audit_detail = MaskIdNumber(id.number);
    return r;
}

Result<Reply> DetailHandler(const Deps& d, Request& req, bool full) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Entry e, GetEntry(**c, id, Scope(req)));
    Json j = EntryJson(e, full);
    if (!full) {
        JW_ASSIGN_OR_RETURN(auto events, ListEvents(**c, id));
        j["events"] = Json::array();
        for (const auto& ev : events) j["events"].push_back(EventJson(ev));
        HitFilter hf;
        hf.entry_id = id;
        hf.page_size = 50;
        JW_ASSIGN_OR_RETURN(auto hits, ListHits(**c, hf));
        j["hits"] = Json::array();
        for (const auto& h : hits.first) j["hits"].push_back(HitJson(h));
        j["hits_total"] = hits.second;
    }
    Reply r = Reply::Json200(std::move(j));
    r.audit_object = "personwatch_entry:" + std::to_string(id);
    return r;
}

Result<Reply> CreateHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(EntryInput in, ParseEntryInput(body));
    JW_RETURN_IF_ERROR(ValidateEntry(alerts::Policy::Default(), in, NowUnix()));  // a clear 400 before queueing
    const Actor actor = ActorOf(req);
    Reply r;
    r.status = 201;
    r.audit_detail = in.kind + " " + MaskIdNumber(in.id_number) + " " + in.case_no;
    r.write = [in, actor](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(const int64_t id, ApplyEntry(c, alerts::Policy::Default(), in, actor, NowUnix()));
        e.object = "personwatch_entry:" + std::to_string(id);
        JW_ASSIGN_OR_RETURN(Entry entry, GetEntry(c, id));
        out.body = EntryJson(entry, false);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ApproveHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(ReasonBody b, ParseReason(req, false));
    const Actor actor = ActorOf(req);
    return ChangeReply(req, id, b.reason, [id, actor, b](storage::Connection& c, int64_t now) {
        return ApproveEntry(c, id, actor, b.version, now, b.reason);
    });
}

Result<Reply> RejectHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(ReasonBody b, ParseReason(req, true));
    const Actor actor = ActorOf(req);
    return ChangeReply(req, id, b.reason, [id, actor, b](storage::Connection& c, int64_t now) {
        return RejectEntry(c, id, actor, b.reason, b.version, now);
    });
}

Result<Reply> WithdrawHandler(const Deps&, Request& req) {
    if (!req.principal->Can("personwatch.apply") && !req.principal->Can("personwatch.approve"))
        return Status::Denied("personwatch.apply");
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(ReasonBody b, ParseReason(req, true));
    const Actor actor = ActorOf(req);
    return ChangeReply(req, id, b.reason, [id, actor, b](storage::Connection& c, int64_t now) {
        return WithdrawEntry(c, id, actor, b.reason, b.version, now);
    });
}

Result<Reply> HitsHandler(const Deps& d, Request& req) {
    HitFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.entry_id, http::QueryId(req, "entry_id"));
    f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListHits(**c, f));
    Json items = Json::array();
    for (const auto& h : page.first) items.push_back(HitJson(h));
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

// The form's choices: kinds, the units to notify, the colour of each priority, the check sources.
Result<Reply> OptionsHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto choices, auth::repo::ListUnitsInDisplayOrder(**c));
    Json units = Json::array();
    for (const auto& u : choices)
        units.push_back({{"id", u.id},
                         {"name", u.name},
                         {"kind", u.kind},
                         {"parent_id", u.parent_id ? Json(*u.parent_id) : Json(nullptr)}});
    Json kinds = Json::array();
    for (const auto& k : Kinds())
        kinds.push_back({{"code", k.code},
                         {"name_zh", k.name_zh},
                         {"name_en", k.name_en},
                         {"priority", k.priority},
                         {"offline", k.offline},
                         {"basis", k.basis}});
    Json priorities = Json::array();
    for (int p = 1; p <= 4; ++p) {
        const auto& rule = alerts::Policy::Default().ForPriority(p);
        priorities.push_back(
            {{"priority", p}, {"colour", rule.colour}, {"name_zh", rule.name_zh}, {"name_en", rule.name_en}});
    }
    return Reply::Json200({{"kinds", kinds}, {"units", units}, {"priorities", priorities}});
}

std::optional<double> DoubleField(JsonReader& in, const Json& body, const char* name) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
        in.Fail(name, "must_be_number");
        return std::nullopt;
    }
    return it->get<double>();
}

// The phone's person check (盘查): the officer's own check, audited as person.check with the stated purpose; the
// officer's unit is alerted besides the entry's units unless another station is named. Rate-limited per user.
Result<Reply> CheckHandler(const Deps&, RateLimiter& limiter, Request& req) {
    if (!limiter.Allow(std::to_string(req.principal->user_id), NowUnix())) {
        Reply r;
        r.status = 429;
        r.body = http::ErrorBody("rate_limited", "too many person checks; try again shortly", req.request_id,
                                 http::RequestLang(req.headers));
        r.headers.push_back({"Retry-After", std::to_string(limiter.window())});
        return r;
    }
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"id_kind", "id_number", "nationality", "name", "birth_date", "purpose", "source", "event_ref",
                         "latitude", "longitude", "station_unit_id", "place"});
    CheckSubject who;
    who.id_kind = in.Text("id_kind", false, 20).value_or("resident_id");
    who.id_number = in.Text("id_number", false, 30).value_or("");
    who.nationality = in.Text("nationality", false, 3).value_or("");
    who.name = in.Text("name", false, 50).value_or("");
    who.birth_date = in.Text("birth_date", false, 10).value_or("");
    const std::string purpose = in.Text("purpose", true, 100).value_or("");
    CheckContext ctx;
    ctx.source = in.Text("source", false, 20).value_or("mobile_check");
    ctx.event_ref = in.Text("event_ref", false, 100).value_or("");
    ctx.latitude = DoubleField(in, body, "latitude");
    ctx.longitude = DoubleField(in, body, "longitude");
    ctx.station_unit_id = in.Int("station_unit_id", false, 1, INT64_MAX);
    ctx.place = in.Text("place", false, 100).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    // This route answers an officer: only sources whose users may see a hit (a clerk's source is called in-process).
    const CheckSource* source = FindCheckSource(ctx.source);
    if (!source || !source->reveal) return Status::Invalid("source", "invalid_enum");
    if (!ctx.station_unit_id) ctx.station_unit_id = req.principal->unit_id;
    auth::Principal caller = *req.principal;
    Reply r;
    r.audit_object = "person_check";
    r.write = [caller, who, ctx, purpose](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        e.purpose = purpose;
        JW_ASSIGN_OR_RETURN(CheckAnswer a, CheckIdentity(c, caller, who, ctx, NowUnix()));
        std::string hits;
        for (const auto& h : a.hits) hits += (hits.empty() ? "" : ",") + std::to_string(h.entry_id);
        e.detail = Json{
            {"source", ctx.source},
            {"subject", who.id_number.empty() ? MaskName(who.name) : MaskIdNumber(who.id_number)},
            {"hit", a.hit},
            {"entries",
             hits}}.dump();
        out.body = CheckAnswerJson(a);
        return Status::Ok();
    };
    return r;
}

Result<Reply> OfflineListHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(OfflineList l, BuildOfflineList(**c, NowUnix()));
    Reply r = Reply::Json200(OfflineListJson(l));
    r.audit_object = "personwatch_offline_list";
    r.audit_detail = l.version + " " + std::to_string(l.hashes.size());
    r.headers.push_back({"Cache-Control", "no-store"});
    return r;
}

}  // namespace

void RegisterRoutes(http::Router& router, const Deps& deps) {
    auto bind = [deps](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [deps, fn](Request& req) { return fn(deps, req); };
    };
    const std::string base = "/api/v1/personwatch";
    router.Add({"GET", base + "/entries", "personwatch.read", "personwatch.list", bind(ListHandler)});
    router.Add({"POST", base + "/entries", "personwatch.apply", "personwatch.create", bind(CreateHandler)});
    router.Add({"GET", base + "/options", "personwatch.read", "personwatch.options", bind(OptionsHandler)});
    router.Add({"GET", base + "/search", "personwatch.record", "personwatch.search", bind(SearchHandler), false, true});
    router.Add({"GET", base + "/entries/:id", "personwatch.read", "personwatch.read",
                [deps](Request& r) { return DetailHandler(deps, r, false); }});
    router.Add({"GET", base + "/entries/:id/record", "personwatch.record", "personwatch.record",
                [deps](Request& r) { return DetailHandler(deps, r, true); }, false, true});
    router.Add(
        {"POST", base + "/entries/:id/approve", "personwatch.approve", "personwatch.approve", bind(ApproveHandler)});
    router.Add(
        {"POST", base + "/entries/:id/reject", "personwatch.approve", "personwatch.reject", bind(RejectHandler)});
    router.Add(
        {"POST", base + "/entries/:id/withdraw", "personwatch.read", "personwatch.withdraw", bind(WithdrawHandler)});
    router.Add({"GET", base + "/hits", "personwatch.read", "personwatch.hits", bind(HitsHandler)});
    auto limiter = std::make_shared<RateLimiter>(kCheckLimit, kCheckWindowSeconds);
    router.Add({"POST", base + "/check", "personwatch.check", "person.check",
                [deps, limiter](Request& r) { return CheckHandler(deps, *limiter, r); }});
    router.Add(
        {"GET", base + "/offline-list", "personwatch.offline", "personwatch.offline_list", bind(OfflineListHandler)});
}

// Every minute: entries past valid_to expire (audited as a system action, only when one is due).
Status RegisterJobs(notify::Scheduler& scheduler, const Deps& deps) {
    return scheduler.Register("personwatch.expire", 60, [deps] {
        {
            auto c = deps.db.Acquire();
            if (!c.ok()) return c.status();
            JW_ASSIGN_OR_RETURN(auto due, ListDueIds(**c, NowUnix()));
            if (due.empty()) return Status::Ok();
        }
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = "personwatch.expire";
        e.object = "personwatch_entries";
        return deps.audit.Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            JW_ASSIGN_OR_RETURN(int n, ExpireDue(c, NowUnix()));
            entry.detail = std::to_string(n) + " expired";
            return Status::Ok();
        });
    });
}

}  // namespace jw::personwatch
