#pragma once
// Seeding: the roles from the permission tables, the bureau with its three administrators (plain init),
// and the fictional demo county 示范县公安局 (region 519901) with stations, brigades, offices, about 120
// officers and one demo account per role. Deterministic: the same run gives the same county.

#include <string>
#include <vector>

#include "auth/permission_registry.hpp"
#include "storage/database.hpp"

namespace jw::auth {

namespace schema {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();  // schema/*.sql, permissions.csv
}

struct DemoAccount {
    std::string username;
    std::string password;
    std::string role;
    std::string name;
    std::string unit;
};

inline constexpr const char* kDemoPassword = "Jingwu@2026";

// Inserts roles missing from the database with their default permissions (existing roles keep their edits);
// the administrator roles require TOTP.
Status SeedRoles(storage::Connection& c, const PermissionRegistry& registry);
// Whether any unit exists yet.
Result<bool> IsInitialised(storage::Connection& c);
// Plain init: the bureau (region code, name) and the three administrators with random initial passwords
// that must be changed at first login; returns them.
Result<std::vector<DemoAccount>> SeedBureau(storage::Connection& c, const std::string& region_code,
                                            const std::string& name, int64_t now);
// The demo county; returns the demo accounts (password kDemoPassword, no forced change). Marks the database
// as the demo (repo::IsDemo) and lifts the TOTP duty of the administrator roles.
Result<std::vector<DemoAccount>> SeedDemoCounty(storage::Connection& c, int64_t now);

}  // namespace jw::auth
