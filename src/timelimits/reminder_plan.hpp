#pragma once
// The reminder planner (双提醒): from the clocks of a subject (engine.hpp) and a policy it lists the reminders,
// escalations and letters that are due by `today`. Pure logic, thread-safe. Who receives each stage is the
// module's choice (ReminderPolicy::recipients, role words the module resolves to users).
//
// Exactly once: each reminder carries an idempotency key built from the clock key, rule id, stage and due date.
// The planner is stateless and returns the same keys on every run of the same day, so the caller (a scheduler job)
// records the keys it has sent, in the same transaction as the outbox messages (notify/outbox.hpp), and sends only
// new ones; run hourly, each reminder goes out once (ADR 0049).
// When a deadline moves (an approved extension, a stop), the due date in the key changes and the new
// deadline gets its own reminders.
//
// Stages, per open clock (ended clocks and stopped clocks get none — a stopped clock's due moves every day):
//  lead_N               N days before due (N from policy.lead_days, N > 0): to recipients.before_due.
//                       Only the latest lead stage reached is listed: a missed lead_3 is not sent on the day
//                       of lead_1.
//  due_today            on the due date (lead 0 in policy.lead_days).
//  overdue              from the day after due: recipients.overdue.
//  escalate_unit_head   from policy.escalate_after_days after due: recipients.escalation.
//  suggestion_letter    from policy.letter_after_days after due: a letter (cases: 执法建议书) to recipients.letter.
//  extension_request    for clocks whose extension must be requested before a date earlier than the due date
//                       (custody: 7 days ahead), from max(lead_days) days before that date until it: to
//                       recipients.before_due.
//  Post-due stages are cumulative: all reached stages are listed (an escalation is not skipped because the
//  planner did not run on its day).

#include <string>
#include <vector>

#include "timelimits/engine.hpp"

namespace jw::timelimits {

// Role words per stage; the module resolves them to users (cases: case_officer, legal_reviewer, unit_head).
struct ReminderRecipients {
    std::vector<std::string> before_due{"owner", "reviewer"};          // lead_N, due_today, extension_request
    std::vector<std::string> overdue{"owner", "reviewer"};             // overdue
    std::vector<std::string> escalation{"head", "owner", "reviewer"};  // escalate_unit_head
    std::vector<std::string> letter{"head", "reviewer"};               // suggestion_letter
};

struct ReminderPolicy {
    std::vector<int> lead_days{3, 1, 0};  // days before due; 0 = on the due date
    int escalate_after_days = 1;          // days after due
    int letter_after_days = 3;            // days after due
    ReminderRecipients recipients;
};

struct Reminder {
    std::string key;  // idempotency key: "<clock key>|<rule id>|<stage>|<due>"
    std::string clock_key;
    std::string rule_id;
    std::string stage;    // lead_N | due_today | overdue | escalate_unit_head | suggestion_letter | extension_request
    std::string due;      // the clock's due date (request-by date for extension_request)
    std::string fire_on;  // the first day this reminder is due to be sent
    int days_left = 0;    // due - today (negative when overdue)
    std::vector<std::string> recipients;  // role words from ReminderPolicy::recipients
    std::string name_zh, name_en, basis;  // copied from the clock for the message
};

// Checks a policy. Errors: kInvalidArgument naming "lead_days" (negative, duplicate), "escalate_after_days"
// (< 1) or "letter_after_days" (< escalate_after_days).
Status ValidatePolicy(const ReminderPolicy& policy);

// Lists the reminders due by `today` (YYYY-MM-DD), sorted by clock key then stage order. An invalid policy or
// date yields no reminders (validate first with ValidatePolicy).
std::vector<Reminder> PlanReminders(const std::vector<Clock>& clocks, const ReminderPolicy& policy,
                                    const std::string& today);

}  // namespace jw::timelimits
