// Enforcement scoring over HTTP: an officer's electronic enforcement file, the monthly ranking, its CSV export
// and the rules table.
#include "cases/scoring/scoring_repository.hpp"
#include "cases/supervision/supervision_http.hpp"
#include "cases/supervision/supervision_module.hpp"
#include "http/params.hpp"

namespace jw::cases {

using http::Reply;
using http::Request;

namespace {

Json ItemJson(const ScoreItem& i) {
    const ScoreRule* rule = ScoreRules::Default().Find(i.code);
    return {{"case_id", i.case_id},
            {"case_no", i.case_no},
            {"code", i.code},
            {"name", rule ? rule->name_zh : i.code},
            {"basis", rule ? rule->basis : ""},
            {"points", i.points},
            {"at", TimeJson(i.at)},
            {"month", i.month},
            {"detail", i.detail}};
}

Result<Reply> File(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    const auth::Principal& p = *req.principal;
    if (id != p.user_id && !p.Can("supervision.scores")) return Status::Denied();
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto f, scoring::LoadOfficerFile(**c, id, ScoreRules::Default()));
    if (id != p.user_id && !InScope(SupervisionScope(p), f.unit_id)) return Status::NotFound("officer");
    Json cases = Json::array(), problems = Json::array(), items = Json::array(), months = Json::array();
    for (const auto& k : f.cases)
        cases.push_back({{"id", k.id},
                         {"case_no", k.case_no},
                         {"case_type", k.case_type},
                         {"cause", k.cause},
                         {"state", k.state},
                         {"accepted_at", TimeJson(k.accepted_at)},
                         {"closed_at", TimeJson(k.closed_at)}});
    for (const auto& x : f.problems)
        problems.push_back({{"id", x.id},
                            {"case_id", x.case_id},
                            {"type", x.type},
                            {"text", x.text},
                            {"raised_at", TimeJson(x.raised_at)},
                            {"answered_at", TimeJson(x.answered_at)}});
    for (const auto& i : f.items) items.push_back(ItemJson(i));
    for (const auto& m : f.months)
        months.push_back(
            {{"month", m.month}, {"score", m.score}, {"deducted", m.deducted}, {"added", m.added}, {"items", m.items}});
    Reply r = Reply::Json200({{"officer",
                               {{"id", f.officer_id},
                                {"name", f.name},
                                {"police_no", f.police_no},
                                {"unit_id", f.unit_id},
                                {"unit_name", f.unit_name}}},
                              {"base", ScoreRules::Default().base()},
                              {"cases", cases},
                              {"problems", problems},
                              {"items", items},
                              {"months", months}});
    r.audit_object = "enforcement_file:" + std::to_string(id);
    return r;
}

Result<std::string> MonthParam(const Request& req) {
    JW_ASSIGN_OR_RETURN(auto m, http::QueryMonth(req, "month"));
    return m.value_or(MonthOf(NowUnix()));
}

Result<scoring::Ranking> LoadRanking(Deps d, const Request& req) {
    JW_ASSIGN_OR_RETURN(std::string month, MonthParam(req));
    JW_ASSIGN_OR_RETURN(auto unit, http::QueryId(req, "unit_id"));
    auto scope = SupervisionScope(*req.principal);
    if (unit) {
        if (!InScope(scope, *unit)) return Status::Invalid("unit_id", "out_of_scope");
        scope = std::vector<int64_t>{*unit};
    }
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    return scoring::LoadRanking(**c, month, scope, ScoreRules::Default());
}

Result<Reply> Ranking(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto ranking, LoadRanking(d, req));
    Json officers = Json::array(), units = Json::array();
    for (const auto& o : ranking.officers)
        officers.push_back({{"officer_id", o.officer_id},
                            {"name", o.name},
                            {"police_no", o.police_no},
                            {"unit_id", o.unit_id},
                            {"unit_name", o.unit_name},
                            {"score", o.score},
                            {"deducted", o.deducted},
                            {"added", o.added},
                            {"items", o.items},
                            {"rank", o.rank},
                            {"unit_rank", o.unit_rank}});
    for (const auto& u : ranking.units)
        units.push_back({{"unit_id", u.unit_id},
                         {"unit_name", u.unit_name},
                         {"officers", u.officers},
                         {"average", u.average},
                         {"rank", u.rank}});
    return Reply::Json200({{"month", ranking.month}, {"officers", officers}, {"units", units}});
}

Result<Reply> Export(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto ranking, LoadRanking(d, req));
    Reply r = RawReply(scoring::RankingCsv(ranking), "text/csv; charset=utf-8", "scores-" + ranking.month + ".csv");
    r.audit_object = "scores_export:" + ranking.month;
    r.audit_detail = "rows=" + std::to_string(ranking.officers.size());
    return r;
}

Result<Reply> Rules(Request&) {
    Json out = Json::array();
    for (const auto& r : ScoreRules::Default().rules())
        out.push_back({{"code", r.code},
                       {"kind", r.kind},
                       {"points", r.points},
                       {"review_problem", r.review_problem},
                       {"name_zh", r.name_zh},
                       {"name_en", r.name_en},
                       {"basis", r.basis}});
    return Reply::Json200({{"items", out}});
}

}  // namespace

void RegisterScoringRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/supervision/score-rules", "supervision.read", "supervision.score_rules", Rules});
    router.Add({"GET", "/api/v1/supervision/officers/:id/file", "supervision.read", "supervision.file",
                [d](Request& r) { return File(d, r); }});
    router.Add({"GET", "/api/v1/supervision/ranking", "supervision.scores", "supervision.ranking",
                [d](Request& r) { return Ranking(d, r); }});
    router.Add({"GET", "/api/v1/supervision/ranking/export.csv", "supervision.scores", "supervision.ranking.export",
                [d](Request& r) { return Export(d, r); }});
}

}  // namespace jw::cases
