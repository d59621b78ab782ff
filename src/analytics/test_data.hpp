#pragma once
// Test support (tests only): a deterministic small generator of checkpoints and passes with planted
// patterns (convoys, clones, night drivers, boundary times), and brute-force reference versions of the six
// analyses over plain vectors, written for obviousness rather than speed.

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analytics/queries.hpp"
#include "common/civil_time.hpp"

namespace jw::analytics::testing {

struct Dataset {
    std::vector<Checkpoint> checkpoints;
    std::vector<PassRecord> passes;
    std::vector<std::string> plates;
    int64_t start = 0;  // 00:00 China time of the first day
    int days = 0;
};

inline std::string PlateOf(int i) {
    static const char kSerial[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string p = "川A";
    for (int k = 0; k < 5; ++k) {
        p.push_back(kSerial[i % 34]);
        i /= 34;
    }
    return p;
}

// Needs plates >= 10 and checkpoints >= 7.
inline Dataset Generate(uint32_t seed, int plates = 300, int checkpoints = 12, int passes = 6000, int days = 3) {
    std::mt19937 rng(seed);
    Dataset d;
    d.days = days;
    d.start = *ParseChinaTime("2026-03-01 00:00:00");
    for (int c = 0; c < checkpoints; ++c) {
        Checkpoint cp;
        cp.id = "5199010000" + std::to_string(100 + c);
        cp.name = "卡口" + std::to_string(c);
        // Spread over ~60 km; the last checkpoint has no coordinates.
        if (c + 1 < checkpoints) {
            cp.longitude = 104.0 + 0.05 * (c % 4) + 0.01 * std::uniform_real_distribution<double>(0, 1)(rng);
            cp.latitude = 30.5 + 0.12 * (c / 4);
        }
        d.checkpoints.push_back(cp);
    }
    for (int p = 0; p < plates; ++p) d.plates.push_back(PlateOf(p * 7919 + 13));
    // Popularity skew: a few plates pass often.
    std::geometric_distribution<int> pick(0.02);
    std::uniform_int_distribution<int> cp_of(0, checkpoints - 1);
    std::uniform_int_distribution<int64_t> t_of(0, int64_t{days} * 86400 - 1);
    auto add = [&](int plate, int cp, int64_t t) {
        PassRecord r;
        r.plate = d.plates[plate];
        r.checkpoint_id = d.checkpoints[cp].id;
        r.time = t;
        r.plate_color = static_cast<uint8_t>(plate % 3);
        r.direction = static_cast<uint8_t>(cp % 4);
        r.lane = static_cast<uint8_t>(1 + plate % 3);
        r.speed = static_cast<uint16_t>(40 + plate % 60);
        d.passes.push_back(r);
    };
    // Plates 0-5 carry planted patterns and plates - 1 a single pass; the rest are background traffic.
    for (int i = 0; i < passes; ++i) {
        int plate = 6 + pick(rng) % (plates - 7);
        if (i % 50 == 0) plate = 0;  // the convoy leader
        // Coarse times (multiples of 10 s) so equal times and exact window boundaries happen often.
        add(plate, cp_of(rng), d.start + t_of(rng) / 10 * 10);
    }
    // Convoy: plate 1 follows plate 0 at +20 s on every pass of plate 0; plate 2 at exactly +60 s.
    const size_t n = d.passes.size();
    for (size_t i = 0; i < n; ++i) {
        if (d.passes[i].plate != d.plates[0]) continue;
        const PassRecord base = d.passes[i];
        int cp = static_cast<int>(std::find_if(d.checkpoints.begin(), d.checkpoints.end(),
                                               [&](const Checkpoint& c) { return c.id == base.checkpoint_id; }) -
                                  d.checkpoints.begin());
        add(1, cp, base.time + 20);
        add(2, cp, base.time + 60);
        add(2, cp, base.time - 61);
    }
    // Clone: plate 3 at checkpoints 0 and 11-1 within minutes, and at two places in the same second.
    add(3, 0, d.start + 3600);
    add(3, checkpoints - 2, d.start + 3660);
    add(3, 1, d.start + 7200);
    add(3, 5 % checkpoints, d.start + 7200);
    // Night driver: plate 4 at 22:00:00, 04:59:59, 05:00:00 and 23:59:59 on each day.
    for (int day = 0; day < days; ++day) {
        const int64_t base = d.start + int64_t{day} * 86400;
        add(4, 2, base + 22 * 3600);
        add(4, 3, base + 5 * 3600 - 1);
        add(4, 3, base + 5 * 3600);
        add(4, 4, base + 86399);
    }
    // Single-pass plate and duplicate reads (same plate, checkpoint and second).
    add(plates - 1, 0, d.start + 86400);
    add(5, 6 % checkpoints, d.start + 1000);
    add(5, 6 % checkpoints, d.start + 1000);
    std::shuffle(d.passes.begin(), d.passes.end(), rng);
    return d;
}

// ---- brute-force references ---------------------------------------------------------------------------------

inline std::vector<PassPoint> RefTrajectory(const Dataset& d, const std::string& plate, int64_t from, int64_t to) {
    std::vector<PassPoint> out;
    for (const auto& p : d.passes) {
        if (p.plate == plate && p.time >= from && p.time < to) out.push_back({p.checkpoint_id, p.time});
    }
    std::sort(out.begin(), out.end(), [](const PassPoint& a, const PassPoint& b) {
        return a.time != b.time ? a.time < b.time : a.checkpoint_id < b.checkpoint_id;
    });
    return out;
}

inline std::vector<CompanionResult> RefCompanions(const Dataset& d, const std::string& plate, int64_t from, int64_t to,
                                                  int64_t w, uint32_t min_cps) {
    const auto targets = RefTrajectory(d, plate, from, to);
    std::vector<std::set<std::string>> lists(targets.size());
    std::set<std::string> all;
    for (size_t i = 0; i < targets.size(); ++i) {
        for (const auto& p : d.passes) {
            if (p.plate != plate && p.checkpoint_id == targets[i].checkpoint_id &&
                std::llabs(p.time - targets[i].time) <= w) {
                lists[i].insert(p.plate);
                all.insert(p.plate);
            }
        }
    }
    std::map<std::string, CompanionResult> acc;
    std::map<std::string, std::set<std::string>> cps;
    for (size_t i = 0; i < targets.size(); ++i) {
        const double weight = std::log10(static_cast<double>(all.size()) / static_cast<double>(lists[i].size()));
        for (const auto& q : lists[i]) {
            auto& a = acc[q];
            a.plate = q;
            ++a.co_passes;
            a.score += weight;
            cps[q].insert(targets[i].checkpoint_id);
        }
    }
    std::vector<CompanionResult> out;
    for (auto& [q, a] : acc) {
        a.checkpoints = static_cast<uint32_t>(cps[q].size());
        if (a.checkpoints >= min_cps) out.push_back(a);
    }
    std::sort(out.begin(), out.end(), [](const CompanionResult& a, const CompanionResult& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.checkpoints != b.checkpoints) return a.checkpoints > b.checkpoints;
        if (a.co_passes != b.co_passes) return a.co_passes > b.co_passes;
        return a.plate < b.plate;
    });
    return out;
}

inline std::vector<CollisionResult> RefCollision(const Dataset& d, const std::vector<CollisionCondition>& conds,
                                                 uint32_t k) {
    std::map<std::string, uint32_t> matched;
    for (const auto& c : conds) {
        std::set<std::string> plates;
        for (const auto& p : d.passes) {
            if (p.time >= c.from && p.time < c.to &&
                std::find(c.checkpoints.begin(), c.checkpoints.end(), p.checkpoint_id) != c.checkpoints.end()) {
                plates.insert(p.plate);
            }
        }
        for (const auto& q : plates) ++matched[q];
    }
    std::vector<CollisionResult> out;
    for (const auto& [q, m] : matched) {
        if (m >= k) out.push_back({q, m});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const CollisionResult& a, const CollisionResult& b) { return a.matched > b.matched; });
    return out;
}

