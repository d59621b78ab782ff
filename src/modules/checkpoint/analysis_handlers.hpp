#pragma once
// HTTP routes and jobs of the checkpoint module's analysis part.

#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint {

void RegisterAnalysisRoutes(http::Router& router, const Deps& deps);
Status RegisterAnalysisJobs(notify::Scheduler& scheduler, const Deps& deps);

}  // namespace jw::checkpoint
