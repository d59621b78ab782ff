// Thin HTTP adapter of the checkpoint registry, map and map settings. Routes: docs/api/checkpoint-devices.md.
// Every registry change runs in the audited transaction (Reply.write) and then refreshes the hub
// (SyncCheckpointsToHub) so intake and the engine see it at once.
#include "checkpoint/devices/devices_handlers.hpp"

#include "checkpoint/devices/devices_json.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/devices/stats_handlers.hpp"
#include "common/civil_time.hpp"
#include "common/text_upload.hpp"
#include "http/params.hpp"

namespace jw::checkpoint {
namespace {

// The device CSV: 10 000 rows at most (devices_import.cpp); blank lines and a wide margin on top. The JSON body
// carrying it may be a little bigger than the text (escapes); the server's 1 MiB applies to all bodies.
constexpr TextUploadLimits kDeviceCsvLimits{.max_bytes = 768 * 1024, .max_lines = 20000, .max_line_bytes = 2048};
constexpr size_t kDeviceImportBodyBytes = 900 * 1024;

using http::Reply;
using http::Request;

// Reading the registry: either checkpoint.read (duty desks, analysts) or checkpoint.admin (the system admin).
Status CanRead(const Request& req) {
    if (req.principal->Can("checkpoint.read") || req.principal->Can("checkpoint.admin")) return Status::Ok();
    return Status::Denied();
}

Result<int64_t> OfflineAfter(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(MapSettings s, LoadMapSettings(c));
    return s.offline_after_s;
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    JW_RETURN_IF_ERROR(CanRead(req));
    DeviceFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.kind, http::QueryEnum(req, "kind", {"tollgate", "ape"}));
    JW_ASSIGN_OR_RETURN(f.status, http::QueryEnum(req, "status", {"online", "offline", "disabled"}));
    JW_ASSIGN_OR_RETURN(auto unit, http::QueryId(req, "unit_id"));
    if (unit) f.unit_id = *unit;
    f.text = req.Query("q");
    if (f.text.size() > 100) return Status::Invalid("q", "too_long");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(int64_t off, OfflineAfter(**c));
    JW_ASSIGN_OR_RETURN(auto page, ListDevices(**c, f, off, NowUnix()));
    Json items = Json::array();
    for (const auto& v : page.first) items.push_back(DeviceJson(v));
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

Result<Reply> GetHandler(const Deps& d, Request& req) {
    JW_RETURN_IF_ERROR(CanRead(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(int64_t off, OfflineAfter(**c));
    JW_ASSIGN_OR_RETURN(DeviceView v, GetDevice(**c, req.params["id"], off, NowUnix()));
    return Reply::Json200(DeviceJson(v, true));
}

// Create (id from the body) or update (id from the path): upsert, lanes, hub sync, reply with the device.
Result<Reply> Save(const Deps& d, Request& req, bool create) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    const std::string path_id = create ? "" : req.params["id"];
    JW_ASSIGN_OR_RETURN(auto input, ReadDeviceBody(body, path_id));
    Reply r;
    r.status = create ? 201 : 200;
    r.audit_object = "device:" + input.first.id;
    r.write = [d, input, create](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const Device& dev = input.first;
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(const bool exists, store::DeviceExists(c, dev.id));
        if (create && exists) return Status::Invalid("id", "already_exists");
        if (!create && !exists) return Status::NotFound("device");
        Device stored = dev;
        JW_RETURN_IF_ERROR(UpsertDevice(c, stored, now));
        if (input.second) JW_RETURN_IF_ERROR(ReplaceLanes(c, dev.id, *input.second));
        JW_RETURN_IF_ERROR(SyncCheckpointsToHub(c, d.hub));
        JW_ASSIGN_OR_RETURN(int64_t off, OfflineAfter(c));
        JW_ASSIGN_OR_RETURN(DeviceView v, GetDevice(c, dev.id, off, now));
        e.detail = Json({{"kind", dev.kind}, {"name", dev.name}, {"enabled", dev.enabled}}).dump();
        out.body = DeviceJson(v, true);
        return Status::Ok();
    };
    return r;
}

Result<Reply> CreateHandler(const Deps& d, Request& req) { return Save(d, req, true); }
Result<Reply> UpdateHandler(const Deps& d, Request& req) { return Save(d, req, false); }

Result<Reply> DisableHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body.empty() ? "{}" : req.body));
    JsonReader in(body, {"reason"});
    const std::string reason = in.Text("reason", false, 200).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const std::string id = req.params["id"];
    Reply r;
    r.audit_object = "device:" + id;
    r.audit_detail = reason;
    r.write = [d, id, reason](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_RETURN_IF_ERROR(SetDeviceEnabled(c, id, false, now));
        JW_RETURN_IF_ERROR(SyncCheckpointsToHub(c, d.hub));
        JW_ASSIGN_OR_RETURN(int64_t off, OfflineAfter(c));
        JW_ASSIGN_OR_RETURN(DeviceView v, GetDevice(c, id, off, now));
        e.detail = Json({{"reason", reason}}).dump();
        out.body = DeviceJson(v, true);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ImportHandler(const Deps& d, Request& req) {
    // Refused before parsing: too big, not a text CSV, a CSV bomb (security finding, ADR 0015's companion).
    JW_RETURN_IF_ERROR(CheckBodySize("csv", req.body.size(), kDeviceImportBodyBytes));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"csv"});
    if (!body.contains("csv") || !body["csv"].is_string()) in.Fail("csv", "required");
    JW_RETURN_IF_ERROR(in.status());
    const std::string csv = body["csv"].get<std::string>();
    JW_RETURN_IF_ERROR(CheckTextUpload("csv", csv, kDeviceCsvLimits));
    Reply r;
    r.audit_object = "devices:import";
    r.write = [d, csv](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(ImportSummary s, ImportDevicesCsv(c, csv, NowUnix()));
        JW_RETURN_IF_ERROR(SyncCheckpointsToHub(c, d.hub));
        out.body = {{"imported", s.created + s.updated}, {"created", s.created}, {"updated", s.updated}};
        e.detail = out.body.dump();
        return Status::Ok();
    };
    return r;
}

