#include "cases/review/review_repository.hpp"

#include "storage/in_list.hpp"

namespace jw::cases::review {

using storage::V;

Status InsertReview(Connection& c, Review& r) {
    auto last = c.QueryOne("SELECT COALESCE(MAX(round), 0) FROM case_reviews WHERE case_id = ?", {V(r.case_id)});
    if (!last.ok()) return last.status();
    r.round = static_cast<int>(last->Int(0)) + 1;
    auto id = c.QueryOne(
        "INSERT INTO case_reviews (case_id, round, reviewer_id, opinion, comment, at) VALUES "
        "(?, ?, ?, ?, ?, ?) RETURNING id",
        {V(r.case_id), V(r.round), V(r.reviewer_id), V(r.opinion), V(r.comment), V(r.at)});
    if (!id.ok()) return id.status();
    r.id = id->Int(0);
    return Status::Ok();
}

Result<std::vector<Review>> ListReviews(Connection& c, int64_t case_id) {
    auto rows = c.Query(
        "SELECT r.id, r.case_id, r.round, r.reviewer_id, u.name, r.opinion, r.comment, r.at FROM "
        "case_reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.case_id = ? ORDER BY r.round",
        {V(case_id)});
    if (!rows.ok()) return rows.status();
    std::vector<Review> out;
    for (const auto& r : *rows)
        out.push_back(
            {r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Int(3), r.Str(4), r.Str(5), r.Str(6), r.Int(7)});
    return out;
}

Status InsertProblem(Connection& c, Problem& p) {
    auto id = c.QueryOne(
        "INSERT INTO review_problems (review_id, case_id, officer_id, type, text, raised_at) VALUES "
        "(?, ?, ?, ?, ?, ?) RETURNING id",
        {V(p.review_id), V(p.case_id), V(p.officer_id), V(p.type), V(p.text), V(p.raised_at)});
    if (!id.ok()) return id.status();
    p.id = id->Int(0);
    return Status::Ok();
}

namespace {
constexpr const char* kProblemColumns =
    "SELECT id, review_id, case_id, officer_id, type, text, raised_at, answer, answered_by, answered_at FROM "
    "review_problems";

Problem ProblemFrom(const storage::Row& r) {
    return {r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Str(4), r.Str(5), r.Int(6), r.Str(7), r.Int(8), r.Int(9)};
}

Result<std::vector<Problem>> Problems(Connection& c, const std::string& where, const storage::Params& params) {
    auto rows = c.Query(std::string(kProblemColumns) + where, params);
    if (!rows.ok()) return rows.status();
    std::vector<Problem> out;
    for (const auto& r : *rows) out.push_back(ProblemFrom(r));
    return out;
}
}  // namespace

Result<Problem> GetProblem(Connection& c, int64_t id) {
    auto r = c.QueryOne(std::string(kProblemColumns) + " WHERE id = ?", {V(id)});
    if (!r.ok()) return r.status().code() == ErrorCode::kNotFound ? Status::NotFound("problem") : r.status();
    return ProblemFrom(*r);
}

Result<std::vector<Problem>> ListProblems(Connection& c, int64_t case_id) {
    return Problems(c, " WHERE case_id = ? ORDER BY id", {V(case_id)});
}

Result<std::vector<Problem>> ProblemsOfOfficer(Connection& c, int64_t officer_id, bool open_only) {
    return Problems(
        c, std::string(" WHERE officer_id = ?") + (open_only ? " AND answered_at = 0" : "") + " ORDER BY id DESC",
        {V(officer_id)});
}

Status StoreAnswer(Connection& c, int64_t id, int64_t by, const std::string& answer, int64_t at) {
    auto r = c.Query(
        "UPDATE review_problems SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND "
        "answered_at = 0 RETURNING id",
        {V(answer), V(by), V(at), V(id)});
    if (!r.ok()) return r.status();
    if (r->empty()) return Status(ErrorCode::kConflict, "problem already answered", {{"id", "already_answered"}});
    return Status::Ok();
}

Status AddStep(Connection& c, int64_t case_id, const std::string& step, int64_t actor_id, int64_t at,
               const std::string& detail) {
    return c.Exec("INSERT INTO review_steps (case_id, step, actor_id, at, detail) VALUES (?, ?, ?, ?, ?)",
                  {V(case_id), V(step), V(actor_id), V(at), V(detail)});
}

Result<std::vector<Step>> ListSteps(Connection& c, int64_t case_id) {
    auto rows = c.Query(
        "SELECT s.id, s.case_id, s.step, s.actor_id, COALESCE(u.name, ''), s.at, s.detail FROM "
        "review_steps s LEFT JOIN users u ON u.id = s.actor_id WHERE s.case_id = ? ORDER BY s.id",
        {V(case_id)});
    if (!rows.ok()) return rows.status();
    std::vector<Step> out;
    for (const auto& r : *rows) out.push_back({r.Int(0), r.Int(1), r.Str(2), r.Int(3), r.Str(4), r.Int(5), r.Str(6)});
    return out;
}

Result<std::vector<QueueItem>> Queue(Connection& c, const std::optional<std::vector<int64_t>>& unit_scope) {
    storage::Params params;
    std::string sql =
        "SELECT k.id, k.case_no, k.case_type, k.cause, k.unit_id, un.name, k.lead_officer_id, us.name, "
        "COALESCE((SELECT MAX(e.at) FROM case_events e WHERE e.case_id = k.id AND e.to_state = 'legal_review' AND "
        "e.from_state <> 'legal_review'), k.last_event_at), "
        "(SELECT COUNT(*) FROM case_reviews r WHERE r.case_id = k.id), k.version "
        "FROM cases k JOIN units un ON un.id = k.unit_id JOIN users us ON us.id = k.lead_officer_id "
        "WHERE k.state = 'legal_review'";
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *unit_scope, params);
    auto rows = c.Query(sql + " ORDER BY 9, k.id", params);
    if (!rows.ok()) return rows.status();
    std::vector<QueueItem> out;
    for (const auto& r : *rows)
        out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Int(4), r.Str(5), r.Int(6), r.Str(7), r.Int(8),
                       static_cast<int>(r.Int(9)), r.Int(10)});
    return out;
}

}  // namespace jw::cases::review
