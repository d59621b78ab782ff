// A ticket's time limits (time_limits.hpp).
#include "servicedesk/assignment/time_limits.hpp"

#include "common/china_day.hpp"
#include "servicedesk/tickets/catalogue.hpp"
#include "timelimits/calendar.hpp"

namespace jw::servicedesk {
namespace {

std::string Family(const Ticket& t) {
    const Channel* ch = FindChannel(t.channel);
    return ch ? ch->time_family : "general";
}

}  // namespace

Result<std::vector<timelimits::Clock>> TicketClocks(const Ticket& t, const std::vector<TicketEvent>& events,
                                                    CivilDate today) {
    if (t.state == "joined") return std::vector<timelimits::Clock>{};
    timelimits::Facts f;
    f.family = Family(t);
    f.events.push_back({.kind = "received", .date = FormatChinaDate(t.received_at)});
    if (t.assigned_at) f.events.push_back({.kind = "assigned", .date = FormatChinaDate(*t.assigned_at)});
    for (const auto& e : events)
        if (e.action == "extend") f.events.push_back({.kind = "extension_approved", .date = FormatChinaDate(e.at)});
    if (t.replied_at) f.events.push_back({.kind = "replied", .date = FormatChinaDate(*t.replied_at)});
    if (t.closed_at && !t.replied_at) f.events.push_back({.kind = "closed", .date = FormatChinaDate(*t.closed_at)});
    return timelimits::ComputeClocks(TimeLimitRules(), timelimits::DefaultHolidayCalendar(), TimeLimitWords(), f,
                                     today);
}

int ExtensionStep(const Ticket& t) {
    for (const auto* r : TimeLimitRules().For(Family(t), ""))
        if (!r->ext_event.empty() && r->ext_max > 0 && !r->ext_steps.empty()) return r->ext_steps[0];
    return 0;
}

const timelimits::Clock* OpenClock(const std::vector<timelimits::Clock>& clocks) {
    for (const auto& c : clocks)
        if (c.end.empty()) return &c;
    return nullptr;
}

}  // namespace jw::servicedesk
