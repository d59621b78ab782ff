// Routes of the organisations registry (docs/api/orgs.md): the system administrator's registry and accounts,
// an organisation administrator's own staff, and the route table for the security administrator.
#include "admin/json_views.hpp"
#include "auth/auth_repository.hpp"
#include "auth/external.hpp"
#include "auth/password.hpp"
#include "common/civil_time.hpp"
#include "http/params.hpp"
#include "orgs/orgs_module.hpp"
#include "orgs/orgs_repository.hpp"
#include "orgs/orgs_service.hpp"

namespace jw::orgs {

using http::Reply;
using http::Request;

namespace {

std::vector<std::string> KindNames() {
    std::vector<std::string> out;
    for (const auto& k : auth::OrgKinds()) out.push_back(k.kind);
    return out;
}

Json OrgJson(const Organisation& o) {
    return {{"id", o.id},
            {"kind", o.kind},
            {"name", o.name},
            {"code", o.code},
            {"parent_id", o.parent_id ? Json(*o.parent_id) : Json(nullptr)},
            {"parent_name", o.parent_id ? Json(o.parent_name) : Json(nullptr)},
            {"supervisor_unit_id", o.supervisor_unit_id},
            {"supervisor_unit_name", o.supervisor_unit_name},
            {"contact_name", MaskName(o.contact_name)},
            {"contact_phone", MaskPhone(o.contact_phone)},
            {"status", o.status},
            {"staff", o.staff},
            {"created_at", admin::TimeOrNull(o.created_at)},
            {"updated_at", admin::TimeOrNull(o.updated_at)}};
}

Json StaffJson(const auth::User& u) {
    Json j = admin::UserJson(u);
    j.erase("police_no");
    j.erase("unit_id");
    j.erase("unit_name");
    j["account_no"] = u.police_no;
    j["org_id"] = u.org_id;
    j["org_name"] = u.org_name;
    return j;
}

Json KindJson(const auth::OrgKind& k) {
    return {{"kind", k.kind},
            {"roles", k.roles},
            {"admin_role", k.admin_role.empty() ? Json(nullptr) : Json(k.admin_role)},
            {"parent_kind", k.parent_kind.empty() ? Json(nullptr) : Json(k.parent_kind)}};
}

// The fields of an organisation in a create or update body.
Organisation ReadOrg(JsonReader& in, bool create) {
    Organisation o;
    if (create) {
        o.kind = in.Text("kind", true, 40).value_or("");
        o.code = in.Text("code", true, 30).value_or("");
        o.parent_id = in.Int("parent_id", false, 1, INT64_MAX);
    }
    o.name = in.Text("name", true, 60).value_or("");
    o.supervisor_unit_id = in.Int("supervisor_unit_id", true, 1, INT64_MAX).value_or(0);
    o.contact_name = in.Text("contact_name", true, 20).value_or("");
    o.contact_phone = in.Text("contact_phone", true, 20).value_or("");
    return o;
}

NewStaff ReadStaff(JsonReader& in, bool role_required) {
    NewStaff s;
    s.username = in.Text("username", true, 32).value_or("");
    s.account_no = in.Text("account_no", false, 6).value_or("");
    s.name = in.Text("name", true, 20).value_or("");
    s.phone = in.Text("phone", true, 20).value_or("");
    s.role = in.Text("role", role_required, 40).value_or("");
    return s;
}

// The my-org routes are an organisation's own: a police account granted their permission still has no
// organisation to manage.
Status RequireExternal(const Request& req) {
    return auth::IsExternal(*req.principal) ? Status::Ok() : Status::Denied("not an organisation's account");
}

// The police caller's scope: the organisations its units supervise (every one when it sees every unit).
OrgQuery ScopedQuery(const auth::Principal& p) {
    OrgQuery q;
    if (auth::IsExternal(p))
        q.org_ids = p.org_scope;
    else if (!p.all_units)
        q.unit_scope = p.unit_scope;
    return q;
}

Result<Reply> ListOrgs(Deps d, Request& req) {
    OrgQuery q = ScopedQuery(*req.principal);
    JW_RETURN_IF_ERROR(req.Paging(&q.page, &q.page_size));
    q.q = req.Query("q");
    JW_ASSIGN_OR_RETURN(q.kind, http::QueryEnum(req, "kind", KindNames()));
    JW_ASSIGN_OR_RETURN(q.status, http::QueryEnum(req, "status", {"active", "suspended"}));
    JW_ASSIGN_OR_RETURN(q.parent_id, http::QueryId(req, "parent_id"));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, repo::ListOrgs(**c, q));
    Json items = Json::array();
    for (const auto& o : page.first) items.push_back(OrgJson(o));
    Json kinds = Json::array();
    for (const auto& k : auth::OrgKinds()) kinds.push_back(KindJson(k));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}, {"kinds", kinds}});
    r.audit_object = "organisations?q=" + q.q;
    return r;
}

