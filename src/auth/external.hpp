#pragma once
// Accounts of organisations outside the police (ADR 0051): procuratorate and court staff, government departments,
// courier companies and their outlets. This header is the contract every module uses to keep them to what is
// shared with them.
//
// - The kinds of organisations and the external roles each may hold are data (auth/data/org_kinds.csv).
// - An external principal (Principal::org_id != 0) has no police data scope: unit_id 0, an empty unit_scope, never
//   all_units. It holds only external roles of its organisation's kind (SessionService drops any other).
// - Central refusal: the dispatcher answers 403 (audited) to an external principal on every route whose
//   permission no external role holds by default (ExternalMayUse), so a module that forgets its own check
//   cannot leak to them.
// - Handlers scope data with SeesOrg / OrgFilter: an external caller sees the records of its own organisation
//   (and a company administrator those of its outlets), a police caller is scoped by unit as before.
// Pure functions on plain data; the kind table is read once and is thread-safe afterwards.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permission_registry.hpp"
#include "auth/principal.hpp"
#include "common/status.hpp"

namespace jw::auth {

struct OrgKind {
    std::string kind;                // procuratorate | court | department | courier_company | courier_outlet | …
    std::vector<std::string> roles;  // the external roles its staff may hold
    std::string admin_role;          // the role that manages its own staff; empty: the system administrator does
    std::string parent_kind;         // the kind its parent must be; empty: it has no parent
    bool manages_children = false;   // its administrators also manage its child organisations' staff
};

// Every kind, in the order of the data file.
const std::vector<OrgKind>& OrgKinds();
// The kind named `kind`, or nullptr.
const OrgKind* FindOrgKind(std::string_view kind);
// Whether `role` is an external role (held by some kind in the table).
bool IsExternalRole(std::string_view role);

// Whether an external principal may reach a route with this permission and audit action: "public" routes, the
// caller's own session and to-do list (permission "", actions session.* and todo.read), personal permissions
// (one's own inbox), and
// permissions that some external role holds by default in a permissions.csv. Everything else is police-only.
bool ExternalMayUse(const PermissionRegistry& registry, std::string_view permission, std::string_view action);

// Whether `roles` fit an account: a police account (org_kind empty) holds no external role; an external account
// holds at least one role and only roles of its organisation's kind. Error: InvalidArgument roles=external_role.
Status CheckAccountRoles(std::string_view org_kind, const std::vector<std::string>& roles);

// Scoping helpers for handlers.
inline bool IsExternal(const Principal& p) { return p.org_id != 0; }
// Whether the caller may see a record belonging to organisation `org_id`: an external caller only its own
// organisation's (and, for a company administrator, its outlets'); a police caller any (scope those by unit).
bool SeesOrg(const Principal& p, int64_t org_id);
// The organisations an external caller's queries are restricted to (its org_scope), or nullopt for a police
// caller (no organisation restriction; apply the unit scope).
std::optional<std::vector<int64_t>> OrgFilter(const Principal& p);

}  // namespace jw::auth
