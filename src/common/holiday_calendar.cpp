#include "common/holiday_calendar.hpp"

#include <sstream>

#include "common/csv.hpp"
#include "common/csv_reader.hpp"

namespace jw {
namespace {

// ISO weekday: 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday.
int IsoWeekday(CivilDate d) {
    int64_t days = DaysFromCivil(d);
    int64_t w = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
    return static_cast<int>(w) + 1;
}

}  // namespace

Result<HolidayCalendar> HolidayCalendar::FromCsv(std::string_view csv) {
    HolidayCalendar cal;
    bool header_seen = false;
    JW_ASSIGN_OR_RETURN(const auto rows,
                        ReadCsv(csv, CsvOptions{.name = "holidays.csv", .trim = true, .comment = '#'}));
    for (const auto& cols : rows) {
        const std::string where = "line " + std::to_string(cols.line);
        if (!header_seen) {
            if (cols.size() < 2 || cols[0] != "date" || cols[1] != "kind") {
                return CsvInvalid(where, "expected the header date,kind,name", cols.Where(0));
            }
            header_seen = true;
            continue;
        }
        if (cols.size() < 2) return CsvInvalid(where + ".kind", "missing column", cols.Where(1));
        auto date = ParseDate(cols[0]);
        if (!date || cols[0].size() != 10) return CsvInvalid(where + ".date", "not a YYYY-MM-DD date", cols.Where(0));
        CalendarEntry e{*date, DayKind::kHoliday, cols.size() > 2 ? cols[2] : std::string()};
        if (cols[1] == "holiday") {
            e.kind = DayKind::kHoliday;
        } else if (cols[1] == "workday") {
            e.kind = DayKind::kWorkday;
        } else {
            return CsvInvalid(where + ".kind", "must be holiday or workday", cols.Where(1));
        }
        if (cal.entries_.count(DaysFromCivil(e.date)) > 0) {
            return CsvInvalid(where + ".date", "date listed twice", cols.Where(0));
        }
        cal.Set(e);
    }
    if (!header_seen) return Status::Invalid("line 1", "expected the header date,kind,name");
    return cal;
}

Status HolidayCalendar::ReplaceYear(int year, const std::vector<CalendarEntry>& entries) {
    std::set<int64_t> seen;
    for (size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const std::string field = "entries[" + std::to_string(i) + "].date";
        if (!IsValidDate(e.date) || e.date.year != year) {
            return Status::Invalid(field, "not a valid date in " + std::to_string(year));
        }
        if (!seen.insert(DaysFromCivil(e.date)).second) return Status::Invalid(field, "date listed twice");
    }
    int64_t first = DaysFromCivil({year, 1, 1});
    int64_t last = DaysFromCivil({year, 12, 31});
    entries_.erase(entries_.lower_bound(first), entries_.upper_bound(last));
    for (const auto& e : entries) entries_[DaysFromCivil(e.date)] = e;
    years_.insert(year);
    return Status::Ok();
}

void HolidayCalendar::Set(const CalendarEntry& entry) {
    entries_[DaysFromCivil(entry.date)] = entry;
    years_.insert(entry.date.year);
}

bool HolidayCalendar::IsWorkingDay(CivilDate d) const {
    auto it = entries_.find(DaysFromCivil(d));
    if (it != entries_.end()) return it->second.kind == DayKind::kWorkday;
    return IsoWeekday(d) <= 5;
}

bool HolidayCalendar::IsPublicHoliday(CivilDate d) const {
    auto it = entries_.find(DaysFromCivil(d));
    return it != entries_.end() && it->second.kind == DayKind::kHoliday;
}

std::string HolidayCalendar::NameOf(CivilDate d) const {
    auto it = entries_.find(DaysFromCivil(d));
    return it == entries_.end() ? std::string() : it->second.name;
}

CivilDate HolidayCalendar::FirstWorkingDayOnOrAfter(CivilDate d) const {
    int64_t days = DaysFromCivil(d);
    // A run of rest days is at most a few weeks even with bad data; the bound only guards against a calendar
    // that marks a whole year as holidays.
    for (int i = 0; i < 400 && !IsWorkingDay(CivilFromDays(days)); ++i) ++days;
    return CivilFromDays(days);
}

std::vector<CalendarEntry> HolidayCalendar::EntriesOf(int year) const {
    std::vector<CalendarEntry> out;
    auto it = entries_.lower_bound(DaysFromCivil({year, 1, 1}));
    auto end = entries_.upper_bound(DaysFromCivil({year, 12, 31}));
    for (; it != end; ++it) out.push_back(it->second);
    return out;
}

std::string HolidayCalendar::ToCsv() const {
    std::ostringstream out;
    out << "date,kind,name\n";
    for (const auto& [days, e] : entries_) {
        out << FormatDate(e.date) << ',' << (e.kind == DayKind::kHoliday ? "holiday" : "workday") << ','
            << CsvField(e.name) << '\n';
    }
    return out.str();
}

}  // namespace jw
