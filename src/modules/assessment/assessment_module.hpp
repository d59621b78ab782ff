#pragma once
// The assessment module's wiring: its services, routes and the import job.

#include "audit/audit_log.hpp"
#include "http/router.hpp"
#include "notify/scheduler.hpp"
#include "storage/database.hpp"

namespace jw::assessment {

struct Deps {
    storage::Database& db;
    audit::AuditLog& audit;
};

// Routes in docs/api/assessment.md.
void RegisterRoutes(http::Router& router, Deps deps);
// "assessment.import" every 60 s: the audit chain's new work into items, audited as a system action.
Status RegisterJobs(notify::Scheduler& scheduler, Deps deps);

}  // namespace jw::assessment
