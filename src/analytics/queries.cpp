#include "analytics/queries.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

namespace jw::analytics {
namespace {

uint32_t Clamp32(int64_t t) {
    if (t < 0) return 0;
    if (t > int64_t{UINT32_MAX}) return UINT32_MAX;
    return static_cast<uint32_t>(t);
}

struct Hit {
    uint32_t time;
    uint16_t cp;
};

// The target plate's passes in [from, to), ordered by time then checkpoint id.
std::vector<Hit> PlatePasses(const Snapshot& s, uint32_t plate, int64_t from, int64_t to) {
    std::vector<Hit> out;
    const uint32_t f = Clamp32(from), t = Clamp32(to);
    for (const Segment* seg : s.Segments(from, to)) {
        auto [b, e] = seg->PlateRange(plate, f, t);
        for (uint32_t i = b; i < e; ++i) out.push_back({seg->time(i), seg->checkpoint(i)});
    }
    const auto& rank = s.checkpoints().rank;
    std::sort(out.begin(), out.end(), [&rank](const Hit& a, const Hit& b) {
        return a.time != b.time ? a.time < b.time : rank[a.cp] < rank[b.cp];
    });
    return out;
}

template <typename F>
void ForEachRowIn(const Snapshot& s, int64_t from, int64_t to, F f) {
    const uint32_t lo = Clamp32(from), hi = Clamp32(to);
    for (const Segment* seg : s.Segments(from, to)) {
        const bool all = seg->min_time() >= lo && seg->max_time() < hi;
        for (size_t i = 0, n = seg->size(); i < n; ++i) {
            const uint32_t t = seg->time(i);
            if (all || (t >= lo && t < hi)) f(*seg, i);
        }
    }
}

void SortUnique(std::vector<uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = M_PI / 180.0;
    const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
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
    struct Acc {
        std::vector<uint16_t> cps;
        uint32_t co = 0;
        double score = 0;
    };
    std::unordered_map<uint32_t, Acc> acc;
    std::vector<std::vector<uint32_t>> lists(targets.size());
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
        for (uint32_t q : list) acc[q];
    }
    const double n_all = static_cast<double>(acc.size());
    for (size_t i = 0; i < targets.size(); ++i) {
        const double weight = std::log10(n_all / static_cast<double>(lists[i].size()));
        for (uint32_t q : lists[i]) {
            Acc& a = acc[q];
            a.cps.push_back(targets[i].cp);
            ++a.co;
            a.score += weight;
        }
    }
    for (auto& [q, a] : acc) {
        std::sort(a.cps.begin(), a.cps.end());
        const auto distinct = static_cast<uint32_t>(std::unique(a.cps.begin(), a.cps.end()) - a.cps.begin());
        if (distinct >= min_checkpoints) out.push_back({s.Plate(q), distinct, a.co, a.score});
    }
    std::sort(out.begin(), out.end(), [](const CompanionResult& a, const CompanionResult& b) {
        return std::tie(b.score, b.checkpoints, b.co_passes, a.plate) <
               std::tie(a.score, a.checkpoints, a.co_passes, b.plate);
    });
    return out;
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
        if (j - i >= min_match) out.push_back({s.Plate(all[i]), static_cast<uint32_t>(j - i)});
        i = j;
    }
    std::sort(out.begin(), out.end(), [](const CollisionResult& a, const CollisionResult& b) {
        return a.matched != b.matched ? a.matched > b.matched : a.plate < b.plate;
    });
    return out;
}

std::vector<FirstSeenResult> FirstSeen(const Snapshot& s, int64_t from, int64_t to, int64_t lookback_days,
                                       const std::vector<std::string>& checkpoints) {
    const auto& table = s.checkpoints();
    std::unordered_map<uint32_t, Hit> first;
    auto consider = [&](uint32_t plate, uint32_t time, uint16_t cp) {
        auto [it, inserted] = first.try_emplace(plate, Hit{time, cp});
        Hit& h = it->second;
        if (!inserted && (time < h.time || (time == h.time && table.rank[cp] < table.rank[h.cp]))) h = Hit{time, cp};
    };
    if (checkpoints.empty()) {
        ForEachRowIn(s, from, to, [&](const Segment& seg, size_t i) {
            consider(seg.plate(i), seg.time(i), seg.checkpoint(i));
        });
    } else {
        const auto segs = s.Segments(from, to);
        std::vector<uint16_t> cps;
        for (const auto& c : checkpoints) {
            if (auto cp = table.Find(c)) cps.push_back(*cp);
        }
        std::sort(cps.begin(), cps.end());
        cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
        for (uint16_t cp : cps) {
            for (const Segment* seg : segs) {
                auto [b, e] = seg->CheckpointRange(cp, Clamp32(from), Clamp32(to));
                for (uint32_t k = b; k < e; ++k) {
                    const uint32_t pos = seg->by_checkpoint(k);
                    consider(seg->plate(pos), seg->time(pos), cp);
                }
            }
        }
    }
    const int64_t lb_from = from - lookback_days * kDaySeconds;
    const auto lb_segs = s.Segments(lb_from, from);
    uint64_t lb_rows = 0;
    for (const Segment* seg : lb_segs) lb_rows += seg->size();
    std::vector<uint32_t> seen;  // plates with a pass in the lookback window
    if (!first.empty() && lb_rows > 0) {
        // Probe each candidate's posting lists when that is cheaper than scanning the lookback window.
        if (first.size() * lb_segs.size() * 48 < lb_rows) {
            for (const auto& [plate, h] : first) {
                for (const Segment* seg : lb_segs) {
                    auto [b, e] = seg->PlateRange(plate, Clamp32(lb_from), Clamp32(from));
                    if (b != e) {
                        seen.push_back(plate);
                        break;
                    }
                }
            }
        } else {
            ForEachRowIn(s, lb_from, from, [&](const Segment& seg, size_t i) {
                if (seen.empty() || seen.back() != seg.plate(i)) seen.push_back(seg.plate(i));
            });
            SortUnique(seen);
        }
    }
    SortUnique(seen);
    std::vector<FirstSeenResult> out;
    for (const auto& [plate, h] : first) {
        if (std::binary_search(seen.begin(), seen.end(), plate)) continue;
        out.push_back({s.Plate(plate), h.time, table.list[h.cp].id});
    }
    std::sort(out.begin(), out.end(), [](const FirstSeenResult& a, const FirstSeenResult& b) {
        return a.first_pass_time != b.first_pass_time ? a.first_pass_time < b.first_pass_time : a.plate < b.plate;
    });
    return out;
}

