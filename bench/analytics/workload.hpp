#pragma once
// Internal to the generator: the query workload (queries.jsonl) and the planted answers (truth.json).
// Targets are spread over plate popularity: plates at fixed quantiles of the pass-count ranking, from the
// busiest plate down to plates seen once, plus the planted convoy leaders.

#include <cstdint>
#include <random>
#include <string>

#include "generator.hpp"
#include "road_graph.hpp"
#include "traffic.hpp"

namespace jw::bench {

// Errors: kInternal when a file cannot be written.
Status WriteWorkload(const Preset& preset, const RoadGraph& graph, const Traffic& traffic, int64_t start,
                     std::mt19937_64& rng, const std::string& dir);

}  // namespace jw::bench
