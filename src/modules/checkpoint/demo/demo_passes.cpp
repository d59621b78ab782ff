#include "checkpoint/demo/demo_passes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <future>

#include "analytics/store.hpp"
#include "common/china_day.hpp"

namespace jw::checkpoint::demo {
namespace {

using analytics::PassRecord;

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
uint64_t Hash(uint64_t a, uint64_t b) { return Mix(a * 0x100000001b3ULL ^ Mix(b)); }
double Unit(uint64_t h) { return static_cast<double>(h >> 11) * 0x1.0p-53; }

class Rng {
  public:
    explicit Rng(uint64_t seed) : s_(seed) {}
    uint64_t Next() { return Mix(s_++); }
    double Uniform() { return Unit(Next()); }
    uint32_t Below(uint32_t n) { return static_cast<uint32_t>(Next() % n); }
    double Normal() {  // Box–Muller
        const double u = std::max(Uniform(), 1e-12), v = Uniform();
        return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    // An hour drawn from 24 weights.
    int Hour(const double (&w)[24]) {
        double total = 0;
        for (double x : w) total += x;
        double r = Uniform() * total;
        for (int h = 0; h < 24; ++h)
            if ((r -= w[h]) < 0) return h;
        return 23;
    }

  private:
    uint64_t s_;
};

// Errands leave between 05:00 and 22:00 (some come home after midnight); through traffic runs day and night.
constexpr double kLocalProfile[24] = {0,   0,   0,   0,   0,   0.4, 1.2, 2.5, 3.0, 2.6, 2.4, 2.3,
                                      2.0, 2.0, 2.2, 2.4, 2.6, 3.0, 3.0, 2.4, 1.8, 1.2, 0,   0};
constexpr double kTransitProfile[24] = {0.6, 0.5, 0.5, 0.5, 0.6, 0.8, 1.2, 1.6, 1.8, 1.8, 1.8, 1.7,
                                        1.6, 1.6, 1.7, 1.8, 1.8, 1.8, 1.6, 1.4, 1.2, 1.0, 0.9, 0.7};

const char kAlphabet34[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";  // GA 36: no I, no O
const char kAlphabet33[] = "ABCDEFGHJKLMNPQRSTUVWXY0123456789";   // without Z (kept for planted plates)

std::string Tail(const char* alphabet, uint32_t radix, uint32_t j) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%04u", alphabet[j % radix], (j / radix) % 10000);
    return buf;
}

std::string TransitPlate(uint32_t k, uint8_t* colour, uint64_t h) {
    static const char* kPrefixes[] = {"川A", "川A", "川A", "川A", "川F", "川J", "川K", "川E",
                                      "渝A", "渝B", "陕A", "贵A", "云A", "甘A", "川T", "川L"};
    *colour = Unit(h) < 0.35 ? kYellow : kBlue;
    return std::string(kPrefixes[Mix(k) % 16]) +
           Tail(kAlphabet34, 34, static_cast<uint32_t>((k * 7919ULL + 77) % 340000));
}

int64_t At(int64_t day_start, int hour, double minutes) {
    return day_start + hour * 3600 + static_cast<int64_t>(minutes * 60);
}

int NeighbourTownship(int township, int step) { return 1 + ((township - 1 + step + 8) % 8); }

// Every route of the demo county's graph (the only county), computed once.
const std::vector<std::vector<std::vector<int>>>& Routes(const County& county) {
    static const auto routes = [&] {
        std::vector<std::vector<std::vector<int>>> r(county.nodes.size(),
                                                     std::vector<std::vector<int>>(county.nodes.size()));
        for (size_t a = 0; a < r.size(); ++a)
            for (size_t b = 0; b < r.size(); ++b) r[a][b] = Route(county, static_cast<int>(a), static_cast<int>(b));
        return r;
    }();
    return routes;
}

struct Day {
    const County& county;
    int64_t start;  // Unix time of China 00:00
    int32_t number;
    std::vector<PassRecord>* out;

