#include "auth/session_service.hpp"

#include <algorithm>
#include <map>

#include "auth/auth_repository.hpp"
#include "auth/external.hpp"
#include "auth/totp.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "storage/change_feed.hpp"

namespace jw::auth {

namespace {
constexpr int64_t kTouchEverySeconds = 60;  // last_seen is written at most this often per session
constexpr size_t kSweepAbove = 4096;        // cached sessions before idle ones are swept out
constexpr int64_t kRecheckSeconds = 30;     // a cached session is re-read from the database this often
// An argon2id hash of nothing in particular, with the parameters of real ones: checked for unknown names so
// that they cost the same time as a real account.
constexpr const char* kDummyHash =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA";
}  // namespace

bool Principal::SeesUnit(int64_t unit) const {
    return all_units || std::find(unit_scope.begin(), unit_scope.end(), unit) != unit_scope.end();
}

SessionService::SessionService(storage::Database& db, const PermissionRegistry& registry, std::string secret_key)
    : db_(db), registry_(registry), key_(std::move(secret_key)) {}

Status SessionService::SetAccountStatus(storage::Connection& c, int64_t user_id, const std::string& status) {
    JW_RETURN_IF_ERROR(repo::SetUserStatus(c, user_id, status, 0));
    if (status != "active") JW_RETURN_IF_ERROR(repo::DeleteUserSessions(c, user_id));
    Invalidate();
    return Status::Ok();
}

void SessionService::Invalidate() {
    {
        std::lock_guard lock(mu_);
        ++generation_;
        policy_.reset();
    }
    // The process's other caches (ReferenceCache) too; called inside a write job, it moves again after the commit.
    storage::BumpReferenceGeneration();
}

PasswordPolicy SessionService::Policy() {
    {
        std::lock_guard lock(mu_);
        if (policy_) return *policy_;
    }
    PasswordPolicy p;
    if (auto c = db_.Acquire(); c.ok()) {
        if (auto got = repo::GetPolicy(**c); got.ok()) p = *got;
    }
    std::lock_guard lock(mu_);
    policy_ = p;
    return p;
}

Result<Principal> SessionService::BuildPrincipal(storage::Connection& c, int64_t user_id, int64_t now) {
    auto user = repo::GetUser(c, user_id);
    if (!user.ok()) return Status(ErrorCode::kUnauthenticated, "session user is gone");
    if (user->status != "active") return Status(ErrorCode::kUnauthenticated, "account is not active");
    auto roles = repo::ListRoles(c);
    if (!roles.ok()) return roles.status();
    auto units = repo::ListUnits(c);
    if (!units.ok()) return units.status();
    const PasswordPolicy policy = Policy();

    Principal p;
    p.user_id = user->id;
    p.username = user->username;
    p.name = user->name;
    p.unit_id = user->unit_id;
    p.unit_name = user->unit_name;
    p.roles = user->roles;
    if (user->org_id != 0) JW_RETURN_IF_ERROR(ScopeExternal(c, *user, p));
    // An account holds only roles of its side (ADR 0051): even if the database says otherwise, a police account
    // gets nothing from an external role and an external account nothing from a police role.
    std::erase_if(p.roles, [&](const std::string& r) {
        return user->org_id == 0 ? IsExternalRole(r) : !CheckAccountRoles(user->org_kind, {r}).ok();
    });
    bool totp_required = false;
    for (const auto& role : *roles) {
        if (std::find(p.roles.begin(), p.roles.end(), role.code) == p.roles.end()) continue;
        for (const auto& perm : role.permissions) {
            if (registry_.Allowed(role.code, perm)) p.permissions.insert(perm);  // separation holds even if the db lies
        }
        if (role.scope == "all") p.all_units = true;
        totp_required = totp_required || role.totp_required;
    }
    p.must_change_password =
        user->must_change_password || now - user->password_changed_at > int64_t{policy.max_age_days} * 86400;
    p.totp_enrolment_required = totp_required && !user->totp_enabled;
    if (p.org_id != 0) {
        // No police data scope at all for an external account: its organisation is its scope.
        p.all_units = false;
        p.unit_id = 0;
        p.unit_name.clear();
        return p;
    }
    // Data scope: the user's unit and every unit below it.
    std::multimap<int64_t, int64_t> children;
    for (const auto& u : *units) {
        if (u.parent_id) children.emplace(*u.parent_id, u.id);
        if (u.id == p.unit_id) p.unit_code = u.code;
    }
    std::vector<int64_t> frontier{p.unit_id};
    while (!frontier.empty()) {
        const int64_t id = frontier.back();
        frontier.pop_back();
        p.unit_scope.push_back(id);
        auto [b, e] = children.equal_range(id);
        for (auto it = b; it != e; ++it) frontier.push_back(it->second);
    }
    return p;
}

Status SessionService::ScopeExternal(storage::Connection& c, const User& user, Principal& p) {
    // The organisation must be active: a suspended one's accounts are logged out on their next request.
    JW_ASSIGN_OR_RETURN(repo::OrgRef org, repo::GetOrgRef(c, user.org_id));
    if (org.status != "active") return Status(ErrorCode::kUnauthenticated, "organisation suspended");
    p.org_id = user.org_id;
    p.org_name = org.name;
    p.org_kind = org.kind;
    p.org_scope = {user.org_id};
    // A company administrator also manages its outlets (org_kinds.csv manages_children).
    const OrgKind* kind = FindOrgKind(p.org_kind);
    const bool admin = kind && !kind->admin_role.empty() &&
                       std::find(user.roles.begin(), user.roles.end(), kind->admin_role) != user.roles.end();
    if (kind && kind->manages_children && admin) {
        JW_ASSIGN_OR_RETURN(auto children, repo::ChildOrgIds(c, user.org_id));
        p.org_scope.insert(p.org_scope.end(), children.begin(), children.end());
    }
    return Status::Ok();
}

Result<std::shared_ptr<const Principal>> SessionService::Authenticate(const std::string& token, int64_t now) {
    if (token.size() != 64) return Status(ErrorCode::kUnauthenticated, "not logged in");
    const std::string hash = Sm3Hex(token);
    const int64_t idle = int64_t{Policy().idle_minutes} * 60;
    std::unique_lock lock(mu_);
    // This service's own count plus the process-wide one (storage/change_feed.hpp), which also moves when another
    // server or the CLI changed accounts, grants, sessions or the policy (ADR 0066): both only grow, so the sum
    // changes whenever either does.
    const uint64_t current = generation_ + storage::ReferenceGeneration();
    auto it = cache_.find(hash);
    if (it == cache_.end() || it->second.generation != current || now - it->second.loaded_at >= kRecheckSeconds) {
        const uint64_t generation = current;
        if (it != cache_.end() && it->second.generation != current) policy_.reset();  // may have changed as well
        lock.unlock();
        auto c = db_.Acquire();
        if (!c.ok()) return c.status();
        auto row = repo::GetSession(**c, hash);
        if (!row.ok()) return Status(ErrorCode::kUnauthenticated, "not logged in");
        auto principal = BuildPrincipal(**c, row->user_id, now);
        if (!principal.ok()) return principal.status();
        principal->csrf_token = row->csrf_token;
        principal->session_hash = hash;
        lock.lock();
        int64_t seen = row->last_seen;
        if (it = cache_.find(hash); it != cache_.end()) seen = std::max(seen, it->second.last_seen);
        auto shared = std::make_shared<const Principal>(std::move(principal).value());
        if (cache_.size() >= kSweepAbove) {
            // Sessions abandoned without logout would otherwise stay cached for ever.
            std::erase_if(cache_, [&](const auto& entry) { return now - entry.second.last_seen > idle; });
        }
        it = cache_.insert_or_assign(hash, Cached{std::move(shared), seen, row->last_seen, generation, now}).first;
    }
    Cached& cached = it->second;
    if (now - cached.last_seen > idle) {
        cache_.erase(it);
        lock.unlock();
        if (committer_)
            committer_->Submit([hash](storage::Connection& c) { return repo::DeleteSession(c, hash); },
                               [](const Status&) {});
        return Status(ErrorCode::kUnauthenticated, "session expired");
    }
    cached.last_seen = now;
    if (now - cached.persisted_seen >= kTouchEverySeconds && committer_) {
        cached.persisted_seen = now;
        committer_->Submit([hash, now](storage::Connection& c) { return repo::TouchSession(c, hash, now); },
                           [](const Status&) {});
    }
    return cached.principal;
}

Status SessionService::RunWrite(const std::function<Status(storage::Connection&)>& job) {
    if (committer_) return committer_->Run(job);
    auto c = db_.Acquire();
    if (!c.ok()) return c.status();
    return storage::InTransaction(**c, job);
}

LoginVerdict SessionService::CheckLogin(const std::string& username, const std::string& password,
                                        const std::string& totp, int64_t now) {
    LoginVerdict v;
    // One answer for an unknown name, a wrong password and a locked account: the state of an account is
    // told only to someone who has just given its right password.
    const Status bad(ErrorCode::kUnauthenticated, "wrong user name or password");
    const PasswordPolicy policy = Policy();
    const int64_t lock_seconds = int64_t{policy.lock_minutes} * 60;
    Result<User> user = Status::NotFound("user");
    {
        auto c = db_.Acquire();
        if (!c.ok()) {
            v.status = c.status();
            return v;
        }
        user = repo::GetUserByUsername(**c, username);
        if (!user.ok() && user.status().code() != ErrorCode::kNotFound) {
            v.status = user.status();
            return v;
        }
        if (user.ok()) {
            v.user_id = user->id;
            if (auto unit = repo::GetUnit(**c, user->unit_id); unit.ok()) v.unit_code = unit->code;
        }
    }
    // The attempt is counted before anything is checked. An unknown name runs the same statement (it matches
    // no row) and then the in-memory gate with the same rule, so its answers and costs follow the same pattern.
    std::optional<int> count;
    Status reserved = RunWrite([&](storage::Connection& w) -> Status {
        JW_ASSIGN_OR_RETURN(count,
                            repo::ReserveLoginAttempt(w, v.user_id, policy.max_failures, now, now + lock_seconds));
        return Status::Ok();
    });
    if (!reserved.ok()) {
        v.status = reserved;
        return v;
    }
    if (!user.ok()) {
        if (unknown_names_.Reserve(username, policy.max_failures, lock_seconds, now))
            VerifyPassword(kDummyHash, password);
        v.status = bad;
        return v;
    }
    if (!count) {  // locked: nothing is checked
        v.status = bad;
        return v;
    }
    if (!VerifyPassword(user->password_hash, password)) {
        v.status = bad;
        v.locked_now = *count >= policy.max_failures;
        return v;
    }
    if (user->status == "disabled" || user->status == "locked") {
        v.refund = true;
        v.status = Status(ErrorCode::kLocked, "account is " + user->status, {{"status", user->status}});
        return v;
    }
    if (user->totp_enabled) {
        if (totp.empty()) {
            v.refund = true;  // the first step of a two-step login is not a failure
            v.status = Status(ErrorCode::kTotpRequired, "enter the code from your authenticator");
            return v;
        }
        auto step = VerifyTotp(DecryptSecret(user->totp_secret), totp, now);
        if (!step || *step <= user->last_totp_step) {
            v.status = Status(ErrorCode::kTotpRequired, "wrong or reused code", {{"totp", "bad_code"}});
            v.locked_now = *count >= policy.max_failures;
            return v;
        }
        v.totp_step = *step;
    }
    v.status = Status::Ok();
    return v;
}

Status SessionService::ApplyLogin(storage::Connection& c, LoginVerdict& v, const std::string& client, int64_t now,
                                  NewSession* out) {
    const PasswordPolicy policy = Policy();
    if (v.refund) return repo::RefundLoginAttempt(c, v.user_id, policy.max_failures);
    if (!v.status.ok()) return Status::Ok();
    JW_ASSIGN_OR_RETURN(bool claimed, repo::RecordLoginSuccess(c, v.user_id, now, v.totp_step, client));
    if (!claimed) {  // a parallel login used the same code first
        v.status = Status(ErrorCode::kTotpRequired, "wrong or reused code", {{"totp", "bad_code"}});
        return Status::Ok();
    }
    out->token = RandomToken(32);
    out->csrf_token = RandomToken(16);
    return repo::InsertSession(c, {Sm3Hex(out->token), v.user_id, out->csrf_token, now}, client, now);
}

Status SessionService::Logout(storage::Connection& c, const Principal& p) {
    {
        std::lock_guard lock(mu_);
        cache_.erase(p.session_hash);
    }
    return repo::DeleteSession(c, p.session_hash);
}

Result<std::string> SessionService::PreparePasswordChange(const Principal& p, const std::string& old_password,
                                                          const std::string& new_password, int64_t now) {
    const PasswordPolicy policy = Policy();
    auto c = db_.Acquire();
    if (!c.ok()) return c.status();
    auto user = repo::GetUser(**c, p.user_id);
    if (!user.ok()) return user.status();
    if (!VerifyPassword(user->password_hash, old_password))
        return Status(ErrorCode::kUnauthenticated, "wrong current password", {{"old_password", "wrong_password"}});
    JW_RETURN_IF_ERROR(CheckNewPassword(new_password, policy, user->username, user->name));
    auto history = repo::PasswordHistory(**c, p.user_id, policy.history);
    if (!history.ok()) return history.status();
    // The minimum age runs from the user's own last change, so that the history cannot be cycled through
    // at once; a password set by an administrator (reset, initial) or a forced change is exempt.
    const bool forced = user->must_change_password || p.must_change_password;
    if (!forced && !history->empty() && history->front().by_user &&
        now - history->front().changed_at < int64_t{policy.min_age_days} * 86400)
        return Status::Invalid("new_password", "too_recent");
    for (const auto& h : *history) {
        if (VerifyPassword(h.hash, new_password)) return Status::Invalid("new_password", "password_reused");
    }
    return HashPassword(new_password);
}

std::string SessionService::EncryptSecret(const std::string& raw) const { return ToHex(Sm4Encrypt(key_, raw)); }
std::string SessionService::DecryptSecret(const std::string& stored) const { return Sm4Decrypt(key_, FromHex(stored)); }

Result<std::pair<std::string, int64_t>> SessionService::CheckTotpConfirmation(const Principal& p,
                                                                              const std::string& code, int64_t now) {
    auto c = db_.Acquire();
    if (!c.ok()) return c.status();
    auto user = repo::GetUser(**c, p.user_id);
    if (!user.ok()) return user.status();
    if (user->totp_pending.empty()) return Status::Invalid("code", "no_enrolment");
    auto step = VerifyTotp(DecryptSecret(user->totp_pending), code, now);
    if (!step) return Status::Invalid("code", "bad_code");
    return std::make_pair(user->totp_pending, *step);
}

}  // namespace jw::auth
