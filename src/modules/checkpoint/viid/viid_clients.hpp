#pragma once
// Credentials and registration state of upstream platforms and devices allowed to push GA/T 1400 data
// (table viid_clients; SQL in viid_repository.hpp, which also lists them). Owned by the viid part. Every function
// runs on the caller's connection (inside the caller's audited transaction for writes); not thread-safe per
// connection.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checkpoint/viid/viid_repository.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// The secret policy for VIID clients (docs/adr/0016-viid-session-security.md): auth's password strength rule
// with at least 12 characters from 3 of 4 classes, at most 64, not containing the client ID, not built on a
// well-known weak word, at least 6 distinct characters. Ok, or InvalidArgument naming "password"
// ("weak_password" or "length_12_to_64").
Status CheckViidSecret(const std::string& id, const std::string& password);

// Adds or replaces a client (`jingwu viid add-client`, the admin UI); a replaced client is enabled again and
// must register anew; `unit_id` nullopt keeps a replaced client's unit. The secret is stored SM4-encrypted
// with `key` (16 bytes). Errors: InvalidArgument naming "id" (not 20 digits), "password" (CheckViidSecret),
// "name" (over 100 characters), "unit_id" (no such unit).
Status AddViidClient(storage::Connection& c, const std::string& key, const std::string& id, const std::string& password,
                     const std::string& name, int64_t now, std::optional<int64_t> unit_id = std::nullopt);

struct ViidCredentials {
    std::string secret;
    std::optional<int64_t> unit_id;
};
// The clear secret and unit of an enabled client. Errors: NotFound "viid_client" (unknown or disabled),
// Internal when the stored secret does not decrypt with `key`.
Result<ViidCredentials> ViidClientCredentials(storage::Connection& c, const std::string& key, const std::string& id);
inline Result<std::string> ViidClientSecret(storage::Connection& c, const std::string& key, const std::string& id) {
    auto r = ViidClientCredentials(c, key, id);
    if (!r.ok()) return r.status();
    return r->secret;
}

// Enables or disables a client; disabling also ends its registration. Error: NotFound "viid_client".
Status SetViidClientEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now);

// Registration state; `session_hash` is ViidTokenHash of the session token. Error: NotFound "viid_client".
Status MarkViidRegistered(storage::Connection& c, const std::string& id, const std::string& address, int64_t now,
                          const std::string& session_hash = "");
Status MarkViidUnregistered(storage::Connection& c, const std::string& id, int64_t now);
Status MarkViidSeen(storage::Connection& c, const std::string& id, int64_t now);

}  // namespace jw::checkpoint
