#pragma once
// The connection guard: what RESTinio 0.6 cannot do by itself, done on the bytes as they arrive on each
// accepted socket (GuardedSocket in guarded_socket.hpp feeds them here before RESTinio parses them).
//
// - Body limits at the header: a request whose Content-Length is over its path's limit (BodyLimitFor) is
//   answered 413 with the JSON error at once, before any of its body is read; a chunked body is refused the
//   same way when it passes the limit. RESTinio alone would reserve the declared size and then reset the
//   connection.
// - An in-flight budget: the bytes of request bodies still being received, over all connections, stay under
//   `inflight_budget`; a request that would pass it is answered 503 (retry later).
// - Connection shedding: every open socket is registered; above `high_water` open sockets the least recently
//   active ones that are waiting for a request (never one whose request is being handled, never a
//   WebSocket) are shut down until `low_water` remain. With RESTinio's connection limit set to `max` (below
//   the open-file limit) the acceptor never meets EMFILE, which would end its accept loop for good.
//
// Thread safety: ConnState is used by one socket's strand only; the registry and counters are thread-safe.
// A socket is shut down (never closed) by the guard, under the registry lock that Unregister also takes, so
// the guard never touches a descriptor after its socket closed it.

#include <http_parser.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace jw::http {

struct GuardLimits {
    size_t small_body = 256u << 10;       // every request but the few below
    size_t large_body = 1u << 20;         // /VIID/… intake and …/import… (= the dispatcher's 1 MiB)
    size_t inflight_budget = 128u << 20;  // body bytes being received, all connections together
    size_t max_connections = 1024;        // RESTinio's limit; no accept beyond it
    size_t high_water = 896;              // shedding starts above this many open sockets …
    size_t low_water = 768;               // … and sheds down to this many
};

// The body limit for a request target (path, query ignored).
size_t BodyLimitFor(const GuardLimits& limits, std::string_view target);

// Limits for an open-file limit `nofile` (and an explicit connection cap, 0 = derived): a reserve of
// max(64, nofile/8) descriptors stays for the database, the pass engine and the like.
GuardLimits LimitsForFileLimit(uint64_t nofile, size_t max_connections = 0);

class ConnectionGuard;

// One socket's state (see the header comment).
struct ConnState {
    enum class Verdict { kPass, kTooLarge, kBusy };
    ConnectionGuard* guard = nullptr;
    int fd = -1;
    uint64_t seq = 0;
    std::atomic<int64_t> last_active_ms{0};
    std::atomic<bool> read_pending{false};
    std::atomic<bool> mid_message{false};
    std::atomic<bool> passthrough{false};  // upgraded (WebSocket) or a parse error RESTinio will report itself
    std::atomic<bool> upgraded{false};
    http_parser parser{};
    std::string target;
    size_t limit = 0;
    size_t body_seen = 0;
    size_t reserved = 0;
    Verdict verdict = Verdict::kPass;
    size_t declared = 0;

    // Feeds received bytes; returns the verdict for them (kPass: hand them to RESTinio).
    Verdict Feed(const char* data, size_t n);
    // The reply for a refused request (HTTP/1.1 413 or 503, JSON error body, Connection: close).
    std::string RefusalResponse() const;
};

class ConnectionGuard {
  public:
    explicit ConnectionGuard(GuardLimits limits);
    ~ConnectionGuard();
    const GuardLimits& limits() const { return limits_; }
    void SetRequestIds(std::function<std::string()> next_id) { next_id_ = std::move(next_id); }

    std::unique_ptr<ConnState> Register(int fd);
    void Unregister(ConnState* s);

    bool Reserve(size_t bytes);
    void Release(size_t bytes);
    std::string NextRequestId() const { return next_id_ ? next_id_() : "guard"; }

    // Counters for /metrics.
    size_t open() const;
    uint64_t shed_total() const { return shed_total_; }
    uint64_t refused_too_large() const { return too_large_; }
    uint64_t refused_busy() const { return busy_; }
    uint64_t inflight_bytes() const { return inflight_; }
    void CountRefusal(ConnState::Verdict v);

  private:
    void ShedLoop();
    size_t ShedOnce();

    GuardLimits limits_;
    std::function<std::string()> next_id_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::map<uint64_t, ConnState*> open_;
    uint64_t next_seq_ = 1;
    bool stop_ = false;
    std::atomic<uint64_t> shed_total_{0}, too_large_{0}, busy_{0}, inflight_{0};
    std::thread shedder_;
};

int64_t SteadyMillis();

}  // namespace jw::http
