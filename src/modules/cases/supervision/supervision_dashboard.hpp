#pragma once
// The leaders' supervision dashboard: every open case classified by its clocks and review state — due within
// 3 days, overdue, returned by legal review — and counted by unit and stage, with drill-down to the cases
// behind any count. Classify / Summarise / Drill are pure; LoadDashboardCases reads the cases in scope and
// computes their clocks as of `today`. Thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cases/case.hpp"
#include "cases/deadlines/deadline_engine.hpp"
#include "storage/database.hpp"
#include "units/history.hpp"

namespace jw::cases::supervision {

inline constexpr int kDueSoonDays = 3;

struct DashboardCase {
    Case kase;                  // brief: no people
    std::string next_clock;     // the open clock with the fewest days left ("" when none)
    std::string next_deadline;  // its due date
    int days_left = 0;
    bool due_soon = false;  // an open clock with 0..3 days left
    bool overdue = false;   // an open clock past its deadline
    bool returned = false;  // the latest review opinion returned the case
};

// `returned` is the review state, `clocks` the case's clocks (empty when the engine rejected its history).
DashboardCase Classify(const Case& k, const std::vector<deadlines::Clock>& clocks, bool returned);

struct Counts {
    int open = 0, due_soon = 0, overdue = 0, returned = 0;
};
struct UnitSummary {
    int64_t unit_id = 0;
    std::string unit_name;
    Counts counts;
    std::map<std::string, int> by_stage;  // state → open cases
};
struct Summary {
    Counts totals;
    std::map<std::string, int> by_stage;
    std::vector<UnitSummary> units;  // by unit id
};
// `structure`: count each case under the unit its unit belongs to in the structure of a date (units::PlacesAt,
// ADR 0024), so a dashboard by the structure before a merge shows the old units and after it the new ones; the
// totals do not change. nullptr = each case's own unit.
Summary Summarise(const std::vector<DashboardCase>& cases, const units::StructureMap* structure = nullptr);

// The cases behind a count: `bucket` is open | due_soon | overdue | returned; unit and stage filter when given
// (the unit as Summarise grouped it, with the same `structure`). Ordered by days left, then case id.
std::vector<DashboardCase> Drill(const std::vector<DashboardCase>& cases, std::optional<int64_t> unit,
                                 const std::string& stage, const std::string& bucket,
                                 const units::StructureMap* structure = nullptr);
bool IsBucket(const std::string& bucket);

// Open cases of `unit_scope` (nullopt = county) classified as of `today` (YYYY-MM-DD).
Result<std::vector<DashboardCase>> LoadDashboardCases(storage::Connection& c,
                                                      const std::optional<std::vector<int64_t>>& unit_scope,
                                                      const std::string& today);

}  // namespace jw::cases::supervision
