#pragma once
// Enforcement scoring (执法质量考评), computed from what the system already recorded — case events, legal
// review outcomes and supervision reminders — never typed in by hand. DeriveScoreItems turns one case's
// record into score items (each naming its rule); MonthlyScores folds items into each officer's score per
// month (China time); RankMonth orders one month's scores. Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "cases/scoring/scoring_rules.hpp"

namespace jw::cases {

// What the scoring needs of one case, gathered by the repository.
struct ScoringCase {
    struct Event {
        std::string action;
        int64_t at = 0, recorded_at = 0;
    };
    struct Review {
        std::string opinion;  // approve | return
        int64_t at = 0;
        std::vector<std::string> problem_types;
    };
    struct Supervision {
        std::string stage;  // overdue | escalate_unit_head | suggestion_letter (other stages score nothing)
        std::string clock;
        int64_t at = 0;
    };
    int64_t case_id = 0;
    std::string case_no;
    int64_t unit_id = 0;
    int64_t officer_id = 0;  // the lead officer (主办), who answers for the case
    int64_t closed_at = 0;   // 0 while open
    std::vector<Event> events;
    std::vector<Review> reviews;  // in order
    std::vector<Supervision> supervision;
};

struct ScoreItem {
    int64_t officer_id = 0, unit_id = 0, case_id = 0;
    std::string case_no;
    std::string code;  // the rule
    int points = 0;    // signed
    int64_t at = 0;
    std::string month;   // "YYYY-MM", China time
    std::string detail;  // event action, clock name or problem type
};

// Events entered more than this long after they happened count as late entries.
inline constexpr int64_t kLateEntrySeconds = 24 * 3600;

// Items for one case, in time order. Rules: an event recorded > 24 h after it happened → late_entry; a
// complaint_upheld event → complaint_upheld; each returned review → review_returned plus one item per
// problem raised (its type is the rule); an approval with no earlier return → review_passed_first; an
// overdue / escalation / letter → overdue / escalated / suggestion_letter once per clock; a closed case
// that never ran overdue → closed_in_time. Codes missing from `rules` are skipped.
std::vector<ScoreItem> DeriveScoreItems(const ScoringCase& c, const ScoreRules& rules);

struct MonthlyScore {
    int64_t officer_id = 0;
    int64_t unit_id = 0;  // the unit of the officer's most recent item that month
    std::string month;
    int score = 0;     // base + additions − deductions
    int deducted = 0;  // positive
    int added = 0;
    int items = 0;
};

// One row per (officer, month) that has items, ordered by officer then month.
std::vector<MonthlyScore> MonthlyScores(const std::vector<ScoreItem>& items, const ScoreRules& rules);

struct RankedScore {
    MonthlyScore score;
    int rank = 0;  // 1 = best; equal scores share a rank (1, 1, 3)
};
// The scores of `month`, best first (ties by officer id).
std::vector<RankedScore> RankMonth(const std::vector<MonthlyScore>& scores, const std::string& month);

std::string MonthOf(int64_t unix_seconds);  // "YYYY-MM" in China time

}  // namespace jw::cases
