#include "checkpoint/viid/viid_repository.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

std::optional<int64_t> Opt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

}  // namespace

Result<std::vector<ViidClient>> ListViidClients(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT v.id, v.name, v.enabled, v.created_at, v.updated_at, v.registered_at, "
                                "v.last_seen, v.last_address, v.unit_id, u.name FROM viid_clients v "
                                "LEFT JOIN units u ON u.id = v.unit_id ORDER BY v.id"));
    std::vector<ViidClient> out;
    for (const auto& r : rows) {
        ViidClient v;
        v.id = r.Str(0);
        v.name = r.Str(1);
        v.enabled = r.Bool(2);
        v.created_at = r.Int(3);
        v.updated_at = r.Int(4);
        v.registered_at = Opt(r, 5);
        v.last_seen = Opt(r, 6);
        v.last_address = r.Str(7);
        v.unit_id = Opt(r, 8);
        if (!r.IsNull(9)) v.unit_name = r.Str(9);
        out.push_back(std::move(v));
    }
    return out;
}

Result<bool> ViidClientExists(storage::Connection& c, const std::string& id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM viid_clients WHERE id = ?", {V(id)}));
    return !rows.empty();
}

Status UpsertViidClient(storage::Connection& c, const std::string& id, const std::string& name,
                        const std::string& secret_enc, int64_t now, std::optional<int64_t> unit_id) {
    return c.Exec(
        "INSERT INTO viid_clients (id, name, secret_enc, enabled, created_at, updated_at, unit_id) "
        "VALUES (?,?,?,1,?,?,?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, secret_enc = excluded.secret_enc, enabled = 1, "
        "updated_at = excluded.updated_at, registered_at = NULL, session_hash = NULL, "
        "unit_id = COALESCE(excluded.unit_id, viid_clients.unit_id)",
        {V(id), V(name), V(secret_enc), V(now), V(now), unit_id ? V(*unit_id) : storage::Value()});
}

Result<std::optional<StoredViidSecret>> LoadEnabledViidSecret(storage::Connection& c, const std::string& id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT secret_enc, unit_id FROM viid_clients WHERE id = ? AND enabled = 1", {V(id)}));
    if (rows.empty()) return std::optional<StoredViidSecret>();
    return std::optional<StoredViidSecret>(StoredViidSecret{rows[0].Str(0), Opt(rows[0], 1)});
}

Status UpdateViidClientEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now) {
    if (enabled) return c.Exec("UPDATE viid_clients SET enabled = 1, updated_at = ? WHERE id = ?", {V(now), V(id)});
    return c.Exec(
        "UPDATE viid_clients SET enabled = 0, registered_at = NULL, session_hash = NULL, updated_at = ? WHERE id = ?",
        {V(now), V(id)});
}

Status UpdateViidRegistered(storage::Connection& c, const std::string& id, const std::string& address, int64_t now,
                            const std::string& session_hash) {
    return c.Exec(
        "UPDATE viid_clients SET registered_at = ?, last_seen = ?, last_address = ?, session_hash = ? WHERE id = ?",
        {V(now), V(now), V(address), session_hash.empty() ? storage::Value() : V(session_hash), V(id)});
}

Status UpdateViidUnregistered(storage::Connection& c, const std::string& id, int64_t now) {
    return c.Exec("UPDATE viid_clients SET registered_at = NULL, session_hash = NULL, last_seen = ? WHERE id = ?",
                  {V(now), V(id)});
}

Status UpdateViidLastSeen(storage::Connection& c, const std::string& id, int64_t now) {
    return c.Exec("UPDATE viid_clients SET last_seen = ? WHERE id = ?", {V(now), V(id)});
}

Result<std::vector<ViidRegistration>> ListLiveViidRegistrations(storage::Connection& c, int64_t seen_after) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT id, last_seen, last_address, session_hash, unit_id FROM viid_clients WHERE enabled = 1 AND "
                "registered_at IS NOT NULL AND session_hash IS NOT NULL AND last_seen > ?",
                {V(seen_after)}));
    std::vector<ViidRegistration> out;
    for (const auto& r : rows) out.push_back({r.Str(0), r.Int(1), r.Str(2), r.Str(3), Opt(r, 4)});
    return out;
}

Status UpsertDeviceInSavepoint(storage::Connection& c, const Device& d, int64_t now) {
    JW_RETURN_IF_ERROR(c.Exec("SAVEPOINT viid_device"));
    Status s = UpsertDevice(c, d, now);
    if (s.ok()) {
        JW_RETURN_IF_ERROR(c.Exec("RELEASE SAVEPOINT viid_device"));
        return s;
    }
    JW_RETURN_IF_ERROR(c.Exec("ROLLBACK TO SAVEPOINT viid_device"));
    JW_RETURN_IF_ERROR(c.Exec("RELEASE SAVEPOINT viid_device"));
    return s;
}

}  // namespace jw::checkpoint
