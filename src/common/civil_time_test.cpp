#include "common/civil_time.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "common/china_day.hpp"

namespace jw {
namespace {

TEST(CivilTime, KnownDays) {
    EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
    EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
    EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
    EXPECT_EQ(DaysFromCivil({2024, 1, 1}), 19723);
    EXPECT_EQ(CivilFromDays(19723), (CivilDate{2024, 1, 1}));
    EXPECT_EQ(CivilFromDays(-719468), (CivilDate{0, 3, 1}));
}

// Every day from 1800 (the earliest IsValidDate accepts) to 2400 survives days -> date -> days, and
// consecutive days are consecutive valid dates.
TEST(CivilTime, DayRoundTrip) {
    const int64_t first = DaysFromCivil({1800, 1, 1});
    const int64_t last = DaysFromCivil({2400, 12, 31});
    CivilDate previous = CivilFromDays(first - 1);
    for (int64_t z = first; z <= last; ++z) {
        const CivilDate d = CivilFromDays(z);
        ASSERT_TRUE(IsValidDate(d)) << FormatDate(d);
        ASSERT_EQ(DaysFromCivil(d), z) << FormatDate(d);
        ASSERT_LT(previous, d);
        previous = d;
    }
}

TEST(CivilTime, LeapYears) {
    EXPECT_TRUE(IsValidDate({2000, 2, 29}));   // divisible by 400
    EXPECT_FALSE(IsValidDate({1900, 2, 29}));  // divisible by 100 only
    EXPECT_FALSE(IsValidDate({2100, 2, 29}));
    EXPECT_TRUE(IsValidDate({2024, 2, 29}));
    EXPECT_FALSE(IsValidDate({2023, 2, 29}));
    EXPECT_EQ(DaysFromCivil({2024, 3, 1}) - DaysFromCivil({2024, 2, 28}), 2);
    EXPECT_EQ(DaysFromCivil({2023, 3, 1}) - DaysFromCivil({2023, 2, 28}), 1);
    EXPECT_EQ(DaysFromCivil({2001, 1, 1}) - DaysFromCivil({2000, 1, 1}), 366);
    EXPECT_EQ(DaysFromCivil({1901, 1, 1}) - DaysFromCivil({1900, 1, 1}), 365);
}

TEST(CivilTime, ValidDateBounds) {
    EXPECT_TRUE(IsValidDate({2024, 1, 31}));
    EXPECT_FALSE(IsValidDate({2024, 4, 31}));
    EXPECT_TRUE(IsValidDate({2024, 12, 31}));
    EXPECT_FALSE(IsValidDate({2024, 13, 1}));
    EXPECT_FALSE(IsValidDate({2024, 0, 1}));
    EXPECT_FALSE(IsValidDate({2024, 1, 0}));
    EXPECT_FALSE(IsValidDate({1799, 12, 31}));
    EXPECT_TRUE(IsValidDate({9999, 12, 31}));
    EXPECT_FALSE(IsValidDate({10000, 1, 1}));
}

TEST(CivilTime, ParseDate) {
    EXPECT_EQ(ParseDate("2024-02-29"), (CivilDate{2024, 2, 29}));
    EXPECT_EQ(ParseDate("20240229"), (CivilDate{2024, 2, 29}));
    EXPECT_EQ(FormatDate(ParseDate("19900307").value()), "1990-03-07");
    for (const char* bad : {"", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024/01/01", "2024-1-01",
                            "2024-01-1", "24-01-01", "2024-01-01 ", " 2024-01-01", "2024-01-0a", "+024-01-01",
                            "2024-+1-01", "2024010", "202401011", "2024-0101", "1799-12-31", "２０２４-01-01"}) {
        EXPECT_FALSE(ParseDate(bad)) << bad;
    }
}

TEST(CivilTime, FormatDatePadsFields) {
    EXPECT_EQ(FormatDate({2024, 1, 2}), "2024-01-02");
    EXPECT_EQ(FormatDate({1800, 12, 31}), "1800-12-31");
}

TEST(CivilTime, UtcIso) {
    EXPECT_EQ(FormatUtcIso(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatUtcIso(-1), "1969-12-31T23:59:59Z");
    EXPECT_EQ(FormatUtcIso(1704067200), "2024-01-01T00:00:00Z");
    EXPECT_EQ(FormatUtcIso(1709164800 + 86399), "2024-02-29T23:59:59Z");
    EXPECT_EQ(ParseUtcIso("2024-01-01T00:00:00Z"), 1704067200);
    EXPECT_EQ(ParseUtcIso("1969-12-31T23:59:59Z"), -1);
    for (int64_t t : {int64_t{0}, int64_t{-1}, int64_t{-86400}, int64_t{951782400}, int64_t{1704067199},
                      int64_t{4102444800}, int64_t{-2208988800}}) {
        EXPECT_EQ(ParseUtcIso(FormatUtcIso(t)), t) << t;
    }
}

// China is UTC+8 all year: the calendar day there starts at 16:00 UTC the day before.
TEST(CivilTime, ChinaOffset) {
    EXPECT_EQ(kChinaOffsetSeconds, 28800);
    EXPECT_EQ(FormatChinaTime(0), "1970-01-01 08:00:00");
    EXPECT_EQ(FormatChinaTime(1704067200 - 28800), "2024-01-01 00:00:00");
    EXPECT_EQ(FormatChinaTime(1704067200 - 28801), "2023-12-31 23:59:59");
    EXPECT_EQ(FormatChinaTime(1719792000), "2024-07-01 08:00:00");  // no daylight saving in summer
    EXPECT_EQ(ParseChinaTime("2024-01-01 08:00:00"), 1704067200);
    EXPECT_EQ(ParseChinaTime("1970-01-01 00:00:00"), -28800);
    for (int64_t t : {int64_t{0}, int64_t{-28801}, int64_t{1704038399}, int64_t{1704038400}, int64_t{1719792000}}) {
        EXPECT_EQ(ParseChinaTime(FormatChinaTime(t)), t) << t;
    }
}

TEST(CivilTime, TimeParsingRejects) {
    for (const char* bad :
         {"", "2024-01-01T00:00:00", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00+08:00", "2024-01-01T24:00:00Z",
          "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-02-30T00:00:00Z", "2024-01-01T0:00:00Z",
          "2024-01-01T00-00-00Z", "2024-01-01t00:00:00Z", "2024-01-01T00:00:00z", "20240101T000000Z",
          "2024-01-01T00:00:0aZ", "2024-01-01T-1:00:00Z"}) {
        EXPECT_FALSE(ParseUtcIso(bad)) << bad;
    }
    for (const char* bad : {"", "2024-01-01T00:00:00", "2024-01-01 00:00", "2024-01-01 00:00:00Z",
                            "2024-01-01 25:00:00", "2024-13-01 00:00:00", "2024-01-01  0:00:00"}) {
        EXPECT_FALSE(ParseChinaTime(bad)) << bad;
    }
}

TEST(CivilTime, NowAndTodayAgree) {
    const int64_t before = NowUnix();
    const int64_t before_ms = NowUnixMillis();
    const CivilDate today = TodayInChina();
    const int64_t after = NowUnix();
    EXPECT_LE(before_ms / 1000, after);
    EXPECT_GE(before_ms / 1000, before - 1);
    const int64_t day = DaysFromCivil(today);
    EXPECT_GE(day, (before + kChinaOffsetSeconds) / 86400);
    EXPECT_LE(day, (after + kChinaOffsetSeconds) / 86400);
}

// China midnight is 16:00 UTC of the day before: the last second before it and midnight itself fall on
// different China days, and midnight has second of day 0.
TEST(ChinaDay, MidnightBoundary) {
    const int64_t midnight = *ParseUtcIso("2026-03-31T16:00:00Z");  // 2026-04-01 00:00 China time
    EXPECT_EQ(ChinaDateOf(midnight), (CivilDate{2026, 4, 1}));
    EXPECT_EQ(ChinaDateOf(midnight - 1), (CivilDate{2026, 3, 31}));
    EXPECT_EQ(ChinaSecondOfDay(midnight), 0);
    EXPECT_EQ(ChinaSecondOfDay(midnight - 1), 86399);
    EXPECT_EQ(ChinaHourOfDay(midnight - 1), 23);
    EXPECT_EQ(ChinaHourOfDay(midnight + 3599), 0);
    EXPECT_EQ(ChinaHourOfDay(midnight + 3600), 1);
    EXPECT_EQ(ChinaDayNumber(midnight), ChinaDayNumber(midnight - 1) + 1);
    EXPECT_EQ(ChinaDayStart(midnight), midnight);
    EXPECT_EQ(ChinaDayStart(midnight - 1), midnight - 86400);
    EXPECT_EQ(ChinaDayStart(midnight + 86399), midnight);
    EXPECT_EQ(ChinaMidnightOf({2026, 4, 1}), midnight);
    EXPECT_EQ(FormatChinaDate(midnight - 1), "2026-03-31");
    EXPECT_EQ(FormatChinaTime(ChinaMidnightOf({2026, 4, 1})), "2026-04-01 00:00:00");
}

// The epoch is 08:00 China time on 1970-01-01; China day 0 starts eight hours before it.
TEST(ChinaDay, Epoch) {
    EXPECT_EQ(ChinaDayNumber(0), 0);
    EXPECT_EQ(ChinaSecondOfDay(0), 8 * 3600);
    EXPECT_EQ(ChinaHourOfDay(0), 8);
    EXPECT_EQ(ChinaMidnightOfDay(0), -8 * 3600);
    EXPECT_EQ(ChinaMidnightOf({1970, 1, 1}), -8 * 3600);
    EXPECT_EQ(ChinaDateOf(0), (CivilDate{1970, 1, 1}));
    EXPECT_EQ(ChinaDateOf(-8 * 3600), (CivilDate{1970, 1, 1}));
}

// Before China midnight of 1970-01-01 the day number is negative and rounds down, never toward zero; the
// second of day stays in [0, 86400).
TEST(ChinaDay, NegativeTimesRoundDown) {
    EXPECT_EQ(ChinaDayNumber(-8 * 3600 - 1), -1);
    EXPECT_EQ(ChinaDateOf(-8 * 3600 - 1), (CivilDate{1969, 12, 31}));
    EXPECT_EQ(ChinaSecondOfDay(-8 * 3600 - 1), 86399);
    EXPECT_EQ(ChinaDayNumber(-8 * 3600 - 86400), -1);
    EXPECT_EQ(ChinaDayNumber(-8 * 3600 - 86401), -2);
    EXPECT_EQ(ChinaDayStart(-8 * 3600 - 1), -8 * 3600 - 86400);
    const int64_t t = *ParseUtcIso("1969-12-31T10:00:00Z");  // 18:00 China time the same day
    EXPECT_EQ(FormatChinaDate(t), "1969-12-31");
    EXPECT_EQ(ChinaHourOfDay(t), 18);
    EXPECT_EQ(ChinaDateOf(*ParseUtcIso("1900-03-01T15:59:59Z")), (CivilDate{1900, 3, 1}));
    EXPECT_EQ(ChinaDateOf(*ParseUtcIso("1900-03-01T16:00:00Z")), (CivilDate{1900, 3, 2}));
}

TEST(ChinaDay, LeapDays) {
    EXPECT_EQ(ChinaDateOf(ChinaMidnightOf({2024, 2, 29}) + 86399), (CivilDate{2024, 2, 29}));
    EXPECT_EQ(ChinaDateOf(ChinaMidnightOf({2024, 2, 29}) + 86400), (CivilDate{2024, 3, 1}));
    EXPECT_EQ(ChinaDateOf(ChinaMidnightOf({2023, 2, 28}) + 86400), (CivilDate{2023, 3, 1}));
    EXPECT_EQ(ChinaDateOf(ChinaMidnightOf({2000, 2, 28}) + 86400), (CivilDate{2000, 2, 29}));
    EXPECT_EQ(ChinaDateOf(ChinaMidnightOf({1900, 2, 28}) + 86400), (CivilDate{1900, 3, 1}));
    EXPECT_EQ(ChinaMidnightOf({2024, 3, 1}) - ChinaMidnightOf({2024, 2, 28}), 2 * 86400);
}

// Over every hour from 1960 to 2040 the pieces agree with each other and with the China-time formatter.
TEST(ChinaDay, AgreesWithFormatChinaTime) {
    const int64_t first = ChinaMidnightOf({1960, 1, 1}) - 7 * 3600 - 1, last = ChinaMidnightOf({2040, 1, 1});
    for (int64_t t = first; t <= last; t += 3600 + 17) {
        const int64_t start = ChinaDayStart(t);
        ASSERT_LE(start, t);
        ASSERT_LT(t - start, 86400);
        ASSERT_EQ(ChinaMidnightOf(ChinaDateOf(t)), start);
        char expect[20];
        const int s = ChinaSecondOfDay(t);
        std::snprintf(expect, sizeof expect, "%02d:%02d:%02d", ChinaHourOfDay(t), s / 60 % 60, s % 60);
        ASSERT_EQ(FormatChinaTime(t), FormatChinaDate(t) + " " + expect) << t;
    }
}

}  // namespace
}  // namespace jw