Result<Organisation> VisibleOrg(storage::Connection& c, const auth::Principal& p, int64_t id) {
    auto o = repo::GetOrg(c, id);
    if (!o.ok() || !SeesOrganisation(p, *o)) return Status::NotFound("organisation");
    return o;
}

Json HistoryJson(const std::vector<OrgChange>& changes) {
    Json out = Json::array();
    for (const auto& ch : changes)
        out.push_back({{"at", FormatUtcIso(ch.at)},
                       {"by", ch.by_name},
                       {"change", ch.change},
                       {"before", ch.before},
                       {"after", ch.after}});
    return out;
}

Result<Reply> GetOrg(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Organisation o, VisibleOrg(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto history, repo::ListChanges(**c, id));
    Reply r = Reply::Json200({{"organisation", OrgJson(o)}, {"history", HistoryJson(history)}});
    r.audit_object = "organisation:" + std::to_string(id);
    return r;
}

// The role of an organisation's first account: the kind's administrator role, else its first role.
std::string FirstRole(const std::string& kind) {
    const auth::OrgKind* k = auth::FindOrgKind(kind);
    if (k == nullptr) return "";
    return k->admin_role.empty() ? (k->roles.empty() ? "" : k->roles.front()) : k->admin_role;
}

Result<Reply> CreateOrg(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(
        body, {"kind", "name", "code", "parent_id", "supervisor_unit_id", "contact_name", "contact_phone", "admin"});
    Organisation o = ReadOrg(in, true);
    std::optional<NewStaff> admin;
    if (in.Has("admin")) {
        const Json& a = body["admin"];
        if (!a.is_object()) {
            in.Fail("admin", "bad_type");
        } else {
            JsonReader ain(a, {"username", "account_no", "name", "phone"});
            admin = ReadStaff(ain, false);
            const Status read = ain.status();  // a value: its fields must outlive the loop
            for (const auto& [k, v] : read.fields()) in.Fail("admin." + k, v);
            if (read.ok()) {
                Status checked = ValidateNewStaff(*admin);
                for (const auto& [k, v] : checked.fields()) in.Fail("admin." + k, v);
            }
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    o.code = NormaliseOrgCode(o.code);
    o.status = "active";
    JW_RETURN_IF_ERROR(ValidateOrg(o));
    std::string initial, hash;
    if (admin) {
        initial = auth::GeneratePassword();
        hash = auth::HashPassword(initial);
        admin->role = FirstRole(o.kind);
    }
    Reply r;
    r.status = 201;
    r.write = [d, o, admin, initial, hash, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e,
                                                                   Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Organisation created, orgs::CreateOrg(c, o, actor, NowUnix()));
        e.object = "organisation:" + std::to_string(created.id);
        out.body = {{"organisation", OrgJson(created)}};
        if (admin) {
            auto user = AddStaff(c, actor, created.id, *admin, hash, NowUnix());
            if (!user.ok()) {
                // Name the field as the form does: the administrator's fields are under admin.
                const Status refused = user.status();
                Status s(ErrorCode::kInvalidArgument, "invalid administrator");
                for (const auto& [k, v] : refused.fields()) s.mutable_fields()["admin." + k] = v;
                return s.fields().empty() ? refused : s;
            }
            out.body["admin"] = {{"user", StaffJson(*user)}, {"initial_password", initial}};
            JW_ASSIGN_OR_RETURN(Organisation with_staff, repo::GetOrg(c, created.id));
            out.body["organisation"] = OrgJson(with_staff);
        }
        return Status::Ok();
    };
    return r;
}

Result<Reply> UpdateOrg(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"name", "supervisor_unit_id", "contact_name", "contact_phone"});
    Organisation o = ReadOrg(in, false);
    JW_RETURN_IF_ERROR(in.status());
    o.id = id;
    Reply r;
    r.audit_object = "organisation:" + std::to_string(id);
    r.write = [d, o, actor = *req.principal](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Organisation updated, orgs::UpdateOrg(c, o, actor, NowUnix()));
        out.body = OrgJson(updated);
        return Status::Ok();
    };
    return r;
}

