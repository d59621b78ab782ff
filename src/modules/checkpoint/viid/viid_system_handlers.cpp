// GA/T 1400 system endpoints: Register (HTTP Digest, RFC 7616, then a session token), Keepalive, UnRegister, Time.
#include <spdlog/spdlog.h>

#include "checkpoint/viid/viid_clients.hpp"
#include "checkpoint/viid/viid_context.hpp"
#include "checkpoint/viid/viid_digest.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;
using viid::Code;

std::string Header(const Request& req, const char* name) {
    auto it = req.headers.find(name);
    return it == req.headers.end() ? "" : it->second;
}

// A 401 with a fresh challenge bound to this address (and to `bind_client` when known). Every refusal of a
// Register with credentials goes through here with the same StatusString, so an unknown client, a wrong secret,
// a locked client and a replay look alike (same status, body shape and WWW-Authenticate shape); the audit
// detail (`why`) keeps the real reason for the security administrator.
Reply Challenge(ViidContext& ctx, const Request& req, const std::string& bind_client, bool stale,
                const char* status_string, const std::string& why, const std::string& audit_client) {
    const int64_t now = NowUnix();
    Reply r = ViidReply(401, viid::ResponseStatus(req.path, Code::kInvalidOperation, status_string, "", now));
    r.headers.emplace_back("WWW-Authenticate",
                           viid::Challenge(ctx.guard.IssueNonce(req.client, bind_client, now), stale));
    r.audit_object = viid::IsViidId(audit_client) ? "viid_client:" + audit_client : "";
    r.audit_detail = why;
    return r;
}

constexpr const char* kRefused = "Authorization: wrong_credentials";

// The DeviceID of a system object ({"RegisterObject":{"DeviceID":…}}), "" when absent; the body is optional.
std::string SystemDeviceId(const std::string& body, const char* object) {
    if (body.empty()) return "";
    Json doc = Json::parse(body, nullptr, false);
    if (doc.is_discarded()) return "";
    const Json* inner = viid::Field(doc, object);
    return inner ? viid::TextField(*inner, "DeviceID").value_or("") : "";
}

std::string Param(const std::map<std::string, std::string>& p, const char* key) {
    auto it = p.find(key);
    return it == p.end() ? "" : it->second;
}

// Register (docs/adr/0016-viid-session-security.md): the nonce must have been issued to this address, be
// unused by a Register and carry a higher nc than before; then the throttle; then the secret (a stand-in one
// for an unknown client, so the work is the same). Success issues a session token derived from this exchange.
Result<Reply> RegisterHandler(ViidContext& ctx, Request& req) {
    const std::string device = SystemDeviceId(req.body, "RegisterObject");
    const auto params = viid::ParseDigestHeader(Header(req, "authorization"));
    const std::string hint = viid::IsViidId(device) ? device : "";
    if (params.empty()) return Challenge(ctx, req, hint, false, "Authorization: digest_required", "challenge", hint);
    const std::string client = Param(params, "username");
    if (!viid::IsViidId(client)) return Challenge(ctx, req, hint, false, "username: bad_format", "bad username", "");
    // RFC 7616 § 3.4.6: the digest must be for this request's target.
    const std::string uri = Param(params, "uri");
    if (uri != req.path && uri.rfind(req.path + "?", 0) != 0)
        return Challenge(ctx, req, client, false, "uri: mismatch", "uri mismatch", client);
    if (!device.empty() && device != client)
        return Challenge(ctx, req, client, false, "DeviceID: not_the_username", "DeviceID is not the username", client);

    const int64_t now = NowUnix();
    const std::string nonce = Param(params, "nonce"), nc = Param(params, "nc");
    switch (ctx.guard.UseNonce(nonce, nc, client, req.client, now)) {
        case ViidGuard::NonceUse::kStale:
            return Challenge(ctx, req, client, true, "nonce: stale", "stale nonce", client);
        case ViidGuard::NonceUse::kReplay:
            if (ctx.guard.Failure(client, req.client, now))
                spdlog::warn("viid: register of {} from {} locked after repeated failures", client, req.client);
            spdlog::warn("viid: replayed Digest nonce for {} from {}", client, req.client);
            return Challenge(ctx, req, client, false, kRefused, "replayed nonce or nc", client);
        case ViidGuard::NonceUse::kOk:
            break;
    }
    const bool locked = ctx.guard.Locked(client, req.client, now);
    auto c = ctx.deps.db.Acquire();
    if (!c.ok()) return c.status();
    auto creds = ViidClientCredentials(**c, ctx.deps.key, client);
    if (!creds.ok() && creds.status().code() != ErrorCode::kNotFound) return creds.status();
    const bool known = creds.ok();
    // Unknown clients are checked against a stand-in secret: the same MD5 work and the same answer.
    const std::string secret = known ? creds->secret : ctx.session_key;
    const bool right = viid::VerifyDigest(params, client, secret, req.method) == viid::DigestCheck::kOk && known;
    const bool weak = right && !CheckViidSecret(client, secret).ok();
    if (locked || !right || weak) {
        if (locked) {
            ViidAuthMetrics().refused_locked++;
        } else if (ctx.guard.Failure(client, req.client, now)) {
            spdlog::warn("viid: register of {} from {} locked after repeated failures", client, req.client);
        }
        const char* why = locked   ? "locked"
                          : !known ? "unknown or disabled client"
                          : weak   ? "secret below policy: rotate it"
                                   : "wrong response";
        if (weak)
            spdlog::warn("viid: client {} has a secret below the policy; rotate it (jingwu viid add-client)", client);
        return Challenge(ctx, req, client, false, kRefused, why, client);
    }
    ctx.guard.ConsumeNonce(nonce);
    ctx.guard.Success(client, req.client, now);
    // The token is bound to this exchange (HMAC over it) and random, so a replay of the exchange cannot yield it.
    const std::string token = HmacSm3Hex(ctx.session_key, client + "|" + req.client + "|" + nonce + "|" + nc + "|" +
                                                              Param(params, "cnonce") + "|" + RandomToken(16));
    Reply r = ViidReply(200, Json());
    r.headers.emplace_back(kSessionHeader, token);
    r.audit_object = "viid_client:" + client;
    r.audit_detail = "registered";
    r.write = [&ctx, client, token_hash = ViidTokenHash(token), unit = creds->unit_id, address = req.client,
               path = req.path](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_RETURN_IF_ERROR(MarkViidRegistered(c, client, address, now, token_hash));
        ctx.sessions.Register(client, address, token_hash, unit, now);
        out.body = viid::ResponseStatus(path, Code::kOk, "OK", client, now);
        return Status::Ok();
    };
    return r;
}

