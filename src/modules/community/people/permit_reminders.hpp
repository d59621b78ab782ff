#pragma once
// Residence-permit (居住证) expiry reminders (issue 14): 30 days before a permit expires, the officer who collected
// the person gets one in-app notification (code community.permit_expiring) through the platform's outbox, from a
// job of the platform's scheduler — no mechanism of its own. One reminder per person and expiry date
// (community_permit_reminders), so restarts, two servers or a job that runs twice never remind twice; a renewed
// permit (a new date) is reminded again. People who moved out are not reminded.

#include <cstdint>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community {

inline constexpr int kPermitReminderDays = 30;
inline constexpr const char* kPermitReminderJob = "community.permit_reminders";
inline constexpr int64_t kPermitReminderIntervalSeconds = 3600;

// Sends the reminders due at `now` in one transaction on `tx`; returns how many were sent. Errors: the storage
// layer's.
Result<int64_t> SendPermitReminders(storage::Connection& tx, int64_t now);

}  // namespace jw::community
