#pragma once
// The alerts module (issue 6): a generic four-colour alert any module can raise, pushed to units, signed for,
// escalated when unsigned, fed back and closed; the command-centre board and its statistics.
// RegisterRoutes once at start-up; RegisterJobs before the scheduler starts.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "http/router.hpp"
#include "notify/outbox.hpp"
#include "notify/scheduler.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::alerts {

struct Deps {
    storage::Database& db;
    storage::Committer& committer;
    audit::AuditLog& audit;
    notify::Outbox& outbox;
};

void RegisterRoutes(http::Router& router, Deps deps);
Status RegisterJobs(notify::Scheduler& scheduler, Deps deps);
// Migrations (schema/NNN_*.sql) and permissions.csv, embedded.
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

}  // namespace jw::alerts
