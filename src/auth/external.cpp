#include "auth/external.hpp"

#include <algorithm>

#include "auth/seed.hpp"
#include "common/csv_reader.hpp"
#include "common/text.hpp"

namespace jw::auth {

namespace {

std::vector<OrgKind> LoadKinds() {
    std::vector<OrgKind> kinds;
    for (const auto& [name, content] : schema::EmbeddedFiles()) {
        if (name != "org_kinds.csv") continue;
        auto rows = ReadCsv(content, CsvOptions{.name = "org_kinds.csv", .trim = true, .comment = '#'});
        if (!rows.ok()) return kinds;  // an empty table refuses every external account (fails closed)
        bool header = true;
        for (const auto& row : *rows) {
            if (header) {
                header = false;
                continue;
            }
            if (row.fields.size() != 5) continue;
            kinds.push_back(
                {row.fields[0], SplitNonEmpty(row.fields[1], ' '), row.fields[2], row.fields[3], row.fields[4] == "1"});
        }
    }
    return kinds;
}

// Routes open to any logged-in user (permission "") that an external account may use: its own session, and its
// own to-do list (each to-do source applies only to the readers holding its permission, notify/todo.hpp).
bool IsOwnSessionAction(std::string_view action) { return action.starts_with("session.") || action == "todo.read"; }

}  // namespace

const std::vector<OrgKind>& OrgKinds() {
    static const std::vector<OrgKind> kinds = LoadKinds();
    return kinds;
}

const OrgKind* FindOrgKind(std::string_view kind) {
    for (const auto& k : OrgKinds())
        if (k.kind == kind) return &k;
    return nullptr;
}

bool IsExternalRole(std::string_view role) {
    for (const auto& k : OrgKinds())
        if (std::find(k.roles.begin(), k.roles.end(), role) != k.roles.end()) return true;
    return false;
}

bool ExternalMayUse(const PermissionRegistry& registry, std::string_view permission, std::string_view action) {
    if (permission == "public") return true;
    if (permission.empty()) return IsOwnSessionAction(action);
    auto it = registry.permissions().find(std::string(permission));
    if (it == registry.permissions().end()) return false;
    if (it->second.personal) return true;
    return std::any_of(it->second.default_roles.begin(), it->second.default_roles.end(),
                       [](const std::string& r) { return IsExternalRole(r); });
}

Status CheckAccountRoles(std::string_view org_kind, const std::vector<std::string>& roles) {
    if (org_kind.empty()) {
        for (const auto& r : roles)
            if (IsExternalRole(r)) return Status::Invalid("roles", "external_role");
        return Status::Ok();
    }
    const OrgKind* kind = FindOrgKind(org_kind);
    if (kind == nullptr || roles.empty()) return Status::Invalid("roles", "external_role");
    for (const auto& r : roles)
        if (std::find(kind->roles.begin(), kind->roles.end(), r) == kind->roles.end())
            return Status::Invalid("roles", "external_role");
    return Status::Ok();
}

bool SeesOrg(const Principal& p, int64_t org_id) {
    if (!IsExternal(p)) return true;
    return org_id != 0 && std::find(p.org_scope.begin(), p.org_scope.end(), org_id) != p.org_scope.end();
}

std::optional<std::vector<int64_t>> OrgFilter(const Principal& p) {
    if (!IsExternal(p)) return std::nullopt;
    return p.org_scope;
}

}  // namespace jw::auth
