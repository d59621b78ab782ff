#include "checkpoint/viid/viid_clients.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "checkpoint/viid/viid_codec.hpp"
#include "common/crypto.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {

namespace {

// Words weak secrets are commonly built on (lower-cased; matched as substrings of the lower-cased secret).
constexpr const char* kWeakWords[] = {"password", "passw0rd", "p@ssw0rd", "qwerty", "123456", "654321",
                                      "abcdef",   "111111",   "000000",   "666666", "888888", "admin",
                                      "letmein",  "welcome",  "iloveyou", "abc123"};

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
    const bool has_id =
        !id.empty() && (password.find(id) != std::string::npos || password.find(serial) != std::string::npos);
    const size_t distinct = std::set<char>(password.begin(), password.end()).size();
    if (weak_word || has_id || distinct < 6) return Status::Invalid("password", "weak_password");
    return Status::Ok();
}

Status AddViidClient(storage::Connection& c, const std::string& key, const std::string& id, const std::string& password,
                     const std::string& name, int64_t now, std::optional<int64_t> unit_id) {
    Status s(ErrorCode::kInvalidArgument, "invalid VIID client");
    if (!viid::IsViidId(id)) s.mutable_fields()["id"] = "bad_format";
    if (Status p = CheckViidSecret(id, password); !p.ok()) s.mutable_fields()["password"] = p.fields().at("password");
    if (Utf8Length(name).value_or(101) > 100) s.mutable_fields()["name"] = "too_long";
    if (unit_id) {
        auto unit = auth::repo::GetUnit(c, *unit_id);
        if (!unit.ok() && unit.status().code() != ErrorCode::kNotFound) return unit.status();
        if (!unit.ok())
            s.mutable_fields()["unit_id"] = "not_found";
        else if (unit->dissolved_at)
            s.mutable_fields()["unit_id"] = "dissolved";
    }
    if (!s.fields().empty()) return s;
    return UpsertViidClient(c, id, name, ToHex(Sm4Encrypt(key, password)), now, unit_id);
}

Result<ViidCredentials> ViidClientCredentials(storage::Connection& c, const std::string& key, const std::string& id) {
    JW_ASSIGN_OR_RETURN(auto stored, LoadEnabledViidSecret(c, id));
    if (!stored) return Status::NotFound("viid_client");
    ViidCredentials out;
    out.secret = Sm4Decrypt(key, FromHex(stored->secret_enc));
    if (out.secret.empty()) return Status::Internal("VIID client secret does not decrypt with the platform key");
    out.unit_id = stored->unit_id;
    return out;
}

namespace {
Status ExpectOne(storage::Connection& c, const std::string& id) {
    JW_ASSIGN_OR_RETURN(const bool exists, ViidClientExists(c, id));
    return exists ? Status::Ok() : Status::NotFound("viid_client");
}
}  // namespace

Status SetViidClientEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return UpdateViidClientEnabled(c, id, enabled, now);
}

Status MarkViidRegistered(storage::Connection& c, const std::string& id, const std::string& address, int64_t now,
                          const std::string& session_hash) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return UpdateViidRegistered(c, id, address, now, session_hash);
}

Status MarkViidUnregistered(storage::Connection& c, const std::string& id, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return UpdateViidUnregistered(c, id, now);
}

Status MarkViidSeen(storage::Connection& c, const std::string& id, int64_t now) {
    JW_RETURN_IF_ERROR(ExpectOne(c, id));
    return UpdateViidLastSeen(c, id, now);
}

}  // namespace jw::checkpoint
