#pragma once
// Deterministic traffic generator of the vehicle-pass benchmark (issue 5). Writes, into one directory, the
// engine's CSV load format and everything the runners and the report need:
//   checkpoints.csv   checkpoint_id,name,longitude,latitude
//   passes.csv        plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed (time-ordered per day)
//   watchlist.csv     plate_no,valid_from,valid_to,owner
//   queries.jsonl     one contract request per line (the workload every engine runs)
//   truth.json        the planted answers (convoys and decoys, clones, night plates, collision plates, watch hits)
// The same preset and seed always give byte-identical files. Not thread-safe (one call at a time).

#include <cstdint>
#include <optional>
#include <string>

#include "common/status.hpp"

namespace jw::bench {

struct Preset {
    std::string name;
    int days = 1;
    int64_t passes_per_day = 0;
    int checkpoints = 0;  // rounded down to a cols × rows grid
    uint32_t plates = 0;  // regular (80 %) + transient (20 %); planted plates come on top
    uint32_t watch_entries = 0;
    int convoys = 0;  // each: a leader, a follower on every pass, a decoy on two passes
    int clones_per_day = 0;
    int night_plates = 0;
    int collision_plates = 0;
};

// small, medium, county, province; nullopt for another name.
std::optional<Preset> FindPreset(const std::string& name);

struct GenerateSummary {
    uint64_t passes = 0;
    uint32_t plates_seen = 0;
    uint64_t watch_hits_expected = 0;
    double seconds = 0;
};

// Errors: kInternal when a file cannot be written.
Result<GenerateSummary> Generate(const Preset& preset, uint64_t seed, const std::string& out_dir);

}  // namespace jw::bench
