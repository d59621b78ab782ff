// Units and users (system administrator), roles, grants and policy (security administrator).
#include "admin/admin_module.hpp"
#include "admin/json_views.hpp"
#include "audit/audit_detail.hpp"
#include "auth/account_rules.hpp"
#include "auth/auth_repository.hpp"
#include "auth/external.hpp"
#include "auth/reference_cache.hpp"
#include "http/params.hpp"

namespace jw::admin {

using http::Reply;
using http::Request;

namespace {

// A user may only be placed in a live unit (a dissolved one keeps its row for history, ADR 0024).
Status UnitRefused(const Status& s) {
    if (s.code() == ErrorCode::kNotFound) return Status::Invalid("unit_id", "not_found");
    return s;  // unit_id=dissolved, or the connection's error
}

// Live units by default; `include_dissolved=1` adds the dissolved ones (with dissolved_at) for history pages.
Result<Reply> ListUnits(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(bool with_dissolved, http::QueryBool(req, "include_dissolved", false));
    // From the server's cache (ADR 0066): no database read on this hot path; the cache follows every change.
    auto& cache = auth::ReferenceCache::For(d.db);
    JW_ASSIGN_OR_RETURN(auto units, with_dissolved ? cache.Units() : cache.LiveUnits());
    Json items = Json::array();
    for (const auto& u : *units) items.push_back(UnitJson(u));
    return Reply::Json200({{"items", items}});
}

Result<Reply> CreateUnit(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"code", "name", "kind", "parent_id"});
    auth::Unit u;
    u.code = in.Text("code", true, 12).value_or("");
    u.name = in.Text("name", true, 40).value_or("");
    u.kind = in.Text("kind", true, 10).value_or("");
    auto parent = in.Int("parent_id", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    u.parent_id = parent;
    JW_RETURN_IF_ERROR(auth::ValidateUnit(u, parent.has_value()));
    u.region_code = u.code.substr(0, 6);
    Reply r;
    r.status = 201;
    r.write = [d, u](storage::Connection& c, audit::AuditEntry& e, Reply& out) mutable -> Status {
        if (u.parent_id) {
            auto parent = auth::repo::GetLiveUnit(c, *u.parent_id);
            if (!parent.ok())
                return Status::Invalid("parent_id",
                                       parent.status().code() == ErrorCode::kNotFound ? "not_found" : "dissolved");
        }
        auto id = auth::repo::InsertUnit(c, u, NowUnix());
        if (!id.ok())
            return id.status().code() == ErrorCode::kConflict ? Status::Invalid("code", "duplicate") : id.status();
        u.id = *id;
        e.object = "unit:" + std::to_string(u.id);
        d.sessions.Invalidate();  // the unit list and the scopes of the parent unit's officers
        out.body = UnitJson(u);
        return Status::Ok();
    };
    return r;
}

Result<Reply> UpdateUnit(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"name", "kind"});
    auto name = in.Text("name", true, 40);
    auto kind = in.Text("kind", true, 10);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "unit:" + std::to_string(id);
    r.write = [d, id, name = *name, kind = *kind](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auth::Unit u, auth::repo::GetUnit(c, id));
        u.name = name;
        u.kind = kind;
        JW_RETURN_IF_ERROR(auth::ValidateUnit(u, u.parent_id.has_value()));
        JW_RETURN_IF_ERROR(auth::repo::UpdateUnit(c, u));
        d.sessions.Invalidate();  // the unit list (names shown from it)
        out.body = UnitJson(u);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ListUsers(Deps d, Request& req) {
    auth::repo::UserQuery q;
    JW_RETURN_IF_ERROR(req.Paging(&q.page, &q.page_size));
    q.q = req.Query("q");
    JW_ASSIGN_OR_RETURN(q.status, http::QueryEnum(req, "status", {"active", "locked", "disabled"}));
    JW_ASSIGN_OR_RETURN(q.unit_id, http::QueryId(req, "unit_id"));
    if (!req.principal->all_units) q.unit_scope = req.principal->unit_scope;  // data scope, in one place
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, auth::repo::ListUsers(**c, q));
    Json items = Json::array();
    for (const auto& u : page.first) items.push_back(UserJson(u));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "users?q=" + q.q;
    return r;
}

// The unmasked phone number of a colleague: personal data, so a purpose and a case number are required
// (the dispatcher checks and audits them because the route is marked needs_purpose).
Result<Reply> UserContact(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auth::User u, auth::repo::GetUser(**c, id));
    if (!req.principal->SeesUnit(u.unit_id)) return Status::NotFound("user");
    Reply r = Reply::Json200({{"id", u.id}, {"name", u.name}, {"phone", u.phone}});
    r.audit_object = "user:" + std::to_string(id);
    return r;
}

