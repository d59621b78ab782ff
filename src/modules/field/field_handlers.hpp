#pragma once
// The field module's routes (docs/api/field.md): POST /api/v1/field/checks (a person check, idempotent by the
// Idempotency-Key header and by client_key), GET /api/v1/field/checks (mine, or the units I see),
// GET /api/v1/field/cache-key (the phone's per-session cache secret and the offline limit).

#include <string>

#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::field {

struct FieldDeps {
    storage::Database& db;
    std::string master;          // the platform's master key
    int max_offline_hours = 72;  // the phone wipes its cache after this long without reaching the server
};

void RegisterFieldRoutes(http::Router& router, const FieldDeps& deps);

}  // namespace jw::field
