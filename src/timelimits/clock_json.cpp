#include "timelimits/clock_json.hpp"

namespace jw::timelimits {

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

}  // namespace jw::timelimits