Result<Reply> CreateUser(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"username", "police_no", "name", "unit_id", "phone"});
    auth::User u;
    u.username = in.Text("username", true, 32).value_or("");
    u.police_no = in.Text("police_no", true, 8).value_or("");
    u.name = in.Text("name", true, 20).value_or("");
    u.unit_id = in.Int("unit_id", true, 1, INT64_MAX).value_or(0);
    u.phone = in.Text("phone", true, 20).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    JW_RETURN_IF_ERROR(auth::ValidateNewUser(u));
    const std::string initial = auth::GeneratePassword();
    u.password_hash = auth::HashPassword(initial);
    u.status = "active";
    u.must_change_password = true;
    Reply r;
    r.status = 201;
    r.write = [u, initial](storage::Connection& c, audit::AuditEntry& e, Reply& out) mutable -> Status {
        if (auto unit = auth::repo::GetLiveUnit(c, u.unit_id); !unit.ok()) return UnitRefused(unit.status());
        if (auth::repo::GetUserByUsername(c, u.username).ok()) return Status::Invalid("username", "duplicate");
        auto id = auth::repo::InsertUser(c, u, NowUnix());
        if (!id.ok())
            return id.status().code() == ErrorCode::kConflict ? Status::Invalid("police_no", "duplicate") : id.status();
        e.object = "user:" + std::to_string(*id);
        JW_ASSIGN_OR_RETURN(auth::User created, auth::repo::GetUser(c, *id));
        out.body = {{"user", UserJson(created)}, {"initial_password", initial}};
        return Status::Ok();
    };
    return r;
}

// One handler for the account state changes, which differ only in the status they set.
Result<Reply> SetStatus(Deps d, Request& req, std::string status, std::vector<std::string> from) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    if (id == req.principal->user_id) return Status::Invalid("id", "cannot_change_own_account");
    Reply r;
    r.audit_object = "user:" + std::to_string(id);
    r.write = [d, id, status, from](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auth::User before, auth::repo::GetUser(c, id));
        // Each route moves only between its own two states, so the security administrator's unlock cannot
        // re-enable an account the system administrator disabled, nor enable unlock a locked one (ADR 0045).
        // An account locked by failed logins is still "active" with a lock time; unlocking it ends that lock.
        const std::string state =
            before.status == "active" && before.locked_until > NowUnix() ? std::string("locked") : before.status;
        if (std::find(from.begin(), from.end(), state) == from.end())
            return Status::Invalid("status", "not_" + std::string(from.front()));
        JW_RETURN_IF_ERROR(d.sessions.SetAccountStatus(c, id, status));
        e.detail = audit::EventDetail(
            MessageCode("audit.detail.status_changed"),
            {{"username", before.username}, {"name", before.name}, {"before", before.status}, {"after", status}},
            {{"before", before.status}, {"after", status}});
        JW_ASSIGN_OR_RETURN(auth::User u, auth::repo::GetUser(c, id));
        out.body = UserJson(u);
        return Status::Ok();
    };
    return r;
}

Result<Reply> UpdateUser(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"name", "unit_id", "phone"});
    auto name = in.Text("name", true, 20);
    auto unit_id = in.Int("unit_id", true, 1, INT64_MAX);
    auto phone = in.Text("phone", false, 20);  // absent: unchanged (the list only shows it masked)
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "user:" + std::to_string(id);
    r.write = [d, id, name = *name, unit_id = *unit_id, phone](storage::Connection& c, audit::AuditEntry&,
                                                               Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auth::User u, auth::repo::GetUser(c, id));
        u.name = name;
        u.unit_id = unit_id;
        if (phone) u.phone = *phone;
        JW_RETURN_IF_ERROR(auth::ValidateNewUser(u));
        if (auto unit = auth::repo::GetLiveUnit(c, unit_id); !unit.ok()) return UnitRefused(unit.status());
        JW_RETURN_IF_ERROR(auth::repo::UpdateUserProfile(c, u));
        d.sessions.Invalidate();
        JW_ASSIGN_OR_RETURN(auth::User updated, auth::repo::GetUser(c, id));
        out.body = UserJson(updated);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ResetPassword(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    const std::string initial = auth::GeneratePassword();
    const std::string hash = auth::HashPassword(initial);
    Reply r = Reply::Json200({{"initial_password", initial}});
    r.audit_object = "user:" + std::to_string(id);
    r.write = [d, id, hash](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        JW_RETURN_IF_ERROR(auth::repo::GetUser(c, id).status());
        JW_RETURN_IF_ERROR(auth::repo::SetPassword(c, id, hash, true, NowUnix()));
        JW_RETURN_IF_ERROR(auth::repo::DeleteUserSessions(c, id));
        d.sessions.Invalidate();
        return Status::Ok();
    };
    return r;
}

