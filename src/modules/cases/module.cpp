#include "modules/module.hpp"

#include "cases/case_dossier.hpp"
#include "cases/case_grid_places.hpp"
#include "cases/case_handlers.hpp"
#include "cases/case_links.hpp"
#include "cases/case_number.hpp"
#include "cases/case_secrets.hpp"
#include "cases/cases_module.hpp"
#include "cases/deadline_handlers.hpp"
#include "cases/demo_cases.hpp"
#include "cases/supervision/supervision_module.hpp"
#include "cases/unit_participant.hpp"
#include "cases/urging/todo_sources.hpp"
#include "units/participant.hpp"

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

void RegisterRoutes(http::Router& router, Deps deps) {
    RegisterCaseRoutes(router, deps);
    RegisterCaseDiscretionRoutes(router, deps);
    RegisterDeadlineRoutes(router);
    RegisterSupervisionRoutes(router, deps);
}
Status RegisterJobs(notify::Scheduler& scheduler, Deps deps) { return RegisterSupervisionJobs(scheduler, deps); }
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

}  // namespace jw::cases

namespace jw::cases {
namespace {

class CasesModule final : public modules::Module, public units::ParticipantSource {
  public:
    // Restructuring units (ADR 0024): this module's unit-bound rows follow the new structure.
    std::unique_ptr<units::Participant> MakeParticipant() const override { return MakeUnitParticipant(); }
    std::string_view Name() const override { return "cases"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    // People's personal fields and query codes are keyed from the master key (ADR 0017); rows an older server
    // left in plain text are sealed now, before anything serves them.
    Status Prepare(storage::Connection& c, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        auto sealed = SealPlainRecords(c);
        if (!sealed.ok()) return sealed.status();
        // Cases stored before the master index link their people and places once (ADR 0037).
        return LinkMasterIndexAtStart(c);
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        JW_RETURN_IF_ERROR(SeedDemoCases(tx, ctx.now));
        return urging::SeedDemoUnitHeads(tx, ctx.now);  // 督办's recipients (issue 13)
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        const Deps deps{s.db, s.committer, s.audit, s.outbox, s.settings.region_code};
        RegisterRoutes(parts.router, deps);
        urging::StartUrging(parts.router, deps);  // 督办 / 催办 and the cases' to-do lines (issue 13)
        RegisterCaseGridPlaces();
        community::dossier::ServingRegistry().Add(MakeDossierSection());  // the person page's cases
        storage::Database* db = &s.db;
        parts.case_number_check = [db](const std::string& number) -> Status {
            auto c = db->Acquire();
            if (!c.ok()) return c.status();
            return CheckNumberFormat(**c, number);
        };
        return RegisterJobs(parts.scheduler, deps);
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<CasesModule>(); }

}  // namespace jw::cases
