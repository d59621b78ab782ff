// Session endpoints: login, current session, logout, password change, TOTP enrolment.
#include "admin/admin_module.hpp"
#include "admin/json_views.hpp"
#include "audit/audit_detail.hpp"
#include "auth/auth_repository.hpp"
#include "auth/totp.hpp"
#include "common/crypto.hpp"
#include "docs/qr.hpp"
#include "http/dispatcher.hpp"
#include "http/error_table.hpp"
#include "notify/outbox.hpp"

namespace jw::admin {

using http::Reply;
using http::Request;

namespace {

Json SessionJson(const auth::Principal& p, const auth::User& u, int idle_minutes) {
    Json user = UserJson(u);
    if (p.org_id != 0) {
        // An account of an organisation outside the police (ADR 0051): the header names its organisation.
        user["org_id"] = p.org_id;
        user["org_name"] = p.org_name;
        user["org_kind"] = p.org_kind;
    }
    return {{"user", user},
            {"csrf_token", p.csrf_token},
            {"must_change_password", p.must_change_password},
            {"totp_enrolment_required", p.totp_enrolment_required},
            {"permissions", p.permissions},
            {"idle_timeout_s", idle_minutes * 60}};
}

Result<Reply> CurrentSession(Deps d, const auth::Principal& p) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    auto u = auth::repo::GetUser(**c, p.user_id);
    if (!u.ok()) return u.status();
    Reply r = Reply::Json200(SessionJson(p, *u, d.sessions.Policy().idle_minutes));
    r.audit_object = "user:" + std::to_string(p.user_id);
    return r;
}

// The failure that locks an account is worth a security administrator's attention (brute force).
Status NotifyIfLockedOut(storage::Connection& c, int64_t user_id, const std::string& username, int64_t now,
                         audit::AuditEntry& e) {
    JW_ASSIGN_OR_RETURN(auth::User u, auth::repo::GetUser(c, user_id));
    if (u.locked_until <= now) return Status::Ok();
    e.detail = audit::EventDetail(MessageCode("audit.detail.locked_out"), {{"until", FormatChinaTime(u.locked_until)}});
    JW_ASSIGN_OR_RETURN(auto admins, auth::repo::ActiveUsersWithRole(c, "sec_admin"));
    for (int64_t admin : admins) {
        notify::Notification n;
        n.user_id = admin;
        n.kind = "security";
        n.code = MessageCode("auth.account_locked");
        n.params = {{"username", username}, {"name", u.name}, {"locked_until", FormatChinaTime(u.locked_until)}};
        JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
    }
    return Status::Ok();
}

Result<Reply> Login(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"username", "password", "totp"});
    auto username = in.Text("username", true, 32);
    auto password = in.Text("password", true, 128);
    auto totp = in.Text("totp", false, 6);
    JW_RETURN_IF_ERROR(in.status());
    const int64_t now = NowUnix();
    auto verdict =
        std::make_shared<auth::LoginVerdict>(d.sessions.CheckLogin(*username, *password, totp.value_or(""), now));
    Reply r;
    r.audit_object = "user:" + *username;
    r.write = [d, verdict, now, username = *username, client = req.client, rid = req.request_id,
               lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry& e,
                                                      Reply& out) -> Status {
        e.username = username;
        e.user_id = verdict->user_id;
        e.unit = verdict->unit_code;
        auth::NewSession session;
        JW_RETURN_IF_ERROR(d.sessions.ApplyLogin(c, *verdict, client, now, &session));
        if (verdict->locked_now) JW_RETURN_IF_ERROR(NotifyIfLockedOut(c, verdict->user_id, username, now, e));
        if (!verdict->status.ok()) {
            // Refusals are recorded (and counted) rather than rolled back, so the reply is the error.
            e.result = audit::ResultOf(verdict->status);
            e.detail = audit::FailureDetail(verdict->status);
            out.status = http::HttpStatusFor(verdict->status.code());
            out.body = http::ErrorBody(verdict->status, rid, lang);
            return Status::Ok();
        }
        for (const auto& cookie : http::SessionCookies(session.token, session.csrf_token, d.secure_cookies))
            out.headers.emplace_back("Set-Cookie", cookie);
        auto principal = d.sessions.BuildPrincipal(c, verdict->user_id, now);
        auto user = auth::repo::GetUser(c, verdict->user_id);
        if (!principal.ok()) return principal.status();
        if (!user.ok()) return user.status();
        principal->csrf_token = session.csrf_token;
        out.body = SessionJson(*principal, *user, d.sessions.Policy().idle_minutes);
        return Status::Ok();
    };
    return r;
}

Result<Reply> Logout(Deps d, Request& req) {
    Reply r = Reply::NoContent();
    const auth::Principal p = *req.principal;
    for (const auto& cookie : http::ClearedSessionCookies(d.secure_cookies))
        r.headers.emplace_back("Set-Cookie", cookie);
    r.write = [d, p](storage::Connection& c, audit::AuditEntry&, Reply&) { return d.sessions.Logout(c, p); };
    return r;
}

