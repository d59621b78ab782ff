#pragma once
// China-time days of Unix instants (UTC+8, no daylight saving): the one place that turns an instant into a
// China day number, date, second or hour of day, and a China date back into the instant of its midnight.
// Day numbers count days since 1970-01-01 in China time and round down, so an instant before
// 1970-01-01 00:00 China time has a negative day number and still a second of day in [0, 86400).
// Header-only and constexpr: the analytics engine calls ChinaDayNumber per pass in its scan loops, where a
// call into another translation unit would cost. Thread-safe: pure functions.

#include <cstdint>
#include <string>

#include "common/civil_time.hpp"

namespace jw {

inline constexpr int64_t kDaySeconds = 86400;

// China day holding instant t: floor((t + 8 h) / 1 day). The bucket of "days" in every per-day count.
constexpr int64_t ChinaDayNumber(int64_t t) {
    const int64_t s = t + kChinaOffsetSeconds;
    return s >= 0 ? s / kDaySeconds : (s - kDaySeconds + 1) / kDaySeconds;
}

// Instant of 00:00 China time that starts China day number `day`.
constexpr int64_t ChinaMidnightOfDay(int64_t day) { return day * kDaySeconds - kChinaOffsetSeconds; }

// Instant of 00:00 China time that starts the China day holding t; t - ChinaDayStart(t) is in [0, 86400).
constexpr int64_t ChinaDayStart(int64_t t) { return ChinaMidnightOfDay(ChinaDayNumber(t)); }

// Seconds since China midnight of instant t, in [0, 86400).
constexpr int32_t ChinaSecondOfDay(int64_t t) { return static_cast<int32_t>(t - ChinaDayStart(t)); }

// China hour of day of instant t, 0..23: the bucket of "hours" in per-hour-of-day counts.
constexpr int32_t ChinaHourOfDay(int64_t t) { return ChinaSecondOfDay(t) / 3600; }

// China date of instant t (a date before 1970 for t before 1970-01-01 00:00 China time).
inline CivilDate ChinaDateOf(int64_t t) { return CivilFromDays(ChinaDayNumber(t)); }

// Instant of 00:00 China time on date d.
inline int64_t ChinaMidnightOf(CivilDate d) { return ChinaMidnightOfDay(DaysFromCivil(d)); }

// China date of instant t as "YYYY-MM-DD".
inline std::string FormatChinaDate(int64_t t) { return FormatDate(ChinaDateOf(t)); }

}  // namespace jw
