// Tickets as JSON (ticket_json.hpp).
#include "servicedesk/tickets/ticket_json.hpp"

#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "servicedesk/assignment/time_limits.hpp"

namespace jw::servicedesk {
namespace {

Json Time(const std::optional<int64_t>& t) { return t ? Json(FormatUtcIso(*t)) : Json(nullptr); }

}  // namespace

Json ClockJson(const timelimits::Clock& c) {
    return {{"rule_id", c.rule_id}, {"name_zh", c.name_zh}, {"name_en", c.name_en},
            {"basis", c.basis},     {"start", c.start},     {"due", c.due},
            {"end", c.end},         {"state", c.state},     {"days_left", c.days_left}};
}

Json TicketJson(const Ticket& t, bool full, const std::vector<timelimits::Clock>* clocks) {
    Json complainant = {{"anonymous", t.anonymous},
                        {"name", full ? t.complainant_name : MaskName(t.complainant_name)},
                        {"phone", full ? t.complainant_phone : MaskPhone(t.complainant_phone)},
                        {"id_number", full ? t.complainant_id_number : MaskIdNumber(t.complainant_id_number)}};
    Json j = {{"id", t.id},
              {"ticket_no", t.ticket_no},
              {"channel", t.channel},
              {"external_ref", t.external_ref},
              {"complainant", complainant},
              {"web_filer", !t.filer_subject.empty()},
              {"category", t.category},
              {"title", t.title},
              {"content", t.content},
              {"unit_id", t.unit_id ? Json(*t.unit_id) : Json(nullptr)},
              {"unit_name", t.unit_name},
              {"officer_police_no", t.officer_police_no},
              {"received_at", FormatUtcIso(t.received_at)},
              {"state", t.state},
              {"parent_id", t.parent_id ? Json(*t.parent_id) : Json(nullptr)},
              {"assigned_at", Time(t.assigned_at)},
              {"replied_at", Time(t.replied_at)},
              {"closed_at", Time(t.closed_at)},
              {"reply", t.reply},
              {"rectification", t.rectification},
              {"finding", t.finding},
              {"extended_days", t.extended_days},
              {"version", t.version}};
    if (clocks) {
        Json cl = Json::array();
        for (const auto& c : *clocks) cl.push_back(ClockJson(c));
        j["clocks"] = cl;
        const auto* open = OpenClock(*clocks);
        j["due"] = open ? Json(open->due) : Json(nullptr);
        j["overdue"] = open && open->state == "overdue";
    }
    return j;
}

Json EventJson(const TicketEvent& e) {
    return {{"id", e.id},
            {"at", FormatUtcIso(e.at)},
            {"user_id", e.user_id ? Json(*e.user_id) : Json(nullptr)},
            {"user_name", e.user_name},
            {"action", e.action},
            {"from_state", e.from_state},
            {"to_state", e.to_state},
            {"note", e.note}};
}

}  // namespace jw::servicedesk