inline std::vector<FirstSeenResult> RefFirstSeen(const Dataset& d, int64_t from, int64_t to, int64_t days,
                                                 const std::vector<std::string>& cps) {
    std::map<std::string, FirstSeenResult> first;
    std::set<std::string> seen;
    for (const auto& p : d.passes) {
        if (p.time >= from - days * 86400 && p.time < from) seen.insert(p.plate);
        if (p.time < from || p.time >= to) continue;
        if (!cps.empty() && std::find(cps.begin(), cps.end(), p.checkpoint_id) == cps.end()) continue;
        auto it = first.find(p.plate);
        if (it == first.end() || p.time < it->second.first_pass_time ||
            (p.time == it->second.first_pass_time && p.checkpoint_id < it->second.checkpoint_id)) {
            first[p.plate] = {p.plate, p.time, p.checkpoint_id};
        }
    }
    std::vector<FirstSeenResult> out;
    for (const auto& [q, r] : first) {
        if (!seen.count(q)) out.push_back(r);
    }
    std::stable_sort(out.begin(), out.end(), [](const FirstSeenResult& a, const FirstSeenResult& b) {
        return a.first_pass_time < b.first_pass_time;
    });
    return out;
}

inline std::vector<ClonedResult> RefCloned(const Dataset& d, int64_t from, int64_t to, double v) {
    std::map<std::string, std::vector<PassPoint>> by_plate;
    for (const auto& p : d.passes) {
        if (p.time >= from && p.time < to) by_plate[p.plate].push_back({p.checkpoint_id, p.time});
    }
    std::map<std::string, const Checkpoint*> cp;
    for (const auto& c : d.checkpoints) cp[c.id] = &c;
    std::vector<ClonedResult> out;
    for (auto& [plate, list] : by_plate) {
        std::sort(list.begin(), list.end(), [](const PassPoint& a, const PassPoint& b) {
            return a.time != b.time ? a.time < b.time : a.checkpoint_id < b.checkpoint_id;
        });
        for (size_t i = 0; i + 1 < list.size(); ++i) {
            const auto& a = list[i];
            const auto& b = list[i + 1];
            if (a.checkpoint_id == b.checkpoint_id) continue;
            const Checkpoint* ca = cp.count(a.checkpoint_id) ? cp[a.checkpoint_id] : nullptr;
            const Checkpoint* cb = cp.count(b.checkpoint_id) ? cp[b.checkpoint_id] : nullptr;
            if (!ca || !cb || !ca->HasCoordinates() || !cb->HasCoordinates()) continue;
            const double km = HaversineKm(ca->latitude, ca->longitude, cb->latitude, cb->longitude);
            if (km <= 0) continue;
            const double speed = a.time == b.time ? INFINITY : km / ((b.time - a.time) / 3600.0);
            if (speed > v) out.push_back({plate, a, b, km, speed});
        }
    }
    return out;
}

