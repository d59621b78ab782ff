#pragma once
// State shared by the viid part's handlers (one per server, created by RegisterViidRoutes and captured by
// every route): the module's Deps, the registered VIID clients, the nonce secret for Digest, and the bulk
// imports in progress. Internal to the viid part.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checkpoint/checkpoint_module.hpp"
#include "checkpoint/import_passes.hpp"
#include "checkpoint/viid_append.hpp"
#include "checkpoint/viid_codec.hpp"
#include "checkpoint/viid_sessions.hpp"
#include "http/context.hpp"

namespace jw::checkpoint {

struct ViidContext {
    explicit ViidContext(const Deps& d);

    Deps deps;
    ViidSessions sessions;
    std::string nonce_secret;
    PassImports imports;
    AppendCombiner appender;  // intake's group append (hits recorded by RecordHitsAndWake)
    std::string server_id;  // VIIDServerID: region code + 00 00 + type 503 + 0 + 000001 (GB/T 28181 layout)
};

inline constexpr int64_t kNonceMaxAge = 300;
inline constexpr int64_t kRegistrationIdle = 1800;

// A VIID reply (Content-Type application/VIID+JSON).
http::Reply ViidReply(int status, Json body);
// 401 + ResponseStatusObject unless the request's User-Identify names a registered client; sets *client.
std::optional<http::Reply> RequireRegistered(ViidContext& ctx, const http::Request& req, std::string* client);
// Records watch-list hits in one Committer job and wakes the outbox so the alerts are pushed at once. Failures
// are logged: the passes themselves are already durable.
void RecordHitsAndWake(ViidContext& ctx, const std::vector<PassHit>& hits);

void AddSystemRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddIntakeRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddAdminRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddImportRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);
void AddDispositionRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx);

}  // namespace jw::checkpoint
