#include "timelimits/period.hpp"

#include <algorithm>

namespace jw::timelimits {
namespace {

int DaysInMonth(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

CivilDate AddDays(CivilDate start, int days) { return CivilFromDays(DaysFromCivil(start) + days); }

CivilDate AddMonths(CivilDate start, int months) {
    int index = start.year * 12 + (start.month - 1) + months;
    CivilDate out;
    out.year = index / 12;
    out.month = index % 12 + 1;
    out.day = std::min(start.day, DaysInMonth(out.year, out.month));
    return out;
}

int DaysBetween(CivilDate a, CivilDate b) { return static_cast<int>(DaysFromCivil(b) - DaysFromCivil(a)); }

CivilDate AddWorkingDays(const HolidayCalendar& calendar, CivilDate start, int days) {
    CivilDate d = start;
    for (int counted = 0; counted < days;) {
        d = AddDays(d, 1);
        if (calendar.IsWorkingDay(d)) ++counted;
    }
    return d;
}

CivilDate ApplyHolidayRule(const HolidayCalendar& calendar, CivilDate last, bool liberty_restricting) {
    if (liberty_restricting) return last;
    return calendar.FirstWorkingDayOnOrAfter(last);
}

}  // namespace jw::timelimits
