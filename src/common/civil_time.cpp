#include "common/civil_time.hpp"

#include <chrono>
#include <cstdio>

#include "common/china_day.hpp"

namespace jw {

int64_t NowUnix() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int64_t NowUnixMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Howard Hinnant's days_from_civil algorithm (public domain description).
int64_t DaysFromCivil(CivilDate d) {
    int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t mp = (d.month + 9) % 12;
    const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

bool IsValidDate(CivilDate d) {
    if (d.year < 1800 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int max_day = d.month == 2 && leap ? 29 : kDays[d.month - 1];
    return d.day <= max_day;
}

namespace {
bool ParseDigits(std::string_view s, int& out) {
    if (s.empty()) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}
}  // namespace

std::optional<CivilDate> ParseDate(std::string_view t) {
    CivilDate d;
    bool ok = false;
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        ok = ParseDigits(t.substr(0, 4), d.year) && ParseDigits(t.substr(5, 2), d.month) &&
             ParseDigits(t.substr(8, 2), d.day);
    } else if (t.size() == 8) {
        ok = ParseDigits(t.substr(0, 4), d.year) && ParseDigits(t.substr(4, 2), d.month) &&
             ParseDigits(t.substr(6, 2), d.day);
    }
    if (!ok || !IsValidDate(d)) return std::nullopt;
    return d;
}

std::string FormatDate(CivilDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

CivilDate TodayInChina() { return ChinaDateOf(NowUnix()); }

namespace {
std::string FormatWithOffset(int64_t t, int64_t offset, const char* fmt) {
    const int64_t local = t + offset;
    int64_t days = local / 86400;
    int64_t secs = local % 86400;
    if (secs < 0) {
        secs += 86400;
        days -= 1;
    }
    const CivilDate d = CivilFromDays(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, d.year, d.month, d.day, static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

std::optional<int64_t> ParseWithOffset(std::string_view t, char date_time_sep, bool trailing_z, int64_t offset) {
    if (t.size() != (trailing_z ? 20u : 19u)) return std::nullopt;
    if (t[10] != date_time_sep || t[13] != ':' || t[16] != ':') return std::nullopt;
    if (trailing_z && t[19] != 'Z') return std::nullopt;
    auto date = ParseDate(t.substr(0, 10));
    int h = 0, m = 0, s = 0;
    if (!date || !ParseDigits(t.substr(11, 2), h) || !ParseDigits(t.substr(14, 2), m) ||
        !ParseDigits(t.substr(17, 2), s) || h > 23 || m > 59 || s > 59)
        return std::nullopt;
    return DaysFromCivil(*date) * 86400 + h * 3600 + m * 60 + s - offset;
}
}  // namespace

std::string FormatUtcIso(int64_t t) { return FormatWithOffset(t, 0, "%04d-%02d-%02dT%02d:%02d:%02dZ"); }
std::optional<int64_t> ParseUtcIso(std::string_view t) { return ParseWithOffset(t, 'T', true, 0); }
std::string FormatChinaTime(int64_t t) {
    return FormatWithOffset(t, kChinaOffsetSeconds, "%04d-%02d-%02d %02d:%02d:%02d");
}
std::optional<int64_t> ParseChinaTime(std::string_view t) {
    return ParseWithOffset(t, ' ', false, kChinaOffsetSeconds);
}

}  // namespace jw
