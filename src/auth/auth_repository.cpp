#include "auth/auth_repository.hpp"

#include <algorithm>
#include <map>

#include "storage/in_list.hpp"

namespace jw::auth::repo {

using storage::Null;
using storage::Row;
using storage::V;

namespace {
constexpr const char* kUserColumns =
    "u.id, u.username, u.police_no, u.name, u.unit_id, n.name, u.phone, u.status, u.password_hash, "
    "u.password_changed_at, u.must_change_password, u.failed_logins, u.locked_until, u.totp_secret, "
    "u.totp_enabled, u.totp_pending, u.last_totp_step, u.last_login_at, u.created_at, "
    "u.last_login_ip, u.prev_login_at, u.prev_login_ip, u.org_id, o.name, o.kind";
// The user columns' tables: an external account's organisation joined when it has one.
constexpr const char* kUserFrom =
    " FROM users u JOIN units n ON n.id = u.unit_id LEFT JOIN organisations o ON o.id = u.org_id";

User UserFromRow(const Row& r) {
    User u;
    u.id = r.Int(0);
    u.username = r.Str(1);
    u.police_no = r.Str(2);
    u.name = r.Str(3);
    u.unit_id = r.Int(4);
    u.unit_name = r.Str(5);
    u.phone = r.Str(6);
    u.status = r.Str(7);
    u.password_hash = r.Str(8);
    u.password_changed_at = r.Int(9);
    u.must_change_password = r.Bool(10);
    u.failed_logins = static_cast<int>(r.Int(11));
    u.locked_until = r.Int(12);
    u.totp_secret = r.Str(13);
    u.totp_enabled = r.Bool(14);
    u.totp_pending = r.Str(15);
    u.last_totp_step = r.Int(16);
    u.last_login_at = r.Int(17);
    u.created_at = r.Int(18);
    u.last_login_ip = r.Str(19);
    u.prev_login_at = r.Int(20);
    u.prev_login_ip = r.Str(21);
    if (!r.IsNull(22)) {
        u.org_id = r.Int(22);
        u.org_name = r.Str(23);
        u.org_kind = r.Str(24);
    }
    return u;
}

Status LoadRoles(Connection& c, std::vector<User>& users) {
    std::vector<int64_t> ids;
    std::map<int64_t, User*> by_id;
    for (auto& u : users) {
        ids.push_back(u.id);
        by_id[u.id] = &u;
    }
    auto rows =
        storage::QueryIn(c, "SELECT user_id, role_code FROM user_roles WHERE user_id IN @IDS@ ORDER BY role_code", ids);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) by_id[r.Int(0)]->roles.push_back(r.Str(1));
    return Status::Ok();
}

Result<User> OneUser(Connection& c, const std::string& where, const storage::Params& params) {
    auto rows = c.Query(std::string("SELECT ") + kUserColumns + kUserFrom + " WHERE " + where, params);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("user");
    std::vector<User> users{UserFromRow(rows->front())};
    JW_RETURN_IF_ERROR(LoadRoles(c, users));
    return users.front();
}

constexpr const char* kUnitColumns = "id, code, name, kind, parent_id, region_code, sort_order, dissolved_at";

Unit UnitFromRow(const Row& r) {
    Unit u{r.Int(0), r.Str(1), r.Str(2), r.Str(3), std::nullopt, r.Str(5), static_cast<int>(r.Int(6))};
    if (!r.IsNull(4)) u.parent_id = r.Int(4);
    if (!r.IsNull(7)) u.dissolved_at = r.Int(7);
    return u;
}

Result<std::vector<Unit>> QueryUnits(Connection& c, const char* where, const char* order_by) {
    auto rows = c.Query(std::string("SELECT ") + kUnitColumns + " FROM units" + where + " ORDER BY " + order_by);
    if (!rows.ok()) return rows.status();
    std::vector<Unit> out;
    for (const auto& r : *rows) out.push_back(UnitFromRow(r));
    return out;
}

}  // namespace

Result<std::vector<int64_t>> UsersWithPermission(Connection& c, const std::string& permission,
                                                 const std::optional<std::vector<int64_t>>& unit_ids) {
    std::string sql =
        "SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id "
        "JOIN role_permissions rp ON rp.role_code = ur.role_code WHERE rp.permission = ? AND u.status = 'active'";
    storage::Params params{V(permission)};
    if (unit_ids) sql += " AND " + storage::InFilter(c.dialect(), "u.unit_id", *unit_ids, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY u.id", params));
    std::vector<int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.Int(0));
    return ids;
}

