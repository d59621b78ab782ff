#include "community/houses/houses_handlers.hpp"

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "community/houses/houses_repository.hpp"
#include "community/houses/houses_service.hpp"
#include "community/houses/place_json.hpp"
#include "http/params.hpp"
#include "idempotency/idempotency.hpp"
#include "media/media_store.hpp"

namespace jw::community {
namespace {

using http::Reply;
using http::Request;

Json OptJson(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json TimeJson(const std::optional<int64_t>& v) { return v ? Json(FormatUtcIso(*v)) : Json(nullptr); }

Json HouseJson(const House& h) {
    return {{"id", h.id},
            {"address_id", h.address_id},
            {"address_name", h.address_name},
            {"owner_person_id", OptJson(h.owner_person_id)},
            {"owner_name", MaskName(h.owner_name)},
            {"use", h.use},
            {"area_m2", h.area_m2 ? Json(*h.area_m2) : Json(nullptr)},
            {"photo_media_id", h.photo_media_id ? Json(*h.photo_media_id) : Json(nullptr)},
            {"notes", h.notes},
            {"checked_at", TimeJson(h.checked_at)},
            {"tenants_current", h.tenants_current},
            {"tenants_unreported", h.tenants_unreported},
            {"unit_id", h.unit_id},
            {"created_at", FormatUtcIso(h.created_at)},
            {"updated_at", FormatUtcIso(h.updated_at)},
            {"version", h.version}};
}

Json TenantJson(const Tenant& t, const std::string& today) {
    const bool current = t.from_date <= today && (!t.to_date || *t.to_date >= today);
    return {{"id", t.id},
            {"person_id", t.person_id},
            {"name", MaskName(t.name)},
            {"from_date", t.from_date},
            {"to_date", t.to_date ? Json(*t.to_date) : Json(nullptr)},
            {"reported_at", TimeJson(t.reported_at)},
            {"current", current},
            {"unreported", current && !t.reported_at}};
}

Json CheckJson(const HouseCheck& k) {
    return {{"id", k.id},
            {"result", k.result},
            {"notes", k.notes},
            {"checked_by", k.checked_by},
            {"at", FormatUtcIso(k.at)}};
}

std::string Today() { return FormatDate(ChinaDateOf(NowUnix())); }

Result<Reply> ListHandler(storage::Database& db, Request& req) {
    HouseFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.use, http::QueryEnum(req, "use", {"own", "rented", "commercial", "vacant"}));
    JW_ASSIGN_OR_RETURN(f.unreported, http::QueryBool(req, "unreported", false));
    f.q = req.Query("q");
    f.address_prefix = req.Query("address_id");
    f.grid_id = req.Query("grid_id");
    if (f.q.size() > 200) return Status::Invalid("q", "too_long");
    f.unit_scope = ScopeOf(req);
    f.today = Today();
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListHouses(**c, f));
    Json items = Json::array();
    for (const auto& h : page.first) items.push_back(HouseJson(h));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "houses";
    r.audit_detail = std::to_string(page.first.size()) + " of " + std::to_string(page.second);
    return r;
}

Result<Reply> GetHandler(storage::Database& db, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(House h, ReadHouse(**c, id, ScopeOf(req), NowUnix()));
    JW_ASSIGN_OR_RETURN(auto tenants, ListTenants(**c, id));
    JW_ASSIGN_OR_RETURN(auto checks, ListChecks(**c, id));
    Json j = HouseJson(h);
    const std::string today = Today();
    j["tenants"] = Json::array();
    for (const auto& t : tenants) j["tenants"].push_back(TenantJson(t, today));
    j["checks"] = Json::array();
    for (const auto& k : checks) j["checks"].push_back(CheckJson(k));
    Reply r = Reply::Json200(std::move(j));
    r.audit_object = "house:" + std::to_string(id);
    return r;
}

Result<Reply> CreateHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"address_id", "owner_person_id", "owner", "use", "area_m2", "photo_media_id", "notes"});
    HouseInput h;
    const std::optional<PersonInput> owner = PersonIdentity(body, "owner", in);
    h.address_id = in.Text("address_id", true, 100).value_or("");
    h.owner_person_id = PersonField(body, "owner_person_id", in);
    h.use = in.Text("use", true, 20).value_or("");
    h.area_m2 = Area(body, "area_m2", 100000, in);
    h.photo_media_id = in.Text("photo_media_id", false, 40);
    h.notes = in.Text("notes", false, 500).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const PlaceActor by = ActorOf(req);
    const auth::Principal who = *req.principal;
    Reply r;
    r.status = 201;
    r.audit_detail = h.address_id + " " + h.use;
    r.write = [h, by, owner, who](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        HouseInput in = h;
        if (owner) {
            JW_ASSIGN_OR_RETURN(in.owner_person_id, ResolvePersonField(c, *owner, who, "owner"));
        }
        JW_ASSIGN_OR_RETURN(House made, CreateHouse(c, in, by, NowUnix()));
        e.object = "house:" + std::to_string(made.id);
        out.body = HouseJson(made);
        return Status::Ok();
    };
    return r;
}

