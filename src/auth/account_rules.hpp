#pragma once
// The rules for administering identities: what a valid unit, user, role grant and policy is, and the
// separation of the three administrators. Pure functions on plain structs; no I/O. Each returns Ok or an
// InvalidArgument / PermissionDenied Status naming the offending field.

#include <string>
#include <vector>

#include "auth/identity.hpp"
#include "auth/permission_registry.hpp"

namespace jw::auth {

Status ValidateUnit(const Unit& unit, bool has_parent);
// username: 3–32 of [a-z0-9_.]; police_no: six digits (bad_police_no); name: 2–20 characters, CJK ideographs with
// '·' or Latin letters and spaces (bad_person_name); phone: mainland mobile. ADR 0045.
Status ValidateNewUser(const User& user);
// At most one administrator role, and never an administrator together with a business role; every role known.
Status ValidateRoleSet(const std::vector<std::string>& roles, const std::vector<Role>& known);
// Each permission known and allowed for the role (no business permission for an administrator, no
// administrator permission across administrators). Error field: "permissions".
Status ValidateRoleGrant(const Role& role, const PermissionRegistry& registry);
bool IsValidPersonName(const std::string& name);
bool IsValidPoliceNo(const std::string& police_no);  // 人民警察警号: six digits

}  // namespace jw::auth