Result<std::vector<Unit>> ListUnits(Connection& c) { return QueryUnits(c, "", "code"); }

Result<std::vector<Unit>> ListLiveUnits(Connection& c) { return QueryUnits(c, " WHERE dissolved_at IS NULL", "code"); }

Result<std::vector<Unit>> ListUnitsInDisplayOrder(Connection& c) {
    return QueryUnits(c, " WHERE dissolved_at IS NULL", "sort_order, id");
}

Result<Unit> GetUnit(Connection& c, int64_t id) {
    auto r = c.QueryOne(std::string("SELECT ") + kUnitColumns + " FROM units WHERE id = ?", {V(id)});
    if (!r.ok()) return r.status().code() == ErrorCode::kNotFound ? Status::NotFound("unit") : r.status();
    return UnitFromRow(*r);
}

Result<Unit> GetLiveUnit(Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(Unit u, GetUnit(c, id));
    if (u.dissolved_at) return Status::Invalid("unit_id", "dissolved");
    return u;
}

Result<int64_t> InsertUnit(Connection& c, const Unit& u, int64_t now) {
    auto r = c.QueryOne(
        "INSERT INTO units (code, name, kind, parent_id, region_code, sort_order, created_at) VALUES (?, ?, ?, ?, ?, "
        "?, ?) "
        "RETURNING id",
        {V(u.code), V(u.name), V(u.kind), u.parent_id ? V(*u.parent_id) : Null(), V(u.region_code), V(u.sort_order),
         V(now)});
    if (!r.ok()) return r.status();
    return r->Int(0);
}

Status UpdateUnit(Connection& c, const Unit& u) {
    return c.Exec("UPDATE units SET name = ?, kind = ? WHERE id = ?", {V(u.name), V(u.kind), V(u.id)});
}

Result<std::pair<std::vector<User>, int64_t>> ListUsers(Connection& c, const UserQuery& q) {
    std::string where = "1 = 1";
    storage::Params params;
    if (!q.q.empty()) {
        where += " AND (u.name LIKE ? OR u.username LIKE ? OR u.police_no LIKE ?)";
        const std::string like = "%" + q.q + "%";
        params.insert(params.end(), {V(like), V(like), V(like)});
    }
    if (q.unit_id) {
        where += " AND u.unit_id = ?";
        params.push_back(V(*q.unit_id));
    }
    if (!q.status.empty()) {
        where += " AND u.status = ?";
        params.push_back(V(q.status));
    }
    if (q.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "u.unit_id", *q.unit_scope, params);
    // Police accounts only, unless the organisations are asked for (ADR 0051): external staff are listed by the
    // organisation pages, never among a unit's officers.
    if (q.org_ids)
        where += " AND " + storage::InFilter(c.dialect(), "u.org_id", *q.org_ids, params);
    else
        where += " AND u.org_id IS NULL";
    auto total = c.QueryOne("SELECT COUNT(*) FROM users u WHERE " + where, params);
    if (!total.ok()) return total.status();
    params.push_back(V(static_cast<int64_t>(q.page_size)));
    params.push_back(V(static_cast<int64_t>((q.page - 1) * q.page_size)));
    auto rows = c.Query(std::string("SELECT ") + kUserColumns + kUserFrom + " WHERE " + where +
                            " ORDER BY u.unit_id, u.police_no LIMIT ? OFFSET ?",
                        params);
    if (!rows.ok()) return rows.status();
    std::vector<User> users;
    for (const auto& r : *rows) users.push_back(UserFromRow(r));
    JW_RETURN_IF_ERROR(LoadRoles(c, users));
    return std::make_pair(std::move(users), total->Int(0));
}

Result<User> GetUser(Connection& c, int64_t id) { return OneUser(c, "u.id = ?", {V(id)}); }
Result<User> GetUserByUsername(Connection& c, const std::string& username) {
    return OneUser(c, "u.username = ?", {V(username)});
}

