#pragma once
// Synthetic vehicle passes for the demo county (docs/api/checkpoint-demo.md): commuters between townships and
// the county town, local errands, through traffic on G318/S205, all driving the road graph of
// demo_geography.hpp at realistic speeds, with a daily traffic profile; plus the planted patterns below.
// Deterministic: the same options give the same passes, in the same order. Owned by the demo part.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analytics/pass.hpp"
#include "checkpoint/demo/demo_geography.hpp"
#include "common/status.hpp"

namespace jw::checkpoint::demo {

// Plates of the planted patterns. Local plates of the demo county are 川Y; none of the generated ones has
// 'Z' as its third character, so these never collide with background traffic.
struct PlantedPlates {
    std::string convoy_a = "川YZ3816";  // convoy: drives G318 across the county every day…
    std::string convoy_b = "川YZ7209";  // …with this one 20–40 s behind (8 checkpoints together)
    std::string cloned = "川YZ5566";  // commuter of 东城镇; a clone appears at the G318 west boundary minutes later
    std::string night = "川YZ0417";   // 龙泉镇 → 城关镇 and back between 01:00 and 04:00 every night
    std::string watch_red = "川YZ9527";  // watch-list plates (demo watch orders): daily trips from 城关镇
    std::string watch_orange = "川YZ6130";
    std::string watch_blue = "川YZ2088";
};
const PlantedPlates& Planted();

// GA/T 1400 plate colours (ColorType) used by the demo.
inline constexpr uint8_t kBlue = 5, kYellow = 6, kGreen = 9;

struct PassOptions {
    int64_t now = 0;  // passes cover [now − days·86400, now)
    int days = 30;
    int passes_per_day = 200000;  // about; the populations scale with it
    size_t batch = 100000;        // passes per sink call (the last one may be shorter)
};

// Generates the passes China day by China day (each day's passes in time order) and hands them to `sink` in
// batches; stops at the first error the sink returns. Returns the number of passes generated.
Result<uint64_t> GeneratePasses(const County& county, const PassOptions& options,
                                const std::function<Status(std::vector<analytics::PassRecord>&)>& sink);

// A plate of the demo's local fleet (川Y, 7 characters; every 12th one a small new-energy plate of 8).
std::string LocalPlate(uint32_t index, uint8_t* colour = nullptr);

// The passes of one drive along `roads` (from Route) starting at node `from` at `start`, with speed factor
// `pace` (1 = the road's typical speed). Appends to *out; returns the arrival time.
int64_t Drive(const County& county, int from, const std::vector<int>& roads, int64_t start, double pace,
              const std::string& plate, uint8_t colour, uint32_t salt, std::vector<analytics::PassRecord>* out);

}  // namespace jw::checkpoint::demo
