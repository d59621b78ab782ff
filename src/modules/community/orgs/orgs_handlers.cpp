#include "community/orgs/orgs_handlers.hpp"

#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "community/houses/place_json.hpp"
#include "community/orgs/orgs_repository.hpp"
#include "community/orgs/orgs_service.hpp"
#include "http/params.hpp"
#include "idempotency/idempotency.hpp"
#include "media/media_store.hpp"

namespace jw::community {
namespace {

using http::Reply;
using http::Request;

Json OptJson(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json OrgJson(const Org& o) {
    return {{"id", o.id},
            {"name", o.name},
            {"credit_code", o.credit_code},
            {"address_id", o.address_id},
            {"address_name", o.address_name},
            {"kind", o.kind},
            {"legal_rep_person_id", OptJson(o.legal_rep_person_id)},
            {"legal_rep_name", MaskName(o.legal_rep_name)},
            {"security_contact_person_id", OptJson(o.security_contact_person_id)},
            {"security_contact_name", MaskName(o.security_contact_name)},
            {"phone", MaskPhone(o.phone)},
            {"photo_media_id", o.photo_media_id ? Json(*o.photo_media_id) : Json(nullptr)},
            {"unit_id", o.unit_id},
            {"created_at", FormatUtcIso(o.created_at)},
            {"updated_at", FormatUtcIso(o.updated_at)},
            {"version", o.version}};
}

const std::vector<std::string> kKinds(std::begin(kOrgKinds), std::end(kOrgKinds));

Result<Reply> ListHandler(storage::Database& db, Request& req) {
    OrgFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.kind, http::QueryEnum(req, "kind", kKinds));
    f.q = req.Query("q");
    if (f.q.size() > 200) return Status::Invalid("q", "too_long");
    f.address_prefix = req.Query("address_id");
    f.grid_id = req.Query("grid_id");
    f.unit_scope = ScopeOf(req);
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListOrgs(**c, f));
    Json items = Json::array();
    for (const auto& o : page.first) items.push_back(OrgJson(o));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "orgs";
    r.audit_detail = std::to_string(page.first.size()) + " of " + std::to_string(page.second);
    return r;
}

Result<Reply> GetHandler(storage::Database& db, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Org o, ReadOrg(**c, id, ScopeOf(req)));
    Reply r = Reply::Json200(OrgJson(o));
    r.audit_object = "org:" + std::to_string(id);
    return r;
}

Result<Reply> CreateHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"name", "credit_code", "address_id", "kind", "phone", "legal_rep_person_id",
                         "security_contact_person_id", "photo_media_id", "legal_rep", "security_contact"});
    OrgInput o;
    const std::optional<PersonInput> rep = PersonIdentity(body, "legal_rep", in);
    const std::optional<PersonInput> contact = PersonIdentity(body, "security_contact", in);
    o.name = in.Text("name", true, 100).value_or("");
    o.credit_code = in.Text("credit_code", false, 30).value_or("");
    o.address_id = in.Text("address_id", true, 100).value_or("");
    o.kind = in.Text("kind", true, 20).value_or("");
    o.phone = in.Text("phone", false, 30).value_or("");
    o.legal_rep_person_id = PersonField(body, "legal_rep_person_id", in);
    o.security_contact_person_id = PersonField(body, "security_contact_person_id", in);
    o.photo_media_id = in.Text("photo_media_id", false, 40);
    JW_RETURN_IF_ERROR(in.status());
    const PlaceActor by = ActorOf(req);
    const auth::Principal who = *req.principal;
    Reply r;
    r.status = 201;
    r.audit_detail = o.kind;
    r.write = [o, by, rep, contact, who](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        OrgInput in = o;
        if (rep) {
            JW_ASSIGN_OR_RETURN(in.legal_rep_person_id, ResolvePersonField(c, *rep, who, "legal_rep"));
        }
        if (contact) {
            JW_ASSIGN_OR_RETURN(in.security_contact_person_id,
                                ResolvePersonField(c, *contact, who, "security_contact"));
        }
        JW_ASSIGN_OR_RETURN(Org made, CreateOrg(c, in, by, NowUnix()));
        e.object = "org:" + std::to_string(made.id);
        out.body = OrgJson(made);
        return Status::Ok();
    };
    return r;
}

Result<Reply> PatchHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"version", "name", "credit_code", "address_id", "kind", "phone", "legal_rep_person_id",
                         "security_contact_person_id", "photo_media_id"});
    OrgPatch p;
    p.version = in.Int("version", true, 1, INT64_MAX).value_or(0);
    p.name = in.Text("name", false, 100);
    if (body.contains("credit_code")) p.credit_code = in.Text("credit_code", false, 30).value_or("");
    p.address_id = in.Text("address_id", false, 100);
    p.kind = in.Text("kind", false, 20);
    if (body.contains("phone")) p.phone = in.Text("phone", false, 30).value_or("");
    p.clear_legal_rep = IsNull(body, "legal_rep_person_id");
    p.legal_rep_person_id = PersonField(body, "legal_rep_person_id", in);
    p.clear_security_contact = IsNull(body, "security_contact_person_id");
    p.security_contact_person_id = PersonField(body, "security_contact_person_id", in);
    p.photo_media_id = in.Text("photo_media_id", false, 40);
    JW_RETURN_IF_ERROR(in.status());
    const PlaceActor by = ActorOf(req);
    const UnitScope scope = ScopeOf(req);
    Reply r;
    r.audit_object = "org:" + std::to_string(id);
    r.write = [id, p, by, scope](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Org o, UpdateOrg(c, id, p, by, scope, NowUnix()));
        out.body = OrgJson(o);
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterOrgRoutes(http::Router& router, storage::Database& db, const std::string& master) {
    storage::Database* d = &db;
    const std::string base = "/api/v1/community/orgs";
    router.Add(
        {"GET", base, "community.org.read", "community.org.read", [d](Request& req) { return ListHandler(*d, req); }});
    router.Add(
        {"POST", base, "community.org.write", "community.org.create", idempotency::Once(db, master, CreateHandler)});
    router.Add({"GET", base + "/:id", "community.org.read", "community.org.read",
                [d](Request& req) { return GetHandler(*d, req); }});
    router.Add({"PATCH", base + "/:id", "community.org.write", "community.org.update", PatchHandler});
    media::RegisterAccessCheck("community.org",
                               [](storage::Connection& c, const auth::Principal& p, int64_t id) -> Result<bool> {
                                   if (!p.Can("community.org.read")) return false;
                                   auto o = ReadOrg(c, id, p.all_units ? UnitScope() : UnitScope(p.unit_scope));
                                   if (o.ok()) return true;
                                   if (o.status().code() == ErrorCode::kNotFound) return false;
                                   return o.status();
                               });
}

}  // namespace jw::community
