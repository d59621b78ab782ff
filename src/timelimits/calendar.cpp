#include "timelimits/calendar.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "common/china_day.hpp"

namespace jw::timelimits {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

Status AddDays(const std::vector<std::string>& dates, const char* name, DayKind kind,
               std::map<int, std::vector<CalendarEntry>>& by_year, std::set<std::string>& seen) {
    for (size_t i = 0; i < dates.size(); ++i) {
        const std::string field = std::string(name) + "[" + std::to_string(i) + "]";
        auto d = ParseDate(dates[i]);
        if (!d || dates[i].size() != 10) return Status::Invalid(field, "not a YYYY-MM-DD date");
        if (!seen.insert(dates[i]).second) return Status::Invalid(field, "date listed twice");
        by_year[d->year].push_back({*d, kind, ""});
    }
    return Status::Ok();
}

}  // namespace

const HolidayCalendar& DefaultHolidayCalendar() {
    static const HolidayCalendar calendar = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name != "holidays.csv") continue;
            auto parsed = HolidayCalendar::FromCsv(content);
            if (!parsed.ok()) {
                std::fprintf(stderr, "timelimits: shipped holidays.csv is broken: %s\n",
                             parsed.status().message().c_str());
                std::abort();
            }
            return std::move(parsed).value();
        }
        std::fprintf(stderr, "timelimits: holidays.csv is not embedded\n");
        std::abort();
    }();
    return calendar;
}

Result<HolidayCalendar> CalendarWithOverrides(const HolidayCalendar& base, const std::vector<std::string>& holidays,
                                              const std::vector<std::string>& workdays) {
    HolidayCalendar cal = base;
    std::map<int, std::vector<CalendarEntry>> by_year;
    std::set<std::string> seen;
    JW_RETURN_IF_ERROR(AddDays(holidays, "holidays", DayKind::kHoliday, by_year, seen));
    JW_RETURN_IF_ERROR(AddDays(workdays, "workdays", DayKind::kWorkday, by_year, seen));
    for (const auto& [year, entries] : by_year) JW_RETURN_IF_ERROR(cal.ReplaceYear(year, entries));
    return cal;
}

std::optional<CivilDate> ParseDayOrInstant(const std::string& text) {
    if (text.size() == 10) return ParseDate(text);
    if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
    if (text.back() == 'Z') {
        auto unix = ParseUtcIso(text.substr(0, 19) + "Z");
        if (!unix) return std::nullopt;
        return ChinaDateOf(*unix);
    }
    std::string tail = text.substr(19);
    size_t frac = 0;
    if (!tail.empty() && tail[0] == '.') {
        frac = 1;
        while (frac < tail.size() && std::isdigit(static_cast<unsigned char>(tail[frac]))) ++frac;
    }
    tail = tail.substr(frac);
    if (!tail.empty() && tail != "+08:00" && tail != "+0800") return std::nullopt;
    if (!ParseChinaTime(text.substr(0, 10) + " " + text.substr(11, 8))) return std::nullopt;
    return ParseDate(text.substr(0, 10));
}

}  // namespace jw::timelimits
