#include "modules/module.hpp"

#include "checkpoint/analysis/analysis_handlers.hpp"
#include "checkpoint/analysis/clickhouse/analytics_router.hpp"
#include "checkpoint/checkpoint_module.hpp"
#include "checkpoint/demo/demo_seed.hpp"
#include "checkpoint/devices/devices_handlers.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/todo_sources.hpp"
#include "checkpoint/unit_participant.hpp"
#include "checkpoint/viid/viid_guard.hpp"
#include "checkpoint/viid/viid_handlers.hpp"
#include "checkpoint/watch/watch_handlers.hpp"
#include "checkpoint/watch/watch_hits.hpp"
#include "common/civil_time.hpp"
#include "units/participant.hpp"

namespace jw::checkpoint {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

void RegisterRoutes(http::Router& router, Deps deps) {
    RegisterDevicesRoutes(router, deps);
    RegisterViidRoutes(router, deps);
    RegisterWatchRoutes(router, deps);
    RegisterAnalysisRoutes(router, deps);
}

Status RegisterJobs(notify::Scheduler& scheduler, Deps deps) {
    JW_RETURN_IF_ERROR(RegisterDevicesJobs(scheduler, deps));
    JW_RETURN_IF_ERROR(RegisterViidJobs(scheduler, deps));
    JW_RETURN_IF_ERROR(RegisterWatchJobs(scheduler, deps));
    return RegisterAnalysisJobs(scheduler, deps);
}

Status PrimeHub(storage::Database& db, PassHub& hub) {
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_RETURN_IF_ERROR(SyncCheckpointsToHub(**c, hub));
    return RefreshWatchList(**c, hub, NowUnix());
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

}  // namespace jw::checkpoint

namespace jw::checkpoint {
namespace {

// Owns the pass hub for as long as the server runs: the analysis workers stop (Stop) before it goes.
class CheckpointModule final : public modules::Module, public units::ParticipantSource {
  public:
    // Restructuring units (ADR 0024): this module's unit-bound rows follow the new structure.
    std::unique_ptr<units::Participant> MakeParticipant() const override { return MakeUnitParticipant(); }
    std::string_view Name() const override { return "checkpoint"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        return checkpoint::SeedDemo(tx, ctx.settings.pass_dir, ctx.key, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        HubOptions options;
        options.dir = s.settings.pass_dir;
        // Hook (ADR 0067): in front of ClickHouse the engine keeps only the hot days.
        if (auto router = clickhouse::InstalledRouter()) options.retention_days = router->hot_days();
        auto hub = PassHub::Open(options);
        if (!hub.ok()) return hub.status();
        hub_ = std::move(hub).value();
        // ADR 0067: ClickHouse is brought level with the engine's whole days before any new batch is shipped
        // (passes queued in memory when the last process stopped, passes `init --demo` put into the engine).
        if (auto router = clickhouse::InstalledRouter()) router->StartReconcile(hub_->Snapshot());
        JW_RETURN_IF_ERROR(PrimeHub(s.db, *hub_));
        // Watch orders and search exceptions waiting for a decision, in the to-do centre (issue 13).
        notify::todo::ServingRegistry().Add(MakeWatchApprovalSource());
        notify::todo::ServingRegistry().Add(MakeExceptionApprovalSource());
        const Deps deps{s.db, s.committer, s.audit, s.outbox, *hub_, s.key, s.settings.region_code};
        PassHub* pass_hub = hub_.get();
        if (pass_hub->torn_bytes() > 0) {
            parts.health_notes.push_back([pass_hub] {
                return "pass log: " + std::to_string(pass_hub->torn_bytes()) + " bytes (" +
                       std::to_string(pass_hub->torn_passes()) + " passes) torn at start-up and discarded\n";
            });
        }
        parts.metrics.push_back([pass_hub] {
            return "# TYPE jw_pass_log_torn_bytes gauge\njw_pass_log_torn_bytes " +
                   std::to_string(pass_hub->torn_bytes()) +
                   "\n# TYPE jw_pass_log_torn_passes gauge\njw_pass_log_torn_passes " +
                   std::to_string(pass_hub->torn_passes()) + "\n" + ViidAuthMetricsText() +
                   clickhouse::RouterMetricsText();
        });
        RegisterRoutes(parts.router, deps);
        return RegisterJobs(parts.scheduler, deps);
    }
    void Stop() override { StopAnalysisTasks(); }

  private:
    std::unique_ptr<PassHub> hub_;
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<CheckpointModule>(); }

}  // namespace jw::checkpoint
