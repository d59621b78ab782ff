#pragma once
// The purge of photos uploaded but never attached to a record (abandoned forms, ADR 0033): a timed job of the
// platform's one scheduler (notify/scheduler.hpp), registered by the app. A photo still unattached `hours` after
// its upload is deleted (sealed bytes and row); each run is one audited transaction (action "media.purge",
// object "media", detail "N photos unattached for more than H hours"), also when nothing went, so the audit trail
// shows the job ran. The hours are the setting [media] unattached_hours (JINGWU_MEDIA_UNATTACHED_HOURS).
//
// Thread safety: stateless; the audit log is thread-safe.

#include <cstdint>

#include "audit/audit_log.hpp"
#include "common/status.hpp"

namespace jw::media {

inline constexpr const char* kPurgeJob = "media.purge_unattached";
inline constexpr int64_t kPurgeIntervalSeconds = 3600;

// One run at `now`. Returns how many photos went. Errors: InvalidArgument hours < 1; the database's.
Result<int64_t> PurgeAbandoned(audit::AuditLog& audit, int64_t hours, int64_t now);

}  // namespace jw::media
