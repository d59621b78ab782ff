#pragma once
// The rules of the alerts module. Every function runs on the caller's connection, inside the caller's write
// transaction (a Reply's `write`, a Committer job), so an alert and what caused it commit together.
// Notifications go through the outbox: the signers of each target unit (users there whose roles grant
// alerts.sign) get an in-app message (and an SMS for colours that say so); the command centre (users with
// alerts.board) gets every alert; escalations go to the leaders (alerts.escalation) of the unit and its
// parent units, and to the command centre.

#include <optional>
#include <vector>

#include "alerts/alert.hpp"
#include "storage/database.hpp"

namespace jw::alerts {

// Raises an alert. Returns its id; with a dedup_key already used, returns the earlier alert's id and
// writes nothing. Errors: InvalidArgument naming colour, title, subject, source, unit_ids (empty or an
// unknown unit).
Result<int64_t> Raise(storage::Connection& c, const Policy& policy, const RaiseInput& in, int64_t now);

// Notifies the signers (alerts.sign) of `unit_ids` (by SMS too when `sms`) and the command centre (alerts.centre,
// in-app) with notification `code` (kind "alert"); typed facts (title, subject) masked as in every notification.
Status NotifyAlertUnits(storage::Connection& c, const std::vector<int64_t>& unit_ids, const std::string& code,
                        MessageParams params, bool sms);

// Unit `unit_id` signs for the alert. Errors: NotFound (alert, or the unit is not a target),
// Conflict "already_signed".
Status Sign(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t user_id, int64_t now);

// Unit `unit_id` reports back; the alert closes when every target unit has. Errors: InvalidArgument naming
// outcome / officer / notes, NotFound, Conflict "not_signed" / "already_reported".
Status Feedback(storage::Connection& c, int64_t alert_id, int64_t unit_id, const FeedbackInput& in, int64_t user_id,
                int64_t now);

// Escalates every target not signed by its due time and not yet escalated; each once. Returns how many.
Result<int> EscalateOverdue(storage::Connection& c, const Policy& policy, int64_t now);

// One alert with its targets (unit names). Errors: NotFound.
Result<Alert> Get(storage::Connection& c, int64_t alert_id);

// The same for a viewer whose data scope is `unit_scope` (std::nullopt = the whole county): an alert none of
// whose target units is in the scope is NotFound, as if it did not exist.
Result<Alert> GetInScope(storage::Connection& c, int64_t alert_id,
                         const std::optional<std::vector<int64_t>>& unit_scope);

// Raise, Sign and Feedback followed by Get in the same transaction: the alert as it stands after the change
// (the HTTP reply). Errors: those of the two.
Result<Alert> RaiseAndGet(storage::Connection& c, const Policy& policy, const RaiseInput& in, int64_t now);
Result<Alert> SignAndGet(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t user_id, int64_t now);
Result<Alert> FeedbackAndGet(storage::Connection& c, int64_t alert_id, int64_t unit_id, const FeedbackInput& in,
                             int64_t user_id, int64_t now);

}  // namespace jw::alerts
