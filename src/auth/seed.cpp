#include "auth/seed.hpp"

#include <cstdio>
#include <map>

#include "auth/auth_repository.hpp"
#include "auth/external.hpp"
#include "auth/password.hpp"

namespace jw::auth {

Status SeedRoles(storage::Connection& c, const PermissionRegistry& registry) {
    for (const auto& code : registry.roles()) {
        // The three administrators need a second factor by default (等保 level 3: two factors for administration).
        Role r{code, IsAdminRole(code) ? "admin" : "business", "unit", IsAdminRole(code), {}};
        // Administrators, the bureau's leaders, the duty desk and intelligence analysts see the whole county.
        // So does the public-order brigade's courier supervision (寄递, issue 17: a station-level courier role set to
        // "unit" sees only the outlets of its stations, ADR 0062).
        if (IsAdminRole(code) || code == "leader" || code == "duty_desk" || code == "analyst" || code == "courier")
            r.scope = "all";
        // Staff of organisations outside the police (ADR 0051): scoped to their organisation, never to units.
        if (IsExternalRole(code)) {
            r.kind = "external";
            r.scope = "org";
        }
        for (const auto& [perm, info] : registry.permissions()) {
            if (info.default_roles.count(code)) r.permissions.push_back(perm);
        }
        JW_RETURN_IF_ERROR(repo::EnsureRole(c, r));
        // Personal permissions (one's own inbox) belong to every role, also roles created before them.
        for (const auto& [perm, info] : registry.permissions()) {
            if (!info.personal) continue;
            JW_RETURN_IF_ERROR(
                c.Exec("INSERT INTO role_permissions (role_code, permission) SELECT ?, ? WHERE NOT EXISTS "
                       "(SELECT 1 FROM role_permissions WHERE role_code = ? AND permission = ?)",
                       {storage::V(code), storage::V(perm), storage::V(code), storage::V(perm)}));
        }
    }
    return Status::Ok();
}

Result<bool> IsInitialised(storage::Connection& c) {
    auto r = c.QueryOne("SELECT COUNT(*) FROM units");
    if (!r.ok()) return r.status();
    return r->Int(0) > 0;
}

namespace {
// A small deterministic generator (LCG) so the demo county is the same on every machine.
struct Lcg {
    uint64_t state;
    uint32_t Next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<uint32_t>(state >> 33);
    }
    template <typename T>
    const T& Pick(const std::vector<T>& v) {
        return v[Next() % v.size()];
    }
};

Result<int64_t> AddUser(storage::Connection& c, const std::string& username, const std::string& police_no,
                        const std::string& name, int64_t unit_id, const std::string& phone, const std::string& password,
                        bool must_change, const std::vector<std::string>& roles, int64_t now) {
    User u;
    u.username = username;
    u.police_no = police_no;
    u.name = name;
    u.unit_id = unit_id;
    u.phone = phone;
    u.status = "active";
    u.password_hash = HashPassword(password);
    u.must_change_password = must_change;
    auto id = repo::InsertUser(c, u, now);
    if (!id.ok()) return id.status();
    JW_RETURN_IF_ERROR(repo::SetUserRoles(c, *id, roles));
    return *id;
}
}  // namespace

Result<std::vector<DemoAccount>> SeedBureau(storage::Connection& c, const std::string& region_code,
                                            const std::string& name, int64_t now) {
    auto bureau =
        repo::InsertUnit(c, Unit{0, region_code + "000000", name, "bureau", std::nullopt, region_code, 0}, now);
    if (!bureau.ok()) return bureau.status();
    std::vector<DemoAccount> out;
    const char* admins[][2] = {{"sysadmin", "sys_admin"}, {"secadmin", "sec_admin"}, {"auditadmin", "audit_admin"}};
    int n = 1;
    for (const auto& [username, role] : admins) {
        const std::string password = GeneratePassword();
        auto id = AddUser(c, username, "00000" + std::to_string(n++), username, *bureau, "13800000000", password, true,
                          {role}, now);
        if (!id.ok()) return id.status();
        out.push_back({username, password, role, username, name});
    }
    return out;
}

