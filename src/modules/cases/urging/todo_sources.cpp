#include "cases/urging/todo_sources.hpp"

#include <algorithm>

#include "cases/urging/urging_repository.hpp"
#include "storage/in_list.hpp"

namespace jw::cases::urging {
namespace {

using notify::todo::Entry;
using storage::V;

std::string CaseTitle(const std::string& case_no, const std::string& cause) { return case_no + " " + cause; }

// Cases in legal review, the reviewer's opinion on the latest submission still due (awaiting = true), or given as
// an approval that now waits for the leader's decision (awaiting = false).
std::string ReviewWhere(bool awaiting) {
    return std::string("k.state = 'legal_review' AND ") + (awaiting ? "NOT " : "") +
           "EXISTS (SELECT 1 FROM case_reviews r WHERE r.case_id = k.id AND r.opinion = 'approve' AND r.at >= "
           "COALESCE((SELECT MAX(e.at) FROM case_events e WHERE e.case_id = k.id AND e.action = 'submit_review'), 0))";
}

std::optional<std::vector<int64_t>> Scope(const auth::Principal& p) {
    if (p.all_units) return std::nullopt;
    return p.unit_scope;
}

// Cases matching `where` (on alias k), in `units` when given, oldest last change first.
Result<std::vector<Entry>> ListCases(storage::Connection& c, const std::string& where,
                                     const std::optional<std::vector<int64_t>>& units, int limit) {
    storage::Params params;
    std::string sql =
        "SELECT k.id, k.case_no, k.cause, COALESCE(u.name, ''), k.last_event_at FROM cases k LEFT JOIN units u ON "
        "u.id = k.unit_id WHERE " +
        where;
    if (units) sql += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *units, params);
    params.push_back(V(static_cast<int64_t>(limit)));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY k.last_event_at, k.id LIMIT ?", params));
    std::vector<Entry> out;
    for (const auto& r : rows)
        out.push_back(
            {r.Int(0), CaseTitle(r.Str(1), r.Str(2)), r.Str(3), r.Int(4), "", "/cases/" + std::to_string(r.Int(0))});
    return out;
}

class ReviewSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "cases.review"; }
    int Order() const override { return 10; }
    std::string_view Link() const override { return "/cases/review"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("case.review"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal&, int64_t) const override {
        JW_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT COUNT(*) FROM cases k WHERE " + ReviewWhere(true)));
        return r.Int(0);
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal&, int64_t, int limit) const override {
        return ListCases(c, ReviewWhere(true), std::nullopt, limit);
    }
};

// The leader's decision on an approved case (决定, 程序规定第一百七十二条 after legal review), within their scope.
class DecideSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "cases.decide"; }
    int Order() const override { return 15; }
    std::string_view Link() const override { return "/cases/review"; }
    bool Applies(const auth::Principal& r) const override {
        return r.Can("case.act") && std::find(r.roles.begin(), r.roles.end(), "leader") != r.roles.end();
    }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        storage::Params params;
        std::string sql = "SELECT COUNT(*) FROM cases k WHERE " + ReviewWhere(false);
        if (auto units = Scope(r)) sql += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *units, params);
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, params));
        return row.Int(0);
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                    int limit) const override {
        return ListCases(c, ReviewWhere(false), Scope(r), limit);
    }
};

class ProblemSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "cases.problems"; }
    int Order() const override { return 20; }
    std::string_view Link() const override { return "/cases/problems"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("case.act"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM review_problems WHERE officer_id = ? AND "
                                                 "answered_at = 0",
                                                 {V(r.user_id)}));
        return row.Int(0);
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                    int limit) const override {
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT p.id, k.case_no, k.cause, p.text, p.raised_at, k.id FROM "
                                               "review_problems p JOIN cases k ON k.id = p.case_id WHERE "
                                               "p.officer_id = ? AND p.answered_at = 0 ORDER BY p.raised_at, p.id "
                                               "LIMIT ?",
                                               {V(r.user_id), V(static_cast<int64_t>(limit))}));
        std::vector<Entry> out;
        for (const auto& row : rows)
            out.push_back({row.Int(0), CaseTitle(row.Str(1), row.Str(2)), row.Str(3), row.Int(4), "",
                           "/cases/" + std::to_string(row.Int(5))});
        return out;
    }
};

class UrgedSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "cases.urged"; }
    int Order() const override { return 5; }
    std::string_view Link() const override { return "/cases/list"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("case.urge.receive"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        return repo::CountOpen(c, Scope(r));
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                    int limit) const override {
        JW_ASSIGN_OR_RETURN(auto rows, repo::ListOpen(c, Scope(r), limit));
        std::vector<Entry> out;
        for (const auto& o : rows)
            out.push_back({o.urging.id, CaseTitle(o.case_no, o.cause), o.urging.message, o.urging.issued_at,
                           o.urging.due_date, "/cases/" + std::to_string(o.urging.case_id)});
        return out;
    }
};

}  // namespace

std::vector<std::unique_ptr<notify::todo::Source>> MakeTodoSources() {
    std::vector<std::unique_ptr<notify::todo::Source>> out;
    out.push_back(std::make_unique<ReviewSource>());
    out.push_back(std::make_unique<DecideSource>());
    out.push_back(std::make_unique<ProblemSource>());
    out.push_back(std::make_unique<UrgedSource>());
    return out;
}

}  // namespace jw::cases::urging
