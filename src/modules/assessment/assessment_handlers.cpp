// Thin HTTP adapter of the assessment module: parse → service → JSON. Routes in docs/api/assessment.md.
#include <algorithm>

#include "assessment/assessment_module.hpp"
#include "assessment/assessment_service.hpp"
#include "assessment/public_results.hpp"
#include "common/civil_time.hpp"
#include "http/error_table.hpp"
#include "http/params.hpp"

namespace jw::assessment {
namespace {

using http::Reply;
using http::Request;

std::optional<std::vector<int64_t>> ScopeOf(const auth::Principal& p) {
    if (p.all_units) return std::nullopt;
    return p.unit_scope;
}

bool InScope(const std::optional<std::vector<int64_t>>& scope, int64_t unit) {
    return !scope || std::find(scope->begin(), scope->end(), unit) != scope->end();
}

Json TimeJson(int64_t t) { return t > 0 ? Json(FormatUtcIso(t)) : Json(nullptr); }

Result<std::string> MonthParam(const Request& req) {
    JW_ASSIGN_OR_RETURN(auto m, http::QueryMonth(req, "month"));
    return m.value_or(scoring::MonthOf(NowUnix()));
}

Json ResultsJson(const Results& r) {
    Json officers = Json::array(), stations = Json::array(), grids = Json::array();
    for (const auto& o : r.officers) {
        Json by_code = Json::object();
        for (const auto& [code, pts] : o.score.by_code) by_code[code] = pts;
        officers.push_back({{"officer_id", o.score.officer_id},
                            {"name", o.name},
                            {"police_no", o.police_no},
                            {"unit_id", o.score.unit_id},
                            {"unit_name", o.unit_name},
                            {"score", o.score.score},
                            {"added", o.score.added},
                            {"deducted", o.score.deducted},
                            {"capped", o.score.capped},
                            {"items", o.score.items},
                            {"by_code", by_code},
                            {"rank", o.rank},
                            {"unit_rank", o.unit_rank}});
    }
    for (const auto& s : r.stations)
        stations.push_back({{"unit_id", s.total.unit_id},
                            {"unit_name", s.unit_name},
                            {"officers", s.total.officers},
                            {"total", s.total.total},
                            {"average", s.total.average},
                            {"rank", s.total.rank}});
    for (const auto& g : r.grids)
        grids.push_back({{"grid_code", g.grid_code},
                         {"grid_name", g.grid_name},
                         {"officers", g.officers},
                         {"total", g.total},
                         {"average", g.average},
                         {"rank", g.rank}});
    return {{"month", r.month},
            {"edition_version", r.edition_version},
            {"officers", officers},
            {"stations", stations},
            {"grids", grids}};
}

Result<Reply> ScoresHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(std::string month, MonthParam(req));
    JW_ASSIGN_OR_RETURN(auto unit, http::QueryId(req, "unit_id"));
    auto scope = ScopeOf(*req.principal);
    if (unit) {
        if (!InScope(scope, *unit)) return Status::Invalid("unit_id", "out_of_scope");
        scope = std::vector<int64_t>{*unit};
    }
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto r, Scores(**c, month, scope));
    Reply out = Reply::Json200(ResultsJson(r));
    out.audit_object = "assessment_scores:" + month;
    return out;
}

Json AppealJson(const repo::AppealRow& a) {
    return {{"id", a.id},
            {"item_id", a.item_id},
            {"officer_id", a.officer_id},
            {"unit_id", a.unit_id},
            {"reason", a.reason},
            {"status", a.status},
            {"opinion", a.opinion},
            {"decided_by", a.decided_by ? Json(a.decided_by) : Json(nullptr)},
            {"decided_at", TimeJson(a.decided_at)},
            {"created_at", TimeJson(a.created_at)},
            {"item",
             {{"code", a.item_code},
              {"month", a.item_month},
              {"event", a.item_event},
              {"object", a.item_object},
              {"at", TimeJson(a.item_at)},
              {"audit_id", a.item_audit_id ? Json(*a.item_audit_id) : Json(nullptr)}}}};
}

