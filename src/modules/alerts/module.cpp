#include "modules/module.hpp"

#include "alerts/alert.hpp"
#include "alerts/alerts_grid_places.hpp"
#include "alerts/alerts_handlers.hpp"
#include "alerts/alerts_module.hpp"
#include "alerts/alerts_service.hpp"
#include "alerts/todo_source.hpp"
#include "alerts/unit_participant.hpp"
#include "common/civil_time.hpp"
#include "units/participant.hpp"

namespace jw::alerts {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

void RegisterRoutes(http::Router& router, Deps deps) { RegisterAlertRoutes(router, deps); }

// Every 30 seconds: escalate targets that were not signed in time (each once), audited as a system action.
Status RegisterJobs(notify::Scheduler& scheduler, Deps deps) {
    return scheduler.Register("alerts.escalate", 30, [deps] {
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = "alert.escalate";
        e.object = "alerts";
        return deps.audit.Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            JW_ASSIGN_OR_RETURN(int n, EscalateOverdue(c, Policy::Default(), NowUnix()));
            entry.detail = std::to_string(n) + " escalated";
            return Status::Ok();
        });
    });
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

}  // namespace jw::alerts

namespace jw::alerts {
namespace {

class AlertsModule final : public modules::Module, public units::ParticipantSource {
  public:
    // Restructuring units (ADR 0024): this module's unit-bound rows follow the new structure.
    std::unique_ptr<units::Participant> MakeParticipant() const override { return MakeUnitParticipant(); }
    std::string_view Name() const override { return "alerts"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        const Deps deps{s.db, s.committer, s.audit, s.outbox};
        RegisterRoutes(parts.router, deps);
        RegisterAlertGridPlaces();
        notify::todo::ServingRegistry().Add(MakeTodoSource());  // alerts to sign, in the to-do centre (issue 13)
        return RegisterJobs(parts.scheduler, deps);
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<AlertsModule>(); }

}  // namespace jw::alerts
