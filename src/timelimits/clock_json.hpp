#pragma once
// The JSON of clocks and reminders, the same for every module that shows time limits (cases: `jingwu deadlines
// compute`, POST /api/v1/deadlines/compute, a case's clocks):
//   clock: {"key", "rule_id", "subject", "name", "name_en", "basis", "counting_basis", "start", "deadline", "end",
//           "days_left", "status", "length", "unit", "paused_days", "stops": [{"from", "to", "kind", "days"}],
//           "extensions": [{"approved_on", "length", "approver", "basis"}], "extensions_max",
//           "next_extension": {"length", "unit", "approver", "basis", "request_by"} | null, "liberty_restricting",
//           "holiday_extended", "trace": [...], "warnings": [...]}
//   reminder: {"key", "clock_key", "rule_id", "stage", "due", "fire_on", "days_left", "recipients", "name",
//              "name_en", "basis"}
// Pure functions, thread-safe.

#include <vector>

#include "common/json_util.hpp"
#include "timelimits/engine.hpp"
#include "timelimits/reminder_plan.hpp"

namespace jw::timelimits {

Json ClockToJson(const Clock& clock);
Json ClocksToJson(const std::vector<Clock>& clocks);           // {"clocks": [...]}
Json RemindersToJson(const std::vector<Reminder>& reminders);  // [{"key", "stage", ...}]

}  // namespace jw::timelimits