Result<Reply> ChangePassword(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"old_password", "new_password"});
    auto old_pw = in.Text("old_password", true, 128);
    auto new_pw = in.Text("new_password", true, 128);
    JW_RETURN_IF_ERROR(in.status());
    JW_ASSIGN_OR_RETURN(std::string hash,
                        d.sessions.PreparePasswordChange(*req.principal, *old_pw, *new_pw, NowUnix()));
    Reply r = Reply::NoContent();
    const int64_t user_id = req.principal->user_id;
    r.audit_object = "user:" + std::to_string(user_id);
    r.write = [d, hash, user_id, keep = req.principal->session_hash](storage::Connection& c, audit::AuditEntry&,
                                                                     Reply&) -> Status {
        JW_RETURN_IF_ERROR(auth::repo::SetPassword(c, user_id, hash, false, NowUnix(), true));
        // Whoever else held a session with the old password loses it; the one that changed it stays.
        JW_RETURN_IF_ERROR(auth::repo::DeleteOtherSessions(c, user_id, keep));
        d.sessions.Invalidate();
        return Status::Ok();
    };
    return r;
}

Result<Reply> EnrollTotp(Deps d, Request& req) {
    const std::string secret = RandomBytes(20);
    const std::string uri = auth::OtpauthUri(req.principal->username, secret);
    JW_ASSIGN_OR_RETURN(std::string svg, docs::QrSvg(uri));
    Reply r = Reply::Json200({{"secret", Base32Encode(secret)}, {"otpauth_uri", uri}, {"qr_svg", svg}});
    const int64_t user_id = req.principal->user_id;
    const std::string stored = d.sessions.EncryptSecret(secret);
    r.audit_object = "user:" + std::to_string(user_id);
    r.write = [user_id, stored](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        auto u = auth::repo::GetUser(c, user_id);
        if (!u.ok()) return u.status();
        return auth::repo::SetTotp(c, user_id, u->totp_secret, u->totp_enabled, stored);
    };
    return r;
}

Result<Reply> ConfirmTotp(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"code"});
    auto code = in.Text("code", true, 6);
    JW_RETURN_IF_ERROR(in.status());
    JW_ASSIGN_OR_RETURN(auto confirmed, d.sessions.CheckTotpConfirmation(*req.principal, *code, NowUnix()));
    Reply r = Reply::NoContent();
    const int64_t user_id = req.principal->user_id;
    r.audit_object = "user:" + std::to_string(user_id);
    r.write = [d, user_id, confirmed](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        // The confirming code's step counts as used: it cannot log in afterwards.
        JW_RETURN_IF_ERROR(auth::repo::ActivateTotp(c, user_id, confirmed.first, confirmed.second));
        d.sessions.Invalidate();
        return Status::Ok();
    };
    return r;
}

// Turning the second factor off needs the password again, and is refused while a role requires it.
Result<Reply> DisableTotp(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"password"});
    auto password = in.Text("password", true, 128);
    JW_RETURN_IF_ERROR(in.status());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auth::User user, auth::repo::GetUser(**c, req.principal->user_id));
    if (!auth::VerifyPassword(user.password_hash, *password)) return Status::Invalid("password", "wrong_password");
    JW_ASSIGN_OR_RETURN(auto roles, auth::repo::ListRoles(**c));
    for (const auto& role : roles) {
        const bool held = std::find(user.roles.begin(), user.roles.end(), role.code) != user.roles.end();
        if (held && role.totp_required) return Status::Denied("a role of this account requires a second factor");
    }
    Reply r = Reply::NoContent();
    const int64_t user_id = user.id;
    r.audit_object = "user:" + std::to_string(user_id);
    r.write = [d, user_id](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        JW_RETURN_IF_ERROR(auth::repo::SetTotp(c, user_id, "", false, ""));
        d.sessions.Invalidate();
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterSessionRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/meta", "public", "meta.read",
                [d](Request&) -> Result<Reply> {
                    return Reply::Json200({{"version", d.version},
                                           {"county", {{"name", d.county_name}, {"region_code", d.region_code}}}});
                },
                true});
    router.Add({"POST", "/api/v1/session", "public", "session.login", [d](Request& r) { return Login(d, r); }, true});
    router.Add({"GET", "/api/v1/session", "", "session.read",
                [d](Request& r) { return CurrentSession(d, *r.principal); }, true});
    router.Add({"DELETE", "/api/v1/session", "", "session.logout", [d](Request& r) { return Logout(d, r); }, true});
    router.Add({"PUT", "/api/v1/session/password", "", "session.password",
                [d](Request& r) { return ChangePassword(d, r); }, true});
    router.Add({"POST", "/api/v1/session/totp/enroll", "", "session.totp_enroll",
                [d](Request& r) { return EnrollTotp(d, r); }, true});
    router.Add({"POST", "/api/v1/session/totp/confirm", "", "session.totp_confirm",
                [d](Request& r) { return ConfirmTotp(d, r); }, true});
    router.Add({"DELETE", "/api/v1/session/totp", "", "session.totp_disable",
                [d](Request& r) { return DisableTotp(d, r); }, true});
}

}  // namespace jw::admin
