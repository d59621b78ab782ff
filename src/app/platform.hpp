#pragma once
// Assembles the platform: opens the database, applies every module's migrations, loads the permission
// tables, prepares every module (modules/module.hpp) and starts the writer (Committer) with the audit log
// attached. Used by every CLI command.

#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "audit/audit_log.hpp"
#include "auth/permission_registry.hpp"
#include "modules/module.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::app {

struct Platform {
    Config config;
    std::unique_ptr<storage::Database> db;
    auth::PermissionRegistry registry;
    std::unique_ptr<audit::AuditLog> audit;
    std::unique_ptr<storage::Committer> committer;
    std::string key;
    modules::Settings settings;
    std::vector<std::unique_ptr<modules::Module>> modules;  // JW_MODULES order, Prepared

    // Audit entry for an action taken from the command line.
    audit::AuditEntry CliEntry(const std::string& action, const std::string& object) const;
};

// Errors: the database's or a migration's, naming it.
Result<std::unique_ptr<Platform>> OpenPlatform(const Config& config);

// [analytics] backend = "clickhouse": opens the ClickHouse backend and installs it as the pass analytics' router
// (checkpoint/analysis/clickhouse/analytics_router.hpp) before the modules start; "engine": nothing. Errors: the
// backend's (ClickHouse unreachable at start-up is an error, not a silent fallback).
Status InstallAnalyticsBackend(const Config& config);

// [analytics] backend = "clickhouse": writes the passes the engine at `pass_dir` holds to ClickHouse, each China
// day whose count there differs (Router::Reconcile; `all_days`: the engine's oldest day too). `init --demo` calls
// it (the demo's passes go into the engine directly, not through intake), and `jingwu clickhouse sync` (a county
// moving onto the province cluster). Not while a server uses `pass_dir`. Returns a line for the operator.
// Errors: InvalidArgument "analytics.backend" (not clickhouse); the backend's, the store's.
Result<std::string> WriteEnginePassesToClickHouse(const Config& config, const std::string& pass_dir, bool all_days);

}  // namespace jw::app
