#include "checkpoint/analysis_handlers.hpp"

namespace jw::checkpoint {

void RegisterAnalysisRoutes(http::Router&, const Deps&) {}
Status RegisterAnalysisJobs(notify::Scheduler&, const Deps&) { return Status::Ok(); }

}  // namespace jw::checkpoint
