// The evidence list of a case over HTTP (evidence.hpp): thin handlers. The list names people (witnesses, the
// suspect's statement), so reading it needs case.person.read and the case in scope, like the people in full;
// the printed papers that carry it need that and a stated purpose (case_record_handlers.cpp). Every read and
// change is audited by its route; changes are also events of the case.
#include "cases/case_handlers.hpp"
#include "cases/case_json.hpp"
#include "cases/case_service.hpp"
#include "cases/evidence.hpp"
#include "common/civil_time.hpp"
#include "http/params.hpp"
#include "http/router.hpp"

namespace jw::cases {

using http::Reply;
using http::Request;

namespace {

Json EvidenceJson(const Evidence& e) {
    return {{"id", e.id},
            {"kind", e.kind},
            {"description", e.description},
            {"collected_at", FormatUtcIso(e.collected_at)},
            {"collected_by", e.collected_by},
            {"created_at", FormatUtcIso(e.created_at)},
            {"updated_at", FormatUtcIso(e.updated_at)}};
}

Result<Json> ListJson(storage::Connection& c, const Case& k) {
    JW_ASSIGN_OR_RETURN(auto items, repo::ListEvidence(c, k.id));
    Json out = Json::array();
    for (const auto& e : items) out.push_back(EvidenceJson(e));
    return Json{{"version", k.version}, {"items", out}};
}

// {kind, description, collected_at, collected_by} under `prefix` ("evidence." in a POST body).
Result<Evidence> ParseEvidence(const Json& j, const std::string& prefix) {
    if (!j.is_object())
        return Status::Invalid(prefix.empty() ? "body" : prefix.substr(0, prefix.size() - 1), "must_be_object");
    JsonReader in(j, {"kind", "description", "collected_at", "collected_by", "expected_version"});
    Evidence e;
    // Required fields are checked with the rest (ValidateEvidence), so one reply names every problem.
    e.kind = in.Text("kind", false, 40).value_or("");
    e.description = in.Text("description", false, 500).value_or("");
    e.collected_by = in.Text("collected_by", false, 100).value_or("");
    if (!j.contains("collected_at")) {
        in.Fail("collected_at", "required");
    } else {
        auto t = ParseInstant(j["collected_at"], "collected_at");
        if (t.ok())
            e.collected_at = *t;
        else
            in.Merge(t.status());
    }
    Status s = in.status();
    if (s.ok() || prefix.empty()) return s.ok() ? Result<Evidence>(e) : Result<Evidence>(s);
    Status out(s.code(), s.message());
    for (const auto& [k, v] : s.fields()) out.mutable_fields()[prefix + k] = v;
    return out;
}

Result<int64_t> Version(const Json& body) {
    if (!body.contains("expected_version")) return Status::Invalid("expected_version", "required");
    if (!body["expected_version"].is_number_integer() || body["expected_version"].get<int64_t>() < 1)
        return Status::Invalid("expected_version", "must_be_integer");
    return body["expected_version"].get<int64_t>();
}

Result<Reply> ListHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Case k, LoadCase(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(Json body, ListJson(**c, k));
    Reply r = Reply::Json200(std::move(body));
    r.audit_object = "case:" + std::to_string(id) + "/evidence";
    return r;
}

Result<Reply> AddHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader top(body, {"expected_version", "evidence"});
    JW_RETURN_IF_ERROR(top.status());
    JW_ASSIGN_OR_RETURN(int64_t version, Version(body));
    if (!body.contains("evidence")) return Status::Invalid("evidence", "required");
    JW_ASSIGN_OR_RETURN(Evidence e, ParseEvidence(body["evidence"], "evidence."));
    Reply r;
    r.status = 201;
    r.audit_object = "case:" + std::to_string(id) + "/evidence";
    r.write = [id, version, e, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                       Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Case k, AddEvidence(c, actor, id, version, e, NowUnix()));
        JW_ASSIGN_OR_RETURN(out.body, ListJson(c, k));
        return Status::Ok();
    };
    return r;
}

Result<Reply> EditHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(int64_t eid, req.IdParam("eid"));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(int64_t version, Version(body));
    JW_ASSIGN_OR_RETURN(Evidence e, ParseEvidence(body, ""));
    e.id = eid;
    Reply r;
    r.audit_object = "case:" + std::to_string(id) + "/evidence:" + std::to_string(eid);
    r.write = [id, version, e, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                       Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Case k, EditEvidence(c, actor, id, version, e, NowUnix()));
        JW_ASSIGN_OR_RETURN(out.body, ListJson(c, k));
        return Status::Ok();
    };
    return r;
}

Result<Reply> RemoveHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(int64_t eid, req.IdParam("eid"));
    JW_ASSIGN_OR_RETURN(auto given, http::QueryInt(req, "expected_version", 1, INT64_MAX));
    if (!given) return Status::Invalid("expected_version", "required");
    const int64_t version = *given;
    Reply r;
    r.audit_object = "case:" + std::to_string(id) + "/evidence:" + std::to_string(eid);
    r.write = [id, eid, version, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                         Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Case k, RemoveEvidence(c, actor, id, version, eid, NowUnix()));
        JW_ASSIGN_OR_RETURN(out.body, ListJson(c, k));
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterEvidenceRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/cases/:id/evidence", "case.person.read", "case.evidence_list",
                [d](Request& r) { return ListHandler(d, r); }});
    router.Add({"POST", "/api/v1/cases/:id/evidence", "case.write", "case.evidence_add",
                [](Request& r) { return AddHandler(r); }});
    router.Add({"PUT", "/api/v1/cases/:id/evidence/:eid", "case.write", "case.evidence_update",
                [](Request& r) { return EditHandler(r); }});
    router.Add({"DELETE", "/api/v1/cases/:id/evidence/:eid", "case.write", "case.evidence_remove",
                [](Request& r) { return RemoveHandler(r); }});
}

}  // namespace jw::cases
