#include "cases/supervision/supervision_module.hpp"

#include <spdlog/spdlog.h>

#include "cases/supervision/supervision_reminders.hpp"
#include "common/civil_time.hpp"

namespace jw::cases {

void RegisterSupervisionRoutes(http::Router& router, Deps deps) {
    RegisterReviewRoutes(router, deps);
    RegisterDashboardRoutes(router, deps);
    RegisterScoringRoutes(router, deps);
}

Status RegisterSupervisionJobs(notify::Scheduler& scheduler, Deps deps) {
    return scheduler.Register(supervision::kReminderJob, supervision::kReminderIntervalSeconds, [deps]() -> Status {
        auto report = supervision::RunReminders(deps, NowUnix());
        if (!report.ok()) return report.status();
        if (report->reminders > 0)
            spdlog::info("reminders: {} cases, {} sent, {} messages, {} letters", report->cases, report->reminders,
                         report->messages, report->letters);
        return Status::Ok();
    });
}

}  // namespace jw::cases