Result<Reply> SetStatus(Deps d, Request& req, std::string status) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    Reply r;
    r.audit_object = "organisation:" + std::to_string(id);
    r.write = [d, id, status, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                      Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Organisation o, SetOrgStatus(c, id, status, actor, NowUnix()));
        d.sessions.Invalidate();  // cached sessions of its accounts end at once
        out.body = OrgJson(o);
        return Status::Ok();
    };
    return r;
}

// Staff of the organisations `org_ids` (already scoped), a page, filtered.
Result<Reply> StaffPage(Deps d, Request& req, std::vector<int64_t> org_ids, const std::string& object) {
    auth::repo::UserQuery q;
    JW_RETURN_IF_ERROR(req.Paging(&q.page, &q.page_size));
    q.q = req.Query("q");
    JW_ASSIGN_OR_RETURN(q.status, http::QueryEnum(req, "status", {"active", "locked", "disabled"}));
    q.org_ids = std::move(org_ids);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, auth::repo::ListUsers(**c, q));
    Json items = Json::array();
    for (const auto& u : page.first) items.push_back(StaffJson(u));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = object;
    return r;
}

Result<Reply> ListOrgStaff(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    {
        auto c = d.db.Acquire();
        if (!c.ok()) return c.status();
        JW_RETURN_IF_ERROR(VisibleOrg(**c, *req.principal, id).status());
    }
    return StaffPage(d, req, {id}, "organisation:" + std::to_string(id) + "/staff");
}