    void Trip(int from, int to, int64_t t, double pace, const std::string& plate, uint8_t colour, uint64_t salt,
              int64_t* arrival = nullptr) const {
        const int64_t a =
            Drive(county, from, Routes(county)[from][to], t, pace, plate, colour, static_cast<uint32_t>(salt), out);
        if (arrival) *arrival = a;
    }
};

void Commuters(const Day& d, uint32_t count) {
    const int dow = (d.number + 3) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
    Rng rng(Hash(d.number, 1));
    for (uint32_t i = 0; i < count; ++i) {
        if (rng.Uniform() >= (dow >= 5 ? 0.3 : 0.92)) continue;
        const int home = 1 + static_cast<int>(Hash(i, 11) % 8);
        const int work = Hash(i, 12) % 10 < 7 ? kTown : NeighbourTownship(home, Hash(i, 13) % 2 ? 1 : -1);
        const double pace = 0.85 + 0.3 * Unit(Hash(i, 14));
        uint8_t colour = 0;
        const std::string plate = LocalPlate(i, &colour);
        const double morning = std::clamp(105 + 35 * rng.Normal(), 0.0, 210.0);  // minutes after 06:00
        const double evening = std::clamp(110 + 50 * rng.Normal(), 0.0, 300.0);  // minutes after 16:00
        d.Trip(home, work, At(d.start, 6, morning), pace, plate, colour, rng.Next());
        d.Trip(work, home, At(d.start, 16, evening), pace, plate, colour, rng.Next());
    }
}

void Locals(const Day& d, uint32_t first, uint32_t count) {
    Rng rng(Hash(d.number, 2));
    for (uint32_t k = 0; k < count; ++k) {
        if (rng.Uniform() >= 0.45) continue;
        const uint32_t i = first + k;
        const int home = Hash(i, 21) % 10 < 4 ? kTown : 1 + static_cast<int>(Hash(i, 22) % 8);
        int dest = 1 + static_cast<int>(rng.Below(8));
        if (home != kTown) {
            if (rng.Uniform() < 0.6)
                dest = kTown;
            else if (dest == home)
                dest = NeighbourTownship(home, 1);
        }
        const double pace = 0.85 + 0.3 * Unit(Hash(i, 23));
        uint8_t colour = 0;
        const std::string plate = LocalPlate(i, &colour);
        int64_t arrival = 0;
        d.Trip(home, dest, At(d.start, rng.Hour(kLocalProfile), rng.Uniform() * 60), pace, plate, colour, rng.Next(),
               &arrival);
        d.Trip(dest, home, arrival + 1200 + static_cast<int64_t>(rng.Uniform() * 9600), pace, plate, colour,
               rng.Next());
    }
}

void Transit(const Day& d, uint32_t count) {
    static const int kEnds[] = {kBoundaryWest, kBoundaryEast, kBoundaryNorth, kBoundarySouth};
    static const int kOpposite[] = {kBoundaryEast, kBoundaryWest, kBoundarySouth, kBoundaryNorth};
    Rng rng(Hash(d.number, 3));
    for (uint32_t j = 0; j < count; ++j) {
        const double r = rng.Uniform();
        const int e = r < 0.35 ? 0 : r < 0.7 ? 1 : r < 0.85 ? 2 : 3;
        const int to = rng.Uniform() < 0.7 ? kOpposite[e] : kEnds[(e + 2 + rng.Below(2)) % 4];
        uint8_t colour = 0;
        // Different plates every day for about two months: through traffic is mostly new (first appearance).
        const std::string plate = TransitPlate(static_cast<uint32_t>((d.number % 64) * 5000 + j), &colour, rng.Next());
        const double pace = (colour == kYellow ? 0.8 : 0.9) + 0.25 * rng.Uniform();
        d.Trip(kEnds[e], to, At(d.start, rng.Hour(kTransitProfile), rng.Uniform() * 60), pace, plate, colour,
               rng.Next());
    }
}

// The planted patterns (see PlantedPlates and docs/api/checkpoint-demo.md).
void Planted(const Day& d) {
    const PlantedPlates& p = demo::Planted();
    const int n = d.number;
    // Convoy: the same drive, b 20–40 s behind a (same pace, same jitter), west→east on even days.
    const bool east = n % 2 == 0;
    const int64_t t = At(d.start, 10 + n % 3 * 2, 30 + n % 7);
    const uint64_t salt = Hash(n, 40);
    d.Trip(east ? kBoundaryWest : kBoundaryEast, east ? kBoundaryEast : kBoundaryWest, t, 1.0, p.convoy_a, kBlue, salt);
    d.Trip(east ? kBoundaryWest : kBoundaryEast, east ? kBoundaryEast : kBoundaryWest, t + 20 + n % 21, 1.0, p.convoy_b,
           kBlue, salt);
    // Cloned plate: a commuter of 东城镇 (node 1); five minutes after it leaves home, a car with the same plate
    // enters at the G318 west boundary, ~37 km away.
    const int64_t leave = At(d.start, 7, 40 + n % 5 * 4);
    d.Trip(1, kTown, leave, 1.0, p.cloned, kBlue, Hash(n, 41));
    d.Trip(kTown, 1, At(d.start, 18, n % 7 * 3), 1.0, p.cloned, kBlue, Hash(n, 42));
    d.Trip(kBoundaryWest, 5, leave + 300, 1.0, p.cloned, kBlue, Hash(n, 43));
    // Night-active: 龙泉镇 (node 6) to the town and back between 01:00 and 04:00.
    int64_t arrival = 0;
    d.Trip(6, kTown, At(d.start, 1, 10 + n % 4 * 10), 1.0, p.night, kBlue, Hash(n, 44), &arrival);
    d.Trip(kTown, 6, arrival + 1500, 1.0, p.night, kBlue, Hash(n, 45));
    // Watch-list plates: one errand from the town each day.
    struct Errand {
        const std::string* plate;
        int dest, hour, minute;
    };
    for (const Errand& e : {Errand{&p.watch_red, 2, 9, n % 5 * 13}, Errand{&p.watch_orange, 7, 14, 20},
                            Errand{&p.watch_blue, 3, 16, 40}}) {
        d.Trip(kTown, e.dest, At(d.start, e.hour, e.minute), 1.0, *e.plate, kBlue, Hash(n, 46), &arrival);
        d.Trip(e.dest, kTown, arrival + 3600, 1.0, *e.plate, kBlue, Hash(n, 47));
    }
}

}  // namespace

const PlantedPlates& Planted() {
    static const PlantedPlates plates;
    return plates;
}

std::string LocalPlate(uint32_t index, uint8_t* colour) {
    const uint32_t j = static_cast<uint32_t>((index * 7919ULL + 1234) % 330000);
    const bool nev = index % 12 == 11;
    if (colour) *colour = nev ? kGreen : kBlue;
    return std::string("川Y") + (nev ? (index % 24 == 23 ? "F" : "D") : "") + Tail(kAlphabet33, 33, j);
}

int64_t Drive(const County& county, int from, const std::vector<int>& roads, int64_t start, double pace,
              const std::string& plate, uint8_t colour, uint32_t salt, std::vector<PassRecord>* out) {
    double t = static_cast<double>(start);
    int at = from;
    for (size_t k = 0; k < roads.size(); ++k) {
        const Road& rd = county.roads[roads[k]];
        const bool forward = rd.a == at;
        const uint64_t h = Hash(salt, k);
        const double kmh = rd.speed_kmh * pace * (0.95 + 0.1 * Unit(h));
        const double seconds = rd.km / kmh * 3600;
        const int near = forward ? rd.checkpoint_a : rd.checkpoint_b, far = forward ? rd.checkpoint_b : rd.checkpoint_a;
        for (int cp : {near, far}) {
            const Checkpoint& c = county.checkpoints[cp];
            const double f = c.node >= kBoundaryWest ? 0.02 : 0.06;  // as placed in demo_geography.cpp
            const double along = cp == near ? f : 1 - f;
            PassRecord r;
            r.plate = plate;
            r.plate_color = colour;
            r.checkpoint_id = c.id;
            r.time = static_cast<int64_t>(t + along * seconds);
            r.direction = forward ? 1 : 2;
            r.lane = static_cast<uint8_t>(1 + Mix(h + cp) % static_cast<uint64_t>(c.lanes));
            r.speed = static_cast<uint16_t>(std::lround(kmh * (0.9 + 0.2 * Unit(Mix(h ^ cp)))));
            out->push_back(std::move(r));
        }
        t += seconds;
        at = forward ? rd.b : rd.a;
        if (at == kTown && k + 1 < roads.size()) t += 60 + static_cast<double>(h % 180);  // the town's lights
    }
    return static_cast<int64_t>(t);
}

Result<uint64_t> GeneratePasses(const County& county, const PassOptions& o,
                                const std::function<Status(std::vector<PassRecord>&)>& sink) {
    const int64_t from = o.now - int64_t{o.days} * analytics::kDaySeconds;
    const double scale = o.passes_per_day / 200000.0;
    const auto commuters = static_cast<uint32_t>(std::lround(12000 * scale));
    const auto locals = static_cast<uint32_t>(std::lround(60000 * scale));
    const auto transit = std::min<uint32_t>(5000, static_cast<uint32_t>(std::lround(3500 * scale)));
    // One China day's passes inside the window, in time order. Days are independent (seeded by their number).
    auto make_day = [&](int32_t n) {
        std::vector<PassRecord> passes;
        passes.reserve(static_cast<size_t>(o.passes_per_day) * 5 / 4);
        const Day d{county, ChinaMidnightOfDay(n), n, &passes};
        Commuters(d, commuters);
        Locals(d, commuters, locals);
        Transit(d, transit);
        Planted(d);
        std::erase_if(passes, [&](const PassRecord& r) { return r.time < from || r.time >= o.now; });
        std::sort(passes.begin(), passes.end(), [](const PassRecord& a, const PassRecord& b) {
            if (a.time != b.time) return a.time < b.time;
            if (a.checkpoint_id != b.checkpoint_id) return a.checkpoint_id < b.checkpoint_id;
            return a.plate < b.plate;
        });
        return passes;
    };
    const int32_t first = analytics::ChinaDay(from), last = analytics::ChinaDay(o.now - 1);
    std::vector<PassRecord> pending;
    uint64_t total = 0;
    // The next day is generated on another thread while the sink (the engine's append) takes this one.
    auto next = std::async(std::launch::async, make_day, first);
    for (int32_t n = first; n <= last; ++n) {
        std::vector<PassRecord> day = next.get();
        if (n < last) next = std::async(std::launch::async, make_day, n + 1);
        for (auto& r : day) {
            pending.push_back(std::move(r));
            if (pending.size() >= o.batch) {
                total += pending.size();
                Status s = sink(pending);
                pending.clear();
                if (!s.ok()) {
                    if (next.valid()) next.wait();
                    return s;
                }
            }
        }
    }
    if (!pending.empty()) {
        total += pending.size();
        JW_RETURN_IF_ERROR(sink(pending));
    }
    return total;
}

}  // namespace jw::checkpoint::demo
