// Counting in working days (period.hpp AddWorkingDays) against the shipped holiday calendar (State Council
// arrangement for 2026: 国庆节 1–7 October, 10 October a make-up working day).
#include "cases/deadlines/period.hpp"

#include <gtest/gtest.h>

#include "cases/deadlines/deadline_engine.hpp"

namespace jw::cases::deadlines {
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

}  // namespace
}  // namespace jw::cases::deadlines
