#include "idempotency/idempotency.hpp"

#include <memory>

#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "common/sealed_fields.hpp"

namespace jw::idempotency {

namespace {
bool WellFormed(std::string_view key) {
    if (key.size() < 8 || key.size() > 64) return false;
    for (char ch : key) {
        const bool ok =
            (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        if (!ok) return false;
    }
    return true;
}

Status Reused() {
    return Status(ErrorCode::kConflict, "idempotency key used for another request", {{"idempotency_key", "reused"}});
}

// The stored reply as the client first got it.
Result<http::Reply> Replay(const FieldSealer& sealer, const StoredReply& stored) {
    JW_ASSIGN_OR_RETURN(std::string body, sealer.Open(stored.body));
    http::Reply r;
    r.status = stored.status;
    if (stored.status != 204) r.raw = std::move(body);
    r.headers.push_back({"Idempotent-Replayed", "true"});
    r.audit_detail = "replayed";
    return r;
}
}  // namespace

std::string RequestHash(const http::Request& req) { return Sm3Hex(req.method + '\n' + req.path + '\n' + req.body); }

Result<std::optional<StoredReply>> Find(storage::Connection& c, int64_t user_id, std::string_view key) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT action, request_hash, status, reply FROM idempotency_keys "
                                           "WHERE user_id = ? AND idem_key = ?",
                                           {storage::V(user_id), storage::V(key)}));
    if (rows.empty()) return std::optional<StoredReply>();
    const auto& r = rows.front();
    return std::optional<StoredReply>(StoredReply{r.Str(0), r.Str(1), static_cast<int>(r.Int(2)), r.Str(3)});
}

Status Save(storage::Connection& c, int64_t user_id, std::string_view key, const StoredReply& reply, int64_t now) {
    return c.Exec(
        "INSERT INTO idempotency_keys (user_id, idem_key, action, request_hash, status, reply, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {storage::V(user_id), storage::V(key), storage::V(reply.action), storage::V(reply.request_hash),
         storage::V(reply.status), storage::V(reply.body), storage::V(now)});
}

Result<int64_t> Purge(storage::Connection& c, int64_t now) {
    const int64_t cutoff = now - int64_t{kRetentionDays} * 86400;
    JW_ASSIGN_OR_RETURN(auto n,
                        c.QueryOne("SELECT COUNT(*) FROM idempotency_keys WHERE created_at < ?", {storage::V(cutoff)}));
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM idempotency_keys WHERE created_at < ?", {storage::V(cutoff)}));
    return n.Int(0);
}

http::Handler Once(storage::Database& db, std::string master, http::Handler inner) {
    auto sealer = std::make_shared<const FieldSealer>(master, "idempotency.reply", "reply");
    return [&db, sealer, inner = std::move(inner)](http::Request& req) -> Result<http::Reply> {
        auto h = req.headers.find(kHeader);
        if (h == req.headers.end() || req.principal == nullptr) return inner(req);
        const std::string key = h->second;
        if (!WellFormed(key)) return Status::Invalid("idempotency_key", "bad_format");
        const int64_t user = req.principal->user_id;
        const std::string hash = RequestHash(req);
        const std::string action = req.method + " " + req.path;
        {
            auto c = db.Acquire();
            if (!c.ok()) return c.status();
            JW_ASSIGN_OR_RETURN(auto seen, Find(**c, user, key));
            if (seen) {
                if (seen->request_hash != hash) return Reused();
                return Replay(*sealer, *seen);
            }
        }
        JW_ASSIGN_OR_RETURN(http::Reply reply, inner(req));
        auto first_write = std::move(reply.write);
        reply.write = [sealer, user, key, hash, action, first_write](storage::Connection& c, audit::AuditEntry& e,
                                                                     http::Reply& out) -> Status {
            // Looked up again in the writing transaction: a copy that raced this one may have committed first.
            JW_ASSIGN_OR_RETURN(auto seen, Find(c, user, key));
            if (seen) {
                if (seen->request_hash != hash) return Reused();
                JW_ASSIGN_OR_RETURN(http::Reply first, Replay(*sealer, *seen));
                out.status = first.status;
                out.raw = std::move(first.raw);
                out.headers = std::move(first.headers);
                e.detail = "replayed";
                return Status::Ok();
            }
            if (first_write) JW_RETURN_IF_ERROR(first_write(c, e, out));
            if (!out.raw && out.status != 204) out.raw = out.body.dump();
            return Save(c, user, key, StoredReply{action, hash, out.status, sealer->Seal(out.raw.value_or(""))},
                        NowUnix());
        };
        return reply;
    };
}

}  // namespace jw::idempotency
