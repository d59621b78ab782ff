#pragma once
// The checkpoint module (issue 6): checkpoint and device registry with health, GA/T 1400 (VIID) intake,
// watch orders (布控) whose hits raise alerts, analyses over the vehicle pass engine with purpose and case
// number, the offline map and statistics, and the demo county's checkpoints and passes.
// Parts (one header each): devices_* (registry, health, map, statistics), viid_* (GA/T 1400), watch_*
// (watch orders and hits), analysis_* (analysis tasks), demo_* (demo data, replay).
// RegisterRoutes once at start-up; RegisterJobs before the scheduler starts.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "checkpoint/pass_hub.hpp"
#include "http/router.hpp"
#include "notify/outbox.hpp"
#include "notify/scheduler.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

struct Deps {
    storage::Database& db;
    storage::Committer& committer;
    audit::AuditLog& audit;
    notify::Outbox& outbox;
    PassHub& hub;
    std::string key;          // 16-byte SM4 key for secrets at rest (VIID client credentials)
    std::string region_code;  // the county's GB/T 2260 code
};

void RegisterRoutes(http::Router& router, Deps deps);
Status RegisterJobs(notify::Scheduler& scheduler, Deps deps);
// Loads what the hub needs from the database (registered checkpoints, active watch orders). Call after Open.
Status PrimeHub(storage::Database& db, PassHub& hub);
// Migrations (schema/NNN_*.sql), permissions.csv and data files, embedded.
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

}  // namespace jw::checkpoint
