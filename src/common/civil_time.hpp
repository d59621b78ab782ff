#pragma once
// Civil time. Instants are stored as UTC (Unix seconds, or ISO 8601 "…Z" text in the database) and shown
// in China time (UTC+8, no daylight saving). Thread-safe: pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jw {

constexpr int64_t kChinaOffsetSeconds = 8 * 3600;

struct CivilDate {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const CivilDate&) const = default;
};

int64_t NowUnix();  // seconds since the epoch, UTC
int64_t NowUnixMillis();
int64_t DaysFromCivil(CivilDate d);  // days since 1970-01-01
CivilDate CivilFromDays(int64_t days);
bool IsValidDate(CivilDate d);
std::optional<CivilDate> ParseDate(std::string_view text);  // "YYYY-MM-DD" or "YYYYMMDD"
std::string FormatDate(CivilDate d);                        // "YYYY-MM-DD"
CivilDate TodayInChina();

std::string FormatUtcIso(int64_t unix_seconds);                // "2026-01-02T03:04:05Z"
std::optional<int64_t> ParseUtcIso(std::string_view text);     // inverse of FormatUtcIso
std::string FormatChinaTime(int64_t unix_seconds);             // "2026-01-02 11:04:05"
std::optional<int64_t> ParseChinaTime(std::string_view text);  // "YYYY-MM-DD HH:MM:SS" China time

}  // namespace jw
