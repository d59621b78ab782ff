#pragma once
// The property module's scheduled work (ADR 0054):
//  - disposal reminders: for every item not finished and not yet approved for disposal, each stage of
//    data/reminders.csv (due_soon 3 days before the review date, overdue the day after, escalate_unit_head 7 days
//    after) is sent once — exactly once per item, stage and review date (property_reminders), so a new review date
//    (a hold) starts the stages afresh — through the outbox (in-app and SMS) to the custodians of the store's unit
//    (else the case's unit) and, for escalation, the leaders of the case's unit or its nearest parent;
//  - returns overdue: an item out past its expected return raises an alert (alerts::Raise, orange) for the store's
//    unit, once per check-out (dedup key).
// Each function runs in the caller's write transaction and returns how many it sent or raised.

#include <cstdint>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::property {

Result<int> SendDisposalReminders(storage::Connection& c, int64_t now);
Result<int> RaiseOverdueReturns(storage::Connection& c, int64_t now);

}  // namespace jw::property
