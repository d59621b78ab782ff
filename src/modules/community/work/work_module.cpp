#include "community/work/work_module.hpp"

#include "audit/audit_log.hpp"
#include "common/civil_time.hpp"
#include "community/work/demo_work.hpp"
#include "community/work/todo_source.hpp"
#include "community/work/work_handlers.hpp"
#include "community/work/work_secrets.hpp"
#include "community/work/work_service.hpp"
#include "notify/scheduler.hpp"
#include "timelimits/calendar.hpp"

namespace jw::community {

void PrepareWork(std::string_view master_key) { InstallWorkKeys(master_key); }

Status SeedWork(storage::Connection& tx, const modules::DemoContext& ctx) {
    InstallWorkKeys(ctx.key);
    return SeedDemoWork(tx, ctx.now);
}

Status StartWork(const modules::Services& s, modules::ServerParts& parts) {
    InstallWorkKeys(s.key);
    const WorkDeps deps{s.db, timelimits::DefaultHolidayCalendar(), s.key};
    RegisterWorkRoutes(parts.router, deps);
    RegisterTaskRoutes(parts.router, deps);
    notify::todo::ServingRegistry().Add(MakeTaskTodoSource());  // tasks assigned to me, in the to-do centre
    audit::AuditLog* log = &s.audit;
    return parts.scheduler.Register("community.task_reminders", 300, [log] {
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = "community.task.remind";
        e.object = "tasks";
        return log->Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            JW_ASSIGN_OR_RETURN(int n, RemindTasks(c, NowUnix()));
            entry.detail = std::to_string(n) + " reminders";
            return Status::Ok();
        });
    });
}

}  // namespace jw::community
