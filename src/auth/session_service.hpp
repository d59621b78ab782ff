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
#include "auth/password.hpp"
#include "auth/permission_registry.hpp"
#include "auth/principal.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::auth {

struct LoginVerdict {
    Status status;             // Ok, Unauthenticated, TotpRequired, Locked (fields.locked_until)
    int64_t user_id = 0;       // 0 when the user is unknown
    std::string unit_code;
    bool count_failure = false;
    int64_t totp_step = 0;
};

struct NewSession {
    std::string token;       // goes to the cookie; only its SM3 hash is stored
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
    PasswordPolicy Policy();

    LoginVerdict CheckLogin(const std::string& username, const std::string& password, const std::string& totp,
                            int64_t now);
    // Writer job: counts a failure (locking at the policy's limit) or opens a session into `out`.
    Status ApplyLogin(storage::Connection& c, const LoginVerdict& verdict, const std::string& client, int64_t now,
                      NewSession* out);
    Status Logout(storage::Connection& c, const Principal& p);

    // Checks the old password, strength and history; returns the new argon2 hash. Errors: Unauthenticated
    // (wrong old password), InvalidArgument (weak_password, password_reused in `new_password`).
    Result<std::string> PreparePasswordChange(const Principal& p, const std::string& old_password,
                                              const std::string& new_password);

    // TOTP enrolment: a new secret (raw bytes) stored as pending until confirmed with a code.
    std::string EncryptSecret(const std::string& raw) const;
    std::string DecryptSecret(const std::string& stored) const;
    // Checks a code against the user's pending secret; returns the stored (encrypted) secret to activate.
    Result<std::string> CheckTotpConfirmation(const Principal& p, const std::string& code, int64_t now);

    Result<Principal> BuildPrincipal(storage::Connection& c, int64_t user_id, int64_t now);

private:
    struct Cached {
        std::shared_ptr<const Principal> principal;
        int64_t last_seen = 0;
        int64_t persisted_seen = 0;
        uint64_t generation = 0;
    };

    storage::Database& db_;
    const PermissionRegistry& registry_;
    std::string key_;
    storage::Committer* committer_ = nullptr;
    std::mutex mu_;
    std::unordered_map<std::string, Cached> cache_;
    uint64_t generation_ = 1;
    std::optional<PasswordPolicy> policy_;
};

}  // namespace jw::auth
