#pragma once
// The alerts module's routes (docs/http_api.md § Alerts): board list, one alert, manual raise, sign,
// feedback, statistics and the colour policy.

#include "alerts/alerts_module.hpp"

namespace jw::alerts {

void RegisterAlertRoutes(http::Router& router, const Deps& d);

}  // namespace jw::alerts
