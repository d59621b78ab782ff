#pragma once
// The hash-chained audit log (ADR 0015). Each record carries HMAC-SM3(chain key, content ‖ previous record's
// hash) — chain 2; records written before the key existed carry plain SM3 — chain 1, and are only as strong as
// plain SM3 was (anyone who can write the database could recompute them) until the first keyed record, whose
// MAC covers the last unkeyed hash. The key (DeriveKey(master, "audit.chain")) is never in the database.
// `audit_head` holds the newest id and hash; the anchor file (chain_anchor.hpp) outside the database holds the
// newest id and hash as of every committed batch, so deleting the newest records is detected too.
// Appends happen on the Committer's writer thread inside the same transaction as the change they
// describe, so a change and its record commit together and a reply leaves only after both are durable.
// No API updates or deletes records.
//
// Thread safety: Submit/Record from any thread; the chain head is touched only on the writer thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/chain_anchor.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::audit {

namespace schema {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();  // schema/*.sql
}

struct AuditEntry {
    int64_t user_id = 0;   // 0 when not logged in
    std::string username;  // as typed at login when the user is unknown
    std::string unit;      // unit code
    std::string client;    // client address
    std::string action;    // "session.login", "user.create", "GET /api/v1/users", …
    std::string object;    // "user:42"
    std::string result;    // ok | denied | failed | invalid (filled from the job's status when empty)
    std::string purpose;   // stated purpose of a sensitive search
    std::string case_no;   // case number stated with the purpose
    std::string request_id;
    std::string detail;  // short JSON or text (never a password)
};

struct AuditRecord : AuditEntry {
    int64_t id = 0;
    int chain = 1;   // 1: plain SM3 (before the key, ADR 0015); 2: HMAC-SM3 with the chain key
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
    // changed | inserted | deleted (a record or the head) · truncated (the anchor names records that are gone)
    // · downgraded (an unkeyed record where the chain is keyed) · anchor_missing | anchor_changed (a line
    // malformed or with a wrong MAC) | anchor_replaced (the file was recreated after keyed records existed)
    std::string problem;
    std::string detail;   // one sentence for the audit administrator
    int64_t head_id = 0;  // newest record checked, and its hash: compare with the syslog copy
    std::string head_hash;
    int64_t anchored_id = 0;  // highest record the anchor file names
    int64_t keyed_from = 0;   // first keyed record (0: none yet)
};

// How the chain is keyed and anchored. Both empty (ChainOptions{}) only in unit tests of other modules: the
// records are then unkeyed (chain 1) and nothing is anchored.
struct ChainOptions {
    std::string key;          // DeriveKey(master, "audit.chain")
    std::string anchor_path;  // AnchorPathFor(config)
};

// Result of a job's status for the audit record: ok, invalid, denied or failed.
std::string ResultOf(const Status& s);
// The hash of a record's canonical content (all fields but `hash` and `chain`): plain SM3 for chain 1,
// HMAC-SM3 with `key` for chain 2.
std::string HashOf(const AuditRecord& r, std::string_view key = {});

class AuditLog {
  public:
    // Loads the chain head and opens (creating if missing) the anchor file. Errors: the database's; Unavailable
    // naming the anchor file.
    static Result<std::unique_ptr<AuditLog>> Open(storage::Database& db, ChainOptions options = {});

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
    // Recomputes the chain with the key, checks it against `audit_head` and the anchor file, and names the first
    // bad record (or the first missing one). Error: the database's, or an unreadable anchor file.
    static Result<VerifyReport> Verify(storage::Connection& conn, const ChainOptions& options);
    Result<VerifyReport> Verify(storage::Connection& conn) const { return Verify(conn, options_); }

    // Writer thread only (Committer after_commit hook): anchors the head once per committed batch.
    void AnchorHead();
    uint64_t anchor_failures() const { return anchor_failures_; }

  private:
    AuditLog(int64_t last_id, std::string last_hash, ChainOptions options)
        : options_(std::move(options)), last_id_(last_id), last_hash_(std::move(last_hash)) {}
    Status Append(storage::Connection& conn, AuditEntry entry);

    storage::Committer* committer_ = nullptr;
    ChainOptions options_;
    std::unique_ptr<ChainAnchor> anchor_;
    int64_t last_id_;
    std::string last_hash_;
    bool head_dirty_ = false;
    bool anchor_due_ = false;  // a batch with records committed: anchor its head
    int64_t last_syslog_ = 0;  // when the head last went to syslog (Unix seconds)
    std::atomic<uint64_t> anchor_failures_{0};
};

}  // namespace jw::audit
