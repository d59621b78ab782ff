#pragma once
// The hash-chained audit log. Each record carries SM3(content ‖ previous record's hash); `audit_head`
// holds the newest id and hash so that removing records from the end is detected too.
// Appends happen on the Committer's writer thread inside the same transaction as the change they
// describe, so a change and its record commit together and a reply leaves only after both are durable.
// No API updates or deletes records.
//
// Thread safety: Submit/Record from any thread; the chain head is touched only on the writer thread.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::audit {

namespace schema {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();  // schema/*.sql
}

struct AuditEntry {
    int64_t user_id = 0;       // 0 when not logged in
    std::string username;      // as typed at login when the user is unknown
    std::string unit;          // unit code
    std::string client;        // client address
    std::string action;        // "session.login", "user.create", "GET /api/v1/users", …
    std::string object;        // "user:42"
    std::string result;        // ok | denied | failed | invalid (filled from the job's status when empty)
    std::string purpose;       // stated purpose of a sensitive search
    std::string case_no;       // case number stated with the purpose
    std::string request_id;
    std::string detail;        // short JSON or text (never a password)
};

struct AuditRecord : AuditEntry {
    int64_t id = 0;
    int64_t at = 0;  // Unix seconds UTC
    std::string prev_hash;
    std::string hash;
};

struct AuditFilter {
    std::optional<int64_t> from, to;  // [from, to)
    std::string user, action, object, result;
    int page = 1, page_size = 20;
};

struct VerifyReport {
    bool ok = true;
    int64_t records = 0;
    std::optional<int64_t> first_bad_id;
    std::string problem;  // changed | inserted | deleted
};

// Result of a job's status for the audit record: ok, invalid, denied or failed.
std::string ResultOf(const Status& s);
// SM3 over the canonical content of a record (all fields but `hash`).
std::string HashOf(const AuditRecord& r);

class AuditLog {
public:
    // Loads the chain head. Error: the database's.
    static Result<std::unique_ptr<AuditLog>> Open(storage::Database& db);

    void Attach(storage::Committer* committer) { committer_ = committer; }

    // A write that describes itself: it may fill in the entry (object id, result, detail) as it runs.
    using Job = std::function<Status(storage::Connection&, AuditEntry&)>;

    // Runs `job` (may be empty) and appends `entry` in the same transaction. If the job fails its changes
    // are undone but the record (result from the job's status unless the job set one) is still appended.
    // `done` gets the job's status once durable, or the commit error.
    void Submit(AuditEntry entry, Job job, storage::Committer::Done done);
    Status Run(AuditEntry entry, Job job = {});

    // Writer thread only: re-reads the head after a rolled-back batch.
    void ReloadHead(storage::Connection& conn);
    // Writer thread only: stores the chain head (Committer before_commit hook), once per batch.
    Status FlushHead(storage::Connection& conn);
    // The Committer hooks that keep this log's head consistent.
    storage::Committer::Hooks CommitterHooks();

    static Result<std::pair<std::vector<AuditRecord>, int64_t>> Search(storage::Connection& conn, const AuditFilter& f);
    static Result<VerifyReport> Verify(storage::Connection& conn);

private:
    explicit AuditLog(int64_t last_id, std::string last_hash)
        : last_id_(last_id), last_hash_(std::move(last_hash)) {}
    Status Append(storage::Connection& conn, AuditEntry entry);

    storage::Committer* committer_ = nullptr;
    int64_t last_id_;
    std::string last_hash_;
    bool head_dirty_ = false;
};

}  // namespace jw::audit
