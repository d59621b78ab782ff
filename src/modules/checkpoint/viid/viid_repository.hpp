#pragma once
// SQL of the viid part: the table viid_clients (schema/002_viid.sql, 005_viid_security.sql) and the savepoint
// around one reported device, for SQLite and PostgreSQL. Functions take the caller's connection: writes run
// inside the caller's audited transaction, reads on any connection. No rules here (viid_clients.hpp holds the
// secret policy and the checks; viid_devices.hpp the per-object outcome). Errors: the database's.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checkpoint/devices/devices_repository.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

struct ViidClient {
    std::string id;  // GB/T 28181-style 20 digits
    std::string name;
    bool enabled = true;
    std::optional<int64_t> unit_id;  // receives the watch orders notifying this unit (none: receives none)
    std::string unit_name;
    int64_t created_at = 0;
    int64_t updated_at = 0;
    std::optional<int64_t> registered_at;  // set by Register, cleared by UnRegister, disable and a new secret
    std::optional<int64_t> last_seen;      // last authenticated call recorded (Register, Keepalive)
    std::string last_address;
};

// Every client with its unit's name, by id.
Result<std::vector<ViidClient>> ListViidClients(storage::Connection& c);

// Whether a client with this id is stored (enabled or not).
Result<bool> ViidClientExists(storage::Connection& c, const std::string& id);

// Inserts a client, or replaces an existing one's name and secret: enabled again, registration cleared, its
// unit kept when `unit_id` is std::nullopt. `secret_enc` is the stored (encrypted, hex) secret.
Status UpsertViidClient(storage::Connection& c, const std::string& id, const std::string& name,
                        const std::string& secret_enc, int64_t now, std::optional<int64_t> unit_id);

// The stored secret and unit of an enabled client; std::nullopt when unknown or disabled.
struct StoredViidSecret {
    std::string secret_enc;
    std::optional<int64_t> unit_id;
};
Result<std::optional<StoredViidSecret>> LoadEnabledViidSecret(storage::Connection& c, const std::string& id);

// Enabling keeps the registration; disabling clears it (registered_at and session hash).
Status UpdateViidClientEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now);
// Registered now from `address` (an empty `session_hash` is stored as NULL); last seen now.
Status UpdateViidRegistered(storage::Connection& c, const std::string& id, const std::string& address, int64_t now,
                            const std::string& session_hash);
Status UpdateViidUnregistered(storage::Connection& c, const std::string& id, int64_t now);
Status UpdateViidLastSeen(storage::Connection& c, const std::string& id, int64_t now);

// Enabled clients registered with a session and seen after `seen_after`: the registrations a restart keeps.
struct ViidRegistration {
    std::string id;
    int64_t last_seen = 0;
    std::string last_address, session_hash;
    std::optional<int64_t> unit_id;
};
Result<std::vector<ViidRegistration>> ListLiveViidRegistrations(storage::Connection& c, int64_t seen_after);

// UpsertDevice (devices_repository.hpp) in a savepoint of the caller's transaction: when it fails, what it wrote
// is undone and its Status returned, and the transaction goes on. Errors of the savepoint itself are returned
// as they are (the transaction is then unusable).
Status UpsertDeviceInSavepoint(storage::Connection& c, const Device& d, int64_t now);

}  // namespace jw::checkpoint
