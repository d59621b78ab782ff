#include "checkpoint/viid/viid_clients.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "auth/password.hpp"
#include "checkpoint/viid/viid_codec.hpp"
#include "common/crypto.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {

using storage::V;

namespace {

// Words weak secrets are commonly built on (lower-cased; matched as substrings of the lower-cased secret).
constexpr const char* kWeakWords[] = {"password", "passw0rd", "p@ssw0rd", "qwerty", "123456", "654321", "abcdef",
                                      "111111", "000000", "666666", "888888", "admin", "letmein", "welcome",
                                      "iloveyou", "abc123"};

std::string Lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

}  // namespace

Status CheckViidSecret(const std::string& id, const std::string& password) {
    if (password.size() < 12 || password.size() > 64) return Status::Invalid("password", "length_12_to_64");
    auth::PasswordPolicy policy;
    policy.min_length = 12;
    policy.min_classes = 3;
    JW_RETURN_IF_ERROR(auth::CheckPasswordStrength(password, policy, "password"));
    const std::string lower = Lower(password);
    const bool weak_word = std::any_of(std::begin(kWeakWords), std::end(kWeakWords),
                                       [&](const char* w) { return lower.find(w) != std::string::npos; });
    // The whole ID, or its serial part (the last 8 digits), which is what people tend to reuse.
    const std::string serial = id.size() >= 8 ? id.substr(id.size() - 8) : id;
    const bool has_id = !id.empty() && (password.find(id) != std::string::npos ||
                                        password.find(serial) != std::string::npos);
    const size_t distinct = std::set<char>(password.begin(), password.end()).size();
    if (weak_word || has_id || distinct < 6) return Status::Invalid("password", "weak_password");
    return Status::Ok();
}

Status AddViidClient(storage::Connection& c, const std::string& key, const std::string& id,
                     const std::string& password, const std::string& name, int64_t now,
                     std::optional<int64_t> unit_id) {
    Status s(ErrorCode::kInvalidArgument, "invalid VIID client");
    if (!viid::IsViidId(id)) s.mutable_fields()["id"] = "bad_format";
    if (Status p = CheckViidSecret(id, password); !p.ok()) s.mutable_fields()["password"] = p.fields().at("password");
    if (Utf8Length(name).value_or(101) > 100) s.mutable_fields()["name"] = "too_long";
    if (unit_id) {
        auto unit = c.QueryOne("SELECT 1 FROM units WHERE id = ?", {V(*unit_id)});
        if (!unit.ok() && unit.status().code() != ErrorCode::kNotFound) return unit.status();
        if (!unit.ok()) s.mutable_fields()["unit_id"] = "not_found";
    }
    if (!s.fields().empty()) return s;
    const std::string enc = ToHex(Sm4Encrypt(key, password));
    const storage::Value unit = unit_id ? V(*unit_id) : storage::Value();
    return c.Exec(
        "INSERT INTO viid_clients (id, name, secret_enc, enabled, created_at, updated_at, unit_id) "
        "VALUES (?,?,?,1,?,?,?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, secret_enc = excluded.secret_enc, enabled = 1, "
        "updated_at = excluded.updated_at, registered_at = NULL, session_hash = NULL, "
        "unit_id = COALESCE(excluded.unit_id, viid_clients.unit_id)",
        {V(id), V(name), V(enc), V(now), V(now), unit});
}

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
        if (!r.IsNull(5)) v.registered_at = r.Int(5);
        if (!r.IsNull(6)) v.last_seen = r.Int(6);
        v.last_address = r.Str(7);
        if (!r.IsNull(8)) v.unit_id = r.Int(8);
        if (!r.IsNull(9)) v.unit_name = r.Str(9);
        out.push_back(std::move(v));
    }
    return out;
}

Result<ViidCredentials> ViidClientCredentials(storage::Connection& c, const std::string& key, const std::string& id) {
    auto row = c.QueryOne("SELECT secret_enc, unit_id FROM viid_clients WHERE id = ? AND enabled = 1", {V(id)});
    if (!row.ok()) return row.status().code() == ErrorCode::kNotFound ? Status::NotFound("viid_client") : row.status();
    ViidCredentials out;
    out.secret = Sm4Decrypt(key, FromHex(row->Str(0)));
    if (out.secret.empty()) return Status::Internal("VIID client secret does not decrypt with the platform key");
    if (!row->IsNull(1)) out.unit_id = row->Int(1);
    return out;
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
    return c.Exec(
        "UPDATE viid_clients SET enabled = 0, registered_at = NULL, session_hash = NULL, updated_at = ? WHERE id = ?",
        {V(now), V(id)});
}

Status MarkViidRegistered(storage::Connection& c, const std::string& id, const std::string& address, int64_t now,
                          const std::string& session_hash) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return c.Exec(
        "UPDATE viid_clients SET registered_at = ?, last_seen = ?, last_address = ?, session_hash = ? WHERE id = ?",
        {V(now), V(now), V(address), session_hash.empty() ? storage::Value() : V(session_hash), V(id)});
}

Status MarkViidUnregistered(storage::Connection& c, const std::string& id, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return c.Exec("UPDATE viid_clients SET registered_at = NULL, session_hash = NULL, last_seen = ? WHERE id = ?",
                  {V(now), V(id)});
}

Status MarkViidSeen(storage::Connection& c, const std::string& id, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return c.Exec("UPDATE viid_clients SET last_seen = ? WHERE id = ?", {V(now), V(id)});
}

}  // namespace jw::checkpoint