// The map: every checkpoint with coordinates and status, and the offline devices for the duty desk.
Result<Reply> MapHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(int64_t off, OfflineAfter(**c));
    DeviceFilter all;
    all.page_size = 10000;
    JW_ASSIGN_OR_RETURN(auto page, ListDevices(**c, all, off, NowUnix()));
    Json checkpoints = Json::array(), offline = Json::array();
    for (const auto& v : page.first) {
        const Device& dev = v.device;
        const Json seen = dev.last_seen ? Json(FormatUtcIso(*dev.last_seen)) : Json(nullptr);
        if (dev.kind == "tollgate" && !std::isnan(dev.longitude) && !std::isnan(dev.latitude)) {
            checkpoints.push_back({{"id", dev.id},
                                   {"name", dev.name},
                                   {"longitude", dev.longitude},
                                   {"latitude", dev.latitude},
                                   {"status", v.status},
                                   {"last_seen", seen}});
        }
        if (v.status == "offline") {
            offline.push_back({{"id", dev.id},
                               {"kind", dev.kind},
                               {"name", dev.name},
                               {"tollgate_id", dev.tollgate_id},
                               {"last_seen", seen},
                               {"unit_name", v.unit_name}});
        }
    }
    return Reply::Json200({{"checkpoints", checkpoints}, {"offline", offline}, {"offline_after_s", off}});
}

Result<Reply> BaseMapHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(std::string gj, LoadBaseMap(**c));
    Reply r;
    r.raw = std::move(gj);
    r.content_type = "application/geo+json; charset=utf-8";
    r.headers.emplace_back("Cache-Control", "private, max-age=300");
    return r;
}

Json SettingsJson(const MapSettings& s) {
    return {{"tile_url", s.tile_url}, {"tile_attribution", s.tile_attribution}, {"offline_after_s", s.offline_after_s}};
}

Result<Reply> GetSettingsHandler(const Deps& d, Request& req) {
    JW_RETURN_IF_ERROR(CanRead(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(MapSettings s, LoadMapSettings(**c));
    return Reply::Json200(SettingsJson(s));
}

Result<Reply> PutSettingsHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"tile_url", "tile_attribution", "offline_after_s"});
    MapSettings s;
    s.tile_url = in.Text("tile_url", false, 500).value_or("");
    s.tile_attribution = in.Text("tile_attribution", false, 200).value_or("");
    s.offline_after_s = in.Int("offline_after_s", false, 60, 7 * 86400).value_or(kDefaultOfflineAfterS);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "checkpoint:map-settings";
    r.write = [s](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_RETURN_IF_ERROR(SaveMapSettings(c, s, NowUnix()));
        out.body = SettingsJson(s);
        e.detail = out.body.dump();
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterDevicesRoutes(http::Router& router, const Deps& d) {
    auto bind = [d](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [d, fn](Request& req) { return fn(d, req); };
    };
    const std::string base = "/api/v1/checkpoint";
    router.Add({"GET", base + "/devices", "", "device.list", bind(ListHandler)});
    router.Add({"POST", base + "/devices", "checkpoint.admin", "device.create", bind(CreateHandler)});
    router.Add({"POST", base + "/devices/import", "checkpoint.admin", "device.import", bind(ImportHandler)});
    router.Add({"GET", base + "/devices/:id", "", "device.read", bind(GetHandler)});
    router.Add({"PUT", base + "/devices/:id", "checkpoint.admin", "device.update", bind(UpdateHandler)});
    router.Add({"POST", base + "/devices/:id/disable", "checkpoint.admin", "device.disable", bind(DisableHandler)});
    router.Add({"GET", base + "/map", "checkpoint.read", "checkpoint.map", bind(MapHandler)});
    router.Add({"GET", base + "/basemap", "checkpoint.read", "checkpoint.basemap", bind(BaseMapHandler)});
    router.Add({"GET", base + "/map-settings", "", "checkpoint.map_settings", bind(GetSettingsHandler)});
    router.Add({"PUT", base + "/map-settings", "checkpoint.admin", "checkpoint.map_settings_update",
                bind(PutSettingsHandler)});
    RegisterStatsRoutes(router, d);
}

}  // namespace jw::checkpoint