Result<int64_t> InsertUser(Connection& c, const User& u, int64_t now) {
    auto r = c.QueryOne(
        "INSERT INTO users (username, police_no, name, unit_id, phone, status, password_hash, password_changed_at, "
        "must_change_password, created_at, org_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {V(u.username), V(u.police_no), V(u.name), V(u.unit_id), V(u.phone), V(u.status), V(u.password_hash), V(now),
         V(u.must_change_password), V(now), u.org_id ? V(u.org_id) : Null()});
    if (!r.ok()) return r.status();
    const int64_t id = r->Int(0);
    JW_RETURN_IF_ERROR(c.Exec("INSERT INTO password_history (user_id, hash, changed_at) VALUES (?, ?, ?)",
                              {V(id), V(u.password_hash), V(now)}));
    return id;
}

Status UpdateUserProfile(Connection& c, const User& u) {
    return c.Exec("UPDATE users SET name = ?, unit_id = ?, phone = ? WHERE id = ?",
                  {V(u.name), V(u.unit_id), V(u.phone), V(u.id)});
}

Status SetUserStatus(Connection& c, int64_t id, const std::string& status, int64_t locked_until) {
    return c.Exec("UPDATE users SET status = ?, locked_until = ?, failed_logins = 0 WHERE id = ?",
                  {V(status), V(locked_until), V(id)});
}

Status SetPassword(Connection& c, int64_t id, const std::string& hash, bool must_change, int64_t now, bool by_user) {
    JW_RETURN_IF_ERROR(
        c.Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ? WHERE id = ?",
               {V(hash), V(now), V(must_change), V(id)}));
    return c.Exec("INSERT INTO password_history (user_id, hash, changed_at, by_user) VALUES (?, ?, ?, ?)",
                  {V(id), V(hash), V(now), V(by_user)});
}

Result<std::vector<PasswordHistoryEntry>> PasswordHistory(Connection& c, int64_t id, int limit) {
    auto rows = c.Query(
        "SELECT hash, changed_at, by_user FROM password_history WHERE user_id = ? AND changed_at >= COALESCE(("
        "SELECT changed_at FROM password_history WHERE user_id = ? ORDER BY changed_at DESC LIMIT 1 OFFSET ?), 0) "
        "ORDER BY changed_at DESC, by_user DESC",
        {V(id), V(id), V(static_cast<int64_t>(std::max(limit, 1) - 1))});
    if (!rows.ok()) return rows.status();
    std::vector<PasswordHistoryEntry> out;
    for (const auto& r : *rows) out.push_back({r.Str(0), r.Int(1), r.Bool(2)});
    return out;
}

Result<std::optional<int>> ReserveLoginAttempt(Connection& c, int64_t id, int max_failures, int64_t now,
                                               int64_t lock_until) {
    // SET expressions all see the old row, so the new count is spelled out twice.
    const std::string next = "(CASE WHEN locked_until > 0 OR failed_logins >= ? THEN 1 ELSE failed_logins + 1 END)";
    const int64_t max = max_failures;
    auto rows = c.Query("UPDATE users SET failed_logins = " + next + ", locked_until = CASE WHEN " + next +
                            " >= ? THEN ? ELSE 0 END WHERE id = ? AND locked_until <= ? RETURNING failed_logins",
                        {V(max), V(max), V(max), V(lock_until), V(id), V(now)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<int>();
    return std::optional<int>(static_cast<int>(rows->front().Int(0)));
}

Status RefundLoginAttempt(Connection& c, int64_t id, int max_failures) {
    return c.Exec(
        "UPDATE users SET failed_logins = CASE WHEN failed_logins > 0 THEN failed_logins - 1 ELSE 0 END, "
        "locked_until = CASE WHEN failed_logins - 1 < ? THEN 0 ELSE locked_until END WHERE id = ?",
        {V(static_cast<int64_t>(max_failures)), V(id)});
}

Result<bool> RecordLoginSuccess(Connection& c, int64_t id, int64_t now, int64_t totp_step, const std::string& client) {
    // The right-hand sides read the row as it was, so the login being replaced becomes the previous one.
    constexpr const char* kShift =
        "UPDATE users SET failed_logins = 0, locked_until = 0, prev_login_at = last_login_at, "
        "prev_login_ip = last_login_ip, last_login_at = ?, last_login_ip = ?";
    if (totp_step <= 0) {
        JW_RETURN_IF_ERROR(c.Exec(std::string(kShift) + " WHERE id = ?", {V(now), V(client), V(id)}));
        return true;
    }
    auto rows = c.Query(std::string(kShift) + ", last_totp_step = ? WHERE id = ? AND last_totp_step < ? RETURNING id",
                        {V(now), V(client), V(totp_step), V(id), V(totp_step)});
    if (!rows.ok()) return rows.status();
    return !rows->empty();
}

Result<std::vector<int64_t>> FindUserIds(Connection& c, const std::string& text, int limit) {
    const std::string like = "%" + text + "%";
    auto rows =
        c.Query("SELECT id FROM users WHERE name LIKE ? OR username LIKE ? OR police_no LIKE ? ORDER BY id LIMIT ?",
                {V(like), V(like), V(like), V(static_cast<int64_t>(limit))});
    if (!rows.ok()) return rows.status();
    std::vector<int64_t> ids;
    for (const auto& r : *rows) ids.push_back(r.Int(0));
    return ids;
}

Status SetTotp(Connection& c, int64_t id, const std::string& secret, bool enabled, const std::string& pending) {
    return c.Exec("UPDATE users SET totp_secret = ?, totp_enabled = ?, totp_pending = ? WHERE id = ?",
                  {V(secret), V(enabled), V(pending), V(id)});
}

Status ActivateTotp(Connection& c, int64_t id, const std::string& secret, int64_t step) {
    JW_RETURN_IF_ERROR(c.Exec("UPDATE users SET totp_secret = ?, totp_enabled = 1, totp_pending = '' WHERE id = ?",
                              {V(secret), V(id)}));
    return c.Exec("UPDATE users SET last_totp_step = ? WHERE id = ? AND last_totp_step < ?", {V(step), V(id), V(step)});
}

Status SetUserRoles(Connection& c, int64_t id, const std::vector<std::string>& roles) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM user_roles WHERE user_id = ?", {V(id)}));
    for (const auto& r : roles)
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)", {V(id), V(r)}));
    return Status::Ok();
}

