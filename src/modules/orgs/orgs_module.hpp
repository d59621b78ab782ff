#pragma once
// The organisations module (ADR 0051): the registry of organisations outside the police (procuratorates,
// courts, government departments, courier companies and outlets) and their staff accounts. The accounts, the
// external principal and the central refusal live in the platform (auth/external.hpp); this module owns the
// administration routes (docs/api/orgs.md), the route table for the security administrator and the demo county's
// organisations.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/session_service.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::orgs {

struct Deps {
    storage::Database& db;
    auth::SessionService& sessions;
    const auth::PermissionRegistry& registry;
    const http::Router* router = nullptr;  // the whole table, read by GET /api/v1/routes once serving
};

void RegisterRoutes(http::Router& router, Deps deps);
// Actions whose handlers hash a password (argon2): run on the hashing pool.
const std::vector<std::string>& HashingActions();
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

// The demo county's organisations and accounts (procurator, judge, citymgmt; account numbers 8802xx).
Status SeedDemo(storage::Connection& tx, int64_t now);

}  // namespace jw::orgs
