#include "checkpoint/checkpoint_module.hpp"

#include "checkpoint/analysis_handlers.hpp"
#include "checkpoint/devices_handlers.hpp"
#include "checkpoint/devices_repository.hpp"
#include "checkpoint/viid_handlers.hpp"
#include "checkpoint/watch_handlers.hpp"
#include "checkpoint/watch_hits.hpp"
#include "common/civil_time.hpp"

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
