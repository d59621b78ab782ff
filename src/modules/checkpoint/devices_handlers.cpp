#include "checkpoint/devices_handlers.hpp"

namespace jw::checkpoint {

void RegisterDevicesRoutes(http::Router&, const Deps&) {}
Status RegisterDevicesJobs(notify::Scheduler&, const Deps&) { return Status::Ok(); }

}  // namespace jw::checkpoint
