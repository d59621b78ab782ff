#pragma once
// The reminder job (双提醒). One pass at time `now`: for each open case it computes the clocks
// (supervision_clocks.hpp), plans the reminders due by that China date (deadlines/reminder_plan.hpp) and sends
// each planned reminder exactly once: the reminder's idempotency key is inserted into supervision_reminders
// (UNIQUE) and its messages are put in the outbox — in-app and SMS to every recipient — in one audited
// transaction, so either both happen or neither does, and a second pass the same day finds the key and sends
// nothing. Overdue clocks escalate to the unit head; later the pass issues an enforcement suggestion letter
// (执法建议书, supervision_letters) to the unit. The outbox delivers at least once, also after a restart.
//
// Thread safety: run by the scheduler (one pass at a time, under its lease); writes go through the Committer.

#include <cstdint>

#include "cases/cases_module.hpp"

namespace jw::cases::supervision {

struct RunReport {
    int cases = 0;          // open cases examined
    int reminders = 0;      // reminders newly sent (keys inserted)
    int messages = 0;       // outbox rows written
    int letters = 0;        // suggestion letters issued
    int skipped_cases = 0;  // cases whose event history the engine rejected (logged)
};

// One pass. Errors: the database's when it cannot be read or a write fails (reminders sent before the
// failure stay sent; the next pass continues where this one stopped).
Result<RunReport> RunReminders(const Deps& deps, int64_t now);

// Name and interval of the scheduled job.
inline constexpr const char* kReminderJob = "cases.reminders";
inline constexpr int64_t kReminderIntervalSeconds = 3600;

}  // namespace jw::cases::supervision
