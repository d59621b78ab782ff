// Legal review over HTTP: the reviewer's queue, opinions, the officer's answers and resubmission.
#include "cases/case_service.hpp"
#include "cases/review/review_service.hpp"
#include "cases/supervision/supervision_http.hpp"
#include "cases/supervision/supervision_module.hpp"
#include "http/params.hpp"

namespace jw::cases {

using http::Reply;
using http::Request;

namespace {

Json ProblemJson(const review::Problem& p) {
    const ScoreRule* rule = ScoreRules::Default().Find(p.type);
    return {{"id", p.id},
            {"review_id", p.review_id},
            {"case_id", p.case_id},
            {"officer_id", p.officer_id},
            {"type", p.type},
            {"type_name", rule ? rule->name_zh : p.type},
            {"basis", rule ? rule->basis : ""},
            {"text", p.text},
            {"raised_at", TimeJson(p.raised_at)},
            {"answer", p.answer.empty() ? Json(nullptr) : Json(p.answer)},
            {"answered_at", TimeJson(p.answered_at)}};
}

Json ReviewJson(const review::Review& r) {
    return {{"id", r.id},
            {"round", r.round},
            {"reviewer_id", r.reviewer_id},
            {"reviewer_name", r.reviewer_name},
            {"opinion", r.opinion},
            {"comment", r.comment},
            {"at", TimeJson(r.at)}};
}

Result<Reply> Queue(Deps d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto items, review::Queue(**c, SupervisionScope(*req.principal)));
    Json out = Json::array();
    for (const auto& q : items) {
        out.push_back({{"case_id", q.case_id},
                       {"case_no", q.case_no},
                       {"case_type", q.case_type},
                       {"cause", q.cause},
                       {"unit_id", q.unit_id},
                       {"unit_name", q.unit_name},
                       {"officer_id", q.officer_id},
                       {"officer_name", q.officer_name},
                       {"submitted_at", TimeJson(q.submitted_at)},
                       {"rounds", q.rounds},
                       {"version", q.version}});
    }
    return Reply::Json200({{"items", out}, {"total", out.size()}});
}

Result<Reply> ProblemTypes(Request&) {
    Json out = Json::array();
    for (const auto& r : ScoreRules::Default().rules()) {
        if (r.review_problem)
            out.push_back({{"code", r.code},
                           {"name_zh", r.name_zh},
                           {"name_en", r.name_en},
                           {"basis", r.basis},
                           {"points", r.points}});
    }
    return Reply::Json200({{"items", out}});
}

Result<Reply> CaseReview(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Case k, LoadCase(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto reviews, review::ListReviews(**c, id));
    JW_ASSIGN_OR_RETURN(auto problems, review::ListProblems(**c, id));
    JW_ASSIGN_OR_RETURN(auto steps, review::ListSteps(**c, id));
    Json rj = Json::array(), pj = Json::array(), sj = Json::array();
    for (const auto& r : reviews) rj.push_back(ReviewJson(r));
    int open = 0;
    for (const auto& p : problems) {
        pj.push_back(ProblemJson(p));
        open += p.answered_at == 0;
    }
    for (const auto& s : steps)
        sj.push_back({{"step", s.step},
                      {"actor_id", s.actor_id},
                      {"actor_name", s.actor_name},
                      {"at", TimeJson(s.at)},
                      {"detail", Json::parse(s.detail, nullptr, false)}});
    Reply r = Reply::Json200({{"case_id", k.id},
                              {"case_no", k.case_no},
                              {"state", k.state},
                              {"version", k.version},
                              {"reviews", rj},
                              {"problems", pj},
                              {"open_problems", open},
                              {"steps", sj}});
    r.audit_object = "case:" + std::to_string(id);
    return r;
}

Result<review::OpinionInput> ParseOpinion(const std::string& body) {
    JW_ASSIGN_OR_RETURN(Json j, ParseJsonObject(body));
    JsonReader in(j, {"opinion", "comment", "problems", "expected_version"});
    review::OpinionInput out;
    out.opinion = in.Text("opinion", true, 10).value_or("");
    out.comment = in.Text("comment", false, 500).value_or("");
    out.expected_version = in.Int("expected_version", true, 1, INT64_MAX).value_or(0);
    if (j.contains("problems")) {
        if (!j["problems"].is_array()) {
            in.Fail("problems", "not_a_list");
        } else {
            for (size_t i = 0; i < j["problems"].size(); ++i) {
                const Json& p = j["problems"][i];
                const std::string at = "problems[" + std::to_string(i) + "]";
                if (!p.is_object()) {
                    in.Fail(at, "not_an_object");
                    continue;
                }
                JsonReader pr(p, {"type", "text"});
                review::ProblemInput pi;
                pi.type = pr.Text("type", true, 40).value_or("");
                pi.text = pr.Text("text", true, 500).value_or("");
                const Status problem_status = pr.status();  // a named copy: fields() refers into it
                for (const auto& [field, problem] : problem_status.fields()) in.Fail(at + "." + field, problem);
                out.problems.push_back(std::move(pi));
            }
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    JW_RETURN_IF_ERROR(review::ValidateOpinion(out, ScoreRules::Default()));
    return out;
}

Result<Reply> Opinion(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(review::OpinionInput in, ParseOpinion(req.body));
    Reply r;
    r.audit_object = "case:" + std::to_string(id);
    r.audit_detail = in.opinion;
    const auth::Principal actor = *req.principal;
    r.write = [d, id, in, actor](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto done, review::RecordOpinion(c, actor, id, in, ScoreRules::Default(), NowUnix()));
        Json problems = Json::array();
        for (const auto& p : done.problems) problems.push_back(ProblemJson(p));
        out.body = {{"review", ReviewJson(done.review)},
                    {"problems", problems},
                    {"state", done.kase.state},
                    {"version", done.kase.version}};
        d.outbox.Wake();
        return Status::Ok();
    };
    return r;
}

Result<Reply> Answer(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json j, ParseJsonObject(req.body));
    JsonReader in(j, {"answer"});
    auto answer = in.Text("answer", true, 1000);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "review_problem:" + std::to_string(id);
    const auth::Principal actor = *req.principal;
    r.write = [d, id, answer = *answer, actor](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto p, review::AnswerProblem(c, actor, id, answer, NowUnix()));
        out.body = ProblemJson(p);
        d.outbox.Wake();
        return Status::Ok();
    };
    return r;
}

