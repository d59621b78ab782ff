#pragma once
// The demo officer's share of the demo county (issue 14): three weeks of visits, patrols and mediations at 城关镇
// addresses (one repeat dispute), and tasks from the demo leader — one due today, one overdue, one with a limit
// in working days, one done. Grids come from the addresses (seeded before, when the grids part is present;
// otherwise the records carry no grid). Register people at those addresses are named in visits when there are
// any. Skipped when the demo accounts "officer" and "leader" are absent. Runs in the caller's transaction.

#include <cstdint>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community {

Status SeedDemoWork(storage::Connection& tx, int64_t now);

}  // namespace jw::community
