#pragma once
// The penalty discretion module's HTTP surface: POST /api/v1/discretion/decide (permission discretion.decide)
// takes the decision request JSON of issue 3 and returns the decision JSON, or 400 naming each bad field.
// Stateless: nothing is written. Register once at start-up.

#include <string_view>

#include "http/router.hpp"

namespace jw::discretion {

void RegisterRoutes(jw::http::Router& router);
// The module's permissions.csv (role × action), embedded for the permission registry.
std::string_view PermissionsCsv();

}  // namespace jw::discretion
