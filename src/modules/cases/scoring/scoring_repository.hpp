#pragma once
// Reading what enforcement scoring is computed from (cases, case events, review opinions and problems, sent
// supervision reminders) and assembling the officer's electronic enforcement file (执法档案) and the monthly
// ranking. Nothing here is stored: scores are recomputed from the record each time, so they cannot drift
// from it and cannot be edited by hand. Reads only; any connection.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/review/review_repository.hpp"
#include "cases/scoring/scoring.hpp"
#include "storage/database.hpp"

namespace jw::cases::scoring {

using storage::Connection;

// Scoring inputs of the cases led by `officer_id` (when given) within `unit_scope` (when given).
Result<std::vector<ScoringCase>> LoadScoringCases(Connection& c, std::optional<int64_t> officer_id,
                                                  const std::optional<std::vector<int64_t>>& unit_scope);

struct HandledCase {
    int64_t id = 0;
    std::string case_no, case_type, cause, state;
    int64_t unit_id = 0;
    int64_t accepted_at = 0, closed_at = 0;
};

struct OfficerFile {
    int64_t officer_id = 0;
    std::string name, police_no;
    int64_t unit_id = 0;
    std::string unit_name;
    std::vector<HandledCase> cases;         // led by the officer, newest first
    std::vector<review::Problem> problems;  // raised by legal review, newest first
    std::vector<ScoreItem> items;           // in time order
    std::vector<MonthlyScore> months;       // months with items
};
// Error: NotFound "officer".
Result<OfficerFile> LoadOfficerFile(Connection& c, int64_t officer_id, const ScoreRules& rules);

struct RankedOfficer {
    int64_t officer_id = 0;
    std::string name, police_no;
    int64_t unit_id = 0;
    std::string unit_name;
    int score = 0, deducted = 0, added = 0, items = 0;
    int rank = 0;       // within the whole list
    int unit_rank = 0;  // within the officer's unit
};
struct UnitAverage {
    int64_t unit_id = 0;
    std::string unit_name;
    int officers = 0;
    double average = 0;
    int rank = 0;
};
struct Ranking {
    std::string month;
    std::vector<RankedOfficer> officers;  // best first
    std::vector<UnitAverage> units;       // best first
};
// Every officer who leads a case of `unit_scope`, scored for `month` ("YYYY-MM"; officers without items that
// month keep the base score), ranked overall and within their unit; units ranked by average.
Result<Ranking> LoadRanking(Connection& c, const std::string& month,
                            const std::optional<std::vector<int64_t>>& unit_scope, const ScoreRules& rules);

// CSV (UTF-8 with BOM, CRLF, formula-safe cells) of a ranking, for Excel.
std::string RankingCsv(const Ranking& r);

}  // namespace jw::cases::scoring
