#pragma once
// State shared by the viid part's handlers (one per server, created by RegisterViidRoutes and captured by
// every route): the module's Deps, the registered VIID clients, the Digest nonces and failure throttling
// (ViidGuard), and the bulk imports in progress. Internal to the viid part.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checkpoint/checkpoint_module.hpp"
#include "checkpoint/viid/import_passes.hpp"
#include "checkpoint/viid/viid_append.hpp"
#include "checkpoint/viid/viid_codec.hpp"
#include "checkpoint/viid/viid_guard.hpp"
#include "checkpoint/viid/viid_sessions.hpp"
#include "http/context.hpp"

namespace jw::checkpoint {

struct ViidContext {
    explicit ViidContext(const Deps& d);

    Deps deps;
    ViidSessions sessions;
    ViidGuard guard;
    std::string session_key;  // derives session tokens from the Digest exchange (DeriveKey "viid.session")
    PassImports imports;
    AppendCombiner appender;  // intake's group append (hits recorded by RecordHitsAndWake)
    std::string server_id;    // VIIDServerID: region code + 00 00 + type 503 + 0 + 000001 (GB/T 28181 layout)
};

inline constexpr int64_t kRegistrationIdle = 1800;
// The request and reply header that carries the session token issued by Register.
inline constexpr const char* kSessionHeader = "X-VIID-Session";

// A VIID reply (Content-Type application/VIID+JSON).
http::Reply ViidReply(int status, Json body);
// 401 + ResponseStatusObject unless the request's User-Identify names a client registered from this address
// and X-VIID-Session carries its current token; sets *client (and *unit, the unit whose watch orders it
// receives, when asked).
std::optional<http::Reply> RequireRegistered(ViidContext& ctx, const http::Request& req, std::string* client,
                                             std::optional<int64_t>* unit = nullptr);
// Records watch-list hits in one Committer job and wakes the outbox so the alerts are pushed at once. Failures
// are logged: the passes themselves are already durable.
void RecordHitsAndWake(ViidContext& ctx, const std::vector<PassHit>& hits);

void AddSystemRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddIntakeRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddAdminRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddImportRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddDispositionRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);

}  // namespace jw::checkpoint