// The officer sees their own items; a leader (who decides appeals) those of officers in their scope. Anyone
// else gets the same 404 as for an unknown officer.
Result<Reply> ItemsHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(std::string month, MonthParam(req));
    const auth::Principal& p = *req.principal;
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    if (id != p.user_id) {
        if (!p.Can("assessment.appeal.decide")) return Status::NotFound("officer");
        JW_ASSIGN_OR_RETURN(int64_t unit, repo::UserUnit(**c, id));
        if (unit == 0 || !InScope(ScopeOf(p), unit)) return Status::NotFound("officer");
    }
    JW_ASSIGN_OR_RETURN(auto items, OfficerItems(**c, id, month));
    Json out = Json::array();
    int total = 0;
    for (const auto& v : items) {
        total += v.counted;
        out.push_back({{"id", v.row.id},
                       {"code", v.row.code},
                       {"name_zh", v.name_zh},
                       {"name_en", v.name_en},
                       {"basis", v.basis},
                       {"points", v.points},
                       {"counted", v.counted},
                       {"at", TimeJson(v.row.at)},
                       {"event", v.row.event},
                       {"object", v.row.object},
                       {"audit_id", v.row.audit_id ? Json(*v.row.audit_id) : Json(nullptr)},
                       {"voided", v.row.voided_at != 0},
                       {"appeal_status", v.row.appeal_status},
                       {"appeal_id", v.row.appeal_id ? Json(v.row.appeal_id) : Json(nullptr)}});
    }
    Reply r = Reply::Json200({{"officer_id", id}, {"month", month}, {"counted_total", total}, {"items", out}});
    r.audit_object = "assessment_items:" + std::to_string(id) + ":" + month;
    return r;
}

Result<Reply> AppealHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"reason"});
    auto reason = in.Text("reason", true, 500);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "assessment_item:" + std::to_string(id);
    r.write = [id, reason = *reason, me = req.principal->user_id](storage::Connection& c, audit::AuditEntry& e,
                                                                  Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(int64_t appeal, FileAppeal(c, me, id, reason, NowUnix()));
        e.detail = Json{{"appeal", appeal}}.dump();
        out.body = {{"appeal_id", appeal}, {"status", "pending"}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> DecideHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"outcome", "opinion"});
    auto outcome = in.Text("outcome", true, 20);
    auto opinion = in.Text("opinion", true, 500);
    if (outcome && *outcome != "upheld" && *outcome != "rejected") in.Fail("outcome", "invalid_enum");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "assessment_appeal:" + std::to_string(id);
    r.write = [id, outcome = *outcome, opinion = *opinion, p = *req.principal](
                  storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto a, DecideAppeal(c, p.user_id, ScopeOf(p), id, outcome, opinion, NowUnix()));
        e.detail = Json{{"outcome", outcome}, {"item", a.item_id}}.dump();
        out.body = AppealJson(a);
        return Status::Ok();
    };
    return r;
}

Result<Reply> AppealsHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(std::string status, http::QueryEnum(req, "status", {"pending", "upheld", "rejected", ""}));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows, repo::Appeals(**c, status, ScopeOf(*req.principal)));
    JW_ASSIGN_OR_RETURN(auto users, repo::Users(**c, [&] {
                            std::vector<int64_t> ids;
                            for (const auto& a : rows) ids.push_back(a.officer_id);
                            return ids;
                        }()));
    std::map<int64_t, repo::Person> who;
    for (auto& u : users) who[u.id] = u;
    Json out = Json::array();
    for (const auto& a : rows) {
        Json j = AppealJson(a);
        j["officer_name"] = who[a.officer_id].name;
        j["police_no"] = who[a.officer_id].police_no;
        out.push_back(std::move(j));
    }
    Reply r = Reply::Json200({{"items", out}});
    r.audit_object = "assessment_appeals";
    return r;
}

Json EditionJson(const scoring::Edition& e, bool in_force) {
    Json rules = Json::array();
    for (const auto& r : e.rules())
        rules.push_back({{"code", r.code},
                         {"kind", r.kind},
                         {"points", r.points},
                         {"cap", r.cap},
                         {"events", r.events},
                         {"name_zh", r.name_zh},
                         {"name_en", r.name_en},
                         {"basis", r.basis}});
    return {{"version", e.version}, {"effective_month", e.effective_month}, {"in_force", in_force}, {"rules", rules}};
}

Result<Reply> EditionsHandler(Deps d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto editions, LoadEditions(**c));
    const scoring::Edition* now = scoring::EditionFor(editions, scoring::MonthOf(NowUnix()));
    Json out = Json::array();
    for (auto it = editions.rbegin(); it != editions.rend(); ++it) out.push_back(EditionJson(*it, &*it == now));
    return Reply::Json200({{"items", out}});
}