Result<Reply> AssignRoles(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"roles"});
    auto roles = in.TextList("roles", true, 20, 40);
    JW_RETURN_IF_ERROR(in.status());
    if (id == req.principal->user_id) return Status::Invalid("id", "cannot_change_own_account");
    Reply r;
    r.audit_object = "user:" + std::to_string(id);
    r.write = [d, id, roles = *roles](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto known, auth::repo::ListRoles(c));
        JW_RETURN_IF_ERROR(auth::ValidateRoleSet(roles, known));
        JW_ASSIGN_OR_RETURN(auth::User before, auth::repo::GetUser(c, id));
        // Police roles for police accounts, the organisation kind's roles for external ones (ADR 0051).
        JW_RETURN_IF_ERROR(auth::CheckAccountRoles(before.org_kind, roles));
        JW_RETURN_IF_ERROR(auth::repo::SetUserRoles(c, id, roles));
        std::vector<std::string> after = roles;
        std::sort(after.begin(), after.end());
        after.erase(std::unique(after.begin(), after.end()), after.end());
        // Before and after, so the auditor sees what changed (not only the new list).
        e.detail = audit::EventDetail(MessageCode("audit.detail.roles_changed"),
                                      {{"username", before.username}, {"name", before.name}},
                                      {{"before", before.roles}, {"after", after}});
        d.sessions.Invalidate();
        JW_ASSIGN_OR_RETURN(auth::User u, auth::repo::GetUser(c, id));
        out.body = UserJson(u);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ListRoles(Deps d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto roles, auth::repo::ListRoles(**c));
    Json items = Json::array();
    for (const auto& r : roles) items.push_back(RoleJson(r));
    return Reply::Json200({{"items", items}});
}

Result<Reply> ListPermissions(Deps d, Request&) {
    Json items = Json::array();
    for (const auto& [code, info] : d.registry.permissions()) {
        items.push_back({{"code", code},
                         {"module", info.module},
                         {"admin_role", info.admin_roles.empty() ? Json(nullptr) : Json(*info.admin_roles.begin())}});
    }
    return Reply::Json200({{"items", items}});
}

Result<Reply> UpdateRole(Deps d, Request& req) {
    const std::string code = req.params.at("code");
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"permissions", "totp_required", "scope"});
    auth::Role role;
    role.code = code;
    role.permissions = in.TextList("permissions", true, 500, 60).value_or(std::vector<std::string>{});
    role.totp_required = in.Bool("totp_required", true).value_or(false);
    role.scope = in.Text("scope", true, 10).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    JW_RETURN_IF_ERROR(auth::ValidateRoleGrant(role, d.registry));
    Reply r;
    r.audit_object = "role:" + code;
    r.write = [d, role](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto known, auth::repo::ListRoles(c));
        auto it = std::find_if(known.begin(), known.end(), [&](const auth::Role& k) { return k.code == role.code; });
        if (it == known.end()) return Status::NotFound("role");
        auth::Role updated = role;
        updated.kind = it->kind;
        std::vector<std::string> before = it->permissions, after = role.permissions;
        std::sort(before.begin(), before.end());
        std::sort(after.begin(), after.end());
        after.erase(std::unique(after.begin(), after.end()), after.end());
        e.detail =
            audit::EventDetail(MessageCode("audit.detail.role_permissions_changed"), {{"role", role.code}},
                               {{"before", before},
                                {"after", after},
                                {"scope", {{"before", it->scope}, {"after", role.scope}}},
                                {"totp_required", {{"before", it->totp_required}, {"after", role.totp_required}}}});
        JW_RETURN_IF_ERROR(auth::repo::UpsertRole(c, updated));
        d.sessions.Invalidate();
        out.body = RoleJson(updated);
        return Status::Ok();
    };
    return r;
}

Json PolicyJson(const auth::PasswordPolicy& p) {
    return {{"min_length", p.min_length},     {"min_classes", p.min_classes},   {"max_age_days", p.max_age_days},
            {"history", p.history},           {"max_failures", p.max_failures}, {"lock_minutes", p.lock_minutes},
            {"idle_minutes", p.idle_minutes}, {"min_age_days", p.min_age_days}};
}

Result<Reply> GetPolicy(Deps d, Request&) { return Reply::Json200(PolicyJson(d.sessions.Policy())); }

