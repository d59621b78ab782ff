// GA/T 1400 intake: POST /VIID/MotorVehicles (passes → the engine, watch-list hits → alerts), /VIID/Tollgates and
// /VIID/APEs (→ the checkpoint registry). Every object is answered with its own status; a body that is not JSON
// (status 7) or not the expected envelope (status 8) is refused whole and nothing is stored. MotorVehicles takes
// the fast path of viid_vehicles.hpp (simdjson in, text out) and leaves one audit record per post with the count
// and the SM3 of the accepted passes (ADR 0071).
#include <spdlog/spdlog.h>

#include "audit/audit_detail.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/viid/viid_context.hpp"
#include "checkpoint/viid/viid_devices.hpp"
#include "checkpoint/viid/viid_vehicles.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;
using viid::Code;

constexpr size_t kMaxObjects = 1000;

Reply EnvelopeRefused(ViidContext& ctx, const Request& req, const std::string& client, Code code,
                      const std::string& reason) {
    ctx.deps.hub.Count(client, 0, 1, NowUnix());
    Reply r = ViidReply(400, viid::ResponseStatus(req.path, code, reason, "", NowUnix()));
    r.audit_object = "viid_client:" + client;
    r.audit_detail = reason.substr(0, 200);
    return r;
}

const std::vector<analytics::PassRecord>& NoPasses() {
    static const std::vector<analytics::PassRecord> none;
    return none;
}

// The reply: a list for a list envelope, a single ResponseStatusObject for a single one.
Json Answer(bool list, Json items) {
    if (list || items.size() != 1) return viid::ResponseStatusList(std::move(items));
    return Json{{"ResponseStatusObject", std::move(items[0])}};
}

Result<Reply> MotorVehiclesHandler(ViidContext& ctx, Request& req) {
    std::string client;
    if (auto refused = RequireRegistered(ctx, req, &client)) return *refused;
    const int64_t now = NowUnix();
    viid::VehicleList in = viid::ParseMotorVehicles(req.body, now, kMaxObjects);
    if (in.code != Code::kOk) return EnvelopeRefused(ctx, req, client, in.code, in.reason);

    std::vector<analytics::PassRecord> batch;
    batch.reserve(in.vehicles.size());
    std::vector<std::string_view> touched;  // device and checkpoint ids, pointing into in.vehicles and batch
    for (auto& v : in.vehicles) {
        if (!v.vehicle) continue;
        if (!ctx.deps.hub.IsKnownCheckpoint(v.vehicle->pass.checkpoint_id)) {
            v.reason = "TollgateID: not_registered";
            continue;
        }
        if (!v.vehicle->device_id.empty()) touched.push_back(v.vehicle->device_id);
        batch.push_back(std::move(v.vehicle->pass));  // reserved: the view below stays valid
        touched.push_back(batch.back().checkpoint_id);
    }
    std::string store_error;
    if (!batch.empty()) {
        if (Status s = ctx.appender.Append(batch); !s.ok()) {
            spdlog::error("viid: appending {} passes failed: {}", batch.size(), s.message());
            store_error = "storage_unavailable";
        }
    }
    uint64_t accepted = 0, rejected = 0;
    std::vector<viid::StatusItem> items;
    items.reserve(in.vehicles.size());
    for (const auto& v : in.vehicles) {
        const bool ok = v.reason.empty() && store_error.empty();
        items.push_back({ok                 ? Code::kOk
                         : v.reason.empty() ? Code::kOther
                                            : Code::kInvalidJsonContent,
                         ok                 ? std::string_view("OK")
                         : v.reason.empty() ? store_error
                                            : v.reason,
                         v.object_id});
        (ok ? accepted : rejected)++;
    }
    if (accepted > 0) {
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        for (const auto id : touched) ctx.deps.hub.Touch(std::string(id), now);
    }
    ctx.deps.hub.Count(client, accepted, rejected, now);
    Reply r = ViidReply(store_error.empty() ? 200 : 503, Json());
    r.raw = viid::ResponseStatusText(req.path, in.list, items, now);
    r.audit_object = "viid_client:" + client;
    // One audit record per post: the count and the digest of what was accepted (ADR 0071).
    r.audit_detail = audit::EventDetail(MessageCode("audit.detail.viid_motor_vehicles"),
                                        {{"accepted", std::to_string(accepted)},
                                         {"rejected", std::to_string(rejected)},
                                         {"sm3", viid::PassesDigest(store_error.empty() ? batch : NoPasses())}});
    return r;
}

// Tollgates and APEs: each object stored on its own (StoreReportedDevices), so a refused one leaves the others.
Result<Reply> DevicesHandler(ViidContext& ctx, Request& req, const char* kind,
                             viid::DeviceResult (*parse)(const Json&)) {
    std::string client;
    if (auto refused = RequireRegistered(ctx, req, &client)) return *refused;
    viid::Envelope env = viid::ParseEnvelope(req.body, kind, kMaxObjects);
    if (env.code != Code::kOk) return EnvelopeRefused(ctx, req, client, env.code, env.reason);
    std::vector<viid::DeviceResult> parsed;
    for (const auto& o : env.objects) parsed.push_back(parse(o));
    Reply r = ViidReply(200, Json());
    r.audit_object = "viid_client:" + client;
    r.audit_detail = std::string(kind) + " objects=" + std::to_string(parsed.size());
    r.write = [&ctx, parsed = std::move(parsed), list = env.list, path = req.path](
                  storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(auto outcomes, StoreReportedDevices(c, ctx.deps.hub, parsed, now));
        Json items = Json::array();
        for (const auto& o : outcomes)
            items.push_back(viid::ResponseStatusInner(path, o.reason.empty() ? Code::kOk : Code::kInvalidJsonContent,
                                                      o.reason.empty() ? "OK" : o.reason, o.object_id, now));
        out.body = Answer(list, std::move(items));
        return Status::Ok();
    };
    return r;
}

Result<Reply> TollgatesHandler(ViidContext& ctx, Request& req) {
    return DevicesHandler(ctx, req, "Tollgate", viid::ParseTollgate);
}
Result<Reply> ApesHandler(ViidContext& ctx, Request& req) { return DevicesHandler(ctx, req, "APE", viid::ParseApe); }

}  // namespace

void AddIntakeRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx) {
    auto bind = [ctx](Result<Reply> (*fn)(ViidContext&, Request&)) {
        return [ctx, fn](Request& req) { return fn(*ctx, req); };
    };
    router.Add({"POST", "/VIID/MotorVehicles", "public", "viid.motor_vehicles", bind(MotorVehiclesHandler)});
    router.Add({"POST", "/VIID/Tollgates", "public", "viid.tollgates", bind(TollgatesHandler)});
    router.Add({"POST", "/VIID/APEs", "public", "viid.apes", bind(ApesHandler)});
}

}  // namespace jw::checkpoint
