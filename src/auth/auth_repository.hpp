#pragma once
// SQL of the identity tables. Functions take the connection they run on: a pooled one for reads, the
// Committer's for writes (inside the audited transaction). Errors are the database's: NotFound for a
// missing row, Conflict for a duplicate.

#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"
#include "auth/password.hpp"
#include "storage/database.hpp"

namespace jw::auth::repo {

using storage::Connection;

// Active users holding `permission` through a role, ascending by id: in `unit_ids`, or in any unit when it is
// std::nullopt (an empty list finds nobody). Notification recipients: the alert centre, a unit's signers.
Result<std::vector<int64_t>> UsersWithPermission(Connection& c, const std::string& permission,
                                                 const std::optional<std::vector<int64_t>>& unit_ids = std::nullopt);

Result<std::vector<Unit>> ListUnits(Connection& c);      // by code, dissolved ones too (history, scopes)
Result<std::vector<Unit>> ListLiveUnits(Connection& c);  // by code, without dissolved units
// Every live unit in display order (sort_order, id): the unit choices of the modules' forms. Dissolved units
// (Unit::dissolved_at) are left out: nothing new may be given to them.
Result<std::vector<Unit>> ListUnitsInDisplayOrder(Connection& c);
Result<Unit> GetUnit(Connection& c, int64_t id);  // dissolved ones too
// A unit that new work may be given to: NotFound ("unit"), or InvalidArgument unit_id=dissolved.
Result<Unit> GetLiveUnit(Connection& c, int64_t id);
Result<int64_t> InsertUnit(Connection& c, const Unit& u, int64_t now);
Status UpdateUnit(Connection& c, const Unit& u);

struct UserQuery {
    std::string q;
    std::optional<int64_t> unit_id;
    std::string status;
    std::optional<std::vector<int64_t>> unit_scope;  // restrict to these units (data scope)
    // The staff of these organisations (ADR 0051); nullopt: police accounts only (external ones are left out).
    std::optional<std::vector<int64_t>> org_ids;
    int page = 1, page_size = 20;
};
Result<std::pair<std::vector<User>, int64_t>> ListUsers(Connection& c, const UserQuery& q);
Result<User> GetUser(Connection& c, int64_t id);
Result<User> GetUserByUsername(Connection& c, const std::string& username);
Result<int64_t> InsertUser(Connection& c, const User& u, int64_t now);
Status UpdateUserProfile(Connection& c, const User& u);
Status SetUserStatus(Connection& c, int64_t id, const std::string& status, int64_t locked_until);
// `by_user`: the user's own change (starts the policy's minimum age), not an administrator's reset or seed.
Status SetPassword(Connection& c, int64_t id, const std::string& hash, bool must_change, int64_t now,
                   bool by_user = false);
struct PasswordHistoryEntry {
    std::string hash;
    int64_t changed_at = 0;
    bool by_user = false;
};
// The last `limit` passwords, newest first (the current one first); passwords set in the same second as the
// last of them are included too, so that quick changes cannot push one out of the history early.
Result<std::vector<PasswordHistoryEntry>> PasswordHistory(Connection& c, int64_t id, int limit);

// Login attempts, counted before the password is checked so that parallel guesses cannot outrun the count
// (one statement; at most `max_failures` guesses are ever checked per lock): adds one failure, locking until
// `lock_until` when that reaches `max_failures`; a lapsed lock starts the count afresh. Returns the new
// count, or nullopt when the account is locked now (then nothing may be checked).
Result<std::optional<int>> ReserveLoginAttempt(Connection& c, int64_t id, int max_failures, int64_t now,
                                               int64_t lock_until);
// Gives back the failure counted for an attempt whose password was right (it only lacked the TOTP code).
Status RefundLoginAttempt(Connection& c, int64_t id, int max_failures);
// Clears the count and records this login (at `now` from `client`), the one it replaces becoming the previous
// one. With a TOTP step, claims it atomically: false when that step (or a later one) is used.
Result<bool> RecordLoginSuccess(Connection& c, int64_t id, int64_t now, int64_t totp_step, const std::string& client);
// Ids of the users whose name, username or police number contains `text` (at most `limit`), for searches that
// show people by name (the audit log).
Result<std::vector<int64_t>> FindUserIds(Connection& c, const std::string& text, int limit);
Status SetTotp(Connection& c, int64_t id, const std::string& secret, bool enabled, const std::string& pending);
// Activates an enrolment confirmed with the code of `step`; that step counts as used.
Status ActivateTotp(Connection& c, int64_t id, const std::string& secret, int64_t step);
Status SetUserRoles(Connection& c, int64_t id, const std::vector<std::string>& roles);
Result<std::vector<int64_t>> ActiveUsersWithRole(Connection& c, const std::string& role);

Result<std::vector<Role>> ListRoles(Connection& c);
Status UpsertRole(Connection& c, const Role& r);  // replaces permissions
Status EnsureRole(Connection& c, const Role& r);  // inserts only when missing (seeding)

Result<PasswordPolicy> GetPolicy(Connection& c);
Status SetPolicy(Connection& c, const PasswordPolicy& p);

struct SessionRow {
    std::string token_hash;
    int64_t user_id = 0;
    std::string csrf_token;
    int64_t last_seen = 0;
};
Status InsertSession(Connection& c, const SessionRow& s, const std::string& client, int64_t now);
Result<SessionRow> GetSession(Connection& c, const std::string& token_hash);
Status TouchSession(Connection& c, const std::string& token_hash, int64_t now);
Status DeleteSession(Connection& c, const std::string& token_hash);
Status DeleteUserSessions(Connection& c, int64_t user_id);
// The id of the unit with this 12-digit code. Errors: NotFound.
Result<int64_t> UnitIdByCode(Connection& c, const std::string& code);
// Sessions not seen since `last_seen_before` (the idle timeout itself is enforced on each request).
Status DeleteIdleSessions(Connection& c, int64_t last_seen_before);
Status DeleteOtherSessions(Connection& c, int64_t user_id, const std::string& keep_token_hash);

// What a session needs of an external account's organisation (ADR 0051; the orgs module owns the rest).
struct OrgRef {
    std::string name, kind, status;
};
Result<OrgRef> GetOrgRef(Connection& c, int64_t org_id);                  // NotFound ("organisation")
Result<std::vector<int64_t>> ChildOrgIds(Connection& c, int64_t org_id);  // ascending

// Whether this database holds the demo county (`init --demo`): plain http on loopback.
Result<bool> IsDemo(Connection& c);
Status MarkDemo(Connection& c);

}  // namespace jw::auth::repo
