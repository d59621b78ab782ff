#pragma once
// The penalty discretion module's HTTP surface (routes listed in docs/http_api.md, "Penalty discretion"):
// POST /api/v1/discretion/decide, the catalogue and factor reads, the two documents as HTML or PDF, the benchmark
// edition workflow for the legal office, and the public page of the published edition (行政处罚法 §34).
// Register once at start-up, after SeedSampleEdition (edition_service.hpp) has run on the migrated database.

#include <string_view>
#include <utility>
#include <vector>

#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::discretion {

struct Deps {
    storage::Database& db;
};

void RegisterRoutes(jw::http::Router& router, Deps deps);
// Loads the shipped sample edition (SAMPLE-1, 【样本】) as a published edition unless present (SeedSampleEdition in
// edition_service.hpp). Run at start-up in the migration transaction.
Status SeedEditions(storage::Connection& tx);
// The module's permissions.csv (role × action), embedded for the permission registry.
std::string_view PermissionsCsv();
// Migrations (schema/NNN_*.sql), permissions.csv and the catalogue data files, embedded; for
// storage::MigrationsFromFiles, which keeps only the .sql files.
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

}  // namespace jw::discretion
