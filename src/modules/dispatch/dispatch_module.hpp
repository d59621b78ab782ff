#pragma once
// 110 dispatch (接处警, issue 18, ADR 0057): its embedded files (schema, permissions, data) for the module entry
// and the tests, and the demo county's share.

#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace jw::dispatch {

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

// The demo county's 110 desk (demo.cpp): the departments' organisations and accounts, patrol units, 60 days of
// calls with their work orders and callbacks, bulk-loaded.
Status SeedDemo(storage::Connection& tx, int64_t now);

}  // namespace jw::dispatch
