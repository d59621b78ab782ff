#include "media/media_purge.hpp"

#include "media/media_store.hpp"

namespace jw::media {

Result<int64_t> PurgeAbandoned(audit::AuditLog& audit, int64_t hours, int64_t now) {
    if (hours < 1) return Status::Invalid("unattached_hours", "out_of_range");
    audit::AuditEntry e;
    e.username = "system:scheduler";
    e.client = "scheduler";
    e.action = "media.purge";
    e.object = "media";
    int64_t gone = 0;
    JW_RETURN_IF_ERROR(audit.Run(e, [&](storage::Connection& c, audit::AuditEntry& entry) -> Status {
        JW_ASSIGN_OR_RETURN(gone, PurgeUnattached(c, now - hours * 3600));
        entry.detail = std::to_string(gone) + " photos unattached for more than " + std::to_string(hours) + " hours";
        return Status::Ok();
    }));
    return gone;
}

}  // namespace jw::media
