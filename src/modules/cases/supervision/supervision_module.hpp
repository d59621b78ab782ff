#pragma once
// Supervision inside the cases module: legal review (review_*), the reminder job and suggestion letters
// (supervision_reminders, supervision_documents), the leaders' dashboard (supervision_dashboard) and
// enforcement scoring (scoring_*). module.cpp calls these two once at start-up.
// HTTP contract: docs/http_api.md, section "Supervision".

#include "cases/cases_module.hpp"

namespace jw::cases {

void RegisterSupervisionRoutes(http::Router& router, Deps deps);
// Registers the hourly reminder job (supervision_reminders.hpp).
Status RegisterSupervisionJobs(notify::Scheduler& scheduler, Deps deps);

// Route groups (review_handlers.cpp, supervision_handlers.cpp, scoring_handlers.cpp).
void RegisterReviewRoutes(http::Router& router, Deps deps);
void RegisterDashboardRoutes(http::Router& router, Deps deps);
void RegisterScoringRoutes(http::Router& router, Deps deps);

}  // namespace jw::cases
