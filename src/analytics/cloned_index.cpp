#include "analytics/cloned_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analytics/parallel.hpp"

namespace jw::analytics {

using detail::Hit;

namespace {

// More dirty plates than this in one batch: one rebuild scan is cheaper than a history merge per plate.
constexpr size_t kMaxDirtyPlates = 2048;

}  // namespace

bool PairSpeed(const CheckpointTable& table, const Hit& a, const Hit& b, double* km, double* speed) {
    if (a.cp == b.cp) return false;
    const Checkpoint& ca = table.list[a.cp];
    const Checkpoint& cb = table.list[b.cp];
    if (!ca.HasCoordinates() || !cb.HasCoordinates()) return false;
    *km = HaversineKm(ca.latitude, ca.longitude, cb.latitude, cb.longitude);
    if (*km <= 0) return false;
    *speed = a.time == b.time ? std::numeric_limits<double>::infinity() : *km / ((b.time - a.time) / 3600.0);
    return true;
}

namespace {

// Scans plates [lo, hi) of `segs`: pairs over floor_kmh into `out`, latest passes into `last` (when given).
void ScanRange(const std::vector<const Segment*>& segs, const CheckpointTable& table, int64_t from, int64_t to,
               double floor_kmh, uint32_t lo, uint32_t hi, std::vector<ClonedPair>& out, std::vector<Hit>* last) {
    std::vector<Hit> prev(hi - lo, Hit{0, UINT16_MAX});
    auto check = [&](uint32_t plate, const Hit& a, const Hit& b) {
        double km = 0, speed = 0;
        if (PairSpeed(table, a, b, &km, &speed) && speed > floor_kmh)
            out.push_back({plate, a.time, b.time, a.cp, b.cp});
    };
    detail::ForEachPlateByBlock(segs, table.rank, from, to, lo, hi, [&](uint32_t plate, const std::vector<Hit>& h) {
        Hit& p = prev[plate - lo];
        if (p.cp != UINT16_MAX) check(plate, p, h.front());
        for (size_t i = 0; i + 1 < h.size(); ++i) check(plate, h[i], h[i + 1]);
        p = h.back();
    });
    if (last) std::copy(prev.begin(), prev.end(), last->begin() + lo);
}

}  // namespace

std::vector<ClonedPair> ScanClonedPairs(const Snapshot& s, int64_t from, int64_t to, double floor_kmh,
                                        std::vector<Hit>* last) {
    const auto segs = s.Segments(from, to);
    const uint32_t n = s.plate_count();
    if (last) last->assign(n, Hit{0, UINT16_MAX});
    const size_t chunks = std::max<size_t>(1, std::min<size_t>(n / 4096 + 1, 16 * ParallelWidth()));
    std::vector<std::vector<ClonedPair>> parts(chunks);
    ParallelFor(chunks, [&](size_t c) {
        const auto lo = static_cast<uint32_t>(uint64_t{n} * c / chunks);
        const auto hi = static_cast<uint32_t>(uint64_t{n} * (c + 1) / chunks);
        ScanRange(segs, s.checkpoints(), from, to, floor_kmh, lo, hi, parts[c], last);
    });
    std::vector<ClonedPair> out;
    for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

std::shared_ptr<const ClonedPairs> ClonedChain::Rebuild(const Snapshot& s) {
    auto out = std::make_shared<ClonedPairs>();
    out->pairs = ScanClonedPairs(s, 0, int64_t{UINT32_MAX} + 1, kClonedIndexFloorKmh, &last_);
    dirty_.assign(last_.size(), 0);
    dirty_list_.clear();
    fresh_.clear();
    return out;
}

void ClonedChain::Feed(const std::vector<Row>& rows, const CheckpointTable& table, uint32_t plate_count) {
    if (last_.size() < plate_count) {
        last_.resize(plate_count, Hit{0, kNone});
        dirty_.resize(plate_count, 0);
    }
    const auto& rank = table.rank;
    for (const Row& r : rows) {
        if (dirty_[r.plate]) continue;
        Hit& l = last_[r.plate];
        const Hit h{r.time, r.checkpoint};
        if (l.cp != kNone) {
            if (h.time < l.time || (h.time == l.time && rank[h.cp] < rank[l.cp])) {
                // Before the plate's latest pass: it splits a pair somewhere in the history.
                dirty_[r.plate] = 1;
                dirty_list_.push_back(r.plate);
                continue;
            }
            double km = 0, speed = 0;
            if (PairSpeed(table, l, h, &km, &speed) && speed > kClonedIndexFloorKmh) {
                fresh_.push_back({r.plate, l.time, h.time, l.cp, h.cp});
            }
        }
        l = h;
    }
}

std::shared_ptr<const ClonedPairs> ClonedChain::Finish(const Snapshot& s,
                                                       const std::shared_ptr<const ClonedPairs>& prev) {
    if (dirty_list_.size() > kMaxDirtyPlates || !prev) return Rebuild(s);
    if (fresh_.empty() && dirty_list_.empty()) return prev;
    auto out = std::make_shared<ClonedPairs>();
    out->pairs.reserve(prev->pairs.size() + fresh_.size());
    for (const ClonedPair& p : prev->pairs) {
        if (!dirty_[p.plate]) out->pairs.push_back(p);
    }
    for (const ClonedPair& p : fresh_) {
        if (!dirty_[p.plate]) out->pairs.push_back(p);
    }
    if (!dirty_list_.empty()) {
        // Each dirty plate's whole retained history, merged across the segments of every block.
        const auto segs = s.Segments(0, int64_t{UINT32_MAX} + 1);
        std::sort(dirty_list_.begin(), dirty_list_.end());
        for (uint32_t plate : dirty_list_) {
            ScanRange(segs, s.checkpoints(), 0, int64_t{UINT32_MAX} + 1, kClonedIndexFloorKmh, plate, plate + 1,
                      out->pairs, &last_);
            dirty_[plate] = 0;
        }
        dirty_list_.clear();
    }
    fresh_.clear();
    return out;
}

void ClonedChain::Restore(std::vector<Hit> last, uint32_t plate_count) {
    last_ = std::move(last);
    last_.resize(std::max<size_t>(last_.size(), plate_count), Hit{0, kNone});
    dirty_.assign(last_.size(), 0);
    dirty_list_.clear();
    fresh_.clear();
}

std::shared_ptr<const ClonedPairs> ClonedChain::Drop(int64_t retained_from,
                                                     const std::shared_ptr<const ClonedPairs>& prev) {
    for (Hit& l : last_) {
        if (l.cp != kNone && l.time < retained_from) l = Hit{0, kNone};
    }
    if (!prev) return prev;
    auto out = std::make_shared<ClonedPairs>();
    for (const ClonedPair& p : prev->pairs) {
        if (p.a_time >= retained_from) out->pairs.push_back(p);
    }
    return out;
}

}  // namespace jw::analytics
