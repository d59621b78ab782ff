// Counting in days and months, and in working days (period.hpp AddWorkingDays) against the shipped holiday calendar
// (State Council arrangement for 2026: 国庆节 1–7 October, 10 October a make-up working day).
#include "timelimits/period.hpp"

#include <gtest/gtest.h>

#include "timelimits/calendar.hpp"

namespace jw::timelimits {
namespace {

CivilDate D(const char* text) { return *ParseDate(text); }

TEST(AddWorkingDays, SkipsWeekendsAndTheStartingDay) {
    const auto& cal = DefaultHolidayCalendar();
    // Thursday 2026-03-05 + 2 working days: Friday 6th, then Monday 9th (the weekend does not count).
    EXPECT_EQ(FormatDate(AddWorkingDays(cal, D("2026-03-05"), 2)), "2026-03-09");
    EXPECT_EQ(FormatDate(AddWorkingDays(cal, D("2026-03-05"), 1)), "2026-03-06");
    EXPECT_EQ(FormatDate(AddWorkingDays(cal, D("2026-03-05"), 0)), "2026-03-05");
}

TEST(AddWorkingDays, SkipsPublicHolidaysAndCountsMakeUpWorkingDays) {
    const auto& cal = DefaultHolidayCalendar();
    // Wednesday 30 September + 3: 1–7 October are 国庆节, Thursday 8th and Friday 9th count, and Saturday 10th is a
    // make-up working day (国庆节调休上班), so the third working day is the 10th.
    EXPECT_EQ(FormatDate(AddWorkingDays(cal, D("2026-09-30"), 3)), "2026-10-10");
    // Started on a holiday: the count begins with the first working day after it.
    EXPECT_EQ(FormatDate(AddWorkingDays(cal, D("2026-10-03"), 1)), "2026-10-08");
}

TEST(Period, DaysAndMonths) {
    EXPECT_EQ(AddDays({2026, 1, 5}, 30), (CivilDate{2026, 2, 4}));
    EXPECT_EQ(AddMonths({2026, 3, 10}, 2), (CivilDate{2026, 5, 10}));
    EXPECT_EQ(AddMonths({2025, 12, 31}, 2), (CivilDate{2026, 2, 28}));  // no 2-31: the last day of February
    EXPECT_EQ(AddMonths({2023, 12, 31}, 2), (CivilDate{2024, 2, 29}));  // leap year
    EXPECT_EQ(AddMonths({2025, 3, 1}, 12), (CivilDate{2026, 3, 1}));
    EXPECT_EQ(AddMonths({2026, 8, 31}, 1), (CivilDate{2026, 9, 30}));
    EXPECT_EQ(DaysBetween({2026, 3, 1}, {2026, 2, 27}), -2);
}

TEST(Period, HolidayRule) {
    const HolidayCalendar& cal = DefaultHolidayCalendar();
    EXPECT_EQ(ApplyHolidayRule(cal, {2025, 10, 3}, false), (CivilDate{2025, 10, 9}));
    EXPECT_EQ(ApplyHolidayRule(cal, {2025, 10, 3}, true), (CivilDate{2025, 10, 3}));
    EXPECT_EQ(ApplyHolidayRule(cal, {2025, 10, 9}, false), (CivilDate{2025, 10, 9}));
}

}  // namespace
}  // namespace jw::timelimits