// Adds an account to organisation `org_id` (the system administrator's or an organisation administrator's).
Result<Reply> AddStaffTo(Deps d, Request& req, std::optional<int64_t> org_id) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"org_id", "username", "account_no", "name", "phone", "role"});
    if (!org_id) JW_RETURN_IF_ERROR(RequireExternal(req));
    if (!org_id) org_id = in.Int("org_id", false, 1, INT64_MAX).value_or(req.principal->org_id);
    NewStaff s = ReadStaff(in, true);
    JW_RETURN_IF_ERROR(in.status());
    JW_RETURN_IF_ERROR(ValidateNewStaff(s));
    const std::string initial = auth::GeneratePassword();
    const std::string hash = auth::HashPassword(initial);
    Reply r;
    r.status = 201;
    r.write = [d, s, initial, hash, org = *org_id, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e,
                                                                           Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auth::User u, AddStaff(c, actor, org, s, hash, NowUnix()));
        e.object = "user:" + std::to_string(u.id);
        out.body = {{"user", StaffJson(u)}, {"initial_password", initial}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> MyOrg(Deps d, Request& req) {
    JW_RETURN_IF_ERROR(RequireExternal(req));
    const auth::Principal& p = *req.principal;
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    Json orgs = Json::array();
    for (int64_t id : p.org_scope) {
        JW_ASSIGN_OR_RETURN(Organisation o, repo::GetOrg(**c, id));
        Json j = OrgJson(o);
        // The roles this administrator may give there: not its own administrator role at home.
        const auth::OrgKind* kind = auth::FindOrgKind(o.kind);
        Json roles = Json::array();
        for (const auto& role : kind ? kind->roles : std::vector<std::string>{})
            if (!(id == p.org_id && role == kind->admin_role)) roles.push_back(role);
        j["assignable_roles"] = roles;
        orgs.push_back(j);
    }
    Reply r = Reply::Json200({{"org_id", p.org_id}, {"organisations", orgs}});
    r.audit_object = "organisation:" + std::to_string(p.org_id);
    return r;
}

Result<Reply> MyStaff(Deps d, Request& req) {
    JW_RETURN_IF_ERROR(RequireExternal(req));
    JW_ASSIGN_OR_RETURN(auto only, http::QueryId(req, "org_id"));
    std::vector<int64_t> ids = req.principal->org_scope;
    if (only) {
        if (!auth::SeesOrg(*req.principal, *only)) return Status::Invalid("org_id", "not_found");
        ids = {*only};
    }
    return StaffPage(d, req, ids, "organisation:" + std::to_string(req.principal->org_id) + "/staff");
}

// Disable or enable one of the caller's staff.
Result<Reply> SetStaffStatus(Deps d, Request& req, std::string status, std::string from) {
    JW_RETURN_IF_ERROR(RequireExternal(req));
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    Reply r;
    r.audit_object = "user:" + std::to_string(id);
    r.write = [d, id, status, from, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                            Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auth::User u, ManagedStaff(c, actor, id));
        if (u.status != from) return Status::Invalid("status", "not_" + from);
        JW_RETURN_IF_ERROR(d.sessions.SetAccountStatus(c, id, status));
        JW_ASSIGN_OR_RETURN(auth::User after, auth::repo::GetUser(c, id));
        out.body = StaffJson(after);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ResetStaffPassword(Deps d, Request& req) {
    JW_RETURN_IF_ERROR(RequireExternal(req));
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    const std::string initial = auth::GeneratePassword();
    const std::string hash = auth::HashPassword(initial);
    Reply r = Reply::Json200({{"initial_password", initial}});
    r.audit_object = "user:" + std::to_string(id);
    r.write = [d, id, hash, actor = *req.principal](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        JW_RETURN_IF_ERROR(ManagedStaff(c, actor, id).status());
        JW_RETURN_IF_ERROR(auth::repo::SetPassword(c, id, hash, true, NowUnix()));
        JW_RETURN_IF_ERROR(auth::repo::DeleteUserSessions(c, id));
        d.sessions.Invalidate();
        return Status::Ok();
    };
    return r;
}

// The whole route table with, for each route, whether accounts outside the police may reach it (ADR 0051): what
// the security administrator reviews, and what the security suite walks.
Result<Reply> ListRoutes(Deps d, Request&) {
    Json items = Json::array();
    if (d.router)
        for (const auto& route : d.router->routes())
            items.push_back({{"method", route.method},
                             {"pattern", route.pattern},
                             {"permission", route.permission},
                             {"action", route.action},
                             {"external", auth::ExternalMayUse(d.registry, route.permission, route.action)}});
    return Reply::Json200({{"items", items}});
}

}  // namespace

const std::vector<std::string>& HashingActions() {
    static const std::vector<std::string> actions = {"org.create", "org.staff_add", "org.own_staff_add",
                                                     "org.own_staff_reset_password"};
    return actions;
}

void RegisterRoutes(http::Router& router, Deps d) {
    d.router = &router;
    const std::string base = "/api/v1/orgs";
    router.Add({"GET", base, "org.read", "org.list", [d](Request& r) { return ListOrgs(d, r); }});
    router.Add({"POST", base, "org.write", "org.create", [d](Request& r) { return CreateOrg(d, r); }});
    router.Add({"GET", base + "/:id", "org.read", "org.read", [d](Request& r) { return GetOrg(d, r); }});
    router.Add({"PUT", base + "/:id", "org.write", "org.update", [d](Request& r) { return UpdateOrg(d, r); }});
    router.Add({"POST", base + "/:id/suspend", "org.write", "org.suspend",
                [d](Request& r) { return SetStatus(d, r, "suspended"); }});
    router.Add({"POST", base + "/:id/activate", "org.write", "org.activate",
                [d](Request& r) { return SetStatus(d, r, "active"); }});
    router.Add(
        {"GET", base + "/:id/staff", "org.read", "org.staff_list", [d](Request& r) { return ListOrgStaff(d, r); }});
    router.Add({"POST", base + "/:id/staff", "org.write", "org.staff_add", [d](Request& r) -> Result<Reply> {
                    JW_ASSIGN_OR_RETURN(int64_t id, r.IdParam());
                    return AddStaffTo(d, r, id);
                }});
    const std::string own = "/api/v1/my-org";
    router.Add({"GET", own, "org.staff.read", "org.own_read", [d](Request& r) { return MyOrg(d, r); }});
    router.Add(
        {"GET", own + "/staff", "org.staff.read", "org.own_staff_list", [d](Request& r) { return MyStaff(d, r); }});
    router.Add({"POST", own + "/staff", "org.staff.write", "org.own_staff_add",
                [d](Request& r) { return AddStaffTo(d, r, std::nullopt); }});
    router.Add({"POST", own + "/staff/:id/disable", "org.staff.write", "org.own_staff_disable",
                [d](Request& r) { return SetStaffStatus(d, r, "disabled", "active"); }});
    router.Add({"POST", own + "/staff/:id/enable", "org.staff.write", "org.own_staff_enable",
                [d](Request& r) { return SetStaffStatus(d, r, "active", "disabled"); }});
    router.Add({"POST", own + "/staff/:id/reset-password", "org.staff.write", "org.own_staff_reset_password",
                [d](Request& r) { return ResetStaffPassword(d, r); }});
    router.Add({"GET", "/api/v1/routes", "role.read", "route.list", [d](Request& r) { return ListRoutes(d, r); }});
}

}  // namespace jw::orgs