Result<Reply> Submit(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json j, ParseJsonObject(req.body));
    JsonReader in(j, {"expected_version"});
    auto version = in.Int("expected_version", true, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "case:" + std::to_string(id);
    const auth::Principal actor = *req.principal;
    r.write = [id, version = *version, actor](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto moved, review::Submit(c, actor, id, version, NowUnix()));
        out.body = {{"case_id", id}, {"state", moved.kase.state}, {"version", moved.kase.version}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> MyProblems(Deps d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(const bool open, http::QueryBool(req, "open", false));
    JW_ASSIGN_OR_RETURN(auto problems, review::ProblemsOfOfficer(**c, req.principal->user_id, open));
    Json out = Json::array();
    for (const auto& p : problems) out.push_back(ProblemJson(p));
    return Reply::Json200({{"items", out}, {"total", out.size()}});
}

}  // namespace

void RegisterReviewRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/review/queue", "case.review", "review.queue", [d](Request& r) { return Queue(d, r); }});
    router.Add({"GET", "/api/v1/review/problem-types", "case.read", "review.problem_types", ProblemTypes});
    router.Add({"GET", "/api/v1/review/problems", "case.read", "review.my_problems",
                [d](Request& r) { return MyProblems(d, r); }});
    router.Add(
        {"GET", "/api/v1/review/cases/:id", "case.read", "review.read", [d](Request& r) { return CaseReview(d, r); }});
    router.Add({"POST", "/api/v1/review/cases/:id/opinion", "case.review", "review.opinion",
                [d](Request& r) { return Opinion(d, r); }});
    router.Add({"POST", "/api/v1/review/cases/:id/submit", "case.act", "review.submit", Submit});
    router.Add({"POST", "/api/v1/review/problems/:id/answer", "case.act", "review.answer",
                [d](Request& r) { return Answer(d, r); }});
}

}  // namespace jw::cases