Result<std::vector<DemoAccount>> SeedDemoCounty(storage::Connection& c, int64_t now) {
    const std::string region = "519901";
    auto bureau =
        repo::InsertUnit(c, Unit{0, region + "000000", "示范县公安局", "bureau", std::nullopt, region, 0}, now);
    if (!bureau.ok()) return bureau.status();
    struct Sub {
        const char* name;
        const char* kind;
    };
    const std::vector<Sub> subs = {
        {"办公室", "office"},        {"指挥中心", "office"},      {"法制大队", "brigade"},
        {"警务保障室", "office"},    {"刑事侦查大队", "brigade"}, {"治安管理大队", "brigade"},
        {"交通管理大队", "brigade"}, {"禁毒大队", "brigade"},     {"网络安全保卫大队", "brigade"},
        {"城关派出所", "station"},   {"东城派出所", "station"},   {"西河派出所", "station"},
        {"南山派出所", "station"},   {"北坝派出所", "station"},   {"青石派出所", "station"},
    };
    std::map<std::string, int64_t> unit_ids;
    int seq = 0;
    for (const auto& s : subs) {
        ++seq;
        const std::string kind_digit = std::string(s.kind) == "station"   ? "3"
                                       : std::string(s.kind) == "brigade" ? "2"
                                                                          : "1";
        char code[16];
        std::snprintf(code, sizeof code, "%s0%s%02d00", region.c_str(), kind_digit.c_str(), seq);
        auto id = repo::InsertUnit(c, Unit{0, code, s.name, s.kind, *bureau, region, seq}, now);
        if (!id.ok()) return id.status();
        unit_ids[s.name] = *id;
    }
    unit_ids["示范县公安局"] = *bureau;

    std::vector<DemoAccount> accounts = {
        {"sysadmin", kDemoPassword, "sys_admin", "周建国", "办公室"},
        {"secadmin", kDemoPassword, "sec_admin", "吴海燕", "办公室"},
        {"auditadmin", kDemoPassword, "audit_admin", "郑丽华", "办公室"},
        {"officer", kDemoPassword, "officer", "王志强", "城关派出所"},
        {"legal", kDemoPassword, "legal_reviewer", "刘文静", "法制大队"},
        {"duty", kDemoPassword, "duty_desk", "陈晓东", "指挥中心"},
        {"custodian", kDemoPassword, "custodian", "杨秀英", "警务保障室"},
        {"leader", kDemoPassword, "leader", "赵卫国", "示范县公安局"},
        {"courier", kDemoPassword, "courier", "孙小红", "治安管理大队"},
        {"analyst", kDemoPassword, "analyst", "钱思远", "指挥中心"},
    };
    int police_no = 990001;
    for (const auto& a : accounts) {
        char phone[16];
        std::snprintf(phone, sizeof phone, "139%08d", police_no);
        auto id = AddUser(c, a.username, std::to_string(police_no), a.name, unit_ids[a.unit], phone, a.password, false,
                          {a.role}, now);
        if (!id.ok()) return id.status();
        ++police_no;
    }

    // The demo is plain http on loopback for newcomers: no Secure cookies, and the administrators may log in
    // with the password alone (the security administrator can require TOTP again under 角色管理).
    JW_RETURN_IF_ERROR(repo::MarkDemo(c));
    JW_RETURN_IF_ERROR(c.Exec("UPDATE roles SET totp_required = 0 WHERE kind = 'admin'"));

    // About 120 officers spread over the stations and brigades, with forced password change.
    const std::vector<std::string> surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",  "孙",
                                               "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢",  "宋",
                                               "唐", "许", "邓", "冯", "韩", "曹", "彭", "曾", "田", "蒋", "欧阳"};
    const std::vector<std::string> given = {"伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",   "磊",
                                            "军",   "洋",   "勇",   "艳",   "杰",   "娟",   "涛",   "明",
                                            "超",   "秀兰", "霞",   "平",   "刚",   "桂英", "建华", "志勇",
                                            "海涛", "俊杰", "晓燕", "国强", "文博", "子轩", "雨涵", "浩然"};
    Lcg rng{519901};
    int n = 0;
    for (const auto& s : subs) {
        const int count = std::string(s.kind) == "station" ? 12 : std::string(s.kind) == "brigade" ? 6 : 3;
        for (int i = 0; i < count; ++i, ++n) {
            // Two or three characters as most Chinese names have (four with a compound surname at most).
            const std::string first = rng.Pick(given);
            const bool single = first.size() == 3;  // one CJK character in UTF-8
            std::string name = rng.Pick(surnames) + first;
            if (single && rng.Next() % 2) {
                std::string second = rng.Pick(given);
                if (second.size() == 3) name += second;
            }
            char username[16];
            std::snprintf(username, sizeof username, "p%06d", police_no);
            char phone[16];
            std::snprintf(phone, sizeof phone, "13%u%08u", 5 + rng.Next() % 5, rng.Next() % 100000000);
            auto id = AddUser(c, username, std::to_string(police_no), name, unit_ids[s.name], phone, kDemoPassword,
                              true, {"officer"}, now);
            if (!id.ok()) return id.status();
            ++police_no;
        }
    }
    return accounts;
}

}  // namespace jw::auth
