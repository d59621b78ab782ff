#pragma once
// Which VIID clients are registered right now (GA/T 1400 § Register/Keepalive/UnRegister), in memory so that
// the per-request `User-Identify` check costs no SQL. A registration lapses after `idle_limit` seconds without
// any authenticated call; the client then gets 401 and registers again, as GA/T 1400 clients do. A
// registration is bound to the address it was made from: `User-Identify` alone from elsewhere is refused. The
// database keeps the same state (viid_clients.registered_at) for the admin page and for a restart.
// Thread-safe.

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace jw::checkpoint {

class ViidSessions {
public:
    explicit ViidSessions(int64_t idle_limit) : idle_limit_(idle_limit) {}

    void Register(const std::string& id, const std::string& address, int64_t now);
    void Unregister(const std::string& id);
    // True when `id` is registered from `address` and was active within the idle limit; records the activity.
    bool Touch(const std::string& id, const std::string& address, int64_t now);
    bool IsRegistered(const std::string& id, int64_t now) const;
    int64_t idle_limit() const { return idle_limit_; }

private:
    const int64_t idle_limit_;
    mutable std::mutex mu_;
    struct Entry {
        std::string address;
        int64_t last_active = 0;
    };
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace jw::checkpoint
