#include "checkpoint/watch_handlers.hpp"

namespace jw::checkpoint {

void RegisterWatchRoutes(http::Router&, const Deps&) {}
Status RegisterWatchJobs(notify::Scheduler&, const Deps&) { return Status::Ok(); }

}  // namespace jw::checkpoint
