#include "cases/deadlines/deadlines_json.hpp"

#include <cstdio>
#include <set>

namespace jw::cases::deadlines {
namespace {

std::string Prefixed(size_t i, const std::string& field) { return "events[" + std::to_string(i) + "]." + field; }

void ReadEvent(const Json& item, size_t i, ClockEvent& e, std::map<std::string, std::string>& problems) {
    if (!item.is_object()) {
        problems["events[" + std::to_string(i) + "]"] = "not_an_object";
        return;
    }
    JsonReader r(item, {"type", "kind", "at", "date", "key", "clock_key", "days", "months", "reason", "note"});
    auto kind = r.Text(r.Has("kind") ? "kind" : "type", true, 60);
    auto date = r.Text(r.Has("date") ? "date" : "at", true, 40);
    auto key = r.Text(r.Has("clock_key") ? "clock_key" : "key", false, 100);
    auto days = r.Int("days", false, 0, 400);
    auto months = r.Int("months", false, 0, 24);
    auto reason = r.Text("reason", false, 20);
    auto note = r.Text("note", false, 500);
    Status s = r.status();
    for (const auto& [field, problem] : s.fields()) problems[Prefixed(i, field)] = problem;
    e.kind = kind.value_or("");
    e.date = date.value_or("");
    e.clock_key = key.value_or("");
    e.days = static_cast<int>(days.value_or(0));
    e.months = static_cast<int>(months.value_or(0));
    e.reason = reason.value_or("");
    e.note = note.value_or("");
}

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

// The engine names an event's fields by their canonical names ("events[2].date", "events[2].kind"); a client that
// wrote "at" / "type" must be told about the field it sent, so the name is translated back.
Status AsSpelled(const Status& status, const Json& request) {
    if (status.code() != ErrorCode::kInvalidArgument || !request.contains("events") ||
        !request.at("events").is_array()) {
        return status;
    }
    const Json& events = request.at("events");
    std::string message = status.message();
    std::map<std::string, std::string> fields;
    for (const auto& [field, problem] : status.fields()) {
        std::string name = field;
        size_t i = 0, dot = 0;
        if (std::sscanf(field.c_str(), "events[%zu]", &i) == 1 && (dot = field.find("].")) != std::string::npos &&
            i < events.size() && events[i].is_object()) {
            const std::string attr = field.substr(dot + 2);
            const Json& e = events[i];
            if (attr == "date" && !e.contains("date") && e.contains("at")) name = Prefixed(i, "at");
            if (attr == "kind" && !e.contains("kind") && e.contains("type")) name = Prefixed(i, "type");
        }
        if (name != field) {
            if (size_t at = message.find(field); at != std::string::npos) message.replace(at, field.size(), name);
        }
        fields[name] = problem;
    }
    return Status(status.code(), message, fields);
}

}  // namespace

Result<ComputeRequest> ParseComputeRequest(const Json& request, const std::string& fallback_today) {
    if (!request.is_object()) return Status::Invalid("body", "not_an_object");
    JsonReader r(request, {"case_type", "law", "holidays", "workdays", "events", "now"});
    ComputeRequest out;
    out.facts.case_type = r.Text("case_type", true, 20).value_or("");
    out.facts.law = r.Text("law", false, 10).value_or("auto");
    out.holidays = r.TextList("holidays", false, 400, 10).value_or(std::vector<std::string>{});
    out.workdays = r.TextList("workdays", false, 400, 10).value_or(std::vector<std::string>{});
    auto now = r.Text("now", false, 40);
    out.today = fallback_today;
    if (now) {
        auto today = ParseCaseDate(*now);
        if (today) {
            out.today = FormatDate(*today);
        } else {
            r.Fail("now", "not_a_date");
        }
    }
    std::map<std::string, std::string> problems;
    if (r.Has("events")) {
        const Json& events = request.at("events");
        if (!events.is_array()) {
            r.Fail("events", "not_a_list");
        } else if (events.size() > 500) {
            r.Fail("events", "too_many");
        } else {
            out.facts.events.resize(events.size());
            for (size_t i = 0; i < events.size(); ++i) ReadEvent(events[i], i, out.facts.events[i], problems);
        }
    }
    Status s = r.status();
    if (!s.ok() || !problems.empty()) {
        Status all(ErrorCode::kInvalidArgument, "invalid input", s.fields());
        for (const auto& [field, problem] : problems) all.mutable_fields()[field] = problem;
        return all;
    }
    return out;
}

Result<HolidayCalendar> CalendarFor(const ComputeRequest& request, const HolidayCalendar& shipped) {
    HolidayCalendar cal = shipped;
    std::map<int, std::vector<CalendarEntry>> by_year;
    std::set<std::string> seen;
    JW_RETURN_IF_ERROR(AddDays(request.holidays, "holidays", DayKind::kHoliday, by_year, seen));
    JW_RETURN_IF_ERROR(AddDays(request.workdays, "workdays", DayKind::kWorkday, by_year, seen));
    for (const auto& [year, entries] : by_year) JW_RETURN_IF_ERROR(cal.ReplaceYear(year, entries));
    return cal;
}

Json ClockToJson(const Clock& c) {
    Json stops = Json::array();
    for (const auto& s : c.stops) stops.push_back({{"from", s.from}, {"to", s.to}, {"kind", s.kind}, {"days", s.days}});
    Json extensions = Json::array();
    for (const auto& e : c.extensions) {
        extensions.push_back(
            {{"approved_on", e.approved_on}, {"length", e.length}, {"approver", e.approver}, {"basis", e.basis}});
    }
    Json next = nullptr;
    if (c.next_extension.available) {
        next = {{"length", c.next_extension.length},
                {"unit", c.next_extension.unit},
                {"approver", c.next_extension.approver},
                {"basis", c.next_extension.basis},
                {"request_by", c.next_extension.request_by}};
    }
    return {{"key", c.key},
            {"rule_id", c.rule_id},
            {"subject", c.subject},
            {"name", c.name_zh},
            {"name_en", c.name_en},
            {"basis", c.basis},
            {"counting_basis", c.counting_basis},
            {"start", c.start},
            {"deadline", c.due},
            {"end", c.end.empty() ? Json(nullptr) : Json(c.end)},
            {"days_left", c.days_left},
            {"status", c.state},
            {"length", c.length},
            {"unit", c.unit},
            {"paused_days", c.paused_days},
            {"stops", stops},
            {"extensions", extensions},
            {"extensions_max", c.extensions_max},
            {"next_extension", next},
            {"liberty_restricting", c.liberty_restricting},
            {"holiday_extended", c.holiday_extended},
            {"trace", c.trace},
            {"warnings", c.warnings}};
}

Json ClocksToJson(const std::vector<Clock>& clocks) {
    Json list = Json::array();
    for (const auto& c : clocks) list.push_back(ClockToJson(c));
    return {{"clocks", list}};
}

Json RemindersToJson(const std::vector<Reminder>& reminders) {
    Json list = Json::array();
    for (const auto& r : reminders) {
        list.push_back({{"key", r.key},
                        {"clock_key", r.clock_key},
                        {"rule_id", r.rule_id},
                        {"stage", r.stage},
                        {"due", r.due},
                        {"fire_on", r.fire_on},
                        {"days_left", r.days_left},
                        {"recipients", r.recipients},
                        {"name", r.name_zh},
                        {"name_en", r.name_en},
                        {"basis", r.basis}});
    }
    return list;
}

Result<Json> ComputeJson(const Json& request, const RuleSet& rules, const HolidayCalendar& shipped,
                         const std::string& fallback_today) {
    JW_ASSIGN_OR_RETURN(ComputeRequest req, ParseComputeRequest(request, fallback_today));
    JW_ASSIGN_OR_RETURN(HolidayCalendar calendar, CalendarFor(req, shipped));
    JW_ASSIGN_OR_RETURN(std::string law, ChooseLaw(req.facts));
    auto clocks = ComputeClocks(rules, calendar, req.facts, req.today);
    if (!clocks.ok()) return AsSpelled(clocks.status(), request);
    Json out = ClocksToJson(*clocks);
    out["law"] = law.empty() ? Json(nullptr) : Json(law);
    return out;
}

Result<Json> ComputeJsonBody(std::string_view body, const std::string& fallback_today) {
    JW_ASSIGN_OR_RETURN(Json request, ParseJsonObject(body));
    return ComputeJson(request, RuleSet::Default(), DefaultHolidayCalendar(), fallback_today);
}

}  // namespace jw::cases::deadlines
