// Tests of the working-day calendar. The sample arrangement below is the State Council's for National Day 2025
// (国务院办公厅关于2025年部分节假日安排的通知: 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班).
#include "common/holiday_calendar.hpp"

#include <gtest/gtest.h>

namespace jw {
namespace {

constexpr const char* kSample = R"(# a comment line
date,kind,name
2025-10-01,holiday,国庆节、中秋节
2025-10-02,holiday,国庆节、中秋节
2025-10-03,holiday,国庆节、中秋节
2025-10-04,holiday,国庆节、中秋节
2025-10-05,holiday,国庆节、中秋节
2025-10-06,holiday,国庆节、中秋节
2025-10-07,holiday,国庆节、中秋节
2025-10-08,holiday,国庆节、中秋节
2025-09-28,workday,国庆节调休上班
2025-10-11,workday,国庆节调休上班
)";

HolidayCalendar Sample() {
    auto cal = HolidayCalendar::FromCsv(kSample);
    EXPECT_TRUE(cal.ok()) << cal.status().message();
    return cal.ok() ? cal.value() : HolidayCalendar();
}

TEST(HolidayCalendar, WeekdaysHolidaysAndMakeUpDays) {
    HolidayCalendar cal = Sample();
    EXPECT_TRUE(cal.IsWorkingDay({2025, 9, 26}));    // Friday
    EXPECT_FALSE(cal.IsWorkingDay({2025, 9, 27}));   // Saturday
    EXPECT_TRUE(cal.IsWorkingDay({2025, 9, 28}));    // Sunday, make-up working day
    EXPECT_FALSE(cal.IsWorkingDay({2025, 10, 8}));   // Wednesday, holiday
    EXPECT_TRUE(cal.IsWorkingDay({2025, 10, 9}));    // Thursday
    EXPECT_TRUE(cal.IsWorkingDay({2025, 10, 11}));   // Saturday, make-up working day
    EXPECT_FALSE(cal.IsWorkingDay({2025, 10, 12}));  // Sunday
    EXPECT_TRUE(cal.IsPublicHoliday({2025, 10, 1}));
    EXPECT_FALSE(cal.IsPublicHoliday({2025, 10, 12}));  // an ordinary Sunday is a rest day, not a public holiday
    EXPECT_TRUE(cal.IsRestDay({2025, 10, 12}));
    EXPECT_EQ(cal.NameOf({2025, 10, 3}), "国庆节、中秋节");
    EXPECT_EQ(cal.NameOf({2025, 10, 9}), "");
}

TEST(HolidayCalendar, FirstWorkingDay) {
    HolidayCalendar cal = Sample();
    EXPECT_EQ(cal.FirstWorkingDayOnOrAfter({2025, 10, 1}), (CivilDate{2025, 10, 9}));
    EXPECT_EQ(cal.FirstWorkingDayOnOrAfter({2025, 10, 9}), (CivilDate{2025, 10, 9}));
    EXPECT_EQ(cal.FirstWorkingDayOnOrAfter({2025, 9, 27}), (CivilDate{2025, 9, 28}));    // Sunday make-up day
    EXPECT_EQ(cal.FirstWorkingDayOnOrAfter({2025, 10, 18}), (CivilDate{2025, 10, 20}));  // plain weekend
}

TEST(HolidayCalendar, YearsAndUnknownYears) {
    HolidayCalendar cal = Sample();
    EXPECT_TRUE(cal.KnowsYear(2025));
    EXPECT_FALSE(cal.KnowsYear(2030));
    // An unknown year still answers from weekends.
    EXPECT_TRUE(cal.IsWorkingDay({2030, 10, 1}));   // a Tuesday with no arrangement loaded
    EXPECT_FALSE(cal.IsWorkingDay({2030, 10, 5}));  // Saturday
}

TEST(HolidayCalendar, ReplaceYear) {
    HolidayCalendar cal = Sample();
    ASSERT_TRUE(cal.ReplaceYear(2025, {{{2025, 5, 1}, DayKind::kHoliday, "劳动节"}}).ok());
    EXPECT_TRUE(cal.IsWorkingDay({2025, 10, 8}));  // the old National Day entries are gone
    EXPECT_FALSE(cal.IsWorkingDay({2025, 5, 1}));
    EXPECT_EQ(cal.EntriesOf(2025).size(), 1u);
    // Adding a year leaves the others alone.
    ASSERT_TRUE(cal.ReplaceYear(2030, {{{2030, 10, 1}, DayKind::kHoliday, "国庆节"}}).ok());
    EXPECT_TRUE(cal.KnowsYear(2030));
    EXPECT_FALSE(cal.IsWorkingDay({2030, 10, 1}));
    EXPECT_FALSE(cal.IsWorkingDay({2025, 5, 1}));
}

TEST(HolidayCalendar, ReplaceYearRejectsBadEntriesAndChangesNothing) {
    HolidayCalendar cal = Sample();
    Status s = cal.ReplaceYear(2025, {{{2026, 1, 1}, DayKind::kHoliday, "元旦"}});
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.fields().count("entries[0].date"), 1u);
    s = cal.ReplaceYear(2025, {{{2025, 1, 1}, DayKind::kHoliday, ""}, {{2025, 1, 1}, DayKind::kWorkday, ""}});
    EXPECT_EQ(s.fields().count("entries[1].date"), 1u);
    EXPECT_FALSE(cal.IsWorkingDay({2025, 10, 8}));  // unchanged
}

TEST(HolidayCalendar, CsvErrorsNameTheLine) {
    auto r = HolidayCalendar::FromCsv("date,kind,name\n2025-10-01,holiday,x\n2025-13-01,holiday,x\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().count("line 3.date"), 1u);
    r = HolidayCalendar::FromCsv("date,kind,name\n2025-10-01,rest,x\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().count("line 2.kind"), 1u);
    r = HolidayCalendar::FromCsv("2025-10-01,holiday,x\n");
    ASSERT_FALSE(r.ok());
    r = HolidayCalendar::FromCsv("date,kind,name\n2025-10-01,holiday,x\n2025-10-01,workday,y\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().count("line 3.date"), 1u);
}

TEST(HolidayCalendar, CsvRoundTrip) {
    HolidayCalendar cal = Sample();
    auto again = HolidayCalendar::FromCsv(cal.ToCsv());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->ToCsv(), cal.ToCsv());
    EXPECT_EQ(again->EntriesOf(2025).size(), 10u);
}

TEST(HolidayCalendar, NamesWithCommasAndQuotesRoundTrip) {
    HolidayCalendar cal;
    cal.Set({{2026, 10, 1}, DayKind::kHoliday, "国庆节, \"黄金周\""});
    auto again = HolidayCalendar::FromCsv(cal.ToCsv());
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(again->NameOf({2026, 10, 1}), "国庆节, \"黄金周\"");
}

TEST(HolidayCalendar, CsvErrorsSayTheColumn) {
    auto r = HolidayCalendar::FromCsv("date,kind,name\n2025-10-01, rest ,x\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().at("line 2.kind"), "must be holiday or workday");
    EXPECT_NE(r.status().message().find("line 2, column 13"), std::string::npos) << r.status().message();
    r = HolidayCalendar::FromCsv("date,kind,name\n2025-10-01,holiday,\"x\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().at("holidays.csv"), "line 2, column 20: unterminated_quote");
}

}  // namespace
}  // namespace jw
