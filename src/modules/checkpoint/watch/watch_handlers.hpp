#pragma once
// HTTP routes and jobs of the checkpoint module's watch part.

#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint {

void RegisterWatchRoutes(http::Router& router, const Deps& deps);
Status RegisterWatchJobs(notify::Scheduler& scheduler, const Deps& deps);

}  // namespace jw::checkpoint
