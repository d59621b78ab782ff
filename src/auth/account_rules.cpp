#include "auth/account_rules.hpp"

#include <algorithm>

#include "auth/external.hpp"
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
    // Chinese names (CJK ideographs, the middle dot of minority names such as 阿依古丽·买买提) or Latin letters
    // and spaces; nothing else (no digits, punctuation, symbols or emoji).
    for (size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ')) return false;
            ++i;
            continue;
        }
        const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;  // valid UTF-8 (checked above)
        uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(name[i + k]) & 0x3F);
        i += n;
        const bool ideograph =
            (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2FA1F);
        const bool middle_dot = cp == 0x00B7 || cp == 0x30FB || cp == 0x2022;  // · ・ • as input methods type it
        if (!ideograph && !middle_dot) return false;
    }
    return name.front() != ' ' && name.back() != ' ';
}

bool IsValidPoliceNo(const std::string& police_no) {
    // 人民警察警号: six digits (ADR 0045).
    return police_no.size() == 6 && AllOf(police_no, IsDigit);
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
    if (!IsValidPoliceNo(u.police_no)) f["police_no"] = "bad_police_no";
    if (!IsValidPersonName(u.name)) f["name"] = "bad_person_name";
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
    // External roles are scoped to their organisation (ADR 0051), police roles to units.
    if (IsExternalRole(role.code) ? role.scope != "org" : role.scope != "unit" && role.scope != "all")
        return Status::Invalid("scope", "bad_value");
    for (const auto& p : role.permissions) {
        if (!registry.permissions().count(p)) return Status::Invalid("permissions", "unknown_permission");
        if (!registry.Allowed(role.code, p)) return Status::Invalid("permissions", "separation_of_duties");
    }
    return Status::Ok();
}

}  // namespace jw::auth
