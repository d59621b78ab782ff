#pragma once
// The API pipeline, independent of the socket library: route → session → password-change / TOTP gates →
// permission → CSRF → stated purpose → handler → audited write → reply. Every call, including every
// refusal, leaves one audit record, and the reply is released only once that record is durable.
// Thread safety: Handle may be called from any thread concurrently.

#include <atomic>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/session_service.hpp"
#include "http/router.hpp"
#include "http/worker_pool.hpp"

namespace jw::http {

struct Outgoing {
    int status = 200;
    std::string body;
    std::string content_type;
    std::vector<std::pair<std::string, std::string>> headers;
};

using Respond = std::function<void(Outgoing)>;

struct Metrics {
    std::atomic<uint64_t> requests{0}, status_2xx{0}, status_4xx{0}, status_5xx{0}, audit_records{0};
    std::atomic<uint64_t> latency_buckets[8]{};  // ≤1, 2, 5, 10, 20, 50, 100 ms, +Inf
    std::atomic<uint64_t> latency_us_sum{0};
    std::atomic<int64_t> in_flight{0};
    void Observe(int status, int64_t micros);
};

class Dispatcher {
  public:
    Dispatcher(Router& router, auth::SessionService& sessions, audit::AuditLog& audit, Metrics& metrics)
        : router_(router), sessions_(sessions), audit_(audit), metrics_(metrics) {}

    // Handles one /api/ request; `respond` is called exactly once, possibly on another thread.
    void Handle(Request req, Respond respond);

    // Set up before serving (not thread-safe against Handle):
    // The handlers of `actions` (argon2 work) run on `pool` instead of the network thread; when its queue is
    // full the request is answered 503 busy at once.
    void Offload(WorkerPool* pool, const std::vector<std::string>& actions);
    // Checks the case number a sensitive read states (the bureau's format; Ok or any error). Without it, a
    // case number of at least 4 characters passes.
    void SetCaseNumberCheck(std::function<Status(const std::string&)> check) { case_no_check_ = std::move(check); }

    static constexpr size_t kMaxBody = 1 << 20;  // 1 MiB

  private:
    void Finish(Request& req, audit::AuditEntry entry, Result<Reply> reply, Respond respond);

    Router& router_;
    auth::SessionService& sessions_;
    audit::AuditLog& audit_;
    Metrics& metrics_;
    WorkerPool* pool_ = nullptr;
    std::set<std::string> offloaded_;
    std::function<Status(const std::string&)> case_no_check_;
};

// Session cookie helpers.
inline constexpr const char* kSessionCookie = "jw_session";
inline constexpr const char* kCsrfCookie = "jw_csrf";
// `secure`: add the Secure attribute (whenever the server is reached over TLS; off only for plain-http demos).
std::vector<std::string> SessionCookies(const std::string& token, const std::string& csrf, bool secure);
std::vector<std::string> ClearedSessionCookies(bool secure);
}  // namespace jw::http
