#pragma once
// The JSON contract of the deadline engine, for `jingwu deadlines compute` (stdin → stdout) and the HTTP API
// (issue 4). Request:
//   {"case_type": "administrative" | "criminal", "law": "2012" | "2025" | "auto",
//    "holidays": ["2026-01-01", ...], "workdays": ["2026-01-04", ...],
//    "events": [{"type": "accepted", "at": "2026-01-05T09:30:00+08:00", "key": "zhang", "days": 7, "months": 1,
//                "reason": "flight" | "serial" | "gang", "note": "..."}],
//    "now": "2026-01-10T08:00:00+08:00" | "2026-01-10"}
//   "type" may also be spelled "kind", "at" "date", "key" "clock_key". Event types: deadline_engine.hpp.
//   "holidays" / "workdays", when given, replace the shipped calendar for every year they mention (a year listed
//   in neither keeps the shipped arrangement).
// Response: {"law": "2025", "clocks": [{"key", "rule_id", "subject", "name", "name_en", "basis", "counting_basis",
//   "start", "deadline", "end", "days_left", "status", "length", "unit", "paused_days", "stops": [{"from", "to",
//   "kind", "days"}], "extensions": [{"approved_on", "length", "approver", "basis"}], "extensions_max",
//   "next_extension": {"length", "unit", "approver", "basis", "request_by"} | null, "liberty_restricting",
//   "holiday_extended", "trace": [...], "warnings": [...]}]}
// Pure functions, thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "cases/deadlines/deadline_engine.hpp"
#include "cases/deadlines/reminder_plan.hpp"
#include "common/json_util.hpp"
#include "timelimits/clock_json.hpp"

namespace jw::cases::deadlines {

struct ComputeRequest {
    CaseFacts facts;
    std::string today;                  // from "now" (China date), or the fallback
    std::vector<std::string> holidays;  // overrides, YYYY-MM-DD
    std::vector<std::string> workdays;
};

// Reads a request. `fallback_today` (YYYY-MM-DD) is used when "now" is absent. Errors: kInvalidArgument with
// every problem at once, fields named "case_type", "law", "now", "holidays[i]", "workdays[i]", "events[i].type"...
Result<ComputeRequest> ParseComputeRequest(const Json& request, const std::string& fallback_today);

// The shipped calendar with the years mentioned by the request's holidays / workdays replaced by them.
// Errors: kInvalidArgument naming "holidays[i]" / "workdays[i]" (bad date, a date in both lists).
Result<HolidayCalendar> CalendarFor(const ComputeRequest& request, const HolidayCalendar& shipped);

// The shared JSON of clocks and reminders (timelimits/clock_json.hpp).
using timelimits::ClocksToJson;
using timelimits::ClockToJson;
using timelimits::RemindersToJson;

// The whole pipeline: request → {"law", "clocks"}. Errors as ParseComputeRequest, CalendarFor and ComputeClocks;
// an engine error on an event names the field as the request spelled it ("events[0].at", "events[0].type" when
// the event used "at" / "type"; "date" / "kind" otherwise).
Result<Json> ComputeJson(const Json& request, const RuleSet& rules, const HolidayCalendar& shipped,
                         const std::string& fallback_today);

// What `jingwu deadlines compute` and POST /api/v1/deadlines/compute both run: the request body as text, the
// embedded rule set and shipped holiday calendar, today = `fallback_today` unless the request says "now".
// Errors: kInvalidArgument; a body that is not JSON or not an object names "body" ("malformed_json",
// "not_an_object"), then as ComputeJson.
Result<Json> ComputeJsonBody(std::string_view body, const std::string& fallback_today);

}  // namespace jw::cases::deadlines
