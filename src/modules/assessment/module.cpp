// The assessment module (issue 14, Zigong's community-police assessment): rules editions, the import job, routes
// and the demo county's current month.
#include "modules/module.hpp"

#include <memory>

#include "assessment/assessment_module.hpp"
#include "assessment/assessment_service.hpp"
#include "assessment/demo_assessment.hpp"
#include "assessment/todo_source.hpp"
#include "common/civil_time.hpp"

namespace jw::assessment {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

Status RegisterJobs(notify::Scheduler& scheduler, Deps deps) {
    return scheduler.Register("assessment.import", 60, [deps] {
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = "assessment.import";
        e.object = "assessment_items";
        return deps.audit.Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            JW_ASSIGN_OR_RETURN(auto done, ImportFromAudit(c, NowUnix()));
            entry.detail = Json{{"items", done.items}, {"from", done.from_id}, {"to", done.to_id}}.dump();
            return Status::Ok();
        });
    });
}

namespace {

class AssessmentModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "assessment"; }
    const modules::EmbeddedFiles& Files() const override { return data::EmbeddedFiles(); }
    Status Prepare(storage::Connection& c, const modules::PrepareContext& ctx) override {
        return storage::InTransaction(c, [&](storage::Connection& tx) { return EnsureDefaultEdition(tx, ctx.now); });
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        JW_RETURN_IF_ERROR(EnsureDefaultEdition(tx, ctx.now));
        return SeedDemoAssessment(tx, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        const Deps deps{s.db, s.audit};
        RegisterRoutes(parts.router, deps);
        notify::todo::ServingRegistry().Add(MakeAppealTodoSource());  // appeals to decide, in the to-do centre
        return RegisterJobs(parts.scheduler, deps);
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<AssessmentModule>(); }

}  // namespace jw::assessment
