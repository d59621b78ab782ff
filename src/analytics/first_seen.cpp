// first_seen (queries.hpp): candidates from the run directories (all checkpoints, a range covering much of a
// segment) or the checkpoint index (a checkpoint filter, or a range that is a small slice of the segment), then
// the lookback, most recent day first, dropping every candidate seen: a whole day inside the lookback tests one
// bit per candidate (Partition::PlateBits), a partial day merges the sorted candidates against each segment's
// run directory (galloping). Most candidates (regular vehicles) drop out on the first day.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <tuple>

#include "analytics/queries.hpp"
#include "analytics/query_util.hpp"
#include "analytics/radix_sort.hpp"

namespace jw::analytics {

using detail::Clamp32;

namespace {

// Sorts distinct row positions of a segment of `rows` rows: a bitmap over the rows when they are dense enough
// (one pass over rows / 64 words), a comparison sort when they are few.
void InRowOrder(std::vector<uint32_t>& pos, size_t rows, std::vector<uint64_t>& bits) {
    if (pos.size() * 256 < rows) {
        std::sort(pos.begin(), pos.end());
        return;
    }
    bits.assign(rows / 64 + 1, 0);
    for (uint32_t p : pos) bits[p >> 6] |= uint64_t{1} << (p & 63);
    pos.clear();
    for (size_t w = 0; w < bits.size(); ++w) {
        for (uint64_t b = bits[w]; b; b &= b - 1) pos.push_back(static_cast<uint32_t>(w * 64 + std::countr_zero(b)));
    }
}

}  // namespace

std::vector<FirstSeenResult> FirstSeen(const Snapshot& s, int64_t from, int64_t to, int64_t lookback_days,
                                       const std::vector<std::string>& checkpoints) {
    const auto& table = s.checkpoints();
    std::vector<uint16_t> cps;
    if (checkpoints.empty()) {
        for (size_t c = 0; c < table.list.size(); ++c) cps.push_back(static_cast<uint16_t>(c));
    } else {
        for (const auto& c : checkpoints) {
            if (auto cp = table.Find(c)) cps.push_back(*cp);
        }
        std::sort(cps.begin(), cps.end());
        cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    }
    struct Cand {
        uint64_t key;  // plate << 32 | time
        uint16_t cp;
    };
    std::vector<Cand> cands;
    std::vector<uint32_t> pos;
    std::vector<uint64_t> bits;
    const uint32_t f32 = Clamp32(from), t32 = Clamp32(to);
    for (const Segment* seg : s.Segments(from, to)) {
        // A range that is a small slice of the segment reads the checkpoint index (time-ordered per checkpoint)
        // for every checkpoint instead of visiting every run of the segment.
        const bool slice = uint64_t{t32 > f32 ? t32 - f32 : 0} * 4 < uint64_t{seg->max_time() - seg->min_time()};
        if (checkpoints.empty() && !slice) {
            // Every checkpoint: walk the run directory in order (sequential memory) and keep each plate's
            // earliest passes in range, rather than visiting the range's rows in random row order.
            const bool whole = seg->min_time() >= f32 && seg->max_time() < t32;
            for (size_t r = 0; r < seg->run_count(); ++r) {
                uint32_t b = seg->run_begin(r), e = seg->run_end(r);
                if (!whole) {
                    if (seg->time(e - 1) < f32 || seg->time(b) >= t32) continue;
                    std::tie(b, e) = seg->RunRange(r, f32, t32);
                }
                const uint64_t plate = uint64_t{seg->run_plate(r)} << 32;
                for (uint32_t i = b; i < e && seg->time(i) == seg->time(b); ++i) {
                    cands.push_back({plate | seg->time(i), seg->checkpoint(i)});
                }
            }
            continue;
        }
        // The checkpoint index gives row positions in checkpoint order; resolving each one to its plate there is
        // a random walk of the run directory. Put in row order instead (rows are sorted by plate, time), they
        // resolve in one forward walk that also meets each plate's earliest passes first: only those are kept.
        pos.clear();
        for (uint16_t cp : cps) {
            auto [b, e] = seg->CheckpointRange(cp, f32, t32);
            for (uint32_t k = b; k < e; ++k) pos.push_back(seg->by_checkpoint(k));
        }
        InRowOrder(pos, seg->size(), bits);
        uint32_t last_plate = UINT32_MAX, last_time = 0;
        for (uint32_t i : pos) {
            const uint32_t plate = seg->plate(i), time = seg->time(i);  // plate(): short forward scans here
            if (plate != last_plate) {
                last_plate = plate;
                last_time = time;
            } else if (time != last_time) {
                continue;  // a later pass of a plate already a candidate in this segment
            }
            cands.push_back({uint64_t{plate} << 32 | time, seg->checkpoint(i)});
        }
    }
    RadixSort(cands, [](const Cand& c) { return c.key; });
    // One per plate: the earliest time, then the smallest checkpoint id.
    struct First {
        uint32_t plate, time;
        uint16_t cp;
    };
    std::vector<First> first;
    for (const Cand& c : cands) {
        const auto plate = static_cast<uint32_t>(c.key >> 32), time = static_cast<uint32_t>(c.key);
        if (first.empty() || first.back().plate != plate) {
            first.push_back({plate, time, c.cp});
        } else if (first.back().time == time && table.rank[c.cp] < table.rank[first.back().cp]) {
            first.back().cp = c.cp;
        }
    }
    cands = {};
    const int64_t lb_from = from - lookback_days * kDaySeconds;
    const uint32_t lo = Clamp32(lb_from), hi = Clamp32(from);
    std::vector<const Segment*> lb_segs;  // segments of partial days, most recent first
    const auto& parts = s.partitions();
    const int32_t d0 = ChinaDay(lb_from), d1 = ChinaDay(from - 1);
    for (auto it = parts.rbegin(); it != parts.rend() && !first.empty(); ++it) {
        const Partition& p = **it;
        if (p.day > d1) continue;
        if (p.day < d0 || lb_from >= from) break;
        const int64_t day_start = ChinaMidnightOfDay(p.day);
        if (day_start >= lb_from && day_start + kDaySeconds <= from) {
            const auto& bits = p.PlateBits();
            size_t kept = 0;
            for (const First& f : first) {
                if (!Partition::Has(bits, f.plate)) first[kept++] = f;
            }
            first.resize(kept);
        } else {
            for (auto seg = p.segments.rbegin(); seg != p.segments.rend(); ++seg) lb_segs.push_back(seg->get());
        }
    }
    for (auto it = lb_segs.begin(); it != lb_segs.end() && !first.empty(); ++it) {
        const Segment& seg = **it;
        const bool whole = seg.min_time() >= lo && seg.max_time() < hi;
        size_t r = 0, kept = 0;
        for (const First& f : first) {
            r = seg.LowerBoundRun(f.plate, r);
            bool seen = false;
            if (r < seg.run_count() && seg.run_plate(r) == f.plate) {
                if (whole) {
                    seen = true;
                } else {
                    auto [b, e] = seg.RunRange(r, lo, hi);
                    seen = b != e;
                }
            }
            if (!seen) first[kept++] = f;
        }
        first.resize(kept);
    }
    std::vector<FirstSeenResult> out;
    out.reserve(first.size());
    for (const First& f : first) out.push_back({std::string(s.Plate(f.plate)), f.time, table.list[f.cp].id});
    std::sort(out.begin(), out.end(), [](const FirstSeenResult& a, const FirstSeenResult& b) {
        return a.first_pass_time != b.first_pass_time ? a.first_pass_time < b.first_pass_time : a.plate < b.plate;
    });
    return out;
}

}  // namespace jw::analytics
