#pragma once
// The reminder planner of case deadlines (双提醒): the shared planner (timelimits/reminder_plan.hpp, ADR 0049) with
// the cases' recipients — before the deadline and when overdue the case officer and the legal reviewer
// (case_officer, legal_reviewer); the escalation also to the unit head (unit_head); the enforcement suggestion
// letter (执法建议书) to the unit head and the legal reviewer. Stages, idempotency keys and exactly-once sending
// are described there; supervision/supervision_reminders.cpp sends them through the outbox.

#include <string>
#include <vector>

#include "cases/deadlines/deadline_engine.hpp"
#include "timelimits/reminder_plan.hpp"

namespace jw::cases::deadlines {

using timelimits::PlanReminders;
using timelimits::Reminder;
using timelimits::ValidatePolicy;

// The recipients of case reminders (role words resolved by supervision to users).
inline timelimits::ReminderRecipients CaseReminderRecipients() {
    timelimits::ReminderRecipients r;
    r.before_due = {"case_officer", "legal_reviewer"};
    r.overdue = {"case_officer", "legal_reviewer"};
    r.escalation = {"unit_head", "case_officer", "legal_reviewer"};
    r.letter = {"unit_head", "legal_reviewer"};
    return r;
}

// The shared policy (lead days 3, 1, 0; escalation 1 day after due; letter after 3) with the cases' recipients.
struct ReminderPolicy : timelimits::ReminderPolicy {
    ReminderPolicy() { recipients = CaseReminderRecipients(); }
};

}  // namespace jw::cases::deadlines
