#pragma once
// The work part's entry points for community/module.cpp: keys at Prepare, the demo share, routes and the
// reminder job at Start (every 5 minutes, audited as the system's "community.task.remind").

#include <string_view>

#include "modules/module.hpp"

namespace jw::community {

void PrepareWork(std::string_view master_key);
Status SeedWork(storage::Connection& tx, const modules::DemoContext& ctx);
Status StartWork(const modules::Services& s, modules::ServerParts& parts);

}  // namespace jw::community
