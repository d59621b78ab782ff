// The shipped holiday calendar (data/holidays.csv) against the State Council notices.
#include "timelimits/calendar.hpp"

#include <gtest/gtest.h>

namespace jw::timelimits {
namespace {

// The shipped calendar holds the State Council notices for 2024 (of 2023-10-25), 2025 (国办发明电〔2024〕12号)
// and 2026 (notice of 2025-11-04): counts of holiday and make-up days per year as the notices list them.
TEST(ShippedCalendar, MatchesTheNotices) {
    const HolidayCalendar& cal = DefaultHolidayCalendar();
    struct YearCount {
        int year, holidays, workdays;
    };
    // 2024: 1 + 8 + 3 + 5 + 1 + 3 + 7 holidays; make-up days 2-04, 2-18, 4-07, 4-28, 5-11, 9-14, 9-29, 10-12.
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 holidays; make-up days 1-26, 2-08, 4-27, 9-28, 10-11.
    // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 holidays; make-up days 1-04, 2-14, 2-28, 5-09, 9-20, 10-10.
    for (const YearCount& y : {YearCount{2024, 28, 8}, YearCount{2025, 28, 5}, YearCount{2026, 33, 6}}) {
        ASSERT_TRUE(cal.KnowsYear(y.year)) << y.year;
        int holidays = 0, workdays = 0;
        for (const auto& e : cal.EntriesOf(y.year)) (e.kind == DayKind::kHoliday ? holidays : workdays)++;
        EXPECT_EQ(holidays, y.holidays) << y.year;
        EXPECT_EQ(workdays, y.workdays) << y.year;
        // A make-up working day is always a Saturday or Sunday; otherwise listing it would mean nothing.
        for (const auto& e : cal.EntriesOf(y.year)) {
            if (e.kind != DayKind::kWorkday) continue;
            int64_t weekday = (DaysFromCivil(e.date) % 7 + 7 + 3) % 7;  // 0 = Monday
            EXPECT_GE(weekday, 5) << FormatDate(e.date);
        }
    }
    EXPECT_FALSE(cal.IsWorkingDay({2025, 10, 8}));
    EXPECT_TRUE(cal.IsWorkingDay({2025, 10, 11}));
    EXPECT_FALSE(cal.IsWorkingDay({2026, 2, 23}));
    EXPECT_TRUE(cal.IsWorkingDay({2026, 2, 28}));
    EXPECT_FALSE(cal.IsWorkingDay({2024, 2, 17}));
    EXPECT_TRUE(cal.IsWorkingDay({2024, 2, 18}));
}

TEST(Calendar, OverridesReplaceTheYearsTheyMention) {
    auto cal = CalendarWithOverrides(DefaultHolidayCalendar(), {"2026-03-02"}, {"2026-03-07"});
    ASSERT_TRUE(cal.ok()) << cal.status().message();
    EXPECT_FALSE(cal->IsWorkingDay({2026, 3, 2}));
    EXPECT_TRUE(cal->IsWorkingDay({2026, 3, 7}));
    EXPECT_TRUE(cal->IsWorkingDay({2026, 10, 1}));   // 2026 replaced: 国庆节 is no longer listed
    EXPECT_FALSE(cal->IsWorkingDay({2025, 10, 1}));  // 2025 kept
    auto both = CalendarWithOverrides(DefaultHolidayCalendar(), {"2026-03-02"}, {"2026-03-02"});
    ASSERT_FALSE(both.ok());
    EXPECT_EQ(both.status().fields().count("workdays[0]"), 1u);
    EXPECT_EQ(CalendarWithOverrides(DefaultHolidayCalendar(), {"2026-3-2"}, {}).status().fields().count("holidays[0]"),
              1u);
}

TEST(Calendar, DayOrInstant) {
    EXPECT_EQ(ParseDayOrInstant("2026-01-05"), (CivilDate{2026, 1, 5}));
    EXPECT_EQ(ParseDayOrInstant("2026-01-05T23:30:00+08:00"), (CivilDate{2026, 1, 5}));
    EXPECT_EQ(ParseDayOrInstant("2026-01-05T16:30:00Z"), (CivilDate{2026, 1, 6}));  // 00:30 China time
    EXPECT_EQ(ParseDayOrInstant("2026-01-05T09:30:00.250"), (CivilDate{2026, 1, 5}));
    EXPECT_FALSE(ParseDayOrInstant("2026-01-05T09:30:00+09:00"));
    EXPECT_FALSE(ParseDayOrInstant("2026-02-30"));
}

}  // namespace
}  // namespace jw::timelimits
