#pragma once
// The person watch list module (人员布控, issue 15, ADR 0052): entries and their lifecycle, the identity check other
// modules call (check/identity_check.hpp — the contract), the phone's offline list, the routes and the expiry job.
// Its embedded files (schema, permissions, data) for the module entry and the tests.

#include <string_view>
#include <utility>
#include <vector>

namespace jw::personwatch {

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

}  // namespace jw::personwatch
