#pragma once
// HTTP routes of the person watch list (docs/api/personwatch.md) and its minute job (expiry).

#include "audit/audit_log.hpp"
#include "http/router.hpp"
#include "notify/scheduler.hpp"
#include "storage/database.hpp"

namespace jw::personwatch {

struct Deps {
    storage::Database& db;
    audit::AuditLog& audit;
};

// Person checks a user may make per kCheckWindowSeconds (POST /check): enough for a busy checkpoint shift, too few
// for trawling the list by trying numbers.
inline constexpr int kCheckLimit = 60;
inline constexpr int64_t kCheckWindowSeconds = 60;

void RegisterRoutes(http::Router& router, const Deps& deps);
Status RegisterJobs(notify::Scheduler& scheduler, const Deps& deps);

}  // namespace jw::personwatch
