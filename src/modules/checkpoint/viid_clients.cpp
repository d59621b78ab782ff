#include "checkpoint/viid_clients.hpp"

#include "checkpoint/viid_codec.hpp"
#include "common/crypto.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {

using storage::V;

Status AddViidClient(storage::Connection& c, const std::string& key, const std::string& id,
                     const std::string& password, const std::string& name, int64_t now) {
    Status s(ErrorCode::kInvalidArgument, "invalid VIID client");
    if (!viid::IsViidId(id)) s.mutable_fields()["id"] = "bad_format";
    if (password.size() < 8 || password.size() > 64) s.mutable_fields()["password"] = "length_8_to_64";
    if (Utf8Length(name).value_or(101) > 100) s.mutable_fields()["name"] = "too_long";
    if (!s.fields().empty()) return s;
    const std::string enc = ToHex(Sm4Encrypt(key, password));
    return c.Exec(
        "INSERT INTO viid_clients (id, name, secret_enc, enabled, created_at, updated_at) VALUES (?,?,?,1,?,?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, secret_enc = excluded.secret_enc, enabled = 1, "
        "updated_at = excluded.updated_at, registered_at = NULL",
        {V(id), V(name), V(enc), V(now), V(now)});
}

Result<std::vector<ViidClient>> ListViidClients(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, name, enabled, created_at, updated_at, registered_at, last_seen, "
                                           "last_address FROM viid_clients ORDER BY id"));
    std::vector<ViidClient> out;
    for (const auto& r : rows) {
        ViidClient v;
        v.id = r.Str(0);
        v.name = r.Str(1);
        v.enabled = r.Bool(2);
        v.created_at = r.Int(3);
        v.updated_at = r.Int(4);
        if (!r.IsNull(5)) v.registered_at = r.Int(5);
        if (!r.IsNull(6)) v.last_seen = r.Int(6);
        v.last_address = r.Str(7);
        out.push_back(std::move(v));
    }
    return out;
}

Result<std::string> ViidClientSecret(storage::Connection& c, const std::string& key, const std::string& id) {
    auto row = c.QueryOne("SELECT secret_enc FROM viid_clients WHERE id = ? AND enabled = 1", {V(id)});
    if (!row.ok()) return row.status().code() == ErrorCode::kNotFound ? Status::NotFound("viid_client") : row.status();
    std::string secret = Sm4Decrypt(key, FromHex(row->Str(0)));
    if (secret.empty()) return Status::Internal("VIID client secret does not decrypt with the platform key");
    return secret;
}

namespace {
Status ExpectOne(storage::Connection& c, const std::string& id) {
    auto row = c.QueryOne("SELECT 1 FROM viid_clients WHERE id = ?", {V(id)});
    if (!row.ok()) return row.status().code() == ErrorCode::kNotFound ? Status::NotFound("viid_client") : row.status();
    return Status::Ok();
}
}  // namespace

Status SetViidClientEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    if (enabled) return c.Exec("UPDATE viid_clients SET enabled = 1, updated_at = ? WHERE id = ?", {V(now), V(id)});
    return c.Exec("UPDATE viid_clients SET enabled = 0, registered_at = NULL, updated_at = ? WHERE id = ?",
                  {V(now), V(id)});
}

Status MarkViidRegistered(storage::Connection& c, const std::string& id, const std::string& address, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return c.Exec("UPDATE viid_clients SET registered_at = ?, last_seen = ?, last_address = ? WHERE id = ?",
                  {V(now), V(now), V(address), V(id)});
}

Status MarkViidUnregistered(storage::Connection& c, const std::string& id, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return c.Exec("UPDATE viid_clients SET registered_at = NULL, last_seen = ? WHERE id = ?", {V(now), V(id)});
}

Status MarkViidSeen(storage::Connection& c, const std::string& id, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return c.Exec("UPDATE viid_clients SET last_seen = ? WHERE id = ?", {V(now), V(id)});
}

}  // namespace jw::checkpoint
