// Store and place management over HTTP (store_service.hpp), for property.store.manage (custodian, leader). Each
// change runs in the audited write; the answer is the store as GET /stores shows it, or the place.
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "http/params.hpp"
#include "property/items/property_handlers.hpp"
#include "property/items/property_json.hpp"
#include "property/stores/store_service.hpp"

namespace jw::property {

using http::Reply;
using http::Request;

namespace {

Json PlaceJson(const Place& p) {
    return {{"id", p.id},
            {"store_id", p.store_id},
            {"parent_id", p.parent_id ? Json(*p.parent_id) : Json()},
            {"level", p.level},
            {"code", p.code},
            {"name", p.name},
            {"capacity", p.capacity}};
}

Result<Reply> CreateStoreHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"unit_id", "name", "kind"});
    StoreInput s;
    s.unit_id = in.Int("unit_id", true, 1, INT64_MAX).value_or(0);
    s.name = in.Text("name", true, 100).value_or("");
    s.kind = in.Text("kind", true, 20).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "property_store";
    r.write = [s, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Store store, CreateStore(c, actor, s, NowUnix()));
        e.object = "property_store:" + std::to_string(store.id);
        out.body = StoreJson(store, {});
        return Status::Ok();
    };
    return r;
}

Result<Reply> AddPlaceHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t store_id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"parent_id", "level", "code", "name", "capacity"});
    PlaceInput p;
    if (body.contains("parent_id") && !body["parent_id"].is_null())
        p.parent_id = in.Int("parent_id", true, 1, INT64_MAX);
    p.level = in.Text("level", true, 20).value_or("");
    p.code = in.Text("code", true, 40).value_or("");
    p.name = in.Text("name", false, 100).value_or("");
    p.capacity = static_cast<int>(in.Int("capacity", false, 0, 100000).value_or(0));
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "property_store:" + std::to_string(store_id);
    r.write = [store_id, p, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e,
                                                    Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Place place, AddPlace(c, actor, store_id, p));
        e.object = "property_place:" + std::to_string(place.id);
        out.body = PlaceJson(place);
        return Status::Ok();
    };
    return r;
}

Result<Reply> UpdatePlaceHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"name", "capacity"});
    std::optional<std::string> name = in.Text("name", false, 100);
    std::optional<int> capacity;
    if (auto n = in.Int("capacity", false, 0, 100000)) capacity = static_cast<int>(*n);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "property_place:" + std::to_string(id);
    r.write = [id, name, capacity, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e,
                                                           Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Place place, UpdatePlace(c, actor, id, name, capacity));
        if (capacity) e.detail = "capacity " + std::to_string(*capacity);
        out.body = PlaceJson(place);
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterStoreRoutes(http::Router& router, Deps) {
    const std::string p = "/api/v1/property";
    router.Add({"POST", p + "/stores", "property.store.manage", "property.store_create", CreateStoreHandler});
    router.Add({"POST", p + "/stores/:id/places", "property.store.manage", "property.place_create", AddPlaceHandler});
    router.Add({"PATCH", p + "/places/:id", "property.store.manage", "property.place_update", UpdatePlaceHandler});
}

}  // namespace jw::property
