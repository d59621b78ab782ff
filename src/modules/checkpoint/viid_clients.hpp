#pragma once
// Credentials and registration state of upstream platforms and devices allowed to push GA/T 1400 data
// (table viid_clients, schema/002_viid.sql). Owned by the viid part. Every function runs on the caller's
// connection (inside the caller's audited transaction for writes); not thread-safe per connection.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace jw::checkpoint {

struct ViidClient {
    std::string id;  // GB/T 28181-style 20 digits
    std::string name;
    bool enabled = true;
    int64_t created_at = 0;
    int64_t updated_at = 0;
    std::optional<int64_t> registered_at;  // set by Register, cleared by UnRegister, disable and a new secret
    std::optional<int64_t> last_seen;      // last authenticated call recorded (Register, Keepalive)
    std::string last_address;
};

// Adds or replaces a client (`jingwu viid add-client`, the admin UI); a replaced client is enabled again and
// must register anew. The secret is stored SM4-encrypted with `key` (16 bytes). Errors: InvalidArgument naming
// "id" (not 20 digits), "password" (shorter than 8 or longer than 64), "name" (over 100 characters).
Status AddViidClient(storage::Connection& c, const std::string& key, const std::string& id,
                     const std::string& password, const std::string& name, int64_t now);

Result<std::vector<ViidClient>> ListViidClients(storage::Connection& c);

// The clear secret of an enabled client. Errors: NotFound "viid_client" (unknown or disabled), Internal when the
// stored secret does not decrypt with `key`.
Result<std::string> ViidClientSecret(storage::Connection& c, const std::string& key, const std::string& id);

// Enables or disables a client; disabling also ends its registration. Error: NotFound "viid_client".
Status SetViidClientEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now);

// Registration state. Error: NotFound "viid_client".
Status MarkViidRegistered(storage::Connection& c, const std::string& id, const std::string& address, int64_t now);
Status MarkViidUnregistered(storage::Connection& c, const std::string& id, int64_t now);
Status MarkViidSeen(storage::Connection& c, const std::string& id, int64_t now);

}  // namespace jw::checkpoint
