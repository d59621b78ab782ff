// cloned and night (queries.hpp): whole-range scans, plate by plate (detail::ForEachPlate merges each
// plate's runs across the range's segments), split into plate-id ranges run on all cores (ParallelFor).

#include <algorithm>
#include <cmath>
#include <tuple>

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

}  // namespace

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = M_PI / 180.0;
    const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<ClonedResult> Cloned(const Snapshot& s, int64_t from, int64_t to, double max_speed_kmh) {
    const auto& table = s.checkpoints();
    const auto segs = s.Segments(from, to);
    struct Found {
        uint32_t plate;
        Hit a, b;
        double km, speed;
    };
    // Plate by plate within each time block; each plate's last pass of the blocks before is kept in a dense array
    // of the chunk, so the pair spanning two blocks is checked too.
    auto found = ByPlateChunks<Found>(s.plate_count(), [&](uint32_t lo, uint32_t hi, std::vector<Found>& out) {
        std::vector<Hit> last(hi - lo, Hit{0, 0});
        std::vector<uint8_t> has(hi - lo, 0);
        auto check = [&](uint32_t plate, const Hit& a, const Hit& b) {
            if (a.cp == b.cp) return;
            const Checkpoint& ca = table.list[a.cp];
            const Checkpoint& cb = table.list[b.cp];
            if (!ca.HasCoordinates() || !cb.HasCoordinates()) return;
            const double km = HaversineKm(ca.latitude, ca.longitude, cb.latitude, cb.longitude);
            if (km <= 0) return;
            const double speed =
                a.time == b.time ? std::numeric_limits<double>::infinity() : km / ((b.time - a.time) / 3600.0);
            if (speed > max_speed_kmh) out.push_back({plate, a, b, km, speed});
        };
        detail::ForEachPlateByBlock(segs, table.rank, from, to, lo, hi, [&](uint32_t plate, const std::vector<Hit>& h) {
            const uint32_t p = plate - lo;
            if (has[p]) check(plate, last[p], h.front());
            for (size_t i = 0; i + 1 < h.size(); ++i) check(plate, h[i], h[i + 1]);
            has[p] = 1;
            last[p] = h.back();
        });
    });
    // Found comes in time order per plate (a plate lives in one chunk); order by plate text, keeping that order.
    std::stable_sort(found.begin(), found.end(),
                     [&s](const Found& x, const Found& y) { return s.Plate(x.plate) < s.Plate(y.plate); });
    std::vector<ClonedResult> out;
    out.reserve(found.size());
    for (const Found& f : found) {
        out.push_back({std::string(s.Plate(f.plate)),
                       {table.list[f.a.cp].id, f.a.time},
                       {table.list[f.b.cp].id, f.b.time},
                       f.km,
                       f.speed});
    }
    return out;
}

std::vector<NightResult> Night(const Snapshot& s, int64_t from, int64_t to, const NightSpec& spec) {
    const auto segs = s.Segments(from, to);
    const bool wraps = spec.start_s > spec.end_s;
    const uint32_t lo_t = detail::Clamp32(from), hi_t = detail::Clamp32(to);
    struct Found {
        uint32_t plate, nights, night_passes, day_passes;
    };
    // Dense counters per plate of the chunk, rows scanned run by run in ascending day: a pass of day d
    // belongs to night d or d − 1, so a night already counted can only be one of the two largest so far.
    auto found = ByPlateChunks<Found>(s.plate_count(), [&](uint32_t lo, uint32_t hi, std::vector<Found>& out) {
        const uint32_t n = hi - lo;
        std::vector<uint32_t> night_passes(n, 0), day_passes(n, 0), nights(n, 0);
        std::vector<int32_t> last(n, INT32_MIN), prev(n, INT32_MIN);
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
                    const int32_t night = day - ((wraps && tod < spec.end_s) ? 1 : 0);
                    if (night == last[p] || night == prev[p]) continue;
                    ++nights[p];
                    if (night > last[p]) {
                        prev[p] = last[p];
                        last[p] = night;
                    } else if (night > prev[p]) {
                        prev[p] = night;
                    }
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
    std::sort(out.begin(), out.end(), [](const NightResult& a, const NightResult& b) {
        return std::tie(b.nights, b.night_passes, a.plate) < std::tie(a.nights, a.night_passes, b.plate);
    });
    return out;
}

}  // namespace jw::analytics
