#include "auth/account_rules.hpp"

#include <algorithm>

#include "common/json_util.hpp"
#include "common/validators.hpp"

namespace jw::auth {

namespace {
bool AllOf(const std::string& s, bool (*pred)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), pred); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUsernameChar(char c) { return (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_' || c == '.'; }
}  // namespace

bool IsValidPersonName(const std::string& name) {
    auto len = Utf8Length(name);
    if (!len || *len < 2 || *len > 20) return false;
    for (size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80) continue;  // Chinese and the middle dot of minority names (validated as UTF-8 above)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ')) return false;
    }
    return true;
}

Status ValidateUnit(const Unit& u, bool has_parent) {
    Status s(ErrorCode::kInvalidArgument, "invalid unit");
    auto& f = s.mutable_fields();
    if (u.code.size() != 12 || !AllOf(u.code, IsDigit))
        f["code"] = "bad_format";
    else if (!CheckRegionCode(u.code.substr(0, 6)).ok())
        f["code"] = "bad_region";
    auto len = Utf8Length(u.name);
    if (!len || *len < 2 || *len > 40 || u.name.find_first_of("<>'\";") != std::string::npos) f["name"] = "bad_format";
    if (!IsUnitKind(u.kind)) f["kind"] = "bad_value";
    if (u.kind != "bureau" && !has_parent) f["parent_id"] = "required";
    return f.empty() ? Status::Ok() : s;
}

Status ValidateNewUser(const User& u) {
    Status s(ErrorCode::kInvalidArgument, "invalid user");
    auto& f = s.mutable_fields();
    if (u.username.size() < 3 || u.username.size() > 32 || !AllOf(u.username, IsUsernameChar))
        f["username"] = "bad_format";
    if (u.police_no.size() < 6 || u.police_no.size() > 8 || !AllOf(u.police_no, IsDigit)) f["police_no"] = "bad_format";
    if (!IsValidPersonName(u.name)) f["name"] = "bad_format";
    if (Status p = CheckMobile(u.phone, "phone"); !p.ok()) f["phone"] = p.fields().begin()->second;
    return f.empty() ? Status::Ok() : s;
}

Status ValidateRoleSet(const std::vector<std::string>& roles, const std::vector<Role>& known) {
    int admin = 0, business = 0;
    for (const auto& r : roles) {
        if (std::none_of(known.begin(), known.end(), [&](const Role& k) { return k.code == r; }))
            return Status::Invalid("roles", "unknown_role");
        (IsAdminRole(r) ? admin : business)++;
    }
    if (admin > 1 || (admin == 1 && business > 0)) return Status::Invalid("roles", "separation_of_duties");
    return Status::Ok();
}

Status ValidateRoleGrant(const Role& role, const PermissionRegistry& registry) {
    if (role.scope != "unit" && role.scope != "all") return Status::Invalid("scope", "bad_value");
    for (const auto& p : role.permissions) {
        if (!registry.permissions().count(p)) return Status::Invalid("permissions", "unknown_permission");
        if (!registry.Allowed(role.code, p)) return Status::Invalid("permissions", "separation_of_duties");
    }
    return Status::Ok();
}

}  // namespace jw::auth
