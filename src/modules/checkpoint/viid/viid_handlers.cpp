// Route wiring of the viid part and the helpers its handlers share. Routes in docs/api/checkpoint-viid.md.
#include "checkpoint/viid/viid_handlers.hpp"

#include <spdlog/spdlog.h>

#include "checkpoint/viid/viid_context.hpp"
#include "checkpoint/viid/viid_repository.hpp"
#include "checkpoint/watch/watch_hits.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"

namespace jw::checkpoint {

ViidContext::ViidContext(const Deps& d)
    : deps(d),
      sessions(kRegistrationIdle),
      session_key(DeriveKey(d.key, "viid.session")),
      appender(d.hub, [this](const std::vector<PassHit>& hits) { RecordHitsAndWake(*this, hits); }),
      server_id((d.region_code.size() == 6 ? d.region_code : std::string("519901")) + "0000503" + "0000001") {}

http::Reply ViidReply(int status, Json body) {
    http::Reply r;
    r.status = status;
    r.body = std::move(body);
    r.content_type = viid::kContentType;
    return r;
}

std::optional<http::Reply> RequireRegistered(ViidContext& ctx, const http::Request& req, std::string* client,
                                             std::optional<int64_t>* unit) {
    auto it = req.headers.find("user-identify");
    *client = it == req.headers.end() ? "" : it->second;
    auto token = req.headers.find("x-viid-session");
    if (!client->empty() && token != req.headers.end()) {
        if (auto caller = ctx.sessions.Touch(*client, req.client, token->second, NowUnix())) {
            if (unit) *unit = caller->unit_id;
            return std::nullopt;
        }
    }
    http::Reply r = ViidReply(401, viid::ResponseStatus(req.path, viid::Code::kInvalidOperation,
                                                        "User-Identify: not_registered", *client, NowUnix()));
    r.audit_object = client->empty() ? "" : "viid_client:" + client->substr(0, 20);
    r.audit_detail = "not registered";
    return r;
}

void RecordHitsAndWake(ViidContext& ctx, const std::vector<PassHit>& hits) {
    if (hits.empty()) return;
    Status s = ctx.deps.committer.Run([&hits](storage::Connection& c) { return RecordHits(c, hits, NowUnix()); });
    if (!s.ok()) {
        spdlog::error("viid: recording {} watch-list hits failed: {}", hits.size(), s.message());
        return;
    }
    ctx.deps.outbox.Wake();
}

void RegisterViidRoutes(http::Router& router, const Deps& deps) {
    auto ctx = std::make_shared<ViidContext>(deps);
    // Registrations survive a restart while they are fresh (the database keeps them).
    if (auto c = deps.db.Acquire(); c.ok()) {
        auto live = ListLiveViidRegistrations(**c, NowUnix() - kRegistrationIdle);
        if (live.ok())
            for (const auto& r : *live)
                ctx->sessions.Register(r.id, r.last_address, r.session_hash, r.unit_id, r.last_seen);
    }
    AddSystemRoutes(router, ctx);
    AddIntakeRoutes(router, ctx);
    AddAdminRoutes(router, ctx);
    AddImportRoutes(router, ctx);
    AddDispositionRoutes(router, ctx);
}

Status RegisterViidJobs(notify::Scheduler&, const Deps&) { return Status::Ok(); }

}  // namespace jw::checkpoint