Result<Reply> SetPolicy(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"min_length", "min_classes", "max_age_days", "history", "max_failures", "lock_minutes",
                         "idle_minutes", "min_age_days"});
    auth::PasswordPolicy p;
    p.min_length = static_cast<int>(in.Int("min_length", true, 0, 1000).value_or(0));
    p.min_classes = static_cast<int>(in.Int("min_classes", true, 0, 1000).value_or(0));
    p.max_age_days = static_cast<int>(in.Int("max_age_days", true, 0, 1000).value_or(0));
    p.history = static_cast<int>(in.Int("history", true, 0, 1000).value_or(0));
    p.max_failures = static_cast<int>(in.Int("max_failures", true, 0, 1000).value_or(0));
    p.lock_minutes = static_cast<int>(in.Int("lock_minutes", true, 0, 100000).value_or(0));
    p.idle_minutes = static_cast<int>(in.Int("idle_minutes", true, 0, 1000).value_or(0));
    // Optional, for clients that predate it: absent keeps the current value.
    p.min_age_days =
        static_cast<int>(in.Int("min_age_days", false, 0, 1000).value_or(d.sessions.Policy().min_age_days));
    JW_RETURN_IF_ERROR(in.status());
    JW_RETURN_IF_ERROR(auth::CheckPolicyFloor(p));
    Reply r = Reply::Json200(PolicyJson(p));
    r.audit_object = "policy";
    r.audit_detail = PolicyJson(p).dump();
    r.write = [d, p](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        JW_RETURN_IF_ERROR(auth::repo::SetPolicy(c, p));
        d.sessions.Invalidate();
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterIdentityRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/units", "unit.read", "unit.list", [d](Request& r) { return ListUnits(d, r); }});
    router.Add({"POST", "/api/v1/units", "unit.write", "unit.create", [d](Request& r) { return CreateUnit(d, r); }});
    router.Add({"PUT", "/api/v1/units/:id", "unit.write", "unit.update", [d](Request& r) { return UpdateUnit(d, r); }});
    router.Add({"GET", "/api/v1/users", "user.read", "user.list", [d](Request& r) { return ListUsers(d, r); }});
    router.Add({"GET", "/api/v1/users/:id/contact", "user.read", "user.read_contact",
                [d](Request& r) { return UserContact(d, r); }, false, true});
    router.Add({"POST", "/api/v1/users", "user.write", "user.create", [](Request& r) { return CreateUser(r); }});
    router.Add({"PUT", "/api/v1/users/:id", "user.write", "user.update", [d](Request& r) { return UpdateUser(d, r); }});
    // Locking and unlocking is the security administrator's (user.lock), disabling and enabling an account the
    // system administrator's (user.write): 等保 level 3 separation, ADR 0045.
    struct StatusRoute {
        const char* verb;
        const char* status;
        const char* permission;
        std::vector<std::string> from;  // the states it applies to
    };
    const StatusRoute status_routes[] = {{"lock", "locked", "user.lock", {"active"}},
                                         {"unlock", "active", "user.lock", {"locked"}},
                                         {"disable", "disabled", "user.write", {"active", "locked"}},
                                         {"enable", "active", "user.write", {"disabled"}}};
    for (const StatusRoute& s : status_routes) {
        const std::string status = s.status;
        router.Add({"POST", std::string("/api/v1/users/:id/") + s.verb, s.permission, std::string("user.") + s.verb,
                    [d, status, from = s.from](Request& r) { return SetStatus(d, r, status, from); }});
    }
    router.Add({"POST", "/api/v1/users/:id/reset-password", "user.write", "user.reset_password",
                [d](Request& r) { return ResetPassword(d, r); }});
    router.Add({"PUT", "/api/v1/users/:id/roles", "role.assign", "user.assign_roles",
                [d](Request& r) { return AssignRoles(d, r); }});
    router.Add({"GET", "/api/v1/roles", "role.read", "role.list", [d](Request& r) { return ListRoles(d, r); }});
    router.Add(
        {"PUT", "/api/v1/roles/:code", "role.write", "role.update", [d](Request& r) { return UpdateRole(d, r); }});
    router.Add({"GET", "/api/v1/permissions", "role.read", "permission.list",
                [d](Request& r) { return ListPermissions(d, r); }});
    router.Add({"GET", "/api/v1/policy", "policy.read", "policy.read", [d](Request& r) { return GetPolicy(d, r); }});
    router.Add({"PUT", "/api/v1/policy", "policy.write", "policy.update", [d](Request& r) { return SetPolicy(d, r); }});
}

}  // namespace jw::admin
