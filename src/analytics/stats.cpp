#include "analytics/stats.hpp"

#include <algorithm>
#include <bit>
#include <map>

namespace jw::analytics {
namespace {

int32_t HourOf(int64_t t) { return ChinaHourOfDay(t); }

const Partition* FindPartition(const Snapshot& s, int32_t day) {
    const auto& ps = s.partitions();
    auto it = std::lower_bound(ps.begin(), ps.end(), day, [](const auto& p, int32_t d) { return p->day < d; });
    return it != ps.end() && (*it)->day == day ? it->get() : nullptr;
}

}  // namespace

std::vector<HourlyRow> HourlyByCheckpoint(const Snapshot& s, int32_t from_day, int32_t to_day) {
    if (to_day < from_day) return {};
    const auto& table = s.checkpoints();
    std::vector<std::array<uint64_t, 24>> counts(table.list.size());
    for (const auto& p : s.partitions()) {
        if (p->day < from_day || p->day > to_day) continue;
        for (const auto& seg : p->segments) {
            for (size_t i = 0; i < seg->size(); ++i) {
                const uint16_t cp = seg->checkpoint(i);
                if (cp >= counts.size()) counts.resize(cp + 1);
                ++counts[cp][HourOf(seg->time(i))];
            }
        }
    }
    std::vector<HourlyRow> out;
    for (size_t cp = 0; cp < counts.size(); ++cp) {
        HourlyRow r;
        r.hours = counts[cp];
        for (uint64_t n : r.hours) r.total += n;
        if (r.total == 0) continue;
        if (cp < table.list.size()) {
            r.checkpoint_id = table.list[cp].id;
            r.name = table.list[cp].name;
        }
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const HourlyRow& a, const HourlyRow& b) {
        return a.total != b.total ? a.total > b.total : a.checkpoint_id < b.checkpoint_id;
    });
    return out;
}

std::vector<HourlyRow> TopCheckpoints(const Snapshot& s, int32_t from_day, int32_t to_day, size_t limit) {
    auto rows = HourlyByCheckpoint(s, from_day, to_day);
    if (rows.size() > limit) rows.resize(limit);
    return rows;
}

std::vector<NewPlatesDay> NewPlatesPerDay(const Snapshot& s, int32_t from_day, int32_t to_day, int lookback_days) {
    std::vector<NewPlatesDay> out;
    if (to_day < from_day) return out;
    lookback_days = std::max(lookback_days, 1);
    for (int32_t day = from_day; day <= to_day; ++day) {
        NewPlatesDay r;
        r.day = day;
        const Partition* p = FindPartition(s, day);
        if (p != nullptr) {
            const auto& bits = p->PlateBits();
            std::vector<uint64_t> seen(bits.size(), 0);
            for (int32_t back = day - lookback_days; back < day; ++back) {
                const Partition* q = FindPartition(s, back);
                if (q == nullptr) continue;
                const auto& qb = q->PlateBits();
                for (size_t w = 0; w < seen.size() && w < qb.size(); ++w) seen[w] |= qb[w];
            }
            for (size_t w = 0; w < bits.size(); ++w) {
                r.plates += static_cast<uint64_t>(std::popcount(bits[w]));
                r.new_plates += static_cast<uint64_t>(std::popcount(bits[w] & ~seen[w]));
            }
        }
        out.push_back(r);
    }
    return out;
}

}  // namespace jw::analytics
