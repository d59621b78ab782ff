#pragma once
// Who is asking: the logged-in user with the permissions of their roles and their data scope.
// Built by SessionService on each request; plain data, copyable, read-only after construction.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace jw::auth {

struct Principal {
    int64_t user_id = 0;
    std::string username;
    std::string name;
    int64_t unit_id = 0;
    std::string unit_code;
    std::string unit_name;
    std::vector<std::string> roles;
    std::set<std::string> permissions;
    bool all_units = false;           // a role grants county-wide scope
    std::vector<int64_t> unit_scope;  // the unit and its sub-units (when !all_units)
    bool must_change_password = false;
    bool totp_enrolment_required = false;  // a role requires TOTP and the user has not enrolled
    std::string csrf_token;
    std::string session_hash;
    // An external account (ADR 0051, auth/external.hpp): its organisation, 0 for police. Such a principal has no
    // unit scope; org_scope is its organisation and, for a company administrator, its outlets.
    int64_t org_id = 0;
    std::string org_kind;
    std::string org_name;
    std::vector<int64_t> org_scope;

    bool Can(const std::string& permission) const { return permissions.count(permission) > 0; }
    bool SeesUnit(int64_t unit) const;
};

}  // namespace jw::auth
