#pragma once
// Which VIID clients are registered right now (GA/T 1400 § Register/Keepalive/UnRegister), in memory so that
// the per-request check costs no SQL. A registration is a session bound to the successful Digest exchange
// (docs/adr/0016-viid-session-security.md): Register issues a random token (reply header X-VIID-Session) that
// every later request must send back with `User-Identify`, from the address the client registered from. A new
// Register replaces the token, UnRegister drops it. Only the SM3 hash of the token is kept (here and in
// viid_clients.session_hash, so a fresh registration survives a restart). A registration lapses after
// `idle_limit` seconds without any authenticated call; the client then gets 401 and registers again.
// Thread-safe.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace jw::checkpoint {

// The SM3 hex of a session token: what is stored and compared.
std::string ViidTokenHash(const std::string& token);

class ViidSessions {
  public:
    explicit ViidSessions(int64_t idle_limit) : idle_limit_(idle_limit) {}

    struct Caller {
        std::optional<int64_t> unit_id;  // the unit whose watch orders the client receives; none: none
    };

    // (Re)registers `id`: any earlier token of `id` stops working.
    void Register(const std::string& id, const std::string& address, const std::string& token_hash,
                  std::optional<int64_t> unit_id, int64_t now);
    void Unregister(const std::string& id);
    // The caller when `id` is registered from `address` with this `token` and was active within the idle limit;
    // records the activity. nullopt otherwise (unknown, other address, wrong or missing token, lapsed).
    std::optional<Caller> Touch(const std::string& id, const std::string& address, const std::string& token,
                                int64_t now);
    bool IsRegistered(const std::string& id, int64_t now) const;
    int64_t idle_limit() const { return idle_limit_; }

  private:
    const int64_t idle_limit_;
    mutable std::mutex mu_;
    struct Entry {
        std::string address;
        std::string token_hash;
        std::optional<int64_t> unit_id;
        int64_t last_active = 0;
    };
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace jw::checkpoint
