// cloned and night (queries.hpp): whole-range scans, plate by plate (detail::ForEachPlate merges each
// plate's runs across the range's segments), split into plate-id ranges run on all cores (ParallelFor).

#include <algorithm>
#include <cmath>
#include <tuple>

#include "analytics/cloned_index.hpp"
#include "analytics/parallel.hpp"
#include "analytics/queries.hpp"
#include "analytics/query_util.hpp"

namespace jw::analytics {

using detail::Hit;

namespace {

// Runs f(plate_lo, plate_hi, chunk) over chunks of the plate-id space in parallel; returns the per-chunk
// outputs in chunk (= plate id) order.
template <typename T, typename F>
std::vector<T> ByPlateChunks(uint32_t plate_count, F f) {
    const size_t chunks = std::max<size_t>(1, std::min<size_t>(plate_count / 4096 + 1, 16 * ParallelWidth()));
    std::vector<std::vector<T>> parts(chunks);
    ParallelFor(chunks, [&](size_t c) {
        const auto lo = static_cast<uint32_t>(uint64_t{plate_count} * c / chunks);
        const auto hi = static_cast<uint32_t>(uint64_t{plate_count} * (c + 1) / chunks);
        f(lo, hi, parts[c]);
    });
    std::vector<T> out;
    for (auto& p : parts) {
        for (auto& x : p) out.push_back(std::move(x));
    }
    return out;
}

// Distinct nights per plate (index), fed in ascending day order: a pass of day d belongs to night d or d − 1, so a
// night already counted can only be one of the two largest so far.
struct NightTally {
    explicit NightTally(size_t n) : nights(n, 0), last(n, INT32_MIN), prev(n, INT32_MIN) {}
    void Add(size_t p, int32_t night) {
        if (night == last[p] || night == prev[p]) return;
        ++nights[p];
        if (night > last[p]) {
            prev[p] = last[p];
            last[p] = night;
        } else if (night > prev[p]) {
            prev[p] = night;
        }
    }
    std::vector<uint32_t> nights;
    std::vector<int32_t> last, prev;
};

void SortNight(std::vector<NightResult>& out) {
    std::sort(out.begin(), out.end(), [](const NightResult& a, const NightResult& b) {
        return std::tie(b.nights, b.night_passes, a.plate) < std::tie(a.nights, a.night_passes, b.plate);
    });
}

}  // namespace

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = M_PI / 180.0;
    const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

namespace {

std::vector<ClonedResult> ClonedFrom(const Snapshot& s, std::vector<ClonedPair> pairs, double max_speed_kmh) {
    const auto& table = s.checkpoints();
    // Contract order: plate text, then a's time, then a's and b's checkpoint (the plate's chain order).
    std::sort(pairs.begin(), pairs.end(), [&](const ClonedPair& x, const ClonedPair& y) {
        if (x.plate != y.plate) return s.Plate(x.plate) < s.Plate(y.plate);
        return std::tuple(x.a_time, table.rank[x.a_cp], x.b_time, table.rank[x.b_cp]) <
               std::tuple(y.a_time, table.rank[y.a_cp], y.b_time, table.rank[y.b_cp]);
    });
    std::vector<ClonedResult> out;
    for (const ClonedPair& p : pairs) {
        double km = 0, speed = 0;
        if (!PairSpeed(table, Hit{p.a_time, p.a_cp}, Hit{p.b_time, p.b_cp}, &km, &speed) || !(speed > max_speed_kmh)) {
            continue;
        }
        out.push_back({std::string(s.Plate(p.plate)),
                       {table.list[p.a_cp].id, p.a_time},
                       {table.list[p.b_cp].id, p.b_time},
                       km,
                       speed});
    }
    return out;
}

}  // namespace

std::vector<ClonedResult> ClonedScan(const Snapshot& s, int64_t from, int64_t to, double max_speed_kmh) {
    return ClonedFrom(s, ScanClonedPairs(s, from, to, max_speed_kmh), max_speed_kmh);
}

std::vector<ClonedResult> Cloned(const Snapshot& s, int64_t from, int64_t to, double max_speed_kmh) {
    const ClonedPairs* index = s.cloned();
    if (!index || !(max_speed_kmh >= kClonedIndexFloorKmh)) return ClonedScan(s, from, to, max_speed_kmh);
    // The index holds every consecutive pair of the retained history over the floor; the range keeps those with
    // both passes inside it (cloned_index.hpp says why that is the same answer).
    std::vector<ClonedPair> pairs;
    for (const ClonedPair& p : index->pairs) {
        if (p.a_time >= from && p.b_time < to) pairs.push_back(p);
    }
    return ClonedFrom(s, std::move(pairs), max_speed_kmh);
}

std::vector<NightResult> NightScan(const Snapshot& s, int64_t from, int64_t to, const NightSpec& spec) {
    const auto segs = s.Segments(from, to);
    const bool wraps = spec.start_s > spec.end_s;
    const uint32_t lo_t = detail::Clamp32(from), hi_t = detail::Clamp32(to);
    struct Found {
        uint32_t plate, nights, night_passes, day_passes;
    };
    // Dense counters per plate of the chunk, rows scanned run by run in ascending day.
    auto found = ByPlateChunks<Found>(s.plate_count(), [&](uint32_t lo, uint32_t hi, std::vector<Found>& out) {
        const uint32_t n = hi - lo;
        std::vector<uint32_t> night_passes(n, 0), day_passes(n, 0);
        NightTally tally(n);
        auto& nights = tally.nights;
        for (const Segment* seg : segs) {
            const bool whole = seg->min_time() >= lo_t && seg->max_time() < hi_t;
            // A segment lies within one China day (its time block): time of day is a subtraction, no division.
            const int32_t day = ChinaDay(seg->min_time());
            const int64_t day_start = ChinaMidnightOfDay(day);
            for (size_t r = seg->LowerBoundRun(lo); r < seg->run_count() && seg->run_plate(r) < hi; ++r) {
                const uint32_t p = seg->run_plate(r) - lo;
                auto [b, e] = whole ? std::make_pair(seg->run_begin(r), seg->run_end(r)) : seg->RunRange(r, lo_t, hi_t);
                for (uint32_t i = b; i < e; ++i) {
                    const auto tod = static_cast<int32_t>(int64_t{seg->time(i)} - day_start);
                    if (!IsNight(tod, spec.start_s, spec.end_s)) {
                        ++day_passes[p];
                        continue;
                    }
                    ++night_passes[p];
                    tally.Add(p, day - ((wraps && tod < spec.end_s) ? 1 : 0));
                }
            }
        }
        for (uint32_t p = 0; p < n; ++p) {
            const uint32_t total = night_passes[p] + day_passes[p];
            if (total == 0 || nights[p] < spec.min_nights) continue;
            if (static_cast<double>(night_passes[p]) < spec.min_night_share * total) continue;
            out.push_back({lo + p, nights[p], night_passes[p], day_passes[p]});
        }
    });
    std::vector<NightResult> out;
    out.reserve(found.size());
    for (const Found& f : found) out.push_back({std::string(s.Plate(f.plate)), f.nights, f.night_passes, f.day_passes});
    SortNight(out);
    return out;
}

std::vector<NightResult> Night(const Snapshot& s, int64_t from, int64_t to, const NightSpec& spec) {
    if (spec.start_s != Segment::kNightStartS || spec.end_s != Segment::kNightEndS || spec.min_nights == 0) {
        return NightScan(s, from, to, spec);
    }
    // The default night: whole segments contribute their night summaries (Segment::night_runs), segments cut by
    // the range their night rows; then only the plates active on enough nights get their day passes counted, as
    // their passes in the range minus their night passes, through the run directories (galloping in plate order).
    const auto segs = s.Segments(from, to);
    const uint32_t lo_t = detail::Clamp32(from), hi_t = detail::Clamp32(to);
    const uint32_t n = s.plate_count();
    std::vector<uint32_t> night_passes(n, 0);
    NightTally tally(n);
    const auto& nights = tally.nights;
    std::vector<uint32_t> seen;
    auto add = [&](uint32_t p, int32_t night, uint32_t passes) {
        if (night_passes[p] == 0) seen.push_back(p);
        night_passes[p] += passes;
        tally.Add(p, night);
    };
    for (const Segment* seg : segs) {
        if (seg->min_time() >= lo_t && seg->max_time() < hi_t) {
            for (const Segment::NightRun& e : seg->night_runs()) add(e.plate, e.night, e.passes);
            continue;
        }
        const int32_t day = ChinaDay(seg->min_time());
        const int64_t day_start = ChinaMidnightOfDay(day);
        for (size_t r = 0; r < seg->run_count(); ++r) {
            auto [b, e] = seg->RunRange(r, lo_t, hi_t);
            for (uint32_t i = b; i < e; ++i) {
                const int64_t t = seg->time(i);
                const int32_t d = t - day_start >= kDaySeconds ? day + 1 : day;
                const auto tod = static_cast<int32_t>(t - ChinaMidnightOfDay(d));
                if (IsNight(tod, spec.start_s, spec.end_s)) add(seg->run_plate(r), d - (tod < spec.end_s ? 1 : 0), 1);
            }
        }
    }
    std::vector<uint32_t> cand;
    for (uint32_t p : seen) {
        if (nights[p] >= spec.min_nights) cand.push_back(p);
    }
    std::sort(cand.begin(), cand.end());
    std::vector<uint32_t> total(cand.size(), 0);
    for (const Segment* seg : segs) {
        const bool whole = seg->min_time() >= lo_t && seg->max_time() < hi_t;
        size_t r = 0;
        for (size_t k = 0; k < cand.size() && r < seg->run_count(); ++k) {
            r = seg->LowerBoundRun(cand[k], r);
            if (r >= seg->run_count() || seg->run_plate(r) != cand[k]) continue;
            auto [b, e] = whole ? std::make_pair(seg->run_begin(r), seg->run_end(r)) : seg->RunRange(r, lo_t, hi_t);
            total[k] += e - b;
        }
    }
    std::vector<NightResult> out;
    for (size_t k = 0; k < cand.size(); ++k) {
        const uint32_t p = cand[k], np = night_passes[p];
        if (static_cast<double>(np) < spec.min_night_share * total[k]) continue;
        out.push_back({std::string(s.Plate(p)), nights[p], np, total[k] - np});
    }
    SortNight(out);
    return out;
}

}  // namespace jw::analytics
