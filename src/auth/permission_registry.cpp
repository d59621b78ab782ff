#include "auth/permission_registry.hpp"

#include <algorithm>

#include "auth/external.hpp"
#include "common/csv_reader.hpp"

namespace jw::auth {

bool IsAdminRole(std::string_view role) {
    return std::find(std::begin(kAdminRoles), std::end(kAdminRoles), role) != std::end(kAdminRoles);
}

Status PermissionRegistry::AddCsv(std::string_view csv) {
    JW_ASSIGN_OR_RETURN(const auto rows,
                        ReadCsv(csv, CsvOptions{.name = "permissions.csv", .trim = true, .comment = '#'}));
    std::vector<std::string> header;
    for (const auto& row : rows) {
        const auto& cells = row.fields;
        if (header.empty()) {
            if (cells.size() < 2 || cells[0] != "permission" || cells[1] != "module")
                return Status::Invalid("permissions.csv", "bad header at " + row.Where(0));
            header = cells;
            for (size_t i = 2; i < header.size(); ++i) roles_.insert(header[i]);
            continue;
        }
        if (cells.size() != header.size())
            return Status::Invalid("permissions.csv", "bad row at line " + std::to_string(row.line) + ": " +
                                                          std::to_string(cells.size()) + " cells, the header has " +
                                                          std::to_string(header.size()));
        if (cells[0].empty())
            return Status::Invalid("permissions.csv", "bad row at " + row.Where(0) + ": no permission");
        if (permissions_.count(cells[0]))
            return Status::Invalid("permissions.csv", "duplicate permission " + cells[0] + " at " + row.Where(0));
        PermissionInfo info{cells[0], cells[1], {}, {}};
        for (size_t i = 2; i < cells.size(); ++i) {
            if (cells[i] != "x") continue;
            info.default_roles.insert(header[i]);
            if (IsAdminRole(header[i])) info.admin_roles.insert(header[i]);
        }
        const bool personal = info.module == "personal";
        if (personal) info.admin_roles.clear();
        info.personal = personal;
        if (!info.admin_roles.empty() && info.admin_roles.size() != info.default_roles.size())
            return Status::Invalid("permissions.csv",
                                   "administrator permission also given to a business role: " + info.code);
        permissions_.emplace(info.code, std::move(info));
    }
    return Status::Ok();
}

bool PermissionRegistry::Allowed(std::string_view role, std::string_view permission) const {
    auto it = permissions_.find(std::string(permission));
    if (it == permissions_.end()) return false;
    if (it->second.personal) return true;
    if (IsAdminRole(role)) return it->second.admin_roles.count(std::string(role)) > 0;
    // An external role (ADR 0051) holds only what some external role holds by default: nothing of the police's.
    if (IsExternalRole(role))
        return std::any_of(it->second.default_roles.begin(), it->second.default_roles.end(),
                           [](const std::string& r) { return IsExternalRole(r); });
    return it->second.admin_roles.empty();
}

}  // namespace jw::auth
