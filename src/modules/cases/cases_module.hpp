#pragma once
// The case management and supervision module (issue 4): cases and their lifecycle, the statutory deadline
// engine and its reminders, legal review, enforcement scoring and public case progress.
// RegisterRoutes once at start-up; RegisterJobs before the scheduler starts.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "cases/demo_cases.hpp"
#include "http/router.hpp"
#include "notify/outbox.hpp"
#include "notify/scheduler.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::cases {

struct Deps {
    storage::Database& db;
    storage::Committer& committer;
    audit::AuditLog& audit;
    notify::Outbox& outbox;
    std::string region_code;  // GB/T 2260 code of the bureau, used in case numbers
};

void RegisterRoutes(http::Router& router, Deps deps);
Status RegisterJobs(notify::Scheduler& scheduler, Deps deps);
// SeedDemoCases(storage::Connection&, int64_t now): the demo cases, see demo_cases.hpp.
// Migrations (schema/NNN_*.sql) and permissions.csv, embedded.
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

}  // namespace jw::cases
