#pragma once
// Counting of periods (期间) in calendar days, months and working days: the arithmetic every time limit of the
// platform uses (case deadlines, community tasks, and the modules to come). Statutory periods count this way:
//  - The starting day is not counted (《公安机关办理行政案件程序规定》第三十五条; 《刑事诉讼法》第一百零五条):
//    a period of N days starting on day S ends on S + N.
//  - A period of N months ends on the day of the N-th later month that corresponds to the starting day; when
//    that month has no such day (31st, 29–30 February), on its last day.
//  - A last day that is a rest day moves to the first working day after it, unless the period restricts
//    personal liberty.
// Pure functions, thread-safe.

#include "common/civil_time.hpp"
#include "common/holiday_calendar.hpp"

namespace jw::timelimits {

CivilDate AddDays(CivilDate start, int days);
CivilDate AddMonths(CivilDate start, int months);
// Days from a to b (b - a); negative when b is before a.
int DaysBetween(CivilDate a, CivilDate b);

// The day on which a period of `days` working days starting on `start` ends: the starting day is not counted (as
// above), then only working days of `calendar` count (rest days and public holidays are skipped, make-up working
// days count). days <= 0 gives `start`. Used by limits set in working days (community tasks, ADR 0035; ADR 0049).
CivilDate AddWorkingDays(const HolidayCalendar& calendar, CivilDate start, int days);

// The last day of a period after the holiday rule: `last` itself when it is a working day or the period
// restricts liberty, else the first working day after it.
CivilDate ApplyHolidayRule(const HolidayCalendar& calendar, CivilDate last, bool liberty_restricting);

}  // namespace jw::timelimits
