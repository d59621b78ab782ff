#pragma once
// Internal to the generator: the day-by-day traffic simulation (regular commuters on a popularity curve,
// transient vehicles crossing the county, and the planted patterns) and what the workload needs from it.
// Each plate has one position and one busy-until time, and every trip starts where its last one ended, so an
// honest plate's consecutive passes are always a plausible drive apart. Not thread-safe.

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "generator.hpp"
#include "road_graph.hpp"

namespace jw::bench {

uint64_t Mix(uint64_t x);  // splitmix64 finaliser: per-plate attributes without storing them

// Plate text of an id: [0, 0.8·plates) regular 川 plates, then transient plates of neighbouring provinces,
// then (ids ≥ plates) the planted plates, 川X…. Unique for ids < 45 M per prefix.
std::string PlateText(uint32_t id, uint32_t plates);
// Watch-list membership of real plates: about 0.3 % of them, valid for the whole period or its first half.
bool IsWatched(uint32_t id, uint32_t plates);
int64_t WatchValidTo(uint32_t id, int64_t start, int days);

struct Planted {
    struct Convoy {
        uint32_t leader = 0, follower = 0, decoy = 0;
        int day = 0;  // first day they drove together
    };
    struct Spot {
        int cp = 0;
        int64_t time = 0;
    };
    struct CollisionPlate {
        uint32_t plate = 0;
        std::vector<Spot> spots;
    };
    std::vector<Convoy> convoys;
    std::vector<uint32_t> clones;
    std::vector<uint32_t> night;
    std::vector<CollisionPlate> collisions;
};

struct PlateStats {
    std::vector<uint32_t> passes;   // per plate id (planted included)
    std::vector<int16_t> last_day;  // -1 when never seen
};

class Traffic {
  public:
    Traffic(const Preset& preset, const RoadGraph& graph, int64_t start, uint64_t seed, std::FILE* passes_csv);
    void SimulateDay(int day);  // writes the day's passes (time-ordered) to the CSV
    uint64_t passes_written() const { return written_; }
    uint64_t watch_hits() const { return watch_hits_; }
    const Planted& planted() const { return planted_; }
    const PlateStats& stats() const { return stats_; }
    uint32_t plate_count() const { return static_cast<uint32_t>(loc_.size()); }

  private:
    struct Pass {
        int64_t time;
        uint32_t plate;
        uint16_t cp;
        uint8_t speed;
        uint8_t direction;
    };
    void Emit(uint32_t plate, int cp, int64_t t, int speed, int direction);
    // Drives from `from` to `to` starting at t; returns the time of the last pass (at `to`).
    int64_t Drive(uint32_t plate, int from, int to, int64_t t, std::vector<Pass>* trace = nullptr);
    void RegularTrips(int day);
    void PlantConvoys(int day);
    void PlantNight(int day);
    void PlantCollisions(int day);
    void PlantClones(int day);
    void Flush(int day);

    const Preset& preset_;
    const RoadGraph& graph_;
    int64_t start_, end_;
    uint32_t regular_;
    std::mt19937_64 rng_;
    std::FILE* out_;
    std::vector<uint16_t> loc_;               // per plate; kNowhere before its first pass
    std::vector<int64_t> busy_;               // per plate: time of its last pass
    std::vector<std::vector<Pass>> buckets_;  // per day
    std::vector<int> convoy_home_, night_home_;
    Planted planted_;
    PlateStats stats_;
    uint64_t written_ = 0, watch_hits_ = 0;
    static constexpr uint16_t kNowhere = 0xFFFF;
};

}  // namespace jw::bench
