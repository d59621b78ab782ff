#include "analytics/queries.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "analytics/query_util.hpp"
#include "analytics/radix_sort.hpp"

namespace jw::analytics {

using detail::Clamp32;
using detail::Hit;
using detail::SortUnique;

namespace {

// The target plate's passes in [from, to), ordered by time then checkpoint id.
std::vector<Hit> PlatePasses(const Snapshot& s, uint32_t plate, int64_t from, int64_t to) {
    std::vector<Hit> out;
    const uint32_t f = Clamp32(from), t = Clamp32(to);
    for (const Segment* seg : s.Segments(from, to)) {
        auto [b, e] = seg->PlateRange(plate, f, t);
        for (uint32_t i = b; i < e; ++i) out.push_back({seg->time(i), seg->checkpoint(i)});
    }
    const auto& rank = s.checkpoints().rank;
    const auto before = [&rank](const Hit& a, const Hit& b) {
        return a.time != b.time ? a.time < b.time : rank[a.cp] < rank[b.cp];
    };
    // Usually sorted already (segments in time order, a plate's run in time order): one pass instead of a sort.
    if (!std::is_sorted(out.begin(), out.end(), before)) std::sort(out.begin(), out.end(), before);
    return out;
}

}  // namespace

std::vector<PassAt> TrajectoryAt(const Snapshot& s, std::string_view plate, int64_t from, int64_t to) {
    std::vector<PassAt> out;
    auto id = s.FindPlate(plate);
    if (!id) return out;
    const auto hits = PlatePasses(s, *id, from, to);
    out.reserve(hits.size());
    for (const Hit& h : hits) out.push_back({h.time, h.cp});
    return out;
}

std::vector<PassPoint> Trajectory(const Snapshot& s, std::string_view plate, int64_t from, int64_t to) {
    std::vector<PassPoint> out;
    auto id = s.FindPlate(plate);
    if (!id) return out;
    for (const Hit& h : PlatePasses(s, *id, from, to)) out.push_back({s.checkpoints().list[h.cp].id, h.time});
    return out;
}

std::vector<CompanionResult> Companions(const Snapshot& s, std::string_view plate, int64_t from, int64_t to,
                                        int64_t window_s, uint32_t min_checkpoints) {
    std::vector<CompanionResult> out;
    auto id = s.FindPlate(plate);
    if (!id) return out;
    const std::vector<Hit> targets = PlatePasses(s, *id, from, to);
    std::vector<std::vector<uint32_t>> lists(targets.size());
    std::vector<uint16_t> target_cps(targets.size());
    for (size_t i = 0; i < targets.size(); ++i) {
        const int64_t lo = int64_t{targets[i].time} - window_s, hi = int64_t{targets[i].time} + window_s + 1;
        auto& list = lists[i];
        for (const Segment* seg : s.Segments(lo, hi)) {
            auto [b, e] = seg->CheckpointRange(targets[i].cp, Clamp32(lo), Clamp32(hi));
            for (uint32_t k = b; k < e; ++k) {
                const uint32_t q = seg->plate(seg->by_checkpoint(k));
                if (q != *id) list.push_back(q);
            }
        }
        SortUnique(list);
        target_cps[i] = targets[i].cp;
    }
    return ScoreCompanions(lists, target_cps, min_checkpoints, [&s](uint32_t q) { return s.Plate(q); });
}

std::vector<CollisionResult> Collision(const Snapshot& s, const std::vector<CollisionCondition>& conditions,
                                       uint32_t min_match) {
    std::vector<uint32_t> all;
    for (const auto& c : conditions) {
        std::vector<uint32_t> plates;
        const auto segs = s.Segments(c.from, c.to);
        for (const auto& cp_id : c.checkpoints) {
            auto cp = s.checkpoints().Find(cp_id);
            if (!cp) continue;
            for (const Segment* seg : segs) {
                auto [b, e] = seg->CheckpointRange(*cp, Clamp32(c.from), Clamp32(c.to));
                for (uint32_t k = b; k < e; ++k) plates.push_back(seg->plate(seg->by_checkpoint(k)));
            }
        }
        SortUnique(plates);
        all.insert(all.end(), plates.begin(), plates.end());
    }
    std::sort(all.begin(), all.end());
    std::vector<CollisionResult> out;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j] == all[i]) ++j;
        if (j - i >= min_match) out.push_back({std::string(s.Plate(all[i])), static_cast<uint32_t>(j - i)});
        i = j;
    }
    std::sort(out.begin(), out.end(), [](const CollisionResult& a, const CollisionResult& b) {
        return a.matched != b.matched ? a.matched > b.matched : a.plate < b.plate;
    });
    return out;
}

}  // namespace jw::analytics