Result<Reply> KeepaliveHandler(ViidContext& ctx, Request& req) {
    std::string client;
    if (auto refused = RequireRegistered(ctx, req, &client)) return *refused;
    const std::string device = SystemDeviceId(req.body, "KeepaliveObject");
    const int64_t now = NowUnix();
    ctx.deps.hub.Touch(viid::IsViidId(device) ? device : client, now);
    Reply r = ViidReply(200, viid::ResponseStatus(req.path, Code::kOk, "OK", client, now));
    r.audit_object = "viid_client:" + client;
    r.write = [client](storage::Connection& c, audit::AuditEntry&, Reply&) {
        return MarkViidSeen(c, client, NowUnix());
    };
    return r;
}

Result<Reply> UnRegisterHandler(ViidContext& ctx, Request& req) {
    std::string client;
    if (auto refused = RequireRegistered(ctx, req, &client)) return *refused;
    Reply r = ViidReply(200, viid::ResponseStatus(req.path, Code::kOk, "OK", client, NowUnix()));
    r.audit_object = "viid_client:" + client;
    r.audit_detail = "unregistered";
    r.write = [&ctx, client](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        JW_RETURN_IF_ERROR(MarkViidUnregistered(c, client, NowUnix()));
        ctx.sessions.Unregister(client);
        return Status::Ok();
    };
    return r;
}

Result<Reply> TimeHandler(ViidContext& ctx, Request& req) {
    std::string client;
    if (auto refused = RequireRegistered(ctx, req, &client)) return *refused;
    Reply r = ViidReply(200, Json{{"SystemTimeObject", Json{{"VIIDServerID", ctx.server_id},
                                                            {"TimeMode", "1"},
                                                            {"LocalTime", viid::FormatViidTime(NowUnix())},
                                                            {"TimeZone", "Asia/Shanghai"}}}});
    r.audit_object = "viid_client:" + client;
    return r;
}

}  // namespace

void AddSystemRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx) {
    auto bind = [ctx](Result<Reply> (*fn)(ViidContext&, Request&)) {
        return [ctx, fn](Request& req) { return fn(*ctx, req); };
    };
    router.Add({"POST", "/VIID/System/Register", "public", "viid.register", bind(RegisterHandler)});
    router.Add({"POST", "/VIID/System/Keepalive", "public", "viid.keepalive", bind(KeepaliveHandler)});
    router.Add({"POST", "/VIID/System/UnRegister", "public", "viid.unregister", bind(UnRegisterHandler)});
    router.Add({"GET", "/VIID/System/Time", "public", "viid.time", bind(TimeHandler)});
}

}  // namespace jw::checkpoint
