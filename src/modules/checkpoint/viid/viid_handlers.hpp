#pragma once
// HTTP routes and jobs of the checkpoint module's viid part.

#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint {

void RegisterViidRoutes(http::Router& router, const Deps& deps);
Status RegisterViidJobs(notify::Scheduler& scheduler, const Deps& deps);

}  // namespace jw::checkpoint
