#pragma once
// Sessions and credentials: login (password, lockout, TOTP), session lookup with idle timeout, logout,
// password change with policy and history, TOTP enrolment. Work that needs argon2 or reads runs on the
// caller's thread (Check*/Prepare*); the writes are returned as jobs for the audited Committer, so a
// slow hash never holds up the writer.
//
// Thread safety: all methods may be called from any thread.

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/identity.hpp"
#include "auth/login_gate.hpp"
#include "auth/password.hpp"
#include "auth/permission_registry.hpp"
#include "auth/principal.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::auth {

struct LoginVerdict {
    // Ok, Unauthenticated (unknown user, wrong password, or locked: one answer for all three), TotpRequired,
    // Locked (only after the right password: the account is disabled or locked by an administrator).
    Status status;
    int64_t user_id = 0;  // 0 when the user is unknown
    std::string unit_code;
    bool locked_now = false;  // this attempt reached the failure limit and locked the account
    bool refund = false;      // the password was right: give back the failure counted for the attempt
    int64_t totp_step = 0;
};

struct NewSession {
    std::string token;  // goes to the cookie; only its SM3 hash is stored
    std::string csrf_token;
};

class SessionService {
  public:
    // `secret_key` is 16 bytes for SM4 encryption of TOTP secrets at rest.
    SessionService(storage::Database& db, const PermissionRegistry& registry, std::string secret_key);
    void Attach(storage::Committer* committer) { committer_ = committer; }

    // The principal of a session token, shared with the session cache (immutable). Errors: Unauthenticated
    // ("session expired" after the idle time).
    Result<std::shared_ptr<const Principal>> Authenticate(const std::string& token, int64_t now);
    // Call after any change to users, roles or policy so cached principals are rebuilt.
    void Invalidate();
    // The one way an account is disabled, locked or enabled (the administrators, an organisation's administrator,
    // an outlet's staff leaving): writes `status` and, unless it is "active", ends every session of the account in
    // the caller's write transaction (its open WebSockets close at the server's next session check); cached
    // principals are rebuilt. A disabled or locked account's login is refused (CheckLogin).
    Status SetAccountStatus(storage::Connection& c, int64_t user_id, const std::string& status);
    PasswordPolicy Policy();

    // Counts the attempt first (repo::ReserveLoginAttempt through the Committer, or the in-memory LoginGate
    // for a name that does not exist, after the same dummy argon2 work), then checks the password: at most
    // the policy's max_failures guesses are ever checked per lock, however many arrive in parallel. Slow
    // (argon2): call it on a worker thread, not a network thread.
    LoginVerdict CheckLogin(const std::string& username, const std::string& password, const std::string& totp,
                            int64_t now);
    // Writer job: gives back a refunded attempt, or opens a session into `out` (claiming the TOTP step; a step
    // used meanwhile turns the verdict into TotpRequired, and `out` stays empty).
    Status ApplyLogin(storage::Connection& c, LoginVerdict& verdict, const std::string& client, int64_t now,
                      NewSession* out);
    Status Logout(storage::Connection& c, const Principal& p);

    // Checks the old password, the policy (CheckNewPassword), the minimum age since the user's own last
    // change (not after an administrator's reset or a forced change) and the history; returns the new argon2
    // hash. Errors: Unauthenticated (wrong old password), InvalidArgument in `new_password`: weak_password,
    // common_password, contains_username, too_recent, password_reused.
    Result<std::string> PreparePasswordChange(const Principal& p, const std::string& old_password,
                                              const std::string& new_password, int64_t now);

    // TOTP enrolment: a new secret (raw bytes) stored as pending until confirmed with a code.
    std::string EncryptSecret(const std::string& raw) const;
    std::string DecryptSecret(const std::string& stored) const;
    // Checks a code against the user's pending secret; returns the stored (encrypted) secret to activate and
    // the code's time step (used: repo::ActivateTotp records it, so the code cannot log in afterwards).
    Result<std::pair<std::string, int64_t>> CheckTotpConfirmation(const Principal& p, const std::string& code,
                                                                  int64_t now);

    Result<Principal> BuildPrincipal(storage::Connection& c, int64_t user_id, int64_t now);
    const PermissionRegistry& registry() const { return registry_; }

  private:
    struct Cached {
        std::shared_ptr<const Principal> principal;
        int64_t last_seen = 0;
        int64_t persisted_seen = 0;
        uint64_t generation = 0;
        int64_t loaded_at = 0;  // re-read after kRecheckSeconds: the CLI may lock or reset from another process
    };
    // A write outside a request: through the Committer when attached (the server), else in a transaction of
    // its own (unit tests).
    Status RunWrite(const std::function<Status(storage::Connection&)>& job);
    // An external account's organisation into `p` (ADR 0051). Error: Unauthenticated when it is suspended.
    Status ScopeExternal(storage::Connection& c, const User& user, Principal& p);

    storage::Database& db_;
    const PermissionRegistry& registry_;
    std::string key_;
    storage::Committer* committer_ = nullptr;
    std::mutex mu_;
    std::unordered_map<std::string, Cached> cache_;
    uint64_t generation_ = 1;
    std::optional<PasswordPolicy> policy_;
    LoginGate unknown_names_;
};

}  // namespace jw::auth
