#include "field/field_handlers.hpp"

#include <algorithm>
#include <memory>

#include "checkpoint/devices/devices_repository.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "community/dossier/place_link.hpp"
#include "community/grids/grid_repository.hpp"
#include "community/work/work_json.hpp"
#include "field/field_service.hpp"
#include "field/grid_map.hpp"
#include "http/params.hpp"
#include "idempotency/idempotency.hpp"

namespace jw::field {

namespace {
using http::Reply;
using http::Request;

Json CheckJson(const CheckResult& r) {
    Json hits = Json::array();
    for (const auto& h : r.hits)
        hits.push_back({{"kind", h.kind},
                        {"kind_name_zh", h.kind_name_zh},
                        {"kind_name_en", h.kind_name_en},
                        {"name", h.masked_name},
                        {"case_no", h.case_no},
                        {"instruction", h.instruction},
                        {"colour", h.colour},
                        {"alert_id", h.alert_id}});
    Json j = {{"id", r.id}, {"outcome", r.outcome}, {"checked_at", r.checked_at}, {"hits", hits}};
    if (r.person_id) {
        j["person"] = {
            {"id", *r.person_id}, {"name", r.masked_name}, {"id_number", r.masked_id}, {"category", r.category}};
    }
    return j;
}

Result<Reply> CheckHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body,
                  {"client_key", "id_number", "name", "birth_date", "longitude", "latitude", "checked_at", "offline"});
    CheckInput ci;
    ci.client_key = in.Text("client_key", true, 64).value_or("");
    ci.id_number = in.Text("id_number", false, 18).value_or("");
    ci.name = in.Text("name", false, 40).value_or("");
    ci.birth_date = in.Text("birth_date", false, 10).value_or("");
    ci.longitude = community::ReadCoordinate(body, in, "longitude", -180, 180);
    ci.latitude = community::ReadCoordinate(body, in, "latitude", -90, 90);
    ci.checked_at = in.Int("checked_at", false, 0, INT64_MAX / 2);
    ci.offline = in.Bool("offline", false).value_or(false);
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal officer = *req.principal;
    Reply r;
    r.audit_object = "field_check";
    r.write = [officer, ci](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto result, RecordCheck(c, officer, ci, NowUnix()));
        e.object = "field_check:" + std::to_string(result.id);
        e.detail = result.outcome + (result.replay ? " replay" : "");
        out.status = result.replay ? 200 : 201;
        out.body = CheckJson(result);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ListHandler(Request& req, storage::Database& db) {
    const auth::Principal& p = *req.principal;
    const bool mine = req.Query("mine") == "true" || !p.Can("field.check.read");
    std::optional<std::vector<int64_t>> scope;
    if (!p.all_units) scope = p.unit_scope;
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows,
                        ListChecks(**c, mine ? std::optional<int64_t>(p.user_id) : std::nullopt, scope, 200));
    Json items = Json::array();
    for (const auto& k : rows) {
        Json j = {{"id", k.id},
                  {"officer_id", k.officer_id},
                  {"officer_name", k.officer_name},
                  {"outcome", k.outcome},
                  {"subject", k.subject_masked},
                  {"checked_at", k.checked_at},
                  {"received_at", k.received_at},
                  {"offline", k.offline}};
        j["person_id"] = k.person_id ? Json(*k.person_id) : Json(nullptr);
        if (k.longitude && k.latitude) j["position"] = {{"longitude", *k.longitude}, {"latitude", *k.latitude}};
        items.push_back(std::move(j));
    }
    Reply r = Reply::Json200({{"items", items}, {"total", items.size()}});
    r.audit_object = "field_checks";
    r.audit_detail = std::to_string(items.size()) + " rows, masked";
    return r;
}