Result<Reply> PatchHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"version", "owner_person_id", "use", "area_m2", "photo_media_id", "notes"});
    HousePatch p;
    p.version = in.Int("version", true, 1, INT64_MAX).value_or(0);
    p.clear_owner = IsNull(body, "owner_person_id");
    p.owner_person_id = PersonField(body, "owner_person_id", in);
    p.use = in.Text("use", false, 20);
    p.clear_area = IsNull(body, "area_m2");
    p.area_m2 = Area(body, "area_m2", 100000, in);
    p.photo_media_id = in.Text("photo_media_id", false, 40);
    if (body.contains("notes")) p.notes = in.Text("notes", false, 500).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const PlaceActor by = ActorOf(req);
    const UnitScope scope = ScopeOf(req);
    Reply r;
    r.audit_object = "house:" + std::to_string(id);
    r.write = [id, p, by, scope](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(House h, UpdateHouse(c, id, p, by, scope, NowUnix()));
        out.body = HouseJson(h);
        return Status::Ok();
    };
    return r;
}

Result<Reply> TenantHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"tenant_id", "person_id", "person", "from_date", "to_date", "reported"});
    TenantInput t;
    const std::optional<PersonInput> person = PersonIdentity(body, "person", in);
    t.tenant_id = in.Int("tenant_id", false, 1, INT64_MAX);
    t.person_id = in.Int("person_id", false, 1, INT64_MAX);
    t.from_date = in.Text("from_date", false, 10).value_or("");
    t.to_date = in.Text("to_date", false, 10);
    t.reported = in.Bool("reported", false).value_or(false);
    JW_RETURN_IF_ERROR(in.status());
    const PlaceActor by = ActorOf(req);
    const UnitScope scope = ScopeOf(req);
    const auth::Principal who = *req.principal;
    Reply r;
    r.status = t.tenant_id ? 200 : 201;
    r.audit_object = "house:" + std::to_string(id);
    r.write = [id, t, by, scope, person, who](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        TenantInput in = t;
        // The house is checked first (scope, use): a refused tenancy registers nobody.
        if (person) {
            JW_ASSIGN_OR_RETURN(House h, ReadHouse(c, id, scope, NowUnix()));
            if (h.use != "rented")
                return Status(ErrorCode::kInvalidArgument, "tenants are recorded for rented houses",
                              {{"use", "not_rented"}});
            JW_ASSIGN_OR_RETURN(in.person_id, ResolvePersonField(c, *person, who, "person"));
        }
        JW_ASSIGN_OR_RETURN(Tenant made, RecordTenant(c, id, in, by, scope, NowUnix()));
        e.detail = "tenant:" + std::to_string(made.id) + " person:" + std::to_string(made.person_id) +
                   (made.reported_at ? " reported" : " unreported");
        out.body = TenantJson(made, Today());
        return Status::Ok();
    };
    return r;
}

Result<Reply> CheckHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"result", "notes"});
    CheckInput k;
    k.result = in.Text("result", true, 20).value_or("");
    k.notes = in.Text("notes", false, 500).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const PlaceActor by = ActorOf(req);
    const UnitScope scope = ScopeOf(req);
    Reply r;
    r.status = 201;
    r.audit_object = "house:" + std::to_string(id);
    r.audit_detail = k.result;
    r.write = [id, k, by, scope](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(HouseCheck made, RecordCheck(c, id, k, by, scope, NowUnix()));
        out.body = CheckJson(made);
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterHouseRoutes(http::Router& router, storage::Database& db, const std::string& master) {
    storage::Database* d = &db;
    const std::string base = "/api/v1/community/houses";
    router.Add({"GET", base, "community.house.read", "community.house.read",
                [d](Request& req) { return ListHandler(*d, req); }});
    router.Add({"POST", base, "community.house.write", "community.house.create",
                idempotency::Once(db, master, CreateHandler)});
    router.Add({"GET", base + "/:id", "community.house.read", "community.house.read",
                [d](Request& req) { return GetHandler(*d, req); }});
    router.Add({"PATCH", base + "/:id", "community.house.write", "community.house.update", PatchHandler});
    router.Add({"POST", base + "/:id/tenants", "community.house.write", "community.house.tenant", TenantHandler});
    router.Add({"POST", base + "/:id/checks", "community.house.write", "community.house.check", CheckHandler});
    // A house's photo is read like the house: the read permission and the unit scope.
    media::RegisterAccessCheck("community.house",
                               [](storage::Connection& c, const auth::Principal& p, int64_t id) -> Result<bool> {
                                   if (!p.Can("community.house.read")) return false;
                                   UnitScope scope = p.all_units ? UnitScope() : UnitScope(p.unit_scope);
                                   auto h = ReadHouse(c, id, scope, NowUnix());
                                   if (h.ok()) return true;
                                   if (h.status().code() == ErrorCode::kNotFound) return false;
                                   return h.status();
                               });
}

}  // namespace jw::community
