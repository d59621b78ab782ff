#pragma once
// HTTP routes and jobs of the checkpoint module's devices part.

#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint {

void RegisterDevicesRoutes(http::Router& router, const Deps& deps);
Status RegisterDevicesJobs(notify::Scheduler& scheduler, const Deps& deps);

}  // namespace jw::checkpoint
