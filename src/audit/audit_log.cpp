#include "audit/audit_log.hpp"

#include <syslog.h>

#include <future>

#include "audit/audit_search.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "storage/in_list.hpp"
#include "storage/light_job.hpp"

namespace jw::audit {

using storage::Connection;
using storage::V;

namespace {
const std::string kGenesis(64, '0');
constexpr char kSep = '\x1f';

constexpr const char* kColumns =
    "id, at, user_id, username, unit, client, action, object, result, purpose, case_no, request_id, detail, "
    "prev_hash, hash, chain";

AuditRecord FromRow(const storage::Row& row) {
    AuditRecord r;
    r.id = row.Int(0);
    r.at = row.Int(1);
    r.user_id = row.Int(2);
    r.username = row.Str(3);
    r.unit = row.Str(4);
    r.client = row.Str(5);
    r.action = row.Str(6);
    r.object = row.Str(7);
    r.result = row.Str(8);
    r.purpose = row.Str(9);
    r.case_no = row.Str(10);
    r.request_id = row.Str(11);
    r.detail = row.Str(12);
    r.prev_hash = row.Str(13);
    r.hash = row.Str(14);
    r.chain = static_cast<int>(row.Int(15));
    return r;
}
// The records of the running batch, chained but not yet written: they go in with a few multi-row INSERTs just
// before COMMIT (FlushHead) instead of one INSERT (and, on PostgreSQL, one round trip) each (ADR 0066). Append,
// FlushHead and ReloadHead run only on the Committer's writer thread, so the buffer is that thread's: one per
// Committer, without a lock (and without a member, so audit_log.hpp — included nearly everywhere — stays as it is).
thread_local std::vector<AuditRecord> t_pending;

// Rows per INSERT statement: greedy from the largest, so a batch of any size uses at most these four statement
// texts (each prepared once per connection) and stays far below both databases' parameter limits.
constexpr size_t kInsertChunks[] = {64, 16, 4, 1};
constexpr size_t kFieldsPerRecord = 16;

Status InsertRecords(Connection& conn, const std::vector<AuditRecord>& records) {
    size_t at = 0;
    while (at < records.size()) {
        size_t n = 1;
        for (size_t c : kInsertChunks) {
            if (records.size() - at >= c) {
                n = c;
                break;
            }
        }
        std::string sql = std::string("INSERT INTO audit_log (") + kColumns + ") VALUES ";
        storage::Params params;
        params.reserve(n * kFieldsPerRecord);
        for (size_t i = 0; i < n; ++i) {
            const AuditRecord& r = records[at + i];
            sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                          : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            for (auto& v : {V(r.id), V(r.at), V(r.user_id), V(r.username), V(r.unit), V(r.client), V(r.action),
                            V(r.object), V(r.result), V(r.purpose), V(r.case_no), V(r.request_id), V(r.detail),
                            V(r.prev_hash), V(r.hash), V(static_cast<int64_t>(r.chain))})
                params.push_back(v);
        }
        JW_RETURN_IF_ERROR(conn.Exec(sql, params));
        at += n;
    }
    return Status::Ok();
}
}  // namespace

std::string ResultOf(const Status& s) {
    switch (s.code()) {
        case ErrorCode::kOk:
            return "ok";
        case ErrorCode::kInvalidArgument:
        case ErrorCode::kNotFound:
        case ErrorCode::kConflict:
        case ErrorCode::kPayloadTooLarge:
            return "invalid";
        case ErrorCode::kUnauthenticated:
        case ErrorCode::kPermissionDenied:
        case ErrorCode::kCsrfFailed:
        case ErrorCode::kLocked:
        case ErrorCode::kPasswordChangeRequired:
        case ErrorCode::kTotpRequired:
            return "denied";
        default:
            return "failed";
    }
}

std::string HashOf(const AuditRecord& r, std::string_view key) {
    std::string c;
    c.reserve(256);
    for (const std::string& part :
         {std::to_string(r.id), std::to_string(r.at), std::to_string(r.user_id), r.username, r.unit, r.client, r.action,
          r.object, r.result, r.purpose, r.case_no, r.request_id, r.detail, r.prev_hash}) {
        c += part;
        c += kSep;
    }
    return r.chain == 2 ? HmacSm3Hex(key, c) : Sm3Hex(c);
}

Result<std::unique_ptr<AuditLog>> AuditLog::Open(storage::Database& db, ChainOptions options) {
    if (!options.anchor_path.empty() && options.key.empty())
        return Status::Internal("an anchored audit chain needs its key");
    auto conn = db.Acquire();
    if (!conn.ok()) return conn.status();
    auto head = (*conn)->QueryOne("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
    if (!head.ok()) return head.status();
    std::unique_ptr<AuditLog> log(new AuditLog(head->Int(0), head->Str(1), std::move(options)));
    if (!log->options_.anchor_path.empty()) {
        // A new file says: keyed records start after the current head. Were it recreated after keyed records
        // existed (deleted by someone), Verify finds keyed records before its `from` and says so.
        auto anchor =
            ChainAnchor::Open(log->options_.anchor_path, log->options_.key, log->last_id_ + 1, log->last_hash_);
        if (!anchor.ok()) return anchor.status();
        log->anchor_ = std::move(anchor).value();
    }
    return log;
}

void AuditLog::ReloadHead(Connection& conn) {
    t_pending.clear();  // rolled back with the batch
    head_dirty_ = false;
    anchor_due_ = false;
    auto head = conn.QueryOne("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
    if (head.ok()) {
        last_id_ = head->Int(0);
        last_hash_ = head->Str(1);
    }
}

Status AuditLog::Append(Connection& conn, AuditEntry entry) {
    // First record of a batch: read the head inside this transaction, because another process (a `jingwu`
    // command run while the server is up) may have appended since. PostgreSQL locks the head row until commit;
    // SQLite's write transaction already excludes other writers.
    if (!head_dirty_) {
        auto head = conn.QueryOne(conn.dialect() == storage::Dialect::kPostgres
                                      ? "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1 FOR UPDATE"
                                      : "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
        if (!head.ok()) return head.status();
        last_id_ = head->Int(0);
        last_hash_ = head->Str(1);
    }
    AuditRecord r;
    static_cast<AuditEntry&>(r) = std::move(entry);
    r.id = last_id_ + 1;
    r.at = NowUnix();
    r.prev_hash = last_hash_;
    r.chain = options_.key.empty() ? 1 : 2;
    r.hash = HashOf(r, options_.key);
    last_id_ = r.id;
    last_hash_ = r.hash;
    head_dirty_ = true;
    t_pending.push_back(std::move(r));  // written by FlushHead, in this transaction, before COMMIT
    return Status::Ok();
}

Status AuditLog::FlushHead(Connection& conn) {
    if (!head_dirty_) return Status::Ok();
    JW_RETURN_IF_ERROR(InsertRecords(conn, t_pending));  // a failure rolls the batch back (ReloadHead clears)
    t_pending.clear();
    JW_RETURN_IF_ERROR(conn.Exec("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE singleton = 1",
                                 {V(last_id_), V(last_hash_)}));
    head_dirty_ = false;
    anchor_due_ = true;
    return Status::Ok();
}

void AuditLog::AnchorHead() {
    if (!anchor_due_) return;
    anchor_due_ = false;
    if (!anchor_) return;  // an unanchored log (unit tests of other modules)
    {
        // After the commit, never before: a crash in between leaves the anchor behind the database (harmless),
        // never ahead of it (which Verify would have to call a truncation).
        if (Status s = anchor_->AppendHead(last_id_, last_hash_); !s.ok()) {
            ++anchor_failures_;
            syslog(LOG_AUTHPRIV | LOG_ERR, "jingwu: audit anchor not written at record %lld: %s",
                   static_cast<long long>(last_id_), s.message().c_str());
        }
    }
    // A copy of the head for the audit administrator's log host, at most once a minute: what a root on this
    // host cannot take back.
    const int64_t now = NowUnix();
    if (now - last_syslog_ >= 60) {
        last_syslog_ = now;
        syslog(LOG_AUTHPRIV | LOG_NOTICE, "jingwu: audit head %lld %s", static_cast<long long>(last_id_),
               last_hash_.c_str());
    }
}

storage::Committer::Hooks AuditLog::CommitterHooks() {
    return {.after_rollback = [this](Connection& c) { ReloadHead(c); },
            .before_commit = [this](Connection& c) { return FlushHead(c); },
            .after_commit = [this] { AnchorHead(); }};
}

void AuditLog::Submit(AuditEntry entry, Job job, storage::Committer::Done done) {
    if (!job) {
        // A read's record: nothing of its own to undo, so no savepoint (storage/light_job.hpp); Append only
        // buffers it (read of the head aside, once per batch).
        committer_->Submit(storage::LightJob{[this, entry = std::move(entry)](Connection& conn) mutable -> Status {
                               if (entry.result.empty()) entry.result = "ok";
                               return Append(conn, std::move(entry));
                           }},
                           std::move(done));
        return;
    }
    auto job_status = std::make_shared<Status>();
    committer_->Submit(
        [this, entry = std::move(entry), job = std::move(job), job_status](Connection& conn) mutable -> Status {
            if (job) {
                JW_RETURN_IF_ERROR(conn.Exec("SAVEPOINT jw_audited"));
                *job_status = job(conn, entry);
                if (!job_status->ok()) (void)conn.Exec("ROLLBACK TO SAVEPOINT jw_audited");
                JW_RETURN_IF_ERROR(conn.Exec("RELEASE SAVEPOINT jw_audited"));
            }
            if (entry.result.empty()) entry.result = ResultOf(*job_status);
            return Append(conn, std::move(entry));
        },
        [job_status, done = std::move(done)](const Status& commit) { done(commit.ok() ? *job_status : commit); });
}

Status AuditLog::Run(AuditEntry entry, Job job) {
    auto promise = std::make_shared<std::promise<Status>>();
    auto future = promise->get_future();
    Submit(std::move(entry), std::move(job), [promise](const Status& s) { promise->set_value(s); });
    return future.get();
}

Result<std::pair<std::vector<AuditRecord>, int64_t>> AuditLog::Search(Connection& conn, const AuditFilter& f) {
    return SearchText(conn, f, TextMatch{});
}

Result<std::pair<std::vector<AuditRecord>, int64_t>> SearchText(Connection& conn, const AuditFilter& f,
                                                                const TextMatch& m) {
    std::string where = " WHERE 1 = 1";
    storage::Params params;
    if (f.from) {
        where += " AND at >= ?";
        params.push_back(V(*f.from));
    }
    if (f.to) {
        where += " AND at < ?";
        params.push_back(V(*f.to));
    }
    auto add_eq = [&](const char* column, const std::string& value) {
        if (value.empty()) return;
        where += std::string(" AND ") + column + " = ?";
        params.push_back(V(value));
    };
    add_eq("username", f.user);
    add_eq("result", f.result);
    if (!f.action.empty()) {
        where += " AND action LIKE ?";
        params.push_back(V("%" + f.action + "%"));
    }
    if (!f.object.empty()) {
        where += " AND object LIKE ?";
        params.push_back(V("%" + f.object + "%"));
    }
    if (!m.text.empty()) {
        const std::string like = "%" + m.text + "%";
        where += " AND (username LIKE ? OR object LIKE ? OR detail LIKE ?";
        for (int i = 0; i < 3; ++i) params.push_back(V(like));
        if (!m.actions.empty()) where += " OR " + storage::InFilter(conn.dialect(), "action", m.actions, params);
        if (!m.user_ids.empty()) {
            where += " OR " + storage::InFilter(conn.dialect(), "user_id", m.user_ids, params);
            std::vector<std::string> objects;
            for (int64_t id : m.user_ids) objects.push_back("user:" + std::to_string(id));
            where += " OR " + storage::InFilter(conn.dialect(), "object", objects, params);
        }
        for (const auto& code : m.detail_codes) {
            where += " OR detail LIKE ?";
            params.push_back(V("%\"msg\":\"" + code + "\"%"));
        }
        if (!m.legacy_details.empty())
            where += " OR " + storage::InFilter(conn.dialect(), "detail", m.legacy_details, params);
        where += ")";
    }
    auto total = conn.QueryOne("SELECT COUNT(*) FROM audit_log" + where, params);
    if (!total.ok()) return total.status();
    params.push_back(V(static_cast<int64_t>(f.page_size)));
    params.push_back(V(static_cast<int64_t>((f.page - 1) * f.page_size)));
    auto rows = conn.Query(
        std::string("SELECT ") + kColumns + " FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", params);
    if (!rows.ok()) return rows.status();
    std::vector<AuditRecord> out;
    for (const auto& row : *rows) out.push_back(FromRow(row));
    return std::make_pair(std::move(out), total->Int(0));
}

Result<std::vector<std::string>> DistinctActions(Connection& conn) {
    auto rows = conn.Query("SELECT DISTINCT action FROM audit_log");
    if (!rows.ok()) return rows.status();
    std::vector<std::string> out;
    for (const auto& r : *rows) out.push_back(r.Str(0));
    return out;
}

Result<VerifyReport> AuditLog::Verify(Connection& conn, const ChainOptions& options) {
    VerifyReport report;
    auto fail = [&report](std::optional<int64_t> id, const char* problem, std::string detail) {
        if (!report.ok) return;
        report.ok = false;
        report.first_bad_id = id;
        report.problem = problem;
        report.detail = std::move(detail);
    };
    auto head = conn.QueryOne("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
    if (!head.ok()) return head.status();
    const bool anchored = !options.anchor_path.empty();
    AnchorState anchor;
    if (anchored) {
        auto a = ReadAnchor(options.anchor_path, options.key);
        if (!a.ok()) return a.status();
        anchor = std::move(a).value();
        report.anchored_id = anchor.head_id.value_or(0);
    }
    std::string expected_prev = kGenesis;
    int64_t expected_id = 0;  // 0: take the first record's id (older records may have passed retention)
    int64_t last_id = 0;
    std::string last_hash = kGenesis;
    constexpr int64_t kChunk = 5000;
    for (int64_t after = -1;;) {
        auto rows = conn.Query(std::string("SELECT ") + kColumns + " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                               {V(after), V(kChunk)});
        if (!rows.ok()) return rows.status();
        for (const auto& row : *rows) {
            AuditRecord r = FromRow(row);
            ++report.records;
            if (expected_id == 0) {
                expected_id = r.id;
                if (r.id != 1) expected_prev = r.prev_hash;
            }
            const std::string id = std::to_string(r.id);
            if ((r.chain != 1 && r.chain != 2) || (r.chain == 2 && options.key.empty()) ||
                HashOf(r, options.key) != r.hash) {
                fail(r.id, "changed", "record " + id + " does not match its hash");
            } else if (r.id > expected_id) {
                // A deletion is named by the first missing id; anything else by the record itself.
                fail(expected_id, "deleted",
                     "records " + std::to_string(expected_id) + ".." + std::to_string(r.id - 1) + " are missing");
            } else if (r.prev_hash != expected_prev || r.id < expected_id) {
                fail(r.id, "inserted", "record " + id + " does not follow the record before it");
            } else if (r.chain == 1 && (report.keyed_from != 0 || (anchor.from && r.id >= *anchor.from))) {
                fail(r.id, "downgraded", "record " + id + " is unkeyed where the chain is keyed");
            } else if (anchor.from && r.chain == 2 && r.id < *anchor.from) {
                fail(r.id, "anchor_replaced",
                     "record " + id + " is keyed but the anchor file says keying began at " +
                         std::to_string(*anchor.from) + ": the anchor file was recreated");
            } else if (anchor.head_id && r.id == *anchor.head_id && r.hash != anchor.head_hash) {
                fail(r.id, "changed", "record " + id + " differs from its copy in the anchor file");
            }
            if (r.chain == 2 && report.keyed_from == 0) report.keyed_from = r.id;
            expected_prev = r.hash;
            expected_id = r.id + 1;
            last_id = r.id;
            last_hash = r.hash;
            after = r.id;
        }
        if (static_cast<int64_t>(rows->size()) < kChunk) break;
    }
    report.head_id = last_id;
    report.head_hash = last_hash;
    if (head->Int(0) != last_id || head->Str(1) != last_hash) {
        fail(last_id + 1, head->Int(0) > last_id ? "deleted" : "inserted",
             "the chain head says record " + std::to_string(head->Int(0)) + ", the log ends at " +
                 std::to_string(last_id));
    }
    if (!anchored) return report;
    if (!anchor.present) {
        fail(std::nullopt, "anchor_missing", "the anchor file " + options.anchor_path + " is missing");
    } else if (anchor.bad_line != 0) {
        fail(std::nullopt, "anchor_changed",
             "line " + std::to_string(anchor.bad_line) +
                 " of the anchor file is malformed or was not written by "
                 "this server's key");
    } else if (anchor.from_lines != 1) {
        fail(std::nullopt, "anchor_replaced", "the anchor file does not begin where the keyed chain began");
    } else if (anchor.head_id && *anchor.head_id > last_id) {
        fail(last_id + 1, "truncated",
             "records " + std::to_string(last_id + 1) + ".." + std::to_string(*anchor.head_id) +
                 " are missing: the anchor file names record " + std::to_string(*anchor.head_id));
    }
    return report;
}

}  // namespace jw::audit
