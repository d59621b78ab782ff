#pragma once
// The working-day calendar of mainland China: which civil dates are public holidays (法定节假日, including the
// days moved by 调休) and which weekend days are make-up working days (调休上班). A date that is neither listed
// as a holiday nor as a make-up working day is a working day from Monday to Friday and a rest day on Saturday
// and Sunday. The arrangements are decided each year by the General Office of the State Council, so the
// calendar is data an administrator maintains: it is loaded from CSV and a year can be added or replaced.
//
// CSV format (header required, '#' lines and blank lines ignored):
//   date,kind,name
//   2025-10-01,holiday,国庆节、中秋节
//   2025-09-28,workday,国庆节调休上班
// kind is "holiday" (a rest day even if it falls Monday to Friday) or "workday" (a working day even if it falls
// on a weekend).
//
// Thread safety: const methods are safe to call concurrently; mutation needs external synchronisation
// (callers usually build a new calendar and swap it in).

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/civil_time.hpp"
#include "common/status.hpp"

namespace jw {

enum class DayKind { kHoliday, kWorkday };

struct CalendarEntry {
    CivilDate date;
    DayKind kind = DayKind::kHoliday;
    std::string name;  // e.g. "春节"; informational
};

class HolidayCalendar {
  public:
    HolidayCalendar() = default;

    // Parses the CSV above. Errors: kInvalidArgument naming "line N" and the field (bad date, unknown kind,
    // missing header, a date listed twice).
    static Result<HolidayCalendar> FromCsv(std::string_view csv);

    // Replaces every entry of `year` with `entries` (the year becomes "known" even if entries is empty).
    // Errors: kInvalidArgument when an entry's date is not in `year` or a date is listed twice; nothing
    // changes then.
    Status ReplaceYear(int year, const std::vector<CalendarEntry>& entries);

    // Adds or overwrites one entry (its year becomes known).
    void Set(const CalendarEntry& entry);

    // True when the calendar holds the official arrangement of `year`. For unknown years the calendar still
    // answers, from weekends alone.
    bool KnowsYear(int year) const { return years_.count(year) > 0; }
    std::vector<int> Years() const { return {years_.begin(), years_.end()}; }

    // Working day: a listed make-up working day, or Monday..Friday that is not a listed holiday.
    bool IsWorkingDay(CivilDate d) const;
    // Rest day (节假日): the opposite of IsWorkingDay (weekends and public holidays).
    bool IsRestDay(CivilDate d) const { return !IsWorkingDay(d); }
    // True only for dates listed as holidays (not ordinary weekends).
    bool IsPublicHoliday(CivilDate d) const;
    // Name of the listed entry for d, or "" (e.g. "国庆节").
    std::string NameOf(CivilDate d) const;
    // d itself when it is a working day, else the first working day after it.
    CivilDate FirstWorkingDayOnOrAfter(CivilDate d) const;
    // Entries of one year, sorted by date.
    std::vector<CalendarEntry> EntriesOf(int year) const;
    // The whole calendar as CSV in the format FromCsv reads (sorted by date).
    std::string ToCsv() const;

  private:
    std::map<int64_t, CalendarEntry> entries_;  // keyed by DaysFromCivil
    std::set<int> years_;
};

}  // namespace jw
