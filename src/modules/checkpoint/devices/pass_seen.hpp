#pragma once
// Device health from the passes themselves (issue 13): a checkpoint that delivered a pass is online. Intake and
// keepalives touch devices as they arrive (PassHub::Touch); this reads the pass engine for what did not come through
// them — passes seeded by `jingwu init --demo`, imported from files, or received before a restart — so "last
// seen" is the later of the last heartbeat and the last pass, whichever way the pass came.

#include <map>
#include <string>

#include "analytics/store.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// The last pass time of every checkpoint with a pass in [now - lookback_s, now] (times after `now` count as
// `now`: a camera clock running fast does not make a device look seen in the future). Pure; thread-safe.
std::map<std::string, int64_t> LastPasses(const analytics::Snapshot& snap, int64_t now, int64_t lookback_s);

// `seen` (checkpoint id → time) widened to the capture devices (APEs) registered under each checkpoint: the engine
// keeps no device id, and a pass from a checkpoint shows its capture devices deliver. Errors: the database's.
Result<std::map<std::string, int64_t>> WithCaptureDevices(storage::Connection& c, std::map<std::string, int64_t> seen);

}  // namespace jw::checkpoint
