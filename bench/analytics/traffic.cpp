#include "traffic.hpp"

#include <algorithm>
#include <cmath>

#include "common/civil_time.hpp"

namespace jw::bench {
namespace {

// Relative traffic per China-time hour: morning and evening peaks, quiet nights.
constexpr double kHourWeight[24] = {1, 0.6, 0.4, 0.3, 0.4, 1, 3, 7, 9, 6, 5, 5, 5, 5, 5, 5, 6, 8, 9, 6, 4, 3, 2, 1.5};

// Five serial characters of 34; the multiplier (odd, not a multiple of 17) permutes [0, 34^5) so that
// neighbouring ids get unrelated-looking serials.
void Serial(std::string& out, uint32_t i) {
    static const char kSerial[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    i = static_cast<uint32_t>(uint64_t{i} % 45435424 * 2654435761ull % 45435424);
    for (int k = 0; k < 5; ++k) {
        out.push_back(kSerial[i % 34]);
        i /= 34;
    }
}

}  // namespace

uint64_t Mix(uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::string PlateText(uint32_t id, uint32_t plates) {
    static const char* kNeighbours[] = {"渝", "贵", "云"};
    const uint32_t regular = plates / 10 * 8;
    std::string p;
    if (id < regular) {
        p = "川";
        p.push_back("ABCDEFGHJK"[id % 10]);
        Serial(p, id / 10);
    } else if (id < plates) {
        const uint32_t k = id - regular;
        p = kNeighbours[k % 3];
        p.push_back("ABCDEFGHJK"[k / 3 % 10]);
        Serial(p, k / 30);
    } else {
        p = "川X";
        Serial(p, id - plates);
    }
    return p;
}

bool IsWatched(uint32_t id, uint32_t plates) { return id < plates && Mix(id * 7ull + 1) % 1000 < 3; }

int64_t WatchValidTo(uint32_t id, int64_t start, int days) {
    return Mix(id) % 3 == 0 ? start + int64_t{days} * 86400 / 2 : start + int64_t{days} * 86400;
}

Traffic::Traffic(const Preset& preset, const RoadGraph& graph, int64_t start, uint64_t seed, std::FILE* passes_csv)
    : preset_(preset),
      graph_(graph),
      start_(start),
      end_(start + int64_t{preset.days} * 86400),
      regular_(preset.plates / 10 * 8),
      rng_(seed),
      out_(passes_csv) {
    const uint32_t planted = preset.convoys * 3 + preset.night_plates + preset.collision_plates;
    loc_.assign(preset.plates + planted, kNowhere);
    busy_.assign(loc_.size(), 0);
    stats_.passes.assign(loc_.size(), 0);
    stats_.last_day.assign(loc_.size(), -1);
    buckets_.resize(preset.days);
    uint32_t next = preset.plates;
    for (int c = 0; c < preset.convoys; ++c, next += 3) {
        planted_.convoys.push_back({next, next + 1, next + 2, 0});
        convoy_home_.push_back(graph.Central(rng_));
    }
    for (int n = 0; n < preset.night_plates; ++n) {
        planted_.night.push_back(next++);
        night_home_.push_back(static_cast<int>(rng_() % graph.size()));
    }
    for (int c = 0; c < preset.collision_plates; ++c) planted_.collisions.push_back({next++, {}});
}

void Traffic::Emit(uint32_t plate, int cp, int64_t t, int speed, int direction) {
    if (t < start_ || t >= end_) return;
    buckets_[(t - start_) / 86400].push_back(
        {t, plate, static_cast<uint16_t>(cp), static_cast<uint8_t>(speed), static_cast<uint8_t>(direction)});
}

int64_t Traffic::Drive(uint32_t plate, int from, int to, int64_t t, std::vector<Pass>* trace) {
    const double kmh = 30 + static_cast<double>(rng_() % 36);
    int cp = from, direction = 1;
    for (;;) {
        Emit(plate, cp, t, static_cast<int>(kmh), direction);
        if (trace) trace->push_back({t, plate, static_cast<uint16_t>(cp), 0, 0});
        if (cp == to) break;
        const int next = graph_.Step(cp, to, rng_);
        const Node &a = graph_.node(cp), &b = graph_.node(next);
        direction = b.x > a.x ? 1 : b.x < a.x ? 2 : b.y > a.y ? 3 : 4;
        t += static_cast<int64_t>(graph_.Km(cp, next) / kmh * 3600) + static_cast<int64_t>(rng_() % 30);
        cp = next;
    }
    loc_[plate] = static_cast<uint16_t>(to);
    busy_[plate] = t;
    return t;
}

void Traffic::RegularTrips(int day) {
    const int64_t day_start = start_ + int64_t{day} * 86400, day_end = day_start + 86400;
    std::discrete_distribution<int> hour_of(std::begin(kHourWeight), std::end(kHourWeight));
    std::uniform_real_distribution<double> u(0, 1);
    const int n = graph_.size();
    int64_t produced = 0;
    while (produced < preset_.passes_per_day) {
        struct Trip {
            int64_t start;
            uint32_t plate;
        };
        std::vector<Trip> trips((preset_.passes_per_day - produced) / 10 + 64);
        for (auto& trip : trips) {
            const double r = u(rng_);
            // Popularity: regular plate ids on a square-law curve (plate 0 drives all day, the median plate
            // about once a month at the county preset); transients uniformly.
            trip.plate = rng_() % 5 == 0 ? regular_ + static_cast<uint32_t>(rng_() % (preset_.plates - regular_))
                                         : static_cast<uint32_t>(r * r * regular_);
            trip.start = day_start + hour_of(rng_) * 3600 + static_cast<int64_t>(rng_() % 3600);
        }
        std::sort(trips.begin(), trips.end(), [](const Trip& a, const Trip& b) {
            return a.start != b.start ? a.start < b.start : a.plate < b.plate;
        });
        for (const Trip& trip : trips) {
            if (produced >= preset_.passes_per_day) break;
            const uint32_t p = trip.plate;
            const bool transient = p >= regular_;
            int from = loc_[p];
            int64_t t = trip.start;
            if (from == kNowhere) {
                from = transient ? graph_.RandomBoundary(rng_) : static_cast<int>(Mix(p) % n);
            } else {
                t = std::max(t, busy_[p] + 300 + static_cast<int64_t>(rng_() % 1800));
            }
            if (t >= day_end) continue;
            int to;
            if (transient) {
                to = graph_.RandomBoundary(rng_);
            } else {
                const int home = static_cast<int>(Mix(p) % n), work = static_cast<int>(Mix(p ^ 0x5bd1e995u) % n);
                to = from != home ? home : rng_() % 5 == 0 ? static_cast<int>(rng_() % n) : work;
            }
            if (to == from) continue;
            produced += graph_.Hops(from, to) + 1;
            Drive(p, from, to, t);
        }
    }
}

void Traffic::PlantConvoys(int day) {
    if (day % 3 != 0) return;
    const int64_t day_start = start_ + int64_t{day} * 86400;
    for (size_t c = 0; c < planted_.convoys.size(); ++c) {
        const auto& cv = planted_.convoys[c];
        const int home = convoy_home_[c], work = graph_.Farthest(home);
        const int64_t delta = 10 + static_cast<int64_t>(c * 7 % 35);  // the follower's lag, ≤ 45 s
        for (int leg = 0; leg < 2; ++leg) {
            const int64_t t0 = day_start + (leg == 0 ? 7 * 3600 + 1800 : 17 * 3600 + 1800) + rng_() % 3600;
            std::vector<Pass> trace;
            Drive(cv.leader, leg == 0 ? home : work, leg == 0 ? work : home, t0, &trace);
            for (const Pass& p : trace) Emit(cv.follower, p.cp, p.time + delta, 50, 1);
            busy_[cv.follower] = trace.back().time + delta;
            // The decoy only shares the first two checkpoints of the morning leg, on the busy central roads.
            if (leg == 0 && trace.size() >= 2) {
                Emit(cv.decoy, trace[0].cp, trace[0].time - 30, 45, 1);
                Emit(cv.decoy, trace[1].cp, trace[1].time + 40, 45, 1);
            }
        }
    }
}

void Traffic::PlantNight(int day) {
    if (day % 2 != 0) return;
    const int64_t day_start = start_ + int64_t{day} * 86400;
    for (size_t k = 0; k < planted_.night.size(); ++k) {
        const uint32_t p = planted_.night[k];
        const int home = night_home_[k];
        int to = home;
        for (int tries = 0; tries < 50 && (to == home || graph_.Hops(home, to) > 6); ++tries) {
            to = static_cast<int>(rng_() % graph_.size());
        }
        if (to == home) continue;
        Drive(p, home, to, day_start + 22 * 3600 + 1800 + static_cast<int64_t>(rng_() % 3000));
        Drive(p, to, home, day_start + 86400 + 3600 + static_cast<int64_t>(rng_() % 5400));
    }
}

void Traffic::PlantCollisions(int day) {
    for (auto& c : planted_.collisions) {
        for (int j = 0; j < 3; ++j) {
            if (std::min(preset_.days - 1, j * preset_.days / 3) != day) continue;
            const int cp = static_cast<int>(rng_() % graph_.size());
            const int64_t t = start_ + int64_t{day} * 86400 + (2 + 7 * j) * 3600 + static_cast<int64_t>(rng_() % 3600);
            Drive(c.plate, cp, graph_.Step(cp, static_cast<int>(rng_() % graph_.size()), rng_), t);
            c.spots.push_back({cp, t});
        }
    }
}

void Traffic::PlantClones(int day) {
    auto& bucket = buckets_[day];
    for (int k = 0, tries = 0; k < preset_.clones_per_day && tries < 1000 && !bucket.empty(); ++tries) {
        const Pass p = bucket[rng_() % bucket.size()];
        if (p.plate >= regular_ || p.time + 120 >= end_ ||
            std::find(planted_.clones.begin(), planted_.clones.end(), p.plate) != planted_.clones.end()) {
            continue;
        }
        // A second car with the same plate, far away, 30-120 s later: at least ~12 km in 2 minutes.
        const int far = graph_.Farthest(p.cp);
        Emit(p.plate, far, p.time + 30 + static_cast<int64_t>(rng_() % 90), 60, 1);
        planted_.clones.push_back(p.plate);
        ++k;
    }
}

void Traffic::SimulateDay(int day) {
    RegularTrips(day);
    PlantConvoys(day);
    PlantNight(day);
    PlantCollisions(day);
    PlantClones(day);
    Flush(day);
}

void Traffic::Flush(int day) {
    auto& bucket = buckets_[day];
    std::sort(bucket.begin(), bucket.end(), [](const Pass& a, const Pass& b) {
        return a.time != b.time ? a.time < b.time : a.cp != b.cp ? a.cp < b.cp : a.plate < b.plate;
    });
    const int64_t day_start = start_ + int64_t{day} * 86400;
    const std::string date = FormatChinaTime(day_start).substr(0, 11);  // "YYYY-MM-DD "
    std::vector<std::string> plate_cache;
    std::string buf;
    buf.reserve(1 << 20);
    for (const Pass& p : bucket) {
        const int s = static_cast<int>(p.time - day_start);
        char line[160];
        const std::string plate = PlateText(p.plate, preset_.plates);
        const int len = std::snprintf(line, sizeof line, "%s,%d,%s,%s%02d:%02d:%02d,%d,%d,%d\n", plate.c_str(),
                                      p.plate % 10 == 9 ? 1 : 2, graph_.node(p.cp).id.c_str(), date.c_str(), s / 3600,
                                      s / 60 % 60, s % 60, p.direction, 1 + p.plate % 3, p.speed);
        buf.append(line, len);
        if (buf.size() > (1 << 20) - 200) {
            std::fwrite(buf.data(), 1, buf.size(), out_);
            buf.clear();
        }
        ++stats_.passes[p.plate];
        stats_.last_day[p.plate] = static_cast<int16_t>(day);
        if (IsWatched(p.plate, preset_.plates) && p.time < WatchValidTo(p.plate, start_, preset_.days)) ++watch_hits_;
    }
    std::fwrite(buf.data(), 1, buf.size(), out_);
    written_ += bucket.size();
    std::vector<Pass>().swap(bucket);
}

}  // namespace jw::bench