Result<std::vector<int64_t>> ActiveUsersWithRole(Connection& c, const std::string& role) {
    auto rows = c.Query(
        "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role_code = ? AND u.status = 'active' "
        "ORDER BY u.id",
        {V(role)});
    if (!rows.ok()) return rows.status();
    std::vector<int64_t> out;
    for (const auto& r : *rows) out.push_back(r.Int(0));
    return out;
}

Result<std::vector<Role>> ListRoles(Connection& c) {
    auto rows = c.Query("SELECT code, kind, scope, totp_required FROM roles ORDER BY kind, code");
    if (!rows.ok()) return rows.status();
    auto perms = c.Query("SELECT role_code, permission FROM role_permissions ORDER BY permission");
    if (!perms.ok()) return perms.status();
    std::vector<Role> out;
    std::map<std::string, size_t> index;
    for (const auto& r : *rows) {
        index[r.Str(0)] = out.size();
        out.push_back(Role{r.Str(0), r.Str(1), r.Str(2), r.Bool(3), {}});
    }
    for (const auto& p : *perms) {
        auto it = index.find(p.Str(0));
        if (it != index.end()) out[it->second].permissions.push_back(p.Str(1));
    }
    return out;
}

Status UpsertRole(Connection& c, const Role& r) {
    JW_RETURN_IF_ERROR(c.Exec("UPDATE roles SET scope = ?, totp_required = ? WHERE code = ?",
                              {V(r.scope), V(r.totp_required), V(r.code)}));
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM role_permissions WHERE role_code = ?", {V(r.code)}));
    for (const auto& p : r.permissions)
        JW_RETURN_IF_ERROR(
            c.Exec("INSERT INTO role_permissions (role_code, permission) VALUES (?, ?)", {V(r.code), V(p)}));
    return Status::Ok();
}

Status EnsureRole(Connection& c, const Role& r) {
    auto existing = c.Query("SELECT 1 FROM roles WHERE code = ?", {V(r.code)});
    if (!existing.ok()) return existing.status();
    if (!existing->empty()) return Status::Ok();
    JW_RETURN_IF_ERROR(c.Exec("INSERT INTO roles (code, kind, scope, totp_required) VALUES (?, ?, ?, ?)",
                              {V(r.code), V(r.kind), V(r.scope), V(r.totp_required)}));
    for (const auto& p : r.permissions)
        JW_RETURN_IF_ERROR(
            c.Exec("INSERT INTO role_permissions (role_code, permission) VALUES (?, ?)", {V(r.code), V(p)}));
    return Status::Ok();
}