// The secret the phone derives its cache key from: HMAC-SM3 under DeriveKey(master, "field.cache") of this
// session's hash, so it is the same for the whole session (a reload can fetch it again) and useless after logout.
Result<Reply> CacheKeyHandler(Request& req, const std::string& cache_key, int max_offline_hours) {
    const auth::Principal& p = *req.principal;
    Reply r = Reply::Json200({{"secret", ToHex(HmacSm3(cache_key, p.session_hash))},
                              {"max_offline_hours", max_offline_hours},
                              {"user_id", p.user_id}});
    r.headers.push_back({"Cache-Control", "no-store"});
    r.audit_object = "field_cache_key";
    return r;
}
// The grid a caller works in (a team member, or, with field.check, the grid's station): `code`, or without it the
// grid whose team the caller is on (a grid member's phone, which has no grid figures to find it by); nullopt when
// none. NotFound for a grid the caller has no part in (as for an unknown one). Shared by the offline store's routes.
Result<std::optional<community::Grid>> CallersGrid(storage::Database& db, const auth::Principal& p, std::string code) {
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    if (code.empty()) {
        JW_ASSIGN_OR_RETURN(auto mine, GridOfMember(**c, p.user_id));
        if (!mine) return std::optional<community::Grid>();
        code = *mine;
    }
    JW_ASSIGN_OR_RETURN(auto grid, community::FindGrid(**c, code));
    if (!grid) return Status::NotFound("grid");
    JW_ASSIGN_OR_RETURN(auto team, community::LoadTeam(**c, code));
    const bool member = std::any_of(team.begin(), team.end(), [&](const auto& m) { return m.user_id == p.user_id; });
    // The station's police see its grids; a grid member (no field.check, not police) only their own team's.
    if (!member && !(p.Can("field.check") && p.SeesUnit(grid->unit_id))) return Status::NotFound("grid");
    return grid;
}

// The addresses of the caller's grid (CallersGrid), for picking an address offline: the phone keeps no more than
// its own grid's. {grid: null, items: []} when the caller has none. Each with its position when it has one.
Result<Reply> GridAddressesHandler(Request& req, storage::Database& db) {
    JW_ASSIGN_OR_RETURN(auto grid, CallersGrid(db, *req.principal, req.Query("grid")));
    if (!grid) {
        Reply none = Reply::Json200({{"grid", nullptr}, {"items", Json::array()}});
        none.audit_object = "grid:none";
        return none;
    }
    const std::string& code = grid->code;
    Json items = Json::array();
    const auto matcher = community::ServingAddressIndex().Get();
    if (matcher) {
        for (const auto& a : matcher->addresses()) {
            if (a.grid_id != code || items.size() >= 5000) continue;
            Json j = {{"address_id", a.code}, {"full_name", a.full_name}, {"level", a.level}};
            if (a.longitude && a.latitude) j["position"] = {{"longitude", *a.longitude}, {"latitude", *a.latitude}};
            items.push_back(std::move(j));
        }
    }
    Reply r = Reply::Json200({{"grid", code}, {"items", items}});
    r.audit_object = "grid:" + code;
    r.audit_detail = std::to_string(items.size()) + " addresses";
    return r;
}

// The phone's offline map of the caller's grid (grid_map.hpp): {grid, name, boundary (GeoJSON Polygon), basemap
// (the base map's features near the grid)}; {grid: null} when the caller has none. No personal data.
Result<Reply> GridMapHandler(Request& req, storage::Database& db) {
    JW_ASSIGN_OR_RETURN(auto grid, CallersGrid(db, *req.principal, req.Query("grid")));
    if (!grid) {
        Reply none = Reply::Json200({{"grid", nullptr}});
        none.audit_object = "grid:none";
        return none;
    }
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(std::string stored, checkpoint::LoadBaseMap(**c));
    const Json basemap = GridBaseMap(Json::parse(stored, nullptr, false), grid->polygon.box);
    Reply r = Reply::Json200({{"grid", grid->code},
                              {"name", grid->name},
                              {"boundary", geo::ToGeoJson(grid->polygon)},
                              {"basemap", basemap}});
    r.audit_object = "grid:" + grid->code;
    r.audit_detail = std::to_string(basemap["features"].size()) + " base map features";
    return r;
}
}  // namespace

void RegisterFieldRoutes(http::Router& router, const FieldDeps& deps) {
    storage::Database& db = deps.db;
    const std::string base = "/api/v1/field";
    router.Add(
        {"POST", base + "/checks", "field.check", "field.check", idempotency::Once(db, deps.master, CheckHandler)});
    router.Add({"GET", base + "/checks", "field.check", "field.check.list",
                [&db](Request& req) { return ListHandler(req, db); }});
    // The offline store's routes: field.offline (officers, auxiliaries and grid members: ADR 0064).
    router.Add({"GET", base + "/grid-addresses", "field.offline", "field.grid_addresses",
                [&db](Request& req) { return GridAddressesHandler(req, db); }});
    router.Add({"GET", base + "/grid-map", "field.offline", "field.grid_map",
                [&db](Request& req) { return GridMapHandler(req, db); }});
    router.Add({"GET", base + "/cache-key", "field.offline", "field.cache_key",
                [key = DeriveKey(deps.master, "field.cache"), hours = deps.max_offline_hours](Request& req) {
                    return CacheKeyHandler(req, key, hours);
                }});
}

}  // namespace jw::field
