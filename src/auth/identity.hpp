#pragma once
// Plain structs of the identity domain: units, users, roles.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::auth {

struct Unit {
    int64_t id = 0;
    std::string code;  // 12 digits: GB/T 2260 region (6) + unit (6)
    std::string name;
    std::string kind;  // bureau | station | brigade | office
    std::optional<int64_t> parent_id;
    std::string region_code;
    int sort_order = 0;
    int64_t dissolved_at = 0;  // 0 = live; else when a restructure dissolved it (ADR 0024): kept for history only
};

struct User {
    int64_t id = 0;
    std::string username;
    std::string police_no;
    std::string name;
    int64_t unit_id = 0;
    std::string unit_name;
    std::string phone;
    std::string status;  // active | locked | disabled
    std::string password_hash;
    int64_t password_changed_at = 0;
    bool must_change_password = true;
    int failed_logins = 0;
    int64_t locked_until = 0;
    std::string totp_secret;  // SM4-encrypted, hex
    bool totp_enabled = false;
    std::string totp_pending;  // SM4-encrypted, hex; set during enrolment
    int64_t last_totp_step = 0;
    int64_t last_login_at = 0;
    std::string last_login_ip;
    int64_t prev_login_at = 0;  // the successful login before the last one (0: none), shown as "上次登录"
    std::string prev_login_ip;
    int64_t created_at = 0;
    std::vector<std::string> roles;
    int64_t org_id = 0;  // an external account's organisation (ADR 0051); 0 for police
    std::string org_name;
    std::string org_kind;
};

struct Role {
    std::string code;
    std::string kind;   // admin | business
    std::string scope;  // unit | all
    bool totp_required = false;
    std::vector<std::string> permissions;
};

inline bool IsUnitKind(const std::string& k) {
    return k == "bureau" || k == "station" || k == "brigade" || k == "office";
}

}  // namespace jw::auth
