#include "checkpoint/viid/viid_devices.hpp"

#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/viid/viid_repository.hpp"

namespace jw::checkpoint {

Result<std::vector<DeviceOutcome>> StoreReportedDevices(storage::Connection& c, PassHub& hub,
                                                        const std::vector<viid::DeviceResult>& parsed, int64_t now) {
    std::vector<DeviceOutcome> out;
    bool any = false;
    for (const auto& p : parsed) {
        std::string reason = p.reason;
        if (p.device) {
            Status s = UpsertDeviceInSavepoint(c, *p.device, now);
            if (s.ok()) {
                any = true;
            } else {
                // A refused object is that object's answer; anything else fails the whole post.
                if (s.code() != ErrorCode::kInvalidArgument && s.code() != ErrorCode::kConflict) return s;
                reason =
                    s.fields().empty() ? s.message() : s.fields().begin()->first + ": " + s.fields().begin()->second;
            }
        }
        out.push_back({p.object_id, std::move(reason)});
    }
    if (any) JW_RETURN_IF_ERROR(SyncCheckpointsToHub(c, hub));
    return out;
}

}  // namespace jw::checkpoint
