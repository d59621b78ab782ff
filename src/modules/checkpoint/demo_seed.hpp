#pragma once
// The demo county's checkpoint data (issue 6 § Demo data). Owned by the demo part.

#include <string>

#include "storage/database.hpp"

namespace jw::checkpoint {

// Inside `jingwu init --demo`'s transaction: 40 checkpoints on the demo county's roads, the vector base map,
// a demo VIID client, demo watch orders; and 30 days of synthetic passes with planted patterns appended to the
// pass engine at `pass_dir`. `key` is the platform's SM4 key. Errors: the database's or the engine's.
Status SeedDemo(storage::Connection& c, const std::string& pass_dir, const std::string& key, int64_t now);

}  // namespace jw::checkpoint
