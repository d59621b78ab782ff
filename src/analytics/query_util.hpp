#pragma once
// Internal helpers shared by the analyses (queries.cpp, queries_scan.cpp); not part of the public API.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analytics/store.hpp"

namespace jw::analytics::detail {

inline uint32_t Clamp32(int64_t t) {
    if (t < 0) return 0;
    if (t > int64_t{UINT32_MAX}) return UINT32_MAX;
    return static_cast<uint32_t>(t);
}

struct Hit {
    uint32_t time;
    uint16_t cp;
};

inline void SortUnique(std::vector<uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Calls f(plate, hits) for every plate with passes in [from, to) among `segs` whose id lies in
// [plate_lo, plate_hi), in ascending plate id; hits are that plate's passes ordered by time then
// checkpoint rank. `segs` must be in ascending time block (as Snapshot::Segments returns them).
template <typename F>
void ForEachPlate(const std::vector<const Segment*>& segs, const std::vector<uint32_t>& rank, int64_t from, int64_t to,
                  uint32_t plate_lo, uint32_t plate_hi, F f) {
    const uint32_t lo = Clamp32(from), hi = Clamp32(to);
    std::vector<size_t> cur(segs.size());
    for (size_t k = 0; k < segs.size(); ++k) cur[k] = segs[k]->LowerBoundRun(plate_lo);
    std::vector<Hit> hits;
    uint32_t plate = plate_lo;
    while (true) {
        // The smallest plate id at any cursor (a linear pass: tens of segments, cache friendly).
        uint32_t next = UINT32_MAX;
        for (size_t k = 0; k < segs.size(); ++k) {
            if (cur[k] < segs[k]->run_count()) next = std::min(next, segs[k]->run_plate(cur[k]));
        }
        if (next == UINT32_MAX || next >= plate_hi) return;
        plate = next;
        hits.clear();
        bool sorted = true;
        for (size_t k = 0; k < segs.size(); ++k) {
            const Segment& s = *segs[k];
            if (cur[k] >= s.run_count() || s.run_plate(cur[k]) != plate) continue;
            auto [b, e] = s.RunRange(cur[k], lo, hi);
            for (uint32_t i = b; i < e; ++i) {
                const Hit h{s.time(i), s.checkpoint(i)};
                if (!hits.empty() &&
                    (h.time < hits.back().time || (h.time == hits.back().time && rank[h.cp] < rank[hits.back().cp]))) {
                    sorted = false;
                }
                hits.push_back(h);
            }
            ++cur[k];
        }
        if (hits.empty()) continue;
        if (!sorted) {
            std::sort(hits.begin(), hits.end(), [&rank](const Hit& a, const Hit& b) {
                return a.time != b.time ? a.time < b.time : rank[a.cp] < rank[b.cp];
            });
        }
        f(plate, hits);
    }
}

// ForEachPlate one time block at a time: segments of one block (they may overlap in time) are merged per plate;
// blocks are disjoint and ascending, so a plate's calls come in time order, each with that block's passes. Far
// cheaper than merging a plate's runs across every segment of the range at once (a pass over all segments per
// plate) when a range spans many blocks.
template <typename F>
void ForEachPlateByBlock(const std::vector<const Segment*>& segs, const std::vector<uint32_t>& rank, int64_t from,
                         int64_t to, uint32_t plate_lo, uint32_t plate_hi, F f) {
    std::vector<const Segment*> group;
    for (size_t g = 0; g < segs.size();) {
        const int64_t block = TimeBlock(segs[g]->min_time());
        size_t e = g + 1;
        while (e < segs.size() && TimeBlock(segs[e]->min_time()) == block) ++e;
        group.assign(segs.begin() + static_cast<std::ptrdiff_t>(g), segs.begin() + static_cast<std::ptrdiff_t>(e));
        ForEachPlate(group, rank, from, to, plate_lo, plate_hi, f);
        g = e;
    }
}

}  // namespace jw::analytics::detail
