#include "checkpoint/devices/pass_seen.hpp"

#include <algorithm>
#include <limits>

namespace jw::checkpoint {

std::map<std::string, int64_t> LastPasses(const analytics::Snapshot& snap, int64_t now, int64_t lookback_s) {
    std::map<std::string, int64_t> out;
    const auto& table = snap.checkpoints();
    std::vector<int64_t> last(table.list.size(), std::numeric_limits<int64_t>::min());
    const int64_t from = std::max<int64_t>(0, now - lookback_s);
    const auto lo = static_cast<uint32_t>(std::clamp<int64_t>(from, 0, std::numeric_limits<uint32_t>::max()));
    for (const analytics::Segment* seg : snap.Segments(from, std::numeric_limits<uint32_t>::max())) {
        for (size_t cp = 0; cp < table.list.size(); ++cp) {
            const auto [b, e] =
                seg->CheckpointRange(static_cast<uint16_t>(cp), lo, std::numeric_limits<uint32_t>::max());
            if (b == e) continue;
            last[cp] = std::max<int64_t>(last[cp], seg->time(seg->by_checkpoint(e - 1)));
        }
    }
    for (size_t cp = 0; cp < table.list.size(); ++cp)
        if (last[cp] != std::numeric_limits<int64_t>::min()) out[table.list[cp].id] = std::min(last[cp], now);
    return out;
}

Result<std::map<std::string, int64_t>> WithCaptureDevices(storage::Connection& c, std::map<std::string, int64_t> seen) {
    if (seen.empty()) return seen;
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, tollgate_id FROM checkpoint_devices WHERE kind = 'ape' AND "
                                           "tollgate_id <> ''"));
    std::map<std::string, int64_t> out = seen;
    for (const auto& r : rows) {
        auto it = seen.find(r.Str(1));
        if (it == seen.end()) continue;
        int64_t& t = out[r.Str(0)];
        t = std::max(t, it->second);
    }
    return out;
}

}  // namespace jw::checkpoint
