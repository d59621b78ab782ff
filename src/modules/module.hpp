#pragma once
// The contract between the app and a business module (CONTRIBUTING.md, "How to add a module"). The app keeps one
// list of modules (src/modules/CMakeLists.txt, JW_MODULES, in dependency order) and drives each through this
// interface: migrations and permissions from Files(), Prepare at every start, SeedDemo at `jingwu init --demo`,
// Start when serving, Stop before the platform goes. A module's own wiring (its Deps, routes, jobs) stays inside it.
//
// Each module folder defines `std::unique_ptr<jw::modules::Module> jw::<name>::MakeModule()`; the list turns into the
// registry (modules.cpp, generated) that the app iterates. All references handed to a module outlive it.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.hpp"

namespace jw {
namespace storage {
class Database;
class Connection;
class Committer;
}  // namespace storage
namespace audit {
class AuditLog;
}
namespace notify {
class Outbox;
class Scheduler;
}  // namespace notify
namespace auth {
class SessionService;
class PermissionRegistry;
}  // namespace auth
namespace http {
class Router;
}
}  // namespace jw

namespace jw::modules {

using EmbeddedFiles = std::vector<std::pair<std::string_view, std::string_view>>;

// The bureau's settings every module may read.
struct Settings {
    std::string region_code;  // GB/T 2260 code of the county
    std::string county_name;
    std::string version;   // of the jingwu binary
    std::string pass_dir;  // the pass engine's files ([checkpoint] pass_dir, else beside the database)
    bool secure_cookies = true;
};

// At every start of the platform (any command), after all migrations and before anything is served.
struct PrepareContext {
    const std::string& key;  // the master key; derive per purpose with jw::DeriveKey (common/crypto.hpp)
    const Settings& settings;
    int64_t now;
};

// At `jingwu init --demo`, after the demo county's units and accounts exist, in the same audited transaction.
struct DemoContext {
    const std::string& key;
    const Settings& settings;
    int64_t now;
};

// The platform's services for a serving module.
struct Services {
    storage::Database& db;
    storage::Committer& committer;
    audit::AuditLog& audit;
    notify::Outbox& outbox;
    auth::SessionService& sessions;
    const auth::PermissionRegistry& registry;
    const std::string& key;
    const Settings& settings;
};

// What a module adds to the server it starts in.
struct ServerParts {
    http::Router& router;
    notify::Scheduler& scheduler;
    // Prometheus text appended to /metrics, and notes appended to /healthz, asked on each request.
    std::vector<std::function<std::string()>> metrics;
    std::vector<std::function<std::string()>> health_notes;
    // Actions whose handlers run on the hashing pool instead of the network threads (argon2).
    std::vector<std::string> offloaded_actions;
    // The bureau's case-number format check for sensitive searches (set by the cases module).
    std::function<Status(const std::string&)> case_number_check;
};

class Module {
  public:
    virtual ~Module() = default;
    // The module's name: its folder, its audit and migration prefix.
    virtual std::string_view Name() const = 0;
    // Migrations (schema/NNN_*.sql), permissions.csv and data files, embedded (jw_embed).
    virtual const EmbeddedFiles& Files() const = 0;
    // Seeds reference data, installs keys, upgrades rows in place. Runs on a connection outside any transaction:
    // open your own (storage::InTransaction), so that a long upgrade can commit in batches. Must be idempotent.
    virtual Status Prepare(storage::Connection& /*c*/, const PrepareContext& /*ctx*/) { return Status::Ok(); }
    virtual Status SeedDemo(storage::Connection& /*tx*/, const DemoContext& /*ctx*/) { return Status::Ok(); }
    // Registers routes and jobs; may open what it needs for serving. Errors stop the server before it listens.
    virtual Status Start(const Services& services, ServerParts& parts) = 0;
    // After the server stopped, before the scheduler, the outbox and the writer stop.
    virtual void Stop() {}
};

// Every module of this build, in JW_MODULES order (dependencies first). Defined in the generated modules.cpp.
std::vector<std::unique_ptr<Module>> AllModules();

}  // namespace jw::modules