// The rules as the CSV the engine reads (the stored form), cells quoted.
std::string RulesCsv(const Json& rules, JsonReader& in) {
    auto cell = [](std::string s) {
        std::string q = "\"";
        for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        return q + "\"";
    };
    std::string csv = "code,kind,points,cap,events,name_zh,name_en,basis\n";
    for (const auto& r : rules) {
        if (!r.is_object()) {
            in.Fail("rules", "not_an_object");
            return "";
        }
        JsonReader one(r, {"code", "kind", "points", "cap", "events", "name_zh", "name_en", "basis"});
        auto code = one.Text("code", true, 40);
        auto kind = one.Text("kind", true, 10);
        auto points = one.Int("points", true, 0, 1000);
        auto cap = one.Int("cap", false, 0, 100000);
        auto events = one.TextList("events", false, 20, 100);
        auto zh = one.Text("name_zh", true, 100);
        auto en = one.Text("name_en", true, 100);
        auto basis = one.Text("basis", true, 500);
        if (!one.status().ok()) {
            in.Merge(one.status());
            return "";
        }
        std::string ev;
        for (const auto& e : events.value_or(std::vector<std::string>{})) ev += (ev.empty() ? "" : "|") + e;
        csv += cell(*code) + "," + cell(*kind) + "," + std::to_string(*points) + "," +
               (cap && *cap > 0 ? std::to_string(*cap) : "") + "," + cell(ev) + "," + cell(*zh) + "," + cell(*en) +
               "," + cell(*basis) + "\n";
    }
    return csv;
}

Result<Reply> CreateEditionHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"effective_month", "rules", "note"});
    auto month = in.Text("effective_month", true, 7);
    auto note = in.Text("note", false, 200);
    std::string csv;
    if (!body.contains("rules") || !body["rules"].is_array() || body["rules"].empty())
        in.Fail("rules", "required");
    else
        csv = RulesCsv(body["rules"], in);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "assessment_edition";
    r.write = [month = *month, note = note.value_or(""), csv, by = req.principal->user_id](
                  storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(int64_t version, CreateEdition(c, month, csv, note, by, NowUnix()));
        e.object = "assessment_edition:" + std::to_string(version);
        out.body = {{"version", version}, {"effective_month", month}};
        return Status::Ok();
    };
    return r;
}

// Runs the import now (the job runs it every minute): a leader who wants today's figures need not wait.
Result<Reply> ImportHandler(Request&) {
    Reply r;
    r.audit_object = "assessment_import";
    r.write = [](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto done, ImportFromAudit(c, NowUnix()));
        e.detail = Json{{"items", done.items}, {"from", done.from_id}, {"to", done.to_id}}.dump();
        out.body = {{"items", done.items}, {"from_audit_id", done.from_id}, {"to_audit_id", done.to_id}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> PublicHandler(Deps d, RateLimiter& limiter, Request& req) {
    if (!limiter.Allow(req.client, NowUnix())) {
        Reply r;
        r.status = 429;
        r.body = http::ErrorBody("rate_limited", "too many requests; try again later", req.request_id,
                                 http::RequestLang(req.headers));
        r.headers.push_back({"Retry-After", std::to_string(kPublicWindowSeconds)});
        return r;
    }
    JW_ASSIGN_OR_RETURN(std::string month, MonthParam(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto results, Scores(**c, month, std::nullopt));
    Reply r = Reply::Json200(PublicResultsJson(results));
    r.audit_object = "assessment_public:" + month;
    return r;
}

}  // namespace

void RegisterRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/assessment/scores", "assessment.read", "assessment.scores",
                [d](Request& r) { return ScoresHandler(d, r); }});
    router.Add({"GET", "/api/v1/assessment/officers/:id/items", "assessment.read", "assessment.items",
                [d](Request& r) { return ItemsHandler(d, r); }});
    router.Add(
        {"POST", "/api/v1/assessment/items/:id/appeal", "assessment.appeal", "assessment.appeal", AppealHandler});
    router.Add({"GET", "/api/v1/assessment/appeals", "assessment.appeal.decide", "assessment.appeals",
                [d](Request& r) { return AppealsHandler(d, r); }});
    router.Add({"POST", "/api/v1/assessment/appeals/:id/decide", "assessment.appeal.decide", "assessment.appeal.decide",
                DecideHandler});
    router.Add({"GET", "/api/v1/assessment/editions", "assessment.read", "assessment.editions",
                [d](Request& r) { return EditionsHandler(d, r); }});
    router.Add({"POST", "/api/v1/assessment/editions", "assessment.rules.write", "assessment.edition.create",
                CreateEditionHandler});
    router.Add({"POST", "/api/v1/assessment/import", "assessment.rules.write", "assessment.import", ImportHandler});
    auto limiter = std::make_shared<RateLimiter>(kPublicLimit, kPublicWindowSeconds);
    router.Add({"GET", "/api/v1/public/assessment/results", "public", "assessment.public_results",
                [d, limiter](Request& r) { return PublicHandler(d, *limiter, r); }});
}

}  // namespace jw::assessment
