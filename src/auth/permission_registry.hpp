#pragma once
// The table of every permission and the roles that hold it by default, read from the platform's and each
// module's permissions.csv (header: permission,module,<role>,<role>,…; an `x` grants). Roles named
// sys_admin, sec_admin and audit_admin are the three separated administrators: a permission marked for
// one of them is an administrator permission and may only ever be held by the administrators marked for
// it; a permission of module "personal" (a user's own inbox, profile) may be held by anyone; every other
// permission is a business permission and may never be held by an administrator. An external role (auth/external.hpp,
// ADR 0051) may hold only personal permissions and those that some external role holds by default.
// Built once at start-up; read-only and thread-safe afterwards.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::auth {

inline constexpr std::string_view kAdminRoles[] = {"sys_admin", "sec_admin", "audit_admin"};
bool IsAdminRole(std::string_view role);

struct PermissionInfo {
    std::string code;
    std::string module;
    std::set<std::string> admin_roles;    // empty for business permissions
    std::set<std::string> default_roles;  // roles granted it by default
    bool personal = false;                // module "personal": any role may hold it
};

class PermissionRegistry {
  public:
    // Adds one CSV table. Error: InvalidArgument naming the line for a malformed row or a duplicate.
    Status AddCsv(std::string_view csv);

    const std::map<std::string, PermissionInfo>& permissions() const { return permissions_; }
    const std::set<std::string>& roles() const { return roles_; }
    // Whether `role` may hold `permission` under the separation rules above.
    bool Allowed(std::string_view role, std::string_view permission) const;

  private:
    std::map<std::string, PermissionInfo> permissions_;
    std::set<std::string> roles_;
};

}  // namespace jw::auth
