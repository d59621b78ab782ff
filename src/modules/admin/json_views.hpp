#pragma once
// JSON views of identity structs as the API returns them (personal data masked).

#include "auth/identity.hpp"
#include "auth/principal.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "common/validators.hpp"

namespace jw::admin {

inline Json TimeOrNull(int64_t t) { return t > 0 ? Json(FormatUtcIso(t)) : Json(nullptr); }

inline Json UserJson(const auth::User& u) {
    return {{"id", u.id},
            {"username", u.username},
            {"police_no", u.police_no},
            {"name", u.name},
            {"unit_id", u.unit_id},
            {"unit_name", u.unit_name},
            {"roles", u.roles},
            {"phone", MaskPhone(u.phone)},
            {"status", u.status},
            {"totp_enabled", u.totp_enabled},
            {"last_login_at", TimeOrNull(u.last_login_at)},
            // The successful login before the current one: what "上次登录" means to the user who just logged in.
            {"previous_login_at", TimeOrNull(u.prev_login_at)},
            {"previous_login_ip", u.prev_login_at > 0 ? Json(u.prev_login_ip) : Json(nullptr)},
            {"created_at", TimeOrNull(u.created_at)}};
}

inline Json UnitJson(const auth::Unit& u) {
    return {{"id", u.id},
            {"code", u.code},
            {"name", u.name},
            {"kind", u.kind},
            {"parent_id", u.parent_id ? Json(*u.parent_id) : Json(nullptr)},
            {"region_code", u.region_code},
            {"dissolved_at", u.dissolved_at ? Json(FormatUtcIso(u.dissolved_at)) : Json(nullptr)}};
}

inline Json RoleJson(const auth::Role& r) {
    return {{"code", r.code},   {"name_key", "roles." + r.code},    {"kind", r.kind},
            {"scope", r.scope}, {"totp_required", r.totp_required}, {"permissions", r.permissions}};
}

}  // namespace jw::admin
