#pragma once
// The centre's figures per unit for a month (China time): tickets received (joined duplicates counted apart),
// closed, still open, over their time limit (an open clock past due, or a clock that ended after due:
// time_limits.hpp as of `now`), rectifications required, and callbacks by result with the satisfaction rate
// ((satisfied + basically) / callbacks, null without callbacks). Tickets not yet assigned to a unit count under
// unit_id null. From the records only (issue 18: "the figures come from the records"). `unit_scope` limits the
// units (nullopt = all). Errors: the database's. Thread safety: the caller's connection.
#include <optional>
#include <string>
#include <vector>

#include "common/json_util.hpp"
#include "storage/database.hpp"

namespace jw::servicedesk {

struct UnitFigures {
    std::optional<int64_t> unit_id;
    std::string unit_name;
    int received = 0, joined = 0, closed = 0, open = 0, overdue = 0, rectifications = 0;
    int satisfied = 0, basically = 0, unsatisfied = 0;
};

// `month` "YYYY-MM".
Result<std::vector<UnitFigures>> MonthFigures(storage::Connection& c, const std::string& month, int64_t now,
                                              const std::optional<std::vector<int64_t>>& unit_scope);
Json FiguresJson(const std::string& month, const std::vector<UnitFigures>& rows);

}  // namespace jw::servicedesk
