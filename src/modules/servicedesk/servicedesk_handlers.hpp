#pragma once
// The centre's HTTP routes (docs/api/servicedesk.md): the desk's under /api/v1/servicedesk, the public's under
// /api/v1/public/service-*. Thin: parse, call the service, answer JSON; changes in the audited write.
#include <memory>

#include "http/router.hpp"
#include "notify/scheduler.hpp"
#include "storage/database.hpp"

namespace jw::audit {
class AuditLog;
}

namespace jw::servicedesk {

struct Deps {
    storage::Database& db;
    audit::AuditLog& audit;
};

void RegisterRoutes(http::Router& router, const Deps& deps);
void RegisterPublicRoutes(http::Router& router, const Deps& deps);
// The public routes' 429 rate_limited answer with its Retry-After (the form, the photos).
http::Reply TooMany(const http::Request& req, int64_t retry_after);
Status RegisterJobs(notify::Scheduler& scheduler, const Deps& deps);

}  // namespace jw::servicedesk