inline std::vector<NightResult> RefNight(const Dataset& d, int64_t from, int64_t to, const NightSpec& spec) {
    std::map<std::string, NightResult> acc;
    std::map<std::string, std::set<int64_t>> nights;
    for (const auto& p : d.passes) {
        if (p.time < from || p.time >= to) continue;
        auto& a = acc[p.plate];
        a.plate = p.plate;
        const int64_t local = p.time + 8 * 3600;
        const int64_t day = local / 86400;
        const auto tod = static_cast<int32_t>(local % 86400);
        bool night = spec.start_s < spec.end_s ? (tod >= spec.start_s && tod < spec.end_s)
                                               : (tod >= spec.start_s || tod < spec.end_s);
        if (!night) {
            ++a.day_passes;
            continue;
        }
        ++a.night_passes;
        nights[p.plate].insert(spec.start_s > spec.end_s && tod < spec.end_s ? day - 1 : day);
    }
    std::vector<NightResult> out;
    for (auto& [q, a] : acc) {
        a.nights = static_cast<uint32_t>(nights[q].size());
        if (a.nights >= spec.min_nights &&
            static_cast<double>(a.night_passes) >= spec.min_night_share * (a.night_passes + a.day_passes)) {
            out.push_back(a);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const NightResult& a, const NightResult& b) {
        return a.nights != b.nights ? a.nights > b.nights : a.night_passes > b.night_passes;
    });
    return out;
}

// A fresh, empty directory under the system temp dir, removed by the destructor.
class TempDir {
  public:
    TempDir() {
        static int counter = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("jw_analytics_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    std::string path() const { return path_.string(); }

  private:
    std::filesystem::path path_;
};

}  // namespace jw::analytics::testing
