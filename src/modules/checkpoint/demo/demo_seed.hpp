#pragma once
// The demo county's checkpoint data (issue 6 § Demo data; docs/api/checkpoint-demo.md). Owned by the demo part.

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace jw::checkpoint {

// Inside `jingwu init --demo`'s transaction: 40 checkpoints on the demo county's roads, the vector base map,
// a demo VIID client, demo watch orders; and 30 days of synthetic passes with planted patterns appended to the
// pass engine at `pass_dir`. `key` is the platform's SM4 key. Errors: the database's or the engine's.
// JINGWU_DEMO_PASS_DAYS (1–366) overrides the days, JINGWU_DEMO_PASSES_PER_DAY (1000–1000000) the volume.
// Prints one line with the pass count and the seconds it took.
Status SeedDemo(storage::Connection& c, const std::string& pass_dir, const std::string& key, int64_t now);

struct DemoSeedOptions {
    int pass_days = 30;
    int passes_per_day = 200000;
    bool sync = true;  // fdatasync each appended batch (tests turn it off)
};

// What SeedDemoWith did; `skipped` names what was left out on purpose (demo users missing, passes already there).
struct DemoSeedReport {
    int checkpoints = 0;  // tollgates registered (each with one APE)
    bool base_map = false;
    bool viid_client = false;
    std::vector<int64_t> watch_orders;  // ids of the active demo orders
    uint64_t passes = 0;                // appended now (0 when the engine already held passes: not appended twice)
    double pass_seconds = 0;            // generating, appending and compacting them
    size_t recent_hits = 0;             // passes of the demo orders' plates in the last day, recorded as hits
    std::vector<std::string> skipped;
};

// SeedDemo with explicit options (tests; SeedDemo reads the environment into these).
Result<DemoSeedReport> SeedDemoWith(storage::Connection& c, const std::string& pass_dir, const std::string& key,
                                    int64_t now, const DemoSeedOptions& options);

}  // namespace jw::checkpoint
