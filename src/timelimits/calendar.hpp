#pragma once
// The shipped working-day calendar and the reading of the dates time limits are counted from.
//  - DefaultHolidayCalendar(): data/holidays.csv, the State Council's arrangements (public holidays and 调休
//    make-up working days) for the years it lists, in the format of common/holiday_calendar.hpp. Every module
//    counts working days and moves a deadline off a rest day with this one calendar.
//  - CalendarWithOverrides(): a calendar with some years replaced (a request that brings its own holidays).
//  - ParseDayOrInstant(): a China civil date from "YYYY-MM-DD" or an ISO 8601 timestamp.
// Thread-safe: the default calendar is built once and immutable; the functions are pure.

#include <optional>
#include <string>
#include <vector>

#include "common/civil_time.hpp"
#include "common/holiday_calendar.hpp"
#include "common/status.hpp"

namespace jw::timelimits {

// The calendar shipped in data/holidays.csv (State Council arrangements 2024–2026). Aborts at start-up if the
// shipped file is broken (a bug, caught by the tests).
const HolidayCalendar& DefaultHolidayCalendar();

// `base` with every year mentioned by `holidays` / `workdays` (YYYY-MM-DD) replaced by exactly those days (a
// year listed in neither keeps base's arrangement). Errors: kInvalidArgument naming "holidays[i]" /
// "workdays[i]" (not a YYYY-MM-DD date, a date listed twice or in both lists).
Result<HolidayCalendar> CalendarWithOverrides(const HolidayCalendar& base, const std::vector<std::string>& holidays,
                                              const std::vector<std::string>& workdays);

// Reads an event date: "YYYY-MM-DD" (a China civil date), or an ISO 8601 timestamp in China time
// ("2026-01-05T09:30:00+08:00", fraction and offset optional) or in UTC ("…Z", converted to the China date).
// nullopt for anything else (another offset, a bad date).
std::optional<CivilDate> ParseDayOrInstant(const std::string& text);

}  // namespace jw::timelimits
