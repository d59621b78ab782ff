// GA/T 1400 system endpoints: Register (HTTP Digest, RFC 7616), Keepalive, UnRegister, Time.
#include "checkpoint/viid_clients.hpp"
#include "checkpoint/viid_context.hpp"
#include "checkpoint/viid_digest.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;
using viid::Code;

std::string Header(const Request& req, const char* name) {
    auto it = req.headers.find(name);
    return it == req.headers.end() ? "" : it->second;
}

Reply Challenge(ViidContext& ctx, const Request& req, const std::string& client, bool stale, const char* why) {
    const int64_t now = NowUnix();
    Reply r = ViidReply(401, viid::ResponseStatus(req.path, Code::kInvalidOperation, why, client, now));
    r.headers.emplace_back("WWW-Authenticate", viid::Challenge(viid::MakeNonce(ctx.nonce_secret, now), stale));
    r.audit_object = viid::IsViidId(client) ? "viid_client:" + client : "";
    r.audit_detail = why;
    return r;
}

// The DeviceID of a system object ({"RegisterObject":{"DeviceID":…}}), "" when absent; the body is optional.
std::string SystemDeviceId(const std::string& body, const char* object) {
    if (body.empty()) return "";
    Json doc = Json::parse(body, nullptr, false);
    if (doc.is_discarded()) return "";
    const Json* inner = viid::Field(doc, object);
    return inner ? viid::TextField(*inner, "DeviceID").value_or("") : "";
}

Result<Reply> RegisterHandler(ViidContext& ctx, Request& req) {
    const auto params = viid::ParseDigestHeader(Header(req, "authorization"));
    if (params.empty()) return Challenge(ctx, req, "", false, "Authorization: digest_required");
    const std::string client = params.count("username") ? params.at("username") : "";
    if (!viid::IsViidId(client)) return Challenge(ctx, req, "", false, "username: bad_format");
    // RFC 7616 § 3.4.6: the digest must be for this request's target.
    const std::string uri = params.count("uri") ? params.at("uri") : "";
    if (uri != req.path && uri.rfind(req.path + "?", 0) != 0) return Challenge(ctx, req, client, false, "uri: mismatch");
    const std::string device = SystemDeviceId(req.body, "RegisterObject");
    if (!device.empty() && device != client) return Challenge(ctx, req, client, false, "DeviceID: not_the_username");
    auto c = ctx.deps.db.Acquire();
    if (!c.ok()) return c.status();
    auto secret = ViidClientSecret(**c, ctx.deps.key, client);
    if (!secret.ok()) {
        if (secret.status().code() != ErrorCode::kNotFound) return secret.status();
        return Challenge(ctx, req, client, false, "username: unknown_or_disabled");
    }
    const auto check =
        viid::VerifyDigest(params, client, *secret, req.method, ctx.nonce_secret, NowUnix(), kNonceMaxAge);
    if (check == viid::DigestCheck::kStaleNonce) return Challenge(ctx, req, client, true, "nonce: stale");
    if (check != viid::DigestCheck::kOk) return Challenge(ctx, req, client, false, "Authorization: wrong_credentials");

    Reply r = ViidReply(200, Json());
    r.audit_object = "viid_client:" + client;
    r.audit_detail = "registered";
    r.write = [&ctx, client, address = req.client, path = req.path](storage::Connection& c, audit::AuditEntry&,
                                                                    Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_RETURN_IF_ERROR(MarkViidRegistered(c, client, address, now));
        ctx.sessions.Register(client, address, now);
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
