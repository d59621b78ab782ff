#include "checkpoint/viid_handlers.hpp"

namespace jw::checkpoint {

void RegisterViidRoutes(http::Router&, const Deps&) {}
Status RegisterViidJobs(notify::Scheduler&, const Deps&) { return Status::Ok(); }

}  // namespace jw::checkpoint
