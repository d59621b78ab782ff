#pragma once
// The platform's own administration module: session endpoints (login, logout, password, TOTP), units,
// users, roles and policy for the system and security administrators, audit search / export / verify for
// the audit administrator, and the user's notifications. Routes are listed in docs/http_api.md.

#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/permission_registry.hpp"
#include "auth/session_service.hpp"
#include "http/router.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace jw::admin {

struct Deps {
    storage::Database& db;
    auth::SessionService& sessions;
    const auth::PermissionRegistry& registry;
    notify::Outbox& outbox;
    std::string version;
    std::string county_name;
    std::string region_code;
    // The audit log, for verification with its key and anchor file (ADR 0015); required by the audit routes.
    const audit::AuditLog* audit = nullptr;
    bool secure_cookies = true;  // session cookies carry Secure (the server is reached over TLS)
};

// Actions whose handlers run argon2 (login, password change and reset, turning TOTP off): the dispatcher runs
// them on its bounded hashing pool, never on a network thread.
inline const std::vector<std::string>& HashingActions() {
    static const std::vector<std::string> actions = {"session.login", "session.password", "session.totp_disable",
                                                     "user.create", "user.reset_password"};
    return actions;
}

void RegisterSessionRoutes(http::Router& router, Deps deps);
void RegisterIdentityRoutes(http::Router& router, Deps deps);
void RegisterAuditRoutes(http::Router& router, Deps deps);
// The to-do centre and the inbox's repeats (todo_handlers.cpp, issue 13).
void RegisterTodoRoutes(http::Router& router, Deps deps);
Result<http::Reply> CollapsedNotifications(Deps d, http::Request& req, bool unread, int page, int page_size);
inline void RegisterRoutes(http::Router& router, Deps deps) {
    RegisterSessionRoutes(router, deps);
    RegisterIdentityRoutes(router, deps);
    RegisterAuditRoutes(router, deps);
    RegisterTodoRoutes(router, deps);
}

}  // namespace jw::admin
