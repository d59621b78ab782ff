#include "timelimits/reminder_plan.hpp"

#include <algorithm>
#include <set>

#include "timelimits/period.hpp"

namespace jw::timelimits {
namespace {

Reminder Make(const Clock& c, const std::string& stage, const std::string& due, CivilDate fire_on, CivilDate today,
              const std::vector<std::string>& recipients) {
    Reminder r;
    r.key = c.key + "|" + c.rule_id + "|" + stage + "|" + due;
    r.clock_key = c.key;
    r.rule_id = c.rule_id;
    r.stage = stage;
    r.due = due;
    r.fire_on = FormatDate(fire_on);
    r.days_left = DaysBetween(today, *ParseDate(due));
    r.recipients = recipients;
    r.name_zh = c.name_zh;
    r.name_en = c.name_en;
    r.basis = c.basis;
    return r;
}

void PlanClock(const Clock& c, const ReminderPolicy& policy, CivilDate today, std::vector<Reminder>& out) {
    auto due = ParseDate(c.due);
    if (!due) return;
    const int days_left = DaysBetween(today, *due);

    // Pre-due track: only the latest lead stage reached (the smallest lead >= days_left).
    if (days_left >= 0) {
        std::vector<int> leads = policy.lead_days;
        std::sort(leads.begin(), leads.end());
        for (int lead : leads) {
            if (lead < days_left) continue;
            std::string stage = lead == 0 ? "due_today" : "lead_" + std::to_string(lead);
            out.push_back(Make(c, stage, c.due, AddDays(*due, -lead), today, policy.recipients.before_due));
            break;
        }
    }
    // Post-due track: every stage reached, so none is lost when the planner skipped a day.
    if (days_left < 0) {
        const int overdue_days = -days_left;
        out.push_back(Make(c, "overdue", c.due, AddDays(*due, 1), today, policy.recipients.overdue));
        if (overdue_days >= policy.escalate_after_days) {
            out.push_back(Make(c, "escalate_unit_head", c.due, AddDays(*due, policy.escalate_after_days), today,
                               policy.recipients.escalation));
        }
        if (overdue_days >= policy.letter_after_days) {
            out.push_back(Make(c, "suggestion_letter", c.due, AddDays(*due, policy.letter_after_days), today,
                               policy.recipients.letter));
        }
    }
    // The extension request date, when it comes before the deadline itself (custody: 7 days ahead).
    if (c.next_extension.available && !c.next_extension.request_by.empty() && c.next_extension.request_by != c.due) {
        auto by = ParseDate(c.next_extension.request_by);
        int max_lead = 0;
        for (int lead : policy.lead_days) max_lead = std::max(max_lead, lead);
        if (by && today <= *by && DaysBetween(today, *by) <= max_lead) {
            out.push_back(Make(c, "extension_request", c.next_extension.request_by, AddDays(*by, -max_lead), today,
                               policy.recipients.before_due));
        }
    }
}

}  // namespace

Status ValidatePolicy(const ReminderPolicy& policy) {
    std::set<int> seen;
    for (int lead : policy.lead_days) {
        if (lead < 0) return Status::Invalid("lead_days", "must not be negative");
        if (!seen.insert(lead).second) return Status::Invalid("lead_days", "listed twice: " + std::to_string(lead));
    }
    if (policy.escalate_after_days < 1) return Status::Invalid("escalate_after_days", "must be at least 1");
    if (policy.letter_after_days < policy.escalate_after_days) {
        return Status::Invalid("letter_after_days", "must not come before the escalation");
    }
    return Status::Ok();
}

std::vector<Reminder> PlanReminders(const std::vector<Clock>& clocks, const ReminderPolicy& policy,
                                    const std::string& today_text) {
    std::vector<Reminder> out;
    auto today = ParseDate(today_text);
    if (!today || !ValidatePolicy(policy).ok()) return out;
    for (const Clock& c : clocks) {
        // Ended clocks need nothing; a stopped clock's projected due moves every day, so reminding on it would
        // produce a new key daily.
        if (!c.end.empty() || c.state == "stopped" || c.state == "met") continue;
        PlanClock(c, policy, *today, out);
    }
    return out;
}

}  // namespace jw::timelimits