Result<PasswordPolicy> GetPolicy(Connection& c) {
    auto r = c.QueryOne(
        "SELECT min_length, min_classes, max_age_days, history, max_failures, lock_minutes, idle_minutes, min_age_days "
        "FROM policy WHERE singleton = 1");
    if (!r.ok()) return r.status();
    PasswordPolicy p;
    p.min_length = static_cast<int>(r->Int(0));
    p.min_classes = static_cast<int>(r->Int(1));
    p.max_age_days = static_cast<int>(r->Int(2));
    p.history = static_cast<int>(r->Int(3));
    p.max_failures = static_cast<int>(r->Int(4));
    p.lock_minutes = static_cast<int>(r->Int(5));
    p.idle_minutes = static_cast<int>(r->Int(6));
    p.min_age_days = static_cast<int>(r->Int(7));
    return p;
}

Status SetPolicy(Connection& c, const PasswordPolicy& p) {
    return c.Exec(
        "UPDATE policy SET min_length = ?, min_classes = ?, max_age_days = ?, history = ?, max_failures = ?, "
        "lock_minutes = ?, idle_minutes = ?, min_age_days = ? WHERE singleton = 1",
        {V(p.min_length), V(p.min_classes), V(p.max_age_days), V(p.history), V(p.max_failures), V(p.lock_minutes),
         V(p.idle_minutes), V(p.min_age_days)});
}

Status InsertSession(Connection& c, const SessionRow& s, const std::string& client, int64_t now) {
    return c.Exec(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, client, created_at, last_seen) VALUES (?, ?, ?, ?, ?, "
        "?)",
        {V(s.token_hash), V(s.user_id), V(s.csrf_token), V(client), V(now), V(now)});
}

Result<SessionRow> GetSession(Connection& c, const std::string& token_hash) {
    auto r = c.QueryOne("SELECT token_hash, user_id, csrf_token, last_seen FROM sessions WHERE token_hash = ?",
                        {V(token_hash)});
    if (!r.ok()) return r.status();
    return SessionRow{r->Str(0), r->Int(1), r->Str(2), r->Int(3)};
}

Status TouchSession(Connection& c, const std::string& token_hash, int64_t now) {
    return c.Exec("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", {V(now), V(token_hash)});
}

Status DeleteSession(Connection& c, const std::string& token_hash) {
    return c.Exec("DELETE FROM sessions WHERE token_hash = ?", {V(token_hash)});
}

Status DeleteUserSessions(Connection& c, int64_t user_id) {
    return c.Exec("DELETE FROM sessions WHERE user_id = ?", {V(user_id)});
}

Result<int64_t> UnitIdByCode(Connection& c, const std::string& code) {
    auto row = c.QueryOne("SELECT id FROM units WHERE code = ?", {V(code)});
    if (!row.ok()) return row.status();
    return row->Int(0);
}

Status DeleteIdleSessions(Connection& c, int64_t last_seen_before) {
    return c.Exec("DELETE FROM sessions WHERE last_seen < ?", {V(last_seen_before)});
}

Status DeleteOtherSessions(Connection& c, int64_t user_id, const std::string& keep_token_hash) {
    return c.Exec("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", {V(user_id), V(keep_token_hash)});
}

Result<bool> IsDemo(Connection& c) {
    auto r = c.QueryOne("SELECT demo FROM deployment WHERE singleton = 1");
    if (!r.ok()) return r.status();
    return r->Bool(0);
}

Status MarkDemo(Connection& c) { return c.Exec("UPDATE deployment SET demo = 1 WHERE singleton = 1"); }

Result<OrgRef> GetOrgRef(Connection& c, int64_t org_id) {
    auto r = c.QueryOne("SELECT name, kind, status FROM organisations WHERE id = ?", {V(org_id)});
    if (!r.ok()) return r.status().code() == ErrorCode::kNotFound ? Status::NotFound("organisation") : r.status();
    return OrgRef{r->Str(0), r->Str(1), r->Str(2)};
}

Result<std::vector<int64_t>> ChildOrgIds(Connection& c, int64_t org_id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id FROM organisations WHERE parent_id = ? ORDER BY id", {V(org_id)}));
    std::vector<int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.Int(0));
    return ids;
}

}  // namespace jw::auth::repo
