// 督办 / 催办 routes (issue 13; docs/http_api.md, "Supervision"): thin handlers over urging_service.hpp. Writes are
// audited through the route's action with the case as the audit object.
#include "cases/case_repository.hpp"
#include "cases/case_service_internal.hpp"
#include "cases/cases_module.hpp"
#include "cases/urging/todo_sources.hpp"
#include "cases/urging/urging_service.hpp"
#include "common/civil_time.hpp"
#include "http/params.hpp"
#include "notify/todo.hpp"

namespace jw::cases::urging {
namespace {

using http::Reply;
using http::Request;

Json UrgingJson(const Urging& u) {
    auto time = [](int64_t t) { return t ? Json(FormatUtcIso(t)) : Json(nullptr); };
    return {{"id", u.id},
            {"case_id", u.case_id},
            {"parent_id", u.parent_id ? Json(u.parent_id) : Json(nullptr)},
            {"kind", u.parent_id ? "remind" : "urge"},
            {"message", u.message},
            {"due_date", u.due_date.empty() ? Json(nullptr) : Json(u.due_date)},
            {"issued_by", u.issued_by_name},
            {"issued_at", time(u.issued_at)},
            {"recipients", u.recipients.size()},
            {"answer", u.answer.empty() ? Json(nullptr) : Json(u.answer)},
            {"answered_by", u.answered_by_name.empty() ? Json(nullptr) : Json(u.answered_by_name)},
            {"answered_at", time(u.answered_at)}};
}

Result<Reply> List(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    auto k = repo::GetCase(**c, id);
    if (!k.ok() || !internal::CanSee(*req.principal, *k)) return Status::NotFound("case");
    JW_ASSIGN_OR_RETURN(auto list, OfCase(**c, id));
    Json items = Json::array();
    for (const auto& u : list) items.push_back(UrgingJson(u));
    return Reply::Json200({{"items", items}, {"total", items.size()}});
}

// One write: reads the body's fields, runs `step` in the audited transaction, answers the urging.
template <typename Step>
Result<Reply> Write(Deps d, Request& req, std::initializer_list<std::string_view> fields, Step step) {
    JW_ASSIGN_OR_RETURN(int64_t case_id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json j, ParseJsonObject(req.body));
    JsonReader in(j, fields);
    std::map<std::string, std::string> values;
    for (std::string_view f : fields) {
        auto v = in.Text(f, true, f == "due_date" ? 10 : kMaxMessage);
        if (v) values[std::string(f)] = *v;
    }
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "case:" + std::to_string(case_id);
    const auth::Principal actor = *req.principal;
    r.write = [d, case_id, values, actor, step](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Urging u, step(c, actor, case_id, values));
        out.body = UrgingJson(u);
        d.outbox.Wake();
        return Status::Ok();
    };
    return r;
}

using Values = std::map<std::string, std::string>;

}  // namespace

void RegisterUrgingRoutes(http::Router& router, Deps d) {
    router.Add(
        {"GET", "/api/v1/cases/:id/urgings", "case.read", "case.urge.list", [d](Request& r) { return List(d, r); }});
    router.Add({"POST", "/api/v1/cases/:id/urgings", "case.urge", "case.urge", [d](Request& r) {
                    return Write(d, r, {"message", "due_date"},
                                 [](storage::Connection& c, const auth::Principal& a, int64_t id, const Values& v) {
                                     return Issue(c, a, id, v.at("message"), v.at("due_date"), NowUnix());
                                 });
                }});
    router.Add({"POST", "/api/v1/cases/:id/urgings/:uid/remind", "case.urge", "case.urge.remind",
                [d](Request& r) -> Result<Reply> {
                    JW_ASSIGN_OR_RETURN(int64_t uid, r.IdParam("uid"));
                    return Write(d, r, {"message"},
                                 [uid](storage::Connection& c, const auth::Principal& a, int64_t id, const Values& v) {
                                     return Remind(c, a, id, uid, v.at("message"), NowUnix());
                                 });
                }});
    router.Add({"POST", "/api/v1/cases/:id/urgings/:uid/answer", "case.urge.receive", "case.urge.answer",
                [d](Request& r) -> Result<Reply> {
                    JW_ASSIGN_OR_RETURN(int64_t uid, r.IdParam("uid"));
                    return Write(d, r, {"answer"},
                                 [uid](storage::Connection& c, const auth::Principal& a, int64_t id, const Values& v) {
                                     return Answer(c, a, id, uid, v.at("answer"), NowUnix());
                                 });
                }});
}

void StartUrging(http::Router& router, Deps d) {
    RegisterUrgingRoutes(router, d);
    for (auto& s : MakeTodoSources()) notify::todo::ServingRegistry().Add(std::move(s));
}

}  // namespace jw::cases::urging
