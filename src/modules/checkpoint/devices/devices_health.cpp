#include "checkpoint/devices/devices_health.hpp"

#include "auth/auth_repository.hpp"
#include "checkpoint/devices/devices_handlers.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/devices/pass_seen.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {

Status NotifyHealthChanges(storage::Connection& c, const std::vector<HealthChange>& changes) {
    if (changes.empty()) return Status::Ok();
    JW_ASSIGN_OR_RETURN(const auto users, auth::repo::UsersWithPermission(c, "alerts.centre"));
    for (const auto& h : changes) {
        notify::Notification n;
        n.kind = "device";
        n.channel = "inapp";
        n.code = h.offline ? MessageCode("checkpoint.device_offline") : MessageCode("checkpoint.device_online");
        n.params = {
            {"name", h.name}, {"device_id", h.id}, {"last_seen", h.last_seen ? FormatChinaTime(*h.last_seen) : "-"}};
        for (const int64_t u : users) {
            n.user_id = u;
            JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
        }
    }
    return Status::Ok();
}

Result<int> RunHealthRound(const Deps& deps, int64_t now) {
    int64_t offline_after = kDefaultOfflineAfterS;
    {
        auto c = deps.db.Acquire();
        if (!c.ok()) return c.status();
        JW_ASSIGN_OR_RETURN(MapSettings ms, LoadMapSettings(**c));
        offline_after = ms.offline_after_s;
    }
    auto touched = deps.hub.TakeTouched();
    // A checkpoint that delivered a pass is online, whichever way the pass came (pass_seen.hpp); the lookback
    // reaches past the offline threshold so a device just gone silent still shows when it was last seen.
    auto passes = LastPasses(deps.hub.Snapshot(), now, offline_after + analytics::kDaySeconds);
    Status s = deps.committer.Run([&touched, &passes](storage::Connection& c) -> Status {
        JW_ASSIGN_OR_RETURN(auto seen, WithCaptureDevices(c, std::move(passes)));
        for (const auto& [id, at] : touched) seen[id] = std::max(seen[id], at);
        if (seen.empty()) return Status::Ok();
        return RecordSeen(c, seen).status();
    });
    if (!s.ok()) {
        for (const auto& [id, at] : touched) deps.hub.Touch(id, at);
        return s;
    }
    {
        auto c = deps.db.Acquire();
        if (!c.ok()) return c.status();
        // Cheap check first, so a quiet round writes no audit record.
        JW_ASSIGN_OR_RETURN(const int64_t n, store::CountHealthChanges(**c, offline_after, now));
        if (n == 0) return 0;
    }
    audit::AuditEntry e;
    e.username = "system:scheduler";
    e.client = "scheduler";
    e.action = "device.health";
    e.object = "devices";
    int changed = 0;
    JW_RETURN_IF_ERROR(deps.audit.Run(e, [&](storage::Connection& c, audit::AuditEntry& entry) -> Status {
        JW_ASSIGN_OR_RETURN(auto changes, TakeHealthChanges(c, offline_after, now));
        JW_RETURN_IF_ERROR(NotifyHealthChanges(c, changes));
        Json detail = Json::array();
        for (const auto& h : changes) detail.push_back({{"id", h.id}, {"offline", h.offline}});
        entry.detail = detail.dump();
        changed = static_cast<int>(changes.size());
        return Status::Ok();
    }));
    return changed;
}

Status RegisterDevicesJobs(notify::Scheduler& scheduler, const Deps& deps) {
    return scheduler.Register("checkpoint.device_health", 30,
                              [deps] { return RunHealthRound(deps, NowUnix()).status(); });
}

}  // namespace jw::checkpoint
