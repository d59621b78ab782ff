#pragma once
// Protection of GA/T 1400 Register (docs/adr/0016-viid-session-security.md): single-use Digest nonces bound to
// the address they were issued to (and to the client that first uses them), each nc used once and increasing;
// and failure throttling per (client, address), per address and per client ID with exponential lock-out.
// In memory only (a restart forgets nonces — clients get a fresh challenge — and failure counts). Every
// function takes `now` (Unix seconds) so tests drive the clock. Thread-safe (one mutex; Register is rare).

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace jw::checkpoint {

struct ViidGuardLimits {
    int64_t nonce_life = 300;             // seconds a challenge may be answered
    size_t max_nonces = 100000;           // oldest evicted beyond this (a flood of challenges costs bounded memory)
    int pair_failures = 5;                // per (client, address): failures before a lock
    int address_failures = 20;            // per address, over all client IDs
    int client_failures = 50;             // per client ID, over all addresses (known-good addresses exempt)
    int64_t first_lock = 60;              // seconds; doubles with each further failure
    int64_t max_lock = 900;               // 15 minutes (等保 level 3)
    int64_t window = 900;                 // failures older than this (and no lock running) are forgotten
    int64_t known_good_for = 30 * 86400;  // an address a client registered from stays exempt this long
};

// Counters for /metrics (process-wide, all guards).
struct ViidAuthCounters {
    std::atomic<uint64_t> failures{0}, lockouts{0}, refused_locked{0}, replays{0}, registrations{0};
};
ViidAuthCounters& ViidAuthMetrics();
// Prometheus text of ViidAuthMetrics().
std::string ViidAuthMetricsText();

class ViidGuard {
  public:
    explicit ViidGuard(ViidGuardLimits limits = {}) : limits_(limits) {}

    // A fresh random nonce bound to `address` (and to `client` when the caller already knows it, else to the
    // first client that answers it).
    std::string IssueNonce(const std::string& address, const std::string& client, int64_t now);

    enum class NonceUse {
        kOk,      // first use of this nc for this nonce, by its client, from its address
        kStale,   // unknown or expired: answer with a fresh challenge (stale=true)
        kReplay,  // used (consumed, nc not above the last one, other address or other client): refuse
    };
    // Checks and records one use of (nonce, nc) by `client` from `address`. `nc` is the 8 hex digits of the
    // Authorization header ("" without qop, which counts as nc 1).
    NonceUse UseNonce(const std::string& nonce, const std::string& nc, const std::string& client,
                      const std::string& address, int64_t now);
    // After a successful Register: the nonce may not be used again.
    void ConsumeNonce(const std::string& nonce);

    // True while (client, address), the address, or the client ID (unless `address` is known-good for it) is
    // locked.
    bool Locked(const std::string& client, const std::string& address, int64_t now);
    // One failed attempt; returns true when it starts (or extends past the previous end) a lock.
    bool Failure(const std::string& client, const std::string& address, int64_t now);
    // A successful Register: clears the (client, address) count and remembers the address as known-good.
    void Success(const std::string& client, const std::string& address, int64_t now);

  private:
    struct Nonce {
        std::string address, client;
        int64_t issued = 0;
        uint64_t last_nc = 0;
        bool consumed = false;
    };
    struct Counter {
        int failures = 0;
        int64_t last_failure = 0;
        int64_t locked_until = 0;
    };
    // Records a failure on `c` with `threshold`; true when a lock starts or grows.
    bool Count(Counter& c, int threshold, int64_t now);
    bool IsLocked(const std::unordered_map<std::string, Counter>& m, const std::string& key, int64_t now) const;
    void Sweep(int64_t now);

    const ViidGuardLimits limits_;
    std::mutex mu_;
    std::unordered_map<std::string, Nonce> nonces_;
    std::deque<std::string> nonce_order_;  // issue order, for eviction
    std::unordered_map<std::string, Counter> pairs_, addresses_, clients_;
    std::unordered_map<std::string, std::vector<std::pair<std::string, int64_t>>> known_good_;
    int64_t last_sweep_ = 0;
};

}  // namespace jw::checkpoint
