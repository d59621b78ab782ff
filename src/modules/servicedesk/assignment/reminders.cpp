// Reminders and escalation of tickets' time limits (reminders.hpp).
#include "servicedesk/assignment/reminders.hpp"

#include <set>

#include "common/china_day.hpp"
#include "notify/outbox.hpp"
#include "servicedesk/assignment/time_limits.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"
#include "timelimits/reminder_plan.hpp"

namespace jw::servicedesk {
namespace {

const timelimits::ReminderPolicy& Policy() {
    static const timelimits::ReminderPolicy p = [] {
        timelimits::ReminderPolicy r;
        r.lead_days = {2, 0};
        r.escalate_after_days = 1;
        r.letter_after_days = 3650;  // no letters: the centre escalates to the leaders instead
        r.recipients.before_due = {"owner", "reviewer"};
        r.recipients.overdue = {"owner", "reviewer"};
        r.recipients.escalation = {"head", "owner", "reviewer"};
        r.recipients.letter = {};
        return r;
    }();
    return p;
}

}  // namespace

Result<int> SendReminders(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto open, repo::OpenTickets(c));
    const std::string today = FormatChinaDate(now);
    int queued = 0;
    for (const auto& t : open) {
        JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, t.id));
        auto clocks = TicketClocks(t, events, ChinaDateOf(now));
        if (!clocks.ok()) continue;  // a ticket dated after today (a clock set back): nothing to remind yet
        for (const auto& r : timelimits::PlanReminders(*clocks, Policy(), today)) {
            if (r.stage == "suggestion_letter") continue;
            const std::string key = "servicedesk:" + std::to_string(t.id) + "|" + r.key;
            JW_ASSIGN_OR_RETURN(bool fresh, repo::MarkReminderSent(c, key, t.id, now));
            if (!fresh) continue;
            std::set<int64_t> users;
            for (const auto& role : r.recipients) {
                std::vector<int64_t> found;
                if (role == "owner") {
                    JW_ASSIGN_OR_RETURN(found, t.unit_id && t.state == "assigned"
                                                   ? repo::UsersWith(c, "servicedesk.reply", t.unit_id)
                                                   : repo::UsersWith(c, "servicedesk.supervise", std::nullopt));
                } else if (role == "reviewer") {
                    JW_ASSIGN_OR_RETURN(found, repo::UsersWith(c, "servicedesk.supervise", std::nullopt));
                } else if (role == "head") {
                    JW_ASSIGN_OR_RETURN(found, repo::UsersWith(c, "servicedesk.escalation", std::nullopt));
                }
                users.insert(found.begin(), found.end());
            }
            const bool late = r.days_left < 0;
            for (int64_t u : users) {
                notify::Notification n;
                n.user_id = u;
                n.kind = r.stage == "escalate_unit_head" ? "escalation" : "reminder";
                n.channel = "inapp";
                n.code = late ? "servicedesk.overdue" : "servicedesk.reminder";
                n.params = {{"ticket_no", t.ticket_no},
                            {"clock", r.name_zh},
                            {"due", r.due},
                            {"basis", r.basis},
                            {"days_left", std::to_string(r.days_left)},
                            {"days_over", std::to_string(-r.days_left)}};
                JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
                ++queued;
            }
        }
    }
    return queued;
}

}  // namespace jw::servicedesk
