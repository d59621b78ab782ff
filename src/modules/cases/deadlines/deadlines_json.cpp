#include "cases/deadlines/deadlines_json.hpp"

#include <cstdio>

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
    return timelimits::CalendarWithOverrides(shipped, request.holidays, request.workdays);
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
    return ComputeJson(request, CaseRules(), DefaultHolidayCalendar(), fallback_today);
}

}  // namespace jw::cases::deadlines