std::vector<ClonedResult> Cloned(const Snapshot& s, int64_t from, int64_t to, double max_speed_kmh) {
    const auto& table = s.checkpoints();
    struct P {
        uint32_t plate, time, rank;
        uint16_t cp;
    };
    std::vector<P> passes;
    ForEachRowIn(s, from, to, [&](const Segment& seg, size_t i) {
        const uint16_t cp = seg.checkpoint(i);
        passes.push_back({seg.plate(i), seg.time(i), table.rank[cp], cp});
    });
    std::sort(passes.begin(), passes.end(),
              [](const P& a, const P& b) { return std::tie(a.plate, a.time, a.rank) < std::tie(b.plate, b.time, b.rank); });
    std::vector<ClonedResult> out;
    std::vector<std::pair<uint32_t, size_t>> order;  // (plate id, first result index) per plate
    for (size_t i = 0; i + 1 < passes.size(); ++i) {
        const P& a = passes[i];
        const P& b = passes[i + 1];
        if (a.plate != b.plate || a.cp == b.cp) continue;
        const Checkpoint& ca = table.list[a.cp];
        const Checkpoint& cb = table.list[b.cp];
        if (!ca.HasCoordinates() || !cb.HasCoordinates()) continue;
        const double km = HaversineKm(ca.latitude, ca.longitude, cb.latitude, cb.longitude);
        if (km <= 0) continue;
        const double speed = a.time == b.time ? std::numeric_limits<double>::infinity()
                                              : km / ((b.time - a.time) / 3600.0);
        if (!(speed > max_speed_kmh)) continue;
        if (order.empty() || order.back().first != a.plate) order.emplace_back(a.plate, out.size());
        out.push_back({s.Plate(a.plate), {ca.id, a.time}, {cb.id, b.time}, km, speed});
    }
    // Results come grouped by plate id, each group in time order; reorder the groups by plate text.
    struct Group {
        uint32_t plate;
        size_t begin, end;
    };
    std::vector<Group> groups;
    for (size_t g = 0; g < order.size(); ++g) {
        groups.push_back({order[g].first, order[g].second, g + 1 < order.size() ? order[g + 1].second : out.size()});
    }
    std::sort(groups.begin(), groups.end(),
              [&s](const Group& x, const Group& y) { return s.Plate(x.plate) < s.Plate(y.plate); });
    std::vector<ClonedResult> sorted;
    sorted.reserve(out.size());
    for (const Group& g : groups) {
        for (size_t k = g.begin; k < g.end; ++k) sorted.push_back(std::move(out[k]));
    }
    return sorted;
}

std::vector<NightResult> Night(const Snapshot& s, int64_t from, int64_t to, const NightSpec& spec) {
    const uint32_t n = s.plate_count();
    std::vector<uint32_t> night_passes(n, 0), day_passes(n, 0), nights(n, 0);
    // The two largest distinct nights counted per plate: partitions come in ascending day and a pass of day
    // d belongs to night d or d − 1, so a repeat can only be one of these two.
    std::vector<int32_t> last(n, INT32_MIN), prev(n, INT32_MIN);
    const bool wraps = spec.start_s > spec.end_s;
    ForEachRowIn(s, from, to, [&](const Segment& seg, size_t i) {
        const uint32_t p = seg.plate(i);
        const int64_t local = int64_t{seg.time(i)} + 8 * 3600;
        const auto tod = static_cast<int32_t>(local % kDaySeconds);
        if (!IsNight(tod, spec.start_s, spec.end_s)) {
            ++day_passes[p];
            return;
        }
        ++night_passes[p];
        const int32_t night = ChinaDay(seg.time(i)) - ((wraps && tod < spec.end_s) ? 1 : 0);
        if (night == last[p] || night == prev[p]) return;
        ++nights[p];
        if (night > last[p]) {
            prev[p] = last[p];
            last[p] = night;
        } else if (night > prev[p]) {
            prev[p] = night;
        }
    });
    std::vector<NightResult> out;
    for (uint32_t p = 0; p < n; ++p) {
        const uint32_t total = night_passes[p] + day_passes[p];
        if (total == 0 || nights[p] < spec.min_nights) continue;
        if (static_cast<double>(night_passes[p]) < spec.min_night_share * total) continue;
        out.push_back({s.Plate(p), nights[p], night_passes[p], day_passes[p]});
    }
    std::sort(out.begin(), out.end(), [](const NightResult& a, const NightResult& b) {
        return std::tie(b.nights, b.night_passes, a.plate) < std::tie(a.nights, a.night_passes, b.plate);
    });
    return out;
}

}  // namespace jw::analytics
