#pragma once
// Reminders and escalation of tickets' time limits, through the scheduler and the outbox (no timers of the
// module's own; ADR 0049): the job "servicedesk.reminders" runs hourly, computes each open ticket's clocks
// (time_limits.hpp) and plans reminders (timelimits::PlanReminders, policy kPolicy below); each planned key is
// recorded in servicedesk_reminders_sent in the same transaction as its in-app messages, so every reminder goes
// out exactly once however often the job runs. Recipients: before due and overdue — the unit concerned's users
// with servicedesk.reply (the centre's supervisors while the ticket is not yet assigned) and the supervisors
// (servicedesk.supervise); escalation (a day after due) — also the users with servicedesk.escalation (the bureau's
// leaders). Returns how many messages were queued. Errors: the database's. Thread safety: the caller's connection.
#include "storage/database.hpp"

namespace jw::servicedesk {

inline constexpr const char* kReminderJob = "servicedesk.reminders";
inline constexpr int64_t kReminderIntervalSeconds = 3600;

Result<int> SendReminders(storage::Connection& c, int64_t now);

}  // namespace jw::servicedesk
