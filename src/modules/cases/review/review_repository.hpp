#pragma once
// SQL of legal review (法制审核), tables in schema/002_supervision.sql: case_reviews (one row per opinion,
// numbered by round), review_problems (each problem a returned review raised, with the officer's answer) and
// review_steps (every step: submitted, approved, returned, problem_answered). Functions take the connection
// they run on; writes belong inside the caller's audited transaction. Errors are the database's (NotFound for
// a missing row).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace jw::cases::review {

using storage::Connection;

struct Review {
    int64_t id = 0;
    int64_t case_id = 0;
    int round = 0;
    int64_t reviewer_id = 0;
    std::string reviewer_name;
    std::string opinion;  // approve | return
    std::string comment;
    int64_t at = 0;
};

struct Problem {
    int64_t id = 0;
    int64_t review_id = 0;
    int64_t case_id = 0;
    int64_t officer_id = 0;
    std::string type;  // a review_problem rule of data/score_rules.csv
    std::string text;
    int64_t raised_at = 0;
    std::string answer;
    int64_t answered_by = 0;
    int64_t answered_at = 0;  // 0 while unanswered
};

struct Step {
    int64_t id = 0;
    int64_t case_id = 0;
    std::string step;  // submitted | approved | returned | problem_answered
    int64_t actor_id = 0;
    std::string actor_name;
    int64_t at = 0;
    std::string detail;
};

// Inserts the next round's review; fills r.id and r.round.
Status InsertReview(Connection& c, Review& r);
Result<std::vector<Review>> ListReviews(Connection& c, int64_t case_id);
Status InsertProblem(Connection& c, Problem& p);
Result<Problem> GetProblem(Connection& c, int64_t id);
Result<std::vector<Problem>> ListProblems(Connection& c, int64_t case_id);
// Problems raised to an officer, newest first; `open_only` keeps the unanswered ones.
Result<std::vector<Problem>> ProblemsOfOfficer(Connection& c, int64_t officer_id, bool open_only);
// Records the answer only while the problem is unanswered. Conflict when it was answered already.
Status StoreAnswer(Connection& c, int64_t id, int64_t by, const std::string& answer, int64_t at);
Status AddStep(Connection& c, int64_t case_id, const std::string& step, int64_t actor_id, int64_t at,
               const std::string& detail);
Result<std::vector<Step>> ListSteps(Connection& c, int64_t case_id);

struct QueueItem {
    int64_t case_id = 0;
    std::string case_no, case_type, cause;
    int64_t unit_id = 0;
    std::string unit_name;
    int64_t officer_id = 0;
    std::string officer_name;
    int64_t submitted_at = 0;  // when the case last entered legal_review
    int rounds = 0;            // earlier opinions on the case
    int64_t version = 0;       // the case's version, for the opinion's expected_version
};
// Cases in the legal_review state, oldest submission first; `unit_scope` (when given) restricts the units.
Result<std::vector<QueueItem>> Queue(Connection& c, const std::optional<std::vector<int64_t>>& unit_scope);

}  // namespace jw::cases::review
